/**
 * Runs one algorithm of `dplab recommend`: fits it on the training interactions, then ranks a top-k
 * list for each asked-for user (by dense index), the user's own items left out — the unit of work of a
 * worker thread. It never throws: a failure is reported in its result and the other algorithms go on.
 * The options given with `--param` (params.ts) reach the fit call unchanged, so the library's own
 * checks of their ranges apply.
 */
import type { TaskFunction } from '../worker-pool.ts';
import { recommendAll, type Interactions, type ItemContent } from '../../recommend/index.ts';
import { algorithm } from './algorithms.ts';
import { fitOptions, type AlgorithmParams } from './params.ts';

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

/** Fits the task's algorithm; the library's `recommendAll` ranks with it (by id, mapped back to indices). */
function fit(task: AlgorithmTask): Ranker {
  const { train, k } = task;
  const entry = algorithm(task.algo);
  const content = entry.needsContent ? contentOf(train, task.items, task.algo) : undefined;
  // Checked against the algorithm's option specs when the flags were parsed; the ranges are the fit's to check.
  const model = entry.fit(train, fitOptions(task.algo, task.params, task.seed), content);
  const itemIndex = new Map(train.itemIds.map((id, i) => [id, i]));
  return (users) =>
    recommendAll(
      model,
      train,
      users.map((u) => train.userIds[u]),
      { k },
    ).map((r) => r.items.map((s) => ({ item: itemIndex.get(s.item)!, score: s.score })));
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
