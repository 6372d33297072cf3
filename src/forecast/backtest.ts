/**
 * Time-series cross-validation by a rolling forecast origin (Hyndman & Athanasopoulos, *Forecasting:
 * Principles and Practice*, 3rd ed., §5.10; Tashman 2000, "Out-of-sample tests of forecasting
 * accuracy", *IJF* 16): fit on observations before the origin, forecast the next `horizon`, move the
 * origin by `step`, repeat. R's `forecast::tsCV` is the same idea with `initial`/`window`.
 *
 * Nothing from the future can leak: `fit` receives a copy of the training slice only — never the
 * series or the origin — and the forecaster it returns receives only h. Origins whose horizon would
 * run past the data are skipped, so every origin contributes all `horizon` steps.
 */
import { checkHorizon } from './model.ts';
import { mae, mape, me, rmse, smape } from './metrics.ts';

/** Fits a model to the training slice and returns a function that forecasts h steps from its end. */
export type FitForecaster = (train: number[]) => (h: number) => ArrayLike<number>;

/** Options of {@link rollingOrigin}. */
export interface RollingOriginOptions {
  /** Number of observations in the first training set, an integer ≥ 1. Required. */
  initial: number;
  /** Steps forecast from each origin, an integer ≥ 1. Required. */
  horizon: number;
  /** How far the origin moves each time. Default 1. */
  step?: number;
  /** `'expanding'` (train on everything before the origin, the default) or `'sliding'` (the last `initial` observations only). */
  window?: 'expanding' | 'sliding';
  /** The model under test. */
  fit: FitForecaster;
}

/** One forecast origin. Indices are 0-based positions in the series. */
export interface BacktestOrigin {
  /** First training index. */
  trainStart: number;
  /** One past the last training index: the position of the first forecast. */
  origin: number;
  forecast: number[];
  actual: number[];
  /** actual − forecast. */
  errors: number[];
}

/** Error measures over all origins (at one horizon, or pooled). */
export interface BacktestSummary {
  me: number;
  mae: number;
  rmse: number;
  /** ×100; infinite if an actual value is 0. */
  mape: number;
  /** 0–200 (M3/M4). */
  smape: number;
}

/** The result of {@link rollingOrigin}: each origin, measures by horizon (index 0 is h = 1), and pooled. */
export interface RollingOriginResult {
  origins: BacktestOrigin[];
  byHorizon: BacktestSummary[];
  overall: BacktestSummary;
}

function summarise(actual: number[], forecast: number[]): BacktestSummary {
  return {
    me: me(actual, forecast),
    mae: mae(actual, forecast),
    rmse: rmse(actual, forecast),
    mape: mape(actual, forecast),
    smape: smape(actual, forecast),
  };
}

/** Evaluates `fit` by rolling the forecast origin through `values`. */
export function rollingOrigin(values: ArrayLike<number>, options: RollingOriginOptions): RollingOriginResult {
  const y = Array.from(values);
  const { initial, horizon, step = 1, window = 'expanding', fit } = options;
  if (!Number.isInteger(initial) || initial < 1) {
    throw new RangeError(`invalid initial: ${initial} (must be an integer ≥ 1)`);
  }
  checkHorizon(horizon);
  if (!Number.isInteger(step) || step < 1)
    throw new RangeError(`invalid step: ${step} (must be an integer ≥ 1)`);
  if (window !== 'expanding' && window !== 'sliding') {
    throw new RangeError(`invalid window: ${String(window)} (must be 'expanding' or 'sliding')`);
  }
  if (typeof fit !== 'function') throw new TypeError('fit must be a function (train) => (h) => forecasts');
  if (initial + horizon > y.length) {
    throw new RangeError(
      `initial + horizon = ${initial + horizon} exceeds the ${y.length} observations; shorten them or use more data`,
    );
  }
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`observation ${bad + 1} is ${y[bad]}: backtesting needs finite numbers`);

  const origins: BacktestOrigin[] = [];
  for (let origin = initial; origin + horizon <= y.length; origin += step) {
    const trainStart = window === 'sliding' ? origin - initial : 0;
    const forecaster = fit(y.slice(trainStart, origin));
    const forecast = Array.from(forecaster(horizon));
    if (forecast.length !== horizon) {
      throw new RangeError(
        `the forecaster returned ${forecast.length} values at origin ${origin}; expected ${horizon}`,
      );
    }
    const actual = y.slice(origin, origin + horizon);
    origins.push({ trainStart, origin, forecast, actual, errors: actual.map((v, i) => v - forecast[i]) });
  }
  const byHorizon = Array.from({ length: horizon }, (_, h) =>
    summarise(
      origins.map((o) => o.actual[h]),
      origins.map((o) => o.forecast[h]),
    ),
  );
  const overall = summarise(
    origins.flatMap((o) => o.actual),
    origins.flatMap((o) => o.forecast),
  );
  return { origins, byHorizon, overall };
}
