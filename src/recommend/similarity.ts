/**
 * Similarities between the rows (users) or the columns (items) of a sparse interaction matrix, and
 * the top-k neighbour lists that neighbourhood recommenders use.
 *
 * For two vectors a, b (items: their columns over users; users: their rows over items), with U the
 * entries both have (co-rated):
 * - `'cosine'`: Σ_U a·b / (‖a‖·‖b‖) with the norms over all entries (missing = 0), the vector-space
 *   cosine (Sarwar, Karypis, Konstan & Riedl, "Item-based collaborative filtering recommendation
 *   algorithms", WWW 2001, §3.1.1).
 * - `'pearson'`: Pearson correlation over U of the values centred on each vector's own mean (Sarwar et
 *   al. 2001 §3.1.2; Herlocker et al. 1999 for users).
 * - `'adjusted-cosine'`: as Pearson, but centred on the mean of the other side — for items, each user's
 *   mean, which removes differences in rating scale between users (Sarwar et al. 2001 §3.1.3); for users,
 *   each item's mean.
 * Centred measures need varying values: on 0/1 (implicit) data every centred value is 0, so they are 0.
 *
 * Shrinkage (Koren, "Factorization meets the neighborhood", KDD 2008, §2.2): s·n/(n + λ), with n = |U|,
 * pulls similarities resting on few co-rated entries towards 0.
 *
 * The neighbour lists come from a sparse walk: for vector a, each of its entries b is followed through
 * the other orientation to every vector sharing b, so the cost is Σ over b of (entries sharing b)², never
 * a dense n×n matrix.
 */
import type { SparseVectors } from './interactions.ts';
import { TopKHeap } from './top-k.ts';

/** How to measure similarity (see the file comment). */
export type SimilarityMeasure = 'cosine' | 'pearson' | 'adjusted-cosine';

/** Options of {@link neighbourLists}. */
export interface NeighbourOptions {
  /** The measure. Default `'cosine'`. */
  similarity?: SimilarityMeasure;
  /** Neighbours kept per vector, an integer ≥ 1. Default 50. */
  neighbours?: number;
  /** λ of the shrinkage s·n/(n + λ), ≥ 0. Default 0 (no shrinkage). */
  shrinkage?: number;
}

export const neighbourDefaults = { similarity: 'cosine', neighbours: 50, shrinkage: 0 } as const;

/** Top-k neighbour lists: the neighbours of a are `index[ptr[a] … ptr[a+1])`, most similar first. */
export interface NeighbourLists {
  ptr: Int32Array;
  index: Int32Array;
  weight: Float64Array;
}

/** Checks and fills in the neighbour options. */
export function resolveNeighbourOptions(options: NeighbourOptions = {}): Required<NeighbourOptions> {
  const similarity = options.similarity ?? neighbourDefaults.similarity;
  if (similarity !== 'cosine' && similarity !== 'pearson' && similarity !== 'adjusted-cosine') {
    throw new RangeError(
      `invalid similarity: ${String(similarity)} (must be 'cosine', 'pearson' or 'adjusted-cosine')`,
    );
  }
  const neighbours = options.neighbours ?? neighbourDefaults.neighbours;
  if (!Number.isInteger(neighbours) || neighbours < 1) {
    throw new RangeError(`invalid neighbours: ${neighbours} (must be an integer ≥ 1; 20–100 is usual)`);
  }
  const shrinkage = options.shrinkage ?? neighbourDefaults.shrinkage;
  if (!(shrinkage >= 0 && Number.isFinite(shrinkage))) {
    throw new RangeError(`invalid shrinkage: ${shrinkage} (must be ≥ 0; Koren 2008 uses 100 for ratings)`);
  }
  return { similarity, neighbours, shrinkage };
}

/**
 * Centres the values for a measure, in both orientations: `'pearson'` subtracts each vector's mean,
 * `'adjusted-cosine'` the mean of the other side's vector; `'cosine'` leaves them.
 */
export function centredValues(
  a: SparseVectors,
  b: SparseVectors,
  similarity: SimilarityMeasure,
): { a: Float64Array; b: Float64Array } {
  if (similarity === 'cosine') return { a: a.value, b: b.value };
  const ca = Float64Array.from(a.value);
  const cb = Float64Array.from(b.value);
  // Pearson centres on the means of the a-vectors, adjusted cosine on those of the b-vectors.
  const [own, other, cOwn, cOther] = similarity === 'pearson' ? [a, b, ca, cb] : [b, a, cb, ca];
  const mean = vectorMeans(own);
  for (let v = 0; v < mean.length; v++) {
    for (let k = own.ptr[v]; k < own.ptr[v + 1]; k++) cOwn[k] -= mean[v];
  }
  for (let w = 0; w + 1 < other.ptr.length; w++) {
    for (let k = other.ptr[w]; k < other.ptr[w + 1]; k++) cOther[k] -= mean[other.index[k]];
  }
  return { a: ca, b: cb };
}

/** The mean of each vector's stored values (0 for an empty vector). */
export function vectorMeans(v: SparseVectors): Float64Array {
  const n = v.ptr.length - 1;
  const mean = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const len = v.ptr[a + 1] - v.ptr[a];
    let s = 0;
    for (let k = v.ptr[a]; k < v.ptr[a + 1]; k++) s += v.value[k];
    mean[a] = len > 0 ? s / len : 0;
  }
  return mean;
}

/**
 * The top-k most similar vectors of every vector of `a` (the other orientation `b` is the same matrix
 * transposed). Only positive similarities are kept; ties go to the smaller index.
 */
export function neighbourLists(
  a: SparseVectors,
  b: SparseVectors,
  options: NeighbourOptions = {},
): NeighbourLists {
  const { similarity, neighbours: k, shrinkage } = resolveNeighbourOptions(options);
  const n = a.ptr.length - 1;
  const { a: va, b: vb } = centredValues(a, b, similarity);
  const full = similarity === 'cosine';
  const norm = new Float64Array(n);
  if (full) {
    for (let x = 0; x < n; x++) {
      let s = 0;
      for (let p = a.ptr[x]; p < a.ptr[x + 1]; p++) s += va[p] * va[p];
      norm[x] = Math.sqrt(s);
    }
  }
  const dot = new Float64Array(n);
  const sqSelf = new Float64Array(full ? 0 : n);
  const sqOther = new Float64Array(full ? 0 : n);
  const overlap = new Int32Array(n);
  const touched = new Int32Array(n);
  const ptr = new Int32Array(n + 1);
  const index: number[] = [];
  const sims: number[] = [];
  const heap = new TopKHeap(k);
  for (let x = 0; x < n; x++) {
    let nt = 0;
    for (let p = a.ptr[x]; p < a.ptr[x + 1]; p++) {
      const e = a.index[p];
      const ax = va[p];
      for (let q = b.ptr[e]; q < b.ptr[e + 1]; q++) {
        const y = b.index[q];
        if (y === x) continue;
        if (overlap[y] === 0) touched[nt++] = y;
        overlap[y]++;
        const by = vb[q];
        dot[y] += ax * by;
        if (!full) {
          sqSelf[y] += ax * ax;
          sqOther[y] += by * by;
        }
      }
    }
    heap.clear();
    for (let t = 0; t < nt; t++) {
      const y = touched[t];
      const denominator = full ? norm[x] * norm[y] : Math.sqrt(sqSelf[y] * sqOther[y]);
      let s = denominator > 0 ? dot[y] / denominator : 0;
      if (shrinkage > 0) s *= overlap[y] / (overlap[y] + shrinkage);
      if (s > 0) heap.push(y, s);
      dot[y] = 0;
      overlap[y] = 0;
      if (!full) sqSelf[y] = sqOther[y] = 0;
    }
    for (const e of heap.sorted()) {
      index.push(e.index);
      sims.push(e.score);
    }
    ptr[x + 1] = index.length;
  }
  return { ptr, index: Int32Array.from(index), weight: Float64Array.from(sims) };
}

/**
 * The similarity of two vectors x and y of `a` by a merge walk of their sorted entries (for checks
 * and lessons; {@link neighbourLists} computes all pairs at once). Centred measures centre the whole
 * matrix first, O(entries) per call.
 */
export function pairSimilarity(
  a: SparseVectors,
  b: SparseVectors,
  x: number,
  y: number,
  options: NeighbourOptions = {},
): number {
  const { similarity, shrinkage } = resolveNeighbourOptions(options);
  const { a: va } = centredValues(a, b, similarity);
  let p = a.ptr[x];
  let q = a.ptr[y];
  let dot = 0;
  let sx = 0;
  let sy = 0;
  let n = 0;
  while (p < a.ptr[x + 1] && q < a.ptr[y + 1]) {
    if (a.index[p] < a.index[q]) p++;
    else if (a.index[p] > a.index[q]) q++;
    else {
      dot += va[p] * va[q];
      sx += va[p] * va[p];
      sy += va[q] * va[q];
      n++;
      p++;
      q++;
    }
  }
  if (similarity === 'cosine') {
    sx = sy = 0;
    for (let k = a.ptr[x]; k < a.ptr[x + 1]; k++) sx += va[k] * va[k];
    for (let k = a.ptr[y]; k < a.ptr[y + 1]; k++) sy += va[k] * va[k];
  }
  const denominator = Math.sqrt(sx * sy);
  const s = denominator > 0 ? dot / denominator : 0;
  return shrinkage > 0 ? (s * n) / (n + shrinkage) : s;
}
