/**
 * Biased matrix factorisation for explicit ratings, trained by stochastic gradient descent: "Funk
 * SVD" (Simon Funk, "Netflix Update: Try This at Home", 2006) with the baseline terms of Koren, Bell
 * & Volinsky ("Matrix factorization techniques for recommender systems", *IEEE Computer* 42(8),
 * 2009, eq. 5):
 *
 *   r̂_ui = μ + b_u + b_i + p_uᵀ q_i,
 *   min Σ_(u,i) observed (r_ui − r̂_ui)² + λ (‖p_u‖² + ‖q_i‖² + b_u² + b_i²).
 *
 * Each epoch visits the observed ratings in a seeded random order; for each, with e = r_ui − r̂_ui,
 * b_u += γ(e − λ b_u), b_i += γ(e − λ b_i), p_u += γ(e q_i − λ p_u), q_i += γ(e p_u − λ q_i)
 * (the two vector updates use the old values, as Koren et al. write them).
 * The defaults are those of Surprise's `SVD`, so results are comparable in size.
 */
import type { Interactions } from '../interactions.ts';
import { SeededRandom } from '../../stats/random.ts';
import { checkInteger, checkInteractions, checkItem, checkPositive, checkSeed, checkUser } from './checks.ts';
import {
  dotScores,
  explainByFactors,
  normalMatrix,
  recommendByFactors,
  type FactorExplain,
  type FactorRecommend,
  type LatentFactorModel,
} from './latent.ts';

/** Options of {@link fitFunkSvd}. */
export interface FunkSvdOptions {
  /** Number k of latent factors, an integer ≥ 1. Default 100. */
  factors?: number;
  /** Passes over the ratings, an integer ≥ 1. Default 20. */
  epochs?: number;
  /** SGD step size γ > 0. Default 0.005. */
  learningRate?: number;
  /** L2 penalty λ ≥ 0 on biases and factors. Default 0.02. */
  regularization?: number;
  /** Standard deviation of the normal initial factors (biases start at 0), > 0. Default 0.1. */
  initStd?: number;
  /** Seed of the initial factors and of the visiting order. Default 1. */
  seed?: number;
}

/** The defaults of {@link fitFunkSvd} (Surprise's `SVD`). */
export const funkSvdDefaults: Required<FunkSvdOptions> = {
  factors: 100,
  epochs: 20,
  learningRate: 0.005,
  regularization: 0.02,
  initStd: 0.1,
  seed: 1,
};

/** A fitted Funk SVD model. */
export interface FunkSvdModel extends LatentFactorModel {
  method: 'funk-svd';
  /** Mean μ of the training ratings. */
  globalMean: number;
  /** b_u by user index. */
  userBias: Float64Array;
  /** b_i by item index. */
  itemBias: Float64Array;
  /** Training RMSE after each epoch. */
  rmse: number[];
  params: Required<FunkSvdOptions>;
}

/** Fits Funk SVD to the ratings in `interactions` (values are the ratings). */
export function fitFunkSvd(interactions: Interactions, options: FunkSvdOptions = {}): FunkSvdModel {
  const params = { ...funkSvdDefaults, ...options };
  const k = checkInteger('factors', params.factors, 1, '10–100 is usual');
  checkInteger('epochs', params.epochs, 1);
  const gamma = checkPositive('learningRate', params.learningRate, { hint: '0.005 is usual' });
  const lambda = checkPositive('regularization', params.regularization, { zero: true });
  checkPositive('initStd', params.initStd);
  checkInteractions(interactions, 'Funk SVD');
  const { userPtr, userItems, userValues: r } = interactions;
  const numUsers = interactions.userIds.length;
  const numItems = interactions.itemIds.length;
  const nnz = userItems.length;
  if (nnz === 0) throw new RangeError('Funk SVD needs at least one rating; the interactions are empty');

  const rng = new SeededRandom(checkSeed(params.seed));
  const p = normalMatrix(numUsers, k, params.initStd, rng);
  const q = normalMatrix(numItems, k, params.initStd, rng);
  const bu = new Float64Array(numUsers);
  const bi = new Float64Array(numItems);
  let mu = 0;
  for (let e = 0; e < nnz; e++) mu += r[e];
  mu /= nnz;
  const userOf = new Int32Array(nnz);
  for (let u = 0; u < numUsers; u++) userOf.fill(u, userPtr[u], userPtr[u + 1]);
  const order = new Int32Array(nnz);
  for (let e = 0; e < nnz; e++) order[e] = e;

  const rmse: number[] = [];
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let e = nnz - 1; e > 0; e--) {
      const j = Math.floor(rng.uniform() * (e + 1));
      const t = order[e];
      order[e] = order[j];
      order[j] = t;
    }
    for (let n = 0; n < nnz; n++) {
      const e = order[n];
      const u = userOf[e];
      const i = userItems[e];
      const pu = u * k;
      const qi = i * k;
      let pred = mu + bu[u] + bi[i];
      for (let f = 0; f < k; f++) pred += p[pu + f] * q[qi + f];
      const err = r[e] - pred;
      bu[u] += gamma * (err - lambda * bu[u]);
      bi[i] += gamma * (err - lambda * bi[i]);
      for (let f = 0; f < k; f++) {
        const puf = p[pu + f];
        const qif = q[qi + f];
        p[pu + f] += gamma * (err * qif - lambda * puf);
        q[qi + f] += gamma * (err * puf - lambda * qif);
      }
    }
    let sse = 0;
    for (let e = 0; e < nnz; e++) {
      const u = userOf[e];
      const i = userItems[e];
      let pred = mu + bu[u] + bi[i];
      for (let f = 0; f < k; f++) pred += p[u * k + f] * q[i * k + f];
      sse += (r[e] - pred) ** 2;
    }
    const fit = Math.sqrt(sse / nnz);
    if (!Number.isFinite(fit)) {
      throw new RangeError(
        `Funk SVD diverged in epoch ${epoch + 1} (training RMSE ${fit}); lower learningRate (now ${gamma})`,
      );
    }
    rmse.push(fit);
  }
  return {
    method: 'funk-svd',
    factors: k,
    numUsers,
    numItems,
    userFactors: p,
    itemFactors: q,
    globalMean: mu,
    userBias: bu,
    itemBias: bi,
    rmse,
    params,
  };
}

/** The predicted rating r̂_ui = μ + b_u + b_i + p_uᵀ q_i. */
export function predictFunkSvd(model: FunkSvdModel, user: number, item: number): number {
  checkUser(user, model.numUsers);
  checkItem(item, model.numItems);
  const k = model.factors;
  let s = model.globalMean + model.userBias[user] + model.itemBias[item];
  for (let f = 0; f < k; f++) s += model.userFactors[user * k + f] * model.itemFactors[item * k + f];
  return s;
}

/** Predicted ratings of `user` for every item. */
export function scoreFunkSvd(model: FunkSvdModel, user: number): Float64Array {
  checkUser(user, model.numUsers);
  const scores = dotScores(model.userFactors, model.itemFactors, model.factors, user);
  const base = model.globalMean + model.userBias[user];
  for (let i = 0; i < scores.length; i++) scores[i] += base + model.itemBias[i];
  return scores;
}

/** The k items with the highest predicted rating for `user`. */
export const recommendFunkSvd: FactorRecommend<FunkSvdModel> = recommendByFactors(scoreFunkSvd);

/** The user's rated items closest to `item` in factor space ({@link explainByFactors}). */
export const explainFunkSvd: FactorExplain<FunkSvdModel> = explainByFactors;
