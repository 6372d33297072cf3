/**
 * Writes the models fitted (`--fits`): one record per series and method — `id,model,spec,aicc,params`
 * with `params` as JSON — as CSV, or the same records as JSON (with `params` as an object). A method
 * that failed on a series has an empty spec and its error instead of parameters.
 */
import { csvFormatRows } from 'd3-dsv';
import type { SeriesResult } from './run-series.ts';

export const fitColumns = ['id', 'model', 'spec', 'aicc', 'params'] as const;

/** The records, in the order of the results. */
export function fitRecords(results: readonly SeriesResult[]) {
  return results.flatMap((series) =>
    series.results.map((r) => ({
      id: series.id,
      model: r.method,
      spec: r.fit?.spec ?? '',
      aicc: r.fit?.aicc ?? null,
      params: r.fit?.params ?? {},
      ...(r.error ? { error: r.error } : {}),
    })),
  );
}

/** CSV or JSON text, by the output file's extension. */
export function formatFits(results: readonly SeriesResult[], path: string): string {
  const records = fitRecords(results);
  if (path.endsWith('.json')) return JSON.stringify(records, null, 1) + '\n';
  return (
    csvFormatRows([
      [...fitColumns],
      ...records.map((r) => [
        r.id,
        r.model,
        r.spec,
        r.aicc === null ? '' : String(r.aicc),
        JSON.stringify(r.params),
      ]),
    ]) + '\n'
  );
}
