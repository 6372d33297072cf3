/**
 * The stationarity and invertibility rules of R's `stats::arima`: an AR polynomial is accepted when
 * every root of 1 − φ₁z − … − φ_pzᵖ lies outside the unit circle (`arCheck`), and a non-invertible MA
 * polynomial 1 + θ₁z + … + θ_qz^q is replaced by the invertible one with the same autocovariances,
 * each root inside the unit circle replaced by its reciprocal (`maInvert`; Brockwell & Davis,
 * *Time Series: Theory and Methods*, 2nd ed., 1991, §4.4).
 */
import { modulus, polynomialRoots, type Complex } from './arima-roots.ts';

/** Whether the AR polynomial 1 − Σ arᵢ zⁱ has all its roots outside the unit circle (R's `arCheck`). */
export function arStationary(ar: readonly number[]): boolean {
  let p = ar.length;
  while (p > 0 && ar[p - 1] === 0) p--;
  if (p === 0) return true;
  return polynomialRoots([1, ...ar.slice(0, p).map((a) => -a)]).every((z) => modulus(z) > 1);
}

/**
 * The invertible MA polynomial with the same autocovariances as 1 + Σ maᵢ zⁱ (R's `maInvert`): each
 * root z inside the unit circle is replaced by 1/z (conjugate pairs stay pairs) and the coefficients
 * are rebuilt from the roots. Returns a copy of `ma` when it is already invertible.
 */
export function maInvert(ma: readonly number[]): number[] {
  const q = ma.length;
  let q0 = q;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  if (q0 === 0) return [...ma];
  const roots = polynomialRoots([1, ...ma.slice(0, q0)]);
  if (roots.every((z) => modulus(z) >= 1)) return [...ma];
  if (q0 === 1) return [1 / ma[0], ...new Array<number>(q - 1).fill(0)];
  const flipped = roots.map(([re, im]): Complex => {
    if (Math.hypot(re, im) >= 1) return [re, im];
    const d = re * re + im * im;
    return [re / d, -im / d];
  });
  // x(z) = Π (1 − z/r_k), built one factor at a time: x ← (x, 0) − (0, x)/r.
  let xr = [1];
  let xi = [0];
  for (const [rr, ri] of flipped) {
    const d = rr * rr + ri * ri;
    // 1/r = conj(r)/|r|²
    const ir = rr / d;
    const ii = -ri / d;
    const nr = [...xr, 0];
    const ni = [...xi, 0];
    for (let k = 0; k < xr.length; k++) {
      nr[k + 1] -= xr[k] * ir - xi[k] * ii;
      ni[k + 1] -= xr[k] * ii + xi[k] * ir;
    }
    xr = nr;
    xi = ni;
  }
  return [...xr.slice(1), ...new Array<number>(q - q0).fill(0)];
}
