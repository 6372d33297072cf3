/**
 * Splitting text into lines that keep their line endings, so joining them gives the input back.
 *
 * Line endings are `\r\n`, `\n` or a lone `\r`, as in CommonMark (and markdown-it, which the
 * parser uses to find fences): line numbers then agree with markdown-it's line map.
 */

/** One line of a file. `text + eol` is exactly the file's bytes for that line. */
export interface Line {
  /** The line without its ending. */
  readonly text: string;
  /** `\r\n`, `\n`, `\r`, or `''` for a last line with no line ending. */
  readonly eol: string;
}

const LINE = /([^\r\n]*)(\r\n|\n|\r|$)/y;

/**
 * Splits text into lines. A final line ending does not start another (empty) line, so `''` has no
 * lines and `'a\n'` has one.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const match = LINE.exec(text);
    // The pattern always matches at a position before the end; the guard keeps the checker happy.
    if (match === null) break;
    lines.push({ text: match[1] ?? '', eol: match[2] ?? '' });
  }
  return lines;
}

/** Joins lines back into text: the inverse of {@link splitLines}. */
export function joinLines(lines: readonly Line[]): string {
  let text = '';
  for (const line of lines) text += line.text + line.eol;
  return text;
}

/** Whether a line holds only spaces and tabs (a blank line in Markdown). */
export function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/** Whether text ends with a line ending (or is empty), so another line can follow it directly. */
export function endsWithLineBreak(text: string): boolean {
  return text === '' || text.endsWith('\n') || text.endsWith('\r');
}

/** Turns every line ending (`\r\n`, `\r`) into `\n`, the form block sources use. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** How many line endings text holds (`\r\n` counts once). */
export function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
