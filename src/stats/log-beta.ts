/**
 * The logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
 *
 * Subtracting three log-gammas loses digits when a or b is large (ln Γ(60) ≈ 180), so, as R's
 * `lbeta` (after Morris, TOMS 708), the large terms are cancelled analytically and only the small
 * Stirling remainders are subtracted:
 * - p = min(a, b) ≥ 10: ln B = −½·ln q + ½·ln 2π + δ(p) + δ(q) − δ(p + q) + (p − ½)·ln(p/(p + q)) + q·ln(1 − p/(p + q));
 * - only q = max(a, b) ≥ 10: ln B = ln Γ(p) + δ(q) − δ(p + q) + p − p·ln(p + q) + (q − ½)·ln(1 − p/(p + q));
 * - otherwise the three log-gammas directly.
 */
import { halfLog2Pi, logGamma, stirlingRemainder } from './log-gamma.ts';

/** ln B(a, b) for a, b > 0. */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (!(p > 0)) return NaN;
  if (p >= 10) {
    const correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return (
      -0.5 * Math.log(q) +
      halfLog2Pi +
      correction +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const correction = stirlingRemainder(q) - stirlingRemainder(p + q);
    return logGamma(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}
