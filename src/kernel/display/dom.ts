/**
 * A DOM for the kernel worker, so that Observable Plot renders there (and in Node tests) to
 * markup the page shows after sanitising.
 *
 * The document is linkedom's (`linkedom/worker` is its self-contained ESM build, with no Node
 * `require` of the optional `canvas` package); its `<canvas>` elements get our
 * {@link CanvasStandIn}, since linkedom's own canvas draws nothing without that package.
 */
import { parseHTML } from 'linkedom/worker';
import { CanvasStandIn } from './canvas.ts';
import { installStaticTips } from './plot-tips.ts';
import { installPlotCapture } from './plot-capture.ts';

let shared: Document | undefined;

/** The worker's document (one per worker, made on first use). */
export function workerDocument(): Document {
  if (!shared) {
    const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
    withCanvases(document);
    shared = document;
  }
  return shared;
}

/** Makes `document.createElement('canvas')` (and its NS form) return elements that can draw. */
function withCanvases(document: Document): void {
  const createElement = document.createElement.bind(document);
  const createElementNS = document.createElementNS.bind(document);
  Object.defineProperties(document, {
    createElement: {
      configurable: true,
      value: (name: string, options?: ElementCreationOptions) => attachCanvas(createElement(name, options)),
    },
    createElementNS: {
      configurable: true,
      value: (namespace: string | null, name: string, options?: ElementCreationOptions) =>
        attachCanvas(createElementNS(namespace, name, options)),
    },
  });
}

/** Gives a `<canvas>` element a working 2D context; other elements pass through. */
function attachCanvas<E extends Element>(element: E): E {
  if (element.localName !== 'canvas') return element;
  const canvas = new CanvasStandIn();
  const dimension = (name: 'width' | 'height'): PropertyDescriptor => ({
    configurable: true,
    get: () => canvas[name],
    set: (value: number) => {
      canvas[name] = value;
      element.setAttribute(name, String(canvas[name]));
    },
  });
  Object.defineProperties(element, {
    width: dimension('width'),
    height: dimension('height'),
    getContext: { configurable: true, value: (type: string) => canvas.getContext(type) },
    toDataURL: { configurable: true, value: () => canvas.toDataURL() },
  });
  return element;
}

/**
 * Makes Observable Plot find {@link workerDocument} when a cell calls it without a `document`
 * option, and returns that document.
 *
 * Plot reads `options.document ?? window.document` on every call (its `context.js`). We define a
 * minimal `globalThis.window = {document}` in the worker rather than wrap Plot's `plot`, `legend`
 * and `Mark.prototype.plot`, because the wrapper only helps code that imports our wrapped module:
 * the kernel's module map, lesson libraries (`dplab/forecast` drawing a chart) and a cell's own
 * `import * as Plot` all import the real module, whose namespace cannot be patched. The global is
 * deliberately a bare object, not linkedom's whole `window`, and no global `document` is defined,
 * so code that sniffs for a browser main thread (`typeof document`) still sees a worker.
 * `devicePixelRatio: 2` keeps Plot's half-pixel offset (chosen once when Plot loads) at 0, the
 * value it takes in a worker without `window`, so charts are the same whichever loads first.
 * Where a real `window` exists (the page, a browser test) nothing changes. Static tips are
 * laid out at once (see `plot-tips.ts`), since the worker never shows the chart itself, and what
 * Plot draws is recorded for the chart's output (`plot-capture.ts`, `chart-output.ts`).
 */
export function installPlotDocument(): Document {
  const document = workerDocument();
  const scope = globalThis as { window?: unknown };
  if (scope.window === undefined) {
    Object.defineProperty(globalThis, 'window', {
      configurable: true,
      writable: true,
      value: Object.freeze({ document, devicePixelRatio: 2 }),
    });
    // Plot stays a lazy chunk; the kernel calls this at start-up, long before a cell can draw.
    tipsReady = import('@observablehq/plot').then(
      (plot) => {
        installStaticTips(plot.Tip);
        installPlotCapture(plot as unknown as Record<string, unknown>, document);
      },
      () => {},
    );
  }
  return document;
}

let tipsReady: Promise<void> = Promise.resolve();

/** Settles once {@link installPlotDocument} has taught Plot to lay out static tips in the worker. */
export function plotTipsReady(): Promise<void> {
  return tipsReady;
}

/** An element made in the worker (a Plot chart: `<svg>` or `<figure>`) that can be sent as markup. */
export interface Renderable {
  readonly nodeType: number;
  readonly outerHTML: string;
}

/** Whether `value` is a DOM element (from linkedom in the worker) whose markup we can send. Never throws. */
export function isRenderable(value: unknown): value is Renderable {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const node = value as Partial<Renderable>;
    return node.nodeType === 1 && typeof node.outerHTML === 'string';
  } catch {
    return false;
  }
}

/** The element's markup, for an `html` output. The page sanitises it before use. */
export function renderToHtml(value: Renderable): string {
  return value.outerHTML;
}
