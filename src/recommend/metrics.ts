/**
 * Accuracy of one recommendation list against the items the user really had in the test period
 * (binary relevance), and of predicted ratings. Definitions follow Manning, Raghavan & Schütze,
 * *Introduction to Information Retrieval*, 2008, ch. 8, and for NDCG Järvelin & Kekäläinen, "Cumulated
 * gain-based evaluation of IR techniques", *ACM TOIS* 20(4), 2002, with the log2(rank + 1) discount of
 * scikit-learn's `ndcg_score`. Only the first k recommendations count.
 *
 * Lists are arrays of item ids (or indices), best first, without repeats; `relevant` is the user's test
 * items. A user with no relevant item has no recall, NDCG, AP or reciprocal rank: those return NaN
 * (leave such users out, as `evaluate` does).
 */

type Relevant<T> = ReadonlySet<T> | readonly T[];

/** Share of the first k recommendations that are relevant (the denominator is k even for shorter lists). */
export function precisionAtK<T>(recommended: readonly T[], relevant: Relevant<T>, k: number): number {
  return hits(recommended, toSet(relevant), k).length / checkK(k);
}

/** Share of the relevant items found in the first k recommendations. */
export function recallAtK<T>(recommended: readonly T[], relevant: Relevant<T>, k: number): number {
  const rel = toSet(relevant);
  return rel.size === 0 ? NaN : hits(recommended, rel, k).length / rel.size;
}

/** 1 when at least one of the first k recommendations is relevant, else 0. */
export function hitRateAtK<T>(recommended: readonly T[], relevant: Relevant<T>, k: number): number {
  return hits(recommended, toSet(relevant), k).length > 0 ? 1 : 0;
}

/**
 * Normalised discounted cumulative gain: DCG@k = Σ rel_r / log2(r + 1) over ranks r = 1…k, divided by
 * the DCG of the ideal list (all relevant items first), Σ_{r ≤ min(k, |relevant|)} 1 / log2(r + 1).
 */
export function ndcgAtK<T>(recommended: readonly T[], relevant: Relevant<T>, k: number): number {
  const rel = toSet(relevant);
  if (rel.size === 0) return NaN;
  let dcg = 0;
  for (const r of hits(recommended, rel, k)) dcg += 1 / Math.log2(r + 2);
  let ideal = 0;
  for (let r = 0; r < Math.min(k, rel.size); r++) ideal += 1 / Math.log2(r + 2);
  return dcg / ideal;
}

/**
 * Average precision at k: Σ precision@r over the ranks r ≤ k holding a relevant item, divided by
 * min(k, |relevant|) (the `apk` of Hamner's ml_metrics, used by Kaggle); its mean over users is MAP@k.
 */
export function averagePrecisionAtK<T>(recommended: readonly T[], relevant: Relevant<T>, k: number): number {
  const rel = toSet(relevant);
  if (rel.size === 0) return NaN;
  let sum = 0;
  hits(recommended, rel, k).forEach((r, h) => (sum += (h + 1) / (r + 1)));
  return sum / Math.min(k, rel.size);
}

/** 1 / rank of the first relevant item among the first k (default: the whole list), 0 when none; its mean is MRR. */
export function reciprocalRank<T>(
  recommended: readonly T[],
  relevant: Relevant<T>,
  k = recommended.length,
): number {
  const rel = toSet(relevant);
  if (rel.size === 0) return NaN;
  const first = hits(recommended, rel, Math.max(1, k))[0];
  return first === undefined ? 0 : 1 / (first + 1);
}

/** Root mean squared error of predicted against actual ratings. */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const e = errors(actual, predicted);
  return Math.sqrt(e.reduce((s, d) => s + d * d, 0) / e.length);
}

/** Mean absolute error of predicted against actual ratings. */
export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const e = errors(actual, predicted);
  return e.reduce((s, d) => s + Math.abs(d), 0) / e.length;
}

/** The 0-based ranks (< k) of the relevant recommendations; checks k and repeats. */
function hits<T>(recommended: readonly T[], relevant: ReadonlySet<T>, k: number): number[] {
  checkK(k);
  const seen = new Set<T>();
  const out: number[] = [];
  const n = Math.min(k, recommended.length);
  for (let r = 0; r < n; r++) {
    const item = recommended[r];
    if (seen.has(item))
      throw new RangeError(`the list repeats '${String(item)}' (rank ${r + 1}); recommend each item once`);
    seen.add(item);
    if (relevant.has(item)) out.push(r);
  }
  return out;
}

function toSet<T>(relevant: Relevant<T>): ReadonlySet<T> {
  return relevant instanceof Set ? relevant : new Set(relevant);
}

function checkK(k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`invalid k: ${k} (must be an integer ≥ 1)`);
  return k;
}

function errors(actual: ArrayLike<number>, predicted: ArrayLike<number>): number[] {
  if (actual.length === 0) throw new RangeError('no ratings: the error needs at least one actual value');
  if (actual.length !== predicted.length) {
    throw new RangeError(`actual and predicted differ in length (${actual.length} and ${predicted.length})`);
  }
  return Array.from(actual, (a, i) => {
    const p = predicted[i];
    if (!Number.isFinite(a) || !Number.isFinite(p)) {
      throw new RangeError(`pair ${i + 1} is (${a}, ${p}): ratings and predictions must be finite numbers`);
    }
    return a - p;
  });
}
