/**
 * The experiment journal of the open notebook, kept in IndexedDB (database `dplab-journal`) next to
 * the student's edits: one record per notebook key holding its runs, oldest first (see
 * `learn/journal.ts`). Never throws: a browser that cannot store keeps the journal for the session
 * only, and says so in {@link JournalStore.problem}.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { Notebook } from '../notebook/notebook.ts';
import type { CellState } from '../runtime/cell-state.ts';
import { runnableCells } from '../learn/notebook-cells.ts';
import type { GraphEdge } from '../learn/upstream.ts';
import { capRuns, readRuns, settledRuns, type JournalRun } from '../learn/journal.ts';

let store: UseStore | undefined;
function journalStore(): UseStore {
  store ??= createStore('dplab-journal', 'journal');
  return store;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The open notebook's runs; panels subscribe to hear of changes. */
export class JournalStore {
  /** The notebook key the runs belong to (after {@link open}). */
  key?: string;
  /** The runs, oldest first; a new array on every change. */
  runs: readonly JournalRun[] = [];
  /** Set when the journal could not be read or saved. */
  problem?: string;
  private listeners = new Set<() => void>();
  /** Each cell's `lastRun` when the journal last looked: a new object means the cell ran since. */
  private seen = new Map<string, CellState['lastRun']>();
  private saving: Promise<void> = Promise.resolve();
  /** The latest runs not yet written, when a write is under way (writes are coalesced). */
  private unsaved?: { key: string; runs: readonly JournalRun[] };
  private counter = 0;

  /** Calls `listener` whenever the runs (or the problem) change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the journal of a notebook (an empty one if it has none). */
  async open(key: string): Promise<void> {
    this.key = undefined;
    this.runs = [];
    this.seen = new Map();
    this.problem = undefined;
    await this.saving;
    let runs: JournalRun[] = [];
    try {
      runs = readRuns(await get(key, journalStore()));
    } catch (error) {
      this.problem = `The journal could not be read (${message(error)}); runs are kept for this session only.`;
    }
    this.key = key;
    this.runs = runs;
    this.changed();
  }

  /**
   * Records the runs that settled (the kernel went idle): see `settledRuns` for the rule. Cells are
   * read in notebook order from `states`.
   */
  recordSettled(
    notebook: Notebook | undefined,
    states: ReadonlyMap<string, CellState>,
    edges: readonly GraphEdge[],
  ): void {
    if (!notebook || this.key === undefined) return;
    const cells = runnableCells(notebook).flatMap((cell) => {
      const state = states.get(cell.id);
      if (!state) return [];
      const ran = state.lastRun !== undefined && state.lastRun !== this.seen.get(cell.id);
      this.seen.set(cell.id, state.lastRun);
      return [{ id: cell.id, source: cell.source, status: state.status, outputs: state.outputs, ran }];
    });
    const stamp = Date.now().toString(36);
    const added = settledRuns(cells, edges, this.runs, {
      time: new Date().toISOString(),
      id: () => `${stamp}-${(this.counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
    });
    if (added.length > 0) this.update(capRuns([...this.runs, ...added]));
  }

  /** Pins a run (kept when old runs are dropped) or unpins it. */
  setPinned(id: string, pinned: boolean): void {
    this.update(
      this.runs.map((run) => {
        if (run.id !== id || Boolean(run.pinned) === pinned) return run;
        const next: JournalRun = { ...run, pinned: true };
        if (!pinned) delete next.pinned;
        return next;
      }),
    );
  }

  /** Forgets every run of the open notebook, pinned ones too. */
  async clear(): Promise<void> {
    const key = this.key;
    if (key === undefined) return;
    this.runs = [];
    this.unsaved = undefined;
    this.changed();
    await this.saving;
    try {
      await del(key, journalStore());
    } catch (error) {
      this.problem = `The journal could not be cleared (${message(error)}).`;
      this.changed();
    }
  }

  private update(runs: readonly JournalRun[]): void {
    const key = this.key;
    if (key === undefined) return;
    this.runs = runs;
    this.changed();
    // While one write is under way, only the newest runs wait for the next (a slider moved fast).
    const idle = this.unsaved === undefined;
    this.unsaved = { key, runs };
    if (idle) this.saving = this.saving.then(() => this.write());
  }

  private async write(): Promise<void> {
    while (this.unsaved) {
      const { key, runs } = this.unsaved;
      this.unsaved = undefined;
      try {
        await set(key, { key, version: 1, runs }, journalStore());
      } catch (error) {
        this.problem = `The journal could not be saved (${message(error)}); runs are kept for this session only.`;
        this.changed();
      }
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
