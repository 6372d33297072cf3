/**
 * The options of `compareForecasts` and how they are read: a hold-out (`train`, `test`) or a
 * rolling-origin backtest (`series`, `backtest`), both turned into one plan for `rollingOrigin`
 * (a hold-out is a backtest with one origin). Bad options throw here, before any model runs.
 */
import { rollingOrigin } from './backtest.ts';
import { checkHorizon, checkSeries } from './model.ts';
import type { CompareModel } from './compare-models.ts';
import {
  checkOverlap,
  checkTestLength,
  checkTimeSplit,
  splitCheckDefaults,
  type SplitWarning,
  type TimePoint,
} from './split-checks.ts';

/** Defaults of `compareForecasts`' options. */
export const compareForecastsDefaults = {
  models: [] as readonly CompareModel[],
  minTestPoints: splitCheckDefaults.minTestPoints,
  step: 1,
  window: 'expanding',
} as const;

/** What both kinds of comparison take. */
interface CommonOptions {
  /** Seasonal period m, an integer ≥ 1 (12 for monthly data, 4 for quarterly, 1 for none). Required. */
  period: number;
  /** The models to put against the benchmarks, in the order the leaderboard lists them. Default `[]`: the benchmarks only. */
  models?: readonly CompareModel[];
  /** Fewer scored time points than this raises a `'few-test-points'` warning. Default 5. */
  minTestPoints?: number;
}

/** A hold-out comparison: fit on `train`, score the forecasts of the `test.length` steps after it. */
export interface HoldoutComparisonOptions extends CommonOptions {
  /** The training data, oldest first; more than `period` finite values. Required. */
  train: ArrayLike<number>;
  /** The observations right after `train`: the future the models are scored on. At least one. Required. */
  test: ArrayLike<number>;
  /**
   * When each training value was observed (positions, Dates or ISO date strings), one per value.
   * Optional; with `testIndex`, the split is checked by time ({@link checkTimeSplit}) instead of by
   * values ({@link checkOverlap}), and a shuffled or overlapping split is reported.
   */
  trainIndex?: readonly TimePoint[];
  /** When each test value was observed; give it with `trainIndex`. */
  testIndex?: readonly TimePoint[];
  series?: undefined;
  backtest?: undefined;
}

/** Where the forecast origins of a backtest are. Give `initial` or `origins`, not both. */
export interface BacktestSpec {
  /** Observations in the first training set, more than `period`. */
  initial?: number;
  /** How many origins, counted back from the end so that the last forecast ends with the series. */
  origins?: number;
  /** Steps forecast from each origin, an integer ≥ 1. Required. */
  horizon: number;
  /** How far the origin moves each time. Default 1. */
  step?: number;
  /** `'expanding'` (train on all data before the origin) or `'sliding'` (the last `initial` only). Default `'expanding'`. */
  window?: 'expanding' | 'sliding';
}

/** A rolling-origin comparison on one series (see `rollingOrigin`). */
export interface BacktestComparisonOptions extends CommonOptions {
  /** The whole series, oldest first, finite values. Required. */
  series: ArrayLike<number>;
  backtest: BacktestSpec;
  train?: undefined;
  test?: undefined;
  trainIndex?: undefined;
  testIndex?: undefined;
}

export type CompareForecastsOptions = HoldoutComparisonOptions | BacktestComparisonOptions;

/** What the evaluation is, whichever way it was asked for. */
export interface ComparisonPlan {
  /** `'holdout'` (train/test) or `'backtest'` (rolling origin). */
  evaluation: 'holdout' | 'backtest';
  /** All the data: the series, or train followed by test. */
  history: number[];
  /** The options for `rollingOrigin`, less `fit`. */
  rolling: { initial: number; horizon: number; step: number; window: 'expanding' | 'sliding' };
  /** Position in `history` of each forecast origin. */
  origins: number[];
  /** The values scored, origin after origin. */
  actual: number[];
  /** Every guardrail that fired. */
  warnings: SplitWarning[];
}

type Draft = Omit<ComparisonPlan, 'origins' | 'actual'>;

function checkTrainLength(n: number, period: number, name: string): void {
  if (n <= period) {
    throw new RangeError(
      `${name} has ${n} observation${n === 1 ? '' : 's'}; with period ${period} it needs more than ${period} (a full season plus one) for the seasonal naive benchmark and the MASE scale`,
    );
  }
}

function checkIndex(index: readonly TimePoint[] | undefined, n: number, name: string, of: string) {
  if (!Array.isArray(index)) {
    throw new TypeError(
      `${name} is missing: give trainIndex and testIndex together, one time point per value`,
    );
  }
  if (index.length !== n) {
    throw new RangeError(
      `${name} has ${index.length} entries but ${of} has ${n} values; give one time point per value`,
    );
  }
  return index;
}

function holdoutPlan(o: HoldoutComparisonOptions, period: number): Draft {
  if (o.train === undefined || o.test === undefined) {
    throw new TypeError(
      `${o.train === undefined ? 'train' : 'test'} is missing: give train and test (a hold-out), or series and backtest (a rolling origin)`,
    );
  }
  const train = checkSeries(o.train, { minLength: 0, model: 'train' });
  const test = checkSeries(o.test, { minLength: 0, model: 'test' });
  checkTrainLength(train.length, period, 'train');
  if (test.length === 0)
    throw new RangeError('test is empty: hold out at least one observation (better a season or more)');
  const byTime = o.trainIndex !== undefined || o.testIndex !== undefined;
  const warnings = byTime
    ? checkTimeSplit(
        checkIndex(o.trainIndex, train.length, 'trainIndex', 'train'),
        checkIndex(o.testIndex, test.length, 'testIndex', 'test'),
      )
    : checkOverlap(train, test);
  const { step, window } = compareForecastsDefaults;
  const rolling = { initial: train.length, horizon: test.length, step, window };
  return { evaluation: 'holdout', history: [...train, ...test], rolling, warnings };
}

function backtestPlan(o: BacktestComparisonOptions, period: number): Draft {
  if (o.train !== undefined || o.test !== undefined) {
    throw new TypeError(
      'give either train and test (a hold-out) or series and backtest (a rolling origin), not both',
    );
  }
  const spec = o.backtest;
  if (o.series === undefined || typeof spec !== 'object' || spec === null) {
    throw new TypeError(
      `${o.series === undefined ? 'series' : 'backtest'} is missing: a rolling origin needs series and backtest: { initial or origins, horizon }`,
    );
  }
  const history = checkSeries(o.series, { minLength: 0, model: 'series' });
  const horizon = checkHorizon(spec.horizon);
  const { step = compareForecastsDefaults.step, window = compareForecastsDefaults.window } = spec;
  if ((spec.initial === undefined) === (spec.origins === undefined)) {
    throw new TypeError(
      'backtest needs exactly one of initial (the first training size) and origins (how many forecast origins)',
    );
  }
  let initial = spec.initial ?? NaN;
  if (spec.origins !== undefined) {
    const { origins } = spec;
    if (!Number.isInteger(origins) || origins < 1)
      throw new RangeError(`invalid origins: ${origins} (must be an integer ≥ 1)`);
    if (!Number.isInteger(step) || step < 1)
      throw new RangeError(`invalid step: ${step} (must be an integer ≥ 1)`);
    const needed = (origins - 1) * step + horizon + period + 1;
    if (needed > history.length) {
      throw new RangeError(
        `${origins} origins ${step} apart with horizon ${horizon} need at least ${needed} observations (a season plus one to train on first), the series has ${history.length}; use fewer origins, a shorter horizon or more data`,
      );
    }
    initial = history.length - horizon - (origins - 1) * step;
  } else if (Number.isInteger(initial)) {
    checkTrainLength(initial, period, 'backtest.initial');
  }
  return { evaluation: 'backtest', history, rolling: { initial, horizon, step, window }, warnings: [] };
}

/** Checks `options` (all but `models`; `period` is already checked) and turns them into a plan. */
export function comparisonPlan(options: CompareForecastsOptions, period: number): ComparisonPlan {
  const { minTestPoints = compareForecastsDefaults.minTestPoints } = options;
  if (!Number.isInteger(minTestPoints) || minTestPoints < 1) {
    throw new RangeError(`invalid minTestPoints: ${minTestPoints} (must be an integer ≥ 1)`);
  }
  const draft =
    options.series !== undefined || options.backtest !== undefined
      ? backtestPlan(options, period)
      : holdoutPlan(options, period);
  // A dry run with a constant forecaster checks the remaining options with rollingOrigin's own
  // messages (before any model runs, so they throw rather than fill error rows) and lists the origins.
  const dry = rollingOrigin(draft.history, {
    ...draft.rolling,
    fit: () => (h) => new Array<number>(h).fill(0),
  }).origins;
  const scored = new Set(dry.flatMap((o) => o.actual.map((_, j) => o.origin + j))).size;
  return {
    ...draft,
    origins: dry.map((o) => o.origin),
    actual: dry.flatMap((o) => o.actual),
    warnings: [...draft.warnings, ...checkTestLength(scored, period, { minTestPoints })],
  };
}
