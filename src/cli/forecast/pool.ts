/**
 * Runs series on worker threads, `jobs` at a time, each worker taking the next series when it
 * finishes one. With one job the series run on the main thread (no thread start-up cost).
 */
import { Worker } from 'node:worker_threads';
import { runSeries, type SeriesResult, type SeriesTask } from './run-series.ts';

/** Runs every task; `onResult` is called as each finishes (in completion order). */
export async function runPool(
  tasks: readonly SeriesTask[],
  jobs: number,
  onResult: (result: SeriesResult) => void,
): Promise<void> {
  if (jobs <= 1 || tasks.length <= 1) {
    for (const task of tasks) onResult(runSeries(task));
    return;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => {
    // The entry registers tsx, so the worker runs the same TypeScript sources.
    const worker = new Worker(new URL('./worker.mjs', import.meta.url));
    return new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next < tasks.length) worker.postMessage(tasks[next++]);
        else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (result: SeriesResult) => {
        onResult(result);
        feed();
      });
      worker.on('error', reject);
      worker.on('online', feed);
    });
  });
  await Promise.all(workers);
}
