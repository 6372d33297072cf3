/**
 * Finding a recorded lesson block again in a lesson that may have changed since: the lesson may
 * have inserted, removed or rewritten other blocks (so ids and positions shift), or this one.
 *
 * A {@link BlockRef} names a block by its kind, its text then (`base`) and its position then
 * among the blocks of its kind. The rules, in order:
 * 1. exact: a block of the same kind whose text is `base`; among several, the one nearest the
 *    recorded position;
 * 2. similar: a block of the same kind whose text is at least {@link SIMILAR} alike
 *    (`textSimilarity`); the most alike first, then the nearest;
 * 3. otherwise the block is gone (for {@link matchBlocks}) or, for an anchor
 *    ({@link locateAnchor}), the block now at the recorded position is used.
 */
import type { Block } from '../notebook.ts';
import type { BlockRef } from './edit-layer-types.ts';
import { SIMILAR, textSimilarity } from './text-similarity.ts';

interface Candidate {
  ref: number;
  /** Index in the notebook's blocks. */
  block: number;
  score: number;
  /** How far the block's position among its kind is from the recorded one. */
  distance: number;
}

/**
 * The block each ref now is, as an index into `blocks` (`undefined` when it is gone). Each block
 * goes to one ref at most: all exact matches are settled first (nearest first), then similar ones
 * among the blocks left (most alike first), so a block is never taken by a weaker match.
 */
export function matchBlocks(refs: readonly BlockRef[], blocks: readonly Block[]): (number | undefined)[] {
  const found: (number | undefined)[] = refs.map(() => undefined);
  const taken = new Set<number>();
  const assign = (candidates: Candidate[]): void => {
    candidates.sort((x, y) => y.score - x.score || x.distance - y.distance || x.ref - y.ref);
    for (const { ref, block } of candidates) {
      if (found[ref] !== undefined || taken.has(block)) continue;
      found[ref] = block;
      taken.add(block);
    }
  };
  assign(candidates(refs, blocks, (ref, block) => (block.source === ref.base ? 1 : 0)));
  const open = refs.map((ref, i) => (found[i] === undefined ? ref : undefined));
  assign(
    candidates(open, blocks, (ref, block, index) =>
      taken.has(index) ? 0 : textSimilarity(ref.base, block.source),
    ),
  );
  return found;
}

/**
 * Where an anchor ("after this lesson block") now is: an index into `blocks`, or -1 for the start
 * of the notebook (a `null` anchor). Never fails: when the block is gone, the block of the same
 * kind now at the recorded position (or the last of that kind) stands in, and the end of the
 * notebook when there is no block of that kind.
 */
export function locateAnchor(ref: BlockRef | null, blocks: readonly Block[]): number {
  if (ref === null) return -1;
  const byRank = (x: Candidate, y: Candidate): number => y.score - x.score || x.distance - y.distance;
  const [exact] = candidates([ref], blocks, (r, block) => (block.source === r.base ? 1 : 0)).sort(byRank);
  if (exact !== undefined) return exact.block;
  const [similar] = candidates([ref], blocks, (r, block) => textSimilarity(r.base, block.source)).sort(
    byRank,
  );
  if (similar !== undefined) return similar.block;
  const ofKind = positionsOfKind(blocks, ref.kind);
  return ofKind[Math.min(ref.index, ofKind.length - 1)] ?? blocks.length - 1;
}

/** Every (ref, block of the same kind) pair that scores at least {@link SIMILAR}. */
function candidates(
  refs: readonly (BlockRef | undefined)[],
  blocks: readonly Block[],
  score: (ref: BlockRef, block: Block, index: number) => number,
): Candidate[] {
  const out: Candidate[] = [];
  refs.forEach((ref, r) => {
    if (ref === undefined) return;
    positionsOfKind(blocks, ref.kind).forEach((index, position) => {
      const block = blocks[index];
      const s = block === undefined ? 0 : score(ref, block, index);
      if (s >= SIMILAR)
        out.push({ ref: r, block: index, score: s, distance: Math.abs(position - ref.index) });
    });
  });
  return out;
}

/** Indices in `blocks` of the blocks of one kind, in order. */
function positionsOfKind(blocks: readonly Block[], kind: Block['kind']): number[] {
  const out: number[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === kind) out.push(i);
  });
  return out;
}
