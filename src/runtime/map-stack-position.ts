import type { SourcePosition } from '../protocol.ts';
import type { AnalyzedCell } from './analyze-cell.ts';
import { unrewriteOffset } from './cell-rewrites.ts';
import { sourcePositionAt } from './column-map.ts';
import { BODY_END, BODY_START, cellSourceUrl } from './compile-cell.ts';
import { LineIndex } from './line-index.ts';

/**
 * Finds where in a cell's own source an error happened, from the error's `stack`.
 *
 * Engines name evaluated code by its `//# sourceURL` and give 1-based lines and columns
 * (`at f (dplab-cell-abc.js:3:7)` in V8, `f@dplab-cell-abc.js:3:7` in Firefox and Safari). The first
 * frame in this cell is the innermost one: the place the error came from if it was thrown in the
 * cell, or the call into another cell's function that threw. Mapping it back takes three steps:
 *
 * 1. Line and column in `compiled` → offset; minus the header (which only line 1 has) → offset in
 *    the rewritten cell code.
 * 2. Undo the rewrites (imports, `__value = (…)`) → offset in sucrase's output.
 * 3. Offset → line and column in sucrase's output → column in the cell's TypeScript.
 *
 * Returns `undefined` when no frame is in this cell, or the frame is in the generated header or
 * footer rather than in the cell's code.
 */
export function mapStackPosition(
  stack: string,
  id: string,
  analysis: AnalyzedCell,
  compiled: string,
): SourcePosition | undefined {
  const url = cellSourceUrl(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${url}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  const offset = new LineIndex(compiled).offsetOf({ line: Number(match[1]), column: Number(match[2]) });
  const bodyStart = compiled.indexOf(BODY_START);
  const bodyEnd = compiled.lastIndexOf(BODY_END);
  if (offset === undefined || bodyStart < 0 || bodyEnd < 0) return undefined;
  const start = bodyStart + BODY_START.length;
  if (offset < start || offset > bodyEnd) return undefined;
  const codeOffset = unrewriteOffset(analysis.rewrites, offset - start);
  return sourcePositionAt(analysis.code, analysis.columns, codeOffset);
}
