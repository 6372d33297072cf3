/**
 * Writes the forecasts: one record per series, method and step —
 * `id,model,step,mean,lo80,hi80,lo95,hi95` — as CSV, or the same records as JSON.
 */
import { csvFormatRows } from 'd3-dsv';
import type { SeriesResult } from './run-series.ts';

/** The records, columns in order; interval columns follow the levels asked for. */
export function forecastRecords(results: readonly SeriesResult[], level: readonly number[]) {
  const columns = ['id', 'model', 'step', 'mean', ...level.flatMap((l) => [`lo${l}`, `hi${l}`])];
  const records: Record<string, string | number | null>[] = [];
  for (const series of results) {
    for (const r of series.results) {
      if (!r.mean) continue;
      r.mean.forEach((mean, i) => {
        const record: Record<string, string | number | null> = {
          id: series.id,
          model: r.method,
          step: i + 1,
          mean,
        };
        for (const l of level) {
          const interval = r.intervals?.find((x) => x.level === l);
          record[`lo${l}`] = interval ? interval.lower[i] : null;
          record[`hi${l}`] = interval ? interval.upper[i] : null;
        }
        records.push(record);
      });
    }
  }
  return { columns, records };
}

/** CSV or JSON text, by the output file's extension. */
export function formatForecasts(
  results: readonly SeriesResult[],
  level: readonly number[],
  path: string,
): string {
  const { columns, records } = forecastRecords(results, level);
  if (path.endsWith('.json')) return JSON.stringify(records, null, 1) + '\n';
  return (
    csvFormatRows([columns, ...records.map((r) => columns.map((c) => (r[c] === null ? '' : String(r[c]))))]) +
    '\n'
  );
}
