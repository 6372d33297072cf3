/**
 * A/B tests: simulated traffic for two variants of a page, and the analyses that work on its counts or
 * on real ones.
 *
 * - {@link twoProportionTest}: the difference of two proportions (click-through or conversion) with the
 *   pooled z test and a Wald interval, as R's `prop.test(x, n, correct = FALSE)`, or the hybrid score
 *   interval (Newcombe, "Interval estimation for the difference between independent proportions",
 *   *Statistics in Medicine* 17, 1998, method 10, built from Wilson intervals).
 * - {@link welchTest}: the difference of two means (average order value) from summary statistics, with
 *   the Welch–Satterthwaite degrees of freedom, as R's `t.test(b, a)` (Welch, *Biometrika* 34, 1947).
 * - {@link sampleSizeTwoProportions}: visitors per arm to detect p1 vs p2, the normal approximation R's
 *   `power.prop.test` solves (Fleiss, Levin & Paik, *Statistical Methods for Rates and Proportions*,
 *   3rd ed., 2003, §4.2, without continuity correction).
 */
import { normalQuantile } from '../stats/normal-quantile.ts';
import { SeededRandom } from '../stats/random.ts';
import { studentTCdf, studentTQuantile } from '../stats/student-t.ts';

/** How visitors behave in one arm. */
export interface AbArm {
  /** Probability that an impression is clicked, in [0, 1]. */
  ctr: number;
  /** Probability that a click ends in an order, in [0, 1]. */
  conversion: number;
  /** Order values: drawn log-normal with this mean and standard deviation (> 0 and ≥ 0), so never negative. */
  orderValue: { mean: number; sd: number };
}

/** Options of {@link simulateAbTest}. */
export interface AbTestOptions {
  /** Number of visitors, each shown one impression, an integer ≥ 1. */
  visitors: number;
  armA: AbArm;
  armB: AbArm;
  /** Share of the visitors sent to B, in (0, 1). Default 0.5. */
  split?: number;
  /** Seed of the assignment and of every draw. Default 1. */
  seed?: number;
}

export const abTestDefaults = { split: 0.5, seed: 1 } as const;

/** What one arm observed: plain counts, ready for {@link twoProportionTest} and {@link welchTest}. */
export interface AbArmResult {
  impressions: number;
  clicks: number;
  orders: number;
  revenue: number;
  /** Mean and sample standard deviation of the order values (NaN with fewer than 1 or 2 orders). */
  orderValueMean: number;
  orderValueSd: number;
}

export interface AbTestResult {
  a: AbArmResult;
  b: AbArmResult;
}

/** Simulates `visitors` visits: each is assigned to B with probability `split`, then may click and order. */
export function simulateAbTest(options: AbTestOptions): AbTestResult {
  const { visitors } = options;
  if (!Number.isInteger(visitors) || visitors < 1) {
    throw new RangeError(`invalid visitors: ${visitors} (must be an integer ≥ 1)`);
  }
  const split = options.split ?? abTestDefaults.split;
  if (!(split > 0 && split < 1))
    throw new RangeError(`invalid split: ${split} (the share sent to B, in (0, 1))`);
  const seed = options.seed ?? abTestDefaults.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);
  const arms = [checkArm(options.armA, 'armA'), checkArm(options.armB, 'armB')];
  const rng = new SeededRandom(seed);
  const counts = arms.map(() => ({ impressions: 0, clicks: 0, orders: 0, revenue: 0, sum2: 0 }));
  for (let v = 0; v < visitors; v++) {
    const k = rng.uniform() < split ? 1 : 0;
    const arm = arms[k];
    const c = counts[k];
    c.impressions++;
    if (rng.uniform() >= arm.ctr) continue;
    c.clicks++;
    if (rng.uniform() >= arm.conversion) continue;
    c.orders++;
    const value = arm.sd === 0 ? arm.mean : Math.exp(rng.normal(arm.mu, arm.sigma));
    c.revenue += value;
    c.sum2 += value * value;
  }
  const [a, b] = counts.map(({ impressions, clicks, orders, revenue, sum2 }) => {
    const mean = orders > 0 ? revenue / orders : NaN;
    const sd = orders > 1 ? Math.sqrt(Math.max(0, (sum2 - orders * mean * mean) / (orders - 1))) : NaN;
    return { impressions, clicks, orders, revenue, orderValueMean: mean, orderValueSd: sd };
  });
  return { a, b };
}

function checkArm(
  arm: AbArm,
  name: string,
): { ctr: number; conversion: number; mean: number; sd: number; mu: number; sigma: number } {
  if (typeof arm !== 'object' || arm === null) {
    throw new TypeError(`${name} is missing: give { ctr, conversion, orderValue: { mean, sd } }`);
  }
  for (const key of ['ctr', 'conversion'] as const) {
    if (!(arm[key] >= 0 && arm[key] <= 1)) {
      throw new RangeError(`invalid ${name}.${key}: ${arm[key]} (a probability in [0, 1])`);
    }
  }
  const { mean, sd } = arm.orderValue ?? {};
  if (!(mean > 0 && Number.isFinite(mean))) {
    throw new RangeError(`invalid ${name}.orderValue.mean: ${mean} (must be a positive number)`);
  }
  if (!(sd >= 0 && Number.isFinite(sd))) {
    throw new RangeError(`invalid ${name}.orderValue.sd: ${sd} (must be a number ≥ 0)`);
  }
  // Log-normal with the given mean m and sd s: σ² = log(1 + s²/m²), μ = log m − σ²/2.
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return {
    ctr: arm.ctr,
    conversion: arm.conversion,
    mean,
    sd,
    mu: Math.log(mean) - sigma2 / 2,
    sigma: Math.sqrt(sigma2),
  };
}

/** Options of {@link twoProportionTest}. */
export interface TwoProportionOptions {
  /** Confidence level of the interval, in (0, 1). Default 0.95. */
  level?: number;
  /** `'wald'` (as `prop.test(correct = FALSE)`) or `'newcombe'` (hybrid Wilson score). Default `'wald'`. */
  interval?: 'wald' | 'newcombe';
}

export const twoProportionDefaults = { level: 0.95, interval: 'wald' } as const;

export interface TwoProportionTest {
  proportionA: number;
  proportionB: number;
  /** pB − pA. */
  difference: number;
  lower: number;
  upper: number;
  level: number;
  interval: 'wald' | 'newcombe';
  /** Pooled z statistic (z² is `prop.test`'s X-squared); NaN when both arms are all successes or all failures. */
  z: number;
  /** Two-sided p-value of H0: pA = pB. */
  pValue: number;
}

/** Compares successesA / nA with successesB / nB (e.g. clicks / impressions). */
export function twoProportionTest(
  successesA: number,
  nA: number,
  successesB: number,
  nB: number,
  options: TwoProportionOptions = {},
): TwoProportionTest {
  checkCount(successesA, nA, 'A');
  checkCount(successesB, nB, 'B');
  const level = checkLevel(options.level ?? twoProportionDefaults.level);
  const interval = options.interval ?? twoProportionDefaults.interval;
  if (interval !== 'wald' && interval !== 'newcombe') {
    throw new RangeError(`invalid interval: ${String(interval)} (must be 'wald' or 'newcombe')`);
  }
  const pA = successesA / nA;
  const pB = successesB / nB;
  const d = pB - pA;
  const q = normalQuantile(1 - (1 - level) / 2);
  let lower: number;
  let upper: number;
  if (interval === 'wald') {
    const se = Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
    lower = d - q * se;
    upper = d + q * se;
  } else {
    const [lA, uA] = wilson(pA, nA, q);
    const [lB, uB] = wilson(pB, nB, q);
    lower = d - Math.sqrt((pB - lB) ** 2 + (uA - pA) ** 2);
    upper = d + Math.sqrt((uB - pB) ** 2 + (pA - lA) ** 2);
  }
  const pooled = (successesA + successesB) / (nA + nB);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const z = sePooled > 0 ? d / sePooled : NaN;
  return {
    proportionA: pA,
    proportionB: pB,
    difference: d,
    lower,
    upper,
    level,
    interval,
    z,
    pValue: twoSided(z, Infinity),
  };
}

/** The Wilson score interval of one proportion (Wilson, *JASA* 22, 1927), as `prop.test(x, n, correct = FALSE)`. */
function wilson(p: number, n: number, q: number): [number, number] {
  const q2 = q * q;
  const centre = (p + q2 / (2 * n)) / (1 + q2 / n);
  const half = (q / (1 + q2 / n)) * Math.sqrt((p * (1 - p)) / n + q2 / (4 * n * n));
  return [centre - half, centre + half];
}

/** Options of {@link welchTest}. */
export interface WelchOptions {
  /** Confidence level of the interval, in (0, 1). Default 0.95. */
  level?: number;
}

export interface WelchTest {
  /** meanB − meanA. */
  difference: number;
  standardError: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  pValue: number;
  lower: number;
  upper: number;
  level: number;
}

/** Welch's two-sample t test of meanB − meanA from means, sample standard deviations and sizes. */
export function welchTest(
  meanA: number,
  sdA: number,
  nA: number,
  meanB: number,
  sdB: number,
  nB: number,
  options: WelchOptions = {},
): WelchTest {
  for (const [name, m, s, n] of [
    ['A', meanA, sdA, nA],
    ['B', meanB, sdB, nB],
  ] as const) {
    if (!Number.isFinite(m)) throw new RangeError(`invalid mean${name}: ${m} (must be a finite number)`);
    if (!(s >= 0 && Number.isFinite(s)))
      throw new RangeError(`invalid sd${name}: ${s} (must be a number ≥ 0)`);
    if (!Number.isInteger(n) || n < 2)
      throw new RangeError(`invalid n${name}: ${n} (an integer ≥ 2: a standard deviation needs two values)`);
  }
  if (sdA === 0 && sdB === 0)
    throw new RangeError('both standard deviations are 0: the t statistic is undefined');
  const level = checkLevel(options.level ?? 0.95);
  const vA = (sdA * sdA) / nA;
  const vB = (sdB * sdB) / nB;
  const se = Math.sqrt(vA + vB);
  const df = (vA + vB) ** 2 / ((vA * vA) / (nA - 1) + (vB * vB) / (nB - 1));
  const d = meanB - meanA;
  const t = d / se;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  return {
    difference: d,
    standardError: se,
    t,
    df,
    pValue: twoSided(t, df),
    lower: d - q * se,
    upper: d + q * se,
    level,
  };
}

/** Options of {@link sampleSizeTwoProportions}. */
export interface SampleSizeOptions {
  /** Two-sided significance level, in (0, 1). Default 0.05. */
  alpha?: number;
  /** Power to detect the difference, in (0, 1). Default 0.8. */
  power?: number;
}

export const sampleSizeDefaults = { alpha: 0.05, power: 0.8 } as const;

/**
 * Visitors per arm (not rounded: round up) for a two-sided test of p1 vs p2:
 * n = (z_{1−α/2}·√((p1+p2)(q1+q2)/2) + z_{power}·√(p1q1 + p2q2))² / (p1 − p2)², the equation R's
 * `power.prop.test(p1, p2, power)` solves with `uniroot` (`strict = FALSE`).
 */
export function sampleSizeTwoProportions(p1: number, p2: number, options: SampleSizeOptions = {}): number {
  for (const [name, p] of [
    ['p1', p1],
    ['p2', p2],
  ] as const) {
    if (!(p > 0 && p < 1)) throw new RangeError(`invalid ${name}: ${p} (a proportion in (0, 1))`);
  }
  if (p1 === p2) throw new RangeError(`p1 and p2 are both ${p1}: no sample size detects a zero difference`);
  const alpha = options.alpha ?? sampleSizeDefaults.alpha;
  const power = options.power ?? sampleSizeDefaults.power;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`invalid alpha: ${alpha} (must be in (0, 1))`);
  if (!(power > 0 && power < 1)) throw new RangeError(`invalid power: ${power} (must be in (0, 1))`);
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const q1 = 1 - p1;
  const q2 = 1 - p2;
  const root = za * Math.sqrt(((p1 + p2) * (q1 + q2)) / 2) + zb * Math.sqrt(p1 * q1 + p2 * q2);
  return (root * root) / ((p1 - p2) * (p1 - p2));
}

function checkCount(x: number, n: number, arm: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid n${arm}: ${n} (must be an integer ≥ 1)`);
  if (!Number.isInteger(x) || x < 0 || x > n) {
    throw new RangeError(`invalid successes${arm}: ${x} (must be an integer in 0…n${arm} = ${n})`);
  }
}

function checkLevel(level: number): number {
  if (!(level > 0 && level < 1))
    throw new RangeError(`invalid level: ${level} (a confidence level in (0, 1), e.g. 0.95)`);
  return level;
}

/** 2·P(T > |t|), from the lower tail so small p-values keep their digits. */
function twoSided(t: number, df: number): number {
  return Number.isNaN(t) ? NaN : 2 * studentTCdf(-Math.abs(t), df);
}
