/**
 * Sampling for pairwise ranking losses (BPR and its relatives): a positive (u, i) drawn uniformly
 * from the observed pairs, and a negative j drawn uniformly from the items u does not have, as in
 * LearnBPR (Rendle, Freudenthaler, Gantner & Schmidt-Thieme, "BPR: Bayesian personalized ranking from
 * implicit feedback", UAI 2009, Fig. 4: bootstrap sampling with replacement).
 */
import type { Interactions } from '../interactions.ts';
import type { SeededRandom } from '../../stats/random.ts';

/** The observed positives (value > 0) of every user, items sorted, with each entry's user. */
export interface PositiveIndex {
  numItems: number;
  /** CSR by user over the positives only; items ascending within a user. */
  ptr: Int32Array;
  items: Int32Array;
  /** The user of each entry of `items`. */
  userOf: Int32Array;
}

/** Indexes the positives of `interactions` (stored zeros are not positives). */
export function positiveIndex(interactions: Interactions): PositiveIndex {
  const { userPtr, userItems, userValues } = interactions;
  const numUsers = interactions.userIds.length;
  const ptr = new Int32Array(numUsers + 1);
  for (let u = 0; u < numUsers; u++) {
    let n = 0;
    for (let q = userPtr[u]; q < userPtr[u + 1]; q++) if (userValues[q] > 0) n++;
    ptr[u + 1] = ptr[u] + n;
  }
  const items = new Int32Array(ptr[numUsers]);
  const userOf = new Int32Array(ptr[numUsers]);
  for (let u = 0; u < numUsers; u++) {
    let e = ptr[u];
    for (let q = userPtr[u]; q < userPtr[u + 1]; q++) if (userValues[q] > 0) items[e++] = userItems[q];
    items.subarray(ptr[u], ptr[u + 1]).sort();
    userOf.fill(u, ptr[u], ptr[u + 1]);
  }
  return { numItems: interactions.itemIds.length, ptr, items, userOf };
}

/** A uniform integer in 0…n−1. */
export function randomIndex(rng: SeededRandom, n: number): number {
  return Math.floor(rng.uniform() * n);
}

/** Whether `item` is among the positives of `user` (binary search). */
export function hasPositive(index: PositiveIndex, user: number, item: number): boolean {
  let lo = index.ptr[user];
  let hi = index.ptr[user + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = index.items[mid];
    if (m === item) return true;
    if (m < item) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * An item drawn uniformly from those `user` does not have, or −1 when the user has every item.
 * Rejection sampling while the user has at most half the items; otherwise the r-th missing item
 * is found directly, so dense users cost O(n_u), not an unbounded number of draws.
 */
export function sampleNegative(index: PositiveIndex, user: number, rng: SeededRandom): number {
  const start = index.ptr[user];
  const have = index.ptr[user + 1] - start;
  const missing = index.numItems - have;
  if (missing <= 0) return -1;
  if (have <= index.numItems / 2) {
    for (;;) {
      const j = randomIndex(rng, index.numItems);
      if (!hasPositive(index, user, j)) return j;
    }
  }
  // The r-th item not in the sorted list: skip past every owned item ≤ the candidate.
  let j = randomIndex(rng, missing);
  for (let q = start; q < start + have && index.items[q] <= j; q++) j++;
  return j;
}
