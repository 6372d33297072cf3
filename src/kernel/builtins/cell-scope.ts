/**
 * The builtins a cell sees during one run — `display`, `view`, `Inputs`, `console`,
 * `FileAttachment`, `report`, and in check cells `check` — bound to that cell and its output
 * collector.
 */
import { inputKey, type InputKey, type InputValue, type Output } from '../../protocol.ts';
import type { FileAttachment } from './file-attachment.ts';
import { inspect } from '../display/inspect.ts';
import { Inputs, inputSpec, inputValue, isInput, type WorkerInput } from './inputs.ts';
import type { OutputCollector } from '../display/output-collector.ts';
import { isRenderable } from '../display/dom.ts';
import { chartOutput } from '../display/chart-output.ts';
import { isTable } from '../display/table-page.ts';
import { isForecastLeaderboard, leaderboardOutputs } from '../display/leaderboard.ts';
import {
  isRecommenderLeaderboard,
  recommenderLeaderboardOutputs,
} from '../display/recommender-leaderboard.ts';
import type { TableRegistry } from '../display/table-registry.ts';
import { formatLog } from './format-log.ts';
import { makeCheck } from './check.ts';
import { reportOutput, type ReportOptions } from './report.ts';

/** Names the kernel provides to cells (unless a cell defines the same name). */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  'display',
  'view',
  'Inputs',
  'console',
  'FileAttachment',
  'report',
  'check',
]);

/** The name a `view` call binds, as the compiler passes it (see {@link CellScope.view}). */
class BoundName {
  constructor(readonly name: string) {}
}

/** A control whose value a name is bound to: its key and the input that reads page values. */
export interface ViewBindingRecord {
  key: InputKey;
  input: WorkerInput;
}

/** What a {@link CellScope} needs from the kernel. */
export interface CellScopeOptions {
  cellId: string;
  collector: OutputCollector;
  /** Values the page has set on controls, by key. */
  inputs: ReadonlyMap<string, InputValue>;
  tables: TableRegistry;
  fileAttachment: (name: string) => FileAttachment;
  /** Called when output arrives after the run has finished. */
  late: () => void;
  /** `check` for the check cells of exercises: they alone get the `check` builtin. */
  role?: 'check';
}

const TABLE_PAGE = 10;

/** One run's builtins. */
export class CellScope {
  private views = 0;
  private finished = false;
  /** What the last `display` or `report` call returned, and how many outputs the cell had then. */
  private lastShown?: { value: unknown; outputs: number };
  private outputs = 0;

  constructor(private readonly options: CellScopeOptions) {}

  /** Shows a value below the cell: a table, a chart, a control, a leaderboard, or an inspector. */
  display = (value: unknown): unknown => {
    if (isForecastLeaderboard(value)) for (const output of leaderboardOutputs(value)) this.push(output);
    else if (isRecommenderLeaderboard(value))
      for (const output of recommenderLeaderboardOutputs(value)) this.push(output);
    else this.push(this.toOutput(value));
    this.lastShown = { value, outputs: this.outputs };
    return value;
  };

  /**
   * Whether a cell's value is what its last statement already showed: `display(x)` or
   * `report({ … })` as the last expression returns its argument, which would otherwise be shown a
   * second time below the cell.
   */
  alreadyShown(value: unknown): boolean {
    return (
      this.lastShown !== undefined &&
      this.lastShown.outputs === this.outputs &&
      Object.is(this.lastShown.value, value)
    );
  }

  /**
   * Shows a control and returns its current value: what the student last chose, or the control's
   * default. The control's key is the cell and the order of `view` calls in it, so that it stays
   * the same element across re-runs.
   *
   * `view(control, view.as(name))` is what the compiler makes of a `const name = view(…)` (see
   * `runtime/view-bindings.ts`): it also records which name the control's value is bound to, so
   * the kernel can change that value when the control moves without running the cell again.
   */
  view = Object.assign(
    (input: unknown, bound?: unknown): unknown =>
      this.showView(input, bound instanceof BoundName ? bound.name : undefined),
    { as: (name: string) => new BoundName(name) },
  );

  /** The controls bound to names in this run (`const name = view(…)`), by name. */
  readonly bindings = new Map<string, ViewBindingRecord>();

  private showView(input: unknown, name?: string): unknown {
    if (!isInput(input)) {
      throw new TypeError('view() expects a control made with Inputs, e.g. view(Inputs.range([0, 10])).');
    }
    const key = inputKey(this.options.cellId, this.views++);
    const stored = this.options.inputs.get(key);
    const value = inputValue(input, stored);
    const spec = inputSpec(input, stored);
    this.push(name === undefined ? { kind: 'input', key, spec } : { kind: 'input', key, spec, bound: name });
    if (name !== undefined) this.bindings.set(name, { key, input });
    return value;
  }

  private readonly console = {
    log: (...args: unknown[]) => this.log('log', args),
    info: (...args: unknown[]) => this.log('info', args),
    warn: (...args: unknown[]) => this.log('warn', args),
    error: (...args: unknown[]) => this.log('error', args),
    debug: (...args: unknown[]) => this.log('debug', args),
    table: (data: unknown) => this.display(data),
    dir: (value: unknown) => this.display(value),
  };

  /** Hands metrics to the experiment journal and shows them; returns them unchanged. */
  report = (metrics: unknown, options?: ReportOptions): unknown => {
    this.push(reportOutput(metrics, options));
    this.lastShown = { value: metrics, outputs: this.outputs };
    return metrics;
  };

  /** `check` in a check cell; elsewhere a function that says where checks belong. */
  private check(): unknown {
    if (this.options.role === 'check') return makeCheck((output) => this.push(output));
    const misplaced = () => {
      throw new TypeError(
        'check() works only in the check cell of an exercise (a block opened with ```ts check for=<exercise id>).',
      );
    };
    return Object.assign(misplaced, { close: misplaced, equal: misplaced });
  }

  /** The builtins the cell's compiled function asks for, by name. */
  builtins(names: readonly string[]): Record<string, unknown> {
    const all: Record<string, () => unknown> = {
      display: () => this.display,
      view: () => this.view,
      Inputs: () => Inputs,
      console: () => this.console,
      FileAttachment: () => this.options.fileAttachment,
      report: () => this.report,
      check: () => this.check(),
    };
    return Object.fromEntries(names.map((name) => [name, all[name]?.()]));
  }

  /** The run is over: later output is sent on its own. */
  finish(): void {
    this.finished = true;
  }

  private log(level: Extract<Output, { kind: 'log' }>['level'], args: unknown[]) {
    this.push({ kind: 'log', level, text: formatLog(args) });
  }

  private push(output: Output) {
    this.outputs++;
    this.options.collector.push(output);
    if (this.finished) this.options.late();
  }

  private toOutput(value: unknown): Output {
    if (isInput(value)) {
      const key = inputKey(this.options.cellId, this.views++);
      return { kind: 'input', key, spec: inputSpec(value, this.options.inputs.get(key)) };
    }
    if (isTable(value)) {
      const tableId = this.options.tables.add(this.options.cellId, value);
      return { kind: 'table', tableId, page: this.options.tables.page(tableId, 0, TABLE_PAGE)! };
    }
    if (isRenderable(value)) return chartOutput(value);
    return { kind: 'inspect', node: inspect(value) };
  }
}
