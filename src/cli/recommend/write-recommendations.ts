/**
 * Writes the lists of `dplab recommend --out`: one record per user, algorithm and rank —
 * `user,algo,rank,item,score` — as CSV (`.csv`) or as a JSON array of `{ user, algo, rank, item, score }`
 * objects (`.json`). JSON keeps the CSV's flat rows rather than nesting per user so the two formats hold
 * the same records and load the same way (one table in pandas, DuckDB or jq); rank and score are numbers.
 */
import { csvFormatRows } from 'd3-dsv';
import type { Interactions } from '../../recommend/index.ts';
import type { AlgorithmResult } from './run-algorithm.ts';

/** One recommendation: `rank` counts from 1 (best); `score` has 6 significant digits. */
export interface RecommendationRecord {
  user: string;
  algo: string;
  rank: number;
  item: string;
  score: number;
}

/** Every list as records, in result order; failed algorithms have none. */
export function recommendationRecords(
  results: readonly AlgorithmResult[],
  train: Interactions,
): RecommendationRecord[] {
  const out: RecommendationRecord[] = [];
  for (const r of results) {
    r.users.forEach((u, n) => {
      (r.items[n] ?? []).forEach((i, rank) => {
        out.push({
          user: train.userIds[u],
          algo: r.algo,
          rank: rank + 1,
          item: train.itemIds[i],
          score: +r.scores[n][rank].toPrecision(6),
        });
      });
    });
  }
  return out;
}

/** The CSV text, header included. */
export function formatRecommendations(results: readonly AlgorithmResult[], train: Interactions): string {
  const rows = recommendationRecords(results, train).map((r) => [
    r.user,
    r.algo,
    String(r.rank),
    r.item,
    String(r.score),
  ]);
  return csvFormatRows([['user', 'algo', 'rank', 'item', 'score'], ...rows]) + '\n';
}

/** The JSON text: an array with one record per line, so large files stay readable and diffable. */
export function formatRecommendationsJson(results: readonly AlgorithmResult[], train: Interactions): string {
  const records = recommendationRecords(results, train);
  return records.length ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` : '[]\n';
}
