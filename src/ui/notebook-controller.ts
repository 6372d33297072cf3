/**
 * A Lit reactive controller that holds the open notebook — the saved document and this session's
 * run state of each cell — and talks to the kernel for its host. The document (what is in the
 * file) and the run state (what this session computed) are kept apart; run state changes only
 * through the runtime's pure `transitionCell`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { withCellSource } from '../notebook/edit-notebook.ts';
import type { CodeCell, Notebook } from '../notebook/notebook.ts';
import type { PreparedNotebook } from '../notebook/prepare-notebook.ts';
import { sanitizeMarkdown, sanitizeOutput } from './sanitize.ts';
import type { InputValue, KernelCell, KernelEvent, TablePage } from '../protocol.ts';
import { initialCellState, transitionCell, type CellState } from '../runtime/cell-state.ts';
import { KernelClient } from '../kernel/kernel-client.ts';

/** Where the open notebook came from: one of the app's notebooks, or a file the student opened. */
export interface NotebookSource {
  /** File name, e.g. `00-welcome.md`. */
  name: string;
  origin: 'bundled' | 'local';
}

/** Cells the kernel runs: TypeScript blocks that are closed (an unclosed fence is not run). */
export function runnableCells(notebook: Notebook): CodeCell[] {
  return notebook.blocks.filter((b): b is CodeCell => b.kind === 'code' && !b.unclosed);
}

function kernelCells(notebook: Notebook): KernelCell[] {
  return runnableCells(notebook).map(({ id, source }) => ({ id, source }));
}

/** Holds the open notebook and its cells' states; see the module comment. */
export class NotebookController implements ReactiveController {
  notebook?: Notebook;
  source?: NotebookSource;
  /** Sanitised HTML of the prose, by block id (as prepared; prose is not editable yet). */
  markdown = new Map<string, string>();
  /** Sanitised, highlighted HTML of each cell's code as shipped, by cell id. */
  code = new Map<string, { source: string; html: string }>();
  states = new Map<string, CellState>();
  /** Set while the kernel has queued or running cells. */
  busy = false;
  private kernel?: KernelClient;
  private opened = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Start the worker now, while the notebook is still being fetched: loading the kernel's
    // libraries is the longest step before the first cell can run.
    this.kernelClient();
  }

  hostDisconnected(): void {
    this.kernel?.dispose();
    this.kernel = undefined;
  }

  /** Opens a prepared notebook; runs it unless its front matter says `autorun: false`. */
  async open(prepared: PreparedNotebook, source: NotebookSource): Promise<void> {
    const { notebook } = prepared;
    this.markdown = new Map(
      Object.entries(prepared.markdown).map(([id, html]) => [id, sanitizeMarkdown(html)]),
    );
    this.code = new Map(
      runnableCells(notebook).map((c) => [
        c.id,
        { source: c.source, html: sanitizeOutput(prepared.code[c.id] ?? '') },
      ]),
    );
    this.notebook = notebook;
    this.source = source;
    this.states = new Map(runnableCells(notebook).map((c) => [c.id, initialCellState()]));
    this.host.requestUpdate();
    const kernel = this.kernelClient();
    // A fresh worker per notebook, so names, inputs and timers of the last one cannot leak in.
    if (this.opened++ > 0) await kernel.reset();
    await kernel.open(kernelCells(notebook), notebook.meta.datasets ?? []);
    if (notebook.meta.autorun !== false) await this.runAll();
  }

  /** Runs every cell. */
  async runAll(): Promise<void> {
    if (!this.notebook) return;
    await this.kernelClient().run(kernelCells(this.notebook).map((c) => c.id));
  }

  /** Runs one cell (and what depends on it), after replacing its source when it was edited. */
  async runCell(id: string, source?: string): Promise<void> {
    if (!this.notebook) return;
    if (source !== undefined) {
      const cell = this.notebook.blocks.find((b) => b.id === id);
      if (cell?.kind === 'code' && cell.source !== source) {
        this.notebook = withCellSource(this.notebook, id, source);
        await this.kernelClient().setCells(kernelCells(this.notebook));
        this.host.requestUpdate();
      }
    }
    await this.kernelClient().run([id]);
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
