/**
 * `coerceNumbers(table, column)`: a column of numbers some of which were stored as text ("12.5")
 * becomes a column of numbers. Text that reads as a number (optional sign, digits, fraction,
 * exponent; spaces around allowed; a decimal comma is NOT read — say so with `decimalComma`) becomes
 * that number; other text becomes null, so it shows as missing rather than as a wrong number. A flag
 * column `<column>_coerced` says which rows were changed.
 */
import type { ColumnTable } from 'arquero';
import { isMissing, requireColumn, requireTable } from './table-column.ts';

/** Options of {@link coerceNumbers}. */
export interface CoerceNumbersOptions {
  /** Read "12,5" as 12.5 (and no thousands separators). Default false. */
  decimalComma?: boolean;
  /** Add the `<column>_coerced` flag column (true where a value was text). Default true. */
  flag?: boolean;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The table with `column` made numeric; text that is not a number becomes null. */
export function coerceNumbers(
  table: ColumnTable,
  column: string,
  options: CoerceNumbersOptions = {},
): ColumnTable {
  const t = requireTable(table, 'coerceNumbers');
  const name = requireColumn(t, column, 'coerceNumbers');
  const src = t.array(name) as ArrayLike<unknown>;
  const out = new Array<number | null>(src.length);
  const flags = new Array<boolean>(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    flags[i] = typeof v === 'string';
    if (typeof v === 'number') out[i] = Number.isNaN(v) ? null : v;
    else if (isMissing(v)) out[i] = null;
    else if (typeof v === 'string') {
      const s = (options.decimalComma ? v.replace(',', '.') : v).trim();
      out[i] = NUMBER_TEXT.test(s) ? Number(s) : null;
    } else if (typeof v === 'boolean') {
      throw new TypeError(
        `coerceNumbers: column "${name}" holds a boolean at row ${i}; booleans are not read as numbers`,
      );
    } else out[i] = null;
  }
  const cols: Record<string, unknown[]> = { [name]: out };
  if (options.flag ?? true) cols[`${name}_coerced`] = flags;
  return t.assign(cols);
}
