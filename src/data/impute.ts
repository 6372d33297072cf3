/**
 * `impute(table, column)`: fill a column's missing values (null, undefined, NaN) and add a flag
 * column `<column>_imputed` that is true where a value was filled, so a model or a reader can tell
 * measured from filled values (a missing-value indicator; filling changes the distribution — the
 * median shrinks the spread — so the flag must travel with the data).
 *
 * Methods: `median` (type 7, the default: robust to outliers), `mean`, `mode` (the most frequent
 * value; ties go to the value seen first) and `constant` (the `value` option). `median` and `mean`
 * need a numeric column: text such as "12.5" is refused with a pointer to `coerceNumbers`.
 */
import type { ColumnTable } from 'arquero';
import { median } from './quantile.ts';
import { describe, isMissing, requireChoice, requireColumn, requireTable, valueKey } from './table-column.ts';

/** Options of {@link impute}. */
export interface ImputeOptions {
  /** How to fill: `'median'` (default), `'mean'`, `'mode'` or `'constant'`. */
  method?: 'median' | 'mean' | 'mode' | 'constant';
  /** The fill value for `method: 'constant'` (required then, refused otherwise). */
  value?: unknown;
  /** Add the `<column>_imputed` flag column. Default true. */
  flag?: boolean;
}

/** The table with `column`'s missing values filled, and a `<column>_imputed` flag column. */
export function impute(table: ColumnTable, column: string, options: ImputeOptions = {}): ColumnTable {
  const t = requireTable(table, 'impute');
  const name = requireColumn(t, column, 'impute');
  const method = requireChoice(
    options.method ?? 'median',
    ['median', 'mean', 'mode', 'constant'] as const,
    'impute',
    'method',
  );
  if (method === 'constant' && !('value' in options)) {
    throw new TypeError(
      `impute: method 'constant' needs the value option (e.g. { method: 'constant', value: 0 })`,
    );
  }
  if (method !== 'constant' && options.value !== undefined) {
    throw new TypeError(`impute: the value option is only for method 'constant' (method is '${method}')`);
  }
  const src = t.array(name) as ArrayLike<unknown>;
  const present: unknown[] = [];
  for (let i = 0; i < src.length; i++) if (!isMissing(src[i])) present.push(src[i]);
  let fill: unknown;
  if (method === 'constant') fill = options.value;
  else if (present.length === 0) {
    throw new RangeError(
      `impute: column "${name}" has no values to compute a ${method} from (all ${src.length} missing)`,
    );
  } else if (method === 'mode') fill = mode(present);
  else {
    const bad = present.findIndex((v) => typeof v !== 'number');
    if (bad >= 0) {
      throw new TypeError(
        `impute: method '${method}' needs numbers, but column "${name}" holds ${describe(present[bad])}; ` +
          `convert it first (coerceNumbers(table, "${name}")) or use method 'mode' or 'constant'`,
      );
    }
    const xs = present as number[];
    fill = method === 'median' ? median(xs) : xs.reduce((s, x) => s + x, 0) / xs.length;
  }
  const out = new Array<unknown>(src.length);
  const flags = new Array<boolean>(src.length);
  for (let i = 0; i < src.length; i++) {
    flags[i] = isMissing(src[i]);
    out[i] = flags[i] ? fill : src[i];
  }
  const cols: Record<string, unknown[]> = { [name]: out };
  if (options.flag ?? true) cols[`${name}_imputed`] = flags;
  return t.assign(cols);
}

function mode(values: readonly unknown[]): unknown {
  const counts = new Map<string, { value: unknown; count: number }>();
  let best: { value: unknown; count: number } | undefined;
  for (const v of values) {
    const k = valueKey(v);
    const c = counts.get(k) ?? { value: v, count: 0 };
    c.count++;
    counts.set(k, c);
    // Strictly greater: a tie keeps the value that reached the count first.
    if (!best || c.count > best.count) best = c;
  }
  return best?.value;
}
