/**
 * A line-based diff between two texts, for "Show original": the lesson's text against the
 * student's. It is a longest-common-subsequence diff, so unchanged lines always show as `same`.
 */
import { lcsPairs } from './lcs.ts';

/** One line of a {@link lineDiff}. */
export interface DiffLine {
  /** `same`: in both texts; `removed`: only in the first (the original); `added`: only in the second. */
  readonly kind: 'same' | 'added' | 'removed';
  /** The line, without its line ending. */
  readonly text: string;
}

/**
 * The lines of `a` and `b` in order, each marked `same`, `removed` (only in `a`) or `added`
 * (only in `b`). Where a stretch changed, its removed lines come before its added lines.
 *
 * Lines are split at `\n`, `\r\n` or `\r`; a final line ending does not start another line, so
 * `'x'` and `'x\n'` both have the one line `x` (and show as the same).
 */
export function lineDiff(a: string, b: string): DiffLine[] {
  const before = toLines(a);
  const after = toLines(b);
  const diff: DiffLine[] = [];
  let i = 0;
  let j = 0;
  const flush = (untilA: number, untilB: number): void => {
    for (; i < untilA; i++) diff.push({ kind: 'removed', text: before[i] ?? '' });
    for (; j < untilB; j++) diff.push({ kind: 'added', text: after[j] ?? '' });
  };
  for (const [pa, pb] of lcsPairs(before, after)) {
    flush(pa, pb);
    diff.push({ kind: 'same', text: before[pa] ?? '' });
    i = pa + 1;
    j = pb + 1;
  }
  flush(before.length, after.length);
  return diff;
}

/** Splits text into lines without their endings; `''` has no lines. */
export function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  // A final line ending ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
