/**
 * A Lit reactive controller that holds the open notebook — the saved document and this session's
 * run state of each cell — and talks to the kernel for its host. The document (what is in the
 * file) and the run state (what this session computed) are kept apart; run state changes only
 * through the runtime's pure `transitionCell`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Notebook } from '../notebook/notebook.ts';
import type { PreparedNotebook } from '../notebook/prepare-notebook.ts';
import type { BlockState } from '../notebook/layer/apply-layer.ts';
import { sanitizeMarkdown, sanitizeOutput } from './sanitize.ts';
import { StudentWork } from './student-work.ts';
import type { InputValue, KernelCell, KernelEvent, TablePage } from '../protocol.ts';
import { initialCellState, transitionCell, type CellState } from '../runtime/cell-state.ts';
import { KernelClient } from '../kernel/kernel-client.ts';
import { loadEditorKit, preloadEditorKit } from './editor-loader.ts';
import type { NotebookTypes } from './editor/index.ts';
import { findExercises, type Exercise } from '../learn/exercises.ts';
import { kernelCell, runnableCells } from '../learn/notebook-cells.ts';
import { exerciseState, type ExerciseState } from '../learn/exercise-state.ts';
import { upstreamOf, type GraphEdge } from '../learn/upstream.ts';
import { ProgressStore } from './progress-store.ts';
import { JournalStore } from './journal-store.ts';
import { ConsentStore } from './consent-store.ts';
import { notebookTrust, type NotebookTrust, type OutsideNotebook } from './notebook-trust.ts';

/** Where the open notebook came from: one of the app's notebooks, or a file the student opened. */
export interface NotebookSource {
  /** File name, e.g. `00-welcome.md`. */
  name: string;
  origin: 'bundled' | 'local';
  /**
   * For a notebook from outside the app (a share link, a file): how it came and the text it was
   * opened from. It does not run until the student agrees (see `notebook-trust.ts`).
   */
  outside?: OutsideNotebook;
}

export { runnableCells };

const sameHosts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((host, i) => host === b[i]);

/** Holds the open notebook and its cells' states; see the module comment. */
export class NotebookController implements ReactiveController {
  notebook?: Notebook;
  source?: NotebookSource;
  /** Sanitised HTML of the prose, by block id (as prepared; prose is not editable yet). */
  markdown = new Map<string, { source: string; html: string }>();
  /** Sanitised, highlighted HTML of each cell's code as shipped, by cell id. */
  code = new Map<string, { source: string; html: string }>();
  states = new Map<string, CellState>();
  /** Set while the kernel has queued or running cells. */
  busy = false;
  /** The student's edits over the notebook as shipped, saved as they type. */
  work?: StudentWork;
  /** Each block's edit state (edited, lesson changed, the lesson's text), by block id. */
  blocks = new Map<string, BlockState>();
  /** A cell that should take the keyboard focus once rendered (a cell just inserted). */
  focusCell?: string;
  /** A prose block that should open for editing once rendered (a block just inserted). */
  editProse?: string;
  /** Counts the notebooks opened, so the page makes fresh cell elements (and editors) for each. */
  generation = 0;
  /** The notebook's exercises (see `learn/exercises.ts`), and what is wrong with how they are written. */
  exercises: Exercise[] = [];
  exerciseProblems: { line: number; message: string }[] = [];
  /** The dataflow graph's edges, as the kernel last reported them. */
  edges: readonly GraphEdge[] = [];
  /** The student's exercise states, saved as they change. */
  readonly progress = new ProgressStore();
  /** The runs this notebook's reporting cells settled on (the experiment journal), saved as they come. */
  readonly journal = new JournalStore();
  /** Whether the open notebook may run: bundled, or from outside and agreed to (or not yet). */
  trust?: NotebookTrust;
  /** Counts the times a run was asked for before the student agreed, so the trust bar can say so. */
  runsRefused = 0;
  /** The outside notebooks the student agreed to run. */
  private readonly consents = new ConsentStore();
  /** The top-level names each cell defines, as the kernel last reported them. */
  defines: ReadonlyMap<string, readonly string[]> = new Map();
  /** The editor's view of the cells, once the editor has loaded (see `editor/notebook-types.ts`). */
  private types?: NotebookTypes;
  /** The source each cell last ran with (or will run with), when it differs from what is shown. */
  private kernelSources = new Map<string, string>();
  private kernel?: KernelClient;
  private opened = 0;
  /** Settles when the files the student brought so far have reached the kernel. */
  private filesAdded: Promise<unknown> = Promise.resolve();
  /** Settles when the kernel has the open notebook's cells (runs asked for meanwhile wait for it). */
  private kernelOpened: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.progress.onChange = () => host.requestUpdate();
  }

  hostConnected(): void {
    // Start the worker now, while the notebook is still being fetched: loading the kernel's
    // libraries is the longest step before the first cell can run.
    this.kernelClient();
    void this.progress.loadSummaries();
  }

  hostDisconnected(): void {
    this.kernel?.dispose();
    this.kernel = undefined;
  }

  /**
   * Opens a prepared notebook; runs it unless its front matter says `autorun: false` or it comes
   * from outside and the student has not agreed to run it yet.
   */
  async open(prepared: PreparedNotebook, source: NotebookSource): Promise<void> {
    await this.work?.flush();
    const network = prepared.notebook.meta.network ?? [];
    const trust = await notebookTrust(source.name, network, source.outside, this.consents);
    // Runs asked for from here on (Run all, "Run this notebook") wait until the kernel has the
    // new notebook's cells.
    let kernelReady = () => {};
    this.kernelOpened = new Promise<void>((resolve) => (kernelReady = resolve));
    try {
      await this.showNotebook(prepared, source, trust, network);
    } finally {
      kernelReady();
    }
    // As the notebook opened: if the student agrees to run it meanwhile, `agreeToRun` runs it.
    if (prepared.notebook.meta.autorun !== false && trust.state !== 'asking') await this.runAll();
    // The student can read and run the notebook now; fetch the editor, and start TypeScript on
    // this notebook's cells, while they read.
    // (Warming is an optimisation: if it fails, the first completion simply takes longer.)
    preloadEditorKit(
      () =>
        void this.cellTypes()
          .then((types) => types.warm())
          .catch(() => undefined),
    );
  }

  /** Shows a notebook being opened, with the student's work, and hands its cells to a fresh kernel. */
  private async showNotebook(
    prepared: PreparedNotebook,
    source: NotebookSource,
    trust: NotebookTrust,
    network: readonly string[],
  ): Promise<void> {
    // Every share link opens as `shared.md`: key its saved work by the text it carried, so one
    // link's edits, progress and journal never show up under another's.
    const key =
      trust.state !== 'bundled' && trust.via === 'share-link'
        ? `share:${trust.hash.slice(0, 16)}`
        : `${source.origin}:${source.name}`;
    this.work = await StudentWork.load(key, prepared.notebook);
    const { notebook, blocks } = this.work.result;
    this.blocks = blocks;
    this.kernelSources = new Map();
    this.generation++;
    this.defines = new Map();
    this.types?.dispose();
    this.types = undefined;
    this.markdown = new Map(
      prepared.notebook.blocks.flatMap((b) =>
        b.kind === 'markdown'
          ? [[b.id, { source: b.source, html: sanitizeMarkdown(prepared.markdown[b.id] ?? '') }]]
          : [],
      ),
    );
    // Prepared HTML belongs to the lesson's code; an edited cell is highlighted on the page.
    this.code = new Map(
      runnableCells(prepared.notebook).map((c) => [
        c.id,
        { source: c.source, html: sanitizeOutput(prepared.code[c.id] ?? '') },
      ]),
    );
    this.notebook = notebook;
    this.source = source;
    this.trust = trust;
    this.runsRefused = 0;
    this.edges = [];
    this.findExercises();
    this.states = new Map(runnableCells(notebook).map((c) => [c.id, initialCellState()]));
    await this.progress.open(this.work.key, notebook.meta.title ?? source.name);
    await this.journal.open(this.work.key);
    this.host.requestUpdate();
    const kernel = this.kernelClient();
    // A fresh worker per notebook, so names, inputs and timers of the last one cannot leak in; it
    // reaches the notebook's hosts only once the notebook may run.
    const allowed = trust.state === 'asking' ? [] : network;
    if (this.opened++ > 0 || !sameHosts(kernel.allowedHosts, allowed))
      await kernel.reset({ network: allowed });
    await kernel.open(this.kernelCells(), notebook.meta.datasets ?? []);
  }

  /**
   * The editor's model of this notebook's cells, loading the editor if needed. Cells' editors use
   * it for their model URIs, so names from other cells complete and type-check.
   */
  async cellTypes(): Promise<NotebookTypes> {
    const generation = this.generation;
    const kit = await loadEditorKit();
    if (generation !== this.generation) throw new Error('Another notebook was opened meanwhile.');
    if (!this.types) {
      this.types = new kit.NotebookTypes();
      this.syncTypes();
    }
    return this.types;
  }

  private syncTypes(): void {
    if (!this.types || !this.notebook) return;
    this.types.sync(
      runnableCells(this.notebook).map((c) => ({
        id: c.id,
        source: c.source,
        defines: this.defines.get(c.id) ?? [],
      })),
    );
  }

  /** Whether the open notebook's code may run (see {@link trust}). */
  get mayRun(): boolean {
    return this.trust !== undefined && this.trust.state !== 'asking';
  }

  /**
   * Whether every cell's code is shown, folded cells too: a notebook from outside that has not run
   * hides nothing from the student who is deciding whether to run it.
   */
  get revealCode(): boolean {
    return this.trust?.state === 'asking';
  }

  /**
   * The student agreed to run the open notebook from outside: remember it for this exact text, give
   * the kernel the hosts the notebook declared, and run it.
   */
  async agreeToRun(): Promise<void> {
    const { trust, notebook } = this;
    if (trust?.state !== 'asking' || !notebook) return;
    this.consents.grant(
      trust.hash,
      trust.hosts.map((h) => h.label),
    );
    this.trust = { ...trust, state: 'agreed' };
    this.host.requestUpdate();
    // A kernel that may reach the declared hosts, once the one being opened has the cells; runs
    // asked for meanwhile wait for it.
    const generation = this.generation;
    const network = notebook.meta.network ?? [];
    const previous = this.kernelOpened;
    const opening = (async () => {
      await previous;
      const kernel = this.kernelClient();
      if (generation !== this.generation || sameHosts(kernel.allowedHosts, network)) return;
      await kernel.reset({ network });
      await kernel.open(this.kernelCells(), notebook.meta.datasets ?? []);
    })();
    this.kernelOpened = opening.catch(() => undefined);
    await opening;
    if (generation === this.generation) await this.runAll();
  }

  /** Whether a run may start; when not, the trust bar is told that one was asked for. */
  private runAllowed(): boolean {
    if (this.mayRun) return true;
    this.runsRefused++;
    this.host.requestUpdate();
    return false;
  }

  /** Runs every cell, with the code as shown. */
  async runAll(): Promise<void> {
    await this.kernelOpened;
    await this.filesAdded;
    if (!this.notebook || !this.runAllowed()) return;
    const ids = runnableCells(this.notebook).map((c) => c.id);
    await this.syncKernel(ids);
    await this.kernelClient().run(ids);
  }

  /** Runs one cell (and what depends on it) with its code as shown. */
  async runCell(id: string): Promise<void> {
    await this.kernelOpened;
    await this.filesAdded;
    if (!this.notebook || !this.runAllowed()) return;
    await this.syncKernel([id]);
    await this.kernelClient().run([id]);
  }

  /** The student typed into a cell or edited prose: keep and save the text (cells run when run). */
  draft(id: string, text: string): void {
    this.work?.edit(id, text);
    this.showWork();
  }

  /** Whether a cell's code differs from the code it last ran with. */
  isPending(id: string): boolean {
    return this.kernelSources.has(id);
  }

  /** Back to the lesson's code for one cell, and run it. */
  async resetCell(id: string): Promise<void> {
    this.work?.reset(id);
    this.showWork();
    await this.runCell(id);
  }

  /** Inserts an empty TypeScript cell after block `afterId` and gives it the focus. */
  insertCellAfter(afterId: string): Promise<void> {
    return this.insertBlock(afterId, 'below', 'code');
  }

  /**
   * Inserts an empty block (a TypeScript cell or Markdown prose) above or below block `at` and gives
   * it the focus, ready to type into.
   */
  async insertBlock(at: string, where: 'above' | 'below', kind: 'code' | 'markdown'): Promise<void> {
    const work = this.work;
    const notebook = this.notebook;
    if (!work || !notebook) return;
    await this.reshape(() => {
      const index = notebook.blocks.findIndex((b) => b.id === at) + (where === 'below' ? 1 : 0);
      const id = work.insert(index, kind);
      if (kind === 'code') this.focusCell = id;
      else this.editProse = id;
    });
  }

  /** Swaps a block with the one above (-1) or below (1); Undo takes it back. */
  async moveBlock(id: string, direction: -1 | 1): Promise<void> {
    // Order matters to the kernel only to break ties, but it should know the notebook as shown.
    if (this.work?.move(id, direction)) await this.reshape();
  }

  /** Removes a block; {@link undo} brings it back. */
  async deleteCell(id: string): Promise<void> {
    await this.reshape(() => this.work?.remove(id));
  }

  /** Undoes the last deletion or move; a cell brought back runs. */
  async undo(): Promise<void> {
    if (this.work?.canUndo) await this.reshape(() => this.work?.undo(), { runNew: true });
  }

  /** Brings back a deleted lesson block (see `StudentWork.removed`); a cell brought back runs. */
  async restoreRemoved(index: number): Promise<void> {
    await this.reshape(() => this.work?.restore(index), { runNew: true });
  }

  /**
   * Applies a change to the notebook's blocks (`change`, on the student's work), shows it and hands
   * the kernel the new cells; with `runNew`, the cells that appeared (brought back) run.
   */
  private async reshape(change: () => void = () => undefined, { runNew = false } = {}): Promise<void> {
    const before = new Set(this.states.keys());
    change();
    this.showWork();
    await this.kernelClient().setCells(this.kernelCells());
    if (runNew && this.runAllowed()) {
      await this.kernelClient().run([...this.states.keys()].filter((id) => !before.has(id)));
    }
  }

  /** Back to the lesson for the whole notebook, and run it again. */
  async resetNotebook(): Promise<void> {
    this.work?.resetAll();
    this.showWork();
    await this.runAll();
  }

  /**
   * Makes a file the student brought readable in cells as `FileAttachment(name)`. Runs asked for
   * meanwhile wait for it, so a cell run right after a drop reads the new file, not the old one.
   */
  async addFile(file: File): Promise<void> {
    const adding = this.filesAdded.then(async () =>
      this.kernelClient().addFile(file.name, await file.arrayBuffer()),
    );
    this.filesAdded = adding.catch(() => undefined);
    await adding;
  }

  /** Writes unsaved edits now (the page is going away). */
  async flush(): Promise<void> {
    await this.work?.flush();
  }

  private showWork(): void {
    if (!this.work) return;
    const { notebook, blocks } = this.work.result;
    // Cells whose shown code differs from what the kernel has wait for the student to run them.
    const previous = this.notebook;
    for (const cell of runnableCells(notebook)) {
      const was = previous?.blocks.find((b) => b.id === cell.id);
      const ran = this.kernelSources.get(cell.id) ?? (was?.kind === 'code' ? was.source : undefined);
      if (ran !== undefined && ran !== cell.source) this.kernelSources.set(cell.id, ran);
      else this.kernelSources.delete(cell.id);
    }
    this.notebook = notebook;
    this.blocks = blocks;
    this.findExercises();
    // Cells inserted or brought back start as not run; deleted ones leave.
    const ids = runnableCells(notebook).map((c) => c.id);
    this.states = new Map(ids.map((id) => [id, this.states.get(id) ?? initialCellState()]));
    this.syncTypes();
    this.host.requestUpdate();
  }

  /** The cells as the kernel should have them: shown code, except cells not yet run after an edit. */
  private kernelCells(): KernelCell[] {
    if (!this.notebook) return [];
    return runnableCells(this.notebook).map((cell) => kernelCell(cell, this.kernelSources.get(cell.id)));
  }

  private findExercises(): void {
    if (!this.notebook) return;
    const { exercises, problems } = findExercises(this.notebook);
    this.exercises = exercises;
    this.exerciseProblems = problems;
  }

  /** The exercise a cell belongs to: as its exercise cell, one of its checks, or its solution. */
  exerciseOf(cellId: string): Exercise | undefined {
    return this.exercises.find(
      (e) => e.cellId === cellId || e.checkIds.includes(cellId) || e.solution?.cellId === cellId,
    );
  }

  /** The exercise's state now, from its cells' run states (see `learn/exercise-state.ts`). */
  exerciseState(exercise: Exercise): ExerciseState {
    const cells = this.notebook ? runnableCells(this.notebook).map((c) => c.id) : [];
    return exerciseState(exercise, {
      attempted: this.blocks.get(exercise.cellId)?.edited ?? false,
      cells: this.states,
      upstream: upstreamOf(this.edges, exercise.cellId).filter((id) => !exercise.checkIds.includes(id)),
      position: (id) => cells.indexOf(id) + 1,
    });
  }

  /** Replaces the exercise's code with the lesson's solution, and runs it. */
  async applySolution(exercise: Exercise): Promise<void> {
    if (!exercise.solution) return;
    this.draft(exercise.cellId, exercise.solution.source);
    await this.runCell(exercise.cellId);
  }

  /** Back to the starter code of an exercise (its checks then say `not-attempted`). */
  resetExercise(exercise: Exercise): Promise<void> {
    return this.resetCell(exercise.cellId);
  }

  /** Saves every exercise's state and code in the progress store (when the kernel goes idle). */
  private saveProgress(): void {
    if (!this.notebook) return;
    const blocks = this.notebook.blocks;
    this.progress.record(
      this.exercises.map((exercise) => {
        const state = this.exerciseState(exercise);
        const cell = blocks.find((b) => b.id === exercise.cellId);
        return {
          id: exercise.id,
          title: exercise.title,
          status: state.status,
          score: state.score,
          total: state.total,
          code: cell?.kind === 'code' ? cell.source : '',
        };
      }),
    );
  }

  /** Hands the kernel the shown code of these cells before they run. */
  private async syncKernel(ids: string[]): Promise<void> {
    if (!ids.some((id) => this.kernelSources.has(id))) return;
    for (const id of ids) this.kernelSources.delete(id);
    await this.kernelClient().setCells(this.kernelCells());
    this.host.requestUpdate();
  }

  /** Stops the running cell, if any. */
  async interrupt(): Promise<void> {
    await this.kernel?.interrupt();
  }

  setInput(key: string, value: InputValue): void {
    void this.kernelClient().setInput(key, value);
  }

  tablePage(tableId: string, offset: number, limit: number): Promise<TablePage | undefined> {
    return this.kernelClient().tablePage(tableId, offset, limit);
  }

  private kernelClient(): KernelClient {
    this.kernel ??= new KernelClient((event) => this.onEvent(event), { baseUrl: document.baseURI });
    return this.kernel;
  }

  private onEvent(event: KernelEvent): void {
    if (event.type === 'idle') {
      this.busy = false;
      this.saveProgress();
      this.journal.recordSettled(this.notebook, this.states, this.edges);
    } else if (event.type === 'names') {
      this.defines = new Map(Object.entries(event.defines));
      this.edges = event.edges;
      this.syncTypes();
    } else {
      const state = this.states.get(event.cellId);
      if (!state) return;
      // A new Map, so components that receive it see the change (Lit compares by identity).
      this.states = new Map(this.states).set(event.cellId, transitionCell(state, event));
      this.busy = [...this.states.values()].some((s) => s.status === 'queued' || s.status === 'running');
    }
    this.host.requestUpdate();
  }
}
