/**
 * A student's edits to one notebook, kept as a layer over the lesson as shipped (see
 * `notebook/layer/edit-layer.ts`) and saved to IndexedDB as they type. Cells the student never touched
 * follow lesson updates; edited cells keep the student's text, marked when the lesson changed.
 *
 * Saving is debounced (300 ms) and flushed when the page is hidden or closed, so a reload or a
 * crashed tab loses at most the last fraction of a second of typing.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import {
  applyLayer,
  emptyLayer,
  hasEdits,
  readEditLayer,
  recordEdit,
  recordInsert,
  recordMove,
  recordRemove,
  resetBlock,
  type AppliedLayer,
  type EditLayer,
} from '../notebook/layer/edit-layer.ts';
import type { Notebook } from '../notebook/notebook.ts';
import { undoRemoval } from '../notebook/layer/undo-removal.ts';
import { removedBlocks, restoreRemoved, type RemovedBlock } from '../notebook/layer/removed-blocks.ts';

/** A step Undo can take back: a removal (the layers around it) or a move (taken back by moving back). */
type UndoStep =
  | { kind: 'remove'; before: EditLayer; after: EditLayer }
  | { kind: 'move'; blockId: string; direction: -1 | 1 };

const SAVE_DELAY_MS = 300;
let store: UseStore | undefined;

/** The app's IndexedDB store (database `dplab`, object store `work`). */
function workStore(): UseStore {
  store ??= createStore('dplab', 'work');
  return store;
}

/** One notebook's layer of edits and the notebook they produce. */
export class StudentWork {
  private timer?: ReturnType<typeof setTimeout>;
  private applied: AppliedLayer;
  /** Layers before each deletion or move, newest last, so those can be undone. */
  private undoStack: UndoStep[] = [];

  private constructor(
    /** IndexedDB key: where the notebook came from and its name. */
    readonly key: string,
    /** The notebook as shipped (or as opened from a file). */
    readonly lesson: Notebook,
    private layer: EditLayer,
    /** Set when saved work could not be read; the message says so. */
    readonly problem?: string,
  ) {
    this.applied = applyLayer(lesson, layer);
  }

  /** Reads the saved edits for `key` and applies them to the lesson. Never throws. */
  static async load(key: string, lesson: Notebook): Promise<StudentWork> {
    try {
      const saved: unknown = await get(key, workStore());
      return new StudentWork(key, lesson, saved === undefined ? emptyLayer(key) : readEditLayer(saved));
    } catch (error) {
      // Unreadable saved work is reported, and left in place until the student edits again.
      const reason = error instanceof Error ? error.message : String(error);
      return new StudentWork(key, lesson, emptyLayer(key), `Your saved edits could not be read (${reason}).`);
    }
  }

  /** The notebook with the student's edits, and the state of each block. */
  get result(): AppliedLayer {
    return this.applied;
  }

  /** Whether the student changed anything. */
  get edited(): boolean {
    return hasEdits(this.layer);
  }

  /** The student typed `text` into a block. */
  edit(blockId: string, text: string): void {
    this.update(recordEdit(this.layer, this.lesson, blockId, text));
  }

  /** Back to the lesson's text for one block. */
  reset(blockId: string): void {
    this.update(resetBlock(this.layer, this.lesson, blockId));
  }

  /**
   * Inserts an empty block before block `index` of the shown notebook: a TypeScript cell, or a
   * Markdown block for `markdown`. Returns its id.
   */
  insert(index: number, kind: 'code' | 'markdown' = 'code'): string {
    const { layer, id } = recordInsert(this.layer, this.lesson, index, { kind, source: '' });
    this.update(layer);
    return id;
  }

  /** Removes a block (undo with {@link undo}). */
  remove(blockId: string): void {
    const before = this.layer;
    const after = recordRemove(before, this.lesson, blockId);
    if (after === before) return;
    this.undoStack.push({ kind: 'remove', before, after });
    this.update(after);
  }

  /**
   * Moves a block one place up (`-1`) or down (`1`); it keeps its id. Undo with {@link undo}.
   * Returns whether it moved (the first block cannot go up, nor the last down).
   */
  move(blockId: string, direction: -1 | 1): boolean {
    const after = recordMove(this.layer, this.lesson, blockId, direction);
    if (after === this.layer) return false;
    this.undoStack.push({ kind: 'move', blockId, direction });
    this.update(after);
    return true;
  }

  /** The lesson blocks the student deleted that are still hidden (kept across reloads). */
  get removed(): RemovedBlock[] {
    return removedBlocks(this.layer, this.lesson);
  }

  /** Brings back deleted lesson block `index` (see {@link removed}), with the lesson's text. */
  restore(index: number): void {
    this.update(restoreRemoved(this.layer, index));
  }

  /** Whether there is a deletion or move to undo. */
  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /**
   * Takes back the last deletion or move, keeping everything typed since (a removal is undone as
   * the difference it made, a move by moving back).
   */
  undo(): void {
    const step = this.undoStack.pop();
    if (step?.kind === 'remove') this.update(undoRemoval(this.layer, step.before, step.after));
    else if (step?.kind === 'move') {
      this.update(recordMove(this.layer, this.lesson, step.blockId, step.direction === 1 ? -1 : 1));
    }
  }

  /** Back to the lesson for the whole notebook. */
  resetAll(): void {
    // Nothing to undo in a notebook back to the lesson (and a removal's records are gone).
    this.undoStack = [];
    this.update(emptyLayer(this.key));
  }

  /** Writes pending edits now (the page is being hidden or closed). */
  async flush(): Promise<void> {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }

  private update(layer: EditLayer): void {
    this.layer = layer;
    this.applied = applyLayer(this.lesson, layer);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  private async save(): Promise<void> {
    if (hasEdits(this.layer)) await set(this.key, this.layer, workStore());
    else await del(this.key, workStore());
  }
}
