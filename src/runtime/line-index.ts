import type { SourcePosition } from '../protocol.ts';

/**
 * Converts between character offsets in a text and 1-based line/column positions.
 *
 * Lines end at `\n` only. That is how sucrase counts them, and {@link analyzeCell} turns `\r\n` and
 * a lone `\r` into `\n` before anything else, so the cell source, sucrase's output and the compiled
 * code all agree on what line N is.
 */
export class LineIndex {
  /** Offset of the first character of each line; `starts[0]` is line 1. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** How many lines the text has (an empty text has one empty line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line and column of the character at `offset` (clamped to the text). */
  positionOf(offset: number): SourcePosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    // Binary search for the last line that starts at or before `at`.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - this.starts[low] + 1 };
  }

  /**
   * The offset of a 1-based line and column, or `undefined` when the line does not exist.
   * A column past the end of its line is clamped to the line's end.
   */
  offsetOf(position: SourcePosition): number | undefined {
    if (position.line < 1 || position.line > this.starts.length) return undefined;
    const start = this.starts[position.line - 1];
    const end = position.line < this.starts.length ? this.starts[position.line] - 1 : this.text.length;
    return Math.min(start + Math.max(position.column, 1) - 1, end);
  }
}
