/**
 * The generic recommender operations, for every model of registry.ts: top-k lists for one user or many,
 * explanations ("because you bought X") and rating predictions. Users and items are named by id.
 */
import { indexOfId, type Interactions } from './interactions.ts';
import {
  resolveRecommendOptions,
  type Explanation,
  type RecommendOptions,
  type ScoredItem,
  type UserRecommendations,
} from './recommender.ts';
import { recommenderFitting, type RecommenderModel } from './registry.ts';
import { topK } from './top-k.ts';

/** The top-k items for one user, best first (fewer when the model proposes fewer). */
export function recommend(
  model: RecommenderModel,
  x: Interactions,
  user: string,
  options: RecommendOptions = {},
): ScoredItem[] {
  return ranker(model, x, options)(user).items;
}

/** The top-k items for each of `users` (default: every user of `x`), in the order given. */
export function recommendAll(
  model: RecommenderModel,
  x: Interactions,
  users: readonly string[] = x.userIds,
  options: RecommendOptions = {},
): UserRecommendations[] {
  const rank = ranker(model, x, options);
  return users.map(rank);
}

/** Options of {@link explain}. */
export interface ExplainOptions {
  /** How many contributions to list, an integer ≥ 1. Default 5. */
  n?: number;
}

/**
 * Why `item` scores as it does for `user`: the user's items (item-kNN), neighbours (user-kNN) or
 * features (content-based) that contributed most, each with its part of the score.
 */
export function explain(
  model: RecommenderModel,
  x: Interactions,
  user: string,
  item: string,
  options: ExplainOptions = {},
): Explanation {
  const n = options.n ?? 5;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid n: ${n} (must be an integer ≥ 1)`);
  const entry = recommenderFitting(model, x);
  const { u, j } = locate(x, user, item);
  if (x.userPtr[u + 1] === x.userPtr[u] && entry.needsHistory) {
    throw new RangeError(`user '${user}' has no history, so nothing explains a recommendation (cold start)`);
  }
  if (!entry.explain) {
    throw new RangeError(
      `${model.method} recommendations do not depend on the user's history; there is nothing to explain`,
    );
  }
  const because = entry.explain(model, x, u, j);
  const scores = new Float64Array(x.itemIds.length);
  entry.score(model, x, u, user, scores);
  return { user, item, score: scores[j], because: because.slice(0, n) };
}

/** The model's predicted value (rating) of `item` for `user` (item-kNN and user-kNN). */
export function predictRating(model: RecommenderModel, x: Interactions, user: string, item: string): number {
  const entry = recommenderFitting(model, x);
  const { u, j } = locate(x, user, item);
  if (!entry.predict)
    throw new RangeError(
      `${model.method} models rank items but predict no ratings; use item-knn or user-knn`,
    );
  return entry.predict(model, x, u, j);
}

/** The user and item indices of two ids, or a precise error. */
function locate(x: Interactions, user: string, item: string): { u: number; j: number } {
  const u = indexOfId(x.userIds, user);
  if (u < 0) throw new RangeError(`unknown user '${user}': not in the interactions`);
  const j = indexOfId(x.itemIds, item);
  if (j < 0) throw new RangeError(`unknown item '${item}': not in the interactions`);
  return { u, j };
}

/** A function that ranks for one user id, sharing buffers (and the cold-start fallback) across users. */
function ranker(
  model: RecommenderModel,
  x: Interactions,
  options: RecommendOptions,
): (user: string) => UserRecommendations {
  const { k, exclude, coldStart } = resolveRecommendOptions(options);
  const entry = recommenderFitting(model, x);
  const scores = new Float64Array(x.itemIds.length);
  let popular: ScoredItem[] | null = null;
  return (user) => {
    if (typeof user !== 'string')
      throw new TypeError(`user ids are strings, got ${typeof user} ${String(user)}`);
    const u = indexOfId(x.userIds, user);
    const empty = u < 0 || x.userPtr[u + 1] === x.userPtr[u];
    if (empty && entry.needsHistory) {
      if (coldStart === 'error') {
        throw new RangeError(
          u < 0
            ? `unknown user '${user}': not in the interactions (pass { coldStart: 'popularity' } to recommend popular items to new users)`
            : `user '${user}' has no history (cold start); pass { coldStart: 'popularity' } to recommend the most popular items`,
        );
      }
      popular ??= mostPopular(x, k);
      return { user, items: popular.map((s) => ({ ...s })), coldStart: true };
    }
    entry.score(model, x, u, user, scores);
    if (exclude === 'seen' && u >= 0) {
      for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++) scores[x.userItems[p]] = -Infinity;
    }
    const items = topK(scores, k).map(({ index, score }) => ({ item: x.itemIds[index], score }));
    return { user, items, coldStart: false };
  };
}

/** The k items with the most users in `x`, scored by their number of users (items with none left out). */
function mostPopular(x: Interactions, k: number): ScoredItem[] {
  const counts = Float64Array.from({ length: x.itemIds.length }, (_, i) => {
    const c = x.itemPtr[i + 1] - x.itemPtr[i];
    return c > 0 ? c : -Infinity;
  });
  return topK(counts, k).map(({ index, score }) => ({ item: x.itemIds[index], score }));
}
