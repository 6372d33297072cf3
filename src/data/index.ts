/** `dplab/data`: synthetic data for the lessons (a seeded shop with its true preferences, a daily store with known components and holidays). */
export { syntheticShop, syntheticShopDefaults } from './synthetic-shop.ts';
export type { SyntheticShop, SyntheticShopOptions, ShopCustomer, ShopItem, ShopTruth } from './shop-types.ts';
export { truePreference, truePreferences, truePreferenceMatrix, trueRating } from './true-preference.ts';
export { shopCategories, styleWords, colourWords, type ShopCategory } from './shop-vocabulary.ts';
export * from './synthetic-store.ts';
export * from './card-transactions.ts';
