/**
 * `profile(table)`: what a column really holds before anyone models it — per column the types found,
 * missing and distinct counts, range, outliers by two rules (`outliers.ts`), suspicious values (numbers
 * stored as text, impossible dates, blank strings) and a histogram; for the table, exact duplicate rows
 * and rows that repeat a key. `profileTable` turns a profile into an arquero table, one row a column,
 * with a text sparkline of each histogram so the kernel shows it as a readable table; the bins are in
 * the profile for a lesson to draw with Plot.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { iqrOutliers, madOutliers, type IqrOutliers, type MadOutliers } from './outliers.ts';
import { isMissing, requireColumns, requireNumber, requireTable, valueKey } from './table-column.ts';

/** The kinds of value `profile` tells apart. */
export type ValueKind = 'number' | 'string' | 'boolean' | 'date' | 'other';

/** A column's type: its one kind, `mixed` when several, `empty` when every value is missing. */
export type ColumnType = ValueKind | 'mixed' | 'empty';

/** Why a value looks wrong. */
export type SuspiciousReason = 'number stored as text' | 'impossible date' | 'blank string' | 'invalid Date';

/** One suspicious value: its row (0-based), the value and why. */
export interface SuspiciousValue {
  row: number;
  value: unknown;
  why: SuspiciousReason;
}

/** One bin of a histogram: values in [x0, x1) (the last bin includes x1). */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

/** What `profile` found in one column. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** How many non-missing values of each kind. */
  kinds: Partial<Record<ValueKind, number>>;
  /** null, undefined and NaN. */
  missing: number;
  /** Distinct non-missing values (`1` and `'1'` are different values). */
  distinct: number;
  /** Smallest and largest: of the numbers if the column has any, else of the dates, else of the strings (code-unit order). */
  min: number | string | Date | null;
  max: number | string | Date | null;
  /** Tukey's fences on the column's numbers (null when it has fewer than `minNumeric` numbers). */
  outliersIqr: IqrOutliers | null;
  /** The MAD rule on the column's numbers (null as for `outliersIqr`). */
  outliersMad: MadOutliers | null;
  /** How many suspicious values in all, and the first `maxSuspicious` of them. */
  suspiciousCount: number;
  suspicious: SuspiciousValue[];
  /** Equal-width bins of the numbers (numeric columns), else null. */
  histogram: HistogramBin[] | null;
  /** The most frequent values, most frequent first (ties in order of first appearance). */
  top: { value: unknown; count: number }[];
}

/** A table's profile. */
export interface TableProfile {
  rows: number;
  columns: ColumnProfile[];
  duplicates: {
    /** Rows equal in every column to an earlier row, and the first `maxSuspicious` of them (0-based). */
    exact: number;
    exactRows: number[];
    /** The key columns (empty when no key was given). */
    key: string[];
    /** Rows whose key equals an earlier row's key (0 when no key was given), and the first rows. */
    onKey: number;
    onKeyRows: number[];
  };
}

/** Options of {@link profile}. */
export interface ProfileOptions {
  /** Column(s) that should identify a row; rows repeating a key are counted. Default none. */
  key?: string | string[];
  /** Number of histogram bins. Default 12. */
  bins?: number;
  /** Multiplier of the IQR in Tukey's fences. Default 1.5. */
  iqrK?: number;
  /** Cut-off of the robust score |x − median|/(1.4826·MAD). Default 3.5 (Iglewicz & Hoaglin). */
  madThreshold?: number;
  /** Fewest numbers a column needs for outliers and a histogram. Default 4. */
  minNumeric?: number;
  /** How many suspicious values and duplicate rows to list (all are counted). Default 20. */
  maxSuspicious?: number;
  /** How many most frequent values to list. Default 5. */
  top?: number;
}

/** The defaults of {@link ProfileOptions}. */
export const profileDefaults = {
  bins: 12,
  iqrK: 1.5,
  madThreshold: 3.5,
  minNumeric: 4,
  maxSuspicious: 20,
  top: 5,
} as const;

// A date or date-time written as ISO 8601 / SQL: 2024-02-30, 2024-02-30T12:00:00Z, 2024-02-30 12:00:00+01:00.
const DATE_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
// A number as people write one in a CSV: optional sign, digits with an optional fraction (point or comma) or exponent.
const NUMBER_LIKE = /^\s*[+-]?(?:\d+[.,]?\d*|[.,]\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Profiles every column of `table` and counts duplicate rows. */
export function profile(table: ColumnTable, options: ProfileOptions = {}): TableProfile {
  const t = requireTable(table, 'profile');
  const o = { ...profileDefaults, ...options };
  const bins = requireNumber(o.bins, 'profile', 'bins', 1, 1000);
  requireNumber(o.iqrK, 'profile', 'iqrK', 0);
  requireNumber(o.madThreshold, 'profile', 'madThreshold', Number.MIN_VALUE);
  requireNumber(o.minNumeric, 'profile', 'minNumeric', 1);
  requireNumber(o.maxSuspicious, 'profile', 'maxSuspicious', 0);
  requireNumber(o.top, 'profile', 'top', 0);
  const key = options.key === undefined ? [] : requireColumns(t, options.key, 'profile', 'key');
  const names = t.columnNames();
  const n = t.numRows();
  const columns = names.map((name) =>
    profileColumn(name, t.array(name) as ArrayLike<unknown>, n, { ...o, bins }),
  );

  // Duplicates: a row's key string joins its values' typed keys, so 1 and '1' never collide.
  const arrays = names.map((name) => t.array(name) as ArrayLike<unknown>);
  const keyArrays = key.map((k) => t.array(k) as ArrayLike<unknown>);
  const seenRow = new Set<string>();
  const seenKey = new Set<string>();
  const exactRows: number[] = [];
  const onKeyRows: number[] = [];
  let exact = 0;
  let onKey = 0;
  for (let i = 0; i < n; i++) {
    const rk = arrays.map((a) => valueKey(a[i])).join('\u0001');
    if (seenRow.has(rk)) {
      exact++;
      if (exactRows.length < o.maxSuspicious) exactRows.push(i);
    } else seenRow.add(rk);
    if (keyArrays.length > 0) {
      const kk = keyArrays.map((a) => valueKey(a[i])).join('\u0001');
      if (seenKey.has(kk)) {
        onKey++;
        if (onKeyRows.length < o.maxSuspicious) onKeyRows.push(i);
      } else seenKey.add(kk);
    }
  }
  return { rows: n, columns, duplicates: { exact, exactRows, key, onKey, onKeyRows } };
}

function kindOf(v: unknown): ValueKind {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Date) return 'date';
  return 'other';
}

/** Whether a date-like string names a real calendar day and time (2024-02-30 does not). */
export function isPossibleDate(text: string): boolean {
  const m = DATE_LIKE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return false;
  return m[6] === undefined || Number(m[6]) <= 59;
}

function profileColumn(
  name: string,
  values: ArrayLike<unknown>,
  n: number,
  o: Required<Omit<ProfileOptions, 'key'>>,
): ColumnProfile {
  const kinds: Partial<Record<ValueKind, number>> = {};
  const counts = new Map<string, { value: unknown; count: number }>();
  const numbers = new Float64Array(n).fill(NaN); // by row, NaN where the value is not a number
  let missing = 0;
  let numericCount = 0;
  let dateLike = 0;
  let numericText = 0;
  let minNum = Infinity;
  let maxNum = -Infinity;
  let minDate: Date | null = null;
  let maxDate: Date | null = null;
  let minStr: string | null = null;
  let maxStr: string | null = null;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (isMissing(v)) {
      missing++;
      continue;
    }
    const kind = kindOf(v);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    const k = valueKey(v);
    const c = counts.get(k);
    if (c) c.count++;
    else counts.set(k, { value: v, count: 1 });
    if (kind === 'number') {
      const x = v as number;
      numbers[i] = x;
      numericCount++;
      if (x < minNum) minNum = x;
      if (x > maxNum) maxNum = x;
    } else if (kind === 'date') {
      const d = v as Date;
      if (!Number.isNaN(d.getTime())) {
        if (minDate === null || d < minDate) minDate = d;
        if (maxDate === null || d > maxDate) maxDate = d;
      }
    } else if (kind === 'string') {
      const s = v as string;
      if (minStr === null || s < minStr) minStr = s;
      if (maxStr === null || s > maxStr) maxStr = s;
      if (DATE_LIKE.test(s)) dateLike++;
      if (NUMBER_LIKE.test(s)) numericText++;
    }
  }
  const present = n - missing;
  const kindNames = Object.keys(kinds) as ValueKind[];
  const type: ColumnType = kindNames.length === 0 ? 'empty' : kindNames.length === 1 ? kindNames[0] : 'mixed';

  // Suspicious values. A numeric string is suspicious in a column that also holds numbers, or where
  // every string is numeric (the whole column was read as text); a date-like string that is not a
  // real date is suspicious wherever it is; a blank string is usually a missing value in disguise.
  const strings = kinds.string ?? 0;
  const numericTextSuspicious = strings > 0 && (numericCount > 0 || numericText === strings);
  const suspicious: SuspiciousValue[] = [];
  let suspiciousCount = 0;
  const note = (row: number, value: unknown, why: SuspiciousReason): void => {
    suspiciousCount++;
    if (suspicious.length < o.maxSuspicious) suspicious.push({ row, value, why });
  };
  if (strings > 0 || (kinds.date ?? 0) > 0) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v === 'string') {
        if (v.trim() === '') note(i, v, 'blank string');
        else if (numericTextSuspicious && NUMBER_LIKE.test(v)) note(i, v, 'number stored as text');
        else if (dateLike > 0 && DATE_LIKE.test(v) && !isPossibleDate(v)) note(i, v, 'impossible date');
      } else if (v instanceof Date && Number.isNaN(v.getTime())) note(i, v, 'invalid Date');
    }
  }

  const enough = numericCount >= o.minNumeric;
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count).slice(0, o.top);
  return {
    name,
    type,
    kinds,
    missing,
    distinct: counts.size,
    min: numericCount > 0 ? minNum : (minDate ?? minStr),
    max: numericCount > 0 ? maxNum : (maxDate ?? maxStr),
    outliersIqr: enough ? iqrOutliers(numbers, o.iqrK) : null,
    outliersMad: enough ? madOutliers(numbers, o.madThreshold) : null,
    suspiciousCount,
    suspicious,
    histogram: enough ? histogram(numbers, minNum, maxNum, o.bins) : null,
    top: present > 0 ? ranked : [],
  };
}

/** Equal-width bins from min to max; the last bin is closed on the right. One bin when min = max. */
export function histogram(values: ArrayLike<number>, min: number, max: number, bins: number): HistogramBin[] {
  const b = min === max ? 1 : bins;
  const width = (max - min) / b;
  const out: HistogramBin[] = Array.from({ length: b }, (_, j) => ({
    x0: min + j * width,
    x1: j === b - 1 ? max : min + (j + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) continue;
    const j = width === 0 ? 0 : Math.min(b - 1, Math.floor((x - min) / width));
    out[j].count++;
  }
  return out;
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** A histogram as a one-line text chart (▁ to █, heights relative to the tallest bin; a space for 0). */
export function sparkline(bins: readonly HistogramBin[]): string {
  const top = Math.max(0, ...bins.map((b) => b.count));
  if (top === 0) return '';
  return bins
    .map((b) => (b.count === 0 ? ' ' : SPARKS[Math.min(7, Math.floor((b.count / top) * 7.999))]))
    .join('');
}

/**
 * A profile as an arquero table, one row a column: column, type, missing, missing_pct, distinct, min,
 * max, outliers_iqr, outliers_mad, suspicious (counts by reason), and `distribution` — a sparkline of
 * the histogram for numeric columns, the top values for the others.
 */
export function profileTable(p: TableProfile): ColumnTable {
  const fmt = (v: unknown): string =>
    v === null || v === undefined
      ? ''
      : v instanceof Date
        ? v.toISOString()
        : typeof v === 'number'
          ? String(+v.toPrecision(6))
          : String(v);
  const reasons = (c: ColumnProfile): string => {
    if (c.suspiciousCount === 0) return '';
    const by = new Map<string, number>();
    for (const s of c.suspicious) by.set(s.why, (by.get(s.why) ?? 0) + 1);
    const listed = [...by].map(([why, k]) => `${why} ×${k}`).join(', ');
    return c.suspiciousCount > c.suspicious.length ? `${c.suspiciousCount} (first: ${listed})` : listed;
  };
  const typeText = (c: ColumnProfile): string =>
    c.type === 'mixed'
      ? `mixed (${Object.entries(c.kinds)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`
      : c.type;
  return aq.table({
    column: p.columns.map((c) => c.name),
    type: p.columns.map(typeText),
    missing: p.columns.map((c) => c.missing),
    missing_pct: p.columns.map((c) => (p.rows === 0 ? 0 : +((100 * c.missing) / p.rows).toFixed(1))),
    distinct: p.columns.map((c) => c.distinct),
    min: p.columns.map((c) => fmt(c.min)),
    max: p.columns.map((c) => fmt(c.max)),
    outliers_iqr: p.columns.map((c) => (c.outliersIqr ? c.outliersIqr.count : null)),
    outliers_mad: p.columns.map((c) => (c.outliersMad ? c.outliersMad.count : null)),
    suspicious: p.columns.map(reasons),
    distribution: p.columns.map((c) =>
      c.histogram ? sparkline(c.histogram) : c.top.map((t) => `${fmt(t.value)} (${t.count})`).join(', '),
    ),
  });
}
