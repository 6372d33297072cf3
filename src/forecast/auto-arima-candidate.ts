/**
 * One model of the `autoArima` search, fitted and judged as forecast 8.20's internal `myarima` does:
 * a drift regressor when d + D = 1 and a constant is wanted, a mean when d + D = 0; conditional sum of
 * squares in an approximate search, scored as offset + n*·log σ²_CSS + 2k (R's approximate AIC), else
 * the exact likelihood (CSS-ML); AICc and BIC from that AIC with n* = n − d − D·m and k = coefficients + 1.
 * The criterion becomes infinite when the fit fails, when a root of the AR or MA polynomial lies inside
 * |z| < 1.01 (close to non-stationary or non-invertible), or when a coefficient's variance is undefined.
 */
import { estimateArima, estimateVarCoef, type ArimaEstimate } from './arima-estimate.ts';
import { coefficientNames } from './arima-fit-order.ts';
import { resolveArima, type ResolvedArima } from './arima-options.ts';
import { modulus, polynomialRoots } from './arima-roots.ts';
import { arimaSpec } from './arima-spec.ts';
import type { ArimaMethod, ArimaOrder } from './arima-types.ts';
import type { AutoArimaCriterion, AutoArimaModel } from './auto-arima-types.ts';

/** What every candidate of one search shares. */
export interface CandidateContext {
  y: number[];
  d: number;
  D: number;
  m: number;
  ic: AutoArimaCriterion;
  /** Estimation method (R: CSS in an approximate search, CSS-ML otherwise). */
  method: ArimaMethod;
  /** R's `offset`, added to the CSS criterion. */
  offset: number;
}

/** A candidate's orders (d and D are the search's). */
export interface CandidateOrder {
  p: number;
  q: number;
  P: number;
  Q: number;
  constant: boolean;
}

/** A fitted candidate: its row in the table of models, and what is needed to build its fit. */
export interface Candidate {
  row: AutoArimaModel;
  fitted?: { spec: ResolvedArima; estimate: ArimaEstimate };
}

/** R's threshold on the roots' moduli. */
const minimumRoot = 1.01;

/**
 * Fits one candidate and scores it as `myarima`. Never throws: a failed fit has `ic = Infinity`.
 * The standard errors (a numerical Hessian: 4k² likelihood evaluations for k coefficients) are
 * computed only for a model not already rejected, the only ones whose criterion they can change.
 */
export function fitCandidate(
  ctx: CandidateContext,
  c: CandidateOrder,
  stage: AutoArimaModel['stage'],
): Candidate {
  const { y, d, D, m } = ctx;
  const order: ArimaOrder = { p: c.p, d, q: c.q, P: c.P, D, Q: c.Q, m };
  const diffs = d + D;
  const drift = c.constant && diffs === 1;
  const mean = c.constant && diffs === 0;
  const spec = arimaSpec(order, { mean, drift, xreg: 0 });
  const failed = (message: string): Candidate => ({
    row: {
      spec,
      order,
      constant: c.constant,
      stage,
      ic: Infinity,
      aicc: NaN,
      aic: NaN,
      bic: NaN,
      minRoot: NaN,
      rejected: 'failed',
      message,
    },
  });
  let resolved: ResolvedArima;
  let estimate: ArimaEstimate;
  try {
    resolved = resolveArima(y, {
      period: m,
      order: [c.p, d, c.q],
      seasonal: m > 1 ? [c.P, D, c.Q] : [0, 0, 0],
      includeMean: mean,
      includeDrift: drift,
      method: ctx.method,
    });
    estimate = estimateArima(resolved, { hessian: false });
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  const npar = coefficientNames(resolved).length + 1;
  const nstar = y.length - d - D * m;
  // R: the CSS fit has no likelihood; auto.arima scores it by n*·log σ² plus the white-noise offset.
  const aic = ctx.method === 'CSS' ? ctx.offset + nstar * Math.log(estimate.sigma2) + 2 * npar : estimate.aic;
  const bic = aic + npar * (Math.log(nstar) - 2);
  const aicc = aic + (2 * npar * (npar + 1)) / (nstar - npar - 1);
  let ic = Number.isNaN(aic) ? Infinity : { aicc, aic, bic }[ctx.ic];
  let rejected: AutoArimaModel['rejected'] = Number.isNaN(aic) ? 'no-criterion' : null;
  let message: string | undefined;
  const phi = Array.from(estimate.model.phi, (v) => -v);
  const arRoot = c.p + c.P > 0 ? smallestRoot(phi) : 2;
  const maRoot = c.q + c.Q > 0 && ic < Infinity ? smallestRoot(Array.from(estimate.model.theta)) : 2;
  const minRoot = Math.min(2, arRoot, maRoot);
  if (!(minRoot >= minimumRoot) && rejected === null) {
    rejected = 'near-unit-root';
    message = `a root of the ${arRoot === minRoot ? 'AR' : 'MA'} polynomial has modulus ${minRoot.toFixed(4)} < ${minimumRoot}`;
  }
  if (rejected === null) {
    estimate = { ...estimate, varCoef: estimateVarCoef(resolved, estimate) };
    if (estimate.varCoef!.some((row, i) => !(Math.sqrt(row[i]) >= 0))) {
      rejected = 'undefined-se';
      message = 'a coefficient variance is negative or undefined (the likelihood is not curved there)';
    }
  }
  if (rejected !== null) ic = Infinity;
  return {
    row: {
      spec,
      order,
      constant: c.constant,
      stage,
      ic,
      aicc,
      aic,
      bic,
      minRoot,
      rejected,
      ...(message ? { message } : {}),
    },
    fitted: { spec: resolved, estimate },
  };
}

/**
 * Smallest root modulus of 1 + c₁z + c₂z² + … after dropping trailing |cᵢ| ≤ 1e-8 (as R); 2 when no
 * coefficient is left, NaN when a coefficient is not finite (R's `polyroot` fails: the model is rejected).
 */
function smallestRoot(c: number[]): number {
  let last = c.length;
  while (last > 0 && !(Math.abs(c[last - 1]) > 1e-8)) {
    if (Number.isNaN(c[last - 1])) return NaN;
    last--;
  }
  if (last === 0) return 2;
  const coefficients = [1, ...c.slice(0, last)];
  if (!coefficients.every(Number.isFinite)) return NaN;
  return Math.min(...polynomialRoots(coefficients).map(modulus));
}
