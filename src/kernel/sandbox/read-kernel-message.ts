/**
 * Checks what the kernel sends before the page believes it. The kernel runs notebooks from outside,
 * and a cell can post anything on the kernel's ports, so every message is untrusted data: it is
 * accepted only when it has the exact shape `protocol.ts` gives, and within size limits that no
 * honest kernel comes near (the kernel caps a cell's output at about 2 MB; see
 * `runtime/cell-state.ts`). Anything else is `undefined`, and the page drops it.
 *
 * Whether a well-formed event is about the notebook that is open now is for the kernel client to
 * say; this file only reads shapes.
 */
import type { CellError, InputSpec, KernelEvent, KernelMessage, TablePage } from '../../protocol.ts';

/** How much one message may carry. */
export interface MessageLimits {
  /** Characters of all strings in the message together. */
  chars: number;
  /** Characters of a name, id, label or key. */
  shortChars: number;
  /** Items of any one array (outputs, rows, options, edges). */
  items: number;
  /** Nesting of inspected values. */
  depth: number;
}

/** Well above what the kernel sends (1000 outputs, 2 MB of text a cell; 1000 rows a table page). */
export const DEFAULT_LIMITS: MessageLimits = {
  chars: 16_000_000,
  shortChars: 10_000,
  items: 20_000,
  depth: 64,
};

const STATUSES = new Set(['queued', 'running', 'ok', 'error', 'stale', 'interrupted']);
const LEVELS = new Set(['log', 'info', 'warn', 'error', 'debug']);
const POINTER_MODES = new Set(['xy', 'x', 'y']);
const PRIMITIVES = new Set(['number', 'string', 'boolean', 'bigint', 'symbol', 'undefined', 'null']);
const INPUT_KEY = /^.+:\d+$/s;

/** Thrown inside the reader when something does not fit; caught at the top. */
class Malformed extends Error {}

type Obj = Record<string, unknown>;

/** A reader of one message, counting its characters against the limits. */
class Reader {
  private chars = 0;
  constructor(private readonly limits: MessageLimits) {}

  fail(): never {
    throw new Malformed();
  }

  object(value: unknown): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail();
    return value as Obj;
  }

  string(value: unknown, short = true): string {
    if (typeof value !== 'string') this.fail();
    if (short && value.length > this.limits.shortChars) this.fail();
    this.chars += value.length;
    if (this.chars > this.limits.chars) this.fail();
    return value;
  }

  optionalString(value: unknown, short = true): void {
    if (value !== undefined) this.string(value, short);
  }

  number(value: unknown): number {
    if (typeof value !== 'number') this.fail();
    return value;
  }

  optionalNumber(value: unknown): void {
    if (value !== undefined) this.number(value);
  }

  boolean(value: unknown): boolean {
    if (typeof value !== 'boolean') this.fail();
    return value;
  }

  optionalBoolean(value: unknown): void {
    if (value !== undefined) this.boolean(value);
  }

  array(value: unknown): unknown[] {
    if (!Array.isArray(value) || value.length > this.limits.items) this.fail();
    return value;
  }

  each(value: unknown, read: (item: unknown) => void): void {
    for (const item of this.array(value)) read(item);
  }

  oneOf(value: unknown, allowed: ReadonlySet<string>): void {
    if (typeof value !== 'string' || !allowed.has(value)) this.fail();
  }

  cellError(value: unknown): CellError {
    const error = this.object(value);
    this.string(error.name);
    this.string(error.message, false);
    if (error.position !== undefined) {
      const position = this.object(error.position);
      this.number(position.line);
      this.number(position.column);
    }
    return error as unknown as CellError;
  }

  inspectNode(value: unknown, depth: number): void {
    if (depth > this.limits.depth) this.fail();
    const node = this.object(value);
    switch (node.type) {
      case 'primitive':
        this.oneOf(node.kind, PRIMITIVES);
        this.string(node.text, false);
        return;
      case 'date':
      case 'function':
      case 'error':
        this.string(node.text, false);
        return;
      case 'truncated':
        this.string(node.summary, false);
        return;
      case 'object':
        this.string(node.kind);
        this.string(node.summary, false);
        this.number(node.more);
        this.each(node.entries, (item) => {
          const entry = this.object(item);
          if (typeof entry.key === 'string') this.string(entry.key, false);
          else this.inspectNode(entry.key, depth + 1);
          this.inspectNode(entry.value, depth + 1);
        });
        return;
      default:
        this.fail();
    }
  }

  tablePage(value: unknown): TablePage {
    const page = this.object(value);
    this.each(page.columns, (c) => this.string(c, false));
    this.each(page.rows, (row) => this.each(row, (cell) => this.string(cell, false)));
    this.each(page.numeric, (n) => this.boolean(n));
    this.number(page.numRows);
    this.number(page.numCols);
    this.number(page.offset);
    return page as unknown as TablePage;
  }

  /** A chart's data tables and pointer layers (see `ChartInfo`). */
  chartInfo(value: unknown): void {
    const chart = this.object(value);
    this.each(chart.data, (item) => {
      const table = this.object(item);
      this.string(table.mark);
      this.each(table.columns, (c) => this.string(c, false));
      this.each(table.rows, (row) => this.each(row, (cell) => this.string(cell, false)));
      this.number(table.total);
    });
    this.each(chart.pointers, (item) => {
      const layer = this.object(item);
      this.number(layer.id);
      this.oneOf(layer.mode, POINTER_MODES);
      this.number(layer.maxRadius);
      this.each(layer.frame, (n) => this.number(n));
      const x = this.array(layer.x);
      x.forEach((n) => this.number(n));
      this.each(layer.y, (n) => this.number(n));
      this.each(layer.marks, (m) => this.string(m, false));
      this.each(layer.lines, (lines) => this.each(lines, (line) => this.string(line, false)));
      const counts = [layer.y, layer.marks, layer.lines].map((a) => (a as unknown[]).length);
      if (counts.some((n) => n !== x.length)) this.fail();
    });
  }

  inputSpec(value: unknown): InputSpec {
    const spec = this.object(value);
    this.optionalString(spec.label);
    this.optionalBoolean(spec.disabled);
    switch (spec.kind) {
      case 'range':
      case 'number':
        this.number(spec.value);
        if (spec.kind === 'range') {
          this.number(spec.min);
          this.number(spec.max);
        } else {
          this.optionalNumber(spec.min);
          this.optionalNumber(spec.max);
          this.optionalString(spec.placeholder);
        }
        this.optionalNumber(spec.step);
        break;
      case 'text':
        this.string(spec.value, false);
        this.optionalString(spec.placeholder);
        break;
      case 'toggle':
        this.boolean(spec.value);
        break;
      case 'select':
      case 'radio':
      case 'checkbox':
        this.each(spec.options, (o) => this.string(o));
        this.each(spec.selected, (i) => this.number(i));
        if (spec.kind === 'select') this.boolean(spec.multiple);
        break;
      default:
        this.fail();
    }
    return spec as unknown as InputSpec;
  }

  inputKey(value: unknown): void {
    if (!INPUT_KEY.test(this.string(value))) this.fail();
  }

  output(value: unknown): void {
    const output = this.object(value);
    switch (output.kind) {
      case 'inspect':
        this.inspectNode(output.node, 0);
        return;
      case 'table':
        this.string(output.tableId);
        this.tablePage(output.page);
        return;
      case 'html':
        this.string(output.html, false);
        if (output.chart !== undefined) this.chartInfo(output.chart);
        return;
      case 'log':
        this.oneOf(output.level, LEVELS);
        this.string(output.text, false);
        return;
      case 'input':
        this.inputKey(output.key);
        this.inputSpec(output.spec);
        this.optionalString(output.bound);
        return;
      case 'truncated':
        this.string(output.text, false);
        return;
      case 'check':
        this.string(output.label);
        this.boolean(output.passed);
        this.number(output.weight);
        this.optionalString(output.message, false);
        this.optionalString(output.detail, false);
        return;
      case 'report': {
        const metrics = this.object(output.metrics);
        const names = Object.keys(metrics);
        if (names.length > this.limits.items) this.fail();
        for (const name of names) {
          this.string(name);
          this.number(metrics[name]);
        }
        this.optionalString(output.label);
        return;
      }
      default:
        this.fail();
    }
  }

  event(value: unknown): KernelEvent {
    const event = this.object(value);
    switch (event.type) {
      case 'idle':
        break;
      case 'status':
        this.string(event.cellId);
        this.oneOf(event.status, STATUSES);
        if (event.error !== undefined) this.cellError(event.error);
        this.optionalString(event.reason, false);
        break;
      case 'outputs':
      case 'append':
        this.string(event.cellId);
        this.each(event.outputs, (o) => this.output(o));
        break;
      case 'control':
        this.string(event.cellId);
        this.inputKey(event.key);
        this.inputSpec(event.spec);
        break;
      case 'ran':
        this.string(event.cellId);
        this.string(event.cause, false);
        this.number(event.ms);
        break;
      case 'names': {
        const defines = this.object(event.defines);
        const ids = Object.keys(defines);
        if (ids.length > this.limits.items) this.fail();
        for (const id of ids) {
          this.string(id);
          this.each(defines[id], (name) => this.string(name));
        }
        this.each(event.edges, (item) => {
          const edge = this.object(item);
          this.string(edge.from);
          this.string(edge.to);
          this.each(edge.names, (name) => this.string(name));
        });
        break;
      }
      default:
        this.fail();
    }
    return event as unknown as KernelEvent;
  }
}

/** The message, if it is a well-formed {@link KernelMessage} within the limits; else `undefined`. */
export function readKernelMessage(
  data: unknown,
  limits: MessageLimits = DEFAULT_LIMITS,
): KernelMessage | undefined {
  const reader = new Reader(limits);
  try {
    const message = reader.object(data);
    if (message.type === 'event') return { type: 'event', event: reader.event(message.event) };
    if (message.type === 'fetch') {
      const id = reader.number(message.id);
      if (!Number.isSafeInteger(id)) return undefined;
      return { type: 'fetch', id, url: reader.string(message.url) };
    }
    return undefined;
  } catch (error) {
    if (error instanceof Malformed || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** A table page the kernel answered `tablePage` with, if it is one; else `undefined`. */
export function readTablePage(data: unknown, limits: MessageLimits = DEFAULT_LIMITS): TablePage | undefined {
  if (data === undefined) return undefined;
  try {
    return new Reader(limits).tablePage(data);
  } catch (error) {
    if (error instanceof Malformed || error instanceof RangeError) return undefined;
    throw error;
  }
}
