/**
 * Turns any JavaScript value into an {@link InspectNode} tree that can cross the worker boundary.
 *
 * Cells return anything: huge arrays, cyclic graphs, proxies, objects whose getters throw. The
 * inspector must never throw and never loop, so every level is capped (depth, entries, total
 * nodes), cycles are cut by tracking the objects on the current path, and each child is built
 * inside its own try/catch so one bad property cannot spoil the whole tree.
 */
import type { InspectEntry, InspectNode } from '../../protocol.ts';
import { describeFunction, errorText, numberText, shortText, stringText, summarize } from './inspect-text.ts';

/** Caps that keep the tree small enough to send and render. */
export interface InspectOptions {
  /** Objects deeper than this are sent as `truncated` (the root is depth 0). Default 3. */
  depth?: number;
  /** Entries shown per object; the rest are counted in `more`. Default 100. */
  entries?: number;
  /** Total nodes in the tree; once spent, remaining entries are counted in `more`. Default 2000. */
  nodes?: number;
  /** Characters of a string shown before it is cut with a note. Default 1000. */
  stringLength?: number;
}

interface Walk {
  depth: number;
  entries: number;
  stringLength: number;
  /** Nodes still allowed. */
  budget: number;
  /** Objects on the path from the root to the current node, to detect cycles. */
  path: Set<object>;
}

/** Inspect `value`. Never throws. */
export function inspect(value: unknown, options: InspectOptions = {}): InspectNode {
  const walk: Walk = {
    depth: options.depth ?? 3,
    entries: options.entries ?? 100,
    stringLength: options.stringLength ?? 1000,
    budget: options.nodes ?? 2000,
    path: new Set(),
  };
  return node(value, 0, walk);
}

function node(value: unknown, depth: number, walk: Walk): InspectNode {
  walk.budget--;
  try {
    return unsafeNode(value, depth, walk);
  } catch (error) {
    // A proxy trap or an exotic object threw while we looked at it.
    return { type: 'error', text: `[cannot inspect: ${errorText(error)}]` };
  }
}

function unsafeNode(value: unknown, depth: number, walk: Walk): InspectNode {
  switch (typeof value) {
    case 'number':
      return { type: 'primitive', kind: 'number', text: numberText(value) };
    case 'string':
      return { type: 'primitive', kind: 'string', text: stringText(value, walk.stringLength) };
    case 'boolean':
      return { type: 'primitive', kind: 'boolean', text: String(value) };
    case 'bigint':
      return { type: 'primitive', kind: 'bigint', text: `${value}n` };
    case 'symbol':
      return { type: 'primitive', kind: 'symbol', text: value.toString() };
    case 'undefined':
      return { type: 'primitive', kind: 'undefined', text: 'undefined' };
    case 'function':
      return { type: 'function', text: describeFunction(value) };
  }
  if (value === null) return { type: 'primitive', kind: 'null', text: 'null' };
  const object = value as object;
  if (object instanceof Date) return { type: 'date', text: shortText(object) };
  if (object instanceof Error) return { type: 'error', text: errorText(object) };
  if (walk.path.has(object)) return { type: 'truncated', summary: '[circular]' };
  const { kind, summary } = summarize(object);
  if (depth > walk.depth) return { type: 'truncated', summary };
  walk.path.add(object);
  try {
    const { entries, more } = children(object, depth + 1, walk);
    return { type: 'object', kind, summary, entries, more };
  } finally {
    walk.path.delete(object);
  }
}

/** The expandable entries of an object, capped per level and by the node budget. */
function children(object: object, depth: number, walk: Walk): { entries: InspectEntry[]; more: number } {
  const entries: InspectEntry[] = [];
  let total = 0;
  const add = (key: string | (() => InspectNode), value: () => InspectNode): void => {
    total++;
    if (entries.length >= walk.entries || walk.budget <= 0) return;
    entries.push({ key: typeof key === 'string' ? key : key(), value: value() });
  };
  if (object instanceof Map) {
    for (const [k, v] of object)
      add(
        () => node(k, depth, walk),
        () => node(v, depth, walk),
      );
  } else if (object instanceof Set) {
    let i = 0;
    for (const v of object) add(String(i++), () => node(v, depth, walk));
  } else if (Array.isArray(object) || ArrayBuffer.isView(object)) {
    const list = object as ArrayLike<unknown>;
    // Only visit the indices we show: a typed array can hold millions of numbers.
    const n = list.length;
    for (let i = 0; i < n && entries.length < walk.entries && walk.budget > 0; i++) {
      add(String(i), () => node(list[i], depth, walk));
    }
    total = n;
  } else if (object instanceof Promise || object instanceof RegExp || object instanceof WeakMap) {
    // Nothing to expand: their state cannot be read synchronously (or is the summary itself).
  } else if (!(object instanceof WeakSet) && !(object instanceof ArrayBuffer)) {
    for (const key of Reflect.ownKeys(object)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
      if (!descriptor?.enumerable) continue;
      add(typeof key === 'symbol' ? `[${key.toString()}]` : key, () =>
        propertyNode(object, descriptor, depth, walk),
      );
    }
  }
  return { entries, more: total - entries.length };
}

/** A property's value; a getter is called, and one that throws shows its error instead. */
function propertyNode(
  object: object,
  descriptor: PropertyDescriptor,
  depth: number,
  walk: Walk,
): InspectNode {
  if (!descriptor.get) return node(descriptor.value, depth, walk);
  try {
    return node(descriptor.get.call(object), depth, walk);
  } catch (error) {
    return { type: 'error', text: `[getter threw ${errorText(error)}]` };
  }
}
