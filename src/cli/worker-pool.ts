/**
 * Runs tasks on worker threads, `jobs` at a time, each worker taking the next task when it finishes
 * one; with one job the tasks run on the main thread (no thread start-up cost, and each task's
 * timings have the machine to themselves). Used by `dplab forecast` (series) and `dplab recommend`
 * (algorithms).
 */
import { Worker } from 'node:worker_threads';

/** Where a worker finds the task function: a module and the name of the export it calls. */
export interface TaskFunction<T, R> {
  /** The function itself, for the main thread. */
  run: (task: T) => R;
  /** The module that exports it (`import.meta.url` of that module) and its export name. */
  module: string;
  exportName: string;
}

/** Runs every task; `onStart` and `onResult` are called as each starts and finishes. */
export async function runOnWorkers<T, R>(
  tasks: readonly T[],
  jobs: number,
  fn: TaskFunction<T, R>,
  onResult: (result: R) => void,
  onStart: (task: T) => void = () => {},
): Promise<void> {
  if (jobs <= 1 || tasks.length <= 1) {
    for (const task of tasks) {
      onStart(task);
      onResult(fn.run(task));
    }
    return;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => {
    // The entry registers tsx, so the worker runs the same TypeScript sources as the CLI.
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { module: fn.module, exportName: fn.exportName },
    });
    return new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next < tasks.length) {
          const task = tasks[next++];
          onStart(task);
          worker.postMessage(task);
        } else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (result: R) => {
        onResult(result);
        feed();
      });
      worker.on('error', reject);
      worker.on('online', feed);
    });
  });
  await Promise.all(workers);
}
