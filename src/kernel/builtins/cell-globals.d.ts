/**
 * The names the kernel gives every cell — `display`, `view`, `Inputs`, `FileAttachment`, `report`,
 * `check` (and `console`, which the worker's lib already declares) — as the editor's TypeScript
 * sees them.
 *
 * A global script (no top-level import or export) so that the editor can load it as an extra lib
 * and every cell sees these names without importing them. The runtime is in cell-scope.ts,
 * inputs*.ts, input.ts and file-attachment.ts; test/unit/editor checks the names against
 * `BUILTIN_NAMES` and the runtime `Inputs` object so this file cannot drift from them. Option
 * interfaces keep the runtime's names and document its defaults, since hovers are all a student
 * reads.
 */

/**
 * Shows a value below the cell and returns it unchanged: an Arquero table as a paged table, a Plot
 * chart, a control made with `Inputs`, or anything else in an inspector.
 *
 * ```ts
 * const t = display(aq.table({ x: [1, 2, 3] }));
 * ```
 */
declare function display<T>(value: T): T;

/**
 * Shows a control and returns its current value: what the student last chose, or the control's
 * default. Moving the control re-runs the cells that read the value: for
 * `const k = view(…)` only the cells that use `k` (not this one, unless it uses `k` itself).
 *
 * ```ts
 * const k = view(Inputs.range([1, 10], { step: 1 })); // k: number
 * ```
 *
 * Throws a `TypeError` when given anything but a control made with `Inputs`.
 */
declare function view<T>(input: Inputs.Input<T>): T;

/**
 * Records metrics in the experiment journal (the Journal panel), with the values of the notebook's
 * controls, once the run settles; shows them below the cell and returns them unchanged.
 *
 * ```ts
 * report({ mase: maseOf(fc), smape: smapeOf(fc) });
 * ```
 *
 * Throws a `TypeError` unless given an object of named numbers.
 */
declare function report<T extends Record<string, number>>(metrics: T, options?: { label?: string }): T;

/**
 * Checks a student's answer, in the check cell of an exercise (```` ```ts check for=<id> ````):
 * records whether `condition` holds, under `label`; when it does not, the student reads `message`.
 * Returns whether it passed. Every check of a cell is reported; none throws when it fails.
 * `options.weight` (default 1) is the check's share of the exercise's score, for partial credit.
 *
 * ```ts
 * check('mae is a number', Number.isFinite(mae), 'Assign a number to `mae`.');
 * ```
 */
declare const check: {
  (label: string, condition: unknown, message?: string, options?: { weight?: number }): boolean;
  /**
   * Passes when `actual` is a number within the tolerance of `expected`: relative (`rel`, default
   * 1e-9 when `abs` is not set) or absolute (`abs`); either may be met. `NaN`, `undefined` and
   * non-numbers fail, saying so. The failure says how far off and in which direction, never the
   * expected value.
   */
  close(
    label: string,
    actual: unknown,
    expected: number,
    tolerance?: { rel?: number; abs?: number; weight?: number },
    message?: string,
    options?: { weight?: number },
  ): boolean;
  /**
   * Deep equality for numbers, strings, arrays (and typed arrays), plain objects, dates and arquero
   * tables; the failure names the first difference (`got 4 at [3]`, `has no column \`x\``).
   */
  equal(
    label: string,
    actual: unknown,
    expected: unknown,
    message?: string,
    options?: { weight?: number },
  ): boolean;
};

/**
 * The controls a cell can show with `view`, with Observable Inputs' signatures. Only the
 * options that make sense without a DOM are supported (no `transform`, `width`, `validate`, or HTML
 * labels); unknown options are ignored, and a bad value of a known option throws a `TypeError`
 * naming the input.
 */
declare namespace Inputs {
  /** Brands `Input` so that only the `Inputs.*` factories make one. Type-only. */
  const inputValue: unique symbol;

  /**
   * A control made by `Inputs.*`: pass it to `view` (or `display`) to show it. Cells see
   * the value it stands for, of type `T`, through `view`.
   */
  export interface Input<T> {
    readonly [inputValue]: T;
    /** The value before the student touches the control. */
    readonly defaultValue: T;
  }

  /** Options of `range`. */
  export interface RangeOptions {
    /** Initial value; defaults to the middle of the extent. Clamped into the extent and snapped to `step`. */
    value?: number;
    /** Interval between values; any precision when absent. */
    step?: number;
    label?: string;
    disabled?: boolean;
  }

  /** Options of `number`. */
  export interface NumberOptions {
    /** Initial value; empty (`undefined`) when absent. */
    value?: number;
    step?: number;
    label?: string;
    placeholder?: string;
    disabled?: boolean;
  }

  /** Options of `text`. */
  export interface TextOptions {
    label?: string;
    /** Initial text; default `""`. */
    value?: string;
    placeholder?: string;
    disabled?: boolean;
  }

  /** Options of `toggle`; `T` is the type of `values` (default `boolean`). */
  export interface ToggleOptions<T = boolean> {
    label?: string;
    /** Initially on? Default `false`; with `values`, one of the two values. */
    value?: T;
    /** The values when on and when off, `[on, off]`; default `[true, false]`. */
    values?: readonly [on: T, off: T];
    disabled?: boolean;
  }

  /**
   * Options shared by the choice inputs. `D` is an item of the data (for a Map, a `[key, value]`
   * entry), `V` the value an option stands for (by default the item itself, or a Map's value), `K`
   * a Map's key type.
   */
  export interface ChoiceOptions<D = unknown, V = D, K = unknown> {
    label?: string;
    /** The initial value: one option's value, or (for multiple choices) an iterable of them. */
    value?: NoInfer<V> | Iterable<NoInfer<V>>;
    /** For Map data: the key(s) of the initial value(s). */
    key?: NoInfer<K> | Iterable<NoInfer<K>>;
    /** The label of an option. Default: the item itself (a Map's key). */
    format?: (d: D, i: number, data: readonly D[]) => unknown;
    /** The value an option stands for. Default: the item itself (a Map's value). */
    valueof?: (d: D, i: number, data: readonly D[]) => V;
    /** Sort options by label: `true`/`"ascending"`, `"descending"`, or a comparator of labels. */
    sort?: boolean | 'ascending' | 'descending' | ((a: string, b: string) => number);
    /** Keep only the first option of each label. */
    unique?: boolean;
    disabled?: boolean;
  }

  /** Options of `select`. */
  export interface SelectOptions<D = unknown, V = D, K = unknown> extends ChoiceOptions<D, V, K> {
    /**
     * Allow choosing several options; the value is then an array. A positive number is
     * Observable's list height and also means yes. Default `false`.
     */
    multiple?: boolean | number;
  }

  /** Options that make `select` a multiple choice. */
  type Multiple = { multiple: true | number };
  /** Options that keep `select` a single choice. */
  type Single = { multiple?: false };
  /** Options that start `radio` on an option, so that its value is never `null`. */
  type Chosen<V> = { value: NoInfer<V> };

  /**
   * A slider with a number beside it, choosing a number in `[min, max]` (default `[0, 1]`). Starts
   * in the middle of the extent unless given `value`; `min` must be less than `max`.
   *
   * ```ts
   * const alpha = view(Inputs.range([0, 1], { step: 0.05, label: 'alpha' }));
   * ```
   */
  export function range(extent?: readonly [min: number, max: number], options?: RangeOptions): Input<number>;

  /**
   * A number field, optionally limited to `[min, max]` (either may be `null`). Empty, so
   * `undefined`, until the student types a number, unless given `value`.
   */
  export function number(options?: NumberOptions): Input<number | undefined>;
  export function number(
    extent: readonly [min?: number | null, max?: number | null],
    options?: NumberOptions,
  ): Input<number | undefined>;

  /** A single-line text field; starts with `value` (default `""`). */
  export function text(options?: TextOptions): Input<string>;

  /** An on/off switch: `true` or `false`, or with `values: [on, off]` one of those two values. */
  export function toggle<T>(options: ToggleOptions<T> & { values: readonly [on: T, off: T] }): Input<T>;
  export function toggle(options?: ToggleOptions<boolean>): Input<boolean>;

  /**
   * A drop-down menu of the data's items; its value is the chosen item (a Map's value, or what
   * `valueof` returns). Starts on the first option unless given `value` (`null` if there are no
   * options). With `multiple: true` a list box whose value is an array, empty at first.
   *
   * Options given as strings type the value as their union (`'naive' | 'drift' | 'mean'` below),
   * so it can pick a key of an object or a mode a function takes.
   *
   * ```ts
   * const model = view(Inputs.select(['naive', 'drift', 'mean'], { label: 'model' }));
   * ```
   */
  export function select<K, V, W = V>(
    data: ReadonlyMap<K, V>,
    options: SelectOptions<[K, V], W, K> & Multiple,
  ): Input<W[]>;
  export function select<K, V, W = V>(
    data: ReadonlyMap<K, V>,
    options?: SelectOptions<[K, V], W, K> & Single,
  ): Input<W>;
  export function select<T extends string, V = T>(
    data: Iterable<T>,
    options: SelectOptions<T, V> & Multiple,
  ): Input<V[]>;
  export function select<T, V = T>(data: Iterable<T>, options: SelectOptions<T, V> & Multiple): Input<V[]>;
  export function select<T extends string, V = T>(
    data: Iterable<T>,
    options?: SelectOptions<T, V> & Single,
  ): Input<V>;
  export function select<T, V = T>(data: Iterable<T>, options?: SelectOptions<T, V> & Single): Input<V>;

  /**
   * Radio buttons: choose one of the data's items (a Map's value, or what `valueof` returns).
   * Nothing is chosen at first, so the value is `null`, unless given `value`: a radio starts on that
   * option and, once an option is on, the student can only move to another one, so the value is
   * never `null` (as long as `value` is one of the options). Options given as strings type the value
   * as their union, as in `select`.
   *
   * ```ts
   * const type = view(Inputs.radio(['additive', 'multiplicative'], { value: 'additive' }));
   * ```
   */
  export function radio<K, V, W = V>(
    data: ReadonlyMap<K, V>,
    options: ChoiceOptions<[K, V], W, K> & Chosen<W>,
  ): Input<W>;
  export function radio<K, V, W = V>(
    data: ReadonlyMap<K, V>,
    options?: ChoiceOptions<[K, V], W, K>,
  ): Input<W | null>;
  export function radio<T extends string, V = T>(
    data: Iterable<T>,
    options: ChoiceOptions<T, V> & Chosen<V>,
  ): Input<V>;
  export function radio<T, V = T>(data: Iterable<T>, options: ChoiceOptions<T, V> & Chosen<V>): Input<V>;
  export function radio<T extends string, V = T>(
    data: Iterable<T>,
    options?: ChoiceOptions<T, V>,
  ): Input<V | null>;
  export function radio<T, V = T>(data: Iterable<T>, options?: ChoiceOptions<T, V>): Input<V | null>;

  /** Checkboxes: choose any number of the data's items; the value is an array, empty at first. */
  export function checkbox<K, V, W = V>(
    data: ReadonlyMap<K, V>,
    options?: ChoiceOptions<[K, V], W, K>,
  ): Input<W[]>;
  export function checkbox<T extends string, V = T>(
    data: Iterable<T>,
    options?: ChoiceOptions<T, V>,
  ): Input<V[]>;
  export function checkbox<T, V = T>(data: Iterable<T>, options?: ChoiceOptions<T, V>): Input<V[]>;

  // Only the names marked `export` are members: keeps the brand out of `Inputs.` completions.
  export {};
}

/**
 * A file a cell can read: a dataset the notebook lists under `datasets:` in its front matter, or a
 * file the student dropped on the page.
 *
 * ```ts
 * const rows = await FileAttachment('AirPassengers.csv').csv({ typed: true });
 * ```
 *
 * Throws when no dataset or file of the student has that name; the reading methods reject when the
 * file cannot be read.
 */
declare function FileAttachment(name: string): FileAttachment;

// JSON and typed rows are `any`, not `unknown`: a student's `d.value * 2` should just work, as in
// Observable, rather than demand a type assertion the lesson is not about.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** A named file, read in the form a method names. */
interface FileAttachment {
  /** The name given to `FileAttachment(name)`. */
  readonly name: string;
  /** The file as text. */
  text(): Promise<string>;
  /** The file parsed as JSON; rejects, naming the file, when it is not valid JSON. */
  json(): Promise<any>;
  /** The file's bytes. */
  arrayBuffer(): Promise<ArrayBuffer>;
  /**
   * Rows of a comma-separated file as objects keyed by the header. With `{typed: true}` values are
   * converted by d3-dsv's `autoType`: numbers, booleans, dates, and empty strings as `null`.
   * Rejects, naming the line, when a row has a different number of fields than the header.
   */
  csv(options: FileAttachment.DsvOptions & { typed: true }): Promise<FileAttachment.Rows<any>>;
  csv(options?: FileAttachment.DsvOptions & { typed?: false }): Promise<FileAttachment.Rows<string>>;
  csv(options?: FileAttachment.DsvOptions): Promise<FileAttachment.Rows<any>>;
  /** Rows of a tab-separated file, like `csv`. */
  tsv(options: FileAttachment.DsvOptions & { typed: true }): Promise<FileAttachment.Rows<any>>;
  tsv(options?: FileAttachment.DsvOptions & { typed?: false }): Promise<FileAttachment.Rows<string>>;
  tsv(options?: FileAttachment.DsvOptions): Promise<FileAttachment.Rows<any>>;
}

/* eslint-enable @typescript-eslint/no-explicit-any */

declare namespace FileAttachment {
  /** Options of `.csv()` and `.tsv()`, as in Observable. */
  interface DsvOptions {
    /** Convert numbers, booleans, dates and empty strings (as null) with d3-dsv's `autoType`. Default `false`. */
    typed?: boolean;
  }

  /** Parsed rows, one object per line keyed by the header, with the header's names as `columns`. */
  type Rows<V> = Record<string, V>[] & { columns: string[] };
}

/*
 * Cells run in a worker, so the editor gives them the worker's lib, which has no DOM. Plot's
 * declarations still name a few DOM types (what `Plot.plot` returns, its `document` option); they
 * are declared here as opaque shapes so that Plot's types resolve. A chart is only ever passed on
 * (to `display`, or as a cell's value), never taken apart, in a cell.
 */
/** A DOM node made by Plot in the worker's small document. */
interface Node {
  readonly nodeName: string;
}
/** An element made by Plot (a chart, a legend, a figure). */
interface Element extends Node {
  readonly tagName: string;
}
/* eslint-disable @typescript-eslint/no-empty-object-type -- names for Plot's declarations, nothing more */
interface HTMLElement extends Element {}
interface SVGElement extends Element {}
interface SVGSVGElement extends SVGElement {}
interface SVGMarkerElement extends SVGElement {}
/** The document Plot renders into (in a cell, the worker's own; no need to pass one). */
interface Document extends Node {}
interface Window {}
/* eslint-enable @typescript-eslint/no-empty-object-type */
/** CSS properties for Plot's `style` option, e.g. `{ fontSize: '14px' }`. */
interface CSSStyleDeclaration {
  [property: string]: string | undefined;
}
