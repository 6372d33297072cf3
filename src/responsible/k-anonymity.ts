/**
 * k-anonymity (Samarati & Sweeney 1998; Sweeney, "k-anonymity: a model for protecting privacy",
 * *IJUFKS* 10(5), 2002): a table is k-anonymous on its quasi-identifiers when every combination of
 * their values that occurs is shared by at least k rows. Its k is the size of the smallest such
 * equivalence class, as `pycanon.anonymity.k_anonymity` computes it.
 */
import { checkColumns, equivalenceClasses, toRows, type Row, type RowsInput } from './table-rows.ts';

/** Options of {@link kAnonymity}. */
export interface KAnonymityOptions {
  /** The k the table should reach: classes smaller than this are listed as `violating`. Default 2. */
  k?: number;
}

/** One equivalence class on the quasi-identifiers. */
export interface AnonymityGroup {
  /** The quasi-identifier values the class shares. */
  values: Row;
  /** How many rows share them. */
  size: number;
  /** Their positions in the input. */
  rows: number[];
}

/** The result of {@link kAnonymity}. */
export interface KAnonymityResult {
  /** The size of the smallest equivalence class: the table is k-anonymous for this k. */
  k: number;
  /** Every equivalence class, in order of first appearance. */
  groups: AnonymityGroup[];
  /** The classes smaller than the k asked for (`options.k`, default 2). */
  violating: AnonymityGroup[];
}

export const kAnonymityDefaults = { k: 2 } as const;

/** The k of k-anonymity of `rows` on `quasiIdentifiers`, its classes and those smaller than `options.k`. */
export function kAnonymity(
  rows: RowsInput,
  quasiIdentifiers: readonly string[],
  options: KAnonymityOptions = {},
): KAnonymityResult {
  const target = options.k ?? kAnonymityDefaults.k;
  if (!Number.isInteger(target) || target < 1) {
    throw new RangeError(`invalid k: ${target} (must be an integer ≥ 1)`);
  }
  const data = toRows(rows, 'kAnonymity');
  checkColumns(data, quasiIdentifiers, 'kAnonymity');
  const groups = equivalenceClasses(data, quasiIdentifiers).map((g) => ({
    values: g.values,
    size: g.rows.length,
    rows: g.rows,
  }));
  const k = groups.reduce((m, g) => Math.min(m, g.size), Infinity); // no spread: tables can have 10⁵+ classes
  return { k, groups, violating: groups.filter((g) => g.size < target) };
}
