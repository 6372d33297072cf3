/**
 * Gradient-boosted regression trees on lag features with squared loss (Friedman, "Greedy function
 * approximation: a gradient boosting machine", *Ann. Statist.* 29(5), 2001; stochastic boosting:
 * Friedman, *CSDA* 38(4), 2002) as scikit-learn's `GradientBoostingRegressor(loss="squared_error")`:
 * start from the mean, then each round fits a tree of depth `depth` to the residuals (on a
 * `subsample` fraction of the rows drawn without replacement when < 1) and adds `learningRate` times
 * its leaf means. sklearn's `friedman_mse` split criterion ranks a node's splits as the sum of
 * squares does (n_L·n_R/n·(ȳ_L − ȳ_R)² up to a factor n), so the trees are the same.
 *
 * Early stopping (`earlyStopping` > 0) differs from sklearn's on purpose: sklearn's validation set is a
 * random fraction of the rows; here it is the time-ordered tail (`validation`), so the model is not
 * tuned on the past with the future in its training set. The number of rounds with the least
 * validation error (stopping after `earlyStopping` rounds without improvement) is then used to refit
 * on all rows.
 */
import { SeededRandom } from '../../stats/random.ts';
import type { Forecast, ForecastOptions } from '../model.ts';
import { fitLagModel, forecastLagModel, type LagLearner } from './lag-model.ts';
import type { BoostStepModel, LagModelFit, LagModelOptions } from './lag-model-types.ts';
import { fractionOption, wholeOption } from './option-checks.ts';
import {
  growTree,
  predictTree,
  predictTreeColumns,
  presortColumns,
  type RegressionTree,
} from './regression-tree.ts';

/** Options of {@link fitBoost} (sklearn's defaults). */
export interface BoostOptions extends LagModelOptions {
  /** Boosting rounds (trees), the most when early stopping. Default 100. */
  trees?: number;
  /** Depth of each tree. Default 3. */
  depth?: number;
  /** Shrinkage of each tree. Default 0.1. */
  learningRate?: number;
  /** Fraction of the rows each tree is grown on, in (0, 1]. Default 1. */
  subsample?: number;
  /** Fewest rows in a leaf. Default 1. */
  minSamplesLeaf?: number;
  /** Stop after this many rounds without a better validation error; 0 = off. Default 0. */
  earlyStopping?: number;
}

export const boostDefaults = {
  trees: 100,
  depth: 3,
  learningRate: 0.1,
  subsample: 1,
  minSamplesLeaf: 1,
  earlyStopping: 0,
} as const satisfies BoostOptions;

type BoostSettings = Required<Omit<BoostOptions, keyof LagModelOptions>>;

/**
 * Boosts `rounds` trees on `rows` → `target`; with `monitor` and `earlyStopping`, stops when the
 * monitor's MSE has not improved for that many rounds and keeps the best number of rounds.
 */
export function growBoost(
  rows: readonly (readonly number[])[],
  target: readonly number[],
  o: BoostSettings,
  seed: number,
  control: { monitor?: { rows: number[][]; target: number[] }; rounds?: number } = {},
): { model: BoostStepModel; rounds: number } {
  const data = presortColumns(rows);
  const n = data.n;
  const random = new SeededRandom(seed);
  const init = target.reduce((s, v) => s + v, 0) / n;
  const raw = new Float64Array(n).fill(init);
  const residual = new Float64Array(n);
  const weight = new Float64Array(n).fill(1);
  const inBag = Math.max(1, Math.floor(o.subsample * n));
  const order = Array.from({ length: n }, (_, i) => i);
  const growth = {
    maxDepth: o.depth,
    minSamplesSplit: 2,
    minSamplesLeaf: o.minSamplesLeaf,
    maxFeatures: data.p,
  };
  const trees: RegressionTree[] = [];
  const rounds = control.rounds ?? o.trees;
  const monitor = o.earlyStopping > 0 ? control.monitor : undefined;
  const monitorRaw = monitor ? new Float64Array(monitor.rows.length).fill(init) : undefined;
  let best = Infinity;
  let bestRounds = 0;
  for (let m = 0; m < rounds; m++) {
    for (let i = 0; i < n; i++) residual[i] = target[i] - raw[i];
    if (inBag < n) {
      // A subsample without replacement: the first inBag of a shuffle.
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random.uniform() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      weight.fill(0);
      for (let q = 0; q < inBag; q++) weight[order[q]] = 1;
    }
    const tree = growTree(data, residual, weight, growth, random);
    trees.push(tree);
    for (let i = 0; i < n; i++) raw[i] += o.learningRate * predictTreeColumns(tree, data.x, n, i);
    if (monitor && monitorRaw) {
      let mse = 0;
      monitor.rows.forEach((row, r) => {
        monitorRaw[r] += o.learningRate * predictTree(tree, row);
        mse += (monitor.target[r] - monitorRaw[r]) ** 2;
      });
      if (mse < best) {
        best = mse;
        bestRounds = m + 1;
      } else if (m + 1 - bestRounds >= o.earlyStopping) break;
    }
  }
  const kept = monitor ? bestRounds : trees.length;
  return {
    model: { type: 'boost', init, learningRate: o.learningRate, trees: trees.slice(0, kept) },
    rounds: kept,
  };
}

/** Checks and completes the boosting options. */
export function boostSettings(options: BoostOptions): BoostSettings {
  const o = { ...boostDefaults, ...options };
  wholeOption('boost', 'trees', o.trees, 1);
  wholeOption('boost', 'depth', o.depth, 1);
  wholeOption('boost', 'minSamplesLeaf', o.minSamplesLeaf, 1);
  wholeOption('boost', 'earlyStopping', o.earlyStopping, 0);
  fractionOption('boost', 'subsample', o.subsample);
  if (!(o.learningRate > 0 && o.learningRate <= 1))
    throw new RangeError(`invalid boost.learningRate: ${o.learningRate} (must be in (0, 1], e.g. 0.1)`);
  if (o.earlyStopping > 0 && !((options.validation ?? 0.2) > 0))
    throw new RangeError('boost.earlyStopping needs a validation tail: set validation > 0 (e.g. 0.2)');
  const { trees, depth, learningRate, subsample, minSamplesLeaf, earlyStopping } = o;
  return { trees, depth, learningRate, subsample, minSamplesLeaf, earlyStopping };
}

function boostLearner(o: BoostSettings): LagLearner {
  return {
    kind: 'boost',
    method: 'Gradient boosting',
    settings: `${o.trees} trees, depth ${o.depth}, rate ${o.learningRate}${o.subsample < 1 ? `, subsample ${o.subsample}` : ''}${o.earlyStopping ? `, early stopping ${o.earlyStopping}` : ''}`,
    importanceByDefault: true,
    minRows: () => 2,
    fit: (rows, target, seed, control) => growBoost(rows, target, o, seed, control),
    params: (model) => ({
      rounds: (model as BoostStepModel).trees.length,
      init: (model as BoostStepModel).init,
    }),
  };
}

/** Fits gradient-boosted trees on lag features to `values` (oldest first). */
export function fitBoost(values: ArrayLike<number>, options: BoostOptions = {}): LagModelFit {
  return fitLagModel(values, options, boostLearner(boostSettings(options)));
}

/** Forecasts and intervals h steps ahead (see `lag-model.ts`). */
export function forecastBoost(fit: LagModelFit, h: number, options: ForecastOptions = {}): Forecast {
  return forecastLagModel(fit, h, options);
}
