/** The kernel's Web Worker entry: it exposes a {@link Kernel} to the page through Comlink. */
import * as Comlink from 'comlink';
import { Kernel } from './kernel.ts';

const kernel = new Kernel();

// Errors thrown after a cell's run (timers, unawaited promises) would otherwise reach the page as a
// worker error, which means "the worker died". Show them under the cell that caused them instead.
self.addEventListener('error', (event) => {
  if (kernel.reportUncaught(event.error)) event.preventDefault();
});
self.addEventListener('unhandledrejection', (event) => {
  if (kernel.reportUncaught(event.reason)) event.preventDefault();
});

// A cell calling close() would end the worker without a word to the page; refuse it instead.
self.close = () => {
  throw new Error(
    'close() would stop the notebook kernel, so cells may not call it. To stop a cell, press Interrupt.',
  );
};

Comlink.expose(kernel);
