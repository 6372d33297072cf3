/**
 * Writing a notebook back to text.
 *
 * An unedited notebook is written byte for byte as it was read: the head, then each block's raw
 * text. Edited blocks are regenerated (see {@link blockText}), using the file's own line ending.
 */
import { blockText } from './block-text.ts';
import type { Block, Notebook } from './notebook.ts';
import { countLineBreaks, endsWithLineBreak } from './split-lines.ts';

/** One block's place in the file, as laid out by {@link layoutNotebook}. */
export interface BlockLayout {
  block: Block;
  /** The block's text, preceded by a line ending when the text before it did not end with one. */
  text: string;
  /** 1-based line in the file where the block starts. */
  line: number;
}

/**
 * Serialises a notebook. For a notebook straight from `parseNotebook(text)` this returns `text`
 * exactly, whatever it was (line endings, byte order mark, malformed parts included).
 */
export function serializeNotebook(nb: Notebook): string {
  let out = nb.head;
  for (const { text } of layoutNotebook(nb)) out += text;
  return out;
}

/**
 * Lays out a notebook's blocks: each block's text and the line it starts on.
 *
 * Every block starts on a line of its own. Parsed blocks always end with a line ending (except at
 * the end of the file), but an edited Markdown block or an inserted block may not, so a line
 * ending is added before the next block where needed.
 */
export function layoutNotebook(nb: Notebook): BlockLayout[] {
  const layouts: BlockLayout[] = [];
  const head = nb.head.startsWith('\uFEFF') ? nb.head.slice(1) : nb.head;
  let line = 1 + countLineBreaks(head);
  let openLine = !endsWithLineBreak(head);
  for (const block of nb.blocks) {
    let text = blockText(block, nb.eol);
    if (text === '') {
      layouts.push({ block, text, line });
      continue;
    }
    if (openLine) {
      text = nb.eol + text;
      line++;
    }
    layouts.push({ block, text, line });
    line += countLineBreaks(openLine ? text.slice(nb.eol.length) : text);
    openLine = !endsWithLineBreak(text);
  }
  return layouts;
}
