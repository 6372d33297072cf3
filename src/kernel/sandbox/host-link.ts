/**
 * The kernel worker's line to the page: the event port the page hands over with `connect`. Events go
 * out as {@link KernelMessage}s; dataset files are asked for and come back as {@link HostMessage}s,
 * because the sandbox's Content-Security-Policy lets the worker fetch nothing from the app itself.
 */
import type { HostMessage, KernelEvent, KernelMessage } from '../../protocol.ts';

interface Pending {
  resolve: (response: Response) => void;
  reject: (error: Error) => void;
}

/** Sends the kernel's events and file requests to the page; see the module comment. */
export class HostLink {
  private port?: MessagePort;
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  /** Use this port from now on (a new `connect`); requests still waiting on the old one fail. */
  attach(port: MessagePort): void {
    this.port?.close();
    for (const { reject } of this.pending.values()) reject(new Error('the notebook was opened again'));
    this.pending.clear();
    this.port = port;
    port.onmessage = (event: MessageEvent<HostMessage>) => this.receive(event.data);
  }

  /** Sends one event to the page (dropped before the first `connect`). */
  send(event: KernelEvent): void {
    this.post({ type: 'event', event });
  }

  /** Asks the page for a file by its URL (a dataset under the app's `datasets/`). */
  fetch(url: string): Promise<Response> {
    const id = this.next++;
    return new Promise<Response>((resolve, reject) => {
      if (!this.port) {
        reject(new Error('the kernel is not connected to the page'));
        return;
      }
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'fetch', id, url });
    });
  }

  private post(message: KernelMessage): void {
    this.port?.postMessage(message);
  }

  private receive(message: HostMessage): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if ('error' in message) waiting.reject(new Error(message.error));
    else waiting.resolve(new Response(message.body, { status: message.status }));
  }
}
