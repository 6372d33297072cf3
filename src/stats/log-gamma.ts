/**
 * The natural logarithm of the gamma function, ln Γ(x) for x > 0, and its Stirling remainder.
 *
 * - x ≥ 10: Stirling's series, ln Γ(x) = (x − ½)·ln x − x + ½·ln 2π + δ(x), with the remainder
 *   δ(x) = Σ B₂ₖ / (2k(2k − 1)·x^{2k−1}) (Abramowitz & Stegun 6.1.40) summed to eight terms, which
 *   is below 1e-17 from x = 10 on. Keeping δ separate lets {@link logBeta} cancel the large terms
 *   exactly, as R's `lbeta` does with its `lgammacor`.
 * - 0.5 ≤ x < 10: the Lanczos (1964) approximation with g = 7 and nine coefficients (Godfrey's set,
 *   as in Press et al., *Numerical Recipes*, 3rd ed., §6.1), relative accuracy about 1e-15.
 * - x < 0.5: the recurrence Γ(x) = Γ(x + 1)/x.
 */

const lanczosG = 7;
const lanczos = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];
/** B₂ₖ / (2k(2k − 1)) for k = 1…8. */
const stirling = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];
/** ½·ln 2π. */
export const halfLog2Pi = 0.9189385332046728;

/** The Stirling remainder δ(x) = ln Γ(x) − ((x − ½)·ln x − x + ½·ln 2π), for x ≥ 10. */
export function stirlingRemainder(x: number): number {
  const x2 = 1 / (x * x);
  let sum = stirling[7];
  for (let k = 6; k >= 0; k--) sum = sum * x2 + stirling[k];
  return sum / x;
}

/** ln Γ(x) for x > 0; `NaN` for x ≤ 0 or NaN, `Infinity` for x = +∞. */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  // Γ(1) = Γ(2) = 1 exactly; the approximation would give ±1e-16.
  if (x === 1 || x === 2) return 0;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + halfLog2Pi + stirlingRemainder(x);
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const z = x - 1;
  let sum = lanczos[0];
  for (let i = 1; i < lanczos.length; i++) sum += lanczos[i] / (z + i);
  const t = z + lanczosG + 0.5;
  return halfLog2Pi + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
