/**
 * The recommender `dplab serve` answers with: fitted once at start-up on the interactions it was
 * given, then asked for a known user's top-k (`GET /v1/recommendations/{user}`) or for a basket — the
 * items of a new or anonymous user (`POST /v1/recommendations`). A basket is scored as a one-user
 * interactions matrix over the same item list, so only recommenders whose models keep no per-user
 * data can take one ({@link basketAlgorithms}: no `numUsers` in their registry entry).
 */
import {
  buildInteractions,
  fromTriplets,
  indexOfId,
  recommend,
  type Interaction,
  type Interactions,
  type ItemContent,
  type RecommenderModel,
  type ScoredItem,
} from '../../recommend/index.ts';
import { algorithm, algorithms } from '../recommend/algorithms.ts';
import { fitOptions } from '../recommend/params.ts';

/** The CLI names of the recommenders that can rank for a basket. */
export const basketAlgorithms: readonly string[] = algorithms.filter((a) => !a.numUsers).map((a) => a.cli);

/** A fitted recommender and the queries it answers. */
export interface RecommendService {
  algo: string;
  users: number;
  items: number;
  /** The user's top-k, or `undefined` for a user not in the interactions. */
  forUser(user: string, k: number): ScoredItem[] | undefined;
  /** The top-k for a basket, its items left out; unknown items are ignored and returned. */
  forBasket(
    items: readonly string[],
    k: number,
  ): { items: ScoredItem[]; unknownItems: string[]; coldStart: boolean };
  /** The cold-start fallback: the k items with the most users. */
  popular(k: number): ScoredItem[];
}

/** Fits `algo` (a CLI name from {@link basketAlgorithms}) on the rows; `seed` seeds the random ones. */
export function recommendService(
  rows: readonly Interaction[],
  algo: string,
  items?: readonly ItemContent[],
  seed = 1,
): RecommendService {
  if (!basketAlgorithms.includes(algo))
    throw new RangeError(
      `algo "${algo}" cannot rank for a basket or a new user; choose from ${basketAlgorithms.join(', ')}`,
    );
  const entry = algorithm(algo);
  if (entry.needsContent && !items)
    throw new RangeError(`${algo} needs item descriptions: pass --items items.csv`);
  const train = buildInteractions(rows);
  const content = entry.needsContent
    ? (() => {
        const byId = new Map(items!.map((c) => [c.id, c]));
        return train.itemIds.map((id) => byId.get(id) ?? { id, text: '' });
      })()
    : undefined;
  const model = entry.fit(train, fitOptions(algo, undefined, seed), content) as RecommenderModel;
  const itemIndex = new Map(train.itemIds.map((id, j) => [id, j]));
  const popularModel = algorithm('pop').fit(train, {}) as RecommenderModel;

  const basketMatrix = (known: number[]): Interactions =>
    fromTriplets(
      ['basket'],
      train.itemIds,
      new Int32Array(known.length),
      Int32Array.from(known),
      new Float64Array(known.length).fill(1),
      new Float64Array(known.length).fill(NaN),
      'sum',
    );
  return {
    algo,
    users: train.userIds.length,
    items: train.itemIds.length,
    forUser(user, k) {
      if (indexOfId(train.userIds, user) < 0) return undefined;
      return recommend(model, train, user, { k });
    },
    forBasket(basket, k) {
      const known: number[] = [];
      const unknownItems: string[] = [];
      for (const id of basket) {
        const j = itemIndex.get(id);
        if (j === undefined) unknownItems.push(id);
        else if (!known.includes(j)) known.push(j);
      }
      if (!known.length)
        return { items: recommend(popularModel, train, '', { k }), unknownItems, coldStart: true };
      return {
        items: recommend(model, basketMatrix(known), 'basket', { k }),
        unknownItems,
        coldStart: false,
      };
    },
    popular(k) {
      return recommend(popularModel, train, '', { k });
    },
  };
}
