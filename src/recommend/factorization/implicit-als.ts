/**
 * Implicit-feedback ALS (Hu, Koren & Volinsky, "Collaborative filtering for implicit feedback
 * datasets", ICDM 2008): every user–item pair counts, the observed ones as preference 1 with
 * confidence c_ui = 1 + α r_ui, the rest as preference 0 with confidence 1,
 *
 *   min Σ_u Σ_i c_ui (p_ui − x_uᵀ y_i)² + λ (Σ_u ‖x_u‖² + Σ_i ‖y_i‖²),
 *
 * minimised by alternating exact-in-one-side least squares. Each row is solved by a few
 * conjugate-gradient steps warm-started from the previous iterate (Takács, Pilászy & Tikk, RecSys
 * 2011), using YᵀY computed once per half-step, so one iteration costs
 * O((nnz·k + (numUsers + numItems)·k²) · cgSteps) — see `implicit-solve.ts`. `solver: 'cholesky'`
 * solves each row exactly instead, as in the paper (O(nnz·k² + (numUsers + numItems)·k³)).
 */
import type { Interactions } from '../interactions.ts';
import { SeededRandom } from '../../stats/random.ts';
import { checkInteger, checkInteractions, checkPositive, checkSeed, checkUser } from './checks.ts';
import {
  cgScratch,
  gramMatrix,
  implicitRowCg,
  implicitRowCholesky,
  type SparseRow,
} from './implicit-solve.ts';
import {
  dotScores,
  explainByFactors,
  normalMatrix,
  recommendByFactors,
  type FactorExplain,
  type FactorRecommend,
  type LatentFactorModel,
} from './latent.ts';

/** Options of {@link fitImplicitAls}. */
export interface ImplicitAlsOptions {
  /** Number k of latent factors, an integer ≥ 1. Default 64. */
  factors?: number;
  /** Alternations (users, then items), an integer ≥ 1. Default 15. */
  iterations?: number;
  /** L2 penalty λ ≥ 0 on all vectors. Default 0.01. */
  regularization?: number;
  /**
   * Confidence slope α ≥ 0 in c = 1 + α r. Default 1. Hu et al. used 40 for TV watching times; for
   * purchase counts smaller values rank better (tune it on a validation split).
   */
  alpha?: number;
  /** Conjugate-gradient steps per row and half-step, an integer ≥ 1. Default 3 (Takács et al.). */
  cgSteps?: number;
  /** `'cg'` (fast, approximate per half-step) or `'cholesky'` (exact rows). Default `'cg'`. */
  solver?: 'cg' | 'cholesky';
  /** Standard deviation of the normal initial factors, > 0. Default 0.01. */
  initStd?: number;
  /** Seed of the initial factors. Default 1. */
  seed?: number;
}

/** The defaults of {@link fitImplicitAls}. */
export const implicitAlsDefaults: Required<ImplicitAlsOptions> = {
  factors: 64,
  iterations: 15,
  regularization: 0.01,
  alpha: 1,
  cgSteps: 3,
  solver: 'cg',
  initStd: 0.01,
  seed: 1,
};

/** A fitted implicit ALS model: the score of a pair is x_uᵀ y_i, a predicted preference. */
export interface ImplicitAlsModel extends LatentFactorModel {
  method: 'implicit-als';
  /** The objective above after each iteration, divided by numUsers·numItems (a mean weighted squared error plus penalty). */
  loss: number[];
  params: Required<ImplicitAlsOptions>;
}

/** Fits implicit ALS to `interactions` (values are strengths r ≥ 0: counts, or 1). */
export function fitImplicitAls(
  interactions: Interactions,
  options: ImplicitAlsOptions = {},
): ImplicitAlsModel {
  const params = { ...implicitAlsDefaults, ...options };
  const k = checkInteger('factors', params.factors, 1, '32–128 is usual');
  checkInteger('iterations', params.iterations, 1);
  const lambda = checkPositive('regularization', params.regularization, { zero: true });
  const alpha = checkPositive('alpha', params.alpha, { zero: true, hint: 'usually 1–40' });
  const steps = checkInteger('cgSteps', params.cgSteps, 1, '3 is usual');
  if (params.solver !== 'cg' && params.solver !== 'cholesky') {
    throw new RangeError(`invalid solver: ${String(params.solver)} (must be 'cg' or 'cholesky')`);
  }
  checkPositive('initStd', params.initStd);
  checkInteractions(interactions, 'Implicit ALS', { nonNegative: true });
  const { userPtr, userItems, userValues, itemPtr, itemUsers, itemValues } = interactions;
  const numUsers = interactions.userIds.length;
  const numItems = interactions.itemIds.length;

  const rng = new SeededRandom(checkSeed(params.seed));
  const x = normalMatrix(numUsers, k, params.initStd, rng);
  const y = normalMatrix(numItems, k, params.initStd, rng);
  const gramX = new Float64Array(k * k);
  const gramY = gramMatrix(y, k);
  const scratch = cgScratch(k);
  const a = new Float64Array(k * k);
  const row: SparseRow = { idx: userItems, val: userValues, start: 0, end: 0 };

  // Solves every row of one side; with `measure`, also returns the observed pairs' share of the
  // loss, computed right after each row is solved while its vectors are still in cache.
  const halfStep = (
    ptr: Int32Array,
    idx: Int32Array,
    val: Float64Array,
    other: Float64Array,
    gram: Float64Array,
    out: Float64Array,
    measure: boolean,
  ): number => {
    row.idx = idx;
    row.val = val;
    let observed = 0;
    for (let r = 0; r + 1 < ptr.length; r++) {
      row.start = ptr[r];
      row.end = ptr[r + 1];
      if (params.solver === 'cg')
        implicitRowCg(gram, other, k, row, alpha, lambda, out, r * k, steps, scratch);
      else implicitRowCholesky(gram, other, k, row, alpha, lambda, out, r * k, a);
      if (measure) observed += observedLoss(other, k, row, alpha, out, r * k);
    }
    return observed;
  };

  const loss: number[] = [];
  for (let it = 0; it < params.iterations; it++) {
    halfStep(userPtr, userItems, userValues, y, gramY, x, false);
    gramMatrix(x, k, gramX);
    const observed = halfStep(itemPtr, itemUsers, itemValues, x, gramX, y, true);
    gramMatrix(y, k, gramY); // for the loss and the next iteration's user half-step
    // Σ_u Σ_i c_ui (p_ui − s_ui)² + λ(‖X‖² + ‖Y‖²) without visiting the zeros: the sum of s_ui² over
    // all pairs is Σ_ab (XᵀX)_ab (YᵀY)_ab, the squared norms are traces, and each observed pair
    // corrects its own term (`observed`).
    let total = observed;
    for (let j = 0; j < k * k; j++) total += gramX[j] * gramY[j];
    for (let f = 0; f < k; f++) total += lambda * (gramX[f * k + f] + gramY[f * k + f]);
    loss.push(total / Math.max(1, numUsers * numItems));
  }
  if (!loss.every(Number.isFinite)) {
    throw new RangeError('implicit ALS produced non-finite factors; raise regularization or lower alpha');
  }
  return {
    method: 'implicit-als',
    factors: k,
    numUsers,
    numItems,
    userFactors: x,
    itemFactors: y,
    loss,
    params,
  };
}

/** Σ over the row's observed pairs of c (1 − s)² − s², s = vᵀ o_j, v = `v[vOff…vOff+k)`. */
function observedLoss(
  other: Float64Array,
  k: number,
  { idx, val, start, end }: SparseRow,
  alpha: number,
  v: Float64Array,
  vOff: number,
): number {
  let total = 0;
  for (let q = start; q < end; q++) {
    const r = val[q];
    if (!(r > 0)) continue;
    const o = idx[q] * k;
    let s0 = 0;
    let s1 = 0;
    let f = 0;
    for (; f + 1 < k; f += 2) {
      s0 += other[o + f] * v[vOff + f];
      s1 += other[o + f + 1] * v[vOff + f + 1];
    }
    if (f < k) s0 += other[o + f] * v[vOff + f];
    const s = s0 + s1;
    total += (1 + alpha * r) * (1 - s) ** 2 - s * s;
  }
  return total;
}

/** Predicted preferences x_uᵀ y_i of `user` for every item. */
export function scoreImplicitAls(model: ImplicitAlsModel, user: number): Float64Array {
  checkUser(user, model.numUsers);
  return dotScores(model.userFactors, model.itemFactors, model.factors, user);
}

/** The k items with the highest predicted preference for `user`. */
export const recommendImplicitAls: FactorRecommend<ImplicitAlsModel> = recommendByFactors(scoreImplicitAls);

/** The user's items closest to `item` in factor space: "Because you bought …" ({@link explainByFactors}). */
export const explainImplicitAls: FactorExplain<ImplicitAlsModel> = explainByFactors;
