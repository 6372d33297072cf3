/**
 * Cold-start curves for new items: how well a recommender ranks an item that has just entered the
 * catalogue, as a function of how many of its interactions the recommender has seen — the item-side
 * counterpart of {@link coldStartCurve}.
 *
 * A seeded set of items with more than max(reveal) interactions is held out. For each n in `reveal`,
 * every recommender is fitted on all the other data plus the first n interactions of each held-out item
 * (ordered by time, ties and missing times by user index). The evaluation users are those who have a
 * held-out item after its first max(reveal) interactions; those pairs are the relevant items, the same
 * at every n. Each evaluation user gets a top-k list over the whole catalogue; a held-out item the user
 * has between its n-th and max(reveal)-th interaction is dropped from the list (the user has it), so it
 * counts neither as a hit nor as a miss. Metrics: recall and NDCG at k of the user's relevant held-out
 * items (dplab/recommend's metrics, averaged over the users), and cold-item coverage, the share of
 * held-out items that appear in at least one list. A recommender that only knows items through their
 * interactions (popularity, item-kNN) cannot rank an item at n = 0; one that knows their content can.
 */
import type { Interactions } from '../recommend/interactions.ts';
import { ndcgAtK, recallAtK } from '../recommend/metrics.ts';
import { heldOut, subset, type ColdStartAlgorithm } from './cold-start.ts';

/** Options of {@link coldStartItemCurve}. */
export interface ColdStartItemOptions {
  /** Numbers of revealed interactions per held-out item, integers ≥ 0. Default [0, 1, 2, 5, 10, 20]. */
  reveal?: readonly number[];
  /** Number of held-out items (fewer if fewer have more than max(reveal) interactions). Default 50. */
  items?: number;
  /** List length, an integer ≥ 1. Default 10. */
  k?: number;
  /** Seed of the held-out items. Default 1. */
  seed?: number;
}

export const coldStartItemDefaults = { reveal: [0, 1, 2, 5, 10, 20], items: 50, k: 10, seed: 1 } as const;

/** One row of the item curve. */
export interface ColdStartItemRow {
  algorithm: string;
  n: number;
  /** Mean recall at k of the users' relevant held-out items. */
  recall: number;
  /** Mean NDCG at k of the users' relevant held-out items. */
  ndcg: number;
  /** Share of the held-out items that appear in at least one evaluation user's list. */
  coverage: number;
  /** Number of held-out items. */
  items: number;
  /** Number of evaluation users averaged over. */
  users: number;
}

/** The table { algorithm, n, recall, ndcg, coverage, items, users } for every algorithm and every n. */
export function coldStartItemCurve(
  x: Interactions,
  // Method parameters are bivariant, so algorithms with different model types share this array.
  algorithms: readonly ColdStartAlgorithm<unknown>[],
  options: ColdStartItemOptions = {},
): ColdStartItemRow[] {
  const { reveal, k, maxN, held } = heldOut(x.itemPtr, 'item', algorithms, {
    reveal: options.reveal ?? coldStartItemDefaults.reveal,
    count: options.items ?? coldStartItemDefaults.items,
    k: options.k ?? coldStartItemDefaults.k,
    seed: options.seed ?? coldStartItemDefaults.seed,
  });
  const m = held.length;
  const slot = new Map(held.map((i, h) => [i, h]));
  // Each held-out item's CSR positions (times live in the CSR), in time order.
  const ordered: number[][] = held.map(() => []);
  const userOf = new Int32Array(x.userItems.length);
  for (let u = 0; u < x.userIds.length; u++) {
    for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++) {
      userOf[p] = u;
      const h = slot.get(x.userItems[p]);
      if (h !== undefined) ordered[h].push(p);
    }
  }
  const t = (p: number) => (Number.isNaN(x.userTimes[p]) ? -Infinity : x.userTimes[p]);
  for (const pos of ordered) pos.sort((p, q) => t(p) - t(q) || userOf[p] - userOf[q]);

  // The evaluation users and their relevant held-out items (interactions after the first max(reveal)).
  const relevantOf = new Map<number, number[]>();
  ordered.forEach((pos, h) => {
    for (const p of pos.slice(maxN)) {
      const u = userOf[p];
      const list = relevantOf.get(u) ?? [];
      list.push(held[h]);
      relevantOf.set(u, list);
    }
  });
  const users = [...relevantOf.keys()].sort((a, b) => a - b);
  const relevant = users.map((u) => relevantOf.get(u) ?? []);

  const rows: ColdStartItemRow[] = [];
  for (const n of reveal) {
    const keep = new Uint8Array(x.userItems.length).fill(1);
    const hiddenOf = new Map<number, Set<number>>();
    ordered.forEach((pos, h) => {
      for (const p of pos.slice(n)) keep[p] = 0;
      for (const p of pos.slice(n, maxN)) {
        const set = hiddenOf.get(userOf[p]) ?? new Set<number>();
        set.add(held[h]);
        hiddenOf.set(userOf[p], set);
      }
    });
    const train = subset(x, keep);
    for (const algorithm of algorithms) {
      const model = algorithm.fit(train);
      let recall = 0;
      let ndcg = 0;
      const shown = new Set<number>();
      users.forEach((u, e) => {
        const hidden = hiddenOf.get(u);
        const long = algorithm.recommend(model, train, u, k + (hidden?.size ?? 0));
        const list = Array.from(long)
          .filter((i) => !hidden?.has(i))
          .slice(0, k);
        for (const i of list) if (slot.has(i)) shown.add(i);
        recall += recallAtK(list, relevant[e], k);
        ndcg += ndcgAtK(list, relevant[e], k);
      });
      rows.push({
        algorithm: algorithm.name,
        n,
        recall: recall / users.length,
        ndcg: ndcg / users.length,
        coverage: shown.size / m,
        items: m,
        users: users.length,
      });
    }
  }
  return rows;
}
