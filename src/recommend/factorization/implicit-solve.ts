/**
 * One row of implicit ALS: the least-squares problem of one user (or item) with the other side's
 * vectors Y fixed (Hu, Koren & Volinsky, "Collaborative filtering for implicit feedback datasets",
 * ICDM 2008, eq. 4):
 *
 *   (YᵀY + Yᵀ(Cᵘ − I)Y + λI) x_u = Yᵀ Cᵘ p(u),
 *
 * with confidences c_ui = 1 + α r_ui and preferences p_ui = 1 for the user's items (r_ui > 0), and
 * c_ui = 1, p_ui = 0 elsewhere. YᵀY is the same for every user and is computed once per half-step;
 * only the user's own items add to it, which is what makes the method scale.
 *
 * Two solvers: {@link implicitRowCholesky} forms the matrix (O(n_u k² + k³)), as the paper does;
 * {@link implicitRowCg} never forms it and runs a few conjugate-gradient steps from the previous
 * x_u (Takács, Pilászy & Tikk, "Applications of the conjugate gradient method for implicit feedback
 * collaborative filtering", RecSys 2011): each step costs one product with YᵀY (k²) and two passes
 * over the user's items (2 n_u k), so O(n_u k + k²) per step. Both allocate nothing.
 */
import { choleskyFactor, choleskySolveFactored } from './cholesky.ts';

/** Scratch vectors of length k for {@link implicitRowCg}. */
export interface CgScratch {
  r: Float64Array;
  p: Float64Array;
  ap: Float64Array;
}

/** Allocates the scratch of {@link implicitRowCg} for k factors. */
export function cgScratch(k: number): CgScratch {
  return { r: new Float64Array(k), p: new Float64Array(k), ap: new Float64Array(k) };
}

/**
 * G = FᵀF for the rows × k row-major matrix `f`, into `out` (k × k, full). Rows are taken four at a
 * time, so each entry of G is loaded and stored once per four rows.
 */
export function gramMatrix(
  f: Float64Array,
  k: number,
  out: Float64Array = new Float64Array(k * k),
): Float64Array {
  out.fill(0);
  const rows = f.length / k;
  let j = 0;
  for (; j + 3 < rows; j += 4) {
    const o0 = j * k;
    const o1 = o0 + k;
    const o2 = o1 + k;
    const o3 = o2 + k;
    for (let a = 0; a < k; a++) {
      const f0 = f[o0 + a];
      const f1 = f[o1 + a];
      const f2 = f[o2 + a];
      const f3 = f[o3 + a];
      const row = a * k;
      for (let b = a; b < k; b++) {
        out[row + b] += f0 * f[o0 + b] + f1 * f[o1 + b] + (f2 * f[o2 + b] + f3 * f[o3 + b]);
      }
    }
  }
  for (; j < rows; j++) {
    const o = j * k;
    for (let a = 0; a < k; a++) {
      const fa = f[o + a];
      const row = a * k;
      for (let b = a; b < k; b++) out[row + b] += fa * f[o + b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) out[a * k + b] = out[b * k + a];
  return out;
}

/** The nonzeros of one row of the interaction matrix: `idx[start…end)` with strengths in `val`. */
export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
  start: number;
  end: number;
}

/**
 * Improves x (= `x[xOff … xOff+k)`, the warm start) by `steps` conjugate-gradient steps on the row's
 * normal equations. `gram` is YᵀY without λ; `other` holds Y row-major.
 */
export function implicitRowCg(
  gram: Float64Array,
  other: Float64Array,
  k: number,
  row: SparseRow,
  alpha: number,
  lambda: number,
  x: Float64Array,
  xOff: number,
  steps: number,
  { r, p, ap }: CgScratch,
): void {
  // r = b − A x = Σ_i [c_i p_i − (c_i − 1) y_iᵀx] y_i − (YᵀY + λI) x
  ridgeMatVec(gram, k, lambda, x, xOff, r);
  for (let a = 0; a < k; a++) r[a] = -r[a];
  addItemTerms(other, k, row, alpha, x, xOff, r, true);
  let rsOld = 0;
  for (let a = 0; a < k; a++) {
    p[a] = r[a];
    rsOld += r[a] * r[a];
  }
  for (let step = 0; step < steps && rsOld > 1e-20; step++) {
    // Ap = (YᵀY + λI) p + Σ_i (c_i − 1)(y_iᵀp) y_i
    ridgeMatVec(gram, k, lambda, p, 0, ap);
    addItemTerms(other, k, row, alpha, p, 0, ap, false);
    let pAp = 0;
    for (let a = 0; a < k; a++) pAp += p[a] * ap[a];
    if (!(pAp > 0)) break;
    const stepSize = rsOld / pAp;
    let rsNew = 0;
    for (let a = 0; a < k; a++) {
      x[xOff + a] += stepSize * p[a];
      r[a] -= stepSize * ap[a];
      rsNew += r[a] * r[a];
    }
    const beta = rsNew / rsOld;
    for (let a = 0; a < k; a++) p[a] = r[a] + beta * p[a];
    rsOld = rsNew;
  }
}

// The two kernels below do nearly all the work of implicit ALS. They handle eight rows (or items)
// at a time so that each load of v is shared by eight products: in V8 that runs about twice as fast
// as one dot product at a time.

/** out = (G + λI) v for the symmetric k × k matrix G, eight rows of G at a time. */
function ridgeMatVec(
  g: Float64Array,
  k: number,
  lambda: number,
  v: Float64Array,
  vOff: number,
  out: Float64Array,
): void {
  let a = 0;
  for (; a + 7 < k; a += 8) {
    const g0 = a * k;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    for (let b = 0; b < k; b++) {
      const vb = v[vOff + b];
      const gb = g0 + b;
      s0 += g[gb] * vb;
      s1 += g[gb + k] * vb;
      s2 += g[gb + 2 * k] * vb;
      s3 += g[gb + 3 * k] * vb;
      s4 += g[gb + 4 * k] * vb;
      s5 += g[gb + 5 * k] * vb;
      s6 += g[gb + 6 * k] * vb;
      s7 += g[gb + 7 * k] * vb;
    }
    out[a] = s0 + lambda * v[vOff + a];
    out[a + 1] = s1 + lambda * v[vOff + a + 1];
    out[a + 2] = s2 + lambda * v[vOff + a + 2];
    out[a + 3] = s3 + lambda * v[vOff + a + 3];
    out[a + 4] = s4 + lambda * v[vOff + a + 4];
    out[a + 5] = s5 + lambda * v[vOff + a + 5];
    out[a + 6] = s6 + lambda * v[vOff + a + 6];
    out[a + 7] = s7 + lambda * v[vOff + a + 7];
  }
  for (; a < k; a++) {
    let s = lambda * v[vOff + a];
    for (let b = 0; b < k; b++) s += g[a * k + b] * v[vOff + b];
    out[a] = s;
  }
}

/**
 * out += Σ_{i in row} w_i y_i, with d_i = y_iᵀv, c_i − 1 = α r_i and
 * w_i = c_i p_i − (c_i − 1) d_i for the residual (`rhs`), w_i = (c_i − 1) d_i for the product with A.
 * A stored zero (r_i = 0, so p_i = 0 and c_i = 1) adds nothing.
 */
function addItemTerms(
  y: Float64Array,
  k: number,
  { idx, val, start, end }: SparseRow,
  alpha: number,
  v: Float64Array,
  vOff: number,
  out: Float64Array,
  rhs: boolean,
): void {
  let q = start;
  for (; q + 7 < end; q += 8) {
    const y0 = idx[q] * k;
    const y1 = idx[q + 1] * k;
    const y2 = idx[q + 2] * k;
    const y3 = idx[q + 3] * k;
    const y4 = idx[q + 4] * k;
    const y5 = idx[q + 5] * k;
    const y6 = idx[q + 6] * k;
    const y7 = idx[q + 7] * k;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let d4 = 0;
    let d5 = 0;
    let d6 = 0;
    let d7 = 0;
    for (let a = 0; a < k; a++) {
      const va = v[vOff + a];
      d0 += y[y0 + a] * va;
      d1 += y[y1 + a] * va;
      d2 += y[y2 + a] * va;
      d3 += y[y3 + a] * va;
      d4 += y[y4 + a] * va;
      d5 += y[y5 + a] * va;
      d6 += y[y6 + a] * va;
      d7 += y[y7 + a] * va;
    }
    const w0 = weight(val[q], alpha, d0, rhs);
    const w1 = weight(val[q + 1], alpha, d1, rhs);
    const w2 = weight(val[q + 2], alpha, d2, rhs);
    const w3 = weight(val[q + 3], alpha, d3, rhs);
    const w4 = weight(val[q + 4], alpha, d4, rhs);
    const w5 = weight(val[q + 5], alpha, d5, rhs);
    const w6 = weight(val[q + 6], alpha, d6, rhs);
    const w7 = weight(val[q + 7], alpha, d7, rhs);
    for (let a = 0; a < k; a++) {
      out[a] +=
        w0 * y[y0 + a] +
        w1 * y[y1 + a] +
        (w2 * y[y2 + a] + w3 * y[y3 + a]) +
        (w4 * y[y4 + a] + w5 * y[y5 + a] + (w6 * y[y6 + a] + w7 * y[y7 + a]));
    }
  }
  for (; q < end; q++) {
    const yi = idx[q] * k;
    let d = 0;
    for (let a = 0; a < k; a++) d += y[yi + a] * v[vOff + a];
    const w = weight(val[q], alpha, d, rhs);
    for (let a = 0; a < k; a++) out[a] += w * y[yi + a];
  }
}

function weight(r: number, alpha: number, d: number, rhs: boolean): number {
  if (!(r > 0)) return 0;
  return rhs ? 1 + alpha * r - alpha * r * d : alpha * r * d;
}

/**
 * Solves the row's normal equations exactly: forms YᵀCᵘY + λI in `a` (k × k scratch) and the
 * right-hand side in x, then Cholesky.
 */
export function implicitRowCholesky(
  gram: Float64Array,
  other: Float64Array,
  k: number,
  row: SparseRow,
  alpha: number,
  lambda: number,
  x: Float64Array,
  xOff: number,
  a: Float64Array,
): void {
  const { idx, val, start, end } = row;
  a.set(gram);
  for (let f = 0; f < k; f++) a[f * k + f] += lambda;
  x.fill(0, xOff, xOff + k);
  for (let q = start; q < end; q++) {
    const v = val[q];
    if (!(v > 0)) continue;
    const yi = idx[q] * k;
    const extra = alpha * v;
    for (let f = 0; f < k; f++) {
      const yf = other[yi + f];
      x[xOff + f] += (1 + extra) * yf;
      const rowF = f * k;
      for (let g = 0; g <= f; g++) a[rowF + g] += extra * yf * other[yi + g];
    }
  }
  choleskyFactor(a, k);
  choleskySolveFactored(a, k, x, 0, xOff);
}
