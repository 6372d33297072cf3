/**
 * Random forest regression on lag features (Breiman, "Random forests", *Machine Learning* 45, 2001)
 * as scikit-learn's `RandomForestRegressor`: each tree is grown on a bootstrap sample of the rows (n
 * draws with replacement; repeats are weights) to full depth by default, trying `maxFeatures` of the
 * features at each node (sklearn's default for regression: all of them), and the forecast is the
 * mean of the trees. The bootstrap and the feature order come from `SeededRandom(seed)`, so a seed
 * gives one forest in Node and in the worker — but not sklearn's forest (another random stream).
 */
import { SeededRandom } from '../../stats/random.ts';
import type { Forecast, ForecastOptions } from '../model.ts';
import { fitLagModel, forecastLagModel, type LagLearner } from './lag-model.ts';
import type { ForestStepModel, LagModelFit, LagModelOptions } from './lag-model-types.ts';
import { fractionOption, wholeOption } from './option-checks.ts';
import { growTree, presortColumns, type RegressionTree } from './regression-tree.ts';

/** Options of {@link fitForest} (sklearn's names; 0 depth = no limit). */
export interface ForestOptions extends LagModelOptions {
  /** Trees. Default 100. */
  trees?: number;
  /** Deepest split level; 0 for no limit. Default 0. */
  maxDepth?: number;
  /** Fewest rows a node needs to be split. Default 2. */
  minSamplesSplit?: number;
  /** Fewest rows in a leaf. Default 1. */
  minSamplesLeaf?: number;
  /** Fraction of the features tried at each node, in (0, 1] (at least one). Default 1 (all). */
  maxFeatures?: number;
  /** Grow each tree on a bootstrap sample (false: on all rows). Default true. */
  bootstrap?: boolean;
}

export const forestDefaults = {
  trees: 100,
  maxDepth: 0,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxFeatures: 1,
  bootstrap: true,
} as const satisfies ForestOptions;

/** Grows a forest on `rows` → `target`. */
export function growForest(
  rows: readonly (readonly number[])[],
  target: readonly number[],
  options: Required<Omit<ForestOptions, keyof LagModelOptions>>,
  seed: number,
): ForestStepModel {
  const data = presortColumns(rows);
  const random = new SeededRandom(seed);
  const n = data.n;
  const growth = {
    maxDepth: options.maxDepth === 0 ? Infinity : options.maxDepth,
    minSamplesSplit: options.minSamplesSplit,
    minSamplesLeaf: options.minSamplesLeaf,
    // sklearn: max(1, int(max_features · n_features)).
    maxFeatures: Math.max(1, Math.floor(options.maxFeatures * data.p)),
  };
  const y = Float64Array.from(target);
  const weight = new Float64Array(n);
  const trees: RegressionTree[] = [];
  for (let t = 0; t < options.trees; t++) {
    if (options.bootstrap) {
      weight.fill(0);
      for (let i = 0; i < n; i++) weight[Math.floor(random.uniform() * n)] += 1;
    } else weight.fill(1);
    trees.push(growTree(data, y, weight, growth, random));
  }
  return { type: 'forest', trees };
}

function forestLearner(o: Required<Omit<ForestOptions, keyof LagModelOptions>>): LagLearner {
  return {
    kind: 'forest',
    method: 'Random forest',
    settings: `${o.trees} trees${o.maxDepth ? `, depth ${o.maxDepth}` : ''}${o.maxFeatures < 1 ? `, max features ${o.maxFeatures}` : ''}`,
    importanceByDefault: true,
    minRows: () => 2,
    fit: (rows, target, seed) => ({ model: growForest(rows, target, o, seed) }),
    params: (model) => {
      const trees = (model as ForestStepModel).trees;
      return {
        trees: trees.length,
        meanLeaves: trees.reduce((s, t) => s + t.feature.filter((f) => f < 0).length, 0) / trees.length,
      };
    },
  };
}

/** Checks and completes the forest options. */
export function forestSettings(options: ForestOptions): Required<Omit<ForestOptions, keyof LagModelOptions>> {
  const o = { ...forestDefaults, ...options };
  wholeOption('forest', 'trees', o.trees, 1);
  wholeOption('forest', 'maxDepth', o.maxDepth, 0);
  wholeOption('forest', 'minSamplesSplit', o.minSamplesSplit, 2);
  wholeOption('forest', 'minSamplesLeaf', o.minSamplesLeaf, 1);
  fractionOption('forest', 'maxFeatures', o.maxFeatures);
  if (typeof o.bootstrap !== 'boolean')
    throw new RangeError(`invalid forest.bootstrap: ${String(o.bootstrap)} (must be true or false)`);
  const { trees, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap } = o;
  return { trees, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap };
}

/** Fits a random forest on lag features to `values` (oldest first). */
export function fitForest(values: ArrayLike<number>, options: ForestOptions = {}): LagModelFit {
  return fitLagModel(values, options, forestLearner(forestSettings(options)));
}

/** Forecasts and intervals h steps ahead (see `lag-model.ts`). */
export function forecastForest(fit: LagModelFit, h: number, options: ForecastOptions = {}): Forecast {
  return forecastLagModel(fit, h, options);
}
