/**
 * The shape of a student's edit layer as stored (IndexedDB, a file): plain JSON records naming
 * lesson blocks by text and position. The functions that make and read layers are in
 * `edit-layer.ts` (recording), `apply-layer.ts` (showing) and `read-edit-layer.ts` (checking).
 */
import type { Block } from '../notebook.ts';

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

/** The lesson block a move record stands for (see {@link InsertedBlock.moved}). */
export interface MovedFrom extends BlockRef {
  /** The block's id in the lesson when moved; names it (`kept-<id>`) if the lesson later removes it. */
  readonly id: string;
}

/** A block the student added, or a lesson block the student moved (`moved` is then set). */
export interface InsertedBlock {
  /** `new-1`, `new-2`, …: its id in the applied notebook, stable while it exists. */
  readonly id: string;
  readonly kind: BlockKind;
  readonly text: string;
  /** A code cell's info string (`ts`, `ts hidden`); `ts` when absent. */
  readonly info?: string;
  /** The lesson block it follows (`null`: the start of the notebook). */
  readonly after: BlockRef | null;
  /**
   * Set when this record is a lesson block the student moved here, not a new block. The block is
   * found in the lesson like an edited one (`base` is the lesson text the record started from)
   * and shown here with its lesson id instead of at its own place. `text` is the student's text;
   * while it equals `base` the block counts as unedited and shows the lesson's current text, so a
   * moved block keeps following lesson updates. Stored layers without the field read as before.
   */
  readonly moved?: MovedFrom;
}

/** A student's edits to one lesson. Plain JSON; make one with `emptyLayer` (`edit-layer.ts`). */
export interface EditLayer {
  readonly version: 1;
  /** The lesson's path, e.g. `notebooks/01-time-series-basics.md`. */
  readonly notebook: string;
  readonly cells: readonly EditedBlock[];
  readonly inserted?: readonly InsertedBlock[];
  /** Lesson blocks the student removed. */
  readonly removed?: readonly BlockRef[];
}
