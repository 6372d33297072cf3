/**
 * Every recommender, one entry each ({@link Recommender}, recommender.ts): its `method` and CLI name,
 * label, documented defaults, and how to fit, score, explain and predict with it. `recommend`,
 * `explain` and `predictRating` (recommend.ts) look a model's entry up by its `method`, and
 * `dplab recommend` takes its algorithm names, `--param` options and defaults from the entries with a
 * CLI name, in this order. To add a recommender, add its entry: {@link RecommenderModel} follows.
 */
import {
  contentBasedDefaults,
  explainContentBased,
  fitContentBased,
  scoreContentBased,
  type ContentBasedOptions,
} from './content-based.ts';
import { explainItemKnn, fitItemKnn, predictItemKnn, scoreItemKnn } from './item-knn.ts';
import { fitPopularity, popularityDefaults, scorePopularity } from './popularity.ts';
import { fitRandom, randomDefaults, scoreRandom } from './random-recommender.ts';
import type { Interactions } from './interaction-types.ts';
import { checkModelFits, recommender, type OptionChoices, type Recommender } from './recommender.ts';
import { neighbourDefaults, type NeighbourOptions } from './similarity.ts';
import { tfidfDefaults } from './tfidf.ts';
import { explainUserKnn, fitUserKnn, predictUserKnn, scoreUserKnn } from './user-knn.ts';
import { bprDefaults, fitBpr, scoreBpr } from './factorization/bpr.ts';
import { explicitAlsDefaults, fitExplicitAls, scoreExplicitAls } from './factorization/explicit-als.ts';
import { fitFunkSvd, funkSvdDefaults, predictFunkSvd, scoreFunkSvd } from './factorization/funk-svd.ts';
import { fitImplicitAls, implicitAlsDefaults, scoreImplicitAls } from './factorization/implicit-als.ts';
import { latentFactorRecommender } from './factorization/latent.ts';
import { fitLightFm, lightFmDefaults, scoreLightFm, type LightFmOptions } from './hybrid-lightfm.ts';
import { itemContentFeatures } from './hybrid-lightfm-features.ts';

const neighbourChoices: OptionChoices<NeighbourOptions> = {
  similarity: ['cosine', 'pearson', 'adjusted-cosine'],
};

const entries = [
  recommender({
    method: 'popularity',
    cli: 'pop',
    label: `most popular items (by ${popularityDefaults.count})`,
    baseline: true,
    needsHistory: false,
    defaults: popularityDefaults,
    choices: { count: ['users', 'value'] },
    fit: fitPopularity,
    score: (model, _x, _u, _user, out) => scorePopularity(model, out),
  }),
  recommender({
    method: 'random',
    cli: 'random',
    label: 'uniformly random items',
    baseline: true,
    needsHistory: false,
    defaults: randomDefaults,
    fit: fitRandom,
    score: (model, _x, _u, user, out) => scoreRandom(model, user, out),
  }),
  recommender({
    method: 'item-knn',
    cli: 'itemknn',
    label: `item-kNN, ${neighbourDefaults.similarity}, ${neighbourDefaults.neighbours} neighbours`,
    needsHistory: true,
    defaults: neighbourDefaults,
    choices: neighbourChoices,
    fit: fitItemKnn,
    score: (model, x, u, _user, out) => scoreItemKnn(model, x, u, out),
    explain: explainItemKnn,
    predict: predictItemKnn,
  }),
  recommender({
    method: 'user-knn',
    cli: 'userknn',
    label: `user-kNN, ${neighbourDefaults.similarity}, ${neighbourDefaults.neighbours} neighbours`,
    needsHistory: true,
    defaults: neighbourDefaults,
    choices: neighbourChoices,
    fit: fitUserKnn,
    numUsers: (model) => model.numUsers,
    score: (model, x, u, _user, out) => scoreUserKnn(model, x, u, out),
    explain: explainUserKnn,
    predict: predictUserKnn,
  }),
  latentFactorRecommender({
    method: 'funk-svd',
    label: `Funk SVD (biased matrix factorisation of ratings by SGD), ${funkSvdDefaults.factors} factors`,
    defaults: funkSvdDefaults,
    fit: fitFunkSvd,
    score: scoreFunkSvd,
    predict: (model, _x, u, j) => predictFunkSvd(model, u, j),
  }),
  latentFactorRecommender({
    method: 'explicit-als',
    label: `ALS-WR (alternating least squares on ratings), ${explicitAlsDefaults.factors} factors`,
    defaults: explicitAlsDefaults,
    fit: fitExplicitAls,
    score: scoreExplicitAls,
    // A user or item with no training ratings has no factors: predict the mean rating (cold start).
    predict: (model, x, u, j) =>
      x.userPtr[u + 1] === x.userPtr[u] || x.itemPtr[j + 1] === x.itemPtr[j]
        ? model.globalMean
        : scoreExplicitAls(model, u)[j],
  }),
  latentFactorRecommender({
    method: 'implicit-als',
    cli: 'als',
    label: `implicit ALS, ${implicitAlsDefaults.factors} factors, ${implicitAlsDefaults.iterations} iterations`,
    defaults: implicitAlsDefaults,
    choices: { solver: ['cg', 'cholesky'] },
    fit: fitImplicitAls,
    score: scoreImplicitAls,
  }),
  latentFactorRecommender({
    method: 'bpr',
    cli: 'bpr',
    label: `BPR-MF, ${bprDefaults.factors} factors, ${bprDefaults.epochs} epochs`,
    defaults: bprDefaults,
    fit: fitBpr,
    score: scoreBpr,
  }),
  recommender({
    method: 'content-based',
    cli: 'content',
    label: 'content-based, TF-IDF + attributes',
    needsContent: true,
    needsHistory: true,
    defaults: contentBasedDefaults,
    choices: { weighting: ['binary', 'value'] },
    nested: { tfidf: { defaults: tfidfDefaults, choices: { norm: ['l2', 'l1', 'none'] } } },
    fit: (x, options: ContentBasedOptions, content = []) => fitContentBased(x, content, options),
    score: (model, x, u, _user, out) => scoreContentBased(model, x, u, out),
    explain: explainContentBased,
  }),
  latentFactorRecommender({
    method: 'lightfm-hybrid',
    cli: 'hybrid',
    label: 'LightFM-style hybrid: identity + description words + attributes',
    needsContent: true,
    defaults: lightFmDefaults,
    choices: { loss: ['bpr', 'logistic'] },
    fit: (x, options: LightFmOptions, content) =>
      fitLightFm(x, content ? { ...options, itemFeatures: content.map(itemContentFeatures) } : options),
    score: scoreLightFm,
  }),
] as const;

/** Every fitted recommender `recommend` knows: the models the entries of {@link recommenders} fit. */
export type RecommenderModel = ReturnType<(typeof entries)[number]['fit']>;

/**
 * Every recommender, baselines first; `dplab recommend` lists those with a `cli` name in this order.
 * Each entry's operations take only its own models ({@link recommenderOf} picks it by `model.method`).
 */
export const recommenders: readonly Recommender<RecommenderModel>[] = entries;

const byMethod = new Map<string, Recommender<RecommenderModel>>(recommenders.map((r) => [r.method, r]));

/** The entry of the recommender that fitted `model`, or an error naming the methods there are. */
export function recommenderOf(model: RecommenderModel): Recommender<RecommenderModel> {
  const found = byMethod.get(model?.method);
  if (!found) {
    throw new TypeError(
      `not a fitted recommender: method ${JSON.stringify(model?.method)} (one of ${[...byMethod.keys()].join(', ')}); fit one with fitPopularity, fitItemKnn, …`,
    );
  }
  return found;
}

/** The entry of `model`'s recommender, once the model is checked to fit the interactions `x`. */
export function recommenderFitting(model: RecommenderModel, x: Interactions): Recommender<RecommenderModel> {
  const entry = recommenderOf(model);
  checkModelFits(model, x, entry.numUsers?.(model));
  return entry;
}
