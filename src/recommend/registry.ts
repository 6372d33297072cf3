/**
 * Which function scores, explains and predicts for each kind of model: one exhaustive switch per
 * operation on the model's `method`, so `recommend`, `recommendAll`, `explain` and `predictRating`
 * (recommend.ts) work for every recommender. To add a model family, add its model type to
 * {@link RecommenderModel} and a case to each switch (TypeScript then points out any case missing).
 */
import { explainContentBased, scoreContentBased, type ContentBasedModel } from './content-based.ts';
import type { Interactions } from './interactions.ts';
import { explainItemKnn, predictItemKnn, scoreItemKnn, type ItemKnnModel } from './item-knn.ts';
import { scorePopularity, type PopularityModel } from './popularity.ts';
import { scoreRandom, type RandomModel } from './random-recommender.ts';
import type { Explanation } from './recommender.ts';
import { explainUserKnn, predictUserKnn, scoreUserKnn, type UserKnnModel } from './user-knn.ts';

/** Every fitted recommender `recommend` knows. */
export type RecommenderModel =
  RandomModel | PopularityModel | ItemKnnModel | UserKnnModel | ContentBasedModel;

/** Whether the model needs the user's history (a user without one is a cold start). */
export function needsHistory(model: RecommenderModel): boolean {
  switch (model.method) {
    case 'random':
    case 'popularity':
      return false;
    case 'item-knn':
    case 'user-knn':
    case 'content-based':
      return true;
  }
}

/** The number of users a model is tied to (user-kNN keeps per-user lists), or undefined. */
export function modelUsers(model: RecommenderModel): number | undefined {
  return model.method === 'user-knn' ? model.numUsers : undefined;
}

/**
 * Fills `out` (one entry per item) with the scores of user index `u` (−1 for a user not in `x`, for
 * models that need no history); −∞ marks items the model does not propose.
 */
export function scoreUser(
  model: RecommenderModel,
  x: Interactions,
  u: number,
  user: string,
  out: Float64Array,
): void {
  switch (model.method) {
    case 'random':
      return scoreRandom(model, user, out);
    case 'popularity':
      return scorePopularity(model, out);
    case 'item-knn':
      return scoreItemKnn(model, x, u, out);
    case 'user-knn':
      return scoreUserKnn(model, x, u, out);
    case 'content-based':
      return scoreContentBased(model, x, u, out);
  }
}

/** What contributed to item j's score for user u, or `null` when the model has no per-user reasons. */
export function explainUser(
  model: RecommenderModel,
  x: Interactions,
  u: number,
  j: number,
): Explanation['because'] | null {
  switch (model.method) {
    case 'random':
    case 'popularity':
      return null;
    case 'item-knn':
      return explainItemKnn(model, x, u, j);
    case 'user-knn':
      return explainUserKnn(model, x, u, j);
    case 'content-based':
      return explainContentBased(model, x, u, j);
  }
}

/** The predicted value (rating) of item j for user u, or `null` when the model predicts no ratings. */
export function predictUser(model: RecommenderModel, x: Interactions, u: number, j: number): number | null {
  switch (model.method) {
    case 'random':
    case 'popularity':
    case 'content-based':
      return null;
    case 'item-knn':
      return predictItemKnn(model, x, u, j);
    case 'user-knn':
      return predictUserKnn(model, x, u, j);
  }
}
