/**
 * A retraining simulation, the data engineer's monitoring loop in small: a model is trained on the
 * first values of a series, deployed, and forecasts each next value one step ahead; its absolute
 * errors are watched. A policy decides when to train it again on the latest window — never, every
 * k steps, or when a drift detector on the errors raises an alarm — and each refit has a cost. The
 * result has, per step, the forecast, the error, a rolling error, the alarms and the refits, and in
 * total the error before and after the change and the cost, so policies can be compared.
 */
import { cusum, type CusumOptions } from './cusum.ts';
import type { DriftDetector } from './drift-detector.ts';
import { pageHinkley, type PageHinkleyOptions } from './page-hinkley.ts';
import { seasonalMeanModel, type RetrainModel } from './retraining-models.ts';

/** When to train the model again. */
export type RetrainPolicy =
  | { kind: 'never' }
  | { kind: 'every'; k: number }
  | { kind: 'alarm'; detector: 'page-hinkley'; options?: PageHinkleyOptions }
  | { kind: 'alarm'; detector: 'cusum'; options?: CusumOptions };

/** Options of {@link simulateRetraining}. */
export interface RetrainingOptions {
  /** The series, in time order. */
  values: readonly number[];
  /** Season length, for the default model (default 12). */
  period?: number;
  policy: RetrainPolicy;
  /** The deployed model (default: the seasonal-mean model of `period`). */
  model?: RetrainModel<never> | RetrainModel;
  /** Values the first training uses; forecasting starts after them (default 4 × period, at least 24). */
  warmup?: number;
  /** Values each refit trains on: the latest ones, or every value so far with `'expanding'` (default 3 × period, at least 12). */
  window?: number | 'expanding';
  /** Cost of one refit (default 1). */
  refitCost?: number;
  /** Cost of one unit of absolute forecast error (default 0: only refits count). */
  errorCost?: number;
  /** Steps the rolling mean absolute error spans (default the period, at least 6). */
  rollingWindow?: number;
  /** The true change point, when known: the mean errors before and after it are reported. */
  changePoint?: number;
}

/** One forecast step. */
export interface RetrainingStep {
  t: number;
  actual: number;
  forecast: number;
  /** |actual − forecast|. */
  error: number;
  /** Mean absolute error over the last `rollingWindow` steps. */
  rollingError: number;
  /** The detector raised an alarm on this step's error. */
  alarm: boolean;
  /** The model was refitted after this step (including this value). */
  refit: boolean;
}

/** What {@link simulateRetraining} reports. */
export interface RetrainingResult {
  policy: string;
  model: string;
  steps: RetrainingStep[];
  alarms: number[];
  /** Indices after which the model was refitted (the first training not counted). */
  refits: number[];
  /** Mean absolute error over all forecast steps. */
  mae: number;
  /** Mean absolute error before and after `changePoint` (NaN without one). */
  maeBefore: number;
  maeAfter: number;
  /** refits × refitCost + Σ error × errorCost. */
  cost: number;
}

function detectorOf(policy: RetrainPolicy): (() => DriftDetector) | undefined {
  if (policy.kind !== 'alarm') return undefined;
  if (policy.detector === 'page-hinkley') return () => pageHinkley(policy.options);
  if (policy.detector === 'cusum') return () => cusum(policy.options);
  throw new RangeError(
    `simulateRetraining: policy.detector must be 'page-hinkley' or 'cusum', got "${String((policy as { detector: unknown }).detector)}"`,
  );
}

function describe(policy: RetrainPolicy): string {
  if (policy.kind === 'never') return 'never retrain';
  if (policy.kind === 'every') return `retrain every ${policy.k} steps`;
  return `retrain on a ${policy.detector} alarm`;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN);

/** Runs the monitoring loop; see the module comment. */
export function simulateRetraining(options: RetrainingOptions): RetrainingResult {
  const { values, policy } = options;
  const period = options.period ?? 12;
  const warmup = options.warmup ?? Math.max(24, 4 * period);
  const window = options.window ?? Math.max(12, 3 * period);
  const refitCost = options.refitCost ?? 1;
  const errorCost = options.errorCost ?? 0;
  const rolling = options.rollingWindow ?? Math.max(6, period);
  const model = (options.model ?? seasonalMeanModel(period)) as RetrainModel;
  if (!Array.isArray(values) || values.some((v) => !Number.isFinite(v)))
    throw new RangeError('simulateRetraining: values must be an array of finite numbers');
  if (!Number.isInteger(period) || period < 1)
    throw new RangeError(`simulateRetraining: period must be a whole number ≥ 1, got ${period}`);
  if (!Number.isInteger(warmup) || warmup < 2 || warmup >= values.length)
    throw new RangeError(
      `simulateRetraining: warmup must be a whole number from 2 to ${values.length - 1} (the series has ${values.length} values), got ${warmup}`,
    );
  if (window !== 'expanding' && (!Number.isInteger(window) || window < 2))
    throw new RangeError(
      `simulateRetraining: window must be a whole number ≥ 2 or 'expanding', got ${window}`,
    );
  if (!(refitCost >= 0) || !(errorCost >= 0))
    throw new RangeError('simulateRetraining: refitCost and errorCost must be ≥ 0');
  if (!['never', 'every', 'alarm'].includes(policy?.kind))
    throw new RangeError(
      `simulateRetraining: policy.kind must be 'never', 'every' or 'alarm', got "${String(policy?.kind)}"`,
    );
  if (policy.kind === 'every' && (!Number.isInteger(policy.k) || policy.k < 1))
    throw new RangeError(`simulateRetraining: policy.k must be a whole number ≥ 1, got ${policy.k}`);
  const newDetector = detectorOf(policy);

  const train = (end: number) => {
    // Trains on the values up to index `end` (exclusive): the latest `window` of them, or all.
    const start = window === 'expanding' ? 0 : Math.max(0, end - window);
    return model.fit(values.slice(start, end), start);
  };
  let state = train(warmup);
  let detector = newDetector?.();
  let sinceRefit = 0;
  const steps: RetrainingStep[] = [];
  const alarms: number[] = [];
  const refits: number[] = [];
  for (let t = warmup; t < values.length; t++) {
    const forecast = model.predict(state, values.slice(0, t), t);
    const actual = values[t]!;
    const error = Math.abs(actual - forecast);
    const recent = steps.slice(-(rolling - 1)).map((s) => s.error);
    recent.push(error);
    const alarm = detector ? detector.update(error) : false;
    if (alarm) alarms.push(t);
    sinceRefit++;
    const refit = policy.kind === 'every' ? sinceRefit >= policy.k : alarm;
    if (refit && t + 1 < values.length) {
      state = train(t + 1);
      refits.push(t);
      sinceRefit = 0;
      // The refitted model's errors are a new stream: the detector starts afresh.
      detector = newDetector?.();
    }
    steps.push({
      t,
      actual,
      forecast,
      error,
      rollingError: mean(recent),
      alarm,
      refit: refit && t + 1 < values.length,
    });
  }
  const cp = options.changePoint;
  const errors = steps.map((s) => s.error);
  return {
    policy: describe(policy),
    model: model.name,
    steps,
    alarms,
    refits,
    mae: mean(errors),
    maeBefore: cp === undefined ? NaN : mean(steps.filter((s) => s.t < cp).map((s) => s.error)),
    maeAfter: cp === undefined ? NaN : mean(steps.filter((s) => s.t >= cp).map((s) => s.error)),
    cost: refits.length * refitCost + errors.reduce((s, e) => s + e, 0) * errorCost,
  };
}
