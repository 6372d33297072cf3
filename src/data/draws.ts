/**
 * Random draws the synthetic data generators need beyond the uniforms and normals of
 * {@link SeededRandom}: gamma and Dirichlet deviates, shuffles, and choosing the n smallest keys.
 */
import type { SeededRandom } from '../stats/random.ts';
import { randomGamma } from '../stats/random-gamma.ts';

/** A gamma deviate with the given shape and scale 1 (`randomGamma` in `dplab/stats`). */
export function gammaDeviate(rng: SeededRandom, shape: number): number {
  return randomGamma(rng, shape);
}

/** A Dirichlet deviate of length k with every parameter `alpha` (normalised gamma deviates). */
export function dirichletDeviate(rng: SeededRandom, alpha: number, k: number): Float64Array {
  const out = new Float64Array(k);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[c] = gammaDeviate(rng, alpha);
  // A tiny alpha can underflow every gamma draw; then the mass goes to one component at random.
  if (sum === 0) {
    out[Math.floor(rng.uniform() * k)] = 1;
    return out;
  }
  for (let c = 0; c < k; c++) out[c] /= sum;
  return out;
}

/** A uniformly random permutation of 0…n−1 (Fisher–Yates). */
export function permutation(rng: SeededRandom, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/**
 * The indices of the n smallest `keys` (in no particular order), by Hoare's quickselect on a copy of
 * the indices; `keys` is not modified.
 */
export function smallestIndices(keys: Float64Array, n: number): Int32Array {
  const m = keys.length;
  const idx = new Int32Array(m);
  for (let i = 0; i < m; i++) idx[i] = i;
  if (n >= m) return idx;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const pivot = keys[idx[(lo + hi) >>> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[idx[i]] < pivot) i++;
      while (keys[idx[j]] > pivot) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        i++;
        j--;
      }
    }
    if (n - 1 <= j) hi = j;
    else if (n - 1 >= i) lo = i;
    else break;
  }
  return idx.slice(0, n);
}
