/**
 * The page's side of one sandboxed kernel: a hidden `<iframe sandbox="allow-scripts">` showing
 * `kernel-sandbox.html`, which starts the kernel worker (see `sandbox-frame.ts` for why that
 * isolates it). To the kernel client it looks like a Worker — `postMessage`, `message` and `error`
 * events, `terminate` — so Comlink wraps it as it wrapped the worker.
 *
 * Comlink's calls travel on a MessageChannel whose other end the frame hands to the worker; the frame
 * reports worker errors on a second channel. `terminate` stops the worker and removes the frame.
 */
import type { Endpoint } from 'comlink';
import workerUrl from 'virtual:kernel-worker';
import type { FrameCommand, FrameInit, FrameReport } from './frame-protocol.ts';
import { sandboxNetworkPolicy } from './sandbox-csp.ts';

/** Where the sandbox document is served, next to the app's `index.html` (`src/build/kernel-sandbox-plugin.ts`). */
const SANDBOX_PAGE = 'kernel-sandbox.html';

let script: Promise<Blob> | undefined;

/**
 * The kernel worker's script, fetched once per page and shared by every sandbox (a Blob crosses
 * to the frame without being copied). A failed fetch is tried again by the next sandbox.
 */
function workerScript(): Promise<Blob> {
  script ??= fetch(workerUrl).then(async (response) => {
    if (!response.ok) throw new Error(`the server answered ${response.status} for the kernel's script`);
    return new Blob([await response.arrayBuffer()], { type: 'text/javascript' });
  });
  script.catch(() => (script = undefined));
  return script;
}

let page: Promise<void> | undefined;

/**
 * Whether the sandbox document is there. Without this a missing `kernel-sandbox.html` would go
 * unnoticed: the frame loads the server's 404 page, which never starts a worker or reports an error.
 */
function sandboxPage(url: string): Promise<void> {
  page ??= fetch(url).then((response) => {
    if (!response.ok) {
      throw new Error(
        `the server answered ${response.status} for ${SANDBOX_PAGE}, the kernel's sandbox page`,
      );
    }
  });
  page.catch(() => (page = undefined));
  return page;
}

/** Options of a {@link SandboxedKernel}. */
export interface SandboxOptions {
  /** Hosts cells may connect to (entries of the notebook's `network:`); none by default. */
  network?: readonly string[];
  /** Where the app is served from; the sandbox document is found next to it. */
  baseUrl?: string;
}

/** One kernel worker in its own opaque-origin frame; see the module comment. */
export class SandboxedKernel implements Endpoint {
  private readonly frame: HTMLIFrameElement;
  /** The page's end of the channel Comlink's calls and answers travel on. */
  private readonly port: MessagePort;
  /** The page's end of the frame's control channel. */
  private readonly control: MessagePort;
  private readonly errors = new EventTarget();
  private stopped = false;

  constructor(options: SandboxOptions = {}) {
    const calls = new MessageChannel();
    const control = new MessageChannel();
    this.port = calls.port1;
    this.control = control.port1;
    this.control.onmessage = (event: MessageEvent<FrameReport>) => {
      // Only the frame's own script holds the other end; still, read it as data.
      if (event.data?.type === 'error') this.fail(String(event.data.message).slice(0, 500));
    };

    const frame = document.createElement('iframe');
    // allow-scripts alone: an opaque origin, no popups, no navigation of the page, no forms.
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Notebook kernel sandbox';
    frame.hidden = true;
    frame.className = 'dp-kernel-frame';
    frame.src = new URL(SANDBOX_PAGE, options.baseUrl ?? document.baseURI).href;
    const policy = sandboxNetworkPolicy(options.network ?? []);
    const loaded = new Promise<void>((resolve) =>
      frame.addEventListener('load', () => resolve(), { once: true }),
    );
    this.frame = frame;
    document.body.append(frame);

    void Promise.all([workerScript(), loaded, sandboxPage(frame.src)]).then(
      ([worker]) => {
        const target = frame.contentWindow;
        if (this.stopped || !target) return;
        const init: FrameInit = {
          type: 'dplab-kernel-init',
          worker,
          policy,
          control: control.port2,
          kernel: calls.port2,
        };
        // The frame's origin is opaque, so there is no origin to name; `target` is our own frame,
        // which has loaded the sandbox document.
        target.postMessage(init, '*', [control.port2, calls.port2]);
      },
      (error: unknown) => this.fail(error instanceof Error ? error.message : String(error)),
    );
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: object): void {
    if (type === 'message') {
      this.port.addEventListener(type, listener, options);
      this.port.start();
    } else this.errors.addEventListener(type, listener, options);
  }

  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: object): void {
    if (type === 'message') this.port.removeEventListener(type, listener, options);
    else this.errors.removeEventListener(type, listener, options);
  }

  /** Stops the worker and removes its frame; nothing of it is left running. */
  terminate(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.control.postMessage({ type: 'terminate' } satisfies FrameCommand);
    this.frame.remove();
    this.port.close();
    this.control.close();
  }

  private fail(message: string): void {
    if (this.stopped) return;
    this.errors.dispatchEvent(new ErrorEvent('error', { message, cancelable: true }));
  }
}
