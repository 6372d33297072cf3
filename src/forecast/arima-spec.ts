/** The model's name in R's wording (`forecast:::arima.string`). */
import type { ArimaOrder } from './arima-types.ts';

/**
 * `ARIMA(p,d,q)`, then `(P,D,Q)[m]` when there is a seasonal part, then ` with drift` (drift the only
 * regressor), `Regression with … errors` (other regressors), ` with non-zero mean` or ` with zero mean`
 * (d = D = 0 without a mean), as `forecast::Arima` prints it.
 */
export function arimaSpec(
  o: ArimaOrder,
  { mean, drift, xreg }: { mean: boolean; drift: boolean; xreg: number },
): string {
  let s = `ARIMA(${o.p},${o.d},${o.q})`;
  if (o.m > 1 && o.P + o.D + o.Q > 0) s += `(${o.P},${o.D},${o.Q})[${o.m}]`;
  if (drift || xreg > 0) return drift && xreg === 0 ? `${s} with drift` : `Regression with ${s} errors`;
  if (mean) return `${s} with non-zero mean`;
  if (o.d === 0 && o.D === 0) return `${s} with zero mean`;
  return s;
}
