/**
 * Cold-start curves: how good recommendations are for a new user as a function of how many of their
 * interactions the recommender has seen (the "new user" protocol of Kluver & Konstan, "Evaluating
 * recommender behavior for new users", RecSys 2014).
 *
 * A seeded set of users with more than max(reveal) interactions is held out. For each n in `reveal`,
 * every recommender is fitted on the other users plus the first n interactions of each held-out user
 * (ordered by time, ties and missing times by item index), and ranks items for the held-out users.
 * The relevant items are the same at every n, the interactions after the first max(reveal), so the
 * curves differ only by what the recommender saw; the user's interactions between the n-th and the
 * max(reveal)-th are dropped from the lists (the user has them), so they count neither as hits nor as
 * misses. Metrics are dplab/recommend's precision, recall and NDCG at k. Any recommender fits in
 * through {@link ColdStartAlgorithm}.
 */
import { fromTriplets } from '../recommend/from-triplets.ts';
import { indexOfId, type Interactions } from '../recommend/interactions.ts';
import { ndcgAtK, precisionAtK, recallAtK } from '../recommend/metrics.ts';
import { recommend } from '../recommend/recommend.ts';
import type { RecommenderModel } from '../recommend/registry.ts';
import { SeededRandom } from '../stats/random.ts';

/** A recommender as the cold-start protocol drives it. */
export interface ColdStartAlgorithm<M> {
  /** Its name in the result table. */
  name: string;
  /** Fits on the training interactions (same user and item lists as the full data). */
  fit(interactions: Interactions): M;
  /** Up to k item indices for user index `user`, best first, leaving out the user's items in `interactions`. */
  recommend(model: M, interactions: Interactions, user: number, k: number): ArrayLike<number>;
}

/** Options of {@link coldStartCurve}. */
export interface ColdStartOptions {
  /** Numbers of revealed interactions, integers ≥ 0. Default [0, 1, 2, 5, 10, 20]. */
  reveal?: readonly number[];
  /** Number of held-out users (fewer if fewer have more than max(reveal) interactions). Default 100. */
  users?: number;
  /** List length, an integer ≥ 1. Default 10. */
  k?: number;
  /** Seed of the held-out users. Default 1. */
  seed?: number;
}

export const coldStartDefaults = { reveal: [0, 1, 2, 5, 10, 20], users: 100, k: 10, seed: 1 } as const;

/** One row of the curve: mean metrics over the held-out users. */
export interface ColdStartRow {
  algorithm: string;
  n: number;
  precision: number;
  recall: number;
  ndcg: number;
  /** Number of held-out users averaged over. */
  users: number;
}

/** Adapts a dplab/recommend model (`fitX` + generic `recommend`, popularity for users without history). */
export function recommenderAlgorithm<M extends RecommenderModel>(
  name: string,
  fit: (interactions: Interactions) => M,
): ColdStartAlgorithm<M> {
  return {
    name,
    fit,
    recommend: (model, x, user, k) =>
      recommend(model, x, x.userIds[user], { k }).map((s) => indexOfId(x.itemIds, s.item)),
  };
}

/**
 * Checks a cold-start experiment's settings and draws its held-out rows: a seeded sample of `count`
 * users (or items) with more than max(reveal) interactions, `ptr` being the CSR (or CSC) pointers.
 * Shared by the new-user and new-item curves.
 */
export function heldOut(
  ptr: Int32Array,
  what: 'user' | 'item',
  algorithms: readonly unknown[],
  options: { reveal: readonly number[]; count: number; k: number; seed: number },
): { reveal: number[]; k: number; maxN: number; held: number[] } {
  const reveal = [...options.reveal];
  if (reveal.length === 0) throw new RangeError('reveal is empty: give the numbers of revealed interactions');
  for (const n of reveal) {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`invalid reveal value: ${n} (must be an integer ≥ 0)`);
  }
  const { count, k, seed } = options;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`invalid ${what}s: ${count} (the number of held-out ${what}s, an integer ≥ 1)`);
  }
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`invalid k: ${k} (must be an integer ≥ 1)`);
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);
  if (algorithms.length === 0)
    throw new RangeError('no algorithms: pass at least one { name, fit, recommend }');

  const maxN = Math.max(...reveal);
  const eligible: number[] = [];
  for (let r = 0; r + 1 < ptr.length; r++) if (ptr[r + 1] - ptr[r] > maxN) eligible.push(r);
  if (eligible.length === 0) {
    throw new RangeError(
      `no ${what} has more than ${maxN} interactions, so none can be held out; lower the largest reveal value`,
    );
  }
  // Partial Fisher–Yates: the first m of a seeded shuffle of the eligible rows.
  const rng = new SeededRandom(seed);
  const m = Math.min(count, eligible.length);
  for (let a = 0; a < m; a++) {
    const r = a + Math.floor(rng.uniform() * (eligible.length - a));
    [eligible[a], eligible[r]] = [eligible[r], eligible[a]];
  }
  return { reveal, k, maxN, held: eligible.slice(0, m).sort((a, b) => a - b) };
}

/** The table { algorithm, n, precision, recall, ndcg, users } for every algorithm and every n. */
export function coldStartCurve(
  x: Interactions,
  // Method parameters are bivariant, so algorithms with different model types share this array.
  algorithms: readonly ColdStartAlgorithm<unknown>[],
  options: ColdStartOptions = {},
): ColdStartRow[] {
  const { reveal, k, maxN, held } = heldOut(x.userPtr, 'user', algorithms, {
    reveal: options.reveal ?? coldStartDefaults.reveal,
    count: options.users ?? coldStartDefaults.users,
    k: options.k ?? coldStartDefaults.k,
    seed: options.seed ?? coldStartDefaults.seed,
  });
  const m = held.length;
  // Each held-out user's CSR positions in time order.
  const ordered = held.map((u) => {
    const pos: number[] = [];
    for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++) pos.push(p);
    const t = (p: number) => (Number.isNaN(x.userTimes[p]) ? -Infinity : x.userTimes[p]);
    return pos.sort((p, q) => t(p) - t(q) || x.userItems[p] - x.userItems[q]);
  });

  const relevant = ordered.map((pos) => pos.slice(maxN).map((p) => x.userItems[p]));
  const rows: ColdStartRow[] = [];
  for (const n of reveal) {
    const keep = new Uint8Array(x.userItems.length).fill(1);
    const hidden = ordered.map((pos) => {
      for (const p of pos.slice(n)) keep[p] = 0;
      return new Set(pos.slice(n, maxN).map((p) => x.userItems[p]));
    });
    const train = subset(x, keep);
    for (const algorithm of algorithms) {
      const model = algorithm.fit(train);
      let precision = 0;
      let recall = 0;
      let ndcg = 0;
      held.forEach((u, h) => {
        const long = algorithm.recommend(model, train, u, k + hidden[h].size);
        const list = Array.from(long)
          .filter((i) => !hidden[h].has(i))
          .slice(0, k);
        precision += precisionAtK(list, relevant[h], k);
        recall += recallAtK(list, relevant[h], k);
        ndcg += ndcgAtK(list, relevant[h], k);
      });
      rows.push({
        algorithm: algorithm.name,
        n,
        precision: precision / m,
        recall: recall / m,
        ndcg: ndcg / m,
        users: m,
      });
    }
  }
  return rows;
}

/** The interactions whose CSR positions have `keep[p] = 1`, with the same user and item lists. */
export function subset(x: Interactions, keep: Uint8Array): Interactions {
  let count = 0;
  for (const f of keep) count += f;
  const u = new Int32Array(count);
  const i = new Int32Array(count);
  const v = new Float64Array(count);
  const t = new Float64Array(count);
  let c = 0;
  for (let a = 0; a < x.userIds.length; a++) {
    for (let p = x.userPtr[a]; p < x.userPtr[a + 1]; p++) {
      if (!keep[p]) continue;
      u[c] = a;
      i[c] = x.userItems[p];
      v[c] = x.userValues[p];
      t[c++] = x.userTimes[p];
    }
  }
  return fromTriplets(x.userIds, x.itemIds, u, i, v, t);
}
