/**
 * Undoing a removal without undoing what came after it.
 *
 * Restoring the whole layer from before a removal would also throw away everything the student
 * typed since. Instead, the removal is taken back as the difference it made: the records it dropped
 * (the block's edit, or the inserted block itself) come back, and the removal record it added goes.
 * Records are compared by identity: the layer functions copy only the records they change, so the
 * ones a removal dropped or added are exactly those missing from, or new in, the layer after it.
 */
import type { EditLayer } from './edit-layer-types.ts';

const newNumber = (id: string): number => Number(/^new-(\d+)$/.exec(id)?.[1] ?? 0);

const missing = <T>(from: readonly T[] | undefined, in_: readonly T[] | undefined): T[] =>
  (from ?? []).filter((x) => !(in_ ?? []).includes(x));

/**
 * `current` with the removal that turned `before` into `after` taken back; every other change in
 * `current` (made before or after that removal) is kept.
 */
export function undoRemoval(current: EditLayer, before: EditLayer, after: EditLayer): EditLayer {
  const cells = [
    ...current.cells,
    ...missing(before.cells, after.cells).filter((c) => !current.cells.includes(c)),
  ];
  const inserted = [...(current.inserted ?? [])];
  for (const block of missing(before.inserted, after.inserted)) {
    if (inserted.includes(block)) continue;
    // A block inserted since may have been given the same `new-N` id: the returning one takes a new
    // one then, so ids stay unique.
    const taken = new Set(inserted.map((b) => b.id));
    const id = taken.has(block.id) ? `new-${1 + Math.max(0, ...[...taken].map(newNumber))}` : block.id;
    // Back where it was among the inserted blocks (its order there decides its place after its anchor).
    const at = Math.min((before.inserted ?? []).indexOf(block), inserted.length);
    inserted.splice(at, 0, id === block.id ? block : { ...block, id });
  }
  const added = missing(after.removed, before.removed);
  const removed = [
    ...(current.removed ?? []).filter((r) => !added.includes(r)),
    ...missing(before.removed, after.removed).filter((r) => !(current.removed ?? []).includes(r)),
  ];
  return { ...current, cells, inserted, removed };
}
