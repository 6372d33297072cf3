/**
 * What the machine-learning forecasters on lag features (`linear.ts`, `random-forest.ts`,
 * `gradient-boosting.ts`) share: their common options and the fitted model they return. A file of its
 * own so that the models and the pipeline that fits them (`lag-model.ts`) import the shape, not each other.
 */
import type { FittedModel } from '../model.ts';
import type { LagFeatureOptions, LagFeatureSpec } from './lag-features.ts';
import type { FeatureImportance } from './permutation-importance.ts';
import type { RegressionTree } from './regression-tree.ts';

/** Recursive: one one-step model, its forecasts fed back as lags. Direct: one model per step k. */
export type LagStrategy = 'recursive' | 'direct';

export const lagStrategies: readonly LagStrategy[] = ['recursive', 'direct'];

/** Options every lag forecaster takes (the feature options of `lagDesign` but `horizon`, plus these). */
export interface LagModelOptions extends Omit<LagFeatureOptions, 'horizon'> {
  /** Multi-step strategy. Default `recursive` (the reference's). */
  strategy?: LagStrategy;
  /** Steps the direct strategy fits a model for (forecasts may not go further). Default 2·m, at least 6. */
  horizon?: number;
  /**
   * Fraction of the rows, the latest ones, held out of a second fit for permutation importance,
   * interval errors (trees) and early stopping (boosting); the model that forecasts is then fitted on
   * all rows. 0 for none (no importances, no tree intervals). Default 0.2.
   */
  validation?: number;
  /** Compute permutation importances on the validation tail. Default true for trees, false for `linear`. */
  importance?: boolean;
  /** Shuffles per feature for the importances. Default 5. */
  importanceRepeats?: number;
  /** Simulated paths for the intervals of recursive tree forecasts. Default 200. */
  paths?: number;
  /** Seed of every random step (bootstrap, subsample, feature order, shuffles, paths). Default 1. */
  seed?: number;
}

export const lagModelDefaults = {
  strategy: 'recursive',
  validation: 0.2,
  importanceRepeats: 5,
  paths: 200,
  seed: 1,
} as const satisfies LagModelOptions;

/** A fitted linear model: ŷ = intercept + Σ coefficients[j]·x_j. */
export interface LinearStepModel {
  type: 'linear';
  intercept: number;
  coefficients: number[];
}

/** A fitted random forest: the mean of its trees. */
export interface ForestStepModel {
  type: 'forest';
  trees: RegressionTree[];
}

/** A fitted boosting model: init + learningRate · Σ trees. */
export interface BoostStepModel {
  type: 'boost';
  init: number;
  learningRate: number;
  trees: RegressionTree[];
}

export type LagStepModel = LinearStepModel | ForestStepModel | BoostStepModel;

/** A fitted lag forecaster. */
export interface LagModelFit extends FittedModel {
  kind: 'linear' | 'forest' | 'boost';
  /** Short description for tables and `--fits`, e.g. `forest(100 trees; lags 1-12)`. */
  spec: string;
  /** The features used, in column order (those of the one-step model). */
  features: string[];
  /** The feature recipe of the one-step model. */
  design: LagFeatureSpec;
  strategy: LagStrategy;
  /** The data (needed to forecast). */
  values: number[];
  /** Rows the one-step model was fitted on. */
  rows: number;
  /** One model per step for `direct`, the one-step model for `recursive`. */
  steps: LagStepModel[];
  /** Permutation importances on the validation tail (one-step model), most important first; empty if none. */
  importance: FeatureImportance[];
  /** Rows of the validation tail (0 when none). */
  validationRows: number;
  /** Each step model's errors on the validation tail, by a fit on the rows before it (target scale). */
  validationErrors: number[][];
  /** Residual variance of each step's model on the target scale (intervals of `linear`). */
  stepSigma2: number[];
  paths: number;
  seed: number;
}
