/**
 * STL: Seasonal and Trend decomposition using Loess, as R's `stats::stl`.
 *
 * Cleveland, R. B., Cleveland, W. S., McRae, J. E. & Terpenning, I. (1990), "STL: A seasonal-trend
 * decomposition procedure based on loess", *Journal of Official Statistics* 6, 3–73; Hyndman &
 * Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §3.6. An inner loop alternates
 * (1) detrending, (2) smoothing each cycle-subseries (all Januaries, …) with loess, (3) removing the
 * low-pass of that, (4) deseasonalising and (5) smoothing the trend; an outer loop (robust fits)
 * down-weights large remainders with bisquare weights.
 *
 * Defaults are R's: `s.degree` 0, `t.window` = nextodd(⌈1.5m/(1 − 1.5/s.window)⌉), `t.degree` 1,
 * `l.window` = nextodd(m), `l.degree` = `t.degree`, every jump ⌈window/10⌉, 2 inner and 0 outer
 * iterations (1 and 15 when robust). `seasonalWindow: 'periodic'` means s.window = 10n + 1 with
 * degree 0, after which the seasonal is averaged over each cycle position. The jumps matter: loess is
 * fitted at every jump-th point and interpolated between, and results differ from a jump-1 fit by up
 * to ~1 on AirPassengers — so R is matched only with R's jumps, as here.
 */
import { checkValues } from './check-values.ts';
import { runStl, type StlParameters } from './stl-inner.ts';

export type { StlParameters } from './stl-inner.ts';

/** Options of {@link stl}; every default is R's. */
export interface StlOptions {
  /** Loess window (in cycles) for the seasonal subseries: an integer ≥ 3 (even values are raised by one, as in R), or `'periodic'`. Required, as in R. */
  seasonalWindow: number | 'periodic';
  /** Degree of the seasonal loess, 0 or 1. Default 0 (forced to 0 when periodic). */
  seasonalDegree?: 0 | 1;
  /** Trend loess window (in observations). Default nextodd(⌈1.5·period/(1 − 1.5/seasonalWindow)⌉). */
  trendWindow?: number;
  /** Degree of the trend loess, 0 or 1. Default 1. */
  trendDegree?: 0 | 1;
  /** Window of the low-pass filter's loess. Default nextodd(period). */
  lowpassWindow?: number;
  /** Degree of the low-pass loess. Default `trendDegree`. */
  lowpassDegree?: 0 | 1;
  /** Evaluate the seasonal loess every this many points. Default ⌈seasonalWindow/10⌉. */
  seasonalJump?: number;
  /** Default ⌈trendWindow/10⌉. */
  trendJump?: number;
  /** Default ⌈lowpassWindow/10⌉. */
  lowpassJump?: number;
  /** Robust fitting (bisquare weights on the remainder). Default false. */
  robust?: boolean;
  /** Inner-loop iterations. Default 2, or 1 when robust. */
  inner?: number;
  /** Outer (robustness) iterations. Default 0, or 15 when robust. */
  outer?: number;
}

/** The STL components, each as long as the series, and the parameters used. */
export interface StlDecomposition {
  seasonal: number[];
  trend: number[];
  remainder: number[];
  /** Final robustness weights (all 1 without outer iterations). */
  weights: number[];
  parameters: StlParameters;
}

/** R's `nextodd`: round, then add one if even. */
function nextOdd(x: number): number {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
}

function checkInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`invalid ${name}: ${value} (must be an integer ≥ ${min})`);
  }
  return value;
}

function checkDegree(name: string, value: number): 0 | 1 {
  if (value !== 0 && value !== 1) throw new RangeError(`invalid ${name}: ${value} (must be 0 or 1)`);
  return value;
}

/** Decomposes `values` (seasonal period `period` ≥ 2, more than two full periods) into seasonal, trend and remainder. */
export function stl(values: ArrayLike<number>, period: number, options: StlOptions): StlDecomposition {
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(
      `invalid period: ${period} (must be an integer ≥ 2; 12 for monthly data, 4 for quarterly)`,
    );
  }
  const y = checkValues(values, 'stl');
  const n = y.length;
  if (n <= 2 * period) {
    throw new RangeError(
      `stl needs more than two full periods (over ${2 * period} observations for period ${period}), got ${n}`,
    );
  }
  const { seasonalWindow, robust = false } = options ?? {};
  const periodic = seasonalWindow === 'periodic';
  if (!periodic && typeof seasonalWindow !== 'number') {
    throw new RangeError(
      `invalid seasonalWindow: ${String(seasonalWindow)} (must be an integer ≥ 3 or 'periodic')`,
    );
  }
  const sWindow = periodic ? 10 * n + 1 : checkInteger('seasonalWindow', seasonalWindow, 3);
  const sDegree = periodic ? 0 : checkDegree('seasonalDegree', options.seasonalDegree ?? 0);
  const tWindow = checkInteger(
    'trendWindow',
    options.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow))),
    3,
  );
  const tDegree = checkDegree('trendDegree', options.trendDegree ?? 1);
  const lWindow = checkInteger('lowpassWindow', options.lowpassWindow ?? nextOdd(period), 3);
  const lDegree = checkDegree('lowpassDegree', options.lowpassDegree ?? tDegree);
  const parameters: StlParameters = {
    period,
    windows: { seasonal: sWindow, trend: tWindow, lowpass: lWindow },
    degrees: { seasonal: sDegree, trend: tDegree, lowpass: lDegree },
    jumps: {
      seasonal: checkInteger('seasonalJump', options.seasonalJump ?? Math.ceil(sWindow / 10), 1),
      trend: checkInteger('trendJump', options.trendJump ?? Math.ceil(tWindow / 10), 1),
      lowpass: checkInteger('lowpassJump', options.lowpassJump ?? Math.ceil(lWindow / 10), 1),
    },
    inner: checkInteger('inner', options.inner ?? (robust ? 1 : 2), 1),
    outer: checkInteger('outer', options.outer ?? (robust ? 15 : 0), 0),
  };
  const { seasonal, trend, weights } = runStl(y, parameters);
  if (periodic) averageByCycle(seasonal, period);
  const remainder = y.map((v, i) => v - seasonal[i] - trend[i]);
  return { seasonal, trend, remainder, weights, parameters };
}

/** Replaces each value by the mean over its cycle position (R: `tapply(seasonal, cycle(x), mean)[cycle(x)]`). */
function averageByCycle(seasonal: number[], period: number): void {
  for (let j = 0; j < period; j++) {
    let sum = 0;
    let count = 0;
    for (let t = j; t < seasonal.length; t += period) {
      sum += seasonal[t];
      count++;
    }
    let mean = sum / count;
    // R's mean() adds a second pass for accuracy.
    let correction = 0;
    for (let t = j; t < seasonal.length; t += period) correction += seasonal[t] - mean;
    mean += correction / count;
    for (let t = j; t < seasonal.length; t += period) seasonal[t] = mean;
  }
}
