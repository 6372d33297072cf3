/**
 * The regression part of a regression with ARIMA errors, set up as R's `stats::arima` does: starting
 * values and scales from ordinary least squares on the differenced series and regressors
 * (`lm(diff(x) ~ diff(xreg) - 1)`; its standard errors ×10 become the optimiser's `parscale`), and —
 * when there are several regressors — the regressors rotated onto the right singular vectors of the
 * regressor matrix first, so that the optimiser works on uncorrelated directions (R: `xreg %*% svd(xreg)$v`).
 */
import { leastSquares } from './ets/least-squares.ts';
import type { Differencing } from './arima-css.ts';

/** The series differenced d times at lag 1 and D times at lag m (R's `diff`), n − d − D·m values. */
export function difference(x: ArrayLike<number>, { d, D, m }: Differencing): number[] {
  let w = Array.from(x);
  for (let i = 0; i < d; i++) w = w.slice(1).map((v, t) => v - w[t]);
  for (let i = 0; i < D; i++) w = w.slice(m).map((v, t) => v - w[t]);
  return w;
}

/** Least-squares coefficients and their standard errors (R's `coef(lm)` and `summary(lm)` column 2). */
export function regressionStart(
  y: readonly number[],
  columns: readonly (readonly number[])[],
): { coef: number[]; se: number[] } {
  const n = y.length;
  const k = columns.length;
  const coef = leastSquares(columns, y);
  let rss = 0;
  for (let t = 0; t < n; t++) {
    let fit = 0;
    for (let j = 0; j < k; j++) fit += columns[j][t] * coef[j];
    rss += (y[t] - fit) ** 2;
  }
  const s2 = n > k ? rss / (n - k) : NaN;
  const xtx = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let s = 0;
      for (let t = 0; t < n; t++) s += columns[i][t] * columns[j][t];
      return s;
    }),
  );
  const inv = invertSymmetric(xtx);
  return { coef, se: inv.map((row, i) => Math.sqrt(s2 * row[i])) };
}

/** The inverse of a symmetric positive-definite matrix by Gauss–Jordan elimination with pivoting. */
export function invertSymmetric(a: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(m[i][c]) > Math.abs(m[pivot][c])) pivot = i;
    if (m[pivot][c] === 0 || !Number.isFinite(m[pivot][c])) {
      throw new RangeError('singular matrix: the parameters are not identified (collinear regressors?)');
    }
    [m[c], m[pivot]] = [m[pivot], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = m[i][c];
      if (f !== 0) for (let j = 0; j < 2 * n; j++) m[i][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}

/**
 * The right singular vectors of the n×k matrix with these columns, as the columns of a k×k matrix
 * (`V[i][j]` = component i of vector j), by cyclic Jacobi rotations of XᵀX (Golub & Van Loan,
 * *Matrix Computations*, 4th ed., §8.5), largest singular value first. Signs are arbitrary, as in R.
 */
export function rightSingularVectors(columns: readonly (readonly number[])[]): number[][] {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const A = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let s = 0;
      for (let t = 0; t < n; t++) s += columns[i][t] * columns[j][t];
      return s;
    }),
  );
  const V = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j): number => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += A[i][j] ** 2;
    if (off <= 1e-30 * A.reduce((s, row, i) => s + row[i] ** 2, 0)) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = A[r][p];
          const arq = A[r][q];
          A[r][p] = c * arp - s * arq;
          A[r][q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = A[p][r];
          const aqr = A[q][r];
          A[p][r] = c * apr - s * aqr;
          A[q][r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = V[r][p];
          const vrq = V[r][q];
          V[r][p] = c * vrp - s * vrq;
          V[r][q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, j) => j).sort((x, y) => A[y][y] - A[x][x]);
  return V.map((row) => order.map((j) => row[j]));
}
