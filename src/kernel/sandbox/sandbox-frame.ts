/**
 * The script of the kernel's sandbox document, `kernel-sandbox.html` (made by
 * `src/build/kernel-sandbox-plugin.ts`, which inlines this file and allows it by its hash).
 *
 * The page loads that document in `<iframe sandbox="allow-scripts">`. Without `allow-same-origin`
 * the document gets an opaque origin (HTML, "Sandboxing": the sandboxed origin browsing context flag),
 * so nothing in it — nor in the worker it starts — can read the app's IndexedDB, Cache Storage or
 * localStorage, or reach the page's DOM. A document in an opaque origin may not start a worker from
 * the app's URL, so the page hands over the worker's script as a Blob and this starts it from a blob:
 * URL of its own; a worker from a blob: URL takes the policy of the document that made it (HTML,
 * "Run a worker": the policy container of a local-scheme worker is its owner's), including the
 * `connect-src` this adds first. Only this script runs in the document; notebook code runs in the worker.
 *
 * No imports: the file is inlined as it is (types only).
 */
import type { FrameCommand, FrameInit, FrameReport } from './frame-protocol.ts';

function isInit(data: unknown): data is FrameInit {
  const init = data as Partial<FrameInit> | null;
  return (
    typeof init === 'object' &&
    init !== null &&
    init.type === 'dplab-kernel-init' &&
    init.worker instanceof Blob &&
    typeof init.policy === 'string' &&
    init.control instanceof MessagePort &&
    init.kernel instanceof MessagePort
  );
}

addEventListener('message', function start(event: MessageEvent) {
  if (event.source !== parent || !isInit(event.data)) return;
  removeEventListener('message', start);
  const { worker: script, policy, control, kernel } = event.data;
  // A policy added by a <meta> element applies from then on, on top of the one the document came
  // with (CSP Level 3 §3.3): it can narrow connect-src, never widen it.
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.append(meta);
  // A classic worker: Chromium does not start module workers from a blob: URL of an opaque origin.
  const worker = new Worker(URL.createObjectURL(script), { name: 'dplab-kernel' });
  const report = (message: FrameReport) => control.postMessage(message);
  worker.addEventListener('error', (error) => {
    error.preventDefault();
    report({ type: 'error', message: error.message || 'the kernel worker did not start' });
  });
  control.onmessage = (message: MessageEvent<FrameCommand>) => {
    if (message.data?.type === 'terminate') worker.terminate();
  };
  worker.postMessage({ kernel }, [kernel]);
});
