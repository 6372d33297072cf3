/**
 * `dplab/forecast`: forecasting models, accuracy measures and backtesting. Every model follows the
 * shape in `model.ts`: `fitX(values, options) → XFit`, `forecastX(fit, h, { level }) → Forecast`.
 */
export * from './model.ts';
export { fitMean, forecastMean, type MeanFit } from './mean.ts';
export { fitNaive, forecastNaive, type NaiveFit } from './naive.ts';
export {
  fitSeasonalNaive,
  forecastSeasonalNaive,
  type SeasonalNaiveFit,
  type SeasonalNaiveOptions,
} from './seasonal-naive.ts';
export { fitDrift, forecastDrift, type DriftFit } from './drift.ts';
export type { LagWalkFit } from './lag-walk.ts';
export { fitNaive2, forecastNaive2, type Naive2Fit, type Naive2Options } from './naive2.ts';
export {
  fitMovingAverage,
  forecastMovingAverage,
  movingAverageDefaults,
  type MovingAverageFit,
  type MovingAverageFitOptions,
} from './moving-average.ts';
export { me, mae, rmse, mpe, mape, smape, mase, maseScale, coverage } from './metrics.ts';
export { accuracy, type Accuracy } from './accuracy.ts';
export { trainTestSplit, type TrainTestSplit, type TrainTestSplitOptions } from './split.ts';
export {
  rollingOrigin,
  type BacktestOrigin,
  type BacktestSummary,
  type FitForecaster,
  type RollingOriginOptions,
  type RollingOriginResult,
} from './backtest.ts';
export * from './ets/index.ts';
export * from './theta.ts';
export { fitArima } from './arima.ts';
export { fitArimaOrder } from './arima-fit-order.ts';
export { forecastArima, type ArimaForecastOptions } from './arima-forecast.ts';
export { arimaSpec } from './arima-spec.ts';
export { autoArima } from './auto-arima.ts';
export {
  autoArimaDefaults,
  type AutoArimaCriterion,
  type AutoArimaFit,
  type AutoArimaModel,
  type AutoArimaOptions,
  type AutoArimaRejection,
  type AutoArimaSearch,
} from './auto-arima-types.ts';
export { arStationary, maInvert } from './arima-invert.ts';
export { polynomialRoots, type Complex } from './arima-roots.ts';
export {
  arimaDefaults,
  type ArimaFit,
  type ArimaForecastState,
  type ArimaMethod,
  type ArimaOptions,
  type ArimaOrder,
  type ArimaOrderFit,
  type ArimaOrderTriple,
} from './arima-types.ts';
export { fitProphet } from './prophet.ts';
export { forecastProphet, predictProphet } from './prophet-predict.ts';
export { fourierFeatures, autoSeasonalities } from './prophet-seasonality.ts';
export { changepointIndices, piecewiseLinear, piecewiseLogistic } from './prophet-trend.ts';
export { prophetMethodDefaults } from './prophet-method.ts';
export {
  prophetDefaults,
  type ProphetColumn,
  type ProphetComponents,
  type ProphetDate,
  type ProphetFit,
  type ProphetGrowth,
  type ProphetHoliday,
  type ProphetMap,
  type ProphetMode,
  type ProphetOptions,
  type ProphetPrediction,
  type ProphetPredictOptions,
  type ProphetRegressor,
  type ProphetScaling,
  type ProphetSeasonality,
  type ProphetSeasonalitySwitch,
  type ProphetSpacing,
  type ProphetTerm,
} from './prophet-types.ts';
export {
  forecastMethods,
  forecastMethod,
  parseMethodOption,
  type ForecastMethod,
  type MethodInput,
  type MethodOptions,
  type MethodOptionValue,
} from './registry.ts';
export * from './ml/index.ts';
export { compareForecasts, type ForecastLeaderboard, type LeaderboardRow } from './compare-forecasts.ts';
export {
  compareForecastsDefaults,
  type BacktestComparisonOptions,
  type BacktestSpec,
  type CompareForecastsOptions,
  type HoldoutComparisonOptions,
} from './comparison-plan.ts';
export { benchmarkNames, type CompareModel, type CustomForecaster } from './compare-models.ts';
export {
  checkOverlap,
  checkTestLength,
  checkTimeSplit,
  splitCheckDefaults,
  type SplitWarning,
  type SplitWarningCode,
  type TimePoint,
} from './split-checks.ts';
