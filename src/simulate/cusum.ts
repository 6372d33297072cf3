/**
 * The tabular CUSUM (Page 1954; Montgomery, *Introduction to Statistical Quality Control*, §9.1) as
 * river's `drift.CUSUM` runs it: the reference mean μ₀ and standard deviation σ are learnt from the
 * first `minInstances` values and then frozen (a running mean would chase the very shift it should
 * detect), and two sums gather the deviations beyond a slack k:
 *
 *   S⁺ₜ = max(0, S⁺ₜ₋₁ + xₜ − μ₀ − kσ),   S⁻ₜ = max(0, S⁻ₜ₋₁ − (xₜ − μ₀) − kσ).
 *
 * An alarm is raised when a watched sum exceeds hσ. k and h are in standard deviations, so the
 * detector needs no knowledge of the stream's units; k = 0.5, h = 5 are the classical choice (an
 * in-control average run length of about 465 values, and about 10 after a one-σ shift: Montgomery's
 * table of ARLs). Give `reference: { mean, sd }` when the in-control process is known.
 */
import type { DriftDetector } from './drift-detector.ts';

/** Options of {@link cusum}; the defaults are river's. */
export interface CusumOptions {
  /** Values that estimate the reference before alarms may be raised (default 30). */
  minInstances?: number;
  /** The slack k, in standard deviations (default 0.5). */
  slack?: number;
  /** The decision interval h, in standard deviations (default 5). */
  threshold?: number;
  /** Watch for an increase, a decrease or both (default). */
  direction?: 'up' | 'down' | 'both';
  /** A known in-control mean and standard deviation; then nothing is estimated. */
  reference?: { mean: number; sd: number };
}

export const cusumDefaults = {
  minInstances: 30,
  slack: 0.5,
  threshold: 5,
  direction: 'both',
} as const;

function check(options: CusumOptions) {
  const o = { ...cusumDefaults, ...options };
  if (!Number.isInteger(o.minInstances) || o.minInstances < 2)
    throw new RangeError(`cusum: minInstances must be a whole number ≥ 2, got ${o.minInstances}`);
  if (!(o.slack >= 0)) throw new RangeError(`cusum: slack must be ≥ 0, got ${o.slack}`);
  if (!(o.threshold > 0)) throw new RangeError(`cusum: threshold must be > 0, got ${o.threshold}`);
  if (!['up', 'down', 'both'].includes(o.direction))
    throw new RangeError(`cusum: direction must be 'up', 'down' or 'both', got "${o.direction}"`);
  const r = o.reference;
  if (r && !(Number.isFinite(r.mean) && r.sd > 0))
    throw new RangeError(`cusum: reference needs a finite mean and an sd > 0, got ${JSON.stringify(r)}`);
  return o;
}

/** A tabular CUSUM detector; see the module comment. */
export function cusum(options: CusumOptions = {}): DriftDetector {
  const { minInstances, slack, threshold, direction, reference } = check(options);
  // Welford's running mean and variance (n − 1 in the denominator) over the warm-up values, then
  // the frozen reference μ₀, σ and the two sums.
  const fresh = () => ({
    n: 0,
    mean: 0,
    m2: 0,
    mu: reference?.mean ?? NaN,
    sigma: reference?.sd ?? NaN,
    up: 0,
    down: 0,
    alarmed: false,
  });
  let st = fresh();
  const stat = () => (direction === 'up' ? st.up : direction === 'down' ? st.down : Math.max(st.up, st.down));
  return {
    update(x: number): boolean {
      if (st.alarmed) st = fresh();
      if (!reference) {
        st.n++;
        const d = x - st.mean;
        st.mean += d / st.n;
        st.m2 += d * (x - st.mean);
        if (st.n < minInstances) return false;
        // The reference is fixed once, from the first minInstances values (this one included).
        if (Number.isNaN(st.mu)) {
          st.mu = st.mean;
          st.sigma = Math.sqrt(st.m2 / (st.n - 1));
        }
      }
      const deviation = x - st.mu;
      st.up = Math.max(0, st.up + deviation - slack * st.sigma);
      st.down = Math.max(0, st.down - deviation - slack * st.sigma);
      st.alarmed = stat() > threshold * st.sigma;
      return st.alarmed;
    },
    get statistic() {
      return stat();
    },
    get threshold() {
      return threshold * st.sigma;
    },
    reset: () => {
      st = fresh();
    },
  };
}
