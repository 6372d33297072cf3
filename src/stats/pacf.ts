/**
 * The sample partial autocorrelation function, as R's `stats::pacf(x, lag.max, plot = FALSE)`.
 *
 * φ_kk for k = 1…K from the Durbin–Levinson recursion (Durbin 1960; Brockwell & Davis, *Time Series:
 * Theory and Methods*, §5.2) applied to the biased sample autocorrelations of {@link acf}: φ_kk is
 * the last coefficient of the best linear predictor of x_t from its k previous values (Hyndman &
 * Athanasopoulos, *FPP3*, §9.5). This is R's `pacf` and statsmodels' `pacf(method = "ldb")`;
 * statsmodels' default (`"yw"`, adjusted autocovariances) differs.
 */
import { acf, defaultMaxLag } from './acf.ts';
import { checkValues } from './check-values.ts';

/**
 * Partial autocorrelations at lags 1…K (index 0 is lag 1), K = `maxLag` (default ⌊10·log₁₀ n⌋,
 * cut to n − 1 as in R). Needs at least two observations.
 */
export function pacf(values: ArrayLike<number>, maxLag?: number): number[] {
  const x = checkValues(values, 'pacf', 2);
  if (maxLag !== undefined && (!Number.isInteger(maxLag) || maxLag < 1)) {
    throw new RangeError(`invalid maxLag: ${maxLag} (must be an integer ≥ 1)`);
  }
  const K = Math.min(maxLag ?? defaultMaxLag(x.length), x.length - 1);
  if (K < 1) throw new RangeError(`pacf needs maxLag ≥ 1; the series is too short (n = ${x.length})`);
  return durbinLevinson(acf(x, K), K);
}

/** φ_11 … φ_KK from autocorrelations r_0 … r_K (the recursion of R's C routine `uni_pacf`). */
function durbinLevinson(r: number[], K: number): number[] {
  const out = new Array<number>(K);
  // phi holds φ_{k,1..k}, the coefficients of the order-k predictor.
  let phi = [r[1]];
  out[0] = r[1];
  for (let k = 1; k < K; k++) {
    let num = r[k + 1];
    let den = 1;
    for (let i = 0; i < k; i++) {
      num -= phi[i] * r[k - i];
      den -= phi[i] * r[i + 1];
    }
    const c = num / den;
    out[k] = c;
    const next = phi.map((p, i) => p - c * phi[k - 1 - i]);
    next.push(c);
    phi = next;
  }
  return out;
}
