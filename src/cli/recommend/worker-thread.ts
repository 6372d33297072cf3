/** A worker thread of `dplab recommend`: runs the algorithm it is sent and answers with its lists. */
import { parentPort } from 'node:worker_threads';
import { runAlgorithm, type AlgorithmTask } from './algorithms.ts';

parentPort?.on('message', (task: AlgorithmTask) => {
  parentPort?.postMessage(runAlgorithm(task));
});
