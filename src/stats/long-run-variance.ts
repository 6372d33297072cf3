/**
 * The Bartlett-kernel (Newey–West) estimate of the long-run variance of residuals e_1…e_n, shared by
 * the KPSS and Phillips–Perron tests:
 *
 *   s²(l) = (1/n)·Σ e_t² + (2/n)·Σ_{k=1}^{l} (1 − k/(l + 1))·Σ_{t=k+1}^{n} e_t·e_{t−k}
 *
 * (Newey & West 1987; Kwiatkowski et al. 1992), as `urca::ur.kpss`, `urca::ur.pp` and
 * tseries' `tseries_pp_sum` compute it.
 */

/** s²(lag) of `residuals`; `lag` must be an integer from 0 to n − 1. */
export function bartlettLongRunVariance(residuals: readonly number[], lag: number): number {
  const n = residuals.length;
  let sum = 0;
  for (const e of residuals) sum += e * e;
  let s2 = sum / n;
  for (let k = 1; k <= lag; k++) {
    let cross = 0;
    for (let t = k; t < n; t++) cross += residuals[t] * residuals[t - k];
    s2 += (2 / n) * (1 - k / (lag + 1)) * cross;
  }
  return s2;
}
