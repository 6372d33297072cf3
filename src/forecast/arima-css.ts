/**
 * The conditional sum of squares of an ARIMA model, as R's `stats::arima(method = "CSS")` computes it
 * (C `ARIMA_CSS`; Box, Jenkins, Reinsel & Ljung, *Time Series Analysis*, 5th ed., 2015, §7.1.2): the
 * series is differenced, the first `ncond` residuals are taken as zero, and the rest follow from
 * eₜ = wₜ − Σ φⱼ wₜ₋ⱼ − Σ θⱼ eₜ₋ⱼ. R's CSS-ML uses its minimum as the starting point of the exact fit.
 */

/** Orders needed to difference: d, D and the period m. */
export interface Differencing {
  d: number;
  D: number;
  m: number;
}

/**
 * Mean of the squared conditional residuals after the first `ncond` (R's `ssq / nu`) and, when
 * asked for, the residuals themselves (zero for the first `ncond`).
 */
export function conditionalSumOfSquares(
  y: ArrayLike<number>,
  { d, D, m }: Differencing,
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  ncond: number,
  residuals = false,
): { sigma2: number; residuals?: number[] } {
  const n = y.length;
  const w = Float64Array.from(y);
  for (let i = 0; i < d; i++) for (let l = n - 1; l > 0; l--) w[l] -= w[l - 1];
  for (let i = 0; i < D; i++) for (let l = n - 1; l >= m; l--) w[l] -= w[l - m];
  const p = phi.length;
  const q = theta.length;
  const e = new Float64Array(n);
  let ssq = 0;
  let nu = 0;
  for (let l = ncond; l < n; l++) {
    let t = w[l];
    for (let j = 0; j < p; j++) t -= phi[j] * w[l - j - 1];
    const jmax = Math.min(l - ncond, q);
    for (let j = 0; j < jmax; j++) t -= theta[j] * e[l - j - 1];
    e[l] = t;
    if (!Number.isNaN(t)) {
      nu++;
      ssq += t * t;
    }
  }
  return { sigma2: ssq / nu, ...(residuals ? { residuals: Array.from(e) } : {}) };
}
