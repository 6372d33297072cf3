/** `dplab/data`: seeded synthetic data with a known truth (a shop, a daily store, card transactions, a screening cohort, a messy clickstream with its orders) and the data-quality tools for arquero tables (profile, outliers, deduplicate, coerce, impute, winsorise, bot detection, a join that reports what did not match). */
export { syntheticShop, syntheticShopDefaults } from './synthetic-shop.ts';
export type { SyntheticShop, SyntheticShopOptions, ShopCustomer, ShopItem, ShopTruth } from './shop-types.ts';
export { truePreference, truePreferences, truePreferenceMatrix, trueRating } from './true-preference.ts';
export { shopCategories, styleWords, colourWords, type ShopCategory } from './shop-vocabulary.ts';
export * from './synthetic-store.ts';
export * from './card-transactions.ts';
export * from './screening-cohort.ts';
export { profile, profileTable, profileDefaults, histogram, sparkline, isPossibleDate } from './profile.ts';
export type {
  TableProfile,
  ColumnProfile,
  ProfileOptions,
  SuspiciousValue,
  HistogramBin,
} from './profile.ts';
export { iqrOutliers, madOutliers, madConstant, type IqrOutliers, type MadOutliers } from './outliers.ts';
export { quantile7, median } from './quantile.ts';
export { messyClickstream, messyClickstreamDefaults } from './messy-clickstream.ts';
export type {
  MessyClickstream,
  MessyClickstreamOptions,
  ClickstreamTruth,
  BotKind,
} from './messy-clickstream.ts';
export { deduplicate, type DeduplicateOptions } from './deduplicate.ts';
export { coerceNumbers, type CoerceNumbersOptions } from './coerce-numbers.ts';
export { impute, type ImputeOptions } from './impute.ts';
export { winsorize, winsorLimits, type WinsorizeOptions } from './winsorize.ts';
export {
  detectBots,
  detectBotsDefaults,
  type DetectBotsOptions,
  type SessionFeatures,
  type BotDetection,
} from './detect-bots.ts';
export {
  joinWithReport,
  type JoinWithReportOptions,
  type JoinReport,
  type JoinHow,
} from './join-with-report.ts';
