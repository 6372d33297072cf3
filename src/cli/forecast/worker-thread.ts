/** A worker thread of `dplab forecast`: runs the series it is sent and answers with their results. */
import { parentPort } from 'node:worker_threads';
import { runSeries, type SeriesTask } from './run-series.ts';

parentPort?.on('message', (task: SeriesTask) => {
  parentPort?.postMessage(runSeries(task));
});
