/**
 * The kernel's Web Worker entry. It runs inside the sandbox (`sandbox/sandbox-frame.ts` starts it
 * from a blob: URL in an opaque-origin iframe) and exposes a {@link Kernel} to the page through
 * Comlink, on the port its first message carries; events go back on the port `connect` hands over
 * (see `sandbox/host-link.ts`). The build makes this one classic script with no imports
 * (`worker.format: 'iife'` in vite.config.ts), because the sandbox can load nothing from the app.
 */
import * as Comlink from 'comlink';
import type { KernelWorkerApi } from '../protocol.ts';
import { Kernel } from './kernel.ts';
import { HostLink } from './sandbox/host-link.ts';

const link = new HostLink();
const kernel = new Kernel({ fetchFile: (url) => link.fetch(url) });

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

const api: KernelWorkerApi = {
  async connect(events, options) {
    link.attach(events);
    await kernel.connect((event) => link.send(event), options);
  },
  warm: () => kernel.warm(),
  setCells: (cells) => kernel.setCells(cells),
  run: (ids) => kernel.run(ids),
  restore: (ids) => kernel.restore(ids),
  markInterrupted: (id) => kernel.markInterrupted(id),
  setInput: (key, value) => kernel.setInput(key, value),
  addFile: (name, data) => kernel.addFile(name, data),
  restoreInputs: (values) => kernel.restoreInputs(values),
  tablePage: (tableId, offset, limit) => kernel.tablePage(tableId, offset, limit),
};

// The sandbox's first message carries the port the page's Comlink calls arrive on.
self.addEventListener('message', function start(event: MessageEvent<{ kernel?: unknown }>) {
  const port = event.data?.kernel;
  if (!(port instanceof MessagePort)) return;
  self.removeEventListener('message', start);
  Comlink.expose(api, port);
});
