/**
 * The admissible parameter region of ETS models: the parameters for which the model is forecastable,
 * i.e. the discount matrix D = F − g·w′ has all eigenvalues inside the unit circle (Hyndman, Akram &
 * Archibald, "The admissible parameter space for exponential smoothing models", *Annals of the
 * Institute of Statistical Mathematics* 60(2), 2008; Hyndman et al. 2008, ch. 10).
 *
 * The easy inequalities are R's; for seasonal models R then requires every root of
 * zᵐ⁺¹ + (α+β−φ)zᵐ + (α+β−αφ)(zᵐ⁻¹ + … + z²) + (α+β−αφ+γ−1)z + φ(1−α−γ) to have modulus ≤ 1 + 1e-10.
 * R finds the roots (`cpolyroot`); here the Schur–Cohn recursion decides the same question without
 * computing them (Henrici, *Applied and Computational Complex Analysis* vol. 1, 1974, §6.8): scale z by
 * 1 + 1e-10, then test that all roots lie inside the unit circle. O(m²) and allocation-free.
 */

const ROOT_TOLERANCE = 1 + 1e-10;
const scratch = new Float64Array(64);
const reduced = new Float64Array(64);

/** What the caller estimates or fixes: decides which inequalities apply, as R's target function. */
export interface AdmissibleFlags {
  /** The model has a slope parameter β (estimated or given). */
  hasBeta: boolean;
  /** The model has a seasonal parameter γ (estimated or given). */
  hasGamma: boolean;
}

/** True when (α, β, γ, φ) lies in the admissible region for seasonal period m. */
export function isAdmissible(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  m: number,
  { hasBeta, hasGamma }: AdmissibleFlags,
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!hasGamma) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (hasBeta && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m <= 1) return true;
  if (!hasBeta) beta = 0;
  const d = 1 - 1 / phi - alpha;
  if (gamma < (d > 0 ? d : 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // Coefficients a[k] of z^k, k = 0 … m+1, of the characteristic polynomial, with z scaled.
  const degree = m + 1;
  const a = degree + 1 <= scratch.length ? scratch : new Float64Array(degree + 1);
  a[degree] = 1;
  a[degree - 1] = alpha + beta - phi;
  for (let k = 2; k <= m - 1; k++) a[k] = alpha + beta - alpha * phi;
  a[1] = alpha + beta - alpha * phi + gamma - 1;
  a[0] = phi * (1 - alpha - gamma);
  let scale = 1;
  for (let k = degree; k >= 0; k--) {
    a[k] *= scale; // coefficient of z^k in p(rz)/r^degree is a[k]·r^(k−degree)
    scale /= ROOT_TOLERANCE;
  }
  return allRootsInsideUnitCircle(a, degree);
}

/**
 * Schur–Cohn: p (degree d, leading coefficient a[d] ≠ 0) has all roots in |z| < 1 iff |a₀| < |a_d| and
 * the degree-(d−1) polynomial (a_d·p(z) − a₀·p*(z))/z has too, p* being p with reversed coefficients.
 * Overwrites `a`.
 */
export function allRootsInsideUnitCircle(a: Float64Array, degree: number): boolean {
  const c = degree + 1 <= reduced.length ? reduced : new Float64Array(degree + 1);
  for (let d = degree; d >= 1; d--) {
    const lead = a[d];
    if (!(Math.abs(a[0]) < Math.abs(lead))) return false;
    // Monic form: a[k]/lead; reduced coefficients c[k−1] = a[k] − a₀·a[d−k], leading 1 − a₀².
    const a0 = a[0] / lead;
    for (let k = 1; k <= d; k++) c[k - 1] = a[k] / lead - a0 * (a[d - k] / lead);
    for (let k = 0; k < d; k++) a[k] = c[k];
  }
  return true;
}
