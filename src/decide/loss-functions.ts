/**
 * Loss functions of the normal and Poisson distributions, the exact building blocks of the inventory
 * formulas (Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed., §C.3 and ch. 4–5):
 *
 * - first-order loss n(x) = E[(D − x)⁺] (expected units short when stocking x) and its complement
 *   n̄(x) = E[(x − D)⁺] = x − μ + n(x) (expected units left over);
 * - second-order loss n²(x) = ∫ₓ^∞ n(y) dy (continuous) or Σ_{y > x} n(y) (discrete), which sums the
 *   newsvendor cost over the inventory positions an (r, Q) cycle visits.
 *
 * Normal: n(x) = σ·L(z) with the standard normal loss L(z) = φ(z) − z(1 − Φ(z)), and
 * n²(x) = σ²·½[(z² + 1)(1 − Φ(z)) − zφ(z)] (Snyder & Shen eq. (C.22), (C.29)).
 * Poisson: n(x) = (μ − x)(1 − F(x)) + μf(x) and n²(x) = ½[((x − μ)² + x)(1 − F(x)) − μ(x − μ)f(x)]
 * (Snyder & Shen eq. (C.38), (C.40)), with F computed from the regularised incomplete gamma.
 */
import { studentTCdf } from '../stats/student-t.ts';
import { regularizedGammaQ } from '../stats/incomplete-gamma.ts';
import { logGamma } from '../stats/log-gamma.ts';

/** The standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** The standard normal distribution function Φ(z), as R's `pnorm(z)` (the t distribution's normal limit). */
export function normalCdf(z: number): number {
  return studentTCdf(z, Infinity);
}

/** Φ̄(z) = 1 − Φ(z), computed directly so the upper tail keeps its digits. */
function normalUpper(z: number): number {
  return normalCdf(-z);
}

/** The standard normal loss function L(z) = E[(Z − z)⁺] = φ(z) − z·(1 − Φ(z)). */
export function standardNormalLoss(z: number): number {
  return normalPdf(z) - z * normalUpper(z);
}

/** The standard normal second-order loss L²(z) = ∫_z^∞ L(t) dt = ½[(z² + 1)(1 − Φ(z)) − zφ(z)]. */
export function standardNormalSecondLoss(z: number): number {
  return 0.5 * ((z * z + 1) * normalUpper(z) - z * normalPdf(z));
}

/** E[(D − x)⁺] for D ~ N(mean, sd²); sd = 0 gives the point mass (mean − x)⁺. */
export function normalLoss(x: number, mean: number, sd: number): number {
  if (sd === 0) return Math.max(mean - x, 0);
  return sd * standardNormalLoss((x - mean) / sd);
}

/** ∫ₓ^∞ E[(D − y)⁺] dy for D ~ N(mean, sd²). */
export function normalSecondLoss(x: number, mean: number, sd: number): number {
  if (sd === 0) return 0.5 * Math.max(mean - x, 0) ** 2;
  return sd * sd * standardNormalSecondLoss((x - mean) / sd);
}

/** P(D = k) for D ~ Poisson(mean), k an integer. */
export function poissonPmf(k: number, mean: number): number {
  if (k < 0 || !Number.isInteger(k)) return 0;
  if (mean === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mean) - mean - logGamma(k + 1));
}

/** P(D ≤ k) for D ~ Poisson(mean), as R's `ppois(k, mean)`: Q(k + 1, mean) (Abramowitz & Stegun 26.4.21). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  const j = Math.floor(k);
  if (mean === 0) return 1;
  return regularizedGammaQ(j + 1, mean);
}

/** E[(D − x)⁺] for D ~ Poisson(mean) and an integer x. */
export function poissonLoss(x: number, mean: number): number {
  if (x < 0) return mean - x;
  return (mean - x) * (1 - poissonCdf(x, mean)) + mean * poissonPmf(x, mean);
}

/** ½·E[(D − x)(D − x − 1) · 1{D > x}] = Σ_{y > x} E[(D − y)⁺] for D ~ Poisson(mean) and an integer x ≥ 0. */
export function poissonSecondLoss(x: number, mean: number): number {
  if (x < 0) {
    // Below zero D − x > 0 always: ½·E[(D − x)(D − x − 1)] = ½[(μ − x)² + μ − (μ − x)].
    const m = mean - x;
    return 0.5 * (m * m + mean - m);
  }
  const d = x - mean;
  return 0.5 * ((d * d + x) * (1 - poissonCdf(x, mean)) - mean * d * poissonPmf(x, mean));
}
