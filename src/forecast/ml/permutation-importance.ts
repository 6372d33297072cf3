/**
 * Permutation importance (Breiman, "Random forests", *Machine Learning* 45, 2001, §10; as
 * scikit-learn's `inspection.permutation_importance` with the mean squared error): how much worse a
 * fitted model predicts held-out rows when one feature's column is shuffled, which breaks its link
 * with the target and keeps its distribution. Measured on rows the model did not learn from (the
 * time-ordered validation tail), so a feature a tree memorised but that does not generalise scores ~0.
 */
import { SeededRandom } from '../../stats/random.ts';

/** One feature's importance. */
export interface FeatureImportance {
  feature: string;
  /** Mean increase of the MSE over the repeats (≤ 0: the feature does not help on these rows). */
  increase: number;
  /** Standard deviation of the increase over the repeats. */
  sd: number;
}

/**
 * The importance of each column of `rows` for `predict`, with `repeats` shuffles a feature drawn
 * from a generator seeded with `seed`. Results are in the order of `names`.
 */
export function permutationImportance(
  predict: (row: readonly number[]) => number,
  rows: readonly (readonly number[])[],
  target: readonly number[],
  names: readonly string[],
  { repeats = 5, seed = 1 }: { repeats?: number; seed?: number } = {},
): FeatureImportance[] {
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new RangeError(`invalid importance repeats: ${repeats} (must be a whole number ≥ 1)`);
  if (rows.length < 2) throw new RangeError('permutation importance needs at least 2 rows');
  const random = new SeededRandom(seed);
  const mse = (data: readonly (readonly number[])[]) => {
    let s = 0;
    for (let r = 0; r < data.length; r++) {
      const e = target[r] - predict(data[r]);
      s += e * e;
    }
    return s / data.length;
  };
  const baseline = mse(rows);
  const copy = rows.map((r) => [...r]);
  const order = rows.map((_, r) => r);
  return names.map((feature, f) => {
    const increases: number[] = [];
    for (let k = 0; k < repeats; k++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random.uniform() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (let r = 0; r < rows.length; r++) copy[r][f] = rows[order[r]][f];
      increases.push(mse(copy) - baseline);
    }
    for (let r = 0; r < rows.length; r++) copy[r][f] = rows[r][f];
    const increase = increases.reduce((a, b) => a + b, 0) / repeats;
    const sd = Math.sqrt(increases.reduce((a, b) => a + (b - increase) ** 2, 0) / repeats);
    return { feature, increase, sd };
  });
}
