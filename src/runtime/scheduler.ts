import type { CellError, CellStatus } from '../protocol.ts';
import { ancestors, descendants, type DataflowGraph } from './dataflow-graph.ts';

/** How a run ended: `'error'` alone when the kernel reports the error itself, or with the error. */
export type ExecuteResult = 'ok' | 'error' | { error: CellError };

/** Handed to each run so the kernel can tell when its result no longer matters. */
export interface RunToken {
  readonly cellId: string;
  /** Counts runs of all cells: unique for each run. */
  readonly run: number;
  /**
   * True once the run's result should be dropped: the cell was requested again (directly or from
   * upstream) while it ran, its source changed, it was removed, or it was interrupted. The kernel
   * checks this before it publishes outputs or values.
   */
  superseded(): boolean;
}

/** Options of {@link Scheduler.request}. */
export interface RequestOptions {
  /** Also run every cell downstream of the requested ones (default true). */
  downstream?: boolean;
}

/** Extra information that comes with a status. */
export interface StatusDetail {
  /** Why a cell is `stale`, or `queued` again. */
  reason?: string;
  /** The error of an `error` status, when known. */
  error?: CellError;
}

export interface SchedulerOptions {
  graph: DataflowGraph;
  /** Runs one cell. A rejection counts as an error. Never called for two cells at once. */
  execute(id: string, token: RunToken): Promise<ExecuteResult>;
  /** Every status change, in order. */
  onStatus(id: string, status: CellStatus, detail?: StatusDetail): void;
  /** Whether the cell has a value (it ran, and its source has not changed since). */
  hasValue(id: string): boolean;
  /** The loop went idle: everything requested has run or been skipped. */
  onIdle?(): void;
}

interface ActiveRun {
  id: string;
  /** Requested again, changed or removed while running: drop the result. */
  superseded: boolean;
  /** Interrupted: stop waiting for the result and drop it. */
  interrupted: boolean;
  /** Stops waiting for `execute`, for an interrupted run. */
  stop(): void;
}

function toCellError(error: unknown): CellError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/**
 * The reactive run loop: runs requested cells, the cells downstream of them and any upstream cells
 * that lack a value, one at a time, upstream first, and skips cells whose inputs failed.
 *
 * It knows nothing of the DOM or of how cells run; `execute` does that. It uses no timers: it
 * advances only when a run settles, which makes it deterministic to test.
 *
 * A cell with no recorded status ({@link statusOf} is `undefined`) has not run since it was
 * created or changed; the page shows that as `stale`.
 */
export class Scheduler {
  private graph: DataflowGraph;
  private readonly statuses = new Map<string, CellStatus>();
  /** Cells waiting to run. Whenever a cell is in here, so are all its descendants. */
  private readonly dirty = new Set<string>();
  private active: ActiveRun | undefined;
  private loop: Promise<void> | undefined;
  private runs = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.graph = options.graph;
  }

  /** The cell's last status, or `undefined` if it has not run since it was created or changed. */
  statusOf(id: string): CellStatus | undefined {
    return this.statuses.get(id);
  }

  /** Whether no cell is running or waiting to run. */
  get idle(): boolean {
    return this.loop === undefined;
  }

  /**
   * Runs `ids`, everything downstream of them, and every upstream cell of those without a current
   * value (never run, changed or stale; not interrupted, not in error). Cells not already waiting
   * are reported `queued`.
   *
   * A request made while the loop runs merges with what is waiting, so a cell requested many times
   * runs once (latest wins). If the running cell is requested again, its current run is
   * superseded and it runs again afterwards. Resolves when the loop goes idle.
   *
   * With `downstream: false` only `ids` and the upstream cells they need run: a fresh worker uses
   * this to recompute values the page already shows, without re-running what depends on them.
   */
  request(ids: Iterable<string>, { downstream = true }: RequestOptions = {}): Promise<void> {
    const wanted = new Set([...ids].filter((id) => this.graph.has(id)));
    const closure = downstream ? new Set([...wanted, ...descendants(this.graph, wanted)]) : wanted;
    // Upstream cells without a value (never run, or their worker was replaced) run first, so that
    // every cell that runs finds its inputs; what else depends on them keeps its shown output.
    for (const id of ancestors(this.graph, closure)) if (this.lacksValue(id)) closure.add(id);
    for (const cell of this.graph.cells) if (closure.has(cell.id)) this.markDirty(cell.id);
    this.loop ??= this.runLoop();
    return this.loop;
  }

  /**
   * Replaces the graph after cells were added, removed, reordered or edited. `changed` lists cells
   * whose source changed: like removed cells, they forget their status, and a run of one in
   * progress is superseded. Waiting cells stay waiting, and new cells downstream of them join them.
   * Nothing starts running.
   */
  setGraph(graph: DataflowGraph, changed: Iterable<string> = []): void {
    this.graph = graph;
    const reset = new Set(changed);
    for (const id of [...this.statuses.keys()]) if (!graph.has(id) || reset.has(id)) this.statuses.delete(id);
    for (const id of [...this.dirty]) if (!graph.has(id)) this.dirty.delete(id);
    const active = this.active;
    if (active && (!graph.has(active.id) || reset.has(active.id))) active.superseded = true;
    const running = active && !active.superseded ? [active.id] : [];
    const waiting = descendants(graph, [...this.dirty, ...running]);
    for (const cell of graph.cells) if (waiting.has(cell.id)) this.markDirty(cell.id);
  }

  /**
   * Marks a cell `interrupted` (its run was stopped from outside, say by restarting the worker),
   * stops waiting for its run, and makes every cell downstream `stale` instead of running it.
   * Cells that do not depend on it still run.
   */
  markInterrupted(id: string): void {
    if (!this.graph.has(id)) return;
    const downstream = descendants(this.graph, [id]);
    for (const cell of [id, ...downstream]) this.dirty.delete(cell);
    const active = this.active;
    if (active && (active.id === id || downstream.has(active.id))) {
      active.interrupted = true;
      active.stop();
    }
    this.setStatus(id, 'interrupted', {
      reason:
        'Interrupted: the cell was stopped before it finished. Change it, or what it uses, and run it again.',
    });
    // In topological order, so each cell's reason can name a direct input already marked.
    for (const cell of this.graph.order) {
      if (!downstream.has(cell)) continue;
      const reason = this.blockedReason(cell) ?? `not run: cell ${this.graph.position(id)} was interrupted`;
      this.setStatus(cell, 'stale', { reason });
    }
  }

  private setStatus(id: string, status: CellStatus, detail?: StatusDetail): void {
    this.statuses.set(id, status);
    if (detail) this.options.onStatus(id, status, detail);
    else this.options.onStatus(id, status);
  }

  private inError(id: string): boolean {
    return this.graph.errors.has(id) || this.statuses.get(id) === 'error';
  }

  /** Whether an upstream cell must run before its dependents can: it has no current value. */
  private lacksValue(id: string): boolean {
    if (this.inError(id) || this.dirty.has(id) || this.active?.id === id) return false;
    const status = this.statuses.get(id);
    // An interrupted cell is not re-run on its own: it may loop again. It runs when it is asked
    // for, or when a cell upstream of it runs (the student changed what it depends on).
    if (status === 'interrupted') return false;
    return !this.options.hasValue(id) || status === 'stale';
  }

  private markDirty(id: string): void {
    if (this.active?.id === id) {
      // Not reported as queued yet: it is still running. It is once the superseded run ends.
      this.active.superseded = true;
      this.dirty.add(id);
    } else if (!this.dirty.has(id)) {
      this.dirty.add(id);
      this.setStatus(id, 'queued');
    }
  }

  /**
   * Why a cell cannot run: the first direct input (in notebook order) that failed, was skipped,
   * was interrupted or never ran. `undefined` when all its inputs have current values.
   */
  private blockedReason(id: string): string | undefined {
    for (const from of this.graph.upstream(id)) {
      const status = this.statuses.get(from);
      let why: string | undefined;
      if (this.graph.errors.has(from)) why = 'has an error';
      else if (status === 'error') why = 'failed';
      else if (status === 'stale') why = 'did not run';
      else if (status === 'interrupted') why = 'was interrupted';
      else if (status === undefined && !this.options.hasValue(from)) why = 'has not run';
      if (why === undefined) continue;
      const names = this.graph.names(from, id).map((name) => `\`${name}\``);
      return `not run: it uses ${names.join(', ')} from cell ${this.graph.position(from)}, which ${why}`;
    }
    return undefined;
  }

  /**
   * The next cell to handle: a waiting cell with a graph error (it needs no inputs to fail), or
   * else the first waiting cell in topological order. Every ancestor of that cell is then settled,
   * because they come earlier in the order and all descendants of a waiting cell are waiting.
   */
  private next(): string | undefined {
    for (const cell of this.graph.cells)
      if (this.dirty.has(cell.id) && this.graph.errors.has(cell.id)) return cell.id;
    for (const id of this.graph.order) if (this.dirty.has(id)) return id;
    return undefined;
  }

  private async runLoop(): Promise<void> {
    // Let `request` store this promise before the loop can finish and clear it.
    await Promise.resolve();
    try {
      for (let id = this.next(); id !== undefined; id = this.next()) await this.step(id);
    } finally {
      this.dirty.clear();
      this.loop = undefined;
    }
    this.options.onIdle?.();
  }

  /** Fails, skips or runs one waiting cell. */
  private async step(id: string): Promise<void> {
    this.dirty.delete(id);
    const error = this.graph.errors.get(id);
    if (error) return this.setStatus(id, 'error', { error });
    const reason = this.blockedReason(id);
    if (reason) return this.setStatus(id, 'stale', { reason });

    let stop = (): void => undefined;
    const stopped = new Promise<'interrupted'>((resolve) => (stop = () => resolve('interrupted')));
    const active: ActiveRun = { id, superseded: false, interrupted: false, stop };
    const token: RunToken = {
      cellId: id,
      run: ++this.runs,
      superseded: () => active.superseded || active.interrupted,
    };
    this.active = active;
    this.setStatus(id, 'running');

    let execution: Promise<ExecuteResult>;
    try {
      execution = this.options.execute(id, token);
    } catch (thrown) {
      execution = Promise.reject(thrown);
    }
    // An interrupted run is abandoned; its eventual rejection must not go unhandled.
    execution.catch(() => undefined);
    let result: ExecuteResult | 'interrupted';
    try {
      result = await Promise.race([execution, stopped]);
    } catch (thrown) {
      result = { error: toCellError(thrown) };
    } finally {
      this.active = undefined;
    }

    if (active.interrupted) return; // markInterrupted reported it.
    if (active.superseded) {
      if (this.dirty.has(id)) {
        this.setStatus(id, 'queued', { reason: 'its inputs changed while it ran; it will run again' });
      } else if (this.graph.has(id)) {
        this.statuses.delete(id);
        this.options.onStatus(id, 'stale', { reason: 'its source changed while it ran' });
      }
      return;
    }
    if (result === 'ok') this.setStatus(id, 'ok');
    else if (result === 'error' || result === 'interrupted') this.setStatus(id, 'error');
    else this.setStatus(id, 'error', { error: result.error });
  }
}
