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
 * Block ids in the notebook that `applyLayer` gives are the lesson's own ids for lesson blocks,
 * `new-N` for blocks the student inserted and `kept-<id>` for edited blocks the lesson has since
 * removed. The functions below take those ids.
 */
import { planLayer, lessonRef, type PlannedBlock } from './layer-plan.ts';
import type { Block, Notebook } from './notebook.ts';

export { applyLayer, type AppliedLayer, type BlockState } from './apply-layer.ts';
export { lineDiff, type DiffLine } from './line-diff.ts';
export { readEditLayer } from './read-edit-layer.ts';

/** `code` for a code cell, `markdown` for a Markdown block. */
export type BlockKind = Block['kind'];

/** A lesson block as it was when recorded, so that it can be found again in a changed lesson. */
export interface BlockRef {
  readonly kind: BlockKind;
  /** Its position among the lesson's blocks of the same kind (0-based) when recorded. */
  readonly index: number;
  /** The lesson's text of the block (its `source`) when recorded. */
  readonly base: string;
}

/** A lesson block the student changed: the lesson text it was changed from, and the student's text. */
export interface EditedBlock extends BlockRef {
  /** The block's id in the lesson when recorded; names it (`kept-<id>`) if the lesson later removes it. */
  readonly id: string;
  /** The student's text. */
  readonly text: string;
  /** The lesson block before it (`null`: it was first): where to keep it if the lesson removes it. */
  readonly after: BlockRef | null;
}

/** A block the student added. */
export interface InsertedBlock {
  /** `new-1`, `new-2`, …: its id in the applied notebook, stable while it exists. */
  readonly id: string;
  readonly kind: BlockKind;
  readonly text: string;
  /** A code cell's info string (`ts`, `ts hidden`); `ts` when absent. */
  readonly info?: string;
  /** The lesson block it follows (`null`: the start of the notebook). */
  readonly after: BlockRef | null;
}

/** A student's edits to one lesson. Plain JSON; make one with {@link emptyLayer}. */
export interface EditLayer {
  readonly version: 1;
  /** The lesson's path, e.g. `notebooks/01-time-series-basics.md`. */
  readonly notebook: string;
  readonly cells: readonly EditedBlock[];
  readonly inserted?: readonly InsertedBlock[];
  /** Lesson blocks the student removed. */
  readonly removed?: readonly BlockRef[];
}

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
    const inserted = layer.inserted ?? [];
    return { ...layer, inserted: inserted.map((b, i) => (i === entry.inserted ? { ...b, text } : b)) };
  }
  if (entry.from === 'kept') {
    return { ...layer, cells: layer.cells.map((b, i) => (i === entry.edit ? { ...b, text } : b)) };
  }
  // Editing a block the student had removed (shown again because the lesson changed it) keeps it.
  const next = withoutRemoval(layer, entry.removal);
  const { block } = entry;
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
 * student's edit (or removal); a block the student inserted, or kept after the lesson removed it,
 * disappears, since the lesson has no such block.
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
  // It goes where the block before it is anchored, right after that block.
  const before = plan[Math.min(Math.max(0, Math.trunc(index)), plan.length) - 1];
  let after: BlockRef | null = null;
  let at = 0;
  if (before?.from === 'lesson') after = lessonRef(lesson.blocks, before.lesson);
  else if (before?.from === 'kept') after = layer.cells[before.edit]?.after ?? null;
  else if (before?.from === 'inserted') {
    after = inserted[before.inserted]?.after ?? null;
    at = before.inserted + 1;
  }
  const id = `new-${1 + Math.max(0, ...inserted.map((b) => Number(/^new-(\d+)$/.exec(b.id)?.[1] ?? 0)))}`;
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

function dropEntry(layer: EditLayer, entry: PlannedBlock): EditLayer {
  if (entry.from === 'inserted') {
    return { ...layer, inserted: (layer.inserted ?? []).filter((_, i) => i !== entry.inserted) };
  }
  if (entry.edit === undefined) return layer;
  return { ...layer, cells: layer.cells.filter((_, i) => i !== entry.edit) };
}

function withoutRemoval(layer: EditLayer, removal: number | undefined): EditLayer {
  if (removal === undefined) return layer;
  return { ...layer, removed: (layer.removed ?? []).filter((_, i) => i !== removal) };
}
