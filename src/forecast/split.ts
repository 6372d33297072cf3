/**
 * A train/test split in time order: the last observations are the test set, never a random sample,
 * so the model is judged on the future it did not see (Hyndman & Athanasopoulos, *Forecasting:
 * Principles and Practice*, 3rd ed., §5.8).
 */

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /**
   * Size of the test set: a whole number of observations (≥ 1), or a fraction in (0, 1) of the
   * series, rounded up (as scikit-learn's `test_size`). Either way at least one observation is left
   * to train on. Required.
   */
  test: number;
}

/** The two parts, in time order: `train` is `values[0 … n−k−1]`, `test` is `values[n−k … n−1]`. */
export interface TrainTestSplit {
  train: number[];
  test: number[];
}

/** Splits `values` into the first n − k and the last k observations. */
export function trainTestSplit(values: ArrayLike<number>, options: TrainTestSplitOptions): TrainTestSplit {
  const y = Array.from(values);
  const n = y.length;
  const size = options?.test;
  if (!(size > 0) || (size >= 1 && !Number.isInteger(size))) {
    throw new RangeError(`invalid test size: ${size} (a count ≥ 1, or a fraction between 0 and 1)`);
  }
  const k = size < 1 ? Math.ceil(size * n) : size;
  if (k >= n) {
    throw new RangeError(
      `test size ${k} leaves nothing to train on (the series has ${n} observation${n === 1 ? '' : 's'})`,
    );
  }
  return { train: y.slice(0, n - k), test: y.slice(n - k) };
}
