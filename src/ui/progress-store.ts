/**
 * The student's progress, kept in IndexedDB (database `dplab-progress`) next to their edits: one
 * record per notebook (see `learn/progress.ts`). Never throws: a browser that cannot store keeps
 * progress for the session only, and says so.
 */
import { createStore, entries, get, set, clear, type UseStore } from 'idb-keyval';
import {
  passedCount,
  readNotebookProgress,
  type ExerciseProgress,
  type NotebookProgress,
} from '../learn/progress.ts';

let store: UseStore | undefined;
function progressStore(): UseStore {
  store ??= createStore('dplab-progress', 'progress');
  return store;
}

/** An exercise's state as the controller reports it. */
export type ExerciseReport = Omit<ExerciseProgress, 'updated'>;

/** The open notebook's progress, and the course's. */
export class ProgressStore {
  /** The open notebook's progress (after {@link open}). */
  current?: NotebookProgress;
  /** Set when progress could not be read or saved. */
  problem?: string;
  /** Exercises passed of those recorded, by notebook key, for the sidebar (after {@link loadSummaries}). */
  summaries = new Map<string, { passed: number; total: number }>();
  /** Called whenever what the store holds changes (the page re-renders). */
  onChange: () => void = () => {};
  private saving: Promise<void> = Promise.resolve();

  /** Loads (or starts) the progress of a notebook, and notes that it was opened. */
  async open(key: string, title: string): Promise<void> {
    const now = new Date().toISOString();
    let saved: NotebookProgress | undefined;
    try {
      saved = readNotebookProgress(await get(key, progressStore()));
    } catch (error) {
      this.problem = `Your progress could not be read (${error instanceof Error ? error.message : String(error)}).`;
    }
    this.current = saved
      ? { ...saved, title, lastOpened: now }
      : { key, title, firstOpened: now, lastOpened: now, exercises: {} };
    this.save();
  }

  /**
   * Records the exercises' states. Exercises that are no longer in the notebook keep their last
   * record (a lesson update may bring them back). Saves only when something changed.
   */
  record(reports: readonly ExerciseReport[]): void {
    const current = this.current;
    if (!current) return;
    let changed = false;
    const exercises = { ...current.exercises };
    for (const report of reports) {
      // A state that is only passing through (checks running, inputs not ready) is not progress.
      if (report.status === 'waiting') continue;
      const old = exercises[report.id];
      if (
        old &&
        old.status === report.status &&
        old.score === report.score &&
        old.total === report.total &&
        old.code === report.code &&
        old.title === report.title
      )
        continue;
      exercises[report.id] = { ...report, updated: new Date().toISOString() };
      changed = true;
    }
    if (!changed) return;
    this.current = { ...current, exercises };
    this.save();
  }

  /** Reads how far the student got in every notebook, for the sidebar. */
  async loadSummaries(): Promise<void> {
    for (const p of await this.all()) this.summaries.set(p.key, passedCount(p));
    this.onChange();
  }

  /** Every notebook's progress, for the progress page and "Download progress". */
  async all(): Promise<NotebookProgress[]> {
    await this.saving;
    try {
      const rows = await entries(progressStore());
      return rows.flatMap(([, value]) => {
        const p = readNotebookProgress(value);
        return p ? [p] : [];
      });
    } catch {
      return this.current ? [this.current] : [];
    }
  }

  /** Forgets all progress (Reset progress). */
  async reset(): Promise<void> {
    await this.saving;
    await clear(progressStore());
    this.summaries.clear();
    if (this.current) this.current = { ...this.current, exercises: {} };
    this.onChange();
  }

  private save(): void {
    const snapshot = this.current;
    if (!snapshot) return;
    this.summaries.set(snapshot.key, passedCount(snapshot));
    this.onChange();
    this.saving = this.saving
      .then(() => set(snapshot.key, snapshot, progressStore()))
      .catch((error: unknown) => {
        this.problem = `Your progress could not be saved (${error instanceof Error ? error.message : String(error)}).`;
      });
  }
}
