/**
 * A feature-based factorisation in the spirit of LightFM (Kula, "Metadata embeddings for user and
 * item cold-start recommendations", CBRecSys 2015). Every feature f has an embedding e_f and a bias
 * b_f; a user or item is the weighted sum of its features' (eq. 1–2):
 *
 *   q_u = Σ_f w_uf e^U_f,  b_u = Σ_f w_uf b^U_f,  p_i = Σ_g w_ig e^I_g,  b_i = Σ_g w_ig b^I_g,
 *   score(u, i) = q_uᵀ p_i + b_u + b_i.
 *
 * With only identity features this is plain matrix factorisation; attributes (a category, words of
 * a title, a country) share their embedding across everyone who has them, so a NEW item or user is
 * placed from its features alone — the cold start this model exists for.
 *
 * Trained by SGD on sampled triples ({@link sampleNegative}): `'bpr'` climbs ln σ(score_ui − score_uj)
 * (Rendle et al. 2009), `'logistic'` fits σ(score) to 1 for the positive and 0 for the sampled
 * negative (LightFM's logistic loss on implicit data). Each gradient on q_u, p_i, b_i is spread over
 * the features by their weights, with L2 decay λ. LightFM's adaptive step sizes (Adagrad) are
 * replaced by one fixed step size.
 */
import type { Interactions } from './interactions.ts';
import { SeededRandom } from '../stats/random.ts';
import {
  checkInteger,
  checkInteractions,
  checkPositive,
  checkSeed,
  checkUser,
} from './factorization/checks.ts';
import {
  explainByFactors,
  normalMatrix,
  recommendByFactors,
  scoreRows,
  type FactorExplain,
  type FactorRecommend,
  type LatentFactorModel,
} from './factorization/latent.ts';
import { positiveIndex, randomIndex, sampleNegative } from './factorization/triple-sampler.ts';
import { buildFeatureRows, type FeatureList, type FeatureRows } from './hybrid-lightfm-features.ts';

/** Options of {@link fitLightFm}. */
export interface LightFmOptions {
  /** Features of each item, in `interactions.itemIds` order (names, or `{ name: weight }`). Default: none. */
  itemFeatures?: readonly FeatureList[];
  /** Features of each user, in `interactions.userIds` order. Default: none. */
  userFeatures?: readonly FeatureList[];
  /** Give each item its own identity feature (`item:<id>`). Default true. */
  itemIdentity?: boolean;
  /** Give each user its own identity feature (`user:<id>`). Default true. */
  userIdentity?: boolean;
  /** Scale each user's and item's feature weights to sum to 1. Default true. */
  normalize?: boolean;
  /** `'bpr'` (pairwise ranking) or `'logistic'` (pointwise, one sampled negative per positive). Default `'bpr'`. */
  loss?: 'bpr' | 'logistic';
  /** Embedding size k, an integer ≥ 1. Default 16. */
  factors?: number;
  /** Epochs, each drawing as many positives as there are; an integer ≥ 1. Default 30. */
  epochs?: number;
  /** SGD step size > 0. Default 0.05. */
  learningRate?: number;
  /** L2 decay λ ≥ 0 on embeddings and biases. Default 0.0001. */
  regularization?: number;
  /** Standard deviation of the normal initial embeddings, > 0 (biases start at 0). Default 0.1. */
  initStd?: number;
  /** Seed of the initial embeddings and of the samples. Default 1. */
  seed?: number;
}

type TrainingOptions = Omit<LightFmOptions, 'itemFeatures' | 'userFeatures'>;

/** The defaults of {@link fitLightFm} (there are no default features). */
export const lightFmDefaults: Required<TrainingOptions> = {
  itemIdentity: true,
  userIdentity: true,
  normalize: true,
  loss: 'bpr',
  factors: 16,
  epochs: 30,
  learningRate: 0.05,
  regularization: 0.0001,
  initStd: 0.1,
  seed: 1,
};

/**
 * A fitted hybrid. `userFactors`/`itemFactors` (and `userBias`/`itemBias`) are the summed
 * representations of the users and items it was fitted on; the feature embeddings place new ones.
 */
export interface LightFmModel extends LatentFactorModel {
  method: 'lightfm-hybrid';
  userFeatures: FeatureRows;
  itemFeatures: FeatureRows;
  /** numUserFeatures × k and numItemFeatures × k, row-major; biases by feature. */
  userFeatureEmbeddings: Float64Array;
  userFeatureBias: Float64Array;
  itemFeatureEmbeddings: Float64Array;
  itemFeatureBias: Float64Array;
  userBias: Float64Array;
  itemBias: Float64Array;
  /** Mean loss of each epoch's samples (BPR: −ln σ(x_uij); logistic: the log loss per pair). */
  loss: number[];
  params: Required<TrainingOptions>;
}

/** Fits the hybrid to `interactions` (every stored value > 0 is a positive). */
export function fitLightFm(interactions: Interactions, options: LightFmOptions = {}): LightFmModel {
  const { itemFeatures, userFeatures, ...rest } = options;
  const params = { ...lightFmDefaults, ...rest };
  const k = checkInteger('factors', params.factors, 1, '8–64 is usual');
  checkInteger('epochs', params.epochs, 1);
  const gamma = checkPositive('learningRate', params.learningRate);
  const lambda = checkPositive('regularization', params.regularization, { zero: true });
  checkPositive('initStd', params.initStd);
  if (params.loss !== 'bpr' && params.loss !== 'logistic') {
    throw new RangeError(`invalid loss: ${String(params.loss)} (must be 'bpr' or 'logistic')`);
  }
  checkInteractions(interactions, 'the LightFM-style hybrid', { nonNegative: true });
  const { normalize } = params;
  const users = buildFeatureRows(
    'user',
    interactions.userIds,
    userFeatures,
    { identity: params.userIdentity, normalize },
    'userFeatures',
  );
  const items = buildFeatureRows(
    'item',
    interactions.itemIds,
    itemFeatures,
    { identity: params.itemIdentity, normalize },
    'itemFeatures',
  );
  const index = positiveIndex(interactions);
  const nPos = index.items.length;
  if (nPos === 0)
    throw new RangeError(
      'the LightFM-style hybrid needs at least one positive interaction; the interactions are empty',
    );

  const rng = new SeededRandom(checkSeed(params.seed));
  const eu = normalMatrix(users.names.length, k, params.initStd, rng);
  const ei = normalMatrix(items.names.length, k, params.initStd, rng);
  const bu = new Float64Array(users.names.length);
  const bi = new Float64Array(items.names.length);
  const q = new Float64Array(k);
  const pi = new Float64Array(k);
  const pj = new Float64Array(k);
  const grad = new Float64Array(k);
  // Adds step·(w·g − λ·e) to every feature embedding (and bias) of row r.
  const update = (
    rows: FeatureRows,
    e: Float64Array,
    b: Float64Array,
    r: number,
    g: Float64Array,
    gb: number,
    sign: number,
  ) => {
    for (let t = rows.ptr[r]; t < rows.ptr[r + 1]; t++) {
      const f = rows.index[t];
      const w = rows.weight[t] * sign;
      for (let c = 0; c < k; c++) e[f * k + c] += gamma * (w * g[c] - lambda * e[f * k + c]);
      b[f] += gamma * (w * gb - lambda * b[f]);
    }
  };
  const loss: number[] = [];
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    let sum = 0;
    let count = 0;
    for (let s = 0; s < nPos; s++) {
      const e = randomIndex(rng, nPos);
      const u = index.userOf[e];
      const i = index.items[e];
      const j = sampleNegative(index, u, rng);
      if (j < 0) continue;
      const biasU = represent(users, eu, bu, u, k, q);
      const biasI = represent(items, ei, bi, i, k, pi);
      const biasJ = represent(items, ei, bi, j, k, pj);
      if (params.loss === 'bpr') {
        let x = biasI - biasJ;
        for (let c = 0; c < k; c++) x += q[c] * (pi[c] - pj[c]);
        const z = 1 / (1 + Math.exp(x));
        sum += softplus(-x);
        count++;
        for (let c = 0; c < k; c++) grad[c] = z * (pi[c] - pj[c]);
        update(users, eu, bu, u, grad, 0, 1);
        for (let c = 0; c < k; c++) grad[c] = z * q[c];
        update(items, ei, bi, i, grad, z, 1);
        update(items, ei, bi, j, grad, z, -1);
      } else {
        let si = biasU + biasI;
        let sj = biasU + biasJ;
        for (let c = 0; c < k; c++) {
          si += q[c] * pi[c];
          sj += q[c] * pj[c];
        }
        const gi = 1 - sigmoid(si); // label 1
        const gj = -sigmoid(sj); // label 0
        sum += softplus(-si) + softplus(sj);
        count += 2;
        for (let c = 0; c < k; c++) grad[c] = gi * pi[c] + gj * pj[c];
        update(users, eu, bu, u, grad, gi + gj, 1);
        for (let c = 0; c < k; c++) grad[c] = q[c];
        update(items, ei, bi, i, grad, 1, gi);
        update(items, ei, bi, j, grad, 1, gj);
      }
    }
    const mean = count > 0 ? sum / count : 0;
    if (!Number.isFinite(mean)) {
      throw new RangeError(
        `the LightFM-style hybrid diverged in epoch ${epoch + 1}; lower learningRate (now ${gamma})`,
      );
    }
    loss.push(mean);
  }
  const numUsers = interactions.userIds.length;
  const numItems = interactions.itemIds.length;
  const userFactors = new Float64Array(numUsers * k);
  const itemFactors = new Float64Array(numItems * k);
  const userBias = new Float64Array(numUsers);
  const itemBias = new Float64Array(numItems);
  for (let u = 0; u < numUsers; u++)
    userBias[u] = represent(users, eu, bu, u, k, userFactors.subarray(u * k, (u + 1) * k));
  for (let i = 0; i < numItems; i++)
    itemBias[i] = represent(items, ei, bi, i, k, itemFactors.subarray(i * k, (i + 1) * k));
  return {
    method: 'lightfm-hybrid',
    factors: k,
    numUsers,
    numItems,
    userFactors,
    itemFactors,
    userBias,
    itemBias,
    userFeatures: users,
    itemFeatures: items,
    userFeatureEmbeddings: eu,
    userFeatureBias: bu,
    itemFeatureEmbeddings: ei,
    itemFeatureBias: bi,
    loss,
    params,
  };
}

/** Writes row r's embedding Σ w_f e_f into `out` and returns its bias Σ w_f b_f. */
function represent(
  rows: FeatureRows,
  e: Float64Array,
  b: Float64Array,
  r: number,
  k: number,
  out: Float64Array,
): number {
  out.fill(0);
  let bias = 0;
  for (let t = rows.ptr[r]; t < rows.ptr[r + 1]; t++) {
    const f = rows.index[t];
    const w = rows.weight[t];
    for (let c = 0; c < k; c++) out[c] += w * e[f * k + c];
    bias += w * b[f];
  }
  return bias;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** ln(1 + eˣ) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Scores q_uᵀ p_i + b_u + b_i of a known `user` for every known item. */
export function scoreLightFm(model: LightFmModel, user: number): Float64Array {
  checkUser(user, model.numUsers);
  return scoreRows(
    model.itemFactors,
    model.itemBias,
    model.userFactors.subarray(user * model.factors, (user + 1) * model.factors),
    model.userBias[user],
  );
}

/** The k items ranked highest for a known `user`. */
export const recommendLightFm: FactorRecommend<LightFmModel> = recommendByFactors(scoreLightFm);

/** The user's items closest to `item` in the learned item space ({@link explainByFactors}). */
export const explainLightFm: FactorExplain<LightFmModel> = explainByFactors;
