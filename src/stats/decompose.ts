/**
 * Classical seasonal decomposition by moving averages, as R's `stats::decompose`.
 *
 * 1. Trend T_t: the centred moving average of order m (the 2×m MA for even m) — {@link movingAverage}.
 * 2. Detrend: y_t − T_t (additive) or y_t / T_t (multiplicative).
 * 3. Seasonal figure: for each position j = 1…m in the cycle, the mean of the detrended values at
 *    positions j, j + m, j + 2m, … (skipping the ends where the trend is missing), then normalised to
 *    sum 0 (additive) or mean 1 (multiplicative). Positions count from the first observation, as R's
 *    `decompose` does (it ignores where in the calendar the series starts).
 * 4. Seasonal S_t: the figure repeated; remainder y_t − T_t − S_t or y_t / (T_t·S_t).
 *
 * Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §3.4. The trend and the
 * remainder are `NaN` for the first and last ⌊m/2⌋ observations, where R gives `NA`.
 */
import { checkValues } from './check-values.ts';
import { movingAverage } from './moving-average.ts';

/** Options of {@link classicalDecomposition}. */
export interface DecompositionOptions {
  /** `'additive'` (y = T + S + R, the default) or `'multiplicative'` (y = T·S·R; needs positive data). */
  type?: 'additive' | 'multiplicative';
}

/** The components of a classical decomposition, each as long as the series. */
export interface ClassicalDecomposition {
  type: 'additive' | 'multiplicative';
  trend: number[];
  seasonal: number[];
  remainder: number[];
  /** The m seasonal effects, starting at the position of the first observation. */
  figure: number[];
}

/** Decomposes `values` with seasonal period `period` (an integer ≥ 2; at least two full periods of data). */
export function classicalDecomposition(
  values: ArrayLike<number>,
  period: number,
  options: DecompositionOptions = {},
): ClassicalDecomposition {
  const { type = 'additive' } = options;
  if (type !== 'additive' && type !== 'multiplicative') {
    throw new RangeError(`invalid type: ${String(type)} (must be 'additive' or 'multiplicative')`);
  }
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(
      `invalid period: ${period} (must be an integer ≥ 2; 12 for monthly data, 4 for quarterly)`,
    );
  }
  const y = checkValues(values, 'a classical decomposition');
  const n = y.length;
  if (n < 2 * period) {
    throw new RangeError(
      `a classical decomposition needs at least two full periods (${2 * period} observations for period ${period}), got ${n}`,
    );
  }
  const multiplicative = type === 'multiplicative';
  if (multiplicative) {
    const bad = y.findIndex((v) => v <= 0);
    if (bad >= 0) {
      throw new RangeError(
        `observation ${bad + 1} is ${y[bad]}: a multiplicative decomposition needs positive data; use type 'additive'`,
      );
    }
  }
  const trend = movingAverage(y, { window: period, align: 'centred' });
  const detrended = y.map((v, t) => (multiplicative ? v / trend[t] : v - trend[t]));
  const figure = new Array<number>(period);
  for (let j = 0; j < period; j++) {
    let sum = 0;
    let count = 0;
    for (let t = j; t < n; t += period) {
      if (!Number.isNaN(detrended[t])) {
        sum += detrended[t];
        count++;
      }
    }
    figure[j] = sum / count;
  }
  const centre = figure.reduce((s, v) => s + v, 0) / period;
  for (let j = 0; j < period; j++) figure[j] = multiplicative ? figure[j] / centre : figure[j] - centre;
  const seasonal = y.map((_, t) => figure[t % period]);
  const remainder = y.map((v, t) =>
    multiplicative ? v / seasonal[t] / trend[t] : v - seasonal[t] - trend[t],
  );
  return { type, trend, seasonal, remainder, figure };
}
