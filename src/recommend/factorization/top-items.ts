/**
 * From a score for every item to a top-k list by dense index: the last step of every `recommendX`
 * here. Selection is the package's {@link topK} (a size-k heap, ties to the lower index).
 */
import type { Interactions } from '../interactions.ts';
import { topK } from '../top-k.ts';
import { checkInteger, checkSameShape, checkUser } from './checks.ts';

/** One recommended item: its dense index (id: `interactions.itemIds[item]`) and its score. */
export interface RankedItem {
  item: number;
  score: number;
}

/** Options of every index-based `recommendX` (funk-svd, ALS, BPR, the hybrids). */
export interface TopItemsOptions {
  /** Length of the list, an integer ≥ 1. Default 10. */
  k?: number;
  /** `'seen'` leaves out the items the user already has in `interactions`; `'none'` keeps them. Default `'seen'`. */
  exclude?: 'seen' | 'none';
}

/** The defaults of {@link TopItemsOptions}. */
export const topItemsDefaults: Required<TopItemsOptions> = { k: 10, exclude: 'seen' };

/** The k highest of `scores`, best first; non-finite scores are never recommended. */
export function topItems(scores: ArrayLike<number>, k: number): RankedItem[] {
  checkInteger('k', k, 1, 'the number of items to recommend');
  return topK(scores, k).map(({ index, score }) => ({ item: index, score }));
}

/**
 * The `recommendX` of every model: checks the user and options, then takes the top k of `scores`
 * (one per item of `interactions`), leaving out the user's items when `exclude` is `'seen'`.
 * `scores` is modified (the excluded items become −∞).
 */
export function recommendFromScores(
  scores: Float64Array,
  interactions: Interactions,
  user: number,
  options: TopItemsOptions = {},
): RankedItem[] {
  const { k, exclude } = { ...topItemsDefaults, ...options };
  if (exclude !== 'seen' && exclude !== 'none') {
    throw new RangeError(`invalid exclude: ${String(exclude)} (must be 'seen' or 'none')`);
  }
  checkSameShape(interactions, interactions.userIds.length, scores.length);
  checkUser(user, interactions.userIds.length);
  if (exclude === 'seen') {
    for (let p = interactions.userPtr[user]; p < interactions.userPtr[user + 1]; p++) {
      scores[interactions.userItems[p]] = -Infinity;
    }
  }
  return topItems(scores, k);
}
