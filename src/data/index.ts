/** `dplab/data`: synthetic data for the lessons (a seeded shop with its true preferences). */
export {
  syntheticShop,
  syntheticShopDefaults,
  type SyntheticShop,
  type SyntheticShopOptions,
  type ShopCustomer,
  type ShopItem,
} from './synthetic-shop.ts';
export {
  truePreference,
  truePreferences,
  truePreferenceMatrix,
  trueRating,
  type ShopTruth,
} from './true-preference.ts';
export { shopCategories, styleWords, colourWords, type ShopCategory } from './shop-vocabulary.ts';
