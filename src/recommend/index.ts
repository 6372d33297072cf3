/**
 * `dplab/recommend`: recommenders with one shape (`recommender.ts`): `fitX(interactions, options) → model`,
 * then `recommend(model, interactions, user, { k })`, `recommendAll`, `explain`, `predictRating` for every
 * model of the registry (`registry.ts`: one entry per recommender); splits, accuracy and beyond-accuracy
 * metrics, `evaluate`, and `compareRecommenders` (any models against the popularity and random baselines).
 */
export * from './interactions.ts';
export * from './recommender.ts';
export { topK, TopKHeap, type IndexScore } from './top-k.ts';
export { recommend, recommendAll, explain, predictRating, type ExplainOptions } from './recommend.ts';
export { recommenders, recommenderOf, type RecommenderModel } from './registry.ts';
export { fitRandom, randomDefaults, type RandomModel, type RandomOptions } from './random-recommender.ts';
export {
  fitPopularity,
  popularityDefaults,
  type PopularityModel,
  type PopularityOptions,
} from './popularity.ts';
export {
  tokenize,
  fitTfidf,
  transformTfidf,
  tfidf,
  tfidfDefaults,
  type TfidfModel,
  type TfidfOptions,
} from './tfidf.ts';
export {
  fitContentBased,
  userProfile,
  contentBasedDefaults,
  type ContentBasedModel,
  type ContentBasedOptions,
} from './content-based.ts';
export type { ItemContent } from './item-content.ts';
export {
  neighbourLists,
  pairSimilarity,
  neighbourDefaults,
  type NeighbourLists,
  type NeighbourOptions,
  type SimilarityMeasure,
} from './similarity.ts';
export { fitItemKnn, type ItemKnnModel, type ItemKnnOptions } from './item-knn.ts';
export { fitUserKnn, type UserKnnModel, type UserKnnOptions } from './user-knn.ts';
export {
  randomSplit,
  temporalSplit,
  leaveLastOut,
  coldStartSplit,
  type InteractionSplit,
  type RandomSplitOptions,
  type TemporalSplitOptions,
  type LeaveLastOutOptions,
  type ColdStartSplitOptions,
} from './split.ts';
export {
  precisionAtK,
  recallAtK,
  hitRateAtK,
  ndcgAtK,
  averagePrecisionAtK,
  reciprocalRank,
  rmse,
  mae,
} from './metrics.ts';
export {
  catalogueCoverage,
  intraListDiversity,
  novelty,
  averagePopularity,
  giniIndex,
  exposureGini,
  itemCosine,
} from './beyond-accuracy.ts';
export {
  evaluate,
  evaluateRatings,
  type Evaluation,
  type EvaluationSummary,
  type EvaluateOptions,
  type RatingEvaluation,
  type RecommendationLists,
} from './evaluate.ts';
export * from './factorization/index.ts';
export * from './hybrid-weighted.ts';
export * from './hybrid-lightfm.ts';
export * from './hybrid-lightfm-cold-start.ts';
export {
  identityFeature,
  itemContentFeatures,
  type FeatureList,
  type FeatureRows,
} from './hybrid-lightfm-features.ts';
export {
  compareRecommenders,
  compareRecommendersDefaults,
  type CompareRecommendersOptions,
  type RecommenderLeaderboard,
  type RecommenderLeaderboardRow,
} from './compare-recommenders.ts';
export {
  baselineNames,
  type CompareRecommender,
  type CustomRecommender,
  type RecommenderSpec,
} from './compare-recommenders-models.ts';
export {
  compareBest,
  metricLabel,
  recommenderMetrics,
  recommenderVerdict,
  type RecommenderComparison,
  type RecommenderMetric,
} from './recommender-verdict.ts';
export {
  checkColdStartUsers,
  checkPairOverlap,
  checkTimeOrder,
  checkUnknownItems,
  type RecommenderWarning,
  type RecommenderWarningCode,
  type SplitCheckOptions,
} from './recommender-split-checks.ts';
