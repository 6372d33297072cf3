/** Writes the lists of `dplab recommend --out`: one row per user, algorithm and rank — `user,algo,rank,item,score`. */
import { csvFormatRows } from 'd3-dsv';
import type { Interactions } from '../../recommend/index.ts';
import type { AlgorithmResult } from './algorithms.ts';

/** The CSV text, header included; failed algorithms have no rows. */
export function formatRecommendations(results: readonly AlgorithmResult[], train: Interactions): string {
  const rows: string[][] = [['user', 'algo', 'rank', 'item', 'score']];
  for (const r of results) {
    r.users.forEach((u, n) => {
      (r.items[n] ?? []).forEach((i, rank) => {
        rows.push([
          train.userIds[u],
          r.algo,
          String(rank + 1),
          train.itemIds[i],
          String(+r.scores[n][rank].toPrecision(6)),
        ]);
      });
    });
  }
  return csvFormatRows(rows) + '\n';
}
