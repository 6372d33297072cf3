/**
 * `winsorize(table, column)`: clip a numeric column to its own lower and upper quantiles (default the
 * 1st and 99th percentiles, as R's `quantile(x, c(0.01, 0.99), type = 7)`), so a few extreme values
 * stop dominating a mean or a fit without dropping rows (the winsorised mean of Dixon & Tukey,
 * "Approximate behavior of the distribution of Winsorized t", *Technometrics* 10(1), 1968). Missing
 * values stay missing; a flag column `<column>_winsorized` (opt-in) says which values were clipped.
 */
import type { ColumnTable } from 'arquero';
import { quantileSorted } from './quantile.ts';
import { describe, isMissing, requireColumn, requireNumber, requireTable } from './table-column.ts';

/** Options of {@link winsorize}. */
export interface WinsorizeOptions {
  /** The lower quantile, in [0, upper). Default 0.01. */
  lower?: number;
  /** The upper quantile, in (lower, 1]. Default 0.99. */
  upper?: number;
  /** Add a `<column>_winsorized` flag column. Default false. */
  flag?: boolean;
}

/** The limits `winsorize` clips to: type-7 quantiles of the column's numbers. */
export function winsorLimits(
  values: ArrayLike<unknown>,
  lower = 0.01,
  upper = 0.99,
  column = 'values',
): { lower: number; upper: number } {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) continue;
    if (typeof v !== 'number') {
      throw new TypeError(
        `winsorize: column "${column}" holds ${describe(v)} at row ${i}; it needs numbers (convert with coerceNumbers first)`,
      );
    }
    xs.push(v);
  }
  if (xs.length === 0) throw new RangeError(`winsorize: column "${column}" has no numbers`);
  const sorted = Float64Array.from(xs).sort();
  return { lower: quantileSorted(sorted, lower), upper: quantileSorted(sorted, upper) };
}

/** The table with `column` clipped to its `lower` and `upper` quantiles. */
export function winsorize(table: ColumnTable, column: string, options: WinsorizeOptions = {}): ColumnTable {
  const t = requireTable(table, 'winsorize');
  const name = requireColumn(t, column, 'winsorize');
  const lo = requireNumber(options.lower ?? 0.01, 'winsorize', 'lower', 0, 1);
  const hi = requireNumber(options.upper ?? 0.99, 'winsorize', 'upper', 0, 1);
  if (!(lo < hi)) throw new RangeError(`winsorize: lower (${lo}) must be below upper (${hi})`);
  const src = t.array(name) as ArrayLike<unknown>;
  const limits = winsorLimits(src, lo, hi, name);
  const out = new Array<unknown>(src.length);
  const flags = new Array<boolean>(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      out[i] = v;
      flags[i] = false;
      continue;
    }
    out[i] = Math.min(limits.upper, Math.max(limits.lower, v));
    flags[i] = out[i] !== v;
  }
  const cols: Record<string, unknown[]> = { [name]: out };
  if (options.flag) cols[`${name}_winsorized`] = flags;
  return t.assign(cols);
}
