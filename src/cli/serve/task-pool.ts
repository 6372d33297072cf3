/**
 * A pool of worker threads that stay up for the life of `dplab serve`, each running one task at a
 * time. `runOnWorkers` (../worker-pool.ts) starts threads for one batch and ends them, which costs a
 * thread start-up (~1 s with tsx) per request; a server keeps its threads. A batch that passes its
 * deadline is cancelled: queued tasks are dropped and busy threads are terminated (the only way to
 * stop synchronous model fitting) and replaced.
 */
import { Worker } from 'node:worker_threads';
import type { TaskFunction } from '../worker-pool.ts';

/** Thrown by {@link TaskPool.run} when a batch is not done by its deadline. */
export class TaskTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the work took longer than ${timeoutMs} ms`);
    this.name = 'TaskTimeoutError';
  }
}

interface Job<T, R> {
  task: T;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
  batch: object;
}

interface Slot<T, R> {
  worker: Worker;
  job?: Job<T, R>;
}

/** What {@link TaskPool.stats} reports (for /health and /metrics). */
export interface PoolStats {
  size: number;
  busy: number;
  queued: number;
}

export class TaskPool<T, R> {
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Job<T, R>[] = [];
  private closing = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly fn: TaskFunction<T, R>,
    size: number,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`jobs must be a whole number ≥ 1, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  stats(): PoolStats {
    return {
      size: this.slots.length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
    };
  }

  /** Runs every task (in parallel over the threads); rejects with {@link TaskTimeoutError} past `timeoutMs`. */
  run(tasks: readonly T[], timeoutMs: number): Promise<R[]> {
    if (this.closing) return Promise.reject(new Error('the server is shutting down'));
    const batch = {};
    const promises = tasks.map(
      (task) =>
        new Promise<R>((resolve, reject) => {
          this.queue.push({ task, resolve, reject, batch });
        }),
    );
    this.pump();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.cancel(batch);
        reject(new TaskTimeoutError(timeoutMs));
      }, timeoutMs);
    });
    return Promise.race([Promise.all(promises), deadline]).finally(() => clearTimeout(timer));
  }

  /** Waits for the busy threads to finish their tasks, then ends every thread. */
  async close(): Promise<void> {
    this.closing = true;
    while (this.queue.length || this.slots.some((s) => s.job))
      await new Promise<void>((resolve) => this.idle.push(resolve));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot<T, R> {
    // The entry registers tsx, so the worker runs the same TypeScript sources as the CLI.
    const worker = new Worker(new URL('../worker.mjs', import.meta.url), {
      workerData: { module: this.fn.module, exportName: this.fn.exportName },
    });
    const slot: Slot<T, R> = { worker };
    worker.on('message', (result: R) => {
      const job = slot.job;
      slot.job = undefined;
      job?.resolve(result);
      this.pump();
    });
    const fail = (error: Error) => {
      const job = slot.job;
      slot.job = undefined;
      job?.reject(error);
      this.replace(slot);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closing && this.slots.includes(slot))
        fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return slot;
  }

  private replace(slot: Slot<T, R>): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    void slot.worker.terminate();
    if (!this.closing || this.queue.length) this.slots.push(this.spawn());
    this.pump();
  }

  private cancel(batch: object): void {
    for (let i = this.queue.length - 1; i >= 0; i--)
      if (this.queue[i].batch === batch) this.queue.splice(i, 1);
    for (const slot of [...this.slots]) {
      if (slot.job?.batch === batch) {
        slot.job = undefined;
        this.replace(slot);
      }
    }
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) break;
      slot.job = job;
      slot.worker.postMessage(job.task);
    }
    if (!this.queue.length && !this.slots.some((s) => s.job)) {
      const waiting = this.idle;
      this.idle = [];
      waiting.forEach((resolve) => resolve());
    }
  }
}
