/**
 * The leaderboard `dplab forecast --holdout` prints: each method's mean sMAPE and MASE over the
 * series it forecast, its ratio to Naïve2 (the M-competition benchmark; below 1 beats it), and how
 * long it took. Baselines come first, as the course insists: compare with the simple methods.
 */
import { forecastMethod } from '../../forecast/registry.ts';
import type { SeriesResult } from './run-series.ts';

/** One row of the leaderboard. */
export interface LeaderboardRow {
  method: string;
  baseline: boolean;
  /** Series the method forecast, and series where it failed. */
  ok: number;
  failed: number;
  smape?: number;
  mase?: number;
  /** sMAPE and MASE divided by Naïve2's on the same series. */
  smapeVsNaive2?: number;
  maseVsNaive2?: number;
  /** Total and mean milliseconds of fitting and forecasting. */
  totalMs: number;
  meanMs: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Aggregates results per method, in the order of `methods` with baselines first. */
export function leaderboard(results: readonly SeriesResult[], methods: readonly string[]): LeaderboardRow[] {
  const ordered = [...methods].sort(
    (a, b) => Number(forecastMethod(b).baseline) - Number(forecastMethod(a).baseline),
  );
  const naive2 = new Map<string, { smape?: number; mase?: number }>();
  for (const s of results) {
    const r = s.results.find((x) => x.method === 'naive2' && !x.error);
    if (r) naive2.set(s.id, r);
  }
  return ordered.map((method): LeaderboardRow => {
    const rows = results.flatMap((s) =>
      s.results.filter((r) => r.method === method).map((r) => ({ id: s.id, r })),
    );
    const ok = rows.filter(({ r }) => !r.error);
    const smapes = ok.map(({ r }) => r.smape).filter((x): x is number => x !== undefined);
    const mases = ok.map(({ r }) => r.mase).filter((x): x is number => x !== undefined && Number.isFinite(x));
    // Ratios over the series both methods forecast, so a method that failed on hard series
    // does not look better than it is.
    const both = ok.filter(({ id }) => naive2.has(id));
    const ratio = (key: 'smape' | 'mase') => {
      const own = mean(both.map(({ r }) => r[key] ?? NaN).filter(Number.isFinite));
      const bench = mean(both.map(({ id }) => naive2.get(id)?.[key] ?? NaN).filter(Number.isFinite));
      return both.length && bench > 0 ? own / bench : undefined;
    };
    const totalMs = rows.reduce((t, { r }) => t + r.ms, 0);
    return {
      method,
      baseline: forecastMethod(method).baseline,
      ok: ok.length,
      failed: rows.length - ok.length,
      ...(smapes.length ? { smape: mean(smapes), smapeVsNaive2: ratio('smape') } : {}),
      ...(mases.length ? { mase: mean(mases), maseVsNaive2: ratio('mase') } : {}),
      totalMs,
      meanMs: rows.length ? totalMs / rows.length : 0,
    };
  });
}

/** The leaderboard as an aligned text table. */
export function formatLeaderboard(rows: readonly LeaderboardRow[]): string {
  const f = (x: number | undefined, d: number) =>
    x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d);
  const table = [
    [
      'method',
      'series',
      'failed',
      'sMAPE',
      'MASE',
      'sMAPE/Naïve2',
      'MASE/Naïve2',
      'fit ms/series',
      'fit s total',
    ],
    ...rows.map((r) => [
      r.baseline ? `${r.method} (baseline)` : r.method,
      String(r.ok),
      String(r.failed),
      f(r.smape, 2),
      f(r.mase, 3),
      f(r.smapeVsNaive2, 3),
      f(r.maseVsNaive2, 3),
      f(r.meanMs, 1),
      f(r.totalMs / 1000, 2),
    ]),
  ];
  const widths = table[0].map((_, j) => Math.max(...table.map((row) => row[j].length)));
  return table
    .map((row) =>
      row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]))).join('  '),
    )
    .join('\n');
}
