/**
 * Bound-constrained quasi-Newton minimisation in the spirit of R's `optim(method = "L-BFGS-B")`
 * (Byrd, Lu, Nocedal & Zhu, "A limited memory algorithm for bound constrained optimization", *SIAM J.
 * Scientific Computing* 16(5), 1995). A compact projected variant, not the Fortran routine: variables
 * at a bound whose gradient points outwards are held fixed, the others move along the limited-memory
 * BFGS direction (two-loop recursion, Nocedal & Wright, *Numerical Optimization*, 2nd ed., Alg. 7.4),
 * projected back into the box with a backtracking Armijo search.
 *
 * What it shares with R, and which decides where it stops: the finite-difference gradient (central
 * differences with step `ndeps` = 1e-3, shortened at the bounds), the memory m = 5, and the stopping
 * rules `factr` (relative reduction ≤ factr·ε) and `pgtol` (projected gradient). Within those
 * tolerances it reaches the same local minimum as R when started in the same basin.
 */

/** Options of {@link lbfgsb}; defaults are R's `optim()` defaults for L-BFGS-B. */
export interface LbfgsbOptions {
  /** Lower bounds, one per parameter or one for all. Default −∞. */
  lower?: number | readonly number[];
  /** Upper bounds. Default +∞. */
  upper?: number | readonly number[];
  /** Gradient; writes ∇f(x) into `g`. Default: R's central differences with step `ndeps`. */
  gradient?: (x: Float64Array, g: Float64Array) => void;
  /** Finite-difference step. Default 1e-3. */
  ndeps?: number;
  /** Stop when the relative reduction of f is ≤ factr·2.2e-16. Default 1e7 (≈ 2.2e-9). */
  factr?: number;
  /** Stop when the largest projected-gradient component is ≤ pgtol. Default 0 (off). */
  pgtol?: number;
  /** Maximum number of iterations. Default 100. */
  maxit?: number;
  /** Number of correction pairs kept. Default 5. */
  memory?: number;
}

/** The result of {@link lbfgsb}. */
export interface LbfgsbResult {
  x: number[];
  value: number;
  iterations: number;
  /** Function evaluations, finite-difference ones included. */
  evaluations: number;
  converged: boolean;
  /** Why it stopped, in R's words where R has them. */
  message: string;
}

export const lbfgsbDefaults = { ndeps: 1e-3, factr: 1e7, pgtol: 0, maxit: 100, memory: 5 };

const EPSMCH = 2.220446049250313e-16;

/** Minimises `fn` within the box [lower, upper] from `x0` (moved into the box first). */
export function lbfgsb(
  fn: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: LbfgsbOptions = {},
): LbfgsbResult {
  const { ndeps, factr, pgtol, maxit, memory } = { ...lbfgsbDefaults, ...options };
  const n = x0.length;
  const bound = (b: number | readonly number[] | undefined, fallback: number): Float64Array =>
    Float64Array.from({ length: n }, (_, i) =>
      b === undefined ? fallback : typeof b === 'number' ? b : b[i],
    );
  const lo = bound(options.lower, -Infinity);
  const up = bound(options.upper, Infinity);
  for (let i = 0; i < n; i++) {
    if (!(lo[i] <= up[i]))
      throw new RangeError(`invalid bounds for parameter ${i + 1}: [${lo[i]}, ${up[i]}]`);
  }
  let evaluations = 0;
  const f = (x: Float64Array): number => {
    evaluations++;
    const value = fn(x);
    if (!Number.isFinite(value))
      throw new RangeError(`L-BFGS-B needs finite values of the function, got ${value}`);
    return value;
  };
  const work = new Float64Array(n);
  const gradient =
    options.gradient ??
    ((x: Float64Array, g: Float64Array): void => {
      work.set(x);
      for (let i = 0; i < n; i++) {
        const plus = Math.min(x[i] + ndeps, up[i]);
        const minus = Math.max(x[i] - ndeps, lo[i]);
        work[i] = plus;
        const f1 = f(work);
        work[i] = minus;
        const f2 = f(work);
        work[i] = x[i];
        g[i] = (f1 - f2) / (plus - minus);
      }
    });
  let x = Float64Array.from(x0, (v, i) => Math.min(Math.max(v, lo[i]), up[i]));
  let fx = f(x);
  let g = new Float64Array(n);
  gradient(x, g);
  const sHist: Float64Array[] = [];
  const yHist: Float64Array[] = [];
  const d = new Float64Array(n);
  const trial = new Float64Array(n);
  let iterations = 0;
  const done = (converged: boolean, message: string): LbfgsbResult => ({
    x: Array.from(x),
    value: fx,
    iterations,
    evaluations,
    converged,
    message,
  });
  while (iterations < maxit) {
    // Free variables: not at a bound that the gradient pushes against.
    const free = Array.from(
      { length: n },
      (_, i) => !((x[i] <= lo[i] && g[i] > 0) || (x[i] >= up[i] && g[i] < 0)),
    );
    let pgMax = 0;
    for (let i = 0; i < n; i++)
      if (free[i]) pgMax = Math.max(pgMax, Math.abs(projectedStep(x[i], g[i], lo[i], up[i])));
    if (pgMax <= pgtol) return done(true, 'CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL');
    direction(g, sHist, yHist, free, d);
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i] * d[i];
    if (!(slope < 0)) {
      sHist.length = yHist.length = 0;
      for (let i = 0; i < n; i++) d[i] = free[i] ? -g[i] : 0;
    }
    iterations++;
    // First step of a fresh memory: a unit move in the largest component, as L-BFGS-B starts.
    let t = 1;
    if (sHist.length === 0) {
      let dMax = 0;
      for (let i = 0; i < n; i++) dMax = Math.max(dMax, Math.abs(d[i]));
      t = dMax > 1 ? 1 / dMax : 1;
    }
    let accepted = false;
    let fNew = fx;
    for (let k = 0; k < 40; k++) {
      let decrease = 0;
      for (let i = 0; i < n; i++) {
        trial[i] = Math.min(Math.max(x[i] + t * d[i], lo[i]), up[i]);
        decrease += g[i] * (trial[i] - x[i]);
      }
      fNew = f(trial);
      if (fNew <= fx + 1e-4 * decrease) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) return done(false, 'ABNORMAL_TERMINATION_IN_LNSRCH');
    const gNew = new Float64Array(n);
    gradient(trial, gNew);
    const s = Float64Array.from(trial, (v, i) => v - x[i]);
    const y = Float64Array.from(gNew, (v, i) => v - g[i]);
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    if (sy > EPSMCH * yy) {
      sHist.push(s);
      yHist.push(y);
      if (sHist.length > memory) {
        sHist.shift();
        yHist.shift();
      }
    }
    const reduction = (fx - fNew) / Math.max(Math.abs(fx), Math.abs(fNew), 1);
    x = Float64Array.from(trial);
    fx = fNew;
    g = gNew;
    if (reduction <= factr * EPSMCH) return done(true, 'CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH');
  }
  return done(false, 'NEW_X: maximum number of iterations reached');
}

/** The projected-gradient component: how far a unit steepest-descent step moves within the box. */
function projectedStep(x: number, g: number, lo: number, up: number): number {
  return Math.min(Math.max(x - g, lo), up) - x;
}

/** d = −H·g on the free variables by the L-BFGS two-loop recursion; 0 on the fixed ones. */
function direction(
  g: Float64Array,
  sHist: Float64Array[],
  yHist: Float64Array[],
  free: boolean[],
  d: Float64Array,
): void {
  const n = g.length;
  const k = sHist.length;
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) if (free[i]) s += a[i] * b[i];
    return s;
  };
  for (let i = 0; i < n; i++) d[i] = free[i] ? -g[i] : 0;
  const alphas = new Float64Array(k);
  const rhos = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    const sy = dot(sHist[j], yHist[j]);
    rhos[j] = sy > 0 ? 1 / sy : 0;
    alphas[j] = rhos[j] * dot(sHist[j], d);
    for (let i = 0; i < n; i++) if (free[i]) d[i] -= alphas[j] * yHist[j][i];
  }
  if (k > 0) {
    const yy = dot(yHist[k - 1], yHist[k - 1]);
    const gammaScale = yy > 0 ? dot(sHist[k - 1], yHist[k - 1]) / yy : 1;
    for (let i = 0; i < n; i++) d[i] *= gammaScale > 0 ? gammaScale : 1;
  }
  for (let j = 0; j < k; j++) {
    const beta = rhos[j] * dot(yHist[j], d);
    for (let i = 0; i < n; i++) if (free[i]) d[i] += sHist[j][i] * (alphas[j] - beta);
  }
}
