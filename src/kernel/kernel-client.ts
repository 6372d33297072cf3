/**
 * The page's handle on the kernel: owns the Web Worker, keeps a warm spare, and replaces the worker
 * when a cell must be interrupted or the worker dies.
 *
 * JavaScript cannot stop a synchronous loop from outside, so Interrupt terminates the worker. A
 * spare worker is started and warmed (modules loaded) ahead of time, so that swapping it in costs a
 * message round trip rather than a worker start-up (≈ 200–550 ms here; see ../shared/STACK-NOTES.md).
 * The new worker has none of the old one's values, so the cells the rest of the notebook needs are
 * replayed, with the input values the page remembers.
 */
import * as Comlink from 'comlink';
import type { CellStatus, InputValue, KernelApi, KernelCell, KernelEvent, TablePage } from '../protocol.ts';

/** A live worker and its Comlink proxy. */
interface WorkerHandle {
  worker: Worker;
  api: Comlink.Remote<KernelApi>;
  ready: Promise<void>;
}

/** Options of a {@link KernelClient}. */
export interface KernelClientOptions {
  /** Where the app is served from; datasets are fetched relative to it. */
  baseUrl: string;
  /** Makes a worker; the default builds the bundled kernel worker. Tests may pass their own. */
  createWorker?: () => Worker;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'dplab-kernel' });
}

/** Talks to the kernel worker on behalf of the page; see the module comment. */
export class KernelClient {
  private current: WorkerHandle;
  private spare?: WorkerHandle;
  private cells: KernelCell[] = [];
  private datasets: string[] = [];
  private readonly statuses = new Map<string, CellStatus>();
  private readonly inputs = new Map<string, InputValue>();
  /** The student's files, sent again to every new worker. */
  private readonly files = new Map<string, ArrayBuffer>();
  private readonly createWorker: () => Worker;

  constructor(
    private readonly onEvent: (event: KernelEvent) => void,
    private readonly options: KernelClientOptions,
  ) {
    this.createWorker = options.createWorker ?? defaultWorker;
    this.current = this.start();
  }

  /** The cell that is running now, if any. */
  get runningCell(): string | undefined {
    for (const [id, status] of this.statuses) if (status === 'running') return id;
    return undefined;
  }

  /** Load a notebook's cells (nothing runs until {@link run}). */
  async open(cells: KernelCell[], datasets: string[]): Promise<void> {
    this.cells = cells;
    this.datasets = datasets;
    this.statuses.clear();
    this.inputs.clear();
    await this.current.ready;
    await this.current.api.connect(this.listener(this.current), this.connectOptions());
    await this.sendFiles(this.current);
    await this.current.api.setCells(cells);
  }

  /** Replace the cells after an edit (values of changed cells are dropped). */
  async setCells(cells: KernelCell[]): Promise<void> {
    this.cells = cells;
    await this.current.api.setCells(cells);
  }

  /** Run cells and what depends on them. */
  async run(ids: string[]): Promise<void> {
    await this.current.api.run(ids);
  }

  /** A control on the page changed. */
  async setInput(key: string, value: InputValue): Promise<void> {
    this.inputs.set(key, value);
    await this.current.api.setInput(key, value);
  }

  /** Makes a student's file readable by cells, now and in every later worker. */
  async addFile(name: string, data: ArrayBuffer): Promise<void> {
    this.files.set(name, data);
    await this.current.api.addFile(name, data.slice(0));
  }

  /** Another page of a table. */
  tablePage(tableId: string, offset: number, limit: number): Promise<TablePage | undefined> {
    return this.current.api.tablePage(tableId, offset, limit);
  }

  /**
   * Stop the running cell: swap in the warm spare, mark the stuck cell interrupted, and replay the
   * cells that ran or were waiting, so the rest of the notebook shows results again.
   * Resolves once the replay has been queued. Does nothing when no cell is running.
   */
  async interrupt(): Promise<boolean> {
    const stuck = this.runningCell;
    if (stuck === undefined) return false;
    await this.replace(stuck, 'interrupted');
    return true;
  }

  /** Start over with a fresh worker (another notebook is opened): nothing of the old one survives. */
  async reset(): Promise<void> {
    const old = this.current;
    this.current = this.spare ?? this.start();
    this.spare = undefined;
    old.worker.terminate();
    this.statuses.clear();
    this.inputs.clear();
    this.ensureSpare();
  }

  private async sendFiles(handle: WorkerHandle): Promise<void> {
    await Promise.all([...this.files].map(([name, data]) => handle.api.addFile(name, data.slice(0))));
  }

  /** Stop every worker (when the page goes away). */
  dispose(): void {
    this.current.worker.terminate();
    this.spare?.worker.terminate();
  }

  private start(): WorkerHandle {
    const worker = this.createWorker();
    const api = Comlink.wrap<KernelApi>(worker);
    const handle: WorkerHandle = { worker, api, ready: api.warm() };
    worker.addEventListener('error', (event) => {
      // An error event reaching the page means the worker itself failed (cell errors are caught
      // inside it). Recover like an interrupt, and say so on the cell that was running.
      event.preventDefault();
      if (handle === this.current) void this.replace(this.runningCell, 'crashed', event.message);
    });
    return handle;
  }

  /** Start the spare once the current worker is ready, so the two do not compete for the CPU. */
  private ensureSpare(): void {
    if (this.spare) return;
    void this.current.ready.then(() => {
      this.spare ??= this.start();
    });
  }

  private connectOptions() {
    return { baseUrl: this.options.baseUrl, datasets: this.datasets };
  }

  /** Forwards a worker's events to the page, ignoring a worker that has been replaced. */
  private listener(handle: WorkerHandle) {
    return Comlink.proxy((event: KernelEvent) => {
      if (handle !== this.current) return;
      if (event.type === 'status') this.statuses.set(event.cellId, event.status);
      if (event.type === 'idle') this.ensureSpare();
      this.onEvent(event);
    });
  }

  /**
   * Swaps in the spare worker after the current one was stopped (`interrupted`) or died
   * (`crashed`). The cells that were waiting to run are run in the new worker, with the upstream
   * cells they need; every other cell keeps the output the page shows, and its value is recomputed
   * only when something needs it. The calls to the new worker are sent together, without waiting
   * for each answer: the worker handles them in order.
   */
  private async replace(stuck: string | undefined, why: 'interrupted' | 'crashed', detail?: string) {
    const old = this.current;
    const next = this.spare ?? this.start();
    this.spare = undefined;
    this.current = next;
    old.worker.terminate();
    const waiting = this.cells
      .map((c) => c.id)
      .filter((id) => id !== stuck && ['queued', 'running'].includes(this.statuses.get(id) ?? ''));
    if (stuck !== undefined) {
      this.statuses.set(stuck, why === 'interrupted' ? 'interrupted' : 'error');
      this.onEvent(
        why === 'interrupted'
          ? {
              type: 'status',
              cellId: stuck,
              status: 'interrupted',
              reason: 'Interrupted: the cell was stopped.',
            }
          : {
              type: 'status',
              cellId: stuck,
              status: 'error',
              error: {
                name: 'KernelError',
                message: `The kernel stopped while this cell ran${detail ? ` (${detail})` : ''}. It was restarted; fix the cell and run it again.`,
              },
            },
      );
    }
    await next.ready;
    const { api } = next;
    const calls = [
      api.connect(this.listener(next), this.connectOptions()),
      api.restoreInputs(Object.fromEntries(this.inputs)),
      this.sendFiles(next),
      api.setCells(this.cells),
      ...(stuck !== undefined ? [api.markInterrupted(stuck)] : []),
    ];
    void api.restore(waiting);
    await Promise.all(calls);
    this.ensureSpare();
  }
}
