/**
 * The small matrix factorisation the feedback-loop simulation retrains: alternating least squares on
 * the dense 0/1 consumption matrix C (users × items), minimising ‖C − P Qᵀ‖² + reg(‖P‖² + ‖Q‖²)
 * (the unweighted case of Hu, Koren & Volinsky, "Collaborative filtering for implicit feedback
 * datasets", ICDM 2008). With every entry observed, each half-step shares one d × d system,
 * (QᵀQ + reg·I) p_u = Qᵀ c_u, so it costs one Cholesky factorisation (dplab/recommend's) and a
 * solve per row. Warm-started from the previous factors, a couple of sweeps follow the drifting data.
 * Buffers are allocated once; the sweeps allocate nothing.
 */
import { choleskyFactor, choleskySolveFactored } from '../recommend/factorization/cholesky.ts';
import type { SeededRandom } from '../stats/random.ts';

export interface DenseMf {
  users: number;
  items: number;
  factors: number;
  reg: number;
  /** users × factors and items × factors, row-major. */
  p: Float64Array;
  q: Float64Array;
  gram: Float64Array;
}

/** Factors initialised N(0, 0.1²). */
export function createDenseMf(
  users: number,
  items: number,
  factors: number,
  reg: number,
  rng: SeededRandom,
): DenseMf {
  const p = new Float64Array(users * factors);
  const q = new Float64Array(items * factors);
  for (let k = 0; k < p.length; k++) p[k] = rng.normal(0, 0.1);
  for (let k = 0; k < q.length; k++) q[k] = rng.normal(0, 0.1);
  return { users, items, factors, reg, p, q, gram: new Float64Array(factors * factors) };
}

/** `sweeps` ALS sweeps (items, then users) on the 0/1 matrix `consumed` (users × items). */
export function sweepDenseMf(mf: DenseMf, consumed: Uint8Array, sweeps: number): void {
  const { users, items } = mf;
  for (let s = 0; s < sweeps; s++) {
    halfStep(mf, mf.q, mf.p, items, users, consumed, 1, items);
    halfStep(mf, mf.p, mf.q, users, items, consumed, items, 1);
  }
}

/** Solves the rows of `out` (n × d) given `fixed` (m × d); entry (a, b) of C is consumed[a·sa + b·sb]. */
function halfStep(
  mf: DenseMf,
  out: Float64Array,
  fixed: Float64Array,
  n: number,
  m: number,
  consumed: Uint8Array,
  sa: number,
  sb: number,
): void {
  const d = mf.factors;
  const g = mf.gram;
  g.fill(0);
  for (let b = 0; b < m; b++) {
    for (let x = 0; x < d; x++) {
      const fx = fixed[b * d + x];
      for (let y = 0; y <= x; y++) g[x * d + y] += fx * fixed[b * d + y];
    }
  }
  for (let x = 0; x < d; x++) g[x * d + x] += mf.reg;
  choleskyFactor(g, d);
  for (let a = 0; a < n; a++) {
    const o = a * d;
    for (let x = 0; x < d; x++) out[o + x] = 0;
    for (let b = 0; b < m; b++) {
      if (consumed[a * sa + b * sb] === 0) continue;
      for (let x = 0; x < d; x++) out[o + x] += fixed[b * d + x];
    }
    choleskySolveFactored(g, d, out, 0, o);
  }
}
