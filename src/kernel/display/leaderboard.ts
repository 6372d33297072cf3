/**
 * A forecast leaderboard (`compareForecasts` in `dplab/forecast`) as a cell shows it: a table with
 * the benchmarks first and a verdict in words, the guardrails that fired, a chart of the forecasts
 * against what happened, and a `report` of every model's MASE for the experiment journal.
 *
 * Recognised by its `kind`, as tables are recognised by their shape, so a leaderboard made in any
 * cell (or restored from JSON) displays the same way.
 */
import * as Plot from '@observablehq/plot';
import type { ForecastLeaderboard, LeaderboardRow } from '../../forecast/compare-forecasts.ts';
import type { Output } from '../../protocol.ts';
import { workerDocument } from './dom.ts';
import {
  formatNumber,
  leaderboardOutputsOf,
  leaderboardTableHtml,
  type BoardColumn,
} from './leaderboard-table.ts';

/** Whether `value` is a forecast leaderboard. Never throws. */
export function isForecastLeaderboard(value: unknown): value is ForecastLeaderboard {
  try {
    const v = value as Partial<ForecastLeaderboard> | null;
    return typeof v === 'object' && v !== null && v.kind === 'forecast-leaderboard' && Array.isArray(v.rows);
  } catch {
    return false;
  }
}

const number = formatNumber;

/** One sentence saying who won, in the course's terms. */
export function leaderboardVerdict(board: ForecastLeaderboard): string {
  const rows = board.rows;
  const best = rows.find((r) => r.name === board.best);
  if (!best) return 'Every model failed: see the errors in the table.';
  const models = rows.filter((r) => !r.baseline);
  if (models.length === 0)
    return `Only the benchmarks ran; the best is ${best.label} (MASE ${number(best.mase)}).`;
  const challenger = models
    .filter((r) => Number.isFinite(r.mase))
    .reduce<LeaderboardRow | undefined>((b, r) => (b && b.mase <= r.mase ? b : r), undefined);
  if (!challenger)
    return `Every model failed; the best benchmark is ${best.label} (MASE ${number(best.mase)}).`;
  if (board.beatsBaselines) {
    const runnerUp = rows
      .filter((r) => r.baseline && Number.isFinite(r.mase))
      .reduce<LeaderboardRow | undefined>((b, r) => (b && b.mase <= r.mase ? b : r), undefined);
    const margin = runnerUp
      ? ` ${number((1 - challenger.mase / runnerUp.mase) * 100, 2)} % below the best benchmark, ${runnerUp.label}`
      : '';
    return `${challenger.label} beats every benchmark: MASE ${number(challenger.mase)},${margin}.`;
  }
  return `No model beats the benchmarks here: the best is ${best.label} (MASE ${number(best.mase)}); ${challenger.label} reaches ${number(challenger.mase)}.`;
}

function tableHtml(board: ForecastLeaderboard): string {
  const what =
    board.evaluation === 'holdout'
      ? `Hold-out of ${board.horizon} points`
      : `Rolling-origin backtest: ${board.origins.length} origins × ${board.horizon} steps`;
  const columns: BoardColumn<LeaderboardRow>[] = [
    { head: 'MAE', value: (r) => r.mae },
    { head: 'RMSE', value: (r) => r.rmse },
    { head: 'sMAPE', value: (r) => r.smape },
    { head: 'MASE', value: (r) => r.mase },
    { head: 'MASE ÷ Naïve2', value: (r) => r.maseVsNaive2 },
    { head: 'ms', value: (r) => r.timeMs, digits: 2 },
  ];
  return leaderboardTableHtml({
    caption: `${what}; benchmarks first, ranked by MASE (lower is better)`,
    nameHead: 'Model',
    columns,
    rows: board.rows,
    best: board.best,
    verdict: leaderboardVerdict(board),
    warnings: board.warnings,
  });
}

/** The last stretch of history and each model's forecasts, the best and the benchmarks drawn. */
function chartHtml(board: ForecastLeaderboard): string | undefined {
  if (board.actual.length === 0) return undefined;
  const first = Math.min(...board.origins);
  const from = Math.max(0, first - 3 * Math.max(board.period, board.horizon));
  const history = board.history.slice(from).map((y, i) => ({ t: from + i, y, series: 'actual' }));
  const shown = board.rows.filter((r) => r.forecast.length > 0).slice(0, 8);
  const lines = shown.flatMap((r) =>
    r.forecast.map((y, i) => {
      const origin = board.origins[Math.floor(i / board.horizon)];
      return { t: origin + (i % board.horizon), y, series: r.label, origin };
    }),
  );
  const figure = Plot.plot({
    document: workerDocument(),
    height: 260,
    marginLeft: 50,
    x: { label: 'time index' },
    y: { grid: true, label: null },
    color: { legend: true },
    marks: [
      Plot.line(history, { x: 't', y: 'y', stroke: '#555' }),
      Plot.line(lines, {
        x: 't',
        y: 'y',
        stroke: 'series',
        z: (d: { series: string; origin: number }) => `${d.series}@${d.origin}`,
      }),
      Plot.ruleX([first], { stroke: '#999', strokeDasharray: '3,3' }),
    ],
  });
  return figure.outerHTML;
}

/** The outputs a leaderboard shows as: the table, the chart, and the journal's report. */
export function leaderboardOutputs(board: ForecastLeaderboard): Output[] {
  return leaderboardOutputsOf(tableHtml(board), chartHtml(board), board.rows, {
    label: 'MASE',
    value: (r) => r.mase,
  });
}
