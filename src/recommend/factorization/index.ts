/**
 * Latent-factor recommenders: Funk SVD and explicit ALS for ratings, implicit ALS and BPR for
 * implicit feedback, with the Cholesky and conjugate-gradient solvers they use. Every model has
 * `fitX(interactions, options) → XModel` (plain data), `scoreX(model, user)` (one score per item),
 * `recommendX(model, interactions, user, { k, exclude })` (dense item indices; ids via
 * `interactions.itemIds`) and `explainX` ("because you bought …"); the last two are the same for
 * every model, built from `scoreX` by `recommendByFactors` and `explainByFactors` (latent.ts).
 */
export { choleskyFactor, choleskySolveFactored, choleskySolve } from './cholesky.ts';
export {
  explainByFactors,
  recommendByFactors,
  latentFactorRecommender,
  type LatentFactorModel,
  type LatentFactorEntry,
  type ItemExplanation,
  type FactorExplainOptions,
  type FactorScorer,
  type FactorRecommend,
  type FactorExplain,
} from './latent.ts';
export {
  topItems,
  recommendFromScores,
  topItemsDefaults,
  type RankedItem,
  type TopItemsOptions,
} from './top-items.ts';
export {
  fitFunkSvd,
  predictFunkSvd,
  scoreFunkSvd,
  recommendFunkSvd,
  explainFunkSvd,
  funkSvdDefaults,
  type FunkSvdModel,
  type FunkSvdOptions,
} from './funk-svd.ts';
export {
  fitExplicitAls,
  scoreExplicitAls,
  recommendExplicitAls,
  explainExplicitAls,
  explicitAlsDefaults,
  type ExplicitAlsModel,
  type ExplicitAlsOptions,
} from './explicit-als.ts';
export {
  fitImplicitAls,
  scoreImplicitAls,
  recommendImplicitAls,
  explainImplicitAls,
  implicitAlsDefaults,
  type ImplicitAlsModel,
  type ImplicitAlsOptions,
} from './implicit-als.ts';
export {
  implicitRowCg,
  implicitRowCholesky,
  gramMatrix,
  cgScratch,
  type CgScratch,
  type SparseRow,
} from './implicit-solve.ts';
export {
  fitBpr,
  scoreBpr,
  recommendBpr,
  explainBpr,
  bprDefaults,
  type BprModel,
  type BprOptions,
} from './bpr.ts';
