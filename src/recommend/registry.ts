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
import { explainBpr, scoreBpr, type BprModel } from './factorization/bpr.ts';
import { explainExplicitAls, scoreExplicitAls, type ExplicitAlsModel } from './factorization/explicit-als.ts';
import { explainFunkSvd, predictFunkSvd, scoreFunkSvd, type FunkSvdModel } from './factorization/funk-svd.ts';
import { explainImplicitAls, scoreImplicitAls, type ImplicitAlsModel } from './factorization/implicit-als.ts';
import type { ItemExplanation } from './factorization/latent.ts';
import { explainLightFm, scoreLightFm, type LightFmModel } from './hybrid-lightfm.ts';

/** The latent-factor models: tied to the users they were fitted on, scored by index. */
type FactorModel = FunkSvdModel | ExplicitAlsModel | ImplicitAlsModel | BprModel | LightFmModel;

/** Every fitted recommender `recommend` knows. */
export type RecommenderModel =
  RandomModel | PopularityModel | ItemKnnModel | UserKnnModel | ContentBasedModel | FactorModel;

function isFactorModel(model: RecommenderModel): model is FactorModel {
  return ['funk-svd', 'explicit-als', 'implicit-als', 'bpr', 'lightfm-hybrid'].includes(model.method);
}

function factorScores(model: FactorModel, u: number): Float64Array {
  switch (model.method) {
    case 'funk-svd':
      return scoreFunkSvd(model, u);
    case 'explicit-als':
      return scoreExplicitAls(model, u);
    case 'implicit-als':
      return scoreImplicitAls(model, u);
    case 'bpr':
      return scoreBpr(model, u);
    case 'lightfm-hybrid':
      return scoreLightFm(model, u);
  }
}

function factorExplanation(model: FactorModel, x: Interactions, u: number, j: number): ItemExplanation[] {
  switch (model.method) {
    case 'funk-svd':
      return explainFunkSvd(model, x, u, j);
    case 'explicit-als':
      return explainExplicitAls(model, x, u, j);
    case 'implicit-als':
      return explainImplicitAls(model, x, u, j);
    case 'bpr':
      return explainBpr(model, x, u, j);
    case 'lightfm-hybrid':
      return explainLightFm(model, x, u, j);
  }
}

/** Whether the model needs the user's history (a user without one is a cold start). */
export function needsHistory(model: RecommenderModel): boolean {
  switch (model.method) {
    case 'random':
    case 'popularity':
      return false;
    case 'item-knn':
    case 'user-knn':
    case 'content-based':
    case 'funk-svd':
    case 'explicit-als':
    case 'implicit-als':
    case 'bpr':
    case 'lightfm-hybrid':
      return true;
  }
}

/** The number of users a model is tied to (user-kNN keeps per-user lists), or undefined. */
export function modelUsers(model: RecommenderModel): number | undefined {
  return model.method === 'user-knn' || isFactorModel(model) ? model.numUsers : undefined;
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
    default:
      // The latent-factor models score every item; the user's own items are excluded later.
      out.set(factorScores(model, u));
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
    default:
      // "Because you bought X": the user's items nearest in factor space, weighted by similarity.
      return factorExplanation(model, x, u, j).map((e) => ({
        kind: 'item',
        id: x.itemIds[e.item],
        weight: e.similarity,
      }));
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
    case 'funk-svd':
      return predictFunkSvd(model, u, j);
    case 'explicit-als':
      // A user or item with no training ratings has no factors: predict the mean rating (cold start).
      return x.userPtr[u + 1] === x.userPtr[u] || x.itemPtr[j + 1] === x.itemPtr[j]
        ? model.globalMean
        : scoreExplicitAls(model, u)[j];
    case 'implicit-als':
    case 'bpr':
    case 'lightfm-hybrid':
      return null;
  }
}
