/**
 * The sample autocorrelation function, as R's `stats::acf(x, lag.max, plot = FALSE)`.
 *
 * r_k = c_k / c_0 with the biased autocovariances c_k = (1/n)·Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄)
 * for k = 0…K (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §2.8;
 * Box, Jenkins & Reinsel, *Time Series Analysis*, §2.1.4). Dividing by n rather than n − k keeps the
 * sequence positive semi-definite; it is what R, statsmodels (`adjusted=False`) and the textbooks use.
 */
import { checkValues } from './check-values.ts';

/**
 * R's default `lag.max`: ⌊10·log₁₀ n⌋, at most n − 1 (`?acf`). For n = 144 that is 21.
 */
export function defaultMaxLag(n: number): number {
  return Math.max(0, Math.min(Math.floor(10 * Math.log10(n)), n - 1));
}

/**
 * The autocorrelations r_0 = 1, r_1, …, r_K of `values`, K = `maxLag` (default ⌊10·log₁₀ n⌋).
 * As R, a `maxLag` beyond n − 1 is cut to n − 1, so the result may be shorter than maxLag + 1.
 * A constant series has no defined autocorrelation: every entry is `NaN`, as R gives.
 */
export function acf(values: ArrayLike<number>, maxLag?: number): number[] {
  const x = checkValues(values, 'acf');
  const n = x.length;
  if (maxLag !== undefined && (!Number.isInteger(maxLag) || maxLag < 0)) {
    throw new RangeError(`invalid maxLag: ${maxLag} (must be an integer ≥ 0)`);
  }
  const K = Math.min(maxLag ?? defaultMaxLag(n), n - 1);
  if (n === 1) return [1];
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  const d = x.map((v) => v - mean);
  const cov = new Array<number>(K + 1);
  for (let k = 0; k <= K; k++) {
    let sum = 0;
    for (let t = 0; t < n - k; t++) sum += d[t + k] * d[t];
    cov[k] = sum / n;
  }
  // R divides by sqrt(c0)·sqrt(c0) and clips to [−1, 1]; doing the same keeps results bit-close.
  const scale = Math.sqrt(cov[0]) * Math.sqrt(cov[0]);
  return cov.map((c) => {
    const r = c / scale;
    return r > 1 ? 1 : r < -1 ? -1 : r;
  });
}
