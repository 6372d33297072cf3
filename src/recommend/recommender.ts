/**
 * The shape every recommender shares (see STYLE: one shape for every model).
 *
 * A recommender module exports `xDefaults`, `fitX(interactions, options) → XModel` (plain data with a
 * `method` tag), and a scorer that the generic {@link recommend} and {@link recommendAll} (recommend.ts)
 * call through registry.ts. Users and items are named by their ids; the model keeps indices into the
 * interactions it was fitted on, so recommend with those same interactions (or ones built with the same
 * `users` and `items` lists, as the splits do).
 */
import type { Interactions } from './interactions.ts';

/** What every fitted recommender carries. */
export interface RecommenderModelBase {
  /** Which recommender, e.g. `'item-knn'`; recommend dispatches on it. */
  method: string;
  /** Number of items of the interactions it was fitted on. */
  numItems: number;
}

/** One recommended item. */
export interface ScoredItem {
  item: string;
  score: number;
}

/** A user's list from {@link recommendAll}. */
export interface UserRecommendations {
  user: string;
  items: ScoredItem[];
  /** Whether the list is the cold-start fallback (the user had no history). */
  coldStart: boolean;
}

/** Options of `recommend` and `recommendAll`. */
export interface RecommendOptions {
  /** Length of the list, an integer ≥ 1. Default 10. */
  k?: number;
  /** `'seen'` leaves out the items the user already has in the interactions; `'none'` keeps them. Default `'seen'`. */
  exclude?: 'seen' | 'none';
  /**
   * A user with no history (unknown id, or no interactions) for a recommender that needs one:
   * `'popularity'` recommends the items with the most users; `'error'` throws. Default `'popularity'`.
   */
  coldStart?: 'popularity' | 'error';
}

export const recommendDefaults = { k: 10, exclude: 'seen', coldStart: 'popularity' } as const;

/** Why an item was recommended: the consumed items, neighbours or features that contributed most. */
export interface Explanation {
  user: string;
  item: string;
  /** The item's score for the user. */
  score: number;
  /** Contributions, largest first; `weight` is the part of the score each contributed. */
  because: { kind: 'item' | 'user' | 'feature'; id: string; weight: number }[];
}

/** Checks and fills in the recommend options. */
export function resolveRecommendOptions(options: RecommendOptions = {}): Required<RecommendOptions> {
  const k = options.k ?? recommendDefaults.k;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`invalid k: ${k} (must be an integer ≥ 1)`);
  const exclude = options.exclude ?? recommendDefaults.exclude;
  if (exclude !== 'seen' && exclude !== 'none') {
    throw new RangeError(`invalid exclude: ${String(exclude)} (must be 'seen' or 'none')`);
  }
  const coldStart = options.coldStart ?? recommendDefaults.coldStart;
  if (coldStart !== 'popularity' && coldStart !== 'error') {
    throw new RangeError(`invalid coldStart: ${String(coldStart)} (must be 'popularity' or 'error')`);
  }
  return { k, exclude, coldStart };
}

/** Checks that a model fits the interactions it is used with. */
export function checkModelFits(model: RecommenderModelBase, x: Interactions, numUsers?: number): void {
  if (model.numItems !== x.itemIds.length) {
    throw new RangeError(
      `the ${model.method} model was fitted on ${model.numItems} items, these interactions have ${x.itemIds.length}; use the interactions it was fitted on (or build them with the same items list)`,
    );
  }
  if (numUsers !== undefined && numUsers !== x.userIds.length) {
    throw new RangeError(
      `the ${model.method} model was fitted on ${numUsers} users, these interactions have ${x.userIds.length}; use the interactions it was fitted on (or build them with the same users list)`,
    );
  }
}
