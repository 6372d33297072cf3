/**
 * The lesson blocks a student deleted, so they can be brought back later — after a reload too,
 * when the visit's Undo is gone. A deletion is a record in the layer's `removed` list; bringing a
 * block back drops that record, and the block shows again in its place with the lesson's text.
 */
import type { Notebook } from '../notebook.ts';
import type { BlockKind, EditLayer } from './edit-layer-types.ts';

/** A deleted lesson block, as the page lists it. */
export interface RemovedBlock {
  /** Its index in `layer.removed` (what {@link restoreRemoved} takes). */
  readonly index: number;
  readonly kind: BlockKind;
  /** Its text in the lesson. */
  readonly text: string;
}

/**
 * The deleted blocks that are still hidden: those whose lesson text is unchanged. (A deleted block
 * the lesson has changed since shows again by itself; one the lesson dropped is gone for good.)
 */
export function removedBlocks(layer: EditLayer, lesson: Notebook): RemovedBlock[] {
  return (layer.removed ?? []).flatMap((ref, index) =>
    lesson.blocks.some((b) => b.kind === ref.kind && b.source === ref.base)
      ? [{ index, kind: ref.kind, text: ref.base }]
      : [],
  );
}

/** `layer` with deleted block `index` (of `layer.removed`) brought back. */
export function restoreRemoved(layer: EditLayer, index: number): EditLayer {
  const removed = layer.removed ?? [];
  if (!Number.isInteger(index) || index < 0 || index >= removed.length) return layer;
  return { ...layer, removed: removed.filter((_, i) => i !== index) };
}
