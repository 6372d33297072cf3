/**
 * Immutable edits to a notebook. Each returns a new notebook (or the same one when nothing
 * changed), leaves the other blocks' objects as they were, and keeps block ids: ids are only
 * renumbered when the text is parsed again.
 *
 * Serialising after an edit changes only the edited block's text; `line` fields of the blocks
 * after it are updated when the edit moves them.
 */
import { rewriteCell } from './block-text.ts';
import { parseInfoString } from './info-string.ts';
import type { Block, CellText, CodeCell, Notebook } from './notebook.ts';
import { layoutNotebook } from './serialize-notebook.ts';

/**
 * Replaces a code cell's source. Returns `nb` itself when there is no code cell `cellId` or the
 * source is unchanged. The cell keeps its fences, options and the blank lines after it.
 */
export function withCellSource(nb: Notebook, cellId: string, source: string): Notebook {
  return replaceBlock(nb, cellId, (block) =>
    block.kind === 'code' && block.source !== source ? { ...block, source } : block,
  );
}

/**
 * Replaces a Markdown block's source (line endings `\n`; they are written as the file's own).
 * Returns `nb` itself when there is no Markdown block `blockId` or the text is unchanged.
 *
 * The text is taken as is: if it contains a new top-level ```ts fence, the next parse will split
 * it into cells, and an unclosed fence would swallow what follows.
 */
export function withMarkdownSource(nb: Notebook, blockId: string, source: string): Notebook {
  return replaceBlock(nb, blockId, (block) =>
    block.kind === 'markdown' && block.source !== source ? { ...block, source } : block,
  );
}

/** Where and what to insert with {@link insertCell}. */
export interface NewCell {
  /** The cell's code; `''` for an empty cell. */
  source?: string;
  /** The info string after the fence, e.g. `ts hidden`; `ts` by default. */
  info?: string;
}

/**
 * Inserts a new code cell before `blocks[index]` (at the end when `index` is the number of
 * blocks or more). The new cell gets the next unused id (`cell-N` with N one more than the
 * largest in use), a ```` ``` ```` fence, and a blank line after it unless it is last.
 */
export function insertCell(nb: Notebook, index: number, cell: NewCell = {}): Notebook {
  const at = Math.max(0, Math.min(Math.trunc(index), nb.blocks.length));
  const info = cell.info ?? 'ts';
  const source = cell.source ?? '';
  const { lang, options } = parseInfoString(info);
  const empty: CellText = {
    open: '```' + info + nb.eol,
    body: '',
    close: '```' + nb.eol,
    after: at < nb.blocks.length ? nb.eol : '',
    indent: 0,
    source: '',
  };
  const created: CodeCell = {
    kind: 'code',
    id: `cell-${nextCellNumber(nb.blocks)}`,
    lang,
    options,
    source,
    line: 0, // set by relayout below
    unclosed: false,
    raw: rewriteCell(empty, source, nb.eol),
  };
  const blocks = [...nb.blocks.slice(0, at), created, ...nb.blocks.slice(at)];
  return relayout({ ...nb, blocks });
}

/** Removes a code cell (with the blank lines after it). Returns `nb` itself when there is no such cell. */
export function removeCell(nb: Notebook, cellId: string): Notebook {
  const blocks = nb.blocks.filter((block) => !(block.kind === 'code' && block.id === cellId));
  return blocks.length === nb.blocks.length ? nb : relayout({ ...nb, blocks });
}

function replaceBlock(nb: Notebook, id: string, change: (block: Block) => Block): Notebook {
  let changed = false;
  const blocks = nb.blocks.map((block) => {
    if (block.id !== id) return block;
    const next = change(block);
    changed ||= next !== block;
    return next;
  });
  return changed ? relayout({ ...nb, blocks }) : nb;
}

/** Sets each block's `line` to where it now starts, keeping the objects whose line did not move. */
function relayout(nb: Notebook): Notebook {
  const blocks = layoutNotebook(nb).map(({ block, line }) =>
    block.line === line ? block : { ...block, line },
  );
  return { ...nb, blocks };
}

function nextCellNumber(blocks: readonly Block[]): number {
  let largest = 0;
  for (const block of blocks) {
    const n = /^cell-(\d+)$/.exec(block.id)?.[1];
    if (n !== undefined) largest = Math.max(largest, Number(n));
  }
  return largest + 1;
}
