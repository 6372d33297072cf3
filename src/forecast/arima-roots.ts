/**
 * Complex roots of a real polynomial, for the stationarity and invertibility checks of ARIMA models
 * (the job of R's `polyroot`, which uses Jenkins–Traub). This uses the Aberth–Ehrlich simultaneous
 * iteration (Aberth, "Iteration methods for finding all zeros of a polynomial simultaneously",
 * *Math. Comp.* 27, 1973) from points on a circle of the Cauchy bound's radius, then a Newton
 * polish; the degrees met here (a few, up to ~50 for expanded seasonal polynomials) converge in a
 * few dozen sweeps.
 */

/** A complex number as [re, im]. */
export type Complex = [number, number];

/**
 * Roots of c[0] + c[1]·z + … + c[n]·zⁿ (increasing powers, as R's `polyroot`). Trailing zero
 * coefficients are dropped first; a constant polynomial has no roots.
 */
export function polynomialRoots(coefficients: readonly number[]): Complex[] {
  let n = coefficients.length - 1;
  while (n > 0 && coefficients[n] === 0) n--;
  if (n < 1) return [];
  // Zero roots first (leading zero coefficients), then the rest of the polynomial.
  let z0 = 0;
  while (z0 < n && coefficients[z0] === 0) z0++;
  const c = coefficients.slice(z0, n + 1).map((v) => v / coefficients[n]);
  const deg = n - z0;
  const roots: Complex[] = Array.from({ length: z0 }, (): Complex => [0, 0]);
  if (deg === 0) return roots;
  if (deg === 1) return [...roots, [-c[0], 0]];
  // Cauchy's bound: every root has |z| ≤ 1 + max |c_i| (monic).
  let radius = 0;
  for (let i = 0; i < deg; i++) radius = Math.max(radius, Math.abs(c[i]));
  // A smaller starting radius from the geometric mean of the roots' moduli converges faster.
  const start = Math.min(1 + radius, Math.pow(Math.abs(c[0]), 1 / deg) || 1);
  const re = new Float64Array(deg);
  const im = new Float64Array(deg);
  for (let k = 0; k < deg; k++) {
    const angle = (2 * Math.PI * k) / deg + 0.4;
    re[k] = start * Math.cos(angle);
    im[k] = start * Math.sin(angle);
  }
  for (let sweep = 0; sweep < 500; sweep++) {
    let moved = 0;
    for (let k = 0; k < deg; k++) {
      const [pr, pi, dr, di] = evaluate(c, deg, re[k], im[k]);
      // ratio = p/p'
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      const rr = (pr * dr + pi * di) / dd;
      const ri = (pi * dr - pr * di) / dd;
      // sum = Σ_{j≠k} 1/(z_k − z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < deg; j++) {
        if (j === k) continue;
        const xr = re[k] - re[j];
        const xi = im[k] - im[j];
        const xx = xr * xr + xi * xi;
        if (xx === 0) continue;
        sr += xr / xx;
        si -= xi / xx;
      }
      // w = ratio / (1 − ratio·sum)
      const denr = 1 - (rr * sr - ri * si);
      const deni = -(rr * si + ri * sr);
      const den = denr * denr + deni * deni;
      const wr = den === 0 ? rr : (rr * denr + ri * deni) / den;
      const wi = den === 0 ? ri : (ri * denr - rr * deni) / den;
      re[k] -= wr;
      im[k] -= wi;
      moved = Math.max(moved, Math.hypot(wr, wi) / Math.max(1, Math.hypot(re[k], im[k])));
    }
    if (moved < 1e-15) break;
  }
  for (let k = 0; k < deg; k++) {
    // Newton polish on the original (monic) polynomial.
    for (let it = 0; it < 3; it++) {
      const [pr, pi, dr, di] = evaluate(c, deg, re[k], im[k]);
      const dd = dr * dr + di * di;
      if (dd === 0) break;
      re[k] -= (pr * dr + pi * di) / dd;
      im[k] -= (pi * dr - pr * di) / dd;
    }
    roots.push([re[k], Math.abs(im[k]) < 1e-14 * Math.max(1, Math.abs(re[k])) ? 0 : im[k]]);
  }
  return roots;
}

/** p(z) and p′(z) of the monic polynomial c (degree deg, c[deg] = 1) by Horner's rule. */
function evaluate(
  c: readonly number[],
  deg: number,
  zr: number,
  zi: number,
): [number, number, number, number] {
  let pr = c[deg];
  let pi = 0;
  let dr = 0;
  let di = 0;
  for (let i = deg - 1; i >= 0; i--) {
    const ndr = dr * zr - di * zi + pr;
    const ndi = dr * zi + di * zr + pi;
    dr = ndr;
    di = ndi;
    const npr = pr * zr - pi * zi + c[i];
    const npi = pr * zi + pi * zr;
    pr = npr;
    pi = npi;
  }
  return [pr, pi, dr, di];
}

/** |z| of a complex number. */
export function modulus([re, im]: Complex): number {
  return Math.hypot(re, im);
}
