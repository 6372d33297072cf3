/**
 * Permutation importance for a classifier (Breiman, "Random forests", *Machine Learning* 45, 2001,
 * §10; as scikit-learn's `inspection.permutation_importance` with a score such as
 * `average_precision`): how much a ranking metric drops on held-out rows when one feature's column is
 * shuffled, which breaks the feature's link with the label but keeps its distribution. The forecasting
 * version in `dplab/forecast` measures a rise in squared error for one prediction at a time; this one
 * scores all rows at once (a classifier's metrics, such as average precision, are about the ranking of
 * the whole set) and takes the metric as an argument, e.g. `averagePrecision` from `dplab/classify`.
 */
import { SeededRandom } from '../stats/random.ts';

/** Input of {@link permutationImportance}. */
export interface PermutationImportanceInput {
  /** Scores for a set of rows (higher: more likely positive), e.g. `(X) => predictLogistic(fit, X)`. */
  score: (rows: readonly (readonly number[])[]) => readonly number[];
  /** Held-out rows, one array of features each. */
  rows: readonly (readonly number[])[];
  /** The true labels (0 or 1), one per row. */
  labels: readonly number[];
  /** One name per feature column. */
  names: readonly string[];
  /** The metric, higher is better, e.g. `averagePrecision(labels, scores)`. */
  metric: (labels: readonly number[], scores: readonly number[]) => number;
  /** Shuffles per feature (default 5). */
  repeats?: number;
  /** Seed of the shuffles (default 1). */
  seed?: number;
}

/** One feature's importance. */
export interface ClassifierImportance {
  feature: string;
  /** The metric on the unshuffled rows (the same for every feature). */
  baseline: number;
  /** Mean drop of the metric over the repeats (≈ 0 or < 0: the model does not rely on it here). */
  drop: number;
  /** Standard deviation of the drop over the repeats (population, as scikit-learn's `importances_std`). */
  sd: number;
}

/** The importance of each column of `rows`, in the order of `names`; see the module comment. */
export function permutationImportance(input: PermutationImportanceInput): ClassifierImportance[] {
  const { score, rows, labels, names, metric, repeats = 5, seed = 1 } = input;
  if (typeof score !== 'function' || typeof metric !== 'function')
    throw new TypeError('permutationImportance: score and metric must be functions');
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new RangeError(`permutationImportance: repeats must be a whole number ≥ 1, got ${repeats}`);
  if (!Array.isArray(rows) || rows.length < 2)
    throw new RangeError('permutationImportance: needs at least 2 rows');
  if (labels.length !== rows.length)
    throw new RangeError(`permutationImportance: ${rows.length} rows but ${labels.length} labels`);
  const p = rows[0]!.length;
  if (names.length !== p)
    throw new RangeError(`permutationImportance: ${names.length} names for ${p} feature columns`);
  rows.forEach((r, i) => {
    if (r.length !== p)
      throw new RangeError(`permutationImportance: row ${i} has ${r.length} features, row 0 has ${p}`);
  });
  const random = new SeededRandom(seed);
  const measure = (data: readonly (readonly number[])[]) => {
    const s = score(data);
    if (s.length !== data.length)
      throw new RangeError(
        `permutationImportance: score returned ${s.length} scores for ${data.length} rows`,
      );
    return metric(labels, s);
  };
  const baseline = measure(rows);
  const copy = rows.map((r) => [...r]);
  const order = rows.map((_, i) => i);
  return names.map((feature, f) => {
    const drops: number[] = [];
    for (let k = 0; k < repeats; k++) {
      // Fisher–Yates shuffle of the row order, applied to column f only.
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random.uniform() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (let r = 0; r < rows.length; r++) copy[r]![f] = rows[order[r]!]![f]!;
      drops.push(baseline - measure(copy));
    }
    for (let r = 0; r < rows.length; r++) copy[r]![f] = rows[r]![f]!;
    const drop = drops.reduce((a, b) => a + b, 0) / repeats;
    const sd = Math.sqrt(drops.reduce((a, b) => a + (b - drop) ** 2, 0) / repeats);
    return { feature, baseline, drop, sd };
  });
}
