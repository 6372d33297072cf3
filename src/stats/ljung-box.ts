/**
 * Portmanteau tests of residual autocorrelation, as R's `stats::Box.test`.
 *
 * - Ljung & Box (1978): Q* = n(n + 2)·Σ_{k=1}^{L} r_k² / (n − k);
 * - Box & Pierce (1970): Q = n·Σ_{k=1}^{L} r_k²;
 *
 * with r_k the sample autocorrelations ({@link acf}). Under the null of white noise both are
 * approximately χ² with L − fitdf degrees of freedom, fitdf being the number of estimated model
 * parameters when the test is applied to residuals (Hyndman & Athanasopoulos, *FPP3*, §5.4, which
 * suggests L = 10 for non-seasonal data and L = 2m for seasonal).
 *
 * The p-value is the χ² upper tail computed directly; R computes `1 - pchisq(Q, df)`, which agrees to
 * ~1e-16 absolute but prints 0 for anything smaller.
 */
import { acf } from './acf.ts';
import { checkValues } from './check-values.ts';
import { chiSquaredUpperTail } from './incomplete-gamma.ts';

/** Options of {@link ljungBox} and {@link boxPierce}. */
export interface PortmanteauOptions {
  /** Number of parameters estimated by the model whose residuals are tested; subtracted from the degrees of freedom. Default 0. */
  fitdf?: number;
}

/** The result of a portmanteau test. */
export interface PortmanteauTest {
  /** Q* (Ljung–Box) or Q (Box–Pierce). */
  statistic: number;
  /** Degrees of freedom, lag − fitdf. */
  df: number;
  /** P(χ²_df > statistic). */
  pValue: number;
}

/** The Ljung–Box test on the first `lag` autocorrelations of `values` (`Box.test(x, lag, "Ljung-Box", fitdf)`). */
export function ljungBox(
  values: ArrayLike<number>,
  lag: number,
  options: PortmanteauOptions = {},
): PortmanteauTest {
  return portmanteau(values, lag, options, 'Ljung-Box');
}

/** The Box–Pierce test on the first `lag` autocorrelations of `values` (`Box.test(x, lag, "Box-Pierce", fitdf)`). */
export function boxPierce(
  values: ArrayLike<number>,
  lag: number,
  options: PortmanteauOptions = {},
): PortmanteauTest {
  return portmanteau(values, lag, options, 'Box-Pierce');
}

function portmanteau(
  values: ArrayLike<number>,
  lag: number,
  { fitdf = 0 }: PortmanteauOptions,
  type: 'Ljung-Box' | 'Box-Pierce',
): PortmanteauTest {
  const x = checkValues(values, `the ${type} test`, 2);
  const n = x.length;
  if (!Number.isInteger(lag) || lag < 1 || lag >= n) {
    throw new RangeError(`invalid lag: ${lag} (must be an integer from 1 to n − 1 = ${n - 1})`);
  }
  if (!Number.isInteger(fitdf) || fitdf < 0 || fitdf >= lag) {
    throw new RangeError(`invalid fitdf: ${fitdf} (must be an integer ≥ 0 and less than lag = ${lag})`);
  }
  const r = acf(x, lag);
  let sum = 0;
  for (let k = 1; k <= lag; k++) sum += type === 'Ljung-Box' ? (r[k] * r[k]) / (n - k) : r[k] * r[k];
  const statistic = type === 'Ljung-Box' ? n * (n + 2) * sum : n * sum;
  const df = lag - fitdf;
  return { statistic, df, pValue: chiSquaredUpperTail(statistic, df) };
}
