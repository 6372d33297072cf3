/**
 * A recommender leaderboard (`compareRecommenders` in `dplab/recommend`) as a cell shows it: a table
 * with the baselines first and marked, the verdict in words, the guardrails that fired, a bar chart of
 * the main metric, and a `report` of every row's main metric for the experiment journal. The twin of
 * leaderboard.ts (forecasts), with the same classes so that the page styles both alike.
 *
 * Recognised by its `kind`, so a leaderboard made in any cell (or restored from JSON) displays the same way.
 */
import * as Plot from '@observablehq/plot';
import type {
  RecommenderLeaderboard,
  RecommenderLeaderboardRow,
} from '../../recommend/compare-recommenders.ts';
import { metricLabel } from '../../recommend/recommender-verdict.ts';
import type { Output } from '../../protocol.ts';
import { workerDocument } from './dom.ts';
import {
  formatNumber,
  leaderboardOutputsOf,
  leaderboardTableHtml,
  type BoardColumn,
} from './leaderboard-table.ts';

/** Whether `value` is a recommender leaderboard. Never throws. */
export function isRecommenderLeaderboard(value: unknown): value is RecommenderLeaderboard {
  try {
    const v = value as Partial<RecommenderLeaderboard> | null;
    return (
      typeof v === 'object' && v !== null && v.kind === 'recommender-leaderboard' && Array.isArray(v.rows)
    );
  } catch {
    return false;
  }
}

const number = formatNumber;

type Column = BoardColumn<RecommenderLeaderboardRow>;

/** The columns after the name: accuracy at k (as `dplab recommend` prints it), two beyond-accuracy qualities, times. */
function columns(board: RecommenderLeaderboard): Column[] {
  const k = board.k;
  const accuracy: Column[] = [
    { head: `P@${k}`, value: (r) => r.precision },
    { head: `R@${k}`, value: (r) => r.recall },
    { head: `HR@${k}`, value: (r) => r.hitRate },
    { head: `NDCG@${k}`, value: (r) => r.ndcg },
    { head: `MAP@${k}`, value: (r) => r.map },
  ];
  if (board.metric === 'mrr') accuracy.push({ head: `MRR@${k}`, value: (r) => r.mrr });
  return [
    ...accuracy,
    { head: 'coverage', value: (r) => r.coverage },
    { head: 'novelty (bits)', value: (r) => r.novelty },
    { head: 'fit ms', value: (r) => r.fitMs, digits: 2 },
    { head: 'recommend ms', value: (r) => r.recommendMs, digits: 2 },
  ];
}

function tableHtml(board: RecommenderLeaderboard): string {
  const n = board.users.length;
  const what = `${n} test user${n === 1 ? '' : 's'}, top-${board.k} lists${
    board.relevance === null ? '' : `, relevant: value ≥ ${board.relevance}`
  }`;
  return leaderboardTableHtml({
    caption: `${what}; baselines first, ranked by ${metricLabel(board.metric, board.k)} (higher is better)`,
    nameHead: 'Recommender',
    columns: columns(board),
    rows: board.rows,
    best: board.best,
    verdict: board.verdict,
    warnings: board.warnings,
  });
}

/** The main metric of every row that worked, as bars, best first, baselines told apart by colour. */
function chartHtml(board: RecommenderLeaderboard): string | undefined {
  const bars = board.rows
    .filter((r) => Number.isFinite(r[board.metric]))
    .map((r) => ({ name: r.name, value: r[board.metric], kind: r.baseline ? 'baseline' : 'model' }));
  if (bars.length === 0) return undefined;
  const label = metricLabel(board.metric, board.k);
  const figure = Plot.plot({
    document: workerDocument(),
    height: 40 + 24 * bars.length,
    marginLeft: 110,
    marginRight: 40, // room for the value printed after the longest bar
    x: { grid: true, label: `${label} →` },
    y: { label: null },
    color: { domain: ['baseline', 'model'], range: ['#999', '#4269d0'], legend: true },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'name', fill: 'kind', sort: { y: '-x' } }),
      Plot.text(bars, {
        x: 'value',
        y: 'name',
        text: (d: { value: number }) => number(d.value),
        dx: 4,
        textAnchor: 'start',
      }),
      Plot.ruleX([0]),
    ],
  });
  return figure.outerHTML;
}

/** The outputs a recommender leaderboard shows as: the table, the chart, and the journal's report. */
export function recommenderLeaderboardOutputs(board: RecommenderLeaderboard): Output[] {
  return leaderboardOutputsOf(tableHtml(board), chartHtml(board), board.rows, {
    label: metricLabel(board.metric, board.k),
    value: (r) => r[board.metric],
  });
}
