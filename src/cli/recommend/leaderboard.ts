/**
 * The leaderboard `dplab recommend` prints: each algorithm's accuracy at k (precision, recall, hit
 * rate, NDCG, MAP) over the warm test users — users with history in train and items in test — and
 * two beyond-accuracy qualities of the same lists (catalogue coverage, novelty in bits), with fit and
 * recommend seconds. Baselines (popularity, random) come first: compare with the simple methods.
 */
import { evaluate, fromTriplets, type Evaluation, type Interactions } from '../../recommend/index.ts';
import { algorithm } from './algorithms.ts';
import type { AlgorithmResult } from './run-algorithm.ts';

/** One row of the leaderboard. */
export interface LeaderboardRow {
  algo: string;
  baseline: boolean;
  fitSeconds: number;
  recommendSeconds: number;
  /** Accuracy and beyond-accuracy on the test set; absent without a test set or on failure. */
  evaluation?: Evaluation;
  error?: string;
}

/** The users with at least one interaction in `x` (a 0/1 flag per user index). */
export function usersWithHistory(x: Interactions): Uint8Array {
  return Uint8Array.from({ length: x.userIds.length }, (_, u) => (x.userPtr[u + 1] > x.userPtr[u] ? 1 : 0));
}

/** `x` with only the rows of the flagged users (same user and item lists). */
export function keepUsers(x: Interactions, keep: Uint8Array): Interactions {
  let n = 0;
  for (let u = 0; u < x.userIds.length; u++) if (keep[u]) n += x.userPtr[u + 1] - x.userPtr[u];
  const us = new Int32Array(n);
  const is = new Int32Array(n);
  const vs = new Float64Array(n);
  const ts = new Float64Array(n);
  let c = 0;
  for (let u = 0; u < x.userIds.length; u++) {
    if (!keep[u]) continue;
    for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++, c++) {
      us[c] = u;
      is[c] = x.userItems[p];
      vs[c] = x.userValues[p];
      ts[c] = x.userTimes[p];
    }
  }
  return fromTriplets(x.userIds, x.itemIds, us, is, vs, ts);
}

/** Scores one algorithm's lists against `test` (already restricted to warm users). */
export function evaluateResult(
  result: AlgorithmResult,
  train: Interactions,
  test: Interactions,
  k: number,
): Evaluation {
  const lists = result.users.map((u, n) => ({
    user: train.userIds[u],
    items: result.items[n].map((i) => ({ item: train.itemIds[i] })),
  }));
  return evaluate(lists, test, train, { k });
}

/** The rows, baselines first, otherwise in the order of `algos`. */
export function leaderboard(
  results: readonly AlgorithmResult[],
  algos: readonly string[],
  train: Interactions,
  test: Interactions | undefined,
  k: number,
): LeaderboardRow[] {
  const baseline = (algo: string) => algorithm(algo).baseline === true;
  const ordered = [...algos].sort((a, b) => Number(baseline(b)) - Number(baseline(a)));
  return ordered.flatMap((algo) => {
    const r = results.find((x) => x.algo === algo);
    if (!r) return [];
    const row: LeaderboardRow = {
      algo,
      baseline: baseline(algo),
      fitSeconds: r.fitSeconds,
      recommendSeconds: r.recommendSeconds,
    };
    if (r.error) row.error = r.error;
    else if (test) row.evaluation = evaluateResult(r, train, test, k);
    return [row];
  });
}

/** The leaderboard as an aligned text table. */
export function formatLeaderboard(rows: readonly LeaderboardRow[], k: number): string {
  const f = (x: number | undefined, d: number) =>
    x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d);
  const table = [
    [
      'algorithm',
      `P@${k}`,
      `R@${k}`,
      `HR@${k}`,
      `NDCG@${k}`,
      `MAP@${k}`,
      'coverage',
      'novelty',
      'fit s',
      'recommend s',
    ],
    ...rows.map((r) => {
      const e = r.evaluation;
      const name = r.baseline ? `${r.algo} (baseline)` : r.algo;
      if (r.error) return [name, 'failed', '', '', '', '', '', '', '', ''];
      return [
        name,
        f(e?.precision, 4),
        f(e?.recall, 4),
        f(e?.hitRate, 4),
        f(e?.ndcg, 4),
        f(e?.map, 4),
        f(e?.coverage, 3),
        f(e?.novelty, 2),
        f(r.fitSeconds, 2),
        f(r.recommendSeconds, 2),
      ];
    }),
  ];
  const widths = table[0].map((_, j) => Math.max(...table.map((row) => row[j].length)));
  return table
    .map((row) =>
      row
        .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
