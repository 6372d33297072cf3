/**
 * Runs the algorithms on worker threads, `jobs` at a time, each worker taking the next algorithm when
 * it finishes one. With one job they run on the main thread, one after the other, so each one's
 * timings have the machine to themselves.
 */
import { Worker } from 'node:worker_threads';
import { runAlgorithm, type AlgorithmResult, type AlgorithmTask } from './algorithms.ts';

/** Runs every task; `onStart` and `onResult` are called as each starts and finishes. */
export async function runAlgorithms(
  tasks: readonly AlgorithmTask[],
  jobs: number,
  onResult: (result: AlgorithmResult) => void,
  onStart: (task: AlgorithmTask) => void = () => {},
): Promise<void> {
  if (jobs <= 1 || tasks.length <= 1) {
    for (const task of tasks) {
      onStart(task);
      onResult(runAlgorithm(task));
    }
    return;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => {
    // The entry registers tsx, so the worker runs the same TypeScript sources.
    const worker = new Worker(new URL('./worker.mjs', import.meta.url));
    return new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next < tasks.length) {
          const task = tasks[next++];
          onStart(task);
          worker.postMessage(task);
        } else void worker.terminate().then(() => resolve());
      };
      worker.on('message', (result: AlgorithmResult) => {
        onResult(result);
        feed();
      });
      worker.on('error', reject);
      worker.on('online', feed);
    });
  });
  await Promise.all(workers);
}
