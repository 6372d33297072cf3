/**
 * l-diversity (Machanavajjhala et al., "l-diversity: privacy beyond k-anonymity", *ACM TKDD* 1(1),
 * 2007): within every equivalence class on the quasi-identifiers the sensitive attribute must take
 * well-represented values. Distinct l-diversity counts the distinct sensitive values of a class;
 * entropy l-diversity (their Definition 4.1) asks exp(H) ≥ l, H = −Σ p log p over the class's value
 * frequencies. The table's l is the minimum over classes and, with several sensitive attributes, over
 * attributes, as `pycanon.anonymity.l_diversity` / `entropy_l_diversity` (with `gen=True`) compute it.
 */
import { checkColumns, equivalenceClasses, rowKey, toRows, type Row, type RowsInput } from './table-rows.ts';

/** Options of {@link lDiversity}. */
export interface LDiversityOptions {
  /**
   * `'distinct'` (default): l is the fewest distinct sensitive values in a class. `'entropy'`: l is the
   * smallest exp(entropy) of a class, a real number (pycanon reports its integer part).
   */
  method?: 'distinct' | 'entropy';
}

/** One equivalence class with the diversity of its sensitive values. */
export interface DiversityGroup {
  /** The quasi-identifier values the class shares. */
  values: Row;
  /** How many rows share them. */
  size: number;
  /** The fewest distinct values of a sensitive attribute in the class. */
  distinct: number;
  /** The smallest exp(entropy) of a sensitive attribute in the class (natural logarithm). */
  entropyL: number;
}

/** The result of {@link lDiversity}. */
export interface LDiversityResult {
  /** The table's l under the method asked for. */
  l: number;
  /** Every equivalence class, in order of first appearance. */
  groups: DiversityGroup[];
}

/** The l of l-diversity of `rows` on `quasi`, for the sensitive column (or columns) `sensitive`. */
export function lDiversity(
  rows: RowsInput,
  quasi: readonly string[],
  sensitive: string | readonly string[],
  options: LDiversityOptions = {},
): LDiversityResult {
  const method = options.method ?? 'distinct';
  if (method !== 'distinct' && method !== 'entropy') {
    throw new RangeError(`invalid method: ${String(method)} (must be 'distinct' or 'entropy')`);
  }
  const sensitiveColumns = typeof sensitive === 'string' ? [sensitive] : [...sensitive];
  const data = toRows(rows, 'lDiversity');
  checkColumns(data, quasi, 'lDiversity');
  checkColumns(data, sensitiveColumns, 'lDiversity');
  const groups = equivalenceClasses(data, quasi).map((g) => {
    let distinct = Infinity;
    let entropyL = Infinity;
    for (const column of sensitiveColumns) {
      const counts = new Map<string, number>();
      for (const i of g.rows) {
        const key = rowKey(data[i], [column]);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      let entropy = 0;
      for (const c of counts.values()) {
        const p = c / g.rows.length;
        entropy -= p * Math.log(p);
      }
      distinct = Math.min(distinct, counts.size);
      entropyL = Math.min(entropyL, Math.exp(entropy));
    }
    return { values: g.values, size: g.rows.length, distinct, entropyL };
  });
  const l = groups.reduce((m, g) => Math.min(m, method === 'distinct' ? g.distinct : g.entropyL), Infinity);
  return { l, groups };
}
