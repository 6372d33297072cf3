/**
 * `joinWithReport(left, right, { on })`: an arquero join plus what it silently did — which keys of
 * each side found no partner (the rows an inner join drops or a left join pads with undefined), and
 * whether a key repeats on both sides (a many-to-many join multiplies rows). Keys compare as arquero
 * compares them (by value; `1` and `'1'` differ); a missing key (null, undefined, NaN) matches
 * nothing, as in SQL, and is counted on its own rather than listed as a key.
 */
import type { ColumnTable } from 'arquero';
import { describe, isMissing, requireChoice, requireColumn, requireTable, valueKey } from './table-column.ts';

/** How to join: keep matched rows only (`inner`), all left, all right or all rows (`full`). */
export type JoinHow = 'inner' | 'left' | 'right' | 'full';

/** Options of {@link joinWithReport}. */
export interface JoinWithReportOptions {
  /** The key: a column both tables have, or `[leftColumn, rightColumn]`. Required. */
  on: string | [string, string];
  /** Default `'inner'`. */
  how?: JoinHow;
  /** Suffixes for other columns both tables have. Default `['_1', '_2']` (arquero's). */
  suffix?: [string, string];
}

/** The joined table and its report. */
export interface JoinReport {
  table: ColumnTable;
  /** Distinct left keys with no right row, in order of first appearance. */
  unmatchedLeft: unknown[];
  /** Distinct right keys with no left row, in order of first appearance. */
  unmatchedRight: unknown[];
  counts: {
    leftRows: number;
    rightRows: number;
    /** Left rows that found at least one right row (and the same for right). */
    matchedLeftRows: number;
    matchedRightRows: number;
    unmatchedLeftRows: number;
    unmatchedRightRows: number;
    /** Rows whose key is missing, per side (they match nothing). */
    missingKeyLeft: number;
    missingKeyRight: number;
    /** Keys that repeat on both sides: each multiplies rows in the join. */
    manyToManyKeys: number;
    resultRows: number;
  };
}

/** Joins two arquero tables on one key and reports the keys that did not match on either side. */
export function joinWithReport(
  left: ColumnTable,
  right: ColumnTable,
  options: JoinWithReportOptions,
): JoinReport {
  const l = requireTable(left, 'joinWithReport', 'left');
  const r = requireTable(right, 'joinWithReport', 'right');
  if (options === undefined || options.on === undefined) {
    throw new TypeError(
      `joinWithReport: the on option is required: a column name, or [leftColumn, rightColumn]`,
    );
  }
  const on = options.on;
  let lk: string;
  let rk: string;
  if (typeof on === 'string') {
    lk = requireColumn(l, on, 'joinWithReport', 'on (left table)');
    rk = requireColumn(r, on, 'joinWithReport', 'on (right table)');
  } else if (Array.isArray(on) && on.length === 2) {
    lk = requireColumn(l, on[0], 'joinWithReport', 'on[0] (left table)');
    rk = requireColumn(r, on[1], 'joinWithReport', 'on[1] (right table)');
  } else {
    throw new TypeError(
      `joinWithReport: on must be a column name or [leftColumn, rightColumn], got ${describe(on)}`,
    );
  }
  const how = requireChoice(
    options.how ?? 'inner',
    ['inner', 'left', 'right', 'full'] as const,
    'joinWithReport',
    'how',
  );

  const side = (values: ArrayLike<unknown>) => {
    const counts = new Map<string, { value: unknown; rows: number }>();
    let missing = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (isMissing(v)) {
        missing++;
        continue;
      }
      const k = valueKey(v);
      const c = counts.get(k);
      if (c) c.rows++;
      else counts.set(k, { value: v, rows: 1 });
    }
    return { counts, missing };
  };
  const L = side(l.array(lk) as ArrayLike<unknown>);
  const R = side(r.array(rk) as ArrayLike<unknown>);
  const unmatchedLeft: unknown[] = [];
  const unmatchedRight: unknown[] = [];
  let matchedLeftRows = 0;
  let matchedRightRows = 0;
  let manyToManyKeys = 0;
  for (const [k, c] of L.counts) {
    const other = R.counts.get(k);
    if (other) {
      matchedLeftRows += c.rows;
      if (c.rows > 1 && other.rows > 1) manyToManyKeys++;
    } else unmatchedLeft.push(c.value);
  }
  for (const [k, c] of R.counts) {
    if (L.counts.has(k)) matchedRightRows += c.rows;
    else unmatchedRight.push(c.value);
  }
  const suffix = options.suffix ?? ['_1', '_2'];
  const keys: [string[], string[]] = [[lk], [rk]];
  const table =
    how === 'inner'
      ? l.join(r, keys, undefined, { suffix })
      : how === 'left'
        ? l.join_left(r, keys, undefined, { suffix })
        : how === 'right'
          ? l.join_right(r, keys, undefined, { suffix })
          : l.join_full(r, keys, undefined, { suffix });
  const leftRows = l.numRows();
  const rightRows = r.numRows();
  return {
    table,
    unmatchedLeft,
    unmatchedRight,
    counts: {
      leftRows,
      rightRows,
      matchedLeftRows,
      matchedRightRows,
      unmatchedLeftRows: leftRows - matchedLeftRows,
      unmatchedRightRows: rightRows - matchedRightRows,
      missingKeyLeft: L.missing,
      missingKeyRight: R.missing,
      manyToManyKeys,
      resultRows: table.numRows(),
    },
  };
}
