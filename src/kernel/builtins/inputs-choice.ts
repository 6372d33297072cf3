/**
 * `Inputs.select`, `Inputs.radio` and `Inputs.checkbox`: choose among options.
 *
 * The options may be any values (objects, dates); the page sees only their labels and answers
 * with indices into the list it was shown, which this module maps back through `valueof`. As in
 * Observable Inputs, a Map's keys are the labels and its values the values; a single select
 * starts on its first option, a multiple select and a checkbox start empty, a radio starts with
 * nothing chosen (`null`).
 */
import type { InputSpec, InputValue } from '../../protocol.ts';
import { WorkerInput, clean, disabledOf, fail, labelOf, optionsOf, show } from './input.ts';

/** Options shared by the choice inputs; `d` is an item of the data (for a Map, a `[key, value]` entry). */
export interface ChoiceOptions<T = unknown> {
  label?: string;
  /** The initial value: one option's value, or (for multiple choices) an iterable of them. */
  value?: unknown;
  /** For Map data: the key(s) of the initial value(s). */
  key?: unknown;
  /** The label of an option. Default: the item itself (a Map's key). */
  format?: (d: T, i: number, data: readonly T[]) => unknown;
  /** The value an option stands for. Default: the item itself (a Map's value). */
  valueof?: (d: T, i: number, data: readonly T[]) => unknown;
  /** Sort options by label: `true`/`"ascending"`, `"descending"`, or a comparator of labels. */
  sort?: boolean | 'ascending' | 'descending' | ((a: string, b: string) => number);
  /** Keep only the first option of each label. */
  unique?: boolean;
  disabled?: boolean;
}

/** Options of `Inputs.select`. */
export interface SelectOptions<T = unknown> extends ChoiceOptions<T> {
  /** Allow choosing several options (a number is Observable's list height and also means yes). */
  multiple?: boolean | number;
}

type Kind = 'select' | 'radio' | 'checkbox';

/** A drop-down menu (a list box when `multiple`). */
export function select<T>(
  data: Iterable<T> | Map<unknown, unknown>,
  options?: SelectOptions<T>,
): WorkerInput {
  const o = optionsOf('select', options);
  const multiple = o.multiple;
  if (multiple !== undefined && typeof multiple !== 'boolean' && typeof multiple !== 'number') {
    fail('select', `multiple must be true, false or a number, got ${show(multiple)}`);
  }
  return chooser('select', data, o, multiple === true || (typeof multiple === 'number' && multiple > 0));
}

/** Radio buttons: choose one option. */
export function radio<T>(data: Iterable<T> | Map<unknown, unknown>, options?: ChoiceOptions<T>): WorkerInput {
  return chooser('radio', data, optionsOf('radio', options), false);
}

/** Checkboxes: choose any number of options. */
export function checkbox<T>(
  data: Iterable<T> | Map<unknown, unknown>,
  options?: ChoiceOptions<T>,
): WorkerInput {
  return chooser('checkbox', data, optionsOf('checkbox', options), true);
}

function chooser<T>(
  name: Kind,
  data: Iterable<T> | Map<unknown, unknown>,
  o: Partial<ChoiceOptions<T>>,
  multiple: boolean,
): WorkerInput {
  const isMap = data instanceof Map;
  const items = itemsOf(name, data) as T[];
  const first = (d: T): unknown => (d as [unknown, unknown])[0];
  const second = (d: T): unknown => (d as [unknown, unknown])[1];
  const format = functionOption(name, 'format', o.format) ?? (isMap ? first : (d: T) => d);
  const valueof = functionOption(name, 'valueof', o.valueof) ?? (isMap ? second : (d: T) => d);
  // `order[j]` is the item shown at position j, after sorting and removing duplicate labels.
  let options = items.map((d, i) => ({ label: labelText(format(d, i, items)), i }));
  const compare = comparator(name, o.sort);
  if (compare) options.sort((a, b) => compare(a.label, b.label));
  if (o.unique) {
    const seen = new Set<string>();
    options = options.filter((x) => !seen.has(x.label) && seen.add(x.label));
  }
  const order = options.map((x) => x.i);
  const values = order.map((i) => valueof(items[i], i, items));

  let initial = o.value;
  if (initial === undefined && o.key !== undefined && isMap) {
    initial = multiple ? Array.from(iterableOf(name, 'key', o.key), (k) => data.get(k)) : data.get(o.key);
  }
  const wanted = initial === undefined ? [] : multiple ? [...iterableOf(name, 'value', initial)] : [initial];
  let selected = values.flatMap((v, j) => (wanted.some((w) => Object.is(w, v) || w === v) ? [j] : []));
  if (!multiple) selected = selected.slice(0, 1);
  // A single select always shows an option: the browser picks the first one.
  if (name === 'select' && !multiple && selected.length === 0 && values.length > 0) selected = [0];

  const base = { label: labelOf(name, o.label), options: options.map((x) => x.label) };
  const disabled = disabledOf(name, o.disabled);
  const spec = (chosen: number[]): InputSpec =>
    clean(
      name === 'select'
        ? { kind: name, ...base, multiple, selected: chosen, disabled }
        : { kind: name, ...base, selected: chosen, disabled },
    );
  return new WorkerInput({
    spec: spec(selected),
    accept: (v) => acceptIndices(v, values.length, multiple, name === 'select' && !multiple),
    withValue: (v) => spec(v as number[]),
    valueOf: (v) => {
      const chosen = (v as number[]).map((j) => values[j]);
      return multiple ? chosen : (chosen[0] ?? null);
    },
  });
}

/** The page's indices, sorted and unique, or `undefined` if they do not fit the options shown. */
function acceptIndices(v: InputValue, n: number, multiple: boolean, required: boolean): number[] | undefined {
  if (!Array.isArray(v)) return undefined;
  if (!v.every((j) => Number.isInteger(j) && j >= 0 && j < n)) return undefined;
  const indices = [...new Set(v)].sort((a, b) => a - b);
  if (!multiple && indices.length > 1) return undefined;
  if (required && n > 0 && indices.length === 0) return undefined;
  return indices;
}

function itemsOf(name: Kind, data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (typeof data === 'string' || !isIterable(data)) {
    fail(name, `data must be an array, a Map or another iterable of options, got ${show(data)}`);
  }
  return Array.from(data);
}

function iterableOf(name: Kind, option: string, x: unknown): Iterable<unknown> {
  if (typeof x === 'string' || !isIterable(x)) {
    fail(name, `${option} must be an array when several options can be chosen, got ${show(x)}`);
  }
  return x;
}

function isIterable(x: unknown): x is Iterable<unknown> {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function'
  );
}

function functionOption<F>(name: Kind, option: string, f: F | undefined): F | undefined {
  if (f !== undefined && typeof f !== 'function') fail(name, `${option} must be a function, got ${show(f)}`);
  return f;
}

function comparator(name: Kind, sort: ChoiceOptions['sort']): ((a: string, b: string) => number) | undefined {
  if (sort === undefined || sort === false) return undefined;
  if (sort === true || sort === 'ascending') return (a, b) => a.localeCompare(b, 'en', { numeric: true });
  if (sort === 'descending') return (a, b) => b.localeCompare(a, 'en', { numeric: true });
  if (typeof sort === 'function') return sort;
  return fail(name, `sort must be true, "ascending", "descending" or a function, got ${show(sort)}`);
}

/** An option's label as the page shows it: text, with `null` and `undefined` empty. */
function labelText(x: unknown): string {
  if (x === null || x === undefined) return '';
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? 'Invalid Date' : x.toISOString();
  return String(x);
}
