/**
 * The messages between the page and the kernel's sandbox document (`sandbox-frame.ts`). The page
 * sends one {@link FrameInit} by `postMessage` once the frame has loaded; everything after goes over
 * the ports it carries, so the page never listens to window messages at all.
 */

/** Starts the kernel: the worker's script, the policy that narrows the frame's, and the ports. */
export interface FrameInit {
  type: 'dplab-kernel-init';
  /** The kernel worker's script (`kernel/worker.ts`, built as one classic script). */
  worker: Blob;
  /** A Content-Security-Policy added to the frame's own before the worker starts (its `connect-src`). */
  policy: string;
  /** The frame's port for {@link FrameReport}s and {@link FrameCommand}s. */
  control: MessagePort;
  /** Handed on to the worker: the port Comlink's calls from the page arrive on. */
  kernel: MessagePort;
}

/** From the frame: the worker failed (an error no cell caught, or its script did not start). */
export type FrameReport = { type: 'error'; message: string };

/** To the frame: stop the worker now (Interrupt, or the notebook was closed). */
export type FrameCommand = { type: 'terminate' };
