/**
 * The Page–Hinkley test (Page 1954, "Continuous inspection schemes", *Biometrika* 41), as river's
 * `drift.PageHinkley` computes it: the running mean x̄ₜ of the stream, and the cumulative sum of
 * how far each value lies above it less a tolerance δ,
 *
 *   mₜ = max(0, α·mₜ₋₁ + (xₜ − x̄ₜ − δ)),
 *
 * with a forgetting factor α just below 1 so that old deviations fade. An alarm is raised when
 * mₜ ≥ λ (the threshold), once at least `minInstances` values have been read. With
 * `direction: 'down'` the same is done for values below the mean; `'both'` watches both sums.
 * The threshold is in the stream's units: pick it from the size of change that matters.
 */
import type { DriftDetector } from './drift-detector.ts';

/** Options of {@link pageHinkley}; the defaults are river's. */
export interface PageHinkleyOptions {
  /** Values read before an alarm may be raised (default 30). */
  minInstances?: number;
  /** Deviations up to δ are tolerated (default 0.005). */
  delta?: number;
  /** The alarm threshold λ, in the stream's units (default 50). */
  threshold?: number;
  /** The forgetting factor α in (0, 1] (default 1 − 0.0001). */
  alpha?: number;
  /** Watch for an increase (default), a decrease, or both. */
  direction?: 'up' | 'down' | 'both';
}

export const pageHinkleyDefaults = {
  minInstances: 30,
  delta: 0.005,
  threshold: 50,
  alpha: 1 - 0.0001,
  direction: 'up',
} as const satisfies Required<PageHinkleyOptions>;

function check(options: PageHinkleyOptions): Required<PageHinkleyOptions> {
  const o = { ...pageHinkleyDefaults, ...options };
  if (!Number.isInteger(o.minInstances) || o.minInstances < 1)
    throw new RangeError(`pageHinkley: minInstances must be a whole number ≥ 1, got ${o.minInstances}`);
  if (!(o.delta >= 0)) throw new RangeError(`pageHinkley: delta must be ≥ 0, got ${o.delta}`);
  if (!(o.threshold > 0)) throw new RangeError(`pageHinkley: threshold must be > 0, got ${o.threshold}`);
  if (!(o.alpha > 0 && o.alpha <= 1))
    throw new RangeError(`pageHinkley: alpha must be in (0, 1], got ${o.alpha}`);
  if (!['up', 'down', 'both'].includes(o.direction))
    throw new RangeError(`pageHinkley: direction must be 'up', 'down' or 'both', got "${o.direction}"`);
  return o;
}

/** A Page–Hinkley detector; see the module comment. */
export function pageHinkley(options: PageHinkleyOptions = {}): DriftDetector {
  const { minInstances, delta, threshold, alpha, direction } = check(options);
  const fresh = () => ({ count: 1, mean: 0, up: 0, down: 0, alarmed: false });
  let st = fresh();
  const stat = () => (direction === 'up' ? st.up : direction === 'down' ? st.down : Math.max(st.up, st.down));
  return {
    update(x: number): boolean {
      if (st.alarmed) st = fresh();
      st.mean += (x - st.mean) / st.count;
      st.up = Math.max(0, alpha * st.up + (x - st.mean - delta));
      st.down = Math.max(0, alpha * st.down + (st.mean - x - delta));
      st.count++;
      st.alarmed = st.count >= minInstances && stat() >= threshold;
      return st.alarmed;
    },
    get statistic() {
      return stat();
    },
    threshold,
    reset: () => {
      st = fresh();
    },
  };
}
