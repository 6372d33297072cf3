/**
 * Two outlier rules on a column of numbers, as `profile` reports them.
 *
 * - IQR (Tukey's fences, Tukey, *Exploratory Data Analysis*, 1977): a value is an outlier when it lies
 *   below Q1 − k·IQR or above Q3 + k·IQR, IQR = Q3 − Q1, with k = 1.5 and the quartiles as R's
 *   `quantile(x, type = 7)` — so the fences are what `boxplot.stats` would give only up to R's use of
 *   hinges there; here they are the type-7 quartiles, stated.
 * - MAD (Iglewicz & Hoaglin, *How to Detect and Handle Outliers*, 1993; Leys et al., "Detecting
 *   outliers: Do not use standard deviation around the mean, use absolute deviation around the
 *   median", *J. Exp. Soc. Psych.* 49(4), 2013): the robust score |x − median| / (1.4826·MAD), where
 *   MAD = median |x − median| and 1.4826 = 1/Φ⁻¹(¾) makes 1.4826·MAD estimate σ for normal data (R's
 *   `mad(x)`). A value is an outlier when its score exceeds the threshold: 3.5 by default, Iglewicz &
 *   Hoaglin's cut-off for their modified z-score (the same score); Leys et al. suggest 2.5 as a
 *   moderately conservative choice and 3 as a very conservative one. When MAD is 0 (more than half the
 *   values equal), the score is undefined and the rule reports nothing (`scale: 0`).
 */
import { quantileSorted } from './quantile.ts';

/** The consistency constant of the MAD for normal data, 1/Φ⁻¹(0.75), as R's `mad(constant = 1.4826)`. */
export const madConstant = 1.4826;

/** What one rule found. `rows` are positions in the values given (row numbers in `profile`). */
export interface OutlierRule {
  /** Values below this are outliers (null when the rule could not be applied). */
  lower: number | null;
  /** Values above this are outliers (null when the rule could not be applied). */
  upper: number | null;
  /** How many values are outside the fences. */
  count: number;
  /** Their positions, ascending. */
  rows: number[];
}

/** The IQR rule's result, with the quartiles it used. */
export interface IqrOutliers extends OutlierRule {
  q1: number;
  q3: number;
  /** The multiplier k of the IQR. */
  k: number;
}

/** The MAD rule's result, with the centre and scale it used. */
export interface MadOutliers extends OutlierRule {
  median: number;
  /** The raw median absolute deviation (R's `mad(x, constant = 1)`). */
  mad: number;
  /** 1.4826·MAD, the robust estimate of σ (R's `mad(x)`); 0 means the rule could not be applied. */
  scale: number;
  threshold: number;
}

function finiteSorted(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}

/** Tukey's fences with type-7 quartiles; non-finite values are ignored. `k` defaults to 1.5. */
export function iqrOutliers(values: ArrayLike<number>, k = 1.5): IqrOutliers {
  if (!(Number.isFinite(k) && k >= 0))
    throw new RangeError(`iqrOutliers: k must be a finite number ≥ 0, got ${k}`);
  const sorted = finiteSorted(values);
  if (sorted.length === 0) return { lower: null, upper: null, count: 0, rows: [], q1: NaN, q3: NaN, k };
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const lower = q1 - k * (q3 - q1);
  const upper = q3 + k * (q3 - q1);
  const rows = outside(values, lower, upper);
  return { lower, upper, count: rows.length, rows, q1, q3, k };
}

/** The MAD rule; non-finite values are ignored. `threshold` defaults to 3.5 (Iglewicz & Hoaglin). */
export function madOutliers(values: ArrayLike<number>, threshold = 3.5): MadOutliers {
  if (!(Number.isFinite(threshold) && threshold > 0)) {
    throw new RangeError(`madOutliers: threshold must be a finite number > 0, got ${threshold}`);
  }
  const sorted = finiteSorted(values);
  if (sorted.length === 0)
    return { lower: null, upper: null, count: 0, rows: [], median: NaN, mad: NaN, scale: 0, threshold };
  const med = quantileSorted(sorted, 0.5);
  const dev = sorted.map((x) => Math.abs(x - med)).sort();
  const mad = quantileSorted(dev, 0.5);
  const scale = madConstant * mad;
  if (scale === 0)
    return { lower: null, upper: null, count: 0, rows: [], median: med, mad, scale, threshold };
  const lower = med - threshold * scale;
  const upper = med + threshold * scale;
  const rows = outside(values, lower, upper);
  return { lower, upper, count: rows.length, rows, median: med, mad, scale, threshold };
}

function outside(values: ArrayLike<number>, lower: number, upper: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x) && (x < lower || x > upper)) rows.push(i);
  }
  return rows;
}
