/**
 * The one typed interface between the page and the kernel worker.
 *
 * Everything here crosses the worker boundary by structured clone, so it is plain data:
 * no functions, no class instances, no DOM nodes. The page talks to the worker only through
 * {@link KernelApi} (wrapped with Comlink); the worker talks back only through {@link KernelEvent}s
 * delivered to the listener the page registers with {@link KernelApi.connect}.
 */

/** A cell's run state, as shown in `data-status` on the cell's root element. */
export type CellStatus = 'queued' | 'running' | 'ok' | 'error' | 'stale' | 'interrupted';

/** A cell as the kernel needs it: an id that stays stable across edits, and its TypeScript source. */
export interface KernelCell {
  id: string;
  source: string;
  /**
   * `check` for the check cells of exercises (```` ```ts check for=… ````): they get the `check`
   * builtin, and their names are their own (no other cell may read them).
   */
  role?: 'check';
}

/** Where a problem sits inside a cell's own source (1-based line and column), when known. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** A cell's error, shown under the cell. */
export interface CellError {
  /** Error class name, e.g. `TypeError`, `SyntaxError`, or `DataflowError` for duplicate names and cycles. */
  name: string;
  /** What is wrong and, where we know it, what to do about it. */
  message: string;
  /** Line and column inside the cell (not in generated code), when known. */
  position?: SourcePosition;
}

/** A node of a value inspector tree, made in the worker from any JavaScript value. */
export type InspectNode =
  | {
      type: 'primitive';
      kind: 'number' | 'string' | 'boolean' | 'bigint' | 'symbol' | 'undefined' | 'null';
      text: string;
    }
  | { type: 'date'; text: string }
  | { type: 'function'; text: string }
  | { type: 'error'; text: string }
  | {
      type: 'object';
      /** `Array`, `Object`, `Map`, `Set`, `Float64Array`, a class name, … */
      kind: string;
      /** A one-line summary such as `Array(144) [112, 118, 132, …]`. */
      summary: string;
      /** Entries shown when expanded. For Maps the key is itself inspected. */
      entries: InspectEntry[];
      /** How many entries were left out because of the size cap (0 when none). */
      more: number;
    }
  /** Children beyond the depth cap are not sent; the summary still describes them. */
  | { type: 'truncated'; summary: string };

export interface InspectEntry {
  key: string | InspectNode;
  value: InspectNode;
}

/** One page of an Arquero table (or array of objects) shown as an HTML table. */
export interface TablePage {
  /** Column names, in order. */
  columns: string[];
  /** Formatted cell text, row-major: `rows[i][j]` is row `offset + i`, column `j`. */
  rows: string[][];
  /** Whether each column holds numbers (right-aligned). */
  numeric: boolean[];
  /** Total rows and columns in the table. */
  numRows: number;
  numCols: number;
  /** Index of the first row in `rows`. */
  offset: number;
}

/** A control described by the worker and rendered as a real, labelled control on the page. */
export type InputSpec =
  | {
      kind: 'range';
      label?: string;
      min: number;
      max: number;
      step?: number;
      value: number;
      disabled?: boolean;
    }
  | {
      kind: 'number';
      label?: string;
      min?: number;
      max?: number;
      step?: number;
      value: number;
      placeholder?: string;
      disabled?: boolean;
    }
  | { kind: 'text'; label?: string; value: string; placeholder?: string; disabled?: boolean }
  | { kind: 'toggle'; label?: string; value: boolean; disabled?: boolean }
  /**
   * Choice inputs. The worker keeps the real option values (which may be objects, and may be
   * formatted by functions); the page sees only the formatted labels and answers with indices.
   */
  | {
      kind: 'select';
      label?: string;
      options: string[];
      multiple: boolean;
      selected: number[];
      disabled?: boolean;
    }
  | { kind: 'radio'; label?: string; options: string[]; selected: number[]; disabled?: boolean }
  | { kind: 'checkbox'; label?: string; options: string[]; selected: number[]; disabled?: boolean };

/**
 * What the page sends back when a control changes: the new value for range/number/text/toggle,
 * the selected option indices for select/radio/checkbox.
 */
export type InputValue = number | string | boolean | number[];

/**
 * Identifies a control across re-runs: the cell that made it and the order of its `view` call in
 * that cell's run (0, 1, …). Written `cell-3:0`; build and read it only with {@link inputKey} and
 * {@link parseInputKey}, so the two sides cannot disagree on the format.
 */
export type InputKey = `${string}:${number}`;

/** The key of the `index`-th control made by cell `cellId` in one run. */
export function inputKey(cellId: string, index: number): InputKey {
  return `${cellId}:${index}`;
}

/**
 * The cell and position a key names, or `undefined` for a string that is not a key. Cell ids may
 * themselves contain `:`, so the index is what follows the last one.
 */
export function parseInputKey(key: string): { cellId: string; index: number } | undefined {
  const colon = key.lastIndexOf(':');
  const index = Number(key.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(index) || index < 0 || key.slice(colon + 1) === '') return undefined;
  return { cellId: key.slice(0, colon), index };
}

/** The page value a spec shows: the option indices for choices, else the value. */
export function specValue(spec: InputSpec): InputValue {
  return 'selected' in spec ? spec.selected : spec.value;
}

/**
 * A Plot chart drawn in the worker, beyond its markup: the data of its marks (for "Show data") and,
 * for pointer marks (`tip: true`, `Plot.pointer`, `pointerX/Y`, `crosshair`), every point the pointer
 * can select, so that the page can show Plot's own rendering of it without running Plot.
 */
export interface ChartInfo {
  /** One table per mark with data: its channels' values, the first rows, and how many there are. */
  data: ChartTable[];
  /** One layer per pointer mark; empty for a static chart. */
  pointers: ChartPointer[];
}

export interface ChartTable {
  /** The mark's kind as Plot names it ("line", "dot", …). */
  mark: string;
  columns: string[];
  rows: string[][];
  /** All rows the mark drew (`rows` holds at most the first 100). */
  total: number;
}

/**
 * A pointer mark: the mark's placeholder in the chart's markup carries `data-dp-pointer="<id>"`;
 * point `i` is at (`x[i]`, `y[i]`) in the SVG's coordinates and shows `marks[i]` (SVG markup of the
 * mark drawn for that point, sanitised by the page) in place of the placeholder; `lines[i]` is its
 * text (a tip's lines), for screen readers. `mode` is Plot's pointer (`xy`), pointerX (`x`) or
 * pointerY (`y`); `frame` is [left, top, right, bottom] of the plot area.
 */
export interface ChartPointer {
  id: number;
  mode: 'xy' | 'x' | 'y';
  maxRadius: number;
  frame: number[];
  x: number[];
  y: number[];
  marks: string[];
  lines: string[][];
}

/** One item of a cell's output, in the order the cell produced it. */
export type Output =
  | { kind: 'inspect'; node: InspectNode }
  /** `tableId` lets the page ask the kernel for other pages of the same table. */
  | { kind: 'table'; tableId: string; page: TablePage }
  /**
   * Markup made in the worker (a Plot chart as SVG or a figure). Sanitised by the page before use.
   * `chart` comes with a Plot chart: its plotted data and the tips of its pointer marks.
   */
  | { kind: 'html'; html: string; chart?: ChartInfo }
  | { kind: 'log'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string }
  /** `key` identifies the control across re-runs so the page keeps the same element while a slider is dragged. */
  /** `bound` is the name the control's value is bound to (`const k = view(…)`), when it is one. */
  | { kind: 'input'; key: InputKey; spec: InputSpec; bound?: string }
  /** Said once when a cell produced more than the output caps allow. */
  | { kind: 'truncated'; text: string }
  /**
   * One check of an exercise, from a check cell's `check(…)`: its label, whether it passed, its
   * weight in the score, and (when it failed) the author's message and what was wrong with the value.
   */
  | { kind: 'check'; label: string; passed: boolean; weight: number; message?: string; detail?: string }
  /** Metrics a cell reported with `report({ … })` (or a leaderboard), for the experiment journal. */
  | { kind: 'report'; metrics: Record<string, number>; label?: string };

/** What the worker reports, in order. */
export type KernelEvent =
  | { type: 'status'; cellId: string; status: CellStatus; error?: CellError; reason?: string }
  /** The complete outputs of a finished (or failed) run; replaces what was shown before. */
  | { type: 'outputs'; cellId: string; outputs: Output[] }
  /** Output a cell produced after its run finished (a `console.log` in a timer, say); appended. */
  | { type: 'append'; cellId: string; outputs: Output[] }
  /**
   * A control's value changed without its cell running again (`const k = view(…)`, see the kernel's
   * `setInput`): the control now shows `spec`; the cells that read its name run next.
   */
  | { type: 'control'; cellId: string; key: InputKey; spec: InputSpec }
  /** A cell finished a run (well or not): why it ran (e.g. "`k` changed") and how long it took. */
  | { type: 'ran'; cellId: string; cause: string; ms: number }
  /** Every queued cell has run. */
  | { type: 'idle' }
  /**
   * The top-level names each cell defines (its declarations and imports), sent whenever the cells
   * change, so the editor can tell each cell about the names the others define; and who reads what.
   */
  | {
      type: 'names';
      defines: Record<string, string[]>;
      /**
       * The dataflow graph's edges: cell `to` reads `names` from cell `from`. Sent with the names,
       * so the page can tell what an exercise waits for and draw the dependency view.
       */
      edges: { from: string; to: string; names: string[] }[];
    };

/** The kernel's side of the protocol, implemented in the worker and reached through Comlink. */
export interface KernelApi {
  /**
   * Register the page's event listener (a `Comlink.proxy`) and tell the kernel where the app is
   * served from, so datasets named in the notebook's front matter can be fetched.
   */
  connect(
    listener: (event: KernelEvent) => void,
    options: { baseUrl: string; datasets: string[] },
  ): Promise<void>;
  /** Load every heavy module the kernel uses, so that a spare worker is ready to run at once. */
  warm(): Promise<void>;
  /** Replace the notebook's cells. Cells whose source changed lose their values; nothing runs. */
  setCells(cells: KernelCell[]): Promise<void>;
  /**
   * Run these cells, their downstream cells, and any upstream cells that have no current value.
   * A request made while others are queued merges with them: each cell runs at most once more,
   * with the newest inputs (latest wins).
   */
  run(ids: string[]): Promise<void>;
  /**
   * Recompute these cells in a fresh worker, and the upstream cells they need, but not the cells
   * downstream of them: the page shows their outputs already, and an interrupted cell downstream
   * must not start again by itself.
   */
  restore(ids: string[]): Promise<void>;
  /**
   * Mark a cell interrupted (its previous worker was stopped while it ran): it is not run again until
   * asked, and the cells downstream of it are stale.
   */
  markInterrupted(id: string): Promise<void>;
  /**
   * A control changed: store its value and re-run what depends on it — only the cells that read
   * its name when it is bound by `const name = view(…)`, else the cell that made it and the cells
   * downstream.
   */
  setInput(key: string, value: InputValue): Promise<void>;
  /** A file the student brought (dropped or chosen), readable in cells as `FileAttachment(name)`. */
  addFile(name: string, data: ArrayBuffer): Promise<void>;
  /** Input values the page remembers, restored into a fresh worker before it runs anything. */
  restoreInputs(values: Record<string, InputValue>): Promise<void>;
  /** Another page of a table shown earlier. */
  tablePage(tableId: string, offset: number, limit: number): Promise<TablePage | undefined>;
}

/** Where the app is served from and which datasets the notebook lists (see {@link KernelApi.connect}). */
export interface KernelConnectOptions {
  baseUrl: string;
  datasets: string[];
}

/**
 * The kernel as the page reaches it in its sandboxed worker (`kernel/worker.ts`), through Comlink:
 * {@link KernelApi}, except that the kernel's events come back as plain messages on a port of their
 * own ({@link KernelMessage}), which the page checks before it believes them. (A Comlink proxy would
 * let the worker call into the page's objects; the kernel runs notebooks from outside, so it gets a
 * port instead.)
 */
export interface KernelWorkerApi extends Omit<KernelApi, 'connect'> {
  /** Register the port the kernel sends its events on, and tell it where the app is served from. */
  connect(events: MessagePort, options: KernelConnectOptions): Promise<void>;
}

/**
 * What the kernel sends on its event port: an event, or a request for a dataset file (the sandbox
 * cannot fetch from the app; the page fetches the files the notebook lists and answers with a
 * {@link HostMessage}).
 */
export type KernelMessage =
  { type: 'event'; event: KernelEvent } | { type: 'fetch'; id: number; url: string };

/** The page's answer to a `fetch` request: the file's bytes and HTTP status, or why it failed. */
export type HostMessage =
  | { type: 'fetched'; id: number; status: number; body: ArrayBuffer }
  | { type: 'fetched'; id: number; error: string };
