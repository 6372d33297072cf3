/**
 * Sample quantiles as R's default, `quantile(x, type = 7)` (Hyndman & Fan, "Sample quantiles in
 * statistical packages", *The American Statistician* 50(4), 1996, definition 7): with the values
 * sorted, h = (n − 1)·p and Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), indices from 0. The same as
 * numpy's default `np.quantile(x, p)` (method 'linear').
 */

/** The type-7 quantile of values already sorted ascending (no missing values). NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The type-7 quantile of any finite numbers (sorted here; the input is not changed). */
export function quantile7(values: ArrayLike<number>, p: number): number {
  return quantileSorted(Float64Array.from(values).sort(), p);
}

/** The median (type 7, which for p = ½ is the usual median). */
export function median(values: ArrayLike<number>): number {
  return quantile7(values, 0.5);
}
