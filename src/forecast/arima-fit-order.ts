/**
 * `fitArimaOrder`: one ARIMA model of given orders, estimated as R's `stats::arima` and scored as
 * `forecast::Arima` (AIC, AICc, BIC, σ²), without standard errors, residuals or forecasting state —
 * the cheap call an order search (the Hyndman–Khandakar stepwise `auto.arima`) makes for each candidate.
 */
import { estimateArima, type ArimaEstimate } from './arima-estimate.ts';
import { resolveArima, type ResolvedArima } from './arima-options.ts';
import { arimaSpec } from './arima-spec.ts';
import type { ArimaOptions, ArimaOrderFit } from './arima-types.ts';

/** Fits the orders in `options` (defaults as `fitArima`) and returns the estimates and criteria. */
export function fitArimaOrder(values: ArrayLike<number>, options: ArimaOptions = {}): ArimaOrderFit {
  const spec = resolveArima(values, options);
  return orderFit(spec, estimateArima(spec, { hessian: false }));
}

/** The criteria of an estimate as `forecast::Arima` computes them. */
export function orderFit(spec: ResolvedArima, e: ArimaEstimate): ArimaOrderFit {
  const { order } = spec;
  const names = coefficientNames(spec);
  const npar = names.length + 1;
  const nstar = spec.y.length - order.d - order.D * order.m;
  const aicc = e.aic + 2 * npar * (nstar / (nstar - npar - 1) - 1);
  const bic = e.aic + npar * (Math.log(nstar) - 2);
  let ss = 0;
  for (const r of e.residuals) ss += r * r;
  return {
    spec: arimaSpec(order, { mean: spec.mean, drift: spec.drift, xreg: spec.nxreg }),
    order,
    estimation: spec.method,
    coef: Object.fromEntries(names.map((name, i) => [name, e.coef[i]])),
    loglik: e.loglik,
    aic: e.aic,
    aicc,
    bic,
    sigma2: ss / (nstar - npar + 1),
    sigma2Arima: e.sigma2,
    nobs: e.nobs,
    npar,
    code: e.code,
    phi: Array.from(e.model.phi),
    theta: Array.from(e.model.theta),
  };
}

/** R's coefficient names: ar1…, ma1…, sar1…, sma1…, then the regressors. */
export function coefficientNames(spec: ResolvedArima): string[] {
  const { p, q, P, Q } = spec.order;
  const seq = (prefix: string, k: number) => Array.from({ length: k }, (_, i) => `${prefix}${i + 1}`);
  return [...seq('ar', p), ...seq('ma', q), ...seq('sar', P), ...seq('sma', Q), ...spec.names];
}
