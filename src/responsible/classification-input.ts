/**
 * The input shared by the fairness metrics: true labels, predicted labels and a sensitive feature of the
 * same length, with labels 0/1 (or booleans), as Fairlearn's binary metrics take them.
 */

/** A label: 1 or `true` is the positive class, 0 or `false` the negative one. */
export type Label = 0 | 1 | boolean;

/** A sensitive feature's value for one person (a group name). */
export type GroupValue = string | number | boolean | null;

/** Labels as 0/1 after checking them; the error names the array and the position. */
export function toBinary(labels: readonly Label[], what: string): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (v === 1 || v === true) out[i] = 1;
    else if (v !== 0 && v !== false) {
      throw new RangeError(
        `${what}[${i}] is ${String(v)} (labels must be 0/1 or true/false, 1 the positive class)`,
      );
    }
  }
  return out;
}

/** Checks the arrays are non-empty and of one length. */
export function checkLengths(what: string, arrays: Record<string, { length: number } | undefined>): number {
  const entries = Object.entries(arrays).filter((e): e is [string, { length: number }] => e[1] !== undefined);
  const n = entries[0][1].length;
  if (n === 0) throw new RangeError(`${what} needs at least one observation, got empty ${entries[0][0]}`);
  const mismatch = entries.find(([, a]) => a.length !== n);
  if (mismatch !== undefined) {
    throw new RangeError(
      `${what}: mismatched lengths (${entries.map(([name, a]) => `${name} ${a.length}`).join(', ')}); ` +
        'they must describe the same people in the same order',
    );
  }
  return n;
}

/** The distinct groups in order of first appearance, and each person's group index. */
export function groupIndex(sensitive: readonly GroupValue[]): { groups: GroupValue[]; index: Int32Array } {
  const groups: GroupValue[] = [];
  const position = new Map<GroupValue, number>();
  const index = new Int32Array(sensitive.length);
  for (let i = 0; i < sensitive.length; i++) {
    const g = sensitive[i] === undefined ? null : sensitive[i];
    let k = position.get(g);
    if (k === undefined) {
      k = groups.length;
      position.set(g, k);
      groups.push(g);
    }
    index[i] = k;
  }
  return { groups, index };
}

/** Confusion counts of one group. */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** The rates Fairlearn reports, with its conventions for empty denominators. */
export interface Rates {
  count: number;
  selectionRate: number;
  tpr: number;
  fpr: number;
  precision: number;
  accuracy: number;
}

/**
 * Rates from confusion counts. As `fairlearn.metrics` (scikit-learn's normalised confusion matrix,
 * `nan_to_num`): TPR is 0 for a group with no positives and FPR is 0 for one with no negatives; precision
 * is 0 with no predicted positives (scikit-learn's `zero_division` default).
 */
export function rates(c: Confusion): Rates {
  const count = c.tp + c.fp + c.tn + c.fn;
  const share = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return {
    count,
    selectionRate: share(c.tp + c.fp, count),
    tpr: share(c.tp, c.tp + c.fn),
    fpr: share(c.fp, c.fp + c.tn),
    precision: share(c.tp, c.tp + c.fp),
    accuracy: share(c.tp + c.tn, count),
  };
}

/** Confusion counts per group (index as from {@link groupIndex}) and overall. */
export function confusions(
  yTrue: Uint8Array,
  yPred: Uint8Array,
  index: Int32Array,
  groupCount: number,
): { groups: Confusion[]; overall: Confusion } {
  const groups = Array.from({ length: groupCount }, () => ({ tp: 0, fp: 0, tn: 0, fn: 0 }));
  const overall = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < yTrue.length; i++) {
    const key = yTrue[i] === 1 ? (yPred[i] === 1 ? 'tp' : 'fn') : yPred[i] === 1 ? 'fp' : 'tn';
    groups[index[i]][key]++;
    overall[key]++;
  }
  return { groups, overall };
}
