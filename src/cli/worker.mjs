// Entry of a `dplab` worker thread. The CLI is TypeScript, compiled on load by tsx (worker threads do
// not inherit the main thread's loader); the worker then runs the task function it was given.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const run = (await import(workerData.module))[workerData.exportName];
parentPort.on('message', (task) => parentPort.postMessage(run(task)));
