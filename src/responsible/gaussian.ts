/**
 * The Gaussian mechanism: adding N(0, σ²) noise to a query of ℓ2-sensitivity Δ gives (ε, δ)-differential
 * privacy when σ is large enough. Two calibrations, as diffprivlib offers them:
 *
 * - `'analytic'` (default): the smallest σ that works, from Balle & Wang, "Improving the Gaussian
 *   mechanism for differential privacy: analytical calibration and optimal denoising", ICML 2018,
 *   Theorem 8: the mechanism is (ε, δ)-DP iff Φ(Δ/(2σ) − εσ/Δ) − e^ε Φ(−Δ/(2σ) − εσ/Δ) ≤ δ. The left
 *   side falls as σ grows, so σ is found by bisection. Valid for every ε > 0 (diffprivlib's
 *   `GaussianAnalytic`).
 * - `'classic'`: σ = √(2 ln(1.25/δ)) Δ/ε (Dwork & Roth 2014, Theorem A.1), proved only for ε < 1 (diffprivlib's
 *   `Gaussian`, which refuses ε > 1). Larger than the analytic σ, so noisier for the same guarantee.
 *
 * The analytic one is the default because it is never noisier and has no ε ≤ 1 restriction.
 */
import { regularizedGammaQ } from '../stats/incomplete-gamma.ts';
import {
  checkDelta,
  checkEpsilon,
  checkSensitivity,
  checkValue,
  noiseGenerator,
  type NoiseSource,
} from './privacy-checks.ts';
import type { NoisyRelease } from './laplace.ts';

/** How σ is derived from ε, δ and Δ. */
export type GaussianCalibration = 'analytic' | 'classic';

/** Options of {@link gaussianSigma}. */
export interface GaussianSigmaOptions {
  /** The privacy parameter ε > 0 (`'classic'`: ε ≤ 1). */
  epsilon: number;
  /** The privacy parameter δ in (0, 1). */
  delta: number;
  /** The query's ℓ2-sensitivity Δ ≥ 0. */
  sensitivity: number;
  /** Default `'analytic'`. */
  calibration?: GaussianCalibration;
}

/** Options of {@link gaussianMechanism}. */
export interface GaussianOptions extends GaussianSigmaOptions, NoiseSource {}

/** Φ(z), the standard normal CDF, with full relative accuracy in the lower tail (Φ(−z) = Q(½, z²/2)/2). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tail = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z < 0 ? tail : 1 - tail;
}

/** The δ the Gaussian mechanism with noise σ achieves at ε (Balle & Wang 2018, Theorem 8). */
export function gaussianDelta(sigma: number, epsilon: number, sensitivity: number): number {
  const a = sensitivity / (2 * sigma);
  const b = (epsilon * sigma) / sensitivity;
  return normalCdf(a - b) - Math.exp(epsilon) * normalCdf(-a - b);
}

/** The noise's standard deviation σ for (ε, δ)-DP at sensitivity Δ. */
export function gaussianSigma(options: GaussianSigmaOptions): number {
  const { epsilon, delta, sensitivity } = options;
  const calibration = options.calibration ?? 'analytic';
  checkEpsilon(epsilon);
  checkDelta(delta);
  checkSensitivity(sensitivity);
  if (calibration === 'classic') {
    if (epsilon > 1) {
      throw new RangeError(
        `invalid epsilon: ${epsilon} for calibration 'classic' (must be ≤ 1; use calibration 'analytic')`,
      );
    }
    return (Math.sqrt(2 * Math.log(1.25 / delta)) * sensitivity) / epsilon;
  }
  if (calibration !== 'analytic') {
    throw new RangeError(`invalid calibration: ${String(calibration)} (must be 'analytic' or 'classic')`);
  }
  if (sensitivity === 0) return 0;
  // Bracket σ in units of Δ, then bisect on log σ: δ(σ) falls from 1 (σ → 0) to 0 (σ → ∞).
  let lo = 1e-6;
  let hi = 1;
  while (gaussianDelta(hi * sensitivity, epsilon, sensitivity) > delta) hi *= 2;
  while (gaussianDelta(lo * sensitivity, epsilon, sensitivity) <= delta) lo /= 2;
  for (let i = 0; i < 200 && hi / lo - 1 > 1e-13; i++) {
    const mid = Math.sqrt(lo * hi);
    if (gaussianDelta(mid * sensitivity, epsilon, sensitivity) > delta) lo = mid;
    else hi = mid;
  }
  return hi * sensitivity; // the upper end always satisfies δ(σ) ≤ δ
}

/** `value` plus N(0, σ²) noise, σ from {@link gaussianSigma}. */
export function gaussianMechanism(value: number, options: GaussianOptions): NoisyRelease {
  checkValue(value, 'gaussianMechanism');
  const sigma = gaussianSigma(options);
  const noisy = value + noiseGenerator(options).normal(0, sigma);
  return {
    value: noisy,
    scale: sigma,
    variance: sigma * sigma,
    epsilon: options.epsilon,
    delta: options.delta,
  };
}
