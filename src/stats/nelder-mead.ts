/**
 * Nelder–Mead simplex minimisation, step for step as R's `optim(method = "Nelder-Mead")` (the C
 * routine `nmmin`, after J. C. Nash, *Compact Numerical Methods for Computers*, 2nd ed., 1990,
 * Algorithm 19; Nelder & Mead, "A simplex method for function minimization", *Computer Journal* 7,
 * 1965). `forecast::ets()` calls the same routine with `reltol = sqrt(.Machine$double.eps)` and
 * `maxit = 2000`.
 *
 * Faithful details that decide where the search stops:
 * - the initial simplex steps every coordinate by 10 % of the largest |x₀ᵢ| (0.1 if all are 0);
 * - non-finite function values count as 1e35, so an infinite penalty outside bounds works;
 * - the search stops when (highest − lowest) ≤ reltol·(|f(x₀)| + reltol), a tolerance fixed at
 *   the start, when a shrink fails to shrink, or after `maxit` function evaluations.
 */

/** Options of {@link nelderMead}; each default is R's `optim()` default. */
export interface NelderMeadOptions {
  /** Relative tolerance on the spread of function values. Default `sqrt(2.220446e-16)` ≈ 1.49e-8. */
  reltol?: number;
  /** Stop as soon as the best value is ≤ `abstol`. Default `-Infinity` (never). */
  abstol?: number;
  /** Maximum number of function evaluations (R's `maxit` counts evaluations). Default 500. */
  maxit?: number;
  /** Reflection coefficient. Default 1. */
  alpha?: number;
  /** Contraction coefficient. Default 0.5. */
  beta?: number;
  /** Expansion coefficient. Default 2. */
  gamma?: number;
}

/** The result of {@link nelderMead}. */
export interface NelderMeadResult {
  /** The best point found. */
  x: number[];
  /** The function value at `x`. */
  value: number;
  /** Number of simplex iterations (reflections) performed. */
  iterations: number;
  /** Number of function evaluations (R's `counts["function"]`). */
  evaluations: number;
  /** True when the tolerance was met (R's `convergence == 0`). */
  converged: boolean;
  /** R's convergence code: 0 converged, 1 `maxit` reached, 10 the simplex degenerated. */
  code: 0 | 1 | 10;
}

export const nelderMeadDefaults: Required<NelderMeadOptions> = {
  reltol: Math.sqrt(2.220446049250313e-16),
  abstol: -Infinity,
  maxit: 500,
  alpha: 1,
  beta: 0.5,
  gamma: 2,
};

/** Value used in place of a non-finite function value, as R's `big`. */
const BIG = 1.0e35;

/**
 * Minimises `fn` from `x0`. `fn` receives a work array that is reused between calls: read it, do not
 * keep it. Throws when `fn(x0)` is not finite, as R does.
 */
export function nelderMead(
  fn: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const { reltol, abstol, maxit, alpha, beta, gamma } = { ...nelderMeadDefaults, ...options };
  const n = x0.length;
  if (n < 1) throw new RangeError('nelderMead needs at least one parameter');
  const b = Float64Array.from(x0);
  const f = fn(b);
  if (!Number.isFinite(f)) {
    throw new RangeError(`function cannot be evaluated at initial parameters (value ${f})`);
  }
  if (maxit <= 0) return result(b, f, 0, 0, 0);
  // Simplex: column j of `p` is vertex j (n coordinates), `v[j]` its value; column n + 1 is the centroid.
  const n1 = n + 1;
  const p = new Float64Array(n * (n1 + 1));
  const v = new Float64Array(n1 + 1);
  const at = (i: number, j: number): number => j * n + i;
  let evaluations = 1;
  const convtol = reltol * (Math.abs(f) + reltol);
  v[0] = f;
  for (let i = 0; i < n; i++) p[at(i, 0)] = b[i];
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(b[i]) > step) step = 0.1 * Math.abs(b[i]);
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 1; j < n1; j++) {
    for (let i = 0; i < n; i++) p[at(i, j)] = b[i];
    let trystep = step;
    while (p[at(j - 1, j)] === b[j - 1]) {
      p[at(j - 1, j)] = b[j - 1] + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let low = 0; // index of the best vertex (R's L − 1)
  let iterations = 0;
  let code: 0 | 1 | 10 = 0;
  const c = n1; // centroid column
  const evaluate = (): number => {
    const value = fn(b);
    evaluations++;
    return Number.isFinite(value) ? value : BIG;
  };
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j === low) continue;
        for (let i = 0; i < n; i++) b[i] = p[at(i, j)];
        v[j] = evaluate();
      }
      calcvert = false;
    }
    let vl = v[low];
    let vh = vl;
    let high = low;
    for (let j = 0; j < n1; j++) {
      if (j === low) continue;
      const fj = v[j];
      if (fj < vl) {
        low = j;
        vl = fj;
      }
      if (fj > vh) {
        high = j;
        vh = fj;
      }
    }
    if (vh <= vl + convtol || vl <= abstol) break;
    iterations++;
    for (let i = 0; i < n; i++) {
      let temp = -p[at(i, high)];
      for (let j = 0; j < n1; j++) temp += p[at(i, j)];
      p[at(i, c)] = temp / n;
    }
    for (let i = 0; i < n; i++) b[i] = (1 + alpha) * p[at(i, c)] - alpha * p[at(i, high)];
    const vr = evaluate();
    if (vr < vl) {
      // Reflection beat the best: try expanding further; the centroid column keeps the reflected point.
      v[c] = vr;
      for (let i = 0; i < n; i++) {
        const e = gamma * b[i] + (1 - gamma) * p[at(i, c)];
        p[at(i, c)] = b[i];
        b[i] = e;
      }
      const fe = evaluate();
      if (fe < vr) {
        for (let i = 0; i < n; i++) p[at(i, high)] = b[i];
        v[high] = fe;
      } else {
        for (let i = 0; i < n; i++) p[at(i, high)] = p[at(i, c)];
        v[high] = vr;
      }
    } else {
      if (vr < vh) {
        for (let i = 0; i < n; i++) p[at(i, high)] = b[i];
        v[high] = vr;
      }
      for (let i = 0; i < n; i++) b[i] = (1 - beta) * p[at(i, high)] + beta * p[at(i, c)];
      const fc = evaluate();
      if (fc < v[high]) {
        for (let i = 0; i < n; i++) p[at(i, high)] = b[i];
        v[high] = fc;
      } else if (vr >= vh) {
        // Contraction failed too: shrink every vertex towards the best one.
        calcvert = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j === low) continue;
          for (let i = 0; i < n; i++) {
            p[at(i, j)] = beta * (p[at(i, j)] - p[at(i, low)]) + p[at(i, low)];
            size += Math.abs(p[at(i, j)] - p[at(i, low)]);
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          code = 10;
          break;
        }
      }
    }
  } while (evaluations <= maxit);
  if (evaluations > maxit) code = 1;
  const best = new Float64Array(n);
  for (let i = 0; i < n; i++) best[i] = p[at(i, low)];
  return result(best, v[low], iterations, evaluations, code);
}

function result(
  x: Float64Array,
  value: number,
  iterations: number,
  evaluations: number,
  code: 0 | 1 | 10,
): NelderMeadResult {
  return { x: Array.from(x), value, iterations, evaluations, converged: code === 0, code };
}
