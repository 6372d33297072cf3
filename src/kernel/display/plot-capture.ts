/**
 * What Plot did while it drew a chart in the worker, kept by chart (`<svg>`), so that the chart's
 * output can carry its marks' data (the "Show data" table, the text alternative) and the tips of
 * its pointer marks (`tip: true`, `Plot.pointer`, `pointerX/Y`, `crosshair`), which the page then
 * shows without running Plot (see `chart-output.ts`).
 *
 * Two hooks, installed once when Plot loads: every mark class's `render` records its call (the mark,
 * its index, scaled values and the context, whose `ownerSVGElement` is the chart), and the worker
 * document's `addEventListener` records the `pointermove` listeners Plot's pointer transform adds
 * to the chart. A pointer mark renders through its listener, with `pointerSticky` in its context.
 */

/** A mark as Plot's render sees it (only what we read). */
export interface PlotMark {
  ariaLabel?: string;
  frameAnchor?: string;
}

/** One render call of a mark. */
export interface MarkRender {
  mark: PlotMark;
  index: ArrayLike<number> & Iterable<number> & { fi?: number };
  scales: Record<string, { bandwidth?: () => number } | undefined>;
  values: Record<string, ArrayLike<unknown> | undefined>;
  dimensions: {
    width: number;
    height: number;
    marginLeft: number;
    marginRight: number;
    marginTop: number;
    marginBottom: number;
  };
  context: { getMarkState?: (mark: PlotMark) => { data?: unknown; channels?: Record<string, PlotChannel> } };
  node: unknown;
}

/** A channel of a mark's state: its unscaled values and the label Plot inferred. */
export interface PlotChannel {
  value?: ArrayLike<unknown> | null;
  scale?: string;
  label?: string;
}

/** What one chart's drawing left behind. */
export interface ChartCapture {
  /** The first render of each mark that is not a pointer mark, with every facet's index. */
  marks: Map<PlotMark, { first: MarkRender; indices: number[] }>;
  /** Pointer marks in the order they rendered, with their `pointermove` listener. */
  pointers: { first: MarkRender; listener?: (event: unknown) => void }[];
  /** The listeners, in the order they were added (one per pointer mark and facet). */
  listeners: ((event: unknown) => void)[];
  /** The last render of each pointer mark (the index it showed and its node). */
  last: Map<PlotMark, MarkRender>;
}

const captures = new WeakMap<object, ChartCapture>();
const PATCHED = Symbol.for('dplab.plotCapture');

/** The capture of a chart's `<svg>`, if Plot drew it in this worker. */
export function chartCapture(svg: object): ChartCapture | undefined {
  return captures.get(svg);
}

function captureOf(svg: object): ChartCapture {
  let capture = captures.get(svg);
  if (!capture)
    captures.set(svg, (capture = { marks: new Map(), pointers: [], listeners: [], last: new Map() }));
  return capture;
}

const rendering = new Set<PlotMark>();

type RenderFn = (this: PlotMark, ...args: unknown[]) => unknown;

/** Wraps the `render` of every mark class Plot exports, and the document's `addEventListener`. */
export function installPlotCapture(plot: Record<string, unknown>, document: Document): void {
  for (const value of Object.values(plot)) {
    if (typeof value !== 'function') continue;
    // Some classes inherit their render (BarY from an unexported AbstractBar): wrap up the chain.
    let proto: Record<string | symbol, unknown> | null | undefined = (
      value as { prototype?: Record<string | symbol, unknown> }
    ).prototype;
    while (proto && proto !== Object.prototype) {
      if (
        Object.hasOwn(proto, 'render') &&
        typeof proto.render === 'function' &&
        !Object.hasOwn(proto, PATCHED)
      ) {
        proto.render = wrapRender(proto.render as RenderFn);
        proto[PATCHED] = true;
      }
      proto = Object.getPrototypeOf(proto) as Record<string | symbol, unknown> | null;
    }
  }
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  let target: Record<string | symbol, unknown> | null = Object.getPrototypeOf(svg) as Record<
    string | symbol,
    unknown
  >;
  while (target && !Object.hasOwn(target, 'addEventListener'))
    target = Object.getPrototypeOf(target) as typeof target;
  if (!target || Object.hasOwn(target, PATCHED)) return;
  const add = target.addEventListener as (
    this: object,
    type: string,
    listener: unknown,
    options?: unknown,
  ) => void;
  target.addEventListener = function (this: object, type: string, listener: unknown, options?: unknown) {
    if (type === 'pointermove' && typeof listener === 'function' && (this as Element).localName === 'svg') {
      captureOf(this).listeners.push(listener as (event: unknown) => void);
    }
    return add.call(this, type, listener, options);
  };
  target[PATCHED] = true;
}

function wrapRender(render: RenderFn): RenderFn {
  return function (this: PlotMark, ...args: unknown[]): unknown {
    // A render that calls its parent class's render is one render of the mark.
    if (rendering.has(this)) return render.apply(this, args);
    rendering.add(this);
    let node: unknown;
    try {
      node = render.apply(this, args);
    } finally {
      rendering.delete(this);
    }
    try {
      record(this, args, node);
    } catch {
      // Recording is best effort: a chart we cannot read stays a static chart.
    }
    return node;
  };
}

function record(mark: PlotMark, args: unknown[], node: unknown): void {
  const [index, scales, values, dimensions, context] = args as [
    MarkRender['index'],
    MarkRender['scales'],
    MarkRender['values'],
    MarkRender['dimensions'],
    MarkRender['context'] & { ownerSVGElement?: object; pointerSticky?: boolean },
  ];
  const svg = context?.ownerSVGElement;
  if (!svg || typeof index?.length !== 'number') return; // an Array or a Uint32Array
  const capture = captureOf(svg);
  const call: MarkRender = { mark, index, scales, values, dimensions, context, node };
  if ('pointerSticky' in context) {
    if (!capture.last.has(mark)) {
      // Plot adds the listener just before the first render of the mark.
      capture.pointers.push({ first: call, listener: capture.listeners[capture.pointers.length] });
    }
    capture.last.set(mark, call);
    return;
  }
  const seen = capture.marks.get(mark);
  if (seen) seen.indices.push(...index);
  else capture.marks.set(mark, { first: call, indices: [...index] });
}
