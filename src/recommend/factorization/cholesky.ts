/**
 * A small dense Cholesky solver for the k × k normal equations of alternating least squares.
 *
 * A symmetric positive-definite A factors as A = L Lᵀ with L lower triangular (Golub & Van Loan,
 * *Matrix Computations*, 4th ed., Algorithm 4.2.1, the "gaxpy" Cholesky); A x = b is then two
 * triangular solves, L z = b and Lᵀ x = z. It costs k³/3 flops and needs no pivoting. The in-place
 * functions work on row-major Float64Arrays and allocate nothing, for use in ALS's inner loop.
 */

/**
 * Overwrites the lower triangle of the row-major n × n matrix `a` (from `offset`) with its Cholesky
 * factor L; the strict upper triangle is not read or written. Throws when A is not positive definite.
 */
export function choleskyFactor(a: Float64Array, n: number, offset = 0): void {
  for (let j = 0; j < n; j++) {
    const rj = offset + j * n;
    let d = a[rj + j];
    for (let p = 0; p < j; p++) d -= a[rj + p] * a[rj + p];
    if (!(d > 0)) {
      throw new RangeError(
        `matrix is not positive definite (pivot ${j + 1} of ${n} is ${d}); add regularisation or check for NaN`,
      );
    }
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = offset + i * n;
      let s = a[ri + j];
      for (let p = 0; p < j; p++) s -= a[ri + p] * a[rj + p];
      a[ri + j] = s / ljj;
    }
  }
}

/**
 * Solves L Lᵀ x = b in place (`b` becomes x, from `bOffset`), L being the factor left by
 * {@link choleskyFactor} in the lower triangle of `l` (from `offset`).
 */
export function choleskySolveFactored(
  l: Float64Array,
  n: number,
  b: Float64Array,
  offset = 0,
  bOffset = 0,
): void {
  for (let i = 0; i < n; i++) {
    const ri = offset + i * n;
    let s = b[bOffset + i];
    for (let p = 0; p < i; p++) s -= l[ri + p] * b[bOffset + p];
    b[bOffset + i] = s / l[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[bOffset + i];
    for (let p = i + 1; p < n; p++) s -= l[offset + p * n + i] * b[bOffset + p];
    b[bOffset + i] = s / l[offset + i * n + i];
  }
}

/**
 * Solves A x = b for a symmetric positive-definite A given as rows (`number[][]`) or row-major;
 * A and b are not changed. Throws when A is not square, not of b's size or not positive definite.
 */
export function choleskySolve(
  a: readonly ArrayLike<number>[] | Float64Array,
  b: ArrayLike<number>,
): Float64Array {
  const n = b.length;
  const m = new Float64Array(n * n);
  if (a instanceof Float64Array) {
    if (a.length !== n * n)
      throw new RangeError(`A has ${a.length} entries; a ${n} × ${n} matrix needs ${n * n}`);
    m.set(a);
  } else {
    if (a.length !== n)
      throw new RangeError(`A has ${a.length} rows but b has ${n} entries; they must match`);
    a.forEach((row, i) => {
      if (row.length !== n)
        throw new RangeError(`row ${i + 1} of A has ${row.length} entries; A must be ${n} × ${n}`);
      for (let j = 0; j < n; j++) m[i * n + j] = row[j];
    });
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const scale = Math.max(1, Math.abs(m[i * n + j]), Math.abs(m[j * n + i]));
      if (!(Math.abs(m[i * n + j] - m[j * n + i]) <= 1e-10 * scale)) {
        throw new RangeError(
          `A is not symmetric (A[${i + 1}][${j + 1}] ≠ A[${j + 1}][${i + 1}]); Cholesky needs A = Aᵀ`,
        );
      }
    }
  }
  const x = Float64Array.from(b);
  choleskyFactor(m, n);
  choleskySolveFactored(m, n, x);
  return x;
}
