/**
 * One-line texts for the inspector: how numbers, strings, functions and errors read, and the
 * summaries of objects (`Array(144) [112, 118, …]`, `Map(3) {"a" => 1, …}`).
 *
 * Everything here may meet hostile values (proxies, throwing getters, odd prototypes); callers
 * wrap it in try/catch, and summaries never call getters, so a summary has no side effects.
 */

/** Characters of preview inside a summary before it ends with `…`. */
const PREVIEW = 60;
/** Characters of a string shown inside a summary. */
const PREVIEW_STRING = 20;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `-0` must stay visible: `String(-0)` is `"0"`. */
export function numberText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** A quoted string; a long one is cut and says how long it was. */
export function stringText(s: string, max: number): string {
  if (s.length <= max) return JSON.stringify(s);
  // Do not split a surrogate pair (an emoji) in half.
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return `${JSON.stringify(s.slice(0, end))}… (${s.length.toLocaleString('en-US')} characters)`;
}

/** `TypeError: message`, or whatever a non-Error throw says about itself. */
export function errorText(error: unknown): string {
  try {
    if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
      const { name, message } = error as { name?: unknown; message?: unknown };
      const head = typeof name === 'string' && name ? name : 'Error';
      const text = typeof message === 'string' && message ? `${head}: ${message}` : head;
      return text.length > 500 ? `${text.slice(0, 500)}…` : text;
    }
    return typeof error === 'string' ? error : shortText(error);
  } catch {
    return 'Error';
  }
}

/** `ƒ name(a, b)`, `async ƒ load(url)`, `ƒ* walk(tree)`, `class Point`. */
export function describeFunction(fn: object): string {
  let source = '';
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    // Some proxies refuse toString; the name alone will do.
  }
  const name: unknown = Reflect.get(fn, 'name');
  const named = typeof name === 'string' ? name : '';
  if (/^class\b/.test(source)) return named ? `class ${named}` : 'class';
  const async = /^async\b/.test(source) ? 'async ' : '';
  const star = /^(?:async\s*)?(?:function\s*)?\*/.test(source) ? '*' : '';
  return `${async}ƒ${star}${named ? ` ${named}` : ''}(${parameters(source)})`;
}

/** The parameter list from a function's source, found by matching brackets. */
function parameters(source: string): string {
  const arrow = /^(?:async\s+)?([\w$]+)\s*=>/.exec(source);
  if (arrow) return arrow[1];
  const start = source.indexOf('(');
  if (start < 0) return '';
  let depth = 0;
  let quote = '';
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && --depth === 0) {
      const text = source
        .slice(start + 1, i)
        .replace(/\s+/g, ' ')
        .trim();
      return text.length > 50 ? `${text.slice(0, 49)}…` : text;
    }
  }
  return '…';
}

/** The class name of an object: its constructor's name, its `Symbol.toStringTag`, or `Object`. */
export function className(object: object): string {
  const proto: unknown = Object.getPrototypeOf(object);
  const ctor: unknown = proto === null ? undefined : (proto as { constructor?: unknown }).constructor;
  if (typeof ctor === 'function' && ctor.name) return ctor.name;
  const tag: unknown = (object as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
  return typeof tag === 'string' && tag ? tag : 'Object';
}

/** A date as ISO text; invalid dates say so instead of throwing. */
function dateText(date: Date): string {
  const time = Date.prototype.getTime.call(date);
  return Number.isNaN(time) ? 'Invalid Date' : new Date(time).toISOString();
}

/** A value in a few characters, as it appears inside its parent's summary. */
export function shortText(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return numberText(value);
    case 'string':
      return stringText(value, PREVIEW_STRING);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return describeFunction(value);
    case 'object':
      if (value === null) return 'null';
      if (value instanceof Date) return dateText(value);
      if (value instanceof RegExp) return String(value);
      if (value instanceof Error) return className(value);
      return heading(value);
    default:
      return String(value);
  }
}

/** The part of a summary before its preview: `Array(3)`, `Map(2)`, `Point`. */
function heading(object: object): string {
  const name = className(object);
  if (Array.isArray(object)) return `${name}(${object.length})`;
  if (object instanceof Map || object instanceof Set) return `${name}(${object.size})`;
  if (object instanceof ArrayBuffer) return `${name}(${object.byteLength})`;
  if (object instanceof DataView) return `${name}(${object.byteLength})`;
  if (ArrayBuffer.isView(object)) return `${name}(${(object as unknown as ArrayLike<unknown>).length})`;
  return name;
}

/** Joins preview items until the preview is long enough, then ends with `…`. */
function preview(items: Iterable<string>, open: string, close: string): string {
  let text = '';
  for (const item of items) {
    if (text.length >= PREVIEW) return `${open}${text}, …${close}`;
    text += text ? `, ${item}` : item;
  }
  return `${open}${text}${close}`;
}

function* arrayItems(list: ArrayLike<unknown>): Generator<string> {
  for (let i = 0; i < list.length; i++) yield shortText(list[i]);
}

function* objectItems(object: object): Generator<string> {
  for (const key of Reflect.ownKeys(object)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
    if (!descriptor?.enumerable) continue;
    const name =
      typeof key === 'symbol' ? `[${key.toString()}]` : IDENTIFIER.test(key) ? key : JSON.stringify(key);
    // Summaries never call getters: `(…)` says there is a value to see when expanded.
    yield `${name}: ${descriptor.get ? '(…)' : shortText(descriptor.value)}`;
  }
}

function* mapItems(map: Map<unknown, unknown>): Generator<string> {
  for (const [k, v] of map) yield `${shortText(k)} => ${shortText(v)}`;
}

function* setItems(set: Set<unknown>): Generator<string> {
  for (const v of set) yield shortText(v);
}

/** The kind and one-line summary of an object. */
export function summarize(object: object): { kind: string; summary: string } {
  const kind = className(object);
  const head = heading(object);
  let summary: string;
  if (object instanceof RegExp) summary = String(object);
  else if (object instanceof Date) summary = dateText(object);
  else if (Array.isArray(object) || (ArrayBuffer.isView(object) && !(object instanceof DataView)))
    summary = `${head} ${preview(arrayItems(object as ArrayLike<unknown>), '[', ']')}`;
  else if (object instanceof Map) summary = `${head} ${preview(mapItems(object), '{', '}')}`;
  else if (object instanceof Set) summary = `${head} ${preview(setItems(object), '{', '}')}`;
  else if (object instanceof Promise) summary = `${head} {…}`;
  else if (object instanceof ArrayBuffer || object instanceof DataView) summary = head;
  else if (object instanceof WeakMap || object instanceof WeakSet) summary = head;
  else summary = `${head} ${preview(objectItems(object), '{', '}')}`;
  return { kind, summary };
}
