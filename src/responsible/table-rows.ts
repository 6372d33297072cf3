/**
 * The input shared by the privacy functions: rows as plain objects (what an arquero table's
 * `.objects()` gives, or the table itself), checked against the column names the caller asked for.
 */

/** A table's rows, as arquero's `table.objects()` returns them. */
export type Row = Record<string, unknown>;

/** Rows, or anything with an `objects()` method that returns them (an arquero table). */
export type RowsInput = readonly Row[] | { objects(): Row[] };

/** The rows of `input`, copied into an array; an arquero table is read through its `objects()`. */
export function toRows(input: RowsInput, what: string): Row[] {
  if (Array.isArray(input)) return input.slice() as Row[];
  if (input !== null && typeof input === 'object' && 'objects' in input) {
    const objects = (input as { objects(): unknown }).objects();
    if (Array.isArray(objects)) return objects as Row[];
  }
  throw new TypeError(`${what} needs rows: an array of plain objects or an arquero table`);
}

/**
 * Checks that every name in `columns` is a column of `rows` (the keys of the first row), with an error
 * that lists the columns there are, and that there is at least one row and one column asked for.
 */
export function checkColumns(rows: readonly Row[], columns: readonly string[], what: string): void {
  if (rows.length === 0) throw new RangeError(`${what} needs at least one row, got none`);
  if (columns.length === 0) {
    throw new RangeError(`${what} needs at least one column name, got an empty list`);
  }
  const present = new Set(Object.keys(rows[0]));
  const missing = columns.filter((c) => !present.has(c));
  if (missing.length > 0) {
    throw new RangeError(
      `${what}: unknown column${missing.length === 1 ? '' : 's'} ${missing.map((c) => `"${c}"`).join(', ')}; ` +
        `the columns are ${[...present].map((c) => `"${c}"`).join(', ')}`,
    );
  }
}

/** One key per distinct combination of the values in `columns` (JSON keeps 1 and "1" apart). */
export function rowKey(row: Row, columns: readonly string[]): string {
  return JSON.stringify(columns.map((c) => keyValue(row[c])));
}

function keyValue(value: unknown): unknown {
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return value;
}

/** An equivalence class: the rows that share the same values in the chosen columns. */
export interface EquivalenceClass {
  /** The shared values, by column name. */
  values: Row;
  /** The positions of the class's rows in the input, in input order. */
  rows: number[];
}

/** The equivalence classes of `rows` on `columns`, in order of first appearance. */
export function equivalenceClasses(rows: readonly Row[], columns: readonly string[]): EquivalenceClass[] {
  const byKey = new Map<string, EquivalenceClass>();
  rows.forEach((row, i) => {
    const key = rowKey(row, columns);
    let group = byKey.get(key);
    if (group === undefined) {
      const values: Row = {};
      for (const c of columns) values[c] = row[c];
      group = { values, rows: [] };
      byKey.set(key, group);
    }
    group.rows.push(i);
  });
  return [...byKey.values()];
}
