/**
 * Moving averages of a series.
 *
 * - `trailing`: the mean of the last `window` values up to and including t, as
 *   `stats::filter(x, rep(1/k, k), sides = 1)` in R. It uses only the past, so it can forecast.
 * - `centred`: the mean of a window centred on t, as `stats::filter(x, rep(1/k, k), sides = 2)` for
 *   odd k and the "2×k" moving average for even k (weights 1/(2k) at both ends, 1/k inside), as
 *   `forecast::ma(x, k, centre = TRUE)` and `stats::decompose`. It estimates the trend-cycle and needs
 *   the future, so it can only describe the past (Hyndman & Athanasopoulos, *Forecasting: Principles
 *   and Practice*, 3rd ed., §3.3).
 *
 * Positions without a full window are `NaN`, as R gives `NA`.
 */

/** Options of {@link movingAverage}. */
export interface MovingAverageOptions {
  /** Number of observations averaged; an integer ≥ 1. Default 3. */
  window?: number;
  /** `'trailing'` (past values only, the default) or `'centred'` (a window centred on each point). */
  align?: 'trailing' | 'centred';
}

/** The moving average of `values`, the same length as `values`, `NaN` where the window is incomplete. */
export function movingAverage(values: ArrayLike<number>, options: MovingAverageOptions = {}): number[] {
  const { window = 3, align = 'trailing' } = options;
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`invalid window: ${window} (must be an integer ≥ 1)`);
  }
  if (align !== 'trailing' && align !== 'centred') {
    throw new RangeError(`invalid align: ${String(align)} (must be 'trailing' or 'centred')`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(
        `value ${i + 1} is ${values[i]}: a moving average needs finite numbers; fill or drop missing values first`,
      );
    }
  }
  const weights = align === 'centred' && window % 2 === 0 ? evenCentredWeights(window) : uniform(window);
  // For a trailing average the window ends at t; for a centred one it is centred on t.
  const before = align === 'trailing' ? weights.length - 1 : (weights.length - 1) / 2;
  return convolve(values, weights, before);
}

function uniform(k: number): number[] {
  return Array.from({ length: k }, () => 1 / k);
}

/** The 2×k moving average: a k-MA of a 2-MA, which is centred for even k. */
function evenCentredWeights(k: number): number[] {
  const w = new Array<number>(k + 1).fill(1 / k);
  w[0] = w[k] = 1 / (2 * k);
  return w;
}

function convolve(values: ArrayLike<number>, weights: number[], before: number): number[] {
  const n = values.length;
  const out = new Array<number>(n).fill(NaN);
  for (let t = before; t - before + weights.length <= n; t++) {
    let sum = 0;
    for (let j = 0; j < weights.length; j++) sum += weights[j] * values[t - before + j];
    out[t] = sum;
  }
  return out;
}
