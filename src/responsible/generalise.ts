/**
 * Generalisation and suppression, the two moves of Samarati & Sweeney's k-anonymisation: replace a
 * quasi-identifier by a coarser value (an age band, a postcode district, a month), and drop the rows
 * whose equivalence class is still smaller than k (as pycanon's `anonymity.utils` suppression does).
 */
import { kAnonymity } from './k-anonymity.ts';
import { checkColumns, toRows, type Row, type RowsInput } from './table-rows.ts';

/** Options of {@link ageBand}. */
export interface AgeBandOptions {
  /** Band width in years. Default 10. */
  width?: number;
  /** Where the first band starts. Default 0. */
  origin?: number;
  /** Ages at or above this are one open band `"≥ top"` (top-coding). Default: none. */
  top?: number;
}

/**
 * The band of an age, as a half-open interval label: `ageBand(37)` → `"[30, 40)"`. Missing or
 * non-finite ages give `null`, so they stay one class of their own.
 */
export function ageBand(age: unknown, options: AgeBandOptions = {}): string | null {
  const width = options.width ?? 10;
  const origin = options.origin ?? 0;
  if (!(width > 0) || !Number.isFinite(width)) {
    throw new RangeError(`invalid width: ${width} (must be a positive number of years)`);
  }
  const x = typeof age === 'string' && age.trim() !== '' ? Number(age) : age;
  if (typeof x !== 'number' || !Number.isFinite(x)) return null;
  if (options.top !== undefined && x >= options.top) return `≥ ${options.top}`;
  const lower = origin + Math.floor((x - origin) / width) * width;
  return `[${lower}, ${lower + width})`;
}

/**
 * A postcode cut to its first `keep` characters (spaces ignored) followed by `*`:
 * `truncatePostcode('SW1A 1AA', 3)` → `"SW1*"`. Default `keep` 3. Missing values give `null`.
 */
export function truncatePostcode(postcode: unknown, keep = 3): string | null {
  if (!Number.isInteger(keep) || keep < 0) {
    throw new RangeError(`invalid keep: ${keep} (must be an integer ≥ 0, the characters to keep)`);
  }
  if (postcode === null || postcode === undefined) return null;
  const compact = String(postcode).replace(/\s+/g, '').toUpperCase();
  return compact.length <= keep ? compact : `${compact.slice(0, keep)}*`;
}

/** The units {@link coarsenDate} rounds down to. */
export type DateUnit = 'year' | 'quarter' | 'month' | 'week';

/**
 * A date coarsened to its year (`"2024"`), quarter (`"2024-Q1"`), month (`"2024-03"`) or ISO week's
 * Monday (`"2024-03-11"`), read in UTC. Accepts a `Date`, an ISO string or milliseconds since the epoch;
 * a missing or invalid date gives `null`.
 */
export function coarsenDate(date: unknown, unit: DateUnit = 'month'): string | null {
  if (!['year', 'quarter', 'month', 'week'].includes(unit)) {
    throw new RangeError(`invalid unit: ${String(unit)} (must be 'year', 'quarter', 'month' or 'week')`);
  }
  if (date === null || date === undefined || date === '') return null;
  const d = date instanceof Date ? date : new Date(date as string | number);
  if (Number.isNaN(d.getTime())) return null;
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const pad = (n: number): string => String(n).padStart(2, '0');
  switch (unit) {
    case 'year':
      return String(year);
    case 'quarter':
      return `${year}-Q${Math.floor(month / 3) + 1}`;
    case 'month':
      return `${year}-${pad(month + 1)}`;
    case 'week': {
      const monday = new Date(Date.UTC(year, month, d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
      return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
    }
  }
}

/**
 * New rows with the named columns replaced by `fn(value, row)`:
 * `generalise(rows, { age: (a) => ageBand(a), postcode: (p) => truncatePostcode(p, 2) })`.
 * Other columns are copied unchanged; the input is not modified.
 */
export function generalise(
  rows: RowsInput,
  rules: Record<string, (value: unknown, row: Row) => unknown>,
): Row[] {
  const data = toRows(rows, 'generalise');
  checkColumns(data, Object.keys(rules), 'generalise');
  return data.map((row) => {
    const out: Row = { ...row };
    for (const [column, fn] of Object.entries(rules)) out[column] = fn(row[column], row);
    return out;
  });
}

/** Options of {@link suppress}. */
export interface SuppressOptions {
  /** The k to reach. Default 2. */
  k?: number;
  /**
   * `'drop'` (default) removes the rows of classes smaller than k. `'mask'` keeps them with every
   * quasi-identifier replaced by `'*'`; the masked rows form one class, which may itself be smaller than k.
   */
  mode?: 'drop' | 'mask';
}

/** The result of {@link suppress}. */
export interface SuppressResult {
  /** The rows after suppression. */
  rows: Row[];
  /** Positions (in the input) of the rows dropped or masked. */
  suppressed: number[];
  /** The share of input rows suppressed, the first cost to report. */
  suppressedShare: number;
}

/** Suppresses the rows whose quasi-identifier class has fewer than `k` rows. */
export function suppress(
  rows: RowsInput,
  quasiIdentifiers: readonly string[],
  options: SuppressOptions = {},
): SuppressResult {
  const mode = options.mode ?? 'drop';
  if (mode !== 'drop' && mode !== 'mask') {
    throw new RangeError(`invalid mode: ${String(mode)} (must be 'drop' or 'mask')`);
  }
  const data = toRows(rows, 'suppress');
  const { violating } = kAnonymity(data, quasiIdentifiers, { k: options.k ?? 2 });
  const suppressed = violating.flatMap((g) => g.rows).sort((a, b) => a - b);
  const hit = new Set(suppressed);
  const out: Row[] = [];
  data.forEach((row, i) => {
    if (!hit.has(i)) out.push({ ...row });
    else if (mode === 'mask') {
      const masked: Row = { ...row };
      for (const c of quasiIdentifiers) masked[c] = '*';
      out.push(masked);
    }
  });
  return { rows: out, suppressed, suppressedShare: suppressed.length / data.length };
}
