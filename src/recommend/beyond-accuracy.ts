/**
 * Qualities of recommendations beyond accuracy (Kaminskas & Bridge, "Diversity, serendipity, novelty,
 * and coverage: a survey and empirical analysis of beyond-accuracy objectives in recommender systems",
 * *ACM TiiS* 7(1), 2016):
 * - catalogue coverage: the share of the catalogue that appears in at least one list (Ge, Delgado-Battenfeld
 *   & Jannach, RecSys 2010);
 * - intra-list diversity: 1 − the mean similarity of the pairs in a list (Ziegler et al., WWW 2005);
 * - novelty: the mean self-information −log2 p(i) of the listed items, p(i) the share of users who have i
 *   (Zhou et al., *PNAS* 107(10), 2010);
 * - average recommended popularity: the mean number of users of the listed items (Abdollahpouri, Burke &
 *   Mobasher, FLAIRS 2019);
 * - the Gini index of exposure: how unequally often the catalogue's items are recommended (0 = all items
 *   equally, → 1 = always the same few), the Gini of the real shop's item popularity being 0.59.
 */
import type { Interactions } from './interactions.ts';
import { indexOfId } from './interactions.ts';

/** Share of the catalogue's `numItems` items that appear in at least one list. */
export function catalogueCoverage(lists: readonly (readonly string[])[], numItems: number): number {
  if (!Number.isInteger(numItems) || numItems < 1)
    throw new RangeError(`invalid numItems: ${numItems} (must be ≥ 1)`);
  const shown = new Set<string>();
  for (const list of lists) for (const item of list) shown.add(item);
  return shown.size / numItems;
}

/** 1 − the mean similarity over the list's pairs; NaN for lists of fewer than two items. */
export function intraListDiversity(
  list: readonly string[],
  similarity: (a: string, b: string) => number,
): number {
  if (list.length < 2) return NaN;
  let sum = 0;
  for (let a = 0; a < list.length; a++)
    for (let b = a + 1; b < list.length; b++) sum += similarity(list[a], list[b]);
  return 1 - sum / ((list.length * (list.length - 1)) / 2);
}

/**
 * Mean self-information −log2 p(i) of the listed items, where `share(i)` is the share of users who have
 * i; items nobody has count as had by one user in `users`, so they stay finite. NaN for an empty list.
 */
export function novelty(list: readonly string[], share: (item: string) => number, users: number): number {
  if (list.length === 0) return NaN;
  const floor = 1 / users;
  return list.reduce((s, item) => s - Math.log2(Math.max(share(item), floor)), 0) / list.length;
}

/** Mean of `count(i)` (e.g. the number of users who have i) over the list; NaN for an empty list. */
export function averagePopularity(list: readonly string[], count: (item: string) => number): number {
  if (list.length === 0) return NaN;
  return list.reduce((s, item) => s + count(item), 0) / list.length;
}

/**
 * The Gini index of non-negative values: Σ (2r − n − 1)·x_(r) / (n·Σx) over the values sorted
 * increasingly, r = 1…n (Damgaard & Weiner, "Describing inequality in plant size or fecundity",
 * *Ecology* 81, 2000, eq. 1); 0 when all values are equal, NaN when all are 0 or there are none.
 */
export function giniIndex(values: ArrayLike<number>): number {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  let num = 0;
  let total = 0;
  for (let r = 0; r < n; r++) {
    if (!(x[r] >= 0) || !Number.isFinite(x[r]))
      throw new RangeError(`value ${x[r]}: the Gini index needs finite values ≥ 0`);
    num += (2 * (r + 1) - n - 1) * x[r];
    total += x[r];
  }
  return total > 0 ? num / (n * total) : NaN;
}

/** The Gini index of how often each of the catalogue's items (all of `itemIds`, zeros included) is recommended. */
export function exposureGini(lists: readonly (readonly string[])[], itemIds: readonly string[]): number {
  const exposure = new Float64Array(itemIds.length);
  for (const list of lists) {
    for (const item of list) {
      const i = indexOfId(itemIds, item);
      if (i < 0) throw new RangeError(`recommended item '${item}' is not in the catalogue`);
      exposure[i]++;
    }
  }
  return giniIndex(exposure);
}

/**
 * The cosine similarity of two items' user columns in `x` (merge walk, cached per pair), the default
 * similarity of intra-list diversity: items bought by the same customers are similar.
 */
export function itemCosine(x: Interactions): (a: string, b: string) => number {
  const cache = new Map<number, number>();
  const norm = new Float64Array(x.itemIds.length);
  for (let i = 0; i < norm.length; i++) {
    let s = 0;
    for (let p = x.itemPtr[i]; p < x.itemPtr[i + 1]; p++) s += x.itemValues[p] * x.itemValues[p];
    norm[i] = Math.sqrt(s);
  }
  return (a, b) => {
    const i = indexOfId(x.itemIds, a);
    const j = indexOfId(x.itemIds, b);
    if (i < 0 || j < 0) throw new RangeError(`item '${i < 0 ? a : b}' is not in the interactions`);
    const key = Math.min(i, j) * x.itemIds.length + Math.max(i, j);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let p = x.itemPtr[i];
    let q = x.itemPtr[j];
    let dot = 0;
    while (p < x.itemPtr[i + 1] && q < x.itemPtr[j + 1]) {
      const d = x.itemUsers[p] - x.itemUsers[q];
      if (d === 0) dot += x.itemValues[p++] * x.itemValues[q++];
      else if (d < 0) p++;
      else q++;
    }
    const s = norm[i] > 0 && norm[j] > 0 ? dot / (norm[i] * norm[j]) : 0;
    cache.set(key, s);
    return s;
  };
}
