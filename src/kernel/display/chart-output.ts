/**
 * A Plot chart's output: its markup with a text alternative, the plotted data as tables, and the
 * tips of its pointer marks, all computed in the worker from what Plot did while drawing it
 * (`plot-capture.ts`).
 *
 * Pointer marks are driven through Plot's own `pointermove` listener: called at each point's
 * anchor, the listener selects that point and Plot draws the mark for it (a tip laid out by
 * `plot-tips.ts`, a crosshair's rule, …); that markup is kept per point. The listener is then
 * called far outside the chart, which leaves the mark empty, as Plot first draws it. Whether the
 * mark uses pointer, pointerX or pointerY is read the same way, from what the listener selects
 * for a probe far from every point in one direction.
 */
import type { ChartInfo, ChartPointer, ChartTable, Output } from '../../protocol.ts';
import { chartCapture, type ChartCapture, type MarkRender, type PlotChannel } from './plot-capture.ts';
import type { Renderable } from './dom.ts';

/** At most this many rows of each mark's data are sent. */
export const TABLE_ROWS = 100;
/** A pointer mark with more points than this stays static. */
export const MAX_POINTS = 2000;
/** The pointer layers' markup stays under this many characters, else the chart stays static. */
export const MAX_POINTER_CHARS = 800_000;
const MAX_TABLES = 6;
const MAX_RADIUS = 40;
const FAR = -1e9;

/** Marks Plot adds itself (axes, grids, the frame), left out of tables and descriptions. */
const DECORATION = /(^|-)(axis|grid|tick|label)|^frame$/;

/** An `html` output for a rendered element; a Plot chart drawn here also gets its `chart` info. */
export function chartOutput(value: Renderable): Extract<Output, { kind: 'html' }> {
  const element = value as unknown as Element;
  const svg = chartSvg(element);
  const capture = svg ? chartCapture(svg) : undefined;
  if (!svg || !capture) return { kind: 'html', html: value.outerHTML };
  let pointers: ChartPointer[];
  let data: ChartTable[] = [];
  try {
    pointers = pointerLayers(capture);
  } catch {
    pointers = [];
  }
  try {
    data = tables(capture);
    describe(svg, element, capture, data);
  } catch {
    // A chart we cannot describe keeps what Plot gave it.
  }
  const chart: ChartInfo = { data, pointers };
  return { kind: 'html', html: value.outerHTML, chart };
}

/** The chart's own `<svg>` (a figure also holds legends' svgs): the one Plot drew marks into. */
function chartSvg(element: Element): Element | undefined {
  if (element.localName === 'svg') return chartCapture(element) ? element : undefined;
  if (typeof element.querySelectorAll !== 'function') return undefined;
  return Array.from(element.querySelectorAll('svg')).find((svg) => chartCapture(svg));
}

function dataMarks(capture: ChartCapture) {
  return [...capture.marks.values()].filter(
    ({ first }) => !DECORATION.test(first.mark.ariaLabel ?? '') && first.context.getMarkState,
  );
}

/** One table per data mark: the channels it used, labelled as Plot labels them. */
function tables(capture: ChartCapture): ChartTable[] {
  const result: ChartTable[] = [];
  for (const { first, indices } of dataMarks(capture).slice(0, MAX_TABLES)) {
    const channels = first.context.getMarkState!(first.mark).channels ?? {};
    const used = Object.entries(channels).filter(
      ([name, channel]) =>
        name !== 'fx' && name !== 'fy' && channel?.value != null && channel.value.length > 0,
    );
    if (used.length === 0) continue;
    const columns: string[] = [];
    const kept: PlotChannel[] = [];
    for (const [name, channel] of used) {
      const label = channel.label ?? name;
      if (columns.includes(label)) continue;
      columns.push(label);
      kept.push(channel);
    }
    const rows = indices
      .slice(0, TABLE_ROWS)
      .map((i) => kept.map((channel) => formatCell(channel.value![i])));
    result.push({ mark: first.mark.ariaLabel ?? 'mark', columns, rows, total: indices.length });
  }
  return result;
}

function formatCell(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return String(value).slice(0, 200);
}

/**
 * Sets the svg's `aria-label` (the title, else a summary: "Line chart of value by date, 24 points")
 * and `aria-description` (marks, channels and domains), unless the cell gave its own.
 */
function describe(svg: Element, element: Element, capture: ChartCapture, data: ChartTable[]): void {
  const marks = dataMarks(capture);
  const title = element.localName === 'figure' ? element.querySelector('h2')?.textContent?.trim() : undefined;
  const first = marks[0];
  const channels = first?.first.context.getMarkState?.(first.first.mark).channels ?? {};
  const label = (name: string) =>
    channels[name]?.label ?? channels[`${name}1`]?.label ?? channels[`${name}2`]?.label;
  const kinds = [...new Set(marks.map((m) => m.first.mark.ariaLabel ?? 'mark'))];
  const x = label('x');
  const y = label('y');
  const count = first?.indices.length ?? 0;
  const summary =
    `${capitalise(kinds.length ? kinds.join(' and ') : 'empty')} chart` +
    (y && x ? ` of ${y} by ${x}` : y ? ` of ${y}` : x ? ` of ${x}` : '') +
    (first ? `, ${count} ${count === 1 ? 'point' : 'points'}` : '');
  if (!svg.hasAttribute('aria-label')) svg.setAttribute('aria-label', title || summary);
  if (!svg.hasAttribute('aria-description')) {
    const parts = data.map((table) => `${table.mark} (${table.columns.join(', ')}; ${table.total} rows)`);
    const domains = ['x', 'y'].flatMap((name) => {
      const domain = scaleDomain(element, name);
      return domain ? [`${name} ${domain}`] : [];
    });
    const text = [title ? summary : '', parts.length ? `Marks: ${parts.join('; ')}.` : '', domains.join('; ')]
      .filter(Boolean)
      .join(' ');
    if (text) svg.setAttribute('aria-description', text.endsWith('.') ? text : `${text}.`);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "from 2020-01-01 to 2021-12-01", or the first categories, from Plot's `chart.scale(name)`. */
function scaleDomain(element: Element, name: string): string | undefined {
  const scale = (
    element as unknown as { scale?: (n: string) => { domain?: unknown[]; type?: string } | undefined }
  ).scale;
  const domain = typeof scale === 'function' ? scale.call(element, name)?.domain : undefined;
  if (!Array.isArray(domain) || domain.length === 0) return undefined;
  const continuous = domain.length === 2 && domain.every((d) => typeof d === 'number' || d instanceof Date);
  if (continuous) return `from ${formatCell(domain[0])} to ${formatCell(domain[1])}`;
  const shown = domain.slice(0, 8).map(formatCell).join(', ');
  return `${shown}${domain.length > 8 ? `, … (${domain.length} values)` : ''}`;
}

/** The pointer layers, or none when one cannot be read (faceted, too large): the chart stays static. */
function pointerLayers(capture: ChartCapture): ChartPointer[] {
  if (capture.pointers.length === 0) return [];
  if (capture.pointers.some(({ first, listener }) => first.index.fi != null || !listener)) return [];
  const layers: ChartPointer[] = [];
  let chars = 0;
  for (const [id, { first, listener }] of capture.pointers.entries()) {
    const layer = pointerLayer(id, first, listener!, capture);
    if (!layer) return [];
    chars += layer.marks.reduce((n, m) => n + m.length, 0);
    if (chars > MAX_POINTER_CHARS) return [];
    layers.push(layer);
  }
  return layers;
}

function pointerLayer(
  id: number,
  first: MarkRender,
  listener: (event: unknown) => void,
  capture: ChartCapture,
): ChartPointer | undefined {
  const { mark, values, scales, dimensions } = first;
  const { width, height, marginLeft, marginRight, marginTop, marginBottom } = dimensions;
  const frame = [marginLeft, marginTop, width - marginRight, height - marginBottom];
  const cx = /left$/.test(mark.frameAnchor ?? '')
    ? marginLeft
    : /right$/.test(mark.frameAnchor ?? '')
      ? frame[2]
      : (frame[0] + frame[2]) / 2;
  const cy = /^top/.test(mark.frameAnchor ?? '')
    ? marginTop
    : /^bottom/.test(mark.frameAnchor ?? '')
      ? frame[3]
      : (frame[1] + frame[3]) / 2;
  const tx = scales.x?.bandwidth ? scales.x.bandwidth() / 2 : 0;
  const ty = scales.y?.bandwidth ? scales.y.bandwidth() / 2 : 0;
  const px = anchor(values.px, values.x1, values.x2, values.x ?? values.x1, cx);
  const py = anchor(values.py, values.y1, values.y2, values.y ?? values.y1, cy);
  const n = Math.max(0, ...['px', 'py', 'x', 'y', 'x1', 'x2', 'y1', 'y2'].map((k) => values[k]?.length ?? 0));
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(px(i)) && Number.isFinite(py(i))) candidates.push(i);
  if (candidates.length === 0 || candidates.length > MAX_POINTS) return undefined;

  const at = (x: number, y: number): number | undefined => {
    listener({ pageX: x, pageY: y, pointerType: 'mouse', buttons: 0, type: 'pointermove' });
    const shown = capture.last.get(mark);
    return shown && shown.index.length > 0 ? shown.index[0] : undefined;
  };
  const layer: ChartPointer = {
    id,
    mode: 'xy',
    maxRadius: MAX_RADIUS,
    frame,
    x: [],
    y: [],
    marks: [],
    lines: [],
  };
  for (const i of candidates) {
    const x = px(i) + tx;
    const y = py(i) + ty;
    // A point at the same place as a later one is never shown (Plot keeps the last of ties).
    if (at(x, y) !== i) continue;
    const node = capture.last.get(mark)!.node as Element;
    node.setAttribute('data-dp-pointer', String(id));
    layer.x.push(round(x));
    layer.y.push(round(y));
    layer.marks.push(node.outerHTML);
    layer.lines.push(tipLines(node));
  }
  layer.mode = probeMode(layer, frame, at, (i) => [px(i) + tx, py(i) + ty]);
  at(FAR, FAR);
  const placeholder = capture.last.get(mark)?.node as Element | undefined;
  if (!placeholder || capture.last.get(mark)!.index.length > 0) return undefined;
  placeholder.setAttribute('data-dp-pointer', String(id));
  return layer.x.length > 0 ? layer : undefined;
}

function anchor(
  p: ArrayLike<unknown> | undefined,
  a: ArrayLike<unknown> | undefined,
  b: ArrayLike<unknown> | undefined,
  v: ArrayLike<unknown> | undefined,
  c: number,
): (i: number) => number {
  if (p) return (i) => Number(p[i]);
  if (a && b) return (i) => (Number(a[i]) + Number(b[i])) / 2;
  if (v) return (i) => Number(v[i]);
  return () => c;
}

/**
 * pointerX squashes distances in y: probing at the first point's x but at the frame's far edge in y
 * still selects a point at that x, far from the probe. Likewise pointerY in x.
 */
function probeMode(
  layer: ChartPointer,
  frame: number[],
  at: (x: number, y: number) => number | undefined,
  position: (i: number) => [number, number],
): ChartPointer['mode'] {
  if (layer.x.length === 0) return 'xy';
  const [left, top, right, bottom] = frame;
  const x0 = layer.x[0];
  const y0 = layer.y[0];
  const yFar = Math.abs(y0 - top) > Math.abs(y0 - bottom) ? top + 0.5 : bottom - 0.5;
  const xFar = Math.abs(x0 - left) > Math.abs(x0 - right) ? left + 0.5 : right - 0.5;
  const squashed = (x: number, y: number, along: 0 | 1, value: number): boolean => {
    const i = at(x, y);
    if (i === undefined) return false;
    const p = position(i);
    return Math.abs(p[along] - value) < 1 && Math.hypot(p[0] - x, p[1] - y) > layer.maxRadius;
  };
  if (squashed(x0, yFar, 0, x0)) return 'x';
  if (squashed(xFar, y0, 1, y0)) return 'y';
  return 'xy';
}

/** A tip's lines ("date 2020-01-01"), or a text mark's text; empty for rules and dots. */
function tipLines(node: Element): string[] {
  const texts = Array.from(node.querySelectorAll('text'));
  const lines: string[] = [];
  for (const text of texts) {
    const spans = Array.from(text.children).filter((child) => child.localName === 'tspan');
    if (spans.length === 0) lines.push((text.textContent ?? '').trim());
    for (const span of spans) lines.push(clean(span.textContent ?? ''));
  }
  return lines.filter(Boolean).slice(0, 20);
}

function clean(text: string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/\s*■$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
