/**
 * The models `auto.arima` returns without searching, when the series — or its differences — are
 * constant (R forecast 8.20): a fixed mean, a fixed drift (the constant difference per step), or the
 * differencing alone. Nothing is estimated; the state follows from filtering the series less the fixed
 * regression part, as R's `Arima(…, fixed = …)` does.
 */
import { fitArima } from './arima.ts';
import { arimaSpec } from './arima-spec.ts';
import type { ArimaFit } from './arima-types.ts';

/** A model with orders (0,d,0)(0,D,0)[m] and, optionally, a fixed intercept or drift coefficient. */
export function fixedArimaFit(
  y: readonly number[],
  { d, D, m }: { d: number; D: number; m: number },
  fixed: { intercept?: number; drift?: number } = {},
): ArimaFit {
  const { intercept = 0, drift = 0 } = fixed;
  const x = y.map((v, t) => v - intercept - drift * (t + 1));
  const fit = fitArima(x, {
    period: m,
    order: [0, d, 0],
    seasonal: [0, D, 0],
    includeMean: false,
    includeDrift: false,
  });
  const mean = fixed.intercept !== undefined;
  const withDrift = fixed.drift !== undefined;
  const coef: Record<string, number> = mean ? { intercept } : withDrift ? { drift } : {};
  const spec = arimaSpec(fit.order, { mean, drift: withDrift, xreg: 0 });
  return {
    ...fit,
    spec,
    method: spec,
    coef,
    params: coef,
    se: Object.fromEntries(Object.keys(coef).map((k) => [k, NaN])),
    fitted: y.map((v, t) => v - fit.residuals[t]),
    state: { ...fit.state, regression: { intercept, drift, xreg: [] } },
  };
}
