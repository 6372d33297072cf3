/**
 * Just enough dense matrix algebra for the forecast-variance formulas of ETS models: products,
 * sums, transposes and Kronecker products of small row-major matrices.
 */

/** A dense matrix as rows. */
export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function identity(n: number): Matrix {
  const out = zeros(n, n);
  for (let i = 0; i < n; i++) out[i][i] = 1;
  return out;
}

export function multiply(a: Matrix, b: Matrix): Matrix {
  const rows = a.length;
  const inner = b.length;
  const cols = b[0].length;
  const out = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    const ai = a[i];
    const oi = out[i];
    for (let k = 0; k < inner; k++) {
      const aik = ai[k];
      if (aik === 0) continue;
      const bk = b[k];
      for (let j = 0; j < cols; j++) oi[j] += aik * bk[j];
    }
  }
  return out;
}

export function transpose(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

export function add(...terms: Matrix[]): Matrix {
  return terms[0].map((row, i) => row.map((_, j) => terms.reduce((s, t) => s + t[i][j], 0)));
}

export function scale(a: Matrix, k: number): Matrix {
  return a.map((row) => row.map((v) => v * k));
}

/** The Kronecker product A ⊗ B (R's `A %x% B`): block (i, j) is a_ij·B. */
export function kronecker(a: Matrix, b: Matrix): Matrix {
  const br = b.length;
  const bc = b[0].length;
  const out = zeros(a.length * br, a[0].length * bc);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[0].length; j++) {
      const aij = a[i][j];
      if (aij === 0) continue;
      for (let k = 0; k < br; k++) for (let l = 0; l < bc; l++) out[i * br + k][j * bc + l] = aij * b[k][l];
    }
  }
  return out;
}

/** The column-major vectorisation vec(A) as a column matrix, as R's `c(A)`. */
export function vec(a: Matrix): Matrix {
  const out: Matrix = [];
  for (let j = 0; j < a[0].length; j++) for (let i = 0; i < a.length; i++) out.push([a[i][j]]);
  return out;
}
