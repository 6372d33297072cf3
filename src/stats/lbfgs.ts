/**
 * Unconstrained limited-memory BFGS with an analytic gradient, following the algorithm of Stan's
 * optimiser (`optimizing(algorithm = "LBFGS")`; Stan Reference Manual, "Optimization";
 * `stan/optimization/bfgs.hpp`, `bfgs_linesearch.hpp`, `lbfgs_update.hpp`), so a model fitted by Stan
 * ends where Stan ends:
 *
 * - direction: the two-loop recursion over the last `memory` pairs, the initial inverse Hessian
 *   scaled by sᵀy/yᵀy of the newest pair (Nocedal & Wright, *Numerical Optimization*, 2nd ed., 2006,
 *   Alg. 7.4, eq. 7.20);
 * - step: a first trial of `initStep` along −∇f on the first iteration and after a reset, else
 *   min(1, 1.01·the minimiser of a cubic fitted to the previous step); a search for the strong Wolfe
 *   conditions (c₁ = 1e-4, c₂ = 0.9) that widens by 10× until the minimum is bracketed, then zooms by
 *   safeguarded cubic interpolation with a bisection every fifth try (ibid., Alg. 3.5, 3.6);
 * - a failed search resets the memory and retries along −∇f; a second failure ends the run;
 * - Stan's stopping rules, in Stan's order, with rstan's default tolerances.
 *
 * Unlike {@link lbfgsb} (R's `optim` L-BFGS-B: finite differences, box constraints), this one needs
 * the gradient and has no bounds: optimise a positive parameter on the log scale, as Stan does.
 */

/** Options of {@link lbfgs}; the tolerances are rstan's defaults for `optimizing`. */
export interface LbfgsOptions {
  /** Correction pairs kept (Stan's `history_size`). Default 5. */
  memory?: number;
  /** Maximum number of iterations (Stan's `iter`; Prophet passes 1e4). Default 10000. */
  maxit?: number;
  /** Length of the first trial step along −∇f (Stan's `init_alpha`). Default 1e-3. */
  initStep?: number;
  /** Stop when |Δf| < tolObj. Default 1e-12. */
  tolObj?: number;
  /** Stop when |Δf| / max(|f|, |f₋₁|, 1) < tolRelObj·ε (ε = 2.2e-16). Default 1e4. */
  tolRelObj?: number;
  /** Stop when ‖∇f‖ < tolGrad. Default 1e-8. */
  tolGrad?: number;
  /** Stop when ∇fᵀH∇f / max(|f|, 1) < tolRelGrad·ε, H the inverse-Hessian estimate. Default 1e7. */
  tolRelGrad?: number;
  /** Stop when the step ‖Δx‖ < tolParam. Default 1e-8. */
  tolParam?: number;
  /** Called after each iteration with what Stan prints with `refresh = 1`. Default none. */
  onIteration?: (progress: LbfgsProgress) => void;
  /** A further stopping rule, checked after each iteration (not Stan's). Default none. */
  stopWhen?: (x: Float64Array) => boolean;
}

/** One iteration, as Stan's optimiser reports it (its columns `Iter`, `||dx||`, `||grad||`, …). */
export interface LbfgsProgress {
  iteration: number;
  /** f after the iteration (Stan prints −f, the log probability). */
  value: number;
  /** ‖Δx‖ of the step taken. */
  stepNorm: number;
  gradientNorm: number;
  /** The accepted step length α along the direction, and the first one tried (α₀). */
  step: number;
  firstStep: number;
  evaluations: number;
  /** True when the memory was reset after a failed line search (Stan's "LS failed, Hessian reset"). */
  reset: boolean;
}

/** The result of {@link lbfgs}. */
export interface LbfgsResult {
  x: number[];
  value: number;
  /** ∇f at `x`. */
  gradient: number[];
  iterations: number;
  /** Evaluations of f and ∇f (one call computes both). */
  evaluations: number;
  /** True when a convergence rule stopped it (not the iteration limit or a failed line search). */
  converged: boolean;
  /** Why it stopped, in Stan's words. */
  message: string;
}

export const lbfgsDefaults: Required<Omit<LbfgsOptions, 'onIteration' | 'stopWhen'>> = {
  memory: 5,
  maxit: 10000,
  initStep: 1e-3,
  tolObj: 1e-12,
  tolRelObj: 1e4,
  tolGrad: 1e-8,
  tolRelGrad: 1e7,
  tolParam: 1e-8,
};

const EPS = 2.220446049250313e-16;
const C1 = 1e-4;
const C2 = 0.9;
const MIN_STEP = 1e-12;
const MAX_WIDENINGS = 20;
const MAX_BACKOFFS = 10;

/** f and ∇f: returns f(x) and writes ∇f(x) into `g`; a non-finite f means "outside the domain". */
export type ValueAndGradient = (x: Float64Array, g: Float64Array) => number;

/** Minimises f from `x0`. */
export function lbfgs(fg: ValueAndGradient, x0: ArrayLike<number>, options: LbfgsOptions = {}): LbfgsResult {
  const o = { ...lbfgsDefaults, ...options };
  const n = x0.length;
  let evaluations = 0;
  // Like Stan's model adaptor: a non-finite value or gradient is a failed evaluation.
  const evaluate = (x: Float64Array, g: Float64Array): number => {
    evaluations++;
    const f = fg(x, g);
    if (!Number.isFinite(f)) return NaN;
    for (let i = 0; i < g.length; i++) if (!Number.isFinite(g[i])) return NaN;
    return f;
  };
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = evaluate(x, g);
  if (Number.isNaN(f)) throw new RangeError('L-BFGS needs a finite value and gradient at the starting point');
  const history = new History(n, o.memory);
  const p = Float64Array.from(g, (v) => -v);
  // The previous step, for the next first trial: its length, slopes along it and change in f.
  let last = { step: 0, slope0: 0, slope1: 0, change: 0 };
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  let iterations = 0;
  const done = (converged: boolean, message: string): LbfgsResult => ({
    x: Array.from(x),
    value: f,
    gradient: Array.from(g),
    iterations,
    evaluations,
    converged,
    message,
  });
  while (true) {
    iterations++;
    // reset: 0 = keep the memory, 1 = first iteration, 2 = retry after a failed search.
    let reset = iterations === 1 ? 1 : 0;
    let found: { step: number; value: number } | undefined;
    let first: number;
    while (true) {
      if (reset) for (let i = 0; i < n; i++) p[i] = -g[i];
      first =
        iterations > 1 && reset !== 2
          ? Math.min(1, 1.01 * cubicMinimum(last.slope0, last.step, last.change, last.slope1, MIN_STEP, 1))
          : o.initStep;
      found = wolfeSearch(evaluate, x, f, g, p, first, xNew, gNew);
      if (found) break;
      if (reset) {
        iterations--;
        return done(
          false,
          'Line search failed to achieve a sufficient decrease, no more progress can be made',
        );
      }
      reset = 2;
    }
    const s = Float64Array.from(xNew, (v, i) => v - x[i]);
    const y = Float64Array.from(gNew, (v, i) => v - g[i]);
    const change = found.value - f;
    let slope0 = 0;
    let slope1 = 0;
    for (let i = 0; i < n; i++) {
      slope0 += g[i] * p[i];
      slope1 += gNew[i] * p[i];
    }
    const fOld = f;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = found.value;
    // After a reset Stan rescales the remembered direction so that step × direction is unchanged.
    const scale = history.update(s, y, reset !== 0);
    last = {
      step: found.step * scale,
      slope0: slope0 / scale,
      slope1: slope1 / scale,
      change,
    };
    history.direction(g, p);
    options.onIteration?.({
      iteration: iterations,
      value: f,
      stepNorm: norm(s),
      gradientNorm: norm(g),
      step: found.step,
      firstStep: first,
      evaluations,
      reset: reset === 2,
    });
    if (Math.abs(change) < o.tolObj)
      return done(true, 'Convergence detected: absolute change in objective function was below tolerance');
    if (norm(g) < o.tolGrad) return done(true, 'Convergence detected: gradient norm is below tolerance');
    if (norm(s) < o.tolParam)
      return done(true, 'Convergence detected: absolute parameter change was below tolerance');
    if (iterations >= o.maxit)
      return done(false, 'Maximum number of iterations hit, may not be at an optima');
    if (Math.abs(change) / Math.max(Math.abs(fOld), Math.abs(f), 1) < o.tolRelObj * EPS)
      return done(true, 'Convergence detected: relative change in objective function was below tolerance');
    let gHg = 0;
    for (let i = 0; i < n; i++) gHg -= p[i] * g[i];
    if (gHg / Math.max(Math.abs(f), 1) < o.tolRelGrad * EPS)
      return done(true, 'Convergence detected: relative gradient magnitude is below tolerance');
    if (options.stopWhen?.(x)) return done(true, 'Stopped by stopWhen');
  }
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * The minimiser on [lo, hi] of the cubic c(a) with c(0) = 0, c′(0) = slope0, c(x1) = f1,
 * c′(x1) = slope1 — comparing its stationary points inside the interval with the ends (Stan's
 * `CubicInterp`).
 */
export function cubicMinimum(
  slope0: number,
  x1: number,
  f1: number,
  slope1: number,
  lo: number,
  hi: number,
): number {
  const c3 = (-12 * f1 + 6 * x1 * (slope0 + slope1)) / (x1 * x1 * x1);
  const c2 = -(4 * slope0 + 2 * slope1) / x1 + (6 * f1) / (x1 * x1);
  const c1 = slope0;
  // c(a) = a·(a·(a·c3/3 + c2)/2 + c1): c′(a) = c3·a²/2 + c2·a + c1.
  const value = (a: number): number => a * ((a * ((a * c3) / 3 + c2)) / 2 + c1);
  const root = Math.sqrt(c2 * c2 - 2 * c1 * c3);
  let best = lo;
  let bestValue = value(lo);
  for (const a of [hi, -(c2 + root) / c3, -(c2 - root) / c3]) {
    if (a === hi || (lo < a && a < hi)) {
      const v = value(a);
      if (v < bestValue) {
        best = a;
        bestValue = v;
      }
    }
  }
  return best;
}

/**
 * A step along p meeting the strong Wolfe conditions (Stan's `WolfeLineSearch`): trials widen 10×
 * until f rises or its slope turns, then {@link zoom} narrows the bracket. A failed evaluation moves
 * the trial halfway back (at most 10 times). On success `xOut`/`gOut` hold the new point.
 */
function wolfeSearch(
  evaluate: ValueAndGradient,
  x: Float64Array,
  f0: number,
  g0: Float64Array,
  p: Float64Array,
  step: number,
  xOut: Float64Array,
  gOut: Float64Array,
): { step: number; value: number } | undefined {
  const n = x.length;
  let slope0 = 0;
  for (let i = 0; i < n; i++) slope0 += g0[i] * p[i];
  const line: Line = { evaluate, x, p, f0, slope0, xOut, gOut };
  let prev: Point = { step: MIN_STEP, value: f0, slope: slope0 };
  let trial = step;
  let backoffs = 0;
  for (let widenings = 0; widenings < MAX_WIDENINGS;) {
    const point = probe(line, trial);
    if (!point) {
      if (backoffs++ >= MAX_BACKOFFS) return undefined;
      trial = 0.5 * (prev.step + trial);
      continue;
    }
    backoffs = 0;
    // Stan compares with the first trial's sufficient decrease, not this trial's.
    if (point.value > f0 + step * C1 * slope0 || (widenings > 0 && point.value >= prev.value))
      return zoom(line, prev, point);
    if (Math.abs(point.slope) <= -C2 * slope0) return { step: trial, value: point.value };
    if (point.slope >= 0) return zoom(line, point, prev);
    prev = point;
    trial *= 10;
    widenings++;
  }
  return undefined;
}

interface Point {
  step: number;
  value: number;
  slope: number;
}

interface Line {
  evaluate: ValueAndGradient;
  x: Float64Array;
  p: Float64Array;
  f0: number;
  slope0: number;
  xOut: Float64Array;
  gOut: Float64Array;
}

/** f and its slope along the line at `step` (written to xOut/gOut); undefined when evaluation fails. */
function probe(line: Line, step: number): Point | undefined {
  const { x, p, xOut, gOut } = line;
  for (let i = 0; i < x.length; i++) xOut[i] = x[i] + step * p[i];
  const value = line.evaluate(xOut, gOut);
  if (Number.isNaN(value)) return undefined;
  let slope = 0;
  for (let i = 0; i < p.length; i++) slope += gOut[i] * p[i];
  return { step, value, slope };
}

/** Narrows the bracket [lo, hi] (lo the lower f) to a strong-Wolfe step (Stan's `WolfLSZoom`). */
function zoom(line: Line, lo: Point, hi: Point): { step: number; value: number } | undefined {
  const { f0, slope0 } = line;
  for (let k = 1; ; k++) {
    if (Math.abs(lo.step - hi.step) < 1e-16) return undefined;
    const left = Math.min(lo.step, hi.step);
    const width = Math.abs(lo.step - hi.step);
    let step: number;
    if (k % 5 === 0) step = 0.5 * (lo.step + hi.step);
    else {
      const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (lo.step - hi.step);
      let d2 = Math.sqrt(d1 * d1 - lo.slope * hi.slope);
      if (hi.step < lo.step) d2 = -d2;
      step = hi.step - ((hi.step - lo.step) * (hi.slope + d2 - d1)) / (hi.slope - lo.slope + 2 * d2);
      if (!Number.isFinite(step) || step < left + 0.01 * width || step > left + width - 0.01 * width)
        step = 0.5 * (lo.step + hi.step);
    }
    let point = probe(line, step);
    while (!point) {
      step = 0.5 * (step + left);
      if (Math.abs(left - step) < 1e-16) return undefined;
      point = probe(line, step);
    }
    if (point.value > f0 + step * C1 * slope0 || point.value >= lo.value) hi = point;
    else {
      if (Math.abs(point.slope) <= -C2 * slope0) return { step, value: point.value };
      if (point.slope * (hi.step - lo.step) >= 0) hi = lo;
      lo = point;
    }
  }
}

/** The last `size` correction pairs (s, y) and the two-loop recursion over them. */
class History {
  private readonly pairs: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  private gamma = 1;
  private readonly alpha: Float64Array;

  constructor(
    private readonly n: number,
    private readonly size: number,
  ) {
    this.alpha = new Float64Array(size);
  }

  /**
   * Adds a pair (Stan keeps every pair; the Wolfe step makes sᵀy > 0). With `reset` the memory is
   * cleared first and the factor yᵀy/sᵀy returned, by which Stan rescales the step it remembers.
   */
  update(s: Float64Array, y: Float64Array, reset: boolean): number {
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < this.n; i++) {
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    let factor = 1;
    if (reset) {
      factor = yy / sy;
      this.pairs.length = 0;
    }
    this.gamma = sy / yy;
    this.pairs.push({ s, y, rho: 1 / sy });
    if (this.pairs.length > this.size) this.pairs.shift();
    return factor;
  }

  /** p = −H·g. */
  direction(g: Float64Array, p: Float64Array): void {
    const { n, pairs, alpha } = this;
    for (let i = 0; i < n; i++) p[i] = -g[i];
    for (let j = pairs.length - 1; j >= 0; j--) {
      const { s, y, rho } = pairs[j];
      let a = 0;
      for (let i = 0; i < n; i++) a += s[i] * p[i];
      a *= rho;
      alpha[j] = a;
      for (let i = 0; i < n; i++) p[i] -= a * y[i];
    }
    for (let i = 0; i < n; i++) p[i] *= this.gamma;
    for (let j = 0; j < pairs.length; j++) {
      const { s, y, rho } = pairs[j];
      let b = 0;
      for (let i = 0; i < n; i++) b += y[i] * p[i];
      b *= rho;
      for (let i = 0; i < n; i++) p[i] += s[i] * (alpha[j] - b);
    }
  }
}
