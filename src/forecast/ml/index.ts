/**
 * Machine-learning forecasters on lag features: the design matrix (`lag-features.ts`), linear/ridge
 * regression, random forests and gradient boosting (on the CART trees of `regression-tree.ts`),
 * permutation importances, and their registry methods. Exported through `dplab/forecast`.
 */
export {
  designOf,
  designTable,
  featureRow,
  lagCalendars,
  lagDesign,
  lagFeatureSpec,
  lookback,
  targetSeries,
  type LagCalendar,
  type LagDesign,
  type LagFeatureOptions,
  type LagFeatureSpec,
} from './lag-features.ts';
export {
  lagModelDefaults,
  lagStrategies,
  type BoostStepModel,
  type ForestStepModel,
  type LagModelFit,
  type LagModelOptions,
  type LagStepModel,
  type LagStrategy,
  type LinearStepModel,
} from './lag-model-types.ts';
export {
  describeFeatures,
  fitLagModel,
  forecastLagModel,
  predictStep,
  type LagLearner,
} from './lag-model.ts';
export { fitLeastSquares, fitLinear, forecastLinear, linearDefaults, type LinearOptions } from './linear.ts';
export {
  fitForest,
  forecastForest,
  forestDefaults,
  growForest,
  type ForestOptions,
} from './random-forest.ts';
export { boostDefaults, fitBoost, forecastBoost, growBoost, type BoostOptions } from './gradient-boosting.ts';
export {
  growTree,
  predictTree,
  presortColumns,
  type RegressionTree,
  type TreeData,
  type TreeGrowth,
} from './regression-tree.ts';
export { permutationImportance, type FeatureImportance } from './permutation-importance.ts';
export {
  boostMethodDefaults,
  forestMethodDefaults,
  lagMethodChoices,
  linearMethodDefaults,
} from './lag-methods.ts';
