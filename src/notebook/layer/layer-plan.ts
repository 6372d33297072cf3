/**
 * Laying an edit layer over a lesson: which blocks the student sees, in what order, and where
 * each comes from. `applyLayer` builds the notebook from this plan, and the record/reset
 * functions use it to find what a block id of that notebook stands for.
 *
 * 1. Every edit and removal is matched to one lesson block (`matchBlocks`: exact text, then
 *    similar text; each lesson block to one record at most).
 * 2. The lesson's blocks are shown in the lesson's order, except a removed block whose lesson text
 *    is still what the student removed. (When the lesson has changed it, the new text shows: the
 *    student removed the old text, not this one.)
 * 3. After each lesson block (or at the start) come the edits that found no lesson block, kept as
 *    blocks of their own after their recorded neighbour, then the inserted blocks anchored there,
 *    each group in the layer's order. Anchors never fail (`locateAnchor`), so nothing is dropped.
 * 4. An inserted record with `moved` is a lesson block the student moved: it is matched like an
 *    edit (step 1), and the lesson block it finds is shown at the record's place (step 3) instead
 *    of its own, under its lesson id, so it keeps following the lesson there. When the lesson no
 *    longer has the block, the record shows as a kept block if the student changed its text, and
 *    not at all otherwise (the student typed nothing there, and the lesson dropped it).
 */
import type { Block, Notebook } from '../notebook.ts';
import type { BlockRef, EditLayer } from './edit-layer-types.ts';
import { locateAnchor, matchBlocks } from './match-blocks.ts';

/** One block of the applied notebook and where it comes from. */
export type PlannedBlock =
  | {
      from: 'lesson';
      /** The lesson's block, and its index in `lesson.blocks`. */
      block: Block;
      id: string;
      lesson: number;
      /** Index in `layer.cells` of the student's edit of it, if any. */
      edit: number | undefined;
      /** Index in `layer.removed` when the student removed it but the lesson has changed it since. */
      removal: number | undefined;
      /** Index in `layer.inserted` of the record that moved it here, when the student moved it. */
      moved: number | undefined;
    }
  /**
   * A block the student inserted, or a moved lesson block the lesson no longer has (its id is then
   * `kept-<id>`): index in `layer.inserted`.
   */
  | { from: 'inserted'; id: string; inserted: number }
  /** An edited block the lesson no longer has: index in `layer.cells`. */
  | { from: 'kept'; id: string; edit: number };

/** The applied notebook's blocks, in order (see the rules above). */
export function planLayer(lesson: Notebook, layer: EditLayer): PlannedBlock[] {
  const blocks = lesson.blocks;
  const removed = layer.removed ?? [];
  const inserted = layer.inserted ?? [];
  const movers = inserted.flatMap((b) => (b.moved === undefined ? [] : [b.moved]));
  const matches = matchBlocks([...layer.cells, ...removed, ...movers], blocks);
  const edits = new Map<number, number>();
  const removals = new Map<number, number>();
  // Lesson blocks shown elsewhere because the student moved them.
  const moved = new Set<number>();
  // Blocks shown after lesson block i (-1: before the first), in the order added.
  const extras = new Map<number, PlannedBlock[]>();
  const addAfter = (anchor: BlockRef | null, entry: PlannedBlock): void => {
    const i = locateAnchor(anchor, blocks);
    extras.set(i, [...(extras.get(i) ?? []), entry]);
  };
  const ids = new Set([...blocks.map((b) => b.id), ...(layer.inserted ?? []).map((b) => b.id)]);

  layer.cells.forEach((cell, i) => {
    const match = matches[i];
    if (match !== undefined) edits.set(match, i);
    else addAfter(cell.after, { from: 'kept', id: uniqueId(`kept-${cell.id}`, ids), edit: i });
  });
  removed.forEach((_, i) => {
    const match = matches[layer.cells.length + i];
    if (match !== undefined) removals.set(match, i);
  });
  // The move records' matches follow those of the edits and removals, in the layer's order.
  let mover = layer.cells.length + removed.length;
  inserted.forEach((b, i) => {
    if (b.moved === undefined) {
      addAfter(b.after, { from: 'inserted', id: b.id, inserted: i });
      return;
    }
    const match = matches[mover];
    mover++;
    const block = match === undefined ? undefined : blocks[match];
    if (match !== undefined && block !== undefined) {
      moved.add(match);
      const entry = { block, id: block.id, lesson: match, edit: undefined, removal: undefined, moved: i };
      addAfter(b.after, { from: 'lesson', ...entry });
    } else if (b.text !== b.moved.base) {
      addAfter(b.after, { from: 'inserted', id: uniqueId(`kept-${b.moved.id}`, ids), inserted: i });
    }
  });

  const plan: PlannedBlock[] = [...(extras.get(-1) ?? [])];
  blocks.forEach((block, i) => {
    const removal = removals.get(i);
    const hidden = moved.has(i) || (removal !== undefined && removed[removal]?.base === block.source);
    if (!hidden) {
      plan.push({
        from: 'lesson',
        block,
        id: block.id,
        lesson: i,
        edit: edits.get(i),
        removal,
        moved: undefined,
      });
    }
    plan.push(...(extras.get(i) ?? []));
  });
  return plan;
}

/** How to find lesson block `i` again later: its kind, position among its kind, and text. */
export function lessonRef(blocks: readonly Block[], i: number): BlockRef {
  const block = blocks[i];
  if (block === undefined) throw new RangeError(`no block ${i} in a lesson of ${blocks.length} blocks`);
  const index = blocks.slice(0, i).filter((b) => b.kind === block.kind).length;
  return { kind: block.kind, index, base: block.source };
}

/** `id`, or `id-2`, `id-3`, … when taken; the result is marked as taken. */
function uniqueId(id: string, taken: Set<string>): string {
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
  taken.add(unique);
  return unique;
}
