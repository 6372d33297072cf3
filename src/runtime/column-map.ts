import type { SourcePosition } from '../protocol.ts';
import { LineIndex } from './line-index.ts';

/**
 * Where the columns of sucrase's JavaScript output came from in the cell's TypeScript.
 *
 * Sucrase keeps every line on its own line but moves tokens sideways when it strips types
 * (`const x: number = 1` becomes `const x = 1`). Its source map records, for every token of the
 * output, the column that token had in the input. We keep just that: for each output line, a flat
 * list of pairs `[outputColumn, inputColumn, outputColumn, inputColumn, …]`, 0-based and sorted by
 * output column. It is plain data, so an analysis can cross the worker boundary.
 */
export type ColumnMap = number[][];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one Base64 VLQ field starting at `text[at]`; returns the value and where the next starts. */
function decodeVlq(text: string, at: number): [value: number, next: number] {
  let result = 0;
  let shift = 0;
  let index = at;
  for (;;) {
    const digit = BASE64.indexOf(text[index++]);
    if (digit < 0) throw new Error(`invalid source map mappings at ${index - 1}`);
    // Each digit carries 5 bits of the value; the 6th bit says whether more digits follow.
    result += (digit & 31) * 2 ** shift;
    shift += 5;
    if ((digit & 32) === 0) break;
  }
  // The lowest bit of the value is its sign.
  const magnitude = Math.floor(result / 2);
  return [result % 2 === 1 ? -magnitude : magnitude, index];
}

/**
 * Builds a {@link ColumnMap} from the `mappings` string of a version 3 source map.
 *
 * Lines are separated by `;` and segments by `,`. A segment is 1, 4 or 5 VLQ fields: output column
 * (relative to the previous segment on the same line), then source index, source line and source
 * column (relative to the previous segment anywhere), and an optional name index. Only the columns
 * matter here, because sucrase never moves a token to another line.
 */
export function decodeColumnMap(mappings: string): ColumnMap {
  const lines: ColumnMap = [];
  let sourceColumn = 0;
  for (const line of mappings.split(';')) {
    const pairs: number[] = [];
    let outputColumn = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields: number[] = [];
      for (let at = 0; at < segment.length;) {
        const [value, next] = decodeVlq(segment, at);
        fields.push(value);
        at = next;
      }
      outputColumn += fields[0];
      if (fields.length < 4) continue;
      sourceColumn += fields[3];
      pairs.push(outputColumn, sourceColumn);
    }
    lines.push(pairs);
  }
  return lines;
}

/**
 * Maps a 1-based position in sucrase's output to the same place in the cell's source.
 *
 * The nearest token at or before the column is found, and the distance from that token's start is
 * kept, which is exact for any place inside a token that sucrase copied unchanged.
 */
export function originalPosition(map: ColumnMap, position: SourcePosition): SourcePosition {
  const pairs = map[position.line - 1] ?? [];
  const column = position.column - 1;
  let best = -1;
  for (let i = 0; i < pairs.length; i += 2) {
    if (pairs[i] > column) break;
    best = i;
  }
  if (best < 0) return position;
  return { line: position.line, column: pairs[best + 1] + (column - pairs[best]) + 1 };
}

/**
 * The 1-based position in the cell's source of `offset` in sucrase's output `code`: the line is the
 * same, and the column goes through the {@link ColumnMap}.
 */
export function sourcePositionAt(code: string, map: ColumnMap, offset: number): SourcePosition {
  return originalPosition(map, new LineIndex(code).positionOf(offset));
}
