/**
 * The recommenders `dplab recommend` runs, each behind one shape: fit on the training interactions,
 * then a top-k list for each asked-for user (by dense index), the user's own items left out. Running
 * one algorithm is the unit of work of a worker thread ({@link runAlgorithm}); it never throws — a
 * failure is reported in its result and the other algorithms go on. The options given with `--param`
 * (params.ts) reach the fit call unchanged, so the library's own checks of their ranges apply.
 */
import type { TaskFunction } from '../worker-pool.ts';
import {
  bprDefaults,
  fitBpr,
  fitContentBased,
  fitImplicitAls,
  fitItemKnn,
  fitLightFm,
  fitPopularity,
  fitRandom,
  fitUserKnn,
  implicitAlsDefaults,
  neighbourDefaults,
  popularityDefaults,
  recommendAll,
  recommendBpr,
  recommendImplicitAls,
  recommendLightFm,
  tokenize,
  type BprOptions,
  type ContentBasedOptions,
  type ImplicitAlsOptions,
  type Interactions,
  type ItemContent,
  type ItemKnnOptions,
  type LightFmOptions,
  type PopularityOptions,
  type RandomOptions,
  type RecommenderModel,
  type UserKnnOptions,
} from '../../recommend/index.ts';
import { fitOptions, type AlgorithmParams } from './params.ts';

/** One algorithm of the command. */
export interface AlgorithmInfo {
  name: string;
  /** A baseline every other algorithm should beat (listed first). */
  baseline: boolean;
  /** Needs the items file (`--items`). */
  needsItems: boolean;
  description: string;
}

export const algorithms: readonly AlgorithmInfo[] = [
  {
    name: 'pop',
    baseline: true,
    needsItems: false,
    description: `most popular items (by ${popularityDefaults.count})`,
  },
  { name: 'random', baseline: true, needsItems: false, description: 'uniformly random items' },
  {
    name: 'itemknn',
    baseline: false,
    needsItems: false,
    description: `item-kNN, ${neighbourDefaults.similarity}, ${neighbourDefaults.neighbours} neighbours`,
  },
  {
    name: 'userknn',
    baseline: false,
    needsItems: false,
    description: `user-kNN, ${neighbourDefaults.similarity}, ${neighbourDefaults.neighbours} neighbours`,
  },
  {
    name: 'als',
    baseline: false,
    needsItems: false,
    description: `implicit ALS, ${implicitAlsDefaults.factors} factors, ${implicitAlsDefaults.iterations} iterations`,
  },
  {
    name: 'bpr',
    baseline: false,
    needsItems: false,
    description: `BPR-MF, ${bprDefaults.factors} factors, ${bprDefaults.epochs} epochs`,
  },
  { name: 'content', baseline: false, needsItems: true, description: 'content-based, TF-IDF + attributes' },
  {
    name: 'hybrid',
    baseline: false,
    needsItems: true,
    description: 'LightFM-style hybrid: identity + description words + attributes',
  },
];

/** The algorithm called `name`, or an error listing the valid ones. */
export function algorithm(name: string): AlgorithmInfo {
  const a = algorithms.find((x) => x.name === name);
  if (!a)
    throw new Error(`unknown algorithm "${name}": choose from ${algorithms.map((x) => x.name).join(', ')}`);
  return a;
}

/** What a worker is asked to do. */
export interface AlgorithmTask {
  algo: string;
  train: Interactions;
  /** Dense user indices to recommend for. */
  users: number[];
  k: number;
  seed: number;
  items?: ItemContent[];
  /** The options given with `--param` for this algorithm (defaults otherwise). */
  params?: AlgorithmParams;
}

/** One algorithm's lists: `items[n]` and `scores[n]` are the list of `users[n]` (item indices, best first). */
export interface AlgorithmResult {
  algo: string;
  fitSeconds: number;
  recommendSeconds: number;
  users: number[];
  items: number[][];
  scores: number[][];
  error?: string;
}

/** A fitted model as a function from user indices to their top-k (item index, score) lists. */
type Ranker = (users: readonly number[]) => { item: number; score: number }[][];

/** For the models of the library's registry, which name users and items by id. */
function fromRegistry(
  model: RecommenderModel,
  train: Interactions,
  k: number,
  itemIndex: Map<string, number>,
): Ranker {
  return (users) =>
    recommendAll(
      model,
      train,
      users.map((u) => train.userIds[u]),
      { k },
    ).map((r) => r.items.map((s) => ({ item: itemIndex.get(s.item)!, score: s.score })));
}

/** For the factor models, which rank by dense user index. */
const byIndex =
  (rank: (u: number) => { item: number; score: number }[]): Ranker =>
  (users) =>
    users.map(rank);

/** Every item of `train` with its content; items missing from the file get an empty description. */
function contentOf(
  train: Interactions,
  items: readonly ItemContent[] | undefined,
  algo: string,
): ItemContent[] {
  if (!items) throw new Error(`${algo} needs item descriptions: pass --items items.csv`);
  const byId = new Map(items.map((c) => [c.id, c]));
  return train.itemIds.map((id) => byId.get(id) ?? { id, text: '' });
}

/** The LightFM features of an item: its description words and its categorical attributes. */
function itemFeatures(c: ItemContent): string[] {
  const words = [...new Set(tokenize(c.text ?? ''))].map((w) => `word:${w}`);
  const attrs = Object.entries(c.attributes ?? {})
    .filter(([, v]) => typeof v === 'string')
    .map(([key, v]) => `${key}=${v}`);
  return [...words, ...attrs];
}

function fit(task: AlgorithmTask): Ranker {
  const { train, k, seed } = task;
  const itemIndex = new Map(train.itemIds.map((id, i) => [id, i]));
  // Checked against the algorithm's option specs when the flags were parsed; the ranges are the fit's to check.
  const options = fitOptions(task.algo, task.params, seed);
  switch (task.algo) {
    case 'pop':
      return fromRegistry(fitPopularity(train, options as PopularityOptions), train, k, itemIndex);
    case 'random':
      return fromRegistry(fitRandom(train, options as RandomOptions), train, k, itemIndex);
    case 'itemknn':
      return fromRegistry(fitItemKnn(train, options as ItemKnnOptions), train, k, itemIndex);
    case 'userknn':
      return fromRegistry(fitUserKnn(train, options as UserKnnOptions), train, k, itemIndex);
    case 'content':
      return fromRegistry(
        fitContentBased(train, contentOf(train, task.items, 'content'), options as ContentBasedOptions),
        train,
        k,
        itemIndex,
      );
    case 'als': {
      const model = fitImplicitAls(train, options as ImplicitAlsOptions);
      return byIndex((u) => recommendImplicitAls(model, train, u, { k }));
    }
    case 'bpr': {
      const model = fitBpr(train, options as BprOptions);
      return byIndex((u) => recommendBpr(model, train, u, { k }));
    }
    case 'hybrid': {
      const content = contentOf(train, task.items, 'hybrid');
      const model = fitLightFm(train, {
        ...(options as LightFmOptions),
        itemFeatures: content.map(itemFeatures),
      });
      return byIndex((u) => recommendLightFm(model, train, u, { k }));
    }
    default:
      throw new Error(algorithm(task.algo).name);
  }
}

/** Fits one algorithm and ranks for every asked-for user; never throws. */
export function runAlgorithm(task: AlgorithmTask): AlgorithmResult {
  const result: AlgorithmResult = {
    algo: task.algo,
    fitSeconds: 0,
    recommendSeconds: 0,
    users: task.users,
    items: [],
    scores: [],
  };
  let t = performance.now();
  try {
    const rank = fit(task);
    result.fitSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    for (const list of rank(task.users)) {
      result.items.push(list.map((s) => s.item));
      result.scores.push(list.map((s) => s.score));
    }
    result.recommendSeconds = (performance.now() - t) / 1000;
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    result.items = [];
    result.scores = [];
  }
  return result;
}

/** {@link runAlgorithm} as a task worker threads can run. */
export const algorithmTask: TaskFunction<AlgorithmTask, AlgorithmResult> = {
  run: runAlgorithm,
  module: import.meta.url,
  exportName: 'runAlgorithm',
};
