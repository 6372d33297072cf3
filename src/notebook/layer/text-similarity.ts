/**
 * How alike two versions of a block are, from 0 (nothing in common) to 1 (the same), used to
 * recognise a lesson block the lesson has since changed.
 *
 * The measure is the Dice ratio of the longest common subsequence, `2·LCS / (n + m)`, taken over
 * the non-blank lines (trailing spaces ignored; blank lines would make any two short blocks look
 * alike). A short block (a paragraph on one long line, a one-line cell) would score 0 after a
 * one-word fix, so when both blocks have at most {@link SHORT} lines the same ratio over their
 * words is computed too, and the larger counts. Longer blocks use lines only: over words, two
 * different code cells share so many keywords and names that they would look alike.
 */
import { lcsLength } from './lcs.ts';
import { toLines } from './line-diff.ts';

/** Blocks are considered the same block, changed, at or above this similarity. */
export const SIMILAR = 0.5;

/** Blocks with at most this many non-blank lines are compared by words too. */
const SHORT = 3;

/** Similarity of `a` and `b` in [0, 1] (see above); 1 for equal texts. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const linesA = nonBlankLines(a);
  const linesB = nonBlankLines(b);
  const lines = dice(linesA, linesB);
  if (linesA.length > SHORT || linesB.length > SHORT) return lines;
  return Math.max(lines, dice(words(a), words(b)));
}

function nonBlankLines(text: string): string[] {
  return toLines(text)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
}

function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

/** Words: runs of letters, digits and `_` (punctuation is left out: code has too much of it). */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}
