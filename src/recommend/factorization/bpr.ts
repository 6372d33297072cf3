/**
 * Bayesian Personalised Ranking with a matrix-factorisation model, BPR-MF (Rendle, Freudenthaler,
 * Gantner & Schmidt-Thieme, "BPR: Bayesian personalized ranking from implicit feedback", UAI 2009).
 *
 * Implicit feedback says only that u chose i; BPR asks the model to rank each chosen item above
 * each unchosen one, maximising Σ ln σ(x̂_uij) − λ‖Θ‖² over triples (u, i, j) with x̂_uij = x̂_ui − x̂_uj
 * and x̂_ui = b_i + w_uᵀ h_i. LearnBPR (the paper's Fig. 4) climbs it by stochastic gradient ascent
 * on triples drawn with replacement: with z = σ(−x̂_uij) = 1 − σ(x̂_uij),
 * w_u += γ(z (h_i − h_j) − λ w_u), h_i += γ(z w_u − λ h_i), h_j += γ(−z w_u − λ h_j),
 * b_i += γ(z − λ b_i), b_j += γ(−z − λ b_j). The item bias b_i is not in the paper's MF model but
 * is usual (it carries popularity, leaving the factors for taste). One epoch draws as many triples
 * as there are positives.
 */
import type { Interactions } from '../interactions.ts';
import { SeededRandom } from '../../stats/random.ts';
import { checkInteger, checkInteractions, checkPositive, checkSeed, checkUser } from './checks.ts';
import {
  dotScores,
  explainByFactors,
  normalMatrix,
  recommendByFactors,
  type FactorExplain,
  type FactorRecommend,
  type LatentFactorModel,
} from './latent.ts';
import { positiveIndex, randomIndex, sampleNegative } from './triple-sampler.ts';

/** Options of {@link fitBpr}. */
export interface BprOptions {
  /** Number k of latent factors, an integer ≥ 1. Default 32. */
  factors?: number;
  /** Epochs, each drawing as many triples as there are positives; an integer ≥ 1. Default 30. */
  epochs?: number;
  /** SGD step size γ > 0. Default 0.05. */
  learningRate?: number;
  /** L2 penalty λ ≥ 0 on factors and biases. Default 0.01. */
  regularization?: number;
  /** Standard deviation of the normal initial factors, > 0 (biases start at 0). Default 0.1. */
  initStd?: number;
  /** Seed of the initial factors and of the triples. Default 1. */
  seed?: number;
}

/** The defaults of {@link fitBpr}. */
export const bprDefaults: Required<BprOptions> = {
  factors: 32,
  epochs: 30,
  learningRate: 0.05,
  regularization: 0.01,
  initStd: 0.1,
  seed: 1,
};

/** A fitted BPR-MF model: the score of a pair is b_i + w_uᵀ h_i. */
export interface BprModel extends LatentFactorModel {
  method: 'bpr';
  /** b_i by item index. */
  itemBias: Float64Array;
  /** Mean of −ln σ(x̂_uij) over each epoch's triples (it falls as ranking improves; ln 2 ≈ 0.693 is chance). */
  loss: number[];
  params: Required<BprOptions>;
}

/** Fits BPR-MF to `interactions`; every stored value > 0 is a positive (strengths are not used). */
export function fitBpr(interactions: Interactions, options: BprOptions = {}): BprModel {
  const params = { ...bprDefaults, ...options };
  const k = checkInteger('factors', params.factors, 1, '16–128 is usual');
  checkInteger('epochs', params.epochs, 1);
  const gamma = checkPositive('learningRate', params.learningRate, { hint: '0.01–0.1 is usual' });
  const lambda = checkPositive('regularization', params.regularization, { zero: true });
  checkPositive('initStd', params.initStd);
  checkInteractions(interactions, 'BPR', { nonNegative: true });
  const numUsers = interactions.userIds.length;
  const numItems = interactions.itemIds.length;
  const index = positiveIndex(interactions);
  const nPos = index.items.length;
  if (nPos === 0)
    throw new RangeError('BPR needs at least one positive interaction; the interactions are empty');

  const rng = new SeededRandom(checkSeed(params.seed));
  const w = normalMatrix(numUsers, k, params.initStd, rng);
  const h = normalMatrix(numItems, k, params.initStd, rng);
  const b = new Float64Array(numItems);
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
      const wu = u * k;
      const hi = i * k;
      const hj = j * k;
      let x = b[i] - b[j];
      for (let f = 0; f < k; f++) x += w[wu + f] * (h[hi + f] - h[hj + f]);
      const z = 1 / (1 + Math.exp(x));
      sum += x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
      count++;
      b[i] += gamma * (z - lambda * b[i]);
      b[j] += gamma * (-z - lambda * b[j]);
      for (let f = 0; f < k; f++) {
        const wf = w[wu + f];
        const hif = h[hi + f];
        const hjf = h[hj + f];
        w[wu + f] += gamma * (z * (hif - hjf) - lambda * wf);
        h[hi + f] += gamma * (z * wf - lambda * hif);
        h[hj + f] += gamma * (-z * wf - lambda * hjf);
      }
    }
    const mean = count > 0 ? sum / count : 0;
    if (!Number.isFinite(mean)) {
      throw new RangeError(
        `BPR diverged in epoch ${epoch + 1}; lower learningRate (now ${gamma}) or raise regularization`,
      );
    }
    loss.push(mean);
  }
  return {
    method: 'bpr',
    factors: k,
    numUsers,
    numItems,
    userFactors: w,
    itemFactors: h,
    itemBias: b,
    loss,
    params,
  };
}

/** Ranking scores b_i + w_uᵀ h_i of `user` for every item (only their order means something). */
export function scoreBpr(model: BprModel, user: number): Float64Array {
  checkUser(user, model.numUsers);
  const scores = dotScores(model.userFactors, model.itemFactors, model.factors, user);
  for (let i = 0; i < scores.length; i++) scores[i] += model.itemBias[i];
  return scores;
}

/** The k items BPR ranks highest for `user`. */
export const recommendBpr: FactorRecommend<BprModel> = recommendByFactors(scoreBpr);

/** The user's items closest to `item` in factor space: "Because you bought …" ({@link explainByFactors}). */
export const explainBpr: FactorExplain<BprModel> = explainByFactors;
