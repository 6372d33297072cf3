/**
 * What the forecast and the recommender leaderboards share as a cell shows them: the table (rank,
 * name with a "baseline" tag, one number per column or the row's error), the verdict, the warnings
 * of the guardrails that fired, and the outputs they make with a chart and the journal's report.
 * The classes (`dp-lb-*`) are the page's styles for both.
 */
import type { Output } from '../../protocol.ts';

/** What a row of either leaderboard has in common. */
export interface BoardRow {
  name: string;
  label: string;
  baseline: boolean;
  rank: number;
  error?: string;
}

/** A column after the name: its heading, its number in a row, and how many significant digits. */
export interface BoardColumn<R> {
  head: string;
  value: (row: R) => number;
  digits?: number;
}

/** A leaderboard as a table to draw. */
export interface BoardTable<R extends BoardRow> {
  /** What the table shows and how it is ranked. */
  caption: string;
  /** The heading of the name column ("Model", "Recommender"). */
  nameHead: string;
  columns: readonly BoardColumn<R>[];
  rows: readonly R[];
  /** The name of the best row, marked. */
  best?: string | null;
  verdict: string;
  warnings: readonly { message: string }[];
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A number as the tables print it: `digits` significant digits, thousands as whole numbers, `—` for none. */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : String(Number(x.toPrecision(digits)));
}

/** The table, the verdict and the warnings, as HTML. */
export function leaderboardTableHtml<R extends BoardRow>(board: BoardTable<R>): string {
  const head = ['Rank', board.nameHead, ...board.columns.map((c) => c.head)]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  const body = board.rows
    .map((r) => {
      const cls = [r.baseline ? 'dp-lb-baseline' : '', r.name === board.best ? 'dp-lb-best' : '']
        .join(' ')
        .trim();
      const name = `${escapeHtml(r.label)}${r.baseline ? ' <span class="dp-lb-tag">baseline</span>' : ''}`;
      const cells = r.error
        ? `<td colspan="${board.columns.length}" class="dp-lb-error">failed: ${escapeHtml(r.error)}</td>`
        : board.columns.map((c) => `<td class="dp-num">${formatNumber(c.value(r), c.digits)}</td>`).join('');
      return `<tr class="${cls}"><td class="dp-num">${Number.isFinite(r.rank) ? r.rank : '—'}</td><th scope="row">${name}</th>${cells}</tr>`;
    })
    .join('');
  const warnings = board.warnings
    .map(
      (w) =>
        `<p class="dp-lb-warning" role="note"><strong>Check your evaluation:</strong> ${escapeHtml(w.message)}</p>`,
    )
    .join('');
  return (
    `<div class="dp-leaderboard">` +
    `<table class="dp-lb-table"><caption>${escapeHtml(board.caption)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>` +
    `<p class="dp-lb-verdict">${escapeHtml(board.verdict)}</p>${warnings}</div>`
  );
}

/**
 * A leaderboard's outputs: the table, the chart when there is one, and a `report` of each of the
 * first 50 rows' main metric (named `<metric> <row name>`) for the experiment journal.
 */
export function leaderboardOutputsOf<R extends BoardRow>(
  table: string,
  chart: string | undefined,
  rows: readonly R[],
  metric: { label: string; value: (row: R) => number },
): Output[] {
  const outputs: Output[] = [{ kind: 'html', html: table }];
  if (chart) outputs.push({ kind: 'html', html: chart });
  const metrics: Record<string, number> = {};
  for (const r of rows.slice(0, 50)) metrics[`${metric.label} ${r.name}`] = metric.value(r);
  outputs.push({ kind: 'report', metrics, label: 'leaderboard' });
  return outputs;
}
