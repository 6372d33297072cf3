/**
 * The built-in rule "always benchmark complex models against simple ones": every comparison runs the
 * naïve, seasonal naïve and Naïve2 benchmarks next to the models asked for, scores them all on data
 * they did not see, and says whether anything beat the benchmarks. Scores follow the M3 and M4
 * competitions (Makridakis & Hibon 2000; Makridakis, Spiliotis & Assimakopoulos 2020: sMAPE and
 * MASE, each relative to Naïve2) and R's `forecast::accuracy` (Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice*, 3rd ed., §5.8 hold-out, §5.10 rolling origin).
 *
 * A hold-out is a backtest with one origin, so both run through `rollingOrigin`, which hands each
 * model a copy of its training slice only.
 */
import { rollingOrigin, type BacktestOrigin } from './backtest.ts';
import { contenders, type Contender } from './compare-models.ts';
import {
  comparisonPlan,
  compareForecastsDefaults,
  type ComparisonPlan,
  type CompareForecastsOptions,
} from './comparison-plan.ts';
import { mae, mase, rmse, smape } from './metrics.ts';
import { checkPeriod } from './model.ts';
import type { SplitWarning } from './split-checks.ts';

/** One model's line of the leaderboard. Scores are `NaN` when the model failed. */
export interface LeaderboardRow {
  /** The method name (`'naive'`, `'ets'`) or the custom forecaster's name. */
  name: string;
  /** What it is, for tables (the registry's label; the name for a custom forecaster). */
  label: string;
  /** True for the benchmarks added to every comparison: `naive`, `snaive` (period > 1), `naive2`. */
  baseline: boolean;
  /** 1 for the lowest MASE of all rows; ties share a rank (1, 2, 2, 4); `NaN` for a failed model. */
  rank: number;
  /** Mean absolute error over all scored points. */
  mae: number;
  /** Root mean squared error over all scored points. */
  rmse: number;
  /** Symmetric MAPE, 0–200 (M3/M4). */
  smape: number;
  /**
   * Mean absolute scaled error: MAE divided by the in-sample MAE of the seasonal naïve method on the
   * training data (the naïve method for period 1), as `accuracy()`. In a backtest, the mean over
   * origins of each origin's MASE, scaled by its own training slice.
   */
  mase: number;
  /** `smape` divided by Naïve2's `smape` (< 1: better than Naïve2); the M4 "relative sMAPE". */
  smapeVsNaive2: number;
  /** `mase` divided by Naïve2's `mase`; the M4 "relative MASE". */
  maseVsNaive2: number;
  /** Wall time of fitting and forecasting in milliseconds (`performance.now`), summed over origins. */
  timeMs: number;
  /** Point forecasts, origin after origin, aligned with the leaderboard's `actual`; empty when the model failed. */
  forecast: number[];
  /** What the model threw; absent when it worked. */
  error?: string;
}

/** The result of {@link compareForecasts}: plain data, safe for `structuredClone` and `postMessage`. */
export interface ForecastLeaderboard {
  /** Tells a renderer what this is. */
  kind: 'forecast-leaderboard';
  /** `'holdout'` (train/test) or `'backtest'` (rolling origin). */
  evaluation: 'holdout' | 'backtest';
  period: number;
  /** Steps forecast from each origin (the test length for a hold-out). */
  horizon: number;
  /** All the data, for a chart: the series, or `train` followed by `test`. */
  history: number[];
  /** Position in `history` of each forecast origin: the first forecast step (`[train.length]` for a hold-out). */
  origins: number[];
  /** The observed values scored, origin after origin: `history[origins[k] + j]` at index `k·horizon + j`. */
  actual: number[];
  /** Benchmarks first (naive, snaive, naive2), then the models in the order given. */
  rows: LeaderboardRow[];
  /** Name of the row with the lowest MASE (the first of equals); `null` if every model failed. */
  best: string | null;
  /** Whether the best non-benchmark model has a lower MASE than every benchmark that worked. */
  beatsBaselines: boolean;
  /** Guardrails that fired (see `SplitWarning`): a leaking, shuffled or too short evaluation. */
  warnings: SplitWarning[];
}

/** MAE, RMSE and sMAPE pooled over all origins; MASE averaged over origins, each scaled by its own training slice. */
function score(origins: BacktestOrigin[], history: number[], period: number) {
  const actual = origins.flatMap((o) => o.actual);
  const forecast = origins.flatMap((o) => o.forecast);
  const scaled = origins.map((o) =>
    mase(o.actual, o.forecast, history.slice(o.trainStart, o.origin), period),
  );
  return {
    mae: mae(actual, forecast),
    rmse: rmse(actual, forecast),
    smape: smape(actual, forecast),
    mase: scaled.reduce((s, x) => s + x, 0) / scaled.length,
  };
}

type Scored = Omit<LeaderboardRow, 'rank' | 'smapeVsNaive2' | 'maseVsNaive2'>;

function run(c: Contender, plan: ComparisonPlan, period: number): Scored {
  const { name, label, baseline } = c;
  let timeMs = 0;
  const fit = (train: number[]) => (h: number) => {
    const start = performance.now();
    try {
      return c.forecast(train, h);
    } finally {
      timeMs += performance.now() - start;
    }
  };
  try {
    const { origins } = rollingOrigin(plan.history, { ...plan.rolling, fit });
    const forecast = origins.flatMap((o) => o.forecast);
    return { name, label, baseline, ...score(origins, plan.history, period), timeMs, forecast };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { name, label, baseline, mae: NaN, rmse: NaN, smape: NaN, mase: NaN, timeMs, forecast: [], error };
  }
}

/**
 * Compares `models` with the naïve, seasonal naïve and Naïve2 benchmarks on a hold-out
 * (`{ train, test, period, models }`) or a rolling-origin backtest (`{ series, period, backtest }`).
 * A model that throws gets a row with its `error` and `NaN` scores; bad options throw at once.
 */
export function compareForecasts(options: CompareForecastsOptions): ForecastLeaderboard {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      'compareForecasts takes { train, test, period, models } or { series, period, backtest, models }',
    );
  }
  const period = checkPeriod(options.period);
  const plan = comparisonPlan(options, period);
  const list = contenders(options.models ?? compareForecastsDefaults.models, period);
  const scored = list.map((c) => run(c, plan, period));
  const naive2 = scored.find((r) => r.name === 'naive2');
  const worked = scored.filter((r) => !Number.isNaN(r.mase));
  const rows = scored.map(({ error, ...r }): LeaderboardRow => ({
    name: r.name,
    label: r.label,
    baseline: r.baseline,
    rank: Number.isNaN(r.mase) ? NaN : 1 + worked.filter((w) => w.mase < r.mase).length,
    mae: r.mae,
    rmse: r.rmse,
    smape: r.smape,
    mase: r.mase,
    smapeVsNaive2: r.smape / (naive2?.smape ?? NaN),
    maseVsNaive2: r.mase / (naive2?.mase ?? NaN),
    timeMs: r.timeMs,
    forecast: r.forecast,
    ...(error === undefined ? {} : { error }),
  }));
  const lowest = (xs: LeaderboardRow[]) =>
    xs.reduce<LeaderboardRow | undefined>(
      (b, r) => (Number.isNaN(r.mase) || (b && b.mase <= r.mase) ? b : r),
      undefined,
    );
  const best = lowest(rows);
  const challenger = lowest(rows.filter((r) => !r.baseline));
  return {
    kind: 'forecast-leaderboard',
    evaluation: plan.evaluation,
    period,
    horizon: plan.rolling.horizon,
    history: plan.history,
    origins: plan.origins,
    actual: plan.actual,
    rows,
    best: best?.name ?? null,
    beatsBaselines:
      challenger !== undefined &&
      rows.every((r) => !r.baseline || Number.isNaN(r.mase) || challenger.mase < r.mase),
    warnings: plan.warnings,
  };
}
