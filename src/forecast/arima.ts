/**
 * `fitArima`: ARIMA(p,d,q)(P,D,Q)[m] with an optional mean, drift or regressors, as R forecast 8.20's
 * `Arima()` (which calls `stats::arima(method = "CSS-ML")`): exact Gaussian likelihood by the Kalman
 * filter (Gardner, Harvey & Phillips 1980), AR stationarity and MA invertibility enforced as R does,
 * coefficients with standard errors from the numerical Hessian, AIC/AICc/BIC and σ² as
 * `forecast::Arima` reports them. The default is the airline model ARIMA(0,1,1)(0,1,1)[m] (Box &
 * Jenkins 1970, ch. 9). See arima-estimate.ts for the steps; `forecastArima` forecasts.
 */
import { estimateArima, type ArimaEstimate } from './arima-estimate.ts';
import { coefficientNames, orderFit } from './arima-fit-order.ts';
import { resolveArima, type ResolvedArima } from './arima-options.ts';
import type { ArimaFit, ArimaOptions } from './arima-types.ts';

/** Fits an ARIMA model to `values` (oldest first). See {@link ArimaOptions} for the options and defaults. */
export function fitArima(values: ArrayLike<number>, options: ArimaOptions = {}): ArimaFit {
  const spec = resolveArima(values, options);
  return arimaFitOf(spec, estimateArima(spec, { hessian: true }));
}

/**
 * The estimate as `fitArima` reports it (the same fields, in the same way): `autoArima` keeps its
 * winning estimate and reports it through this, so the chosen model needs no second fit.
 */
export function arimaFitOf(spec: ResolvedArima, e: ArimaEstimate): ArimaFit {
  const summary = orderFit(spec, e);
  const names = coefficientNames(spec);
  const varCoef = e.varCoef ?? [];
  const { y } = spec;
  const narma = names.length - spec.columns.length;
  const reg = e.coef.slice(narma);
  const at = (name: string) => (spec.names.includes(name) ? reg[spec.names.indexOf(name)] : 0);
  return {
    kind: 'arima',
    ...summary,
    method: summary.spec,
    period: spec.order.m,
    n: y.length,
    params: summary.coef,
    se: Object.fromEntries(names.map((name, i) => [name, Math.sqrt(varCoef[i]?.[i] ?? NaN)])),
    varCoef,
    residuals: e.residuals,
    fitted: y.map((v, t) => v - e.residuals[t]),
    state: {
      phi: Array.from(e.model.phi),
      theta: Array.from(e.model.theta),
      delta: Array.from(e.model.delta),
      a: Array.from(e.model.a),
      P: Array.from(e.model.P),
      regression: {
        intercept: spec.mean ? at('intercept') : 0,
        drift: spec.drift ? at('drift') : 0,
        xreg: reg.slice((spec.mean ? 1 : 0) + (spec.drift ? 1 : 0)),
      },
    },
  };
}
