/**
 * Stan's Newton optimiser (`optimizing(algorithm = "Newton")`, `stan/optimization/newton.hpp`,
 * `stan/model/grad_hess_log_prob.hpp`, Stan 2.21), which R prophet uses instead of L-BFGS for fewer
 * than 100 observations and when L-BFGS's line search fails. Reproduced as it is, quirks included,
 * because it decides where such fits end:
 *
 * - the Hessian comes from fourth-order central differences of the gradient with step 1e-3, but Stan
 *   multiplies the differences by ε/2 instead of dividing by ε, so its Hessian is 1e-6 times the true
 *   one; the eigenvalues are made positive (|λ|) and the direction is −V|Λ|⁻¹Vᵀ∇;
 * - the step starts at 1 and halves until the objective does not get worse (at most down to 1e-50):
 *   with the Hessian 1e-6 too small, this accepts the first of the halved steps that improves;
 * - it stops when an iteration changes the log posterior by ≤ 1e-8.
 */
import type { ValueAndGradient } from '../stats/lbfgs.ts';

const EPSILON = 1e-3;
const PERTURBATIONS = [-2 * EPSILON, -EPSILON, EPSILON, 2 * EPSILON];
const WEIGHTS = [1 / 12, -2 / 3, 2 / 3, -1 / 12].map((c) => 0.5 * EPSILON * c);

/** The result of {@link stanNewton}. */
export interface NewtonResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
}

/**
 * Minimises f (given with its gradient) from `x0` by Stan's Newton iterations; `stopWhen`, checked
 * after each iteration, is a further stopping rule (not Stan's).
 */
export function stanNewton(
  fg: ValueAndGradient,
  x0: ArrayLike<number>,
  { maxit = 10000, stopWhen }: { maxit?: number; stopWhen?: (x: Float64Array) => boolean } = {},
): NewtonResult {
  const n = x0.length;
  let evaluations = 0;
  const g = new Float64Array(n);
  // Stan works with the log posterior lp = −f; a failed evaluation is lp = −1e100.
  const lp = (x: Float64Array, grad: Float64Array): number => {
    evaluations++;
    const f = fg(x, grad);
    return Number.isFinite(f) ? -f : -1e100;
  };
  const x = Float64Array.from(x0);
  let value = lp(x, g);
  const H = new Float64Array(n * n);
  const work = new Float64Array(n);
  const trial = new Float64Array(n);
  const u = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  let stopped = false;
  while (iterations < maxit) {
    iterations++;
    const last = value;
    // Gradient (of lp) at x, and Stan's scaled Hessian.
    const f0 = lp(x, g);
    const grad0 = Float64Array.from(g, (v) => -v);
    H.fill(0);
    for (let d = 0; d < n; d++) {
      work.set(x);
      for (let i = 0; i < 4; i++) {
        work[d] = x[d] + PERTURBATIONS[i];
        lp(work, g);
        for (let dd = 0; dd < n; dd++) {
          const increment = -WEIGHTS[i] * g[dd];
          H[d * n + dd] += increment;
          H[dd * n + d] += increment;
        }
      }
    }
    const { values, vectors } = symmetricEigen(H, n);
    for (let i = 0; i < n; i++) {
      let projection = 0;
      for (let r = 0; r < n; r++) projection += vectors[r * n + i] * grad0[r];
      work[i] = -projection / Math.abs(values[i]);
    }
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += vectors[r * n + i] * work[i];
      u[r] = s;
    }
    let step = 2;
    let f1 = -1e100;
    let moved = true;
    while (f1 < f0) {
      step *= 0.5;
      if (step < 1e-50) {
        moved = false;
        break;
      }
      for (let i = 0; i < n; i++) trial[i] = x[i] - step * u[i];
      f1 = lp(trial, g);
    }
    if (moved) {
      x.set(trial);
      value = f1;
    } else value = f0;
    stopped = stopWhen?.(x) ?? false;
    if (Math.abs(value - last) <= 1e-8 || stopped) {
      converged = true;
      break;
    }
  }
  return {
    x: Array.from(x),
    value: -value,
    iterations,
    evaluations,
    converged,
    message: !converged
      ? 'Newton: maximum number of iterations hit'
      : stopped
        ? 'Newton: stopped by stopWhen'
        : 'Newton: the log posterior changed by ≤ 1e-8',
  };
}

/**
 * Eigenvalues and eigenvectors (columns of the row-major n × n `vectors`) of a symmetric matrix:
 * Householder reduction to tridiagonal form, then the QL algorithm with implicit shifts, accumulating
 * the transformations (EISPACK's `tred2` and `tql2`; Golub & Van Loan, *Matrix Computations*, 4th ed.,
 * 2013, §8.3). O(n³) with a small constant: a 50 × 50 Hessian takes well under a millisecond.
 */
export function symmetricEigen(
  matrix: ArrayLike<number>,
  n: number,
): { values: number[]; vectors: Float64Array } {
  const V = Float64Array.from(matrix);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { values: [], vectors: V };
  const at = (i: number, j: number) => i * n + j;

  // Householder tridiagonalisation: V becomes the orthogonal transform, d the diagonal, e the off-diagonal.
  for (let j = 0; j < n; j++) d[j] = V[at(n - 1, j)];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[at(i - 1, j)];
        V[at(i, j)] = 0;
        V[at(j, i)] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[at(j, i)] = f;
        g = e[j] + V[at(j, j)] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[at(k, j)] * d[k];
          e[k] += V[at(k, j)] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[at(k, j)] -= f * e[k] + g * d[k];
        d[j] = V[at(i - 1, j)];
        V[at(i, j)] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[at(n - 1, i)] = V[at(i, i)];
    V[at(i, i)] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[at(k, i + 1)] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[at(k, i + 1)] * V[at(k, j)];
        for (let k = 0; k <= i; k++) V[at(k, j)] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[at(k, i + 1)] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[at(n - 1, j)];
    V[at(n - 1, j)] = 0;
  }
  V[at(n - 1, n - 1)] = 1;
  e[0] = 0;

  // QL iterations with implicit shifts on the tridiagonal matrix.
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    if (m > l) {
      for (let iteration = 0; iteration < 60; iteration++) {
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < n; k++) {
            const vk1 = V[at(k, i + 1)];
            V[at(k, i + 1)] = s * V[at(k, i)] + c * vk1;
            V[at(k, i)] = c * V[at(k, i)] - s * vk1;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]) > eps * tst1)) break;
      }
    }
    d[l] += f;
    e[l] = 0;
  }
  return { values: Array.from(d), vectors: V };
}
