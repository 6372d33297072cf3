/**
 * The one plain shape an inventory policy needs from a forecaster: given the demand history, the
 * expected demand of the next h periods, and optionally its uncertainty (per-step sd, or an interval
 * at a stated level). `forecasterFromMethod` adapts any `dplab/forecast` registry method to it.
 */
import { forecastMethod } from '../forecast/registry.ts';
import type { MethodOptions } from '../forecast/method-types.ts';
import { normalQuantile } from '../stats/normal-quantile.ts';

/** What a forecaster returns for steps 1 … h. */
export interface DemandForecast {
  mean: number[];
  /** Forecast standard deviation of each step. */
  sd?: number[];
  /** A central prediction interval at `level` percent (e.g. 80). */
  lower?: number[];
  upper?: number[];
  level?: number;
}

/** Forecasts h periods from a history (oldest first). */
export type Forecaster = (history: readonly number[], h: number) => DemandForecast;

/** Options of {@link forecasterFromMethod}. */
export interface MethodForecasterOptions {
  /** Seasonal period of the history (default 7: daily data with a weekly cycle). */
  period?: number;
  /** Interval level in percent the method is asked for (default 80). */
  level?: number;
  /** The method's own options (see its `defaults` in the registry). */
  options?: MethodOptions;
}

/** A {@link Forecaster} that runs the `dplab/forecast` method `name` (e.g. `'snaive'`, `'ets'`, `'theta'`). */
export function forecasterFromMethod(name: string, options: MethodForecasterOptions = {}): Forecaster {
  const method = forecastMethod(name);
  const period = options.period ?? 7;
  const level = options.level ?? 80;
  if (!Number.isInteger(period) || period < 1)
    throw new RangeError(`period must be a whole number ≥ 1, got ${period}`);
  if (!(level > 0 && level < 100)) throw new RangeError(`level must be in (0, 100) percent, got ${level}`);
  return (history, h) => {
    const { forecast } = method.run({ values: [...history], period, h, level: [level] }, options.options);
    const pi = forecast.intervals[0];
    return pi
      ? { mean: forecast.mean, lower: pi.lower, upper: pi.upper, level: pi.level }
      : { mean: forecast.mean };
  };
}

/**
 * The sd of each step from a forecast: `sd` when given, else from the interval as if normal,
 * (upper − lower) / (2·z_{(1+level)/2}); undefined when the forecast has neither.
 */
export function forecastSd(f: DemandForecast): number[] | undefined {
  if (f.sd) return f.sd;
  if (f.lower && f.upper && f.level !== undefined) {
    const z = normalQuantile(0.5 + f.level / 200);
    return f.mean.map((_, i) => Math.max(0, (f.upper![i] - f.lower![i]) / (2 * z)));
  }
  return undefined;
}
