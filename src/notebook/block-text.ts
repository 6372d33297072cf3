/**
 * The text of one block in the file: its raw bytes when unedited, regenerated text when edited.
 *
 * A block counts as edited when its `source` differs from the source its raw text was parsed
 * into. Only the edited part is regenerated: for a cell, the body between the fences (plus the
 * fences themselves when the new code contains a line that would close them).
 */
import type { Block, CellText, CodeCell, MarkdownBlock } from './notebook.ts';
import { endsWithLineBreak } from './split-lines.ts';

/** The text of a block as it goes in the file, using `eol` for any line ending it must write. */
export function blockText(block: Block, eol: string): string {
  return block.kind === 'code' ? cellText(block, eol) : markdownText(block, eol);
}

function markdownText(block: MarkdownBlock, eol: string): string {
  if (block.source === block.raw.source) return block.raw.text;
  return block.source.replace(/\r\n|\r|\n/g, eol);
}

function cellText(cell: CodeCell, eol: string): string {
  const raw = cell.source === cell.raw.source ? cell.raw : rewriteCell(cell.raw, cell.source, eol);
  return raw.open + raw.body + raw.close + raw.after;
}

/**
 * A cell's raw parts with the body written from `source`. The fences are kept, except that they
 * are lengthened when the code holds a line that would otherwise close them.
 */
export function rewriteCell(raw: CellText, source: string, eol: string): CellText {
  // Body lines get the fence's indentation back (CommonMark removed it when parsing).
  const pad = ' '.repeat(raw.indent);
  const lines = source === '' ? [] : source.split(/\r\n|\r|\n/).map((l) => (l === '' ? '' : pad + l));
  const body = lines.map((l) => l + eol).join('');

  let open = raw.open;
  let close = raw.close;
  const fence = /^ *([`~]+)/.exec(open)?.[1] ?? '```';
  const char = fence.startsWith('~') ? '~' : '`';
  const needed = longestFenceRun(lines, char) + 1;
  if (needed > fence.length) {
    const longer = char.repeat(needed);
    open = open.replace(/^( *)[`~]+/, (_, spaces: string) => spaces + longer);
    close = close.replace(/[`~]+/, () => longer);
  }
  // An unclosed fence on the file's last line has no line ending; the body needs one before it.
  if (body !== '' && !endsWithLineBreak(open)) open += eol;
  return { ...raw, open, body, close, source };
}

/** The longest run of `char` on a line that would be read as a closing fence (0 when none). */
function longestFenceRun(lines: readonly string[], char: string): number {
  let longest = 0;
  for (const line of lines) {
    const run = /^ {0,3}([`~]+)[ \t]*$/.exec(line)?.[1];
    if (run !== undefined && !run.includes(char === '`' ? '~' : '`')) longest = Math.max(longest, run.length);
  }
  return longest;
}
