/**
 * The page's handle on the kernel: owns the kernel worker (each in its sandbox, see `./sandbox/`),
 * keeps a warm spare, and replaces the worker when a cell must be interrupted or the worker dies.
 *
 * JavaScript cannot stop a synchronous loop from outside, so Interrupt terminates the worker. A
 * spare worker is started and warmed (modules loaded) ahead of time, so that swapping it in costs a
 * message round trip rather than a worker start-up (≈ 200–550 ms here; see ../shared/STACK-NOTES.md).
 * The new worker has none of the old one's values, so the cells the rest of the notebook needs are
 * replayed, with the input values the page remembers.
 *
 * The kernel runs notebooks from outside the app, so nothing it sends is taken on trust: its events
 * arrive as plain messages on a port of this client's (never as calls into the page), are dropped
 * unless they are well-formed (`sandbox/read-kernel-message.ts`) and about a cell of the notebook
 * open now, and a kernel that floods the page with them is replaced like one that crashed. The
 * datasets it asks for are fetched here, and only those the notebook lists.
 */
import * as Comlink from 'comlink';
import type {
  CellStatus,
  HostMessage,
  InputValue,
  KernelCell,
  KernelEvent,
  KernelWorkerApi,
  TablePage,
} from '../protocol.ts';
import { readKernelMessage, readTablePage } from './sandbox/read-kernel-message.ts';
import { SandboxedKernel } from './sandbox/sandboxed-kernel.ts';

/**
 * What the client needs of a kernel worker: Comlink's endpoint, `error` events (an ErrorEvent)
 * when it dies, and `terminate`. A Worker is one; so is a {@link SandboxedKernel}.
 */
export interface KernelWorker extends Comlink.Endpoint {
  terminate(): void;
}

/** A live worker and its Comlink proxy. */
interface WorkerHandle {
  worker: KernelWorker;
  api: Comlink.Remote<KernelWorkerApi>;
  ready: Promise<void>;
  /** The hosts it may connect to. */
  network: readonly string[];
  /** The page's end of its event port (a new one for each `connect`). */
  events?: MessagePort;
  /** Messages in the current second, to spot a flood. */
  budget: { second: number; count: number };
  /** Set once it has loaded its modules (answered `warm`). */
  started: boolean;
}

/** Options of a {@link KernelClient}. */
export interface KernelClientOptions {
  /** Where the app is served from; datasets are fetched relative to it. */
  baseUrl: string;
  /**
   * Makes a worker that may connect to `network` (entries of a notebook's `network:`); the default
   * starts the bundled kernel in a sandbox. Tests may pass their own.
   */
  createWorker?: (network: readonly string[]) => KernelWorker;
}

/**
 * More messages than this in one second and the kernel is stopped as if it had crashed. A slider
 * dragged over a notebook of twenty cells sends a few thousand; a cell posting in a loop, millions.
 */
const MESSAGES_PER_SECOND = 20_000;

/** Workers that may fail before starting before the client stops starting new ones. */
const MAX_FAILED_STARTS = 3;

function defaultWorker(network: readonly string[]): KernelWorker {
  return new SandboxedKernel({ network });
}

const sameHosts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((host, i) => host === b[i]);

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
  private readonly createWorker: (network: readonly string[]) => KernelWorker;
  /** The hosts new workers may connect to (see {@link reset}). */
  private network: readonly string[] = [];
  /** Workers that failed before they started. */
  private failedStarts = 0;
  /** Why workers stopped being started (they kept failing before they started), once they have. */
  private startFailure?: string;
  /**
   * The cell that was running when the last worker crashed: the new worker reports it
   * `interrupted` (it must not run again by itself), but the page keeps saying it crashed, until
   * it runs again.
   */
  private crashedCell?: string;

  constructor(
    private readonly onEvent: (event: KernelEvent) => void,
    private readonly options: KernelClientOptions,
  ) {
    this.createWorker = options.createWorker ?? defaultWorker;
    this.current = this.start();
  }

  /** The hosts the current worker's cells may connect to. */
  get allowedHosts(): readonly string[] {
    return this.current.network;
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
    this.crashedCell = undefined;
    this.statuses.clear();
    this.inputs.clear();
    // The kernel may have given up before this notebook arrived: say so on its cells now.
    if (this.startFailure !== undefined) return this.cannotStart(this.startFailure);
    await this.current.ready;
    await this.current.api.connect(this.eventPort(this.current), this.connectOptions());
    await this.sendFiles(this.current);
    await this.current.api.setCells(cells);
  }

  /** Replace the cells after an edit (values of changed cells are dropped). */
  async setCells(cells: KernelCell[]): Promise<void> {
    this.cells = cells;
    if (this.startFailure !== undefined) return this.cannotStart(this.startFailure);
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

  /** Another page of a table (`undefined` when the kernel's answer is not one). */
  async tablePage(tableId: string, offset: number, limit: number): Promise<TablePage | undefined> {
    return readTablePage(await this.current.api.tablePage(tableId, offset, limit));
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

  /**
   * Start over with a fresh worker (another notebook is opened): nothing of the old one survives.
   * `network` sets the hosts this and later workers may connect to (none unless given); a spare
   * started with other hosts is dropped.
   */
  async reset({ network = [] }: { network?: readonly string[] } = {}): Promise<void> {
    this.network = [...network];
    if (this.spare && !sameHosts(this.spare.network, this.network)) {
      this.stop(this.spare);
      this.spare = undefined;
    }
    const old = this.current;
    this.current = this.spare ?? this.start();
    this.spare = undefined;
    this.stop(old);
    this.statuses.clear();
    this.inputs.clear();
    this.ensureSpare();
  }

  private async sendFiles(handle: WorkerHandle): Promise<void> {
    await Promise.all([...this.files].map(([name, data]) => handle.api.addFile(name, data.slice(0))));
  }

  /** Stop every worker (when the page goes away). */
  dispose(): void {
    this.stop(this.current);
    if (this.spare) this.stop(this.spare);
  }

  private start(): WorkerHandle {
    const network = this.network;
    const worker = this.createWorker(network);
    const api = Comlink.wrap<KernelWorkerApi>(worker);
    const ready = api.warm();
    const handle: WorkerHandle = {
      worker,
      api,
      ready,
      network,
      budget: { second: 0, count: 0 },
      started: false,
    };
    void ready.then(() => (handle.started = true));
    worker.addEventListener('error', (event) => {
      // An error event reaching the page means the worker itself failed (cell errors are caught
      // inside it). Recover like an interrupt, and say so on the cell that was running — unless
      // workers keep failing before they start (the kernel's files are missing), when another
      // would only fail again.
      event.preventDefault();
      const message = event instanceof ErrorEvent ? event.message : '';
      if (!handle.started && ++this.failedStarts > MAX_FAILED_STARTS) {
        if (this.failedStarts === MAX_FAILED_STARTS + 1) this.cannotStart(message);
        return;
      }
      if (handle === this.current) void this.replace(this.runningCell, 'crashed', message);
    });
    return handle;
  }

  /**
   * Workers keep failing before they start: say so on every cell, since none can run, with what
   * failed and what to do.
   */
  private cannotStart(detail: string): void {
    this.startFailure = detail;
    for (const { id } of this.cells) {
      this.statuses.set(id, 'error');
      this.onEvent({
        type: 'status',
        cellId: id,
        status: 'error',
        error: {
          name: 'KernelError',
          message:
            `The kernel could not start${detail ? ` (${detail})` : ''}, so no cell can run. Reload the page; ` +
            'if this keeps happening, the app was served without its kernel files (kernel-sandbox.html and ' +
            'the worker script next to index.html): build it again with npm run build and serve the whole folder.',
        },
      });
    }
  }

  private stop(handle: WorkerHandle): void {
    handle.events?.close();
    handle.worker.terminate();
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

  /**
   * A new event port for a worker's `connect`, transferred to it. What arrives on it is read by
   * {@link receive}; the port of an earlier `connect` is closed, so its messages stop.
   */
  private eventPort(handle: WorkerHandle): MessagePort {
    const { port1, port2 } = new MessageChannel();
    handle.events?.close();
    handle.events = port1;
    port1.onmessage = (message) => this.receive(handle, port1, message.data);
    return Comlink.transfer(port2, [port2]);
  }

  /**
   * One message from a worker: forwarded to the page only when it comes from the current worker,
   * is well-formed, and is about a cell of the open notebook; a dataset request is served.
   */
  private receive(handle: WorkerHandle, port: MessagePort, data: unknown): void {
    if (handle !== this.current || port !== handle.events) return;
    const second = Math.floor(performance.now() / 1000);
    if (handle.budget.second !== second) handle.budget = { second, count: 0 };
    if (++handle.budget.count > MESSAGES_PER_SECOND) {
      if (handle.budget.count === MESSAGES_PER_SECOND + 1) {
        void this.replace(
          this.runningCell,
          'crashed',
          `it sent more than ${MESSAGES_PER_SECOND.toLocaleString('en')} messages in a second`,
        );
      }
      return;
    }
    const message = readKernelMessage(data);
    if (!message) return;
    if (message.type === 'fetch') {
      void this.serveFile(port, message.id, message.url);
      return;
    }
    const { event } = message;
    if ('cellId' in event && !this.cells.some((c) => c.id === event.cellId)) return;
    if (event.type === 'status' && event.cellId === this.crashedCell) {
      if (event.status === 'interrupted') return;
      this.crashedCell = undefined;
    }
    if (event.type === 'status') this.statuses.set(event.cellId, event.status);
    if (event.type === 'idle') this.ensureSpare();
    this.onEvent(event);
  }

  /** Fetches a dataset the notebook lists for the kernel (nothing else: the URL must be one of them). */
  private async serveFile(port: MessagePort, id: number, url: string): Promise<void> {
    const listed = this.datasets.map(
      (name) => new URL(`datasets/${encodeURIComponent(name)}`, this.options.baseUrl).href,
    );
    let answer: HostMessage;
    let transfer: Transferable[] = [];
    if (!listed.includes(url)) {
      answer = { type: 'fetched', id, error: 'the notebook does not list this file under `datasets:`' };
    } else {
      try {
        const response = await fetch(url);
        const body = await response.arrayBuffer();
        answer = { type: 'fetched', id, status: response.status, body };
        transfer = [body];
      } catch (error) {
        answer = { type: 'fetched', id, error: error instanceof Error ? error.message : String(error) };
      }
    }
    port.postMessage(answer, transfer);
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
    this.stop(old);
    const waiting = this.cells
      .map((c) => c.id)
      .filter((id) => id !== stuck && ['queued', 'running'].includes(this.statuses.get(id) ?? ''));
    this.crashedCell = why === 'crashed' ? stuck : undefined;
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
      api.connect(this.eventPort(next), this.connectOptions()),
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
