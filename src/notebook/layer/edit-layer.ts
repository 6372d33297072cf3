/**
 * A student's edits to a lesson, kept as a layer over the shipped lesson rather than as a copy of
 * it, so that an updated lesson reaches the student without losing their work.
 *
 * The layer is plain JSON (it is stored in IndexedDB) and every function here is pure: it takes a
 * layer and returns a new one. It records, per block the student changed, the lesson text the edit
 * started from (`base`) and the student's text (`text`); the blocks the student inserted, each
 * after a lesson block; and the lesson blocks the student removed. Lesson blocks are named by text
 * and position, not by id, because ids (`cell-3`) shift when the lesson gains or loses blocks: see
 * `match-blocks.ts` for how a recorded block is found again, and `applyLayer` for what is shown.
 *
 * Block ids in the notebook that `applyLayer` gives are the lesson's own ids for lesson blocks
 * (moved ones too), `new-N` for blocks the student inserted and `kept-<id>` for edited blocks the
 * lesson has since removed. The functions below take those ids.
 */
import type { CodeCell, Notebook } from '../notebook.ts';
import { applyLayer } from './apply-layer.ts';
import type { BlockKind, BlockRef, EditLayer, EditedBlock, InsertedBlock } from './edit-layer-types.ts';
import { planLayer, lessonRef, type PlannedBlock } from './layer-plan.ts';

export type {
  BlockKind,
  BlockRef,
  EditLayer,
  EditedBlock,
  InsertedBlock,
  MovedFrom,
} from './edit-layer-types.ts';
export { applyLayer, type AppliedLayer, type BlockState } from './apply-layer.ts';
export { lineDiff, type DiffLine } from './line-diff.ts';
export { readEditLayer } from './read-edit-layer.ts';

/** A layer with no edits: what "Reset notebook" leaves. */
export function emptyLayer(notebook: string): EditLayer {
  return { version: 1, notebook, cells: [], inserted: [], removed: [] };
}

/** Whether the layer changes anything (an empty layer need not be stored). */
export function hasEdits(layer: EditLayer): boolean {
  return layer.cells.length + (layer.inserted?.length ?? 0) + (layer.removed?.length ?? 0) > 0;
}

/**
 * Records that the student set block `blockId` (an id of `applyLayer(lesson, layer).notebook`) to
 * `text`. An edit back to the lesson's current text forgets the edit. The `base` of an earlier edit
 * is kept, so a block whose lesson text changed stays marked until it is reset. Returns `layer`
 * itself when there is no such block or nothing changes.
 */
export function recordEdit(layer: EditLayer, lesson: Notebook, blockId: string, text: string): EditLayer {
  const entry = planLayer(lesson, layer).find((e) => e.id === blockId);
  if (entry === undefined) return layer;
  if (entry.from === 'inserted') {
    const inserted = (layer.inserted ?? []).map((b, i) => {
      if (i !== entry.inserted) return b;
      // A moved block the lesson removed, typed back to its old lesson text, would read as
      // unedited and vanish; it becomes a block of the student's own (named `new-N`) instead.
      if (b.moved !== undefined && text === b.moved.base) return { ...withoutMoved(b), text };
      return { ...b, text };
    });
    return { ...layer, inserted };
  }
  if (entry.from === 'kept') {
    return { ...layer, cells: layer.cells.map((b, i) => (i === entry.edit ? { ...b, text } : b)) };
  }
  const { block } = entry;
  if (entry.moved !== undefined) {
    const k = entry.moved;
    const inserted = (layer.inserted ?? []).map((b, i) => {
      if (i !== k || b.moved === undefined) return b;
      // A first edit (or one back to the lesson's text) starts from the lesson's current text, as
      // for a block in place; a later one keeps its base, so a lesson change stays marked.
      const fresh = b.text === b.moved.base || text === block.source;
      const moved = fresh ? { ...lessonRef(lesson.blocks, entry.lesson), id: block.id } : b.moved;
      return { ...b, text, moved };
    });
    return { ...layer, inserted };
  }
  // Editing a block the student had removed (shown again because the lesson changed it) keeps it.
  const next = withoutRemoval(layer, entry.removal);
  if (entry.edit !== undefined) {
    const cells =
      text === block.source
        ? next.cells.filter((_, i) => i !== entry.edit)
        : next.cells.map((b, i) => (i === entry.edit ? { ...b, text } : b));
    return { ...next, cells };
  }
  if (text === block.source) return next;
  const after = entry.lesson > 0 ? lessonRef(lesson.blocks, entry.lesson - 1) : null;
  const edited: EditedBlock = { ...lessonRef(lesson.blocks, entry.lesson), id: block.id, text, after };
  return { ...next, cells: [...next.cells, edited] };
}

/**
 * "Reset": block `blockId` goes back to what the lesson has. For a lesson block that drops the
 * student's edit, removal or move (a moved block goes back to its place in the lesson); a block
 * the student inserted, or kept after the lesson removed it, disappears, since the lesson has no
 * such block.
 */
export function resetBlock(layer: EditLayer, lesson: Notebook, blockId: string): EditLayer {
  const entry = planLayer(lesson, layer).find((e) => e.id === blockId);
  if (entry === undefined) return layer;
  return dropEntry(withoutRemoval(layer, entry.from === 'lesson' ? entry.removal : undefined), entry);
}

/** What to insert with {@link recordInsert}. */
export interface NewBlock {
  /** `code` by default. */
  kind?: BlockKind;
  /** The block's text; `''` by default. */
  source?: string;
  /** A code cell's info string; must start with `ts` or `typescript`. `ts` by default. */
  info?: string;
}

/**
 * Records a block the student inserted before block `index` of the applied notebook (at the end
 * when `index` is its length or more). It is anchored to the lesson block it follows (that of the
 * block before it when that one is not from the lesson), so it follows that block when the lesson
 * changes. Returns the new layer and the new block's id.
 */
export function recordInsert(
  layer: EditLayer,
  lesson: Notebook,
  index: number,
  block: NewBlock = {},
): { layer: EditLayer; id: string } {
  const plan = planLayer(lesson, layer);
  const inserted = [...(layer.inserted ?? [])];
  const { after, at } = placeAfter(
    layer,
    lesson,
    plan[Math.min(Math.max(0, Math.trunc(index)), plan.length) - 1],
  );
  const id = newId(inserted);
  const kind = block.kind ?? 'code';
  const created: InsertedBlock = { id, kind, text: block.source ?? '', after };
  if (kind === 'code' && block.info !== undefined) {
    if (!/^(ts|typescript)(\s|$)/i.test(block.info) || /[\r\n]/.test(block.info)) {
      throw new RangeError(
        `a cell's info string must be one line starting with ts; got ${JSON.stringify(block.info)}`,
      );
    }
    inserted.splice(at, 0, { ...created, info: block.info });
  } else {
    inserted.splice(at, 0, created);
  }
  return { layer: { ...layer, inserted }, id };
}

/**
 * Records that the student removed block `blockId`. Removing a lesson block forgets the student's
 * edit of it (removing is explicit); removing an inserted or kept block forgets it.
 */
export function recordRemove(layer: EditLayer, lesson: Notebook, blockId: string): EditLayer {
  const entry = planLayer(lesson, layer).find((e) => e.id === blockId);
  if (entry === undefined) return layer;
  if (entry.from !== 'lesson') return dropEntry(layer, entry);
  // Recorded with the lesson's current text, so it matches exactly and the block stays hidden.
  const next = dropEntry(withoutRemoval(layer, entry.removal), entry);
  return { ...next, removed: [...(next.removed ?? []), lessonRef(lesson.blocks, entry.lesson)] };
}

/**
 * Records that the student moved block `blockId` one place up (`-1`) or down (`1`) in the applied
 * notebook: it swaps places with its neighbour there, whatever either block is. Moving the first
 * block up or the last one down returns `layer` itself, as does an unknown id. The block keeps its
 * id in `applyLayer`'s notebook.
 *
 * Every move is recorded as an anchor, like an insertion: "after this lesson block, at this place
 * among the blocks inserted there". An inserted block just gets a new anchor. A lesson block gets
 * a move record in `inserted` (see {@link InsertedBlock.moved}) that still names the lesson block,
 * so the moved block keeps following the lesson: untouched, it shows the lesson's current text;
 * edited (its edit moves into the record), the student's text, marked when the lesson changes it;
 * when the lesson removes it, it stays where it was moved if edited and goes otherwise. Its anchor
 * follows lesson updates as an insertion's does. A move that brings a lesson block back to where
 * the lesson has it drops the record, so moving down then up leaves the layer as it was.
 */
export function recordMove(
  layer: EditLayer,
  lesson: Notebook,
  blockId: string,
  direction: -1 | 1,
): EditLayer {
  const start = keptAsRecords(layer, lesson);
  const plan = planLayer(lesson, start);
  const p = plan.findIndex((e) => e.id === blockId);
  const entry = plan[p];
  if (entry === undefined || plan[p + direction] === undefined) return layer;
  // The block as a record that can be placed anywhere, and the layer without it.
  let record: InsertedBlock;
  let old: number | undefined;
  let rest = start;
  if (entry.from === 'inserted' || (entry.from === 'lesson' && entry.moved !== undefined)) {
    old = entry.from === 'inserted' ? entry.inserted : entry.moved;
    const found = start.inserted?.[old ?? -1];
    if (found === undefined) return layer;
    record = found;
  } else if (entry.from === 'lesson') {
    const { block } = entry;
    const edit = entry.edit === undefined ? undefined : start.cells[entry.edit];
    const here = lessonRef(lesson.blocks, entry.lesson);
    // An edit keeps its base, so a lesson change under it stays marked; an edit that happens to be
    // the lesson's old text starts from the current one instead, so the text is not taken as unedited.
    const base = edit === undefined || edit.text === edit.base ? block.source : edit.base;
    const text = edit?.text ?? block.source;
    const info = block.kind === 'code' ? { info: infoString(block) } : {};
    record = { id: newId(start.inserted ?? []), kind: block.kind, text, ...info, after: null };
    record = { ...record, moved: { ...here, base, id: block.id } };
    rest = dropEntry(withoutRemoval(start, entry.removal), entry);
  } else {
    // keptAsRecords turned every kept block it could into a record; this one could not be (its
    // text is its old lesson text, or converting would change what shows), so it stays put.
    return layer;
  }
  // Where it goes: before index `to` of the notebook without it (after its neighbour).
  const others = plan.filter((_, i) => i !== p);
  const to = direction < 0 ? p - 1 : p + 1;
  const { after, at } = placeAfter(start, lesson, others[to - 1]);
  const inserted = [...(start.inserted ?? [])];
  inserted.splice(at, 0, { ...record, after });
  if (old !== undefined) inserted.splice(old >= at ? old + 1 : old, 1);
  return settleMoves({ ...rest, inserted }, lesson);
}

/**
 * Where a block placed right after plan entry `before` (`undefined`: at the start) goes: the
 * lesson block it follows, and the index in `layer.inserted` to put it at (first among those
 * anchored there, or right after the inserted or moved block it follows).
 */
function placeAfter(
  layer: EditLayer,
  lesson: Notebook,
  before: PlannedBlock | undefined,
): { after: BlockRef | null; at: number } {
  const inserted = layer.inserted ?? [];
  if (before === undefined) return { after: null, at: 0 };
  if (before.from === 'kept') return { after: layer.cells[before.edit]?.after ?? null, at: 0 };
  if (before.from === 'inserted')
    return { after: inserted[before.inserted]?.after ?? null, at: before.inserted + 1 };
  if (before.moved !== undefined)
    return { after: inserted[before.moved]?.after ?? null, at: before.moved + 1 };
  return { after: lessonRef(lesson.blocks, before.lesson), at: 0 };
}

/**
 * `layer` with its kept blocks (edits of blocks the lesson removed) turned into records in
 * `inserted`, which can be ordered among inserted blocks (a kept edit always comes before them).
 * Each keeps its place and its `kept-<id>` id; it is only done when the notebook shown stays the
 * same, and never for a kept text equal to its old lesson text (a record would hide it).
 */
function keptAsRecords(layer: EditLayer, lesson: Notebook): EditLayer {
  const plan = planLayer(lesson, layer);
  const kept = new Set(plan.flatMap((e) => (e.from === 'kept' ? [e.edit] : [])));
  const records: InsertedBlock[] = [];
  const cells = layer.cells.filter((cell, i) => {
    if (!kept.has(i) || cell.text === cell.base) return true;
    const { kind, index, base, id, text, after } = cell;
    records.push({
      id: newId([...(layer.inserted ?? []), ...records]),
      kind,
      text,
      after,
      moved: { kind, index, base, id },
    });
    return false;
  });
  if (records.length === 0) return layer;
  const next = { ...layer, cells, inserted: [...records, ...(layer.inserted ?? [])] };
  return sameNotebook(lesson, layer, next) ? next : layer;
}

/**
 * Drops each move record that no longer changes where its block is shown (the block is back at
 * its lesson place), keeping any edit of it as an ordinary edit, so that undoing a move by hand
 * leaves the lesson block following the lesson in place rather than an anchor.
 */
function settleMoves(layer: EditLayer, lesson: Notebook): EditLayer {
  let current = layer;
  for (let k = (current.inserted ?? []).length - 1; k >= 0; k--) {
    const entry = planLayer(lesson, current).find((e) => e.from === 'lesson' && e.moved === k);
    const record = current.inserted?.[k];
    if (entry?.from !== 'lesson' || record?.moved === undefined) continue;
    const { block } = entry;
    let next: EditLayer = { ...current, inserted: (current.inserted ?? []).filter((_, i) => i !== k) };
    if (record.text !== record.moved.base && record.text !== block.source) {
      const after = entry.lesson > 0 ? lessonRef(lesson.blocks, entry.lesson - 1) : null;
      const { kind, index, base } = record.moved;
      next = {
        ...next,
        cells: [...next.cells, { kind, index, base, id: block.id, text: record.text, after }],
      };
    }
    if (sameNotebook(lesson, current, next)) current = next;
  }
  return current;
}

/** Whether two layers show the same blocks, ids and texts, in the same order. */
function sameNotebook(lesson: Notebook, a: EditLayer, b: EditLayer): boolean {
  const shown = (layer: EditLayer): string =>
    JSON.stringify(applyLayer(lesson, layer).notebook.blocks.map((block) => [block.id, block.source]));
  return shown(a) === shown(b);
}

/** A code cell's info string as written (`ts hidden`), for a copy of it. */
function infoString(block: CodeCell): string {
  return /^ *[`~]+\s*(.*?)\s*$/.exec(block.raw.open.replace(/\r?\n$/, ''))?.[1] || 'ts';
}

function withoutMoved(block: InsertedBlock): InsertedBlock {
  const { moved: _moved, ...rest } = block;
  return rest;
}

/** `new-N` with N one more than the largest in use. */
function newId(inserted: readonly InsertedBlock[]): string {
  return `new-${1 + Math.max(0, ...inserted.map((b) => Number(/^new-(\d+)$/.exec(b.id)?.[1] ?? 0)))}`;
}

function dropEntry(layer: EditLayer, entry: PlannedBlock): EditLayer {
  const drop = entry.from === 'inserted' ? entry.inserted : entry.from === 'lesson' ? entry.moved : undefined;
  if (drop !== undefined) {
    return { ...layer, inserted: (layer.inserted ?? []).filter((_, i) => i !== drop) };
  }
  if (entry.from === 'inserted' || entry.edit === undefined) return layer;
  return { ...layer, cells: layer.cells.filter((_, i) => i !== entry.edit) };
}

function withoutRemoval(layer: EditLayer, removal: number | undefined): EditLayer {
  if (removal === undefined) return layer;
  return { ...layer, removed: (layer.removed ?? []).filter((_, i) => i !== removal) };
}
