/**
 * Ordinary least squares by Householder QR, as R's `lsfit` and `lm` solve it (Golub & Van Loan,
 * *Matrix Computations*, 4th ed., §5.3.3). Small and dense: used for the ETS starting values (a line
 * through the first observations, a trend plus one Fourier pair) and the theta method's drift.
 */

/** Coefficients b minimising ‖y − X·b‖², X given by its columns (include a column of ones for an intercept). */
export function leastSquares(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): number[] {
  const n = y.length;
  const p = columns.length;
  if (p === 0 || n < p) throw new RangeError(`least squares needs at least ${p} observations, got ${n}`);
  // Column-major copy of X and y; Householder reflections are applied to both.
  const a = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    if (columns[j].length !== n)
      throw new RangeError('least squares: every column must have the length of y');
    for (let i = 0; i < n; i++) a[j * n + i] = columns[j][i];
  }
  const qty = Float64Array.from(y);
  const diag = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm = Math.hypot(norm, a[k * n + i]);
    if (norm === 0)
      throw new RangeError(`least squares: column ${k + 1} is linearly dependent on the others`);
    const alpha = a[k * n + k] > 0 ? -norm : norm;
    // v = x − alpha·e₁ stored in place of the column; H = I − 2vv′/v′v.
    a[k * n + k] -= alpha;
    let vtv = 0;
    for (let i = k; i < n; i++) vtv += a[k * n + i] * a[k * n + i];
    for (let j = k + 1; j < p; j++) reflect(a, k, n, vtv, a, j * n);
    reflect(a, k, n, vtv, qty, 0);
    diag[k] = alpha;
  }
  // Back substitution with R (diagonal in `diag`, above it in `a`).
  const beta = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    let s = qty[k];
    for (let j = k + 1; j < p; j++) s -= a[j * n + k] * beta[j];
    beta[k] = s / diag[k];
  }
  return beta;
}

/** Applies the reflection held in column k of `a` to the vector at `target[offset …]`. */
function reflect(
  a: Float64Array,
  k: number,
  n: number,
  vtv: number,
  target: Float64Array,
  offset: number,
): void {
  let dot = 0;
  for (let i = k; i < n; i++) dot += a[k * n + i] * target[offset + i];
  const scale = (2 * dot) / vtv;
  for (let i = k; i < n; i++) target[offset + i] -= scale * a[k * n + i];
}

/** Intercept and slope of the line through (x, y): R's `lsfit(x, y)$coef`. */
export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>): [number, number] {
  const ones = new Float64Array(y.length).fill(1);
  const [intercept, slope] = leastSquares([ones, x], y);
  return [intercept, slope];
}
