/**
 * Estimation of an ARIMA model step for step as R's `stats::arima` (R 4.2, `src/library/stats/R/arima.R`),
 * with the criteria `forecast::Arima` adds. `method = "CSS-ML"`:
 * 1. regression starting values and scales from least squares on the differenced data;
 * 2. BFGS on the conditional sum of squares (arima-css.ts) from zero ARMA coefficients;
 *    its AR parts must be stationary;
 * 3. the start mapped to the unconstrained PACF scale (arima-transform.ts), non-invertible MA parts
 *    flipped (arima-invert.ts), then BFGS on the exact concentrated likelihood (arima-kalman.ts):
 *    ½·log(Σvₜ²/Fₜ / ν) + ½·Σ log Fₜ / ν;
 * 4. MA parts flipped again if the optimum is not invertible (and the Hessian recomputed there);
 *    the coefficient covariance is (H·n)⁻¹ carried back through the Jacobian of the PACF map;
 * 5. one last filter pass at the estimates gives σ², the residuals and the state for forecasting.
 */
import { bfgs, optimHessian, type BfgsResult } from './arima-bfgs.ts';
import { conditionalSumOfSquares } from './arima-css.ts';
import { arStationary, maInvert } from './arima-invert.ts';
import {
  arimaLikelihood,
  arimaStateSpace,
  differencingPolynomial,
  type ArimaStateSpace,
} from './arima-kalman.ts';
import type { ResolvedArima } from './arima-options.ts';
import { difference, invertSymmetric, regressionStart, rightSingularVectors } from './arima-regression.ts';
import { expandArma, gradTrans, invTransPars, undoPars, type ArmaOrders } from './arima-transform.ts';

/** The estimates before they are named and reported. */
export interface ArimaEstimate {
  /** Coefficients: ar, ma, sar, sma, then the regression ones (original regressors). */
  coef: number[];
  /** Their covariance (R's `var.coef`); absent when the Hessian was not asked for. */
  varCoef?: number[][];
  /** R's `loglik` and `aic` (NaN for CSS). */
  loglik: number;
  aic: number;
  /** R's `sigma2` (ML: Σvₜ²/Fₜ / nobs; CSS: mean square of the conditional residuals). */
  sigma2: number;
  /** R's `residuals`: standardised innovations (ML), conditional residuals (CSS). */
  residuals: number[];
  nobs: number;
  code: 0 | 1;
  /** The state-space model after the last observation of `y − X·β`. */
  model: ArimaStateSpace;
  /**
   * The coefficients where R takes the Hessian: on the optimiser's scale (AR parts as raw PACFs when
   * transformed, rotated regressors). {@link estimateVarCoef} computes `varCoef` from them later.
   */
  optimum: number[];
}

/** What the objectives and the covariance of one model share (R's set-up in `stats::arima`). */
interface Setup {
  o: ArmaOrders;
  narma: number;
  ncx: number;
  nobs: number;
  /** Conditioning values of the CSS: d + D·m + p + P·m. */
  ncond: number;
  delta: Float64Array;
  transform: boolean;
  rotation?: number[][];
  init: number[];
  parscale: number[];
  regression: (par: ArrayLike<number>) => Float64Array;
  cssObjective: (par: number[]) => number;
  mlObjective: (trans: boolean) => (par: number[]) => number;
}

function setup(spec: ResolvedArima): Setup {
  const { y, order, method, kappa } = spec;
  const { p, d, q, P, D, Q, m } = order;
  const o: ArmaOrders = { p, q, P, Q, m };
  const n = y.length;
  const narma = p + q + P + Q;
  const delta = differencingPolynomial(d, D, m);
  const nobs = n - delta.length;
  const transform = spec.transformPars && method !== 'CSS';

  // Regressors, rotated onto their singular vectors when there are several (R: xreg %*% svd(xreg)$v).
  const ncx = spec.columns.length;
  const rotation = ncx > 1 ? rightSingularVectors(spec.columns) : undefined;
  const X = rotation
    ? rotation[0].map((_, j) =>
        Array.from({ length: n }, (_, t) => spec.columns.reduce((s, c, i) => s + c[t] * rotation[i][j], 0)),
      )
    : spec.columns;
  const init = new Array<number>(narma).fill(0);
  const parscale = new Array<number>(narma).fill(1);
  if (ncx > 0) {
    const diffOrders = { d, D, m };
    const dx = difference(y, diffOrders);
    const dX = X.map((c) => difference(c, diffOrders));
    let start: { coef: number[]; se: number[] };
    try {
      if (dx.length <= ncx) throw new RangeError('too few differenced values');
      start = regressionStart(dx, dX);
    } catch {
      // R: a degenerate differenced regression falls back to the undifferenced one.
      start = regressionStart(y, X);
    }
    init.push(...start.coef);
    parscale.push(...start.se.map((s) => 10 * s));
  }
  const regression = (par: ArrayLike<number>): Float64Array => {
    const x = Float64Array.from(y);
    for (let j = 0; j < ncx; j++) {
      const b = par[narma + j];
      const col = X[j];
      for (let t = 0; t < n; t++) x[t] -= b * col[t];
    }
    return x;
  };
  const ncond = d + D * m + p + P * m;
  const cssObjective = (par: number[]): number => {
    const { phi, theta } = expandArma(par, o, false);
    return 0.5 * Math.log(conditionalSumOfSquares(regression(par), order, phi, theta, ncond).sigma2);
  };
  const mlObjective =
    (trans: boolean) =>
    (par: number[]): number => {
      const { phi, theta } = expandArma(par, o, trans);
      let model: ArimaStateSpace;
      try {
        model = arimaStateSpace(phi, theta, delta, kappa);
      } catch {
        return Number.MAX_VALUE; // R: bad parameters giving an error → .Machine$double.xmax
      }
      const res = arimaLikelihood(regression(par), model);
      const s2 = res.ssq / res.nu;
      return 0.5 * (Math.log(s2) + res.sumlog / res.nu);
    };
  return {
    o,
    narma,
    ncx,
    nobs,
    ncond,
    delta,
    transform,
    rotation,
    init,
    parscale,
    regression,
    cssObjective,
    mlObjective,
  };
}

/**
 * Estimates the model. `hessian: false` skips the standard errors (the costliest part for big models);
 * {@link estimateVarCoef} can compute them afterwards, equal to those `hessian: true` gives.
 */
export function estimateArima(
  spec: ResolvedArima,
  { hessian = true }: { hessian?: boolean } = {},
): ArimaEstimate {
  const { order, method, maxit, kappa } = spec;
  const { p, q, P, Q } = order;
  const st = setup(spec);
  const { o, narma, ncx, nobs, ncond, delta, transform, init, parscale, regression } = st;
  const { cssObjective, mlObjective } = st;
  const optimise = (fn: (x: number[]) => number, x0: number[], what: string): BfgsResult => {
    if (narma + ncx === 0) return { x: [], value: fn([]), code: 0, evaluations: 1, gradients: 0 };
    try {
      return bfgs(fn, x0, { parscale, maxit });
    } catch (e) {
      // R stops with the same condition ("initial value in 'vmmin' is not finite", …).
      throw new RangeError(
        `cannot estimate the model by ${what}: ${e instanceof Error ? e.message : String(e)} — is the series constant, or fitted exactly, after differencing?`,
        { cause: e },
      );
    }
  };

  let coef: number[];
  let optimum: number[];
  let value: number;
  let code: 0 | 1;
  let model: ArimaStateSpace;
  let sigma2: number;
  let residuals: number[];
  if (method === 'CSS') {
    const res = optimise(cssObjective, init, 'conditional sum of squares');
    coef = res.x;
    optimum = res.x.slice();
    value = res.value;
    code = res.code;
    const { phi, theta } = expandArma(coef, o, false);
    model = arimaStateSpace(phi, theta, delta, kappa);
    const x = regression(coef);
    arimaLikelihood(x, model);
    const css = conditionalSumOfSquares(x, order, phi, theta, ncond, true);
    sigma2 = css.sigma2;
    residuals = css.residuals ?? [];
  } else {
    let start = init;
    if (method === 'CSS-ML') {
      const res = optimise(cssObjective, init, 'conditional sum of squares');
      if (res.code === 0) start = res.x;
      if (p > 0 && !arStationary(start.slice(0, p)))
        throw new RangeError(
          'non-stationary AR part from CSS: the conditional-sum-of-squares start is not stationary; try method "ML"',
        );
      if (P > 0 && !arStationary(start.slice(p + q, p + q + P)))
        throw new RangeError('non-stationary seasonal AR part from CSS: try method "ML"');
    }
    if (transform) {
      start = invTransPars(start, o);
      if (q > 0) start.splice(p, q, ...maInvert(start.slice(p, p + q)));
      if (Q > 0) start.splice(p + q + P, Q, ...maInvert(start.slice(p + q + P, p + q + P + Q)));
    }
    const objective = mlObjective(transform);
    const res = optimise(objective, start, 'maximum likelihood');
    coef = res.x;
    value = res.value;
    code = res.code;
    if (transform) {
      if (q > 0) coef.splice(p, q, ...maInvert(coef.slice(p, p + q)));
      if (Q > 0) coef.splice(p + q + P, Q, ...maInvert(coef.slice(p + q + P, p + q + P + Q)));
      // R refits with maxit = 0 at the flipped coefficients: only the value (and Hessian) change.
      if (coef.some((v, i) => v !== res.x[i])) value = objective(coef);
      optimum = coef.slice();
      coef = undoPars(coef, o);
    } else {
      optimum = coef.slice();
    }
    const { phi, theta } = expandArma(coef, o, false);
    model = arimaStateSpace(phi, theta, delta, kappa);
    const final = arimaLikelihood(regression(coef), model, true);
    sigma2 = final.ssq / nobs;
    residuals = final.residuals ?? [];
  }
  const minus2loglik = 2 * nobs * value + nobs + nobs * Math.log(2 * Math.PI);
  const aic = method === 'CSS' ? NaN : minus2loglik + 2 * (narma + ncx) + 2;
  if (st.rotation) {
    // Back to the original regressors: β = V·β_rotated.
    const rotation = st.rotation;
    const rotated = coef.slice(narma);
    for (let i = 0; i < ncx; i++) coef[narma + i] = rotation[i].reduce((s, v, j) => s + v * rotated[j], 0);
  }
  const estimate: ArimaEstimate = {
    coef,
    loglik: -0.5 * minus2loglik,
    aic,
    sigma2,
    residuals,
    nobs,
    code,
    model,
    optimum,
  };
  return hessian ? { ...estimate, varCoef: covariance(st, spec, optimum) } : estimate;
}

/**
 * R's `var.coef` for an estimate of `spec` made by {@link estimateArima} (with or without `hessian`):
 * the numerical Hessian of the objective at the optimum, (H·n)⁻¹, carried through the Jacobian of the
 * PACF map and back to the original regressors. NaN throughout when H cannot be inverted.
 */
export function estimateVarCoef(spec: ResolvedArima, estimate: ArimaEstimate): number[][] {
  return estimate.varCoef ?? covariance(setup(spec), spec, estimate.optimum);
}

function covariance(st: Setup, spec: ResolvedArima, x: number[]): number[][] {
  const { o, narma, nobs, parscale, transform, rotation } = st;
  const k = x.length;
  if (k === 0) return [];
  const fn = spec.method === 'CSS' ? st.cssObjective : st.mlObjective(transform);
  let varCoef: number[][];
  try {
    const H = optimHessian(fn, x, { parscale });
    const inv = invertSymmetric(H.map((row) => row.map((v) => v * nobs)));
    if (!transform) {
      varCoef = inv;
    } else {
      // var = Aᵀ (H·n)⁻¹ A
      const jacobian = gradTrans(x, o);
      varCoef = Array.from({ length: k }, (_, i) =>
        Array.from({ length: k }, (_, j) => {
          let s = 0;
          for (let a = 0; a < k; a++)
            for (let b = 0; b < k; b++) s += jacobian[a][i] * inv[a][b] * jacobian[b][j];
          return s;
        }),
      );
    }
  } catch {
    varCoef = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  }
  if (rotation) {
    // var = A var Aᵀ with A = diag(I, V).
    const A = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) =>
        i < narma || j < narma ? (i === j ? 1 : 0) : rotation[i - narma][j - narma],
      ),
    );
    const AV = A.map((row) => varCoef[0].map((_, j) => row.reduce((s, v, l) => s + v * varCoef[l][j], 0)));
    varCoef = AV.map((row) => A.map((arow) => row.reduce((s, v, l) => s + v * arow[l], 0)));
  }
  return varCoef;
}
