/**
 * The optimiser R's `stats::arima` calls: `optim(method = "BFGS")` with numerical gradients, and the
 * Hessian `optim(hessian = TRUE)` returns, step for step as R's C routines `vmmin` and `optimhess` (the
 * variable-metric method of J. C. Nash, *Compact Numerical Methods for Computers*, 2nd ed., 1990,
 * Algorithm 21). The library's other optimisers (Nelder–Mead, the projected L-BFGS-B) stop elsewhere;
 * matching R's coefficients to 1e-3 on flat likelihoods needs R's own stopping rule:
 * - the search runs on par/parscale; gradients are central differences with step `ndeps` there;
 * - a step is accepted when f ≤ f_min + 1e-4·slope·step (backtracking by 0.2), and the search stops
 *   when a step no longer changes any coordinate (in the sense 10 + x = 10 + x′), when the decrease is
 *   ≤ reltol·(|f| + reltol), or after `maxit` gradient evaluations;
 * - the inverse-Hessian estimate is reset to the identity after a failed step and every 2n gradients.
 */

/** Options of {@link bfgs}; every default is R's `optim()` default. */
export interface BfgsOptions {
  /** Scale of each parameter (R's `parscale`). Default 1. */
  parscale?: readonly number[];
  /** Finite-difference step on the scaled parameters (R's `ndeps`). Default 1e-3. */
  ndeps?: number;
  /** Maximum number of iterations (gradient evaluations). Default 100. */
  maxit?: number;
  /** Relative tolerance on the decrease of f. Default √ε ≈ 1.49e-8. */
  reltol?: number;
  /** Stop when f ≤ abstol. Default −∞. */
  abstol?: number;
}

/** The result of {@link bfgs}, as `optim()` returns it. */
export interface BfgsResult {
  /** The parameters where the search stopped (unscaled). */
  x: number[];
  /** R's `value`: the lowest f the search recorded. */
  value: number;
  /** R's convergence code: 0 converged, 1 `maxit` reached. */
  code: 0 | 1;
  /** Function and gradient evaluations (R's `counts`). */
  evaluations: number;
  gradients: number;
}

export const bfgsDefaults = {
  ndeps: 1e-3,
  maxit: 100,
  reltol: Math.sqrt(2.220446049250313e-16),
  abstol: -Infinity,
};

const stepReduction = 0.2;
const acceptanceTolerance = 1e-4;
const relativeTest = 10;

/** f and its central-difference gradient on the scaled parameters (R's `fminfn` and `fmingr`). */
function scaled(fn: (x: number[]) => number, parscale: readonly number[], ndeps: number) {
  const n = parscale.length;
  const x = new Array<number>(n);
  const f = (p: ArrayLike<number>): number => {
    for (let i = 0; i < n; i++) x[i] = p[i] * parscale[i];
    return fn(x);
  };
  const gradient = (p: ArrayLike<number>, g: Float64Array): void => {
    for (let i = 0; i < n; i++) x[i] = p[i] * parscale[i];
    for (let i = 0; i < n; i++) {
      x[i] = (p[i] + ndeps) * parscale[i];
      const f1 = fn(x);
      x[i] = (p[i] - ndeps) * parscale[i];
      const f2 = fn(x);
      x[i] = p[i] * parscale[i];
      g[i] = (f1 - f2) / (2 * ndeps);
      if (!Number.isFinite(g[i])) {
        throw new RangeError(`non-finite finite-difference value for parameter ${i + 1}`);
      }
    }
  };
  return { f, gradient };
}

/** Minimises `fn` from `x0` by R's BFGS (`vmmin`). Throws when f(x0) is not finite, as R does. */
export function bfgs(
  fn: (x: number[]) => number,
  x0: readonly number[],
  options: BfgsOptions = {},
): BfgsResult {
  const n = x0.length;
  const { ndeps, maxit, reltol, abstol } = { ...bfgsDefaults, ...options };
  const parscale = options.parscale ?? new Array<number>(n).fill(1);
  const { f: fs, gradient } = scaled(fn, parscale, ndeps);
  const b = Float64Array.from(x0, (v, i) => v / parscale[i]);
  const unscale = () => Array.from(b, (v, i) => v * parscale[i]);
  if (maxit <= 0) return { x: unscale(), value: fs(b), code: 0, evaluations: 0, gradients: 0 };
  let f = fs(b);
  if (!Number.isFinite(f)) throw new RangeError(`initial value in 'vmmin' is not finite (${f})`);
  let fmin = f;
  let evaluations = 1;
  let gradients = 1;
  const g = new Float64Array(n);
  gradient(b, g);
  let iter = 1;
  let ilast = gradients;
  const B = new Float64Array(n * n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  const t = new Float64Array(n);
  let count: number;
  do {
    if (ilast === gradients) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    X.set(b);
    c.set(g);
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= B[i * n + j] * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = X[i] + steplength * t[i];
          if (relativeTest + X[i] === relativeTest + b[i]) count++;
        }
        if (count < n) {
          f = fs(b);
          evaluations++;
          accpoint = Number.isFinite(f) && f <= fmin + gradproj * steplength * acceptanceTolerance;
          if (!accpoint) steplength *= stepReduction;
        }
      } while (!(count === n || accpoint));
      const enough = f > abstol && Math.abs(f - fmin) > reltol * (Math.abs(fmin) + reltol);
      if (!enough) {
        count = n;
        fmin = f;
      }
      if (count < n) {
        fmin = f;
        gradient(b, g);
        gradients++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] *= steplength;
          c[i] = g[i] - c[i];
          D1 += t[i] * c[i];
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += B[i * n + j] * c[j];
            X[i] = s;
            D2 += s * c[i];
          }
          D2 = 1 + D2 / D1;
          // R keeps the lower triangle; the upper one mirrors it, so B stays exactly symmetric.
          for (let i = 0; i < n; i++) {
            for (let j = 0; j <= i; j++) {
              B[i * n + j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
              B[j * n + i] = B[i * n + j];
            }
          }
        } else {
          ilast = gradients;
        }
      } else if (ilast < gradients) {
        count = 0;
        ilast = gradients;
      }
    } else {
      count = 0;
      if (ilast === gradients) count = n;
      else ilast = gradients;
    }
    if (iter >= maxit) break;
    if (gradients - ilast > 2 * n) ilast = gradients;
  } while (count !== n || ilast !== gradients);
  return { x: unscale(), value: fmin, code: iter < maxit ? 0 : 1, evaluations, gradients };
}

/**
 * The Hessian `optim(hessian = TRUE)` reports at `x` (R's `optimhess`): central differences, step
 * `ndeps` on the unscaled parameters, of the numerical gradient, then symmetrised.
 */
export function optimHessian(
  fn: (x: number[]) => number,
  x: readonly number[],
  options: Pick<BfgsOptions, 'parscale' | 'ndeps'> = {},
): number[][] {
  const n = x.length;
  const ndeps = options.ndeps ?? bfgsDefaults.ndeps;
  const parscale = options.parscale ?? new Array<number>(n).fill(1);
  const { gradient } = scaled(fn, parscale, ndeps);
  const dpar = Float64Array.from(x, (v, i) => v / parscale[i]);
  const df1 = new Float64Array(n);
  const df2 = new Float64Array(n);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const eps = ndeps / parscale[i];
    dpar[i] += eps;
    gradient(dpar, df1);
    dpar[i] -= 2 * eps;
    gradient(dpar, df2);
    for (let j = 0; j < n; j++) H[i][j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
    dpar[i] += eps;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const s = 0.5 * (H[i][j] + H[j][i]);
      H[i][j] = H[j][i] = s;
    }
  }
  return H;
}
