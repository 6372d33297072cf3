/**
 * Student's t distribution: the distribution function (R's `pt`) and quantile function (R's `qt`).
 *
 * The tail probability is P(T > t) = ½·I_x(ν/2, ½) with x = ν/(ν + t²) (Abramowitz & Stegun 26.7.1,
 * 26.5.27), with 1 − x = t²/(ν + t²) passed exactly so that neither tail loses digits to
 * subtraction. The quantile solves
 * P(T > t) = p by Newton's method on the density, safeguarded by bisection, from the Cornish–Fisher
 * start of Hill (1970, *Comm. ACM* 13, Algorithm 396); ν = 1 (Cauchy) has the closed form −cot(πp).
 */
import { logBeta } from './log-beta.ts';
import { normalQuantile } from './normal-quantile.ts';
import { regularizedBeta } from './incomplete-beta.ts';
import { regularizedGammaQ } from './incomplete-gamma.ts';

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`invalid degrees of freedom: ${df} (must be a positive number)`);
}

/** P(T > t) for t ≥ 0. */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

function density(t: number, df: number): number {
  // Γ((ν+1)/2) / (Γ(ν/2)·√(νπ)) = 1 / (B(ν/2, ½)·√ν), since Γ(½) = √π.
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** P(T ≤ t) for T ~ t(df), as R's `pt(t, df)`. */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) {
    // The normal limit: P(Z > |t|) = ½·Q(½, t²/2) (A&S 7.1.2, 6.5.17).
    const tailZ = 0.5 * regularizedGammaQ(0.5, (t * t) / 2);
    return t >= 0 ? 1 - tailZ : tailZ;
  }
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/** t such that P(T ≤ t) = p for T ~ t(df), as R's `qt(p, df)`. Confirmed in R: `qt(0.975, 10)` → 2.228139. */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // Cauchy: qt(p, 1) = −cot(πp), written with the smaller of p and 1 − p to keep its digits.
  if (df === 1) return p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p));
  const tail = Math.min(p, 1 - p);
  const sign = p < 0.5 ? -1 : 1;
  return sign * solveUpperTail(tail, df);
}

/** The t > 0 with P(T > t) = tail (0 < tail < ½). */
function solveUpperTail(tail: number, df: number): number {
  const z = -normalQuantile(tail);
  const z2 = z * z;
  // Cornish–Fisher expansion of the t quantile in powers of 1/ν (A&S 26.7.5), the usual Newton start.
  let t =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * ((5 * z2 + 16) * z2 + 3)) / (96 * df * df) +
    (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / (384 * df * df * df);
  if (!(t > 0) || !Number.isFinite(t)) t = 1;
  // Bracket the root: upperTail decreases from ½ at 0 to 0 at ∞.
  let lo = 0;
  let hi = t;
  while (upperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200; i++) {
    const g = upperTail(t, df) - tail;
    if (g === 0) return t;
    if (g > 0) lo = t;
    else hi = t;
    let next = t + g / density(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.abs(t)) return next;
    t = next;
  }
  return t;
}
