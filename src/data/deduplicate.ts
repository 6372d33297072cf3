/**
 * `deduplicate(table, key)`: one row per key. Rows keep their order; of the rows sharing a key, the
 * first (default) or the last is kept. Keys compare by value and type (`1` and `'1'` differ); a
 * missing key value (null, undefined, NaN) is a value like any other, so rows missing the key are
 * collapsed too — filter them out first if they are distinct records.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { requireChoice, requireColumns, requireTable, takeRows, valueKey } from './table-column.ts';

/** Options of {@link deduplicate}. */
export interface DeduplicateOptions {
  /** Which row of each key to keep: `'first'` (default) or `'last'`. */
  keep?: 'first' | 'last';
}

/** The rows of `table` with the first (or last) row of each `key` (one column name or several). */
export function deduplicate(
  table: ColumnTable,
  key: string | string[],
  options: DeduplicateOptions = {},
): ColumnTable {
  const t = requireTable(table, 'deduplicate');
  const keys = requireColumns(t, key, 'deduplicate', 'key');
  const keep = requireChoice(options.keep ?? 'first', ['first', 'last'] as const, 'deduplicate', 'keep');
  return takeRows(t, duplicateFreeRows(t, keys, keep), (cols) => aq.table(cols));
}

/** The row numbers (ascending) `deduplicate` keeps. */
export function duplicateFreeRows(
  table: ColumnTable,
  keys: readonly string[],
  keep: 'first' | 'last',
): number[] {
  const arrays = keys.map((k) => table.array(k) as ArrayLike<unknown>);
  const n = table.numRows();
  const chosen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = arrays.length === 1 ? valueKey(arrays[0][i]) : arrays.map((a) => valueKey(a[i])).join('\u0001');
    if (keep === 'last' || !chosen.has(k)) chosen.set(k, i);
  }
  return [...chosen.values()].sort((a, b) => a - b);
}
