/**
 * Forecasts one series with every requested method — the unit of work a worker thread does.
 * One method failing (too short for the season, non-positive data for a multiplicative model) is
 * reported for that method and series; the others go on.
 */
import { forecastMethod, type MethodInput, type MethodOptions } from '../../forecast/registry.ts';
import { mase, smape } from '../../forecast/metrics.ts';
import { fitSummary, type FitSummary } from './fit-summary.ts';
import type { TaskFunction } from '../worker-pool.ts';

/** A series to forecast. */
export interface SeriesTask {
  id: string;
  values: number[];
  period: number;
  /** Steps to forecast (from the end of the training part); at least `holdout`. */
  horizon: number;
  /** Evaluate on the last `holdout` points (fit on the rest; the first `holdout` steps are scored); 0 for none. */
  holdout: number;
  methods: string[];
  level: number[];
  /** Options by method name (`--param`); absent ones take the method's defaults. */
  params?: Record<string, MethodOptions>;
}

/** One method's result on one series. */
export interface MethodResult {
  method: string;
  /** Milliseconds to fit and forecast. */
  ms: number;
  mean?: number[];
  intervals?: { level: number; lower: number[]; upper: number[] }[];
  /** The model fitted (`--fits`): its spec in R's wording, AICc and parameters. */
  fit?: FitSummary;
  /** With a hold-out: sMAPE (0–200) and MASE on it. */
  smape?: number;
  mase?: number;
  error?: string;
}

/** All methods' results on one series. */
export interface SeriesResult {
  id: string;
  results: MethodResult[];
}

/** Runs every method on the series; never throws. */
export function runSeries(task: SeriesTask): SeriesResult {
  const { values, holdout, horizon, period } = task;
  const train = holdout > 0 ? values.slice(0, values.length - holdout) : values;
  const test = holdout > 0 ? values.slice(values.length - holdout) : [];
  const h = horizon;
  const input: MethodInput = { values: train, period, h, level: task.level };
  const results = task.methods.map((name): MethodResult => {
    const start = performance.now();
    try {
      if (h < holdout)
        throw new RangeError(
          `horizon ${h} is shorter than the hold-out ${holdout}: all hold-out points are scored`,
        );
      const { fit, forecast } = forecastMethod(name).run(input, task.params?.[name]);
      const ms = performance.now() - start;
      const result: MethodResult = {
        method: name,
        ms,
        mean: forecast.mean,
        intervals: forecast.intervals,
        fit: fitSummary(fit),
      };
      if (test.length > 0) {
        const scored = forecast.mean.slice(0, test.length);
        result.smape = smape(test, scored);
        // With too little history for a seasonal scale, MASE falls back to the naïve scale.
        result.mase = mase(test, scored, train, train.length > period ? period : 1);
      }
      return result;
    } catch (error) {
      return {
        method: name,
        ms: performance.now() - start,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  });
  return { id: task.id, results };
}

/** {@link runSeries} as a task worker threads can run. */
export const seriesTask: TaskFunction<SeriesTask, SeriesResult> = {
  run: runSeries,
  module: import.meta.url,
  exportName: 'runSeries',
};
