/**
 * Pages of tables for the page's `<dp-table>`: an Arquero table (recognised by shape, so any
 * Arquero version or a look-alike works) or an array of plain row objects.
 *
 * Only one page is formatted at a time, so a million-row table costs no more to show than ten
 * rows; the kernel keeps the table and answers `tablePage` requests for other pages.
 */
import type { TablePage } from '../../protocol.ts';
import { formatCell } from './table-format.ts';

/** The part of Arquero's table API that we use. Rows are counted after filtering and ordering. */
export interface TableLike {
  numRows(): number;
  numCols(): number;
  columnNames(): string[];
  /** The value at (column, row), the row counted after filtering and ordering. */
  get(name: string, row?: number): unknown;
}

/** Rows scanned to decide whether a column is numeric; a sample keeps alignment stable across pages. */
const SAMPLE = 1000;
/** The most rows one page may ask for. */
const MAX_LIMIT = 1000;

/** Whether `value` looks like an Arquero table. Never throws. */
export function isTable(value: unknown): value is TableLike {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const t = value as Partial<Record<keyof TableLike, unknown>>;
    return (
      typeof t.numRows === 'function' &&
      typeof t.numCols === 'function' &&
      typeof t.columnNames === 'function' &&
      typeof t.get === 'function'
    );
  } catch {
    return false;
  }
}

/**
 * Whether `value` is a non-empty array whose items are all plain objects (`{...}` literals, JSON
 * rows, `d3.csvParse` output). Such arrays read well as tables; arrays of class instances,
 * numbers or mixed things stay with the inspector, which shows them more faithfully.
 */
export function isRowArray(value: unknown): value is readonly object[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  try {
    return value.every((row: unknown) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
      const proto: unknown = Object.getPrototypeOf(row);
      return proto === Object.prototype || proto === null;
    });
  } catch {
    return false;
  }
}

/** Rows `offset … offset + limit - 1` of `table`, formatted for display. */
export function tablePage(table: TableLike | readonly object[], offset: number, limit: number): TablePage {
  const source = isTable(table) ? tableSource(table) : rowSource(table);
  const numRows = source.numRows;
  const start = clamp(Math.floor(offset), 0, numRows);
  const end = clamp(start + Math.floor(limit), start, Math.min(numRows, start + MAX_LIMIT));
  const columns = source.columns;
  const rows: string[][] = [];
  for (let row = start; row < end; row++) rows.push(columns.map((name) => formatCell(source.get(name, row))));
  const numeric = columns.map((name) => isNumericColumn(source, name));
  return { columns, rows, numeric, numRows, numCols: columns.length, offset: start };
}

/** A table reduced to what a page needs. */
interface Source {
  columns: string[];
  numRows: number;
  get(name: string, row: number): unknown;
}

function tableSource(table: TableLike): Source {
  return {
    columns: table.columnNames().map(String),
    numRows: table.numRows(),
    get: (name, row) => table.get(name, row),
  };
}

function rowSource(rows: readonly object[]): Source {
  // Columns are the union of the rows' keys in first-seen order: rows from JSON may omit fields.
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return {
    columns: [...seen],
    numRows: rows.length,
    get: (name, row) => (rows[row] as Record<string, unknown>)[name],
  };
}

/** A column is numeric when its sampled non-empty values are all numbers (or bigints). */
function isNumericColumn(source: Source, name: string): boolean {
  let found = false;
  const n = Math.min(source.numRows, SAMPLE);
  for (let row = 0; row < n; row++) {
    const value = source.get(name, row);
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' && typeof value !== 'bigint') return false;
    found = true;
  }
  return found;
}

function clamp(x: number, min: number, max: number): number {
  return Number.isFinite(x) ? Math.max(min, Math.min(max, x)) : min;
}
