/**
 * Shared checks for the data-quality helpers: a table must be an arquero table and a named column
 * must exist in it, with an error that names the column asked for and the columns there are.
 */
import type { ColumnTable } from 'arquero';

/** Throws a TypeError unless `table` looks like an arquero table (has `columnNames` and `array`). */
export function requireTable(table: unknown, fn: string, what = 'table'): ColumnTable {
  const t = table as Partial<ColumnTable> | null | undefined;
  if (t == null || typeof t.columnNames !== 'function' || typeof t.array !== 'function') {
    throw new TypeError(
      `${fn}: ${what} must be an arquero table (aq.table(...) or aq.from(...)), got ${describe(table)}`,
    );
  }
  return table as ColumnTable;
}

/** Throws a RangeError naming the missing column and the columns that exist. */
export function requireColumn(table: ColumnTable, name: unknown, fn: string, option = 'column'): string {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(`${fn}: ${option} must be a column name (a non-empty string), got ${describe(name)}`);
  }
  const names = table.columnNames();
  if (!names.includes(name)) {
    throw new RangeError(`${fn}: no column "${name}" (${option}); the table has ${listNames(names)}`);
  }
  return name;
}

/** One or several key columns, each checked; always returned as an array. */
export function requireColumns(table: ColumnTable, key: unknown, fn: string, option = 'key'): string[] {
  const keys = Array.isArray(key) ? (key as unknown[]) : [key];
  if (keys.length === 0) throw new RangeError(`${fn}: ${option} must name at least one column`);
  return keys.map((k) => requireColumn(table, k, fn, option));
}

/** The values of a column as a plain array (a copy, so callers may change it). */
export function columnValues(table: ColumnTable, name: string): unknown[] {
  return Array.from(table.array(name) as ArrayLike<unknown>);
}

/** Missing means null, undefined or NaN (what arquero's `op.is_valid` calls invalid). */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** A new table with the rows at `rows` (in that order), all columns kept in their order. */
export function takeRows(
  table: ColumnTable,
  rows: readonly number[],
  make: (cols: Record<string, unknown[]>) => ColumnTable,
): ColumnTable {
  const cols: Record<string, unknown[]> = {};
  for (const name of table.columnNames()) {
    const src = table.array(name) as ArrayLike<unknown>;
    const out = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = src[rows[i]];
    cols[name] = out;
  }
  return make(cols);
}

/** A key that tells values of different types apart (`1` and `'1'` differ), for grouping rows. */
export function valueKey(v: unknown): string {
  if (v === null || v === undefined) return 'n';
  if (typeof v === 'number') return Number.isNaN(v) ? 'n' : `d${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return v ? 'bt' : 'bf';
  if (v instanceof Date) return `t${v.getTime()}`;
  if (typeof v === 'bigint') return `i${v}`;
  return `o${JSON.stringify(v)}`;
}

/** Checks a number option: finite and inside [min, max]. */
export function requireNumber(
  value: unknown,
  fn: string,
  option: string,
  min = -Infinity,
  max = Infinity,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : min === -Infinity ? `≤ ${max}` : `in [${min}, ${max}]`;
    throw new RangeError(`${fn}: ${option} must be a finite number ${range}, got ${describe(value)}`);
  }
  return value;
}

/** Checks an option against its allowed values. */
export function requireChoice<T extends string>(
  value: unknown,
  allowed: readonly T[],
  fn: string,
  option: string,
): T {
  if (!allowed.includes(value as T)) {
    throw new RangeError(
      `${fn}: ${option} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`,
    );
  }
  return value as T;
}

function listNames(names: readonly string[]): string {
  if (names.length === 0) return 'no columns';
  const shown = names.slice(0, 30).map((n) => `"${n}"`);
  return `${names.length === 1 ? 'column' : 'columns'} ${shown.join(', ')}${names.length > 30 ? ', …' : ''}`;
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (v === null || v === undefined || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return 'an array';
  return 'an object';
}
