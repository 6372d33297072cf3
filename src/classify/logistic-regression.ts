/**
 * Logistic regression with an L2 penalty, as scikit-learn's `LogisticRegression()` defines it: the
 * weights w and intercept b minimise
 *
 *   C · Σᵢ log(1 + exp(−ỹᵢ (xᵢ·w + b))) + ½‖w‖²     (ỹ = ±1; the intercept is not penalised),
 *
 * so C = 1 is scikit-learn's default and a smaller C shrinks more. Solved by Newton's method
 * (iteratively reweighted least squares: Hastie, Tibshirani & Friedman, *The Elements of Statistical
 * Learning*, §4.4.1), which reaches the same optimum as scikit-learn's L-BFGS, to more digits.
 * Features are used as given: scale them first when they differ in size (the penalty is not
 * scale-free), e.g. with `standardize`.
 */

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /** Inverse penalty strength, as scikit-learn's C (default 1). `Infinity` fits without a penalty. */
  C?: number;
  /** Newton steps at most (default 100). */
  maxIter?: number;
  /** Stop when no coefficient moves more than this (default 1e-10). */
  tol?: number;
}

/** A fitted logistic regression. */
export interface LogisticFit {
  weights: number[];
  intercept: number;
  /** Newton steps taken. */
  iterations: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function checkData(X: readonly (readonly number[])[], y: readonly number[]): number {
  if (X.length === 0) throw new RangeError('fitLogistic: no rows to fit');
  if (X.length !== y.length)
    throw new RangeError(`fitLogistic: ${X.length} rows of features but ${y.length} labels`);
  const p = X[0]!.length;
  X.forEach((row, i) => {
    if (row.length !== p)
      throw new RangeError(`fitLogistic: row ${i} has ${row.length} features, row 0 has ${p}`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new RangeError(`fitLogistic: feature ${j} of row ${i} is ${v}`);
    });
  });
  y.forEach((v, i) => {
    if (v !== 0 && v !== 1) throw new RangeError(`fitLogistic: label ${i} is ${v}; labels must be 0 or 1`);
  });
  if (!y.includes(0) || !y.includes(1))
    throw new RangeError('fitLogistic: the labels need both classes, 0 and 1');
  return p;
}

/** Solves the symmetric positive definite system A x = b by Cholesky; A is changed. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  for (let j = 0; j < n; j++) {
    let d = A[j]![j]!;
    for (let k = 0; k < j; k++) d -= A[j]![k]! ** 2;
    if (!(d > 0))
      throw new RangeError(
        'fitLogistic: the problem is singular (try a smaller C, or drop constant or duplicate features)',
      );
    const l = Math.sqrt(d);
    A[j]![j] = l;
    for (let i = j + 1; i < n; i++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= A[i]![k]! * A[j]![k]!;
      A[i]![j] = s / l;
    }
  }
  const z = b.slice();
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) z[i]! -= A[i]![k]! * z[k]!;
    z[i]! /= A[i]![i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) z[i]! -= A[k]![i]! * z[k]!;
    z[i]! /= A[i]![i]!;
  }
  return z;
}

/** Fits the model to rows `X` (one array of features per row) and labels `y` (0 or 1). */
export function fitLogistic(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticFit {
  const { C = 1, maxIter = 100, tol = 1e-10 } = options;
  if (!(C > 0)) throw new RangeError(`fitLogistic: C must be > 0, got ${C}`);
  const p = checkData(X, y);
  // Parameters θ = (w₁ … w_p, b); the objective divided by C has penalty ½‖w‖²/C.
  const lambda = Number.isFinite(C) ? 1 / C : 0;
  const theta = new Array<number>(p + 1).fill(0);
  let iterations = 0;
  for (; iterations < maxIter; iterations++) {
    const grad = new Array<number>(p + 1).fill(0);
    const H = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    X.forEach((row, i) => {
      let z = theta[p]!;
      for (let j = 0; j < p; j++) z += row[j]! * theta[j]!;
      const mu = sigmoid(z);
      const r = mu - y[i]!;
      const w = mu * (1 - mu);
      for (let j = 0; j <= p; j++) {
        const xj = j < p ? row[j]! : 1;
        grad[j]! += r * xj;
        for (let k = 0; k <= j; k++) H[j]![k]! += w * xj * (k < p ? row[k]! : 1);
      }
    });
    for (let j = 0; j < p; j++) {
      grad[j]! += lambda * theta[j]!;
      H[j]![j]! += lambda;
    }
    const step = solve(H, grad);
    let largest = 0;
    for (let j = 0; j <= p; j++) {
      theta[j]! -= step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (!theta.every(Number.isFinite))
      throw new RangeError('fitLogistic: the fit diverged (the classes may be separable: use a finite C)');
    if (largest < tol) {
      iterations++;
      break;
    }
  }
  return { weights: theta.slice(0, p), intercept: theta[p]!, iterations };
}

/** The probability of class 1 for each row. */
export function predictLogistic(fit: LogisticFit, X: readonly (readonly number[])[]): number[] {
  return X.map((row, i) => {
    if (row.length !== fit.weights.length)
      throw new RangeError(
        `predictLogistic: row ${i} has ${row.length} features, the model ${fit.weights.length}`,
      );
    let z = fit.intercept;
    for (let j = 0; j < row.length; j++) z += row[j]! * fit.weights[j]!;
    return sigmoid(z);
  });
}

/** Means and standard deviations of the columns of `X`, and `X` scaled by them (constant columns kept at 0). */
export function standardize(X: readonly (readonly number[])[]): {
  means: number[];
  sds: number[];
  apply(rows: readonly (readonly number[])[]): number[][];
} {
  if (X.length === 0) throw new RangeError('standardize: no rows');
  const p = X[0]!.length;
  const means = Array.from({ length: p }, (_, j) => X.reduce((s, r) => s + r[j]!, 0) / X.length);
  const sds = means.map((m, j) => Math.sqrt(X.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / X.length));
  return {
    means,
    sds,
    apply: (rows) => rows.map((r) => r.map((v, j) => (sds[j]! > 0 ? (v - means[j]!) / sds[j]! : 0))),
  };
}
