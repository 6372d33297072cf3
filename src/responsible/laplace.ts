/**
 * The Laplace mechanism (Dwork, McSherry, Nissim & Smith 2006; Dwork & Roth, *The Algorithmic
 * Foundations of Differential Privacy*, 2014, Definition 3.3): adding Laplace(0, b) noise with
 * scale b = Δ/ε to a query of ℓ1-sensitivity Δ gives ε-differential privacy. Its variance is 2b²,
 * as diffprivlib's `mechanisms.Laplace.variance` documents (2.0 for ε = 1, Δ = 1).
 */
import {
  checkEpsilon,
  checkSensitivity,
  checkValue,
  noiseGenerator,
  type NoiseSource,
} from './privacy-checks.ts';
import type { SeededRandom } from '../stats/random.ts';

/** Options of {@link laplaceMechanism}. */
export interface LaplaceOptions extends NoiseSource {
  /** The privacy parameter ε > 0. */
  epsilon: number;
  /** The query's ℓ1-sensitivity Δ ≥ 0: how much one person can change it. */
  sensitivity: number;
}

/** A released value with what it cost and how noisy it is. */
export interface NoisyRelease {
  /** The differentially private value. */
  value: number;
  /** The noise's scale b (Laplace) or standard deviation σ (Gaussian). */
  scale: number;
  /** The noise's variance: 2b² (Laplace), σ² (Gaussian). */
  variance: number;
  /** The ε spent. */
  epsilon: number;
  /** The δ spent (0 for the Laplace mechanism). */
  delta: number;
}

/** One Laplace(0, b) deviate, by inversion of its CDF: −b·sign(u)·ln(1 − 2|u|), u ~ U(−½, ½). */
export function laplaceNoise(random: SeededRandom, scale: number): number {
  let u = random.uniform() - 0.5;
  while (u === -0.5) u = random.uniform() - 0.5; // ln(0) would give an infinite draw
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

/** `value` plus Laplace noise of scale Δ/ε. */
export function laplaceMechanism(value: number, options: LaplaceOptions): NoisyRelease {
  checkValue(value, 'laplaceMechanism');
  checkEpsilon(options.epsilon);
  checkSensitivity(options.sensitivity);
  const scale = options.sensitivity / options.epsilon;
  const noisy = value + laplaceNoise(noiseGenerator(options), scale);
  return { value: noisy, scale, variance: 2 * scale * scale, epsilon: options.epsilon, delta: 0 };
}

/** Options of {@link dpCount}. */
export interface DpCountOptions extends NoiseSource {
  /** The privacy parameter ε > 0. */
  epsilon: number;
}

/**
 * A count released with the Laplace mechanism: adding or removing one person changes it by at most 1,
 * so Δ = 1. The result is not rounded or clamped, so it stays unbiased (it can be negative).
 */
export function dpCount(count: number, options: DpCountOptions): NoisyRelease {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`invalid count: ${count} (must be an integer ≥ 0)`);
  }
  return laplaceMechanism(count, { ...options, sensitivity: 1 });
}

/** Options of {@link dpSum} and {@link dpMean}. */
export interface BoundedOptions extends NoiseSource {
  /** The privacy parameter ε > 0. */
  epsilon: number;
  /** The bounds every value is clipped to: `[lower, upper]`, public and chosen before looking at the data. */
  bounds: readonly [number, number];
}

function clipped(values: readonly number[], bounds: readonly [number, number], what: string): number[] {
  const [lower, upper] = bounds;
  if (!Number.isFinite(lower) || !Number.isFinite(upper) || !(lower <= upper)) {
    throw new RangeError(`invalid bounds: [${lower}, ${upper}] (must be finite with lower ≤ upper)`);
  }
  if (values.length === 0) throw new RangeError(`${what} needs at least one value, got none`);
  return values.map((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`${what}: value ${i + 1} is ${String(v)} (must be a finite number)`);
    }
    return Math.min(upper, Math.max(lower, v));
  });
}

/**
 * The sum of `values` clipped to `bounds`, with Laplace noise. As for {@link dpMean}, neighbouring data
 * sets differ in one person's value (n public, diffprivlib's `tools.sum`), so the clipped sum moves by at
 * most upper − lower, the sensitivity used.
 */
export function dpSum(values: readonly number[], options: BoundedOptions): NoisyRelease {
  const x = clipped(values, options.bounds, 'dpSum');
  const sensitivity = options.bounds[1] - options.bounds[0];
  return laplaceMechanism(
    x.reduce((s, v) => s + v, 0),
    { ...options, sensitivity },
  );
}

/**
 * The mean of `values` clipped to `bounds`, with Laplace noise. The number of values n is treated as
 * public (as diffprivlib's `tools.mean` does); replacing one person's value moves the clipped mean by at
 * most (upper − lower)/n, the sensitivity used. Unlike diffprivlib (which truncates the noisy mean to the
 * bounds) the result is not clamped, so it is an unbiased estimate of the clipped mean.
 */
export function dpMean(values: readonly number[], options: BoundedOptions): NoisyRelease {
  const x = clipped(values, options.bounds, 'dpMean');
  const sensitivity = (options.bounds[1] - options.bounds[0]) / x.length;
  return laplaceMechanism(x.reduce((s, v) => s + v, 0) / x.length, { ...options, sensitivity });
}
