/**
 * Longest common subsequence of two sequences of strings (lines or words): its length, for
 * similarity scores, and the matched pairs, for diffs.
 *
 * Both trim the common prefix and suffix first: edits are usually local, so the quadratic table
 * only covers the part that changed.
 */

/** Above this many table cells, {@link lcsPairs} stops looking for matches inside the changed middle. */
const MAX_TABLE = 4_000_000;

/** The length of the longest common subsequence of `a` and `b`, in O(min(n, m)) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const { start, endA, endB } = trimCommon(a, b);
  let prev = new Uint32Array(endB - start + 1);
  let row = new Uint32Array(endB - start + 1);
  for (let i = start; i < endA; i++) {
    for (let j = start; j < endB; j++) {
      const k = j - start + 1;
      row[k] = a[i] === b[j] ? (prev[k - 1] ?? 0) + 1 : Math.max(prev[k] ?? 0, row[k - 1] ?? 0);
    }
    [prev, row] = [row, prev];
  }
  return start + (a.length - endA) + (prev[endB - start] ?? 0);
}

/**
 * The index pairs `[i, j]` (with `a[i] === b[j]`) of a longest common subsequence, in order.
 *
 * When the changed middle is too large for the table (millions of line pairs, far beyond any
 * cell), only the common prefix and suffix are matched: the diff is then correct but not minimal.
 */
export function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const { start, endA, endB } = trimCommon(a, b);
  const pairs: [number, number][] = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_TABLE) {
    // table[i * (m + 1) + j]: LCS length of a[start + i ..] and b[start + j ..] within the middle.
    const table = new Uint32Array((n + 1) * (m + 1));
    const at = (i: number, j: number): number => table[i * (m + 1) + j] ?? 0;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] =
          a[start + i] === b[start + j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) pairs.push([start + i++, start + j++]);
      else if (at(i + 1, j) >= at(i, j + 1)) i++;
      else j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** The common prefix ends at `start`; the common suffix starts at `endA` in `a` and `endB` in `b`. */
function trimCommon(
  a: readonly string[],
  b: readonly string[],
): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}
