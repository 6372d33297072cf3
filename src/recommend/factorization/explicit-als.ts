/**
 * Alternating least squares for explicit ratings with weighted-λ regularisation, "ALS-WR" (Zhou,
 * Wilkinson, Schreiber & Pan, "Large-scale parallel collaborative filtering for the Netflix Prize",
 * AAIM 2008, LNCS 5034):
 *
 *   min Σ_(u,i) observed (r_ui − x_uᵀ y_i)² + λ (Σ_u n_u ‖x_u‖² + Σ_i n_i ‖y_i‖²),
 *
 * n_u and n_i being the numbers of ratings of user u and item i. With the item vectors fixed the
 * problem splits into one small least-squares problem per user,
 * (Σ_{i∈I_u} y_i y_iᵀ + λ n_u I) x_u = Σ_{i∈I_u} r_ui y_i, solved by Cholesky; then the same for
 * items with the users fixed, and so on. Each half-step can only lower the objective. As in the
 * paper, the first factor of every item starts at its mean rating and the others at small random
 * numbers; there are no bias terms (the first factor plays that part). Users or items with no
 * ratings get zero vectors.
 */
import type { Interactions } from '../interactions.ts';
import { SeededRandom } from '../../stats/random.ts';
import { checkInteger, checkInteractions, checkPositive, checkSeed, checkUser } from './checks.ts';
import { choleskyFactor, choleskySolveFactored } from './cholesky.ts';
import {
  dotScores,
  explainByFactors,
  normalMatrix,
  recommendByFactors,
  type FactorExplain,
  type FactorRecommend,
  type LatentFactorModel,
} from './latent.ts';

/** Options of {@link fitExplicitAls}. */
export interface ExplicitAlsOptions {
  /** Number k of latent factors, an integer ≥ 1. Default 10. */
  factors?: number;
  /** Alternations (a user half-step then an item half-step), an integer ≥ 1. Default 15. */
  iterations?: number;
  /** λ > 0, multiplied by each user's and item's number of ratings. Default 0.05 (Zhou et al. found 0.065 best on Netflix). */
  regularization?: number;
  /** Standard deviation of the random initial item factors 2…k, > 0. Default 0.01. */
  initStd?: number;
  /** Seed of the initial item factors. Default 1. */
  seed?: number;
}

/** The defaults of {@link fitExplicitAls}. */
export const explicitAlsDefaults: Required<ExplicitAlsOptions> = {
  factors: 10,
  iterations: 15,
  regularization: 0.05,
  initStd: 0.01,
  seed: 1,
};

/** A fitted ALS-WR model: the predicted rating is x_uᵀ y_i. */
export interface ExplicitAlsModel extends LatentFactorModel {
  method: 'explicit-als';
  /** Training RMSE after each iteration (non-increasing up to the regularisation trade-off). */
  rmse: number[];
  /** The regularised objective after each iteration; never increases. */
  loss: number[];
  /**
   * The mean training rating. ALS-WR has no biases, so a user or item without training ratings has a
   * zero factor vector; `predictRating` answers with this mean for them instead of 0.
   */
  globalMean: number;
  params: Required<ExplicitAlsOptions>;
}

/** Fits ALS-WR to the ratings in `interactions`. */
export function fitExplicitAls(
  interactions: Interactions,
  options: ExplicitAlsOptions = {},
): ExplicitAlsModel {
  const params = { ...explicitAlsDefaults, ...options };
  const k = checkInteger('factors', params.factors, 1, '10–100 is usual');
  checkInteger('iterations', params.iterations, 1);
  const lambda = checkPositive('regularization', params.regularization, { hint: '0.05 is usual' });
  checkPositive('initStd', params.initStd);
  checkInteractions(interactions, 'Explicit ALS');
  const { userPtr, userItems, userValues, itemPtr, itemUsers, itemValues } = interactions;
  const numUsers = interactions.userIds.length;
  const numItems = interactions.itemIds.length;

  const rng = new SeededRandom(checkSeed(params.seed));
  const x = new Float64Array(numUsers * k);
  const y = normalMatrix(numItems, k, params.initStd, rng);
  for (let i = 0; i < numItems; i++) {
    let sum = 0;
    for (let p = itemPtr[i]; p < itemPtr[i + 1]; p++) sum += itemValues[p];
    const n = itemPtr[i + 1] - itemPtr[i];
    y[i * k] = n > 0 ? sum / n : 0;
  }
  const a = new Float64Array(k * k);
  const rmse: number[] = [];
  const loss: number[] = [];
  for (let it = 0; it < params.iterations; it++) {
    solveSide(userPtr, userItems, userValues, y, x, k, lambda, a);
    solveSide(itemPtr, itemUsers, itemValues, x, y, k, lambda, a);
    let sse = 0;
    let penalty = 0;
    for (let u = 0; u < numUsers; u++) {
      let norm = 0;
      for (let f = 0; f < k; f++) norm += x[u * k + f] ** 2;
      penalty += (userPtr[u + 1] - userPtr[u]) * norm;
      for (let p = userPtr[u]; p < userPtr[u + 1]; p++) {
        const i = userItems[p];
        let pred = 0;
        for (let f = 0; f < k; f++) pred += x[u * k + f] * y[i * k + f];
        sse += (userValues[p] - pred) ** 2;
      }
    }
    for (let i = 0; i < numItems; i++) {
      let norm = 0;
      for (let f = 0; f < k; f++) norm += y[i * k + f] ** 2;
      penalty += (itemPtr[i + 1] - itemPtr[i]) * norm;
    }
    rmse.push(userItems.length > 0 ? Math.sqrt(sse / userItems.length) : 0);
    loss.push(sse + lambda * penalty);
  }
  return {
    method: 'explicit-als',
    factors: k,
    numUsers,
    numItems,
    userFactors: x,
    itemFactors: y,
    rmse,
    loss,
    globalMean: userValues.length ? userValues.reduce((a, b) => a + b, 0) / userValues.length : 0,
    params,
  };
}

/**
 * One half-step: for every row r of the sparse matrix (ptr, idx, val), with the other side's
 * vectors fixed, out_r = (Σ o_j o_jᵀ + λ n_r I)⁻¹ Σ val_rj o_j. `a` is k × k scratch.
 */
function solveSide(
  ptr: Int32Array,
  idx: Int32Array,
  val: Float64Array,
  other: Float64Array,
  out: Float64Array,
  k: number,
  lambda: number,
  a: Float64Array,
): void {
  const rows = ptr.length - 1;
  for (let r = 0; r < rows; r++) {
    const start = ptr[r];
    const end = ptr[r + 1];
    const o = r * k;
    if (start === end) {
      out.fill(0, o, o + k);
      continue;
    }
    a.fill(0);
    out.fill(0, o, o + k);
    for (let p = start; p < end; p++) {
      const j = idx[p] * k;
      const v = val[p];
      for (let f = 0; f < k; f++) {
        const yf = other[j + f];
        out[o + f] += v * yf;
        const row = f * k;
        for (let g = 0; g <= f; g++) a[row + g] += yf * other[j + g];
      }
    }
    const ridge = lambda * (end - start);
    for (let f = 0; f < k; f++) a[f * k + f] += ridge;
    choleskyFactor(a, k);
    choleskySolveFactored(a, k, out, 0, o);
  }
}

/** Predicted ratings x_uᵀ y_i of `user` for every item. */
export function scoreExplicitAls(model: ExplicitAlsModel, user: number): Float64Array {
  checkUser(user, model.numUsers);
  return dotScores(model.userFactors, model.itemFactors, model.factors, user);
}

/** The k items with the highest predicted rating for `user`. */
export const recommendExplicitAls: FactorRecommend<ExplicitAlsModel> = recommendByFactors(scoreExplicitAls);

/** The user's rated items closest to `item` in factor space ({@link explainByFactors}). */
export const explainExplicitAls: FactorExplain<ExplicitAlsModel> = explainByFactors;
