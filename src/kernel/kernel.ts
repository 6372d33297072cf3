/**
 * The kernel: keeps a notebook's cells, their analysis and values, and runs them through the
 * dataflow scheduler. It implements {@link KernelApi}; `worker.ts` only exposes it with Comlink.
 * It uses no browser API beyond `fetch`, so Node tests drive it directly.
 */
import {
  parseInputKey,
  type CellError,
  type InputValue,
  type KernelApi,
  type KernelCell,
  type KernelEvent,
  type TablePage,
} from '../protocol.ts';
import {
  analyzeCell,
  buildGraph,
  cellSourceUrl,
  compileCell,
  mapStackPosition,
  Scheduler,
  type AnalyzedCell,
  type CellAnalysis,
  type CompiledCellFunction,
  type DataflowGraph,
  type ExecuteResult,
  type GraphCell,
  type ImportBinding,
  type RunToken,
} from '../runtime/index.ts';
import { fileAttachments, type FetchFile } from './builtins/file-attachment.ts';
import { importModule } from './modules.ts';
import { OutputCollector } from './display/output-collector.ts';
import { CellScope, BUILTIN_NAMES, type ViewBindingRecord } from './builtins/cell-scope.ts';
import { TableRegistry } from './display/table-registry.ts';
import { installPlotDocument } from './display/dom.ts';
import { RunCauses } from './run-causes.ts';

/** Options of a {@link Kernel}. */
export interface KernelOptions {
  /** How datasets are fetched; defaults to the global `fetch`. */
  fetchFile?: FetchFile;
}

interface CellRecord {
  id: string;
  source: string;
  role?: 'check';
  analysis: CellAnalysis;
  /** The compiled cell, cached for the refs/builtins it was compiled with. */
  compiled?: { key: string; code: string; fn: CompiledCellFunction };
  /** The cell's top-level definitions from its last successful run. */
  defs?: Record<string, unknown>;
  /** The collector of the current run, which late output (timers) is added to. */
  collector?: OutputCollector;
  /** Names bound to controls by the last successful run (`const k = view(…)`), by name. */
  bindings?: ReadonlyMap<string, ViewBindingRecord>;
}

export class Kernel implements KernelApi {
  private listener: (event: KernelEvent) => void = () => {};
  private baseUrl = 'http://localhost/';
  private datasets: string[] = [];
  /** Files the student brought, by name. */
  private readonly files = new Map<string, ArrayBuffer>();
  private cells = new Map<string, CellRecord>();
  private graph: DataflowGraph = buildGraph([]);
  /** Names cells bind by the same import, resolved by the kernel itself (see splitSharedImports). */
  private sharedImports = new Map<string, ImportBinding>();
  private readonly scheduler: Scheduler;
  private readonly inputs = new Map<string, InputValue>();
  private readonly tables = new TableRegistry();
  private readonly fetchFile: FetchFile;
  private readonly causes = new RunCauses();

  constructor(options: KernelOptions = {}) {
    this.fetchFile = options.fetchFile ?? ((url) => fetch(url));
    installPlotDocument();
    this.scheduler = new Scheduler({
      graph: this.graph,
      execute: (id, token) => this.execute(id, token),
      hasValue: (id) => this.cells.get(id)?.defs !== undefined,
      onStatus: (cellId, status, detail) =>
        this.emit({
          type: 'status',
          cellId,
          status,
          ...(detail?.error ? { error: detail.error } : {}),
          ...(detail?.reason ? { reason: detail.reason } : {}),
        }),
      onIdle: () => this.emit({ type: 'idle' }),
    });
  }

  async connect(listener: (event: KernelEvent) => void, options: { baseUrl: string; datasets: string[] }) {
    this.listener = listener;
    this.baseUrl = options.baseUrl;
    this.datasets = options.datasets;
  }

  async warm() {
    await Promise.all(['arquero', '@observablehq/plot'].map((m) => importModule(m)));
  }

  async setCells(cells: KernelCell[]) {
    const next = new Map<string, CellRecord>();
    const changed: string[] = [];
    for (const { id, source, role } of cells) {
      const old = this.cells.get(id);
      if (old && old.source === source && old.role === role) next.set(id, old);
      else {
        next.set(id, { id, source, role, analysis: analyzeCell(source) });
        changed.push(id);
        this.causes.forget(id);
      }
    }
    this.cells = next;
    const { graphCells, sharedImports } = splitSharedImports(cells.map(({ id }) => next.get(id)!));
    this.sharedImports = sharedImports;
    this.graph = buildGraph(graphCells);
    this.scheduler.setGraph(this.graph, changed);
    const defines: Record<string, string[]> = {};
    for (const { id, analysis } of next.values()) defines[id] = analysis.ok ? analysis.defines : [];
    const edges = this.graph.cells.flatMap(({ id: to }) =>
      this.graph.upstream(to).map((from) => ({ from, to, names: [...this.graph.names(from, to)] })),
    );
    this.emit({ type: 'names', defines, edges });
  }

  async run(ids: string[]) {
    const known = ids.filter((id) => this.cells.has(id));
    this.causes.request(known);
    await this.scheduler.request(known);
  }

  async restore(ids: string[]) {
    const known = ids.filter((id) => this.cells.has(id));
    this.causes.request(known, 'recomputed after the kernel restarted');
    await this.scheduler.request(known, { downstream: false });
  }

  async markInterrupted(id: string) {
    this.scheduler.markInterrupted(id);
  }

  /**
   * A control moved. When its value is bound to a name (`const k = view(…)`) that its cell uses
   * nowhere else, the control is a node of its own: the name takes the new value and only the cells
   * that read it re-run, as with Observable's `viewof`. Otherwise the cell that made the control
   * re-runs, and everything downstream.
   */
  async setInput(key: string, value: InputValue) {
    this.inputs.set(key, value);
    const cellId = parseInputKey(key)?.cellId;
    const record = cellId === undefined ? undefined : this.cells.get(cellId);
    if (!record) return;
    const name = this.boundName(record, key);
    if (name === undefined) {
      this.causes.request([record.id], 'its control changed');
      return this.scheduler.request([record.id]);
    }
    const binding = record.bindings!.get(name)!;
    const spec = binding.input.spec(value);
    this.emit({ type: 'control', cellId: record.id, key: binding.key, spec });
    const next = binding.input.valueOf(value);
    if (Object.is(next, record.defs![name])) return;
    record.defs = { ...record.defs, [name]: next };
    const readers = this.graph
      .downstream(record.id)
      .filter((id) => this.graph.names(record.id, id).includes(name));
    this.causes.publish([name]);
    await this.scheduler.request(readers);
  }

  /**
   * The name a control's value is bound to, when the kernel can change it without re-running the
   * cell: the cell's last run succeeded with this control bound, and the cell is not waiting to
   * run again (then the run reads the stored value anyway).
   */
  private boundName(record: CellRecord, key: string): string | undefined {
    if (record.defs === undefined || this.scheduler.statusOf(record.id) !== 'ok') return undefined;
    for (const [name, binding] of record.bindings ?? []) if (binding.key === key) return name;
    return undefined;
  }

  async addFile(name: string, data: ArrayBuffer) {
    this.files.set(name, data);
  }

  async restoreInputs(values: Record<string, InputValue>) {
    for (const [key, value] of Object.entries(values)) this.inputs.set(key, value);
  }

  async tablePage(tableId: string, offset: number, limit: number): Promise<TablePage | undefined> {
    return this.tables.page(tableId, offset, limit);
  }

  /**
   * An error no cell caught: thrown in a timer or an unawaited promise after the cell's run ended.
   * The stack names the cell's script (`dplab-cell-<id>.js`), so the error is shown under that cell.
   * Returns whether a cell was found for it.
   */
  reportUncaught(error: unknown): boolean {
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    const record = [...this.cells.values()].find((r) => stack.includes(`${cellSourceUrl(r.id)}:`));
    if (!record?.analysis.ok || !record.compiled) return false;
    const { name, message, position } = toCellError(error, record.id, record.analysis, record.compiled.code);
    const at = position ? ` (line ${position.line})` : '';
    this.emit({
      type: 'append',
      cellId: record.id,
      outputs: [{ kind: 'log', level: 'error', text: `Uncaught ${name}${at}: ${message}` }],
    });
    return true;
  }

  private emit(event: KernelEvent) {
    this.listener(event);
  }

  /** Which of a cell's free names come from other cells, and which are builtins. */
  private bindings(analysis: AnalyzedCell) {
    const refs = analysis.references.filter(
      (name) => this.graph.definer.has(name) || this.sharedImports.has(name),
    );
    const builtins = analysis.references.filter((name) => BUILTIN_NAMES.has(name) && !refs.includes(name));
    return { refs, builtins };
  }

  private compileKey(record: CellRecord): string | undefined {
    if (!record.analysis.ok) return undefined;
    const { refs, builtins } = this.bindings(record.analysis);
    return `${refs.join(',')}|${builtins.join(',')}|${refs.map((n) => this.graph.definer.get(n) ?? 'import').join(',')}`;
  }

  /**
   * Runs one cell (the scheduler decides when), then says why it ran and how long it took, and
   * publishes its names' new values.
   */
  private async execute(id: string, token: RunToken): Promise<ExecuteResult> {
    const record = this.cells.get(id);
    const reads = record?.analysis.ok ? this.bindings(record.analysis).refs : [];
    const cause = this.causes.begin(
      id,
      reads.filter((name) => this.graph.definer.has(name)),
    );
    const started = performance.now();
    const result = await this.runCell(id, token);
    if (token.superseded()) return result;
    if (result === 'ok') this.causes.publish(this.graph.cells[this.graph.position(id) - 1]?.defines ?? []);
    this.emit({ type: 'ran', cellId: id, cause, ms: performance.now() - started });
    return result;
  }

  private async runCell(id: string, token: RunToken): Promise<ExecuteResult> {
    const record = this.cells.get(id);
    if (!record) return 'error';
    const { analysis } = record;
    if (!analysis.ok) {
      this.emit({ type: 'outputs', cellId: id, outputs: [] });
      return { error: analysis.error };
    }
    const { refs, builtins } = this.bindings(analysis);
    const reassigned = analysis.assignsToFree.filter((name) => this.graph.definer.has(name));
    if (reassigned.length > 0) {
      const name = reassigned[0];
      this.emit({ type: 'outputs', cellId: id, outputs: [] });
      return {
        error: {
          name: 'DataflowError',
          message: `This cell assigns to \`${name}\`, which another cell defines. Cells may only read each other's names: define a new name here (e.g. \`const ${name}2 = …\`) or change \`${name}\` in the cell that defines it.`,
        },
      };
    }

    const fromCheck = refs.find(
      (name) => this.cells.get(this.graph.definer.get(name) ?? '')?.role === 'check',
    );
    if (fromCheck !== undefined) {
      this.emit({ type: 'outputs', cellId: id, outputs: [] });
      const at = this.graph.position(this.graph.definer.get(fromCheck)!);
      return {
        error: {
          name: 'DataflowError',
          message: `This cell reads \`${fromCheck}\`, which the check cell ${at} defines. A check cell's names are its own; define \`${fromCheck}\` in a regular cell.`,
        },
      };
    }

    const key = this.compileKey(record)!;
    if (record.compiled?.key !== key) {
      const code = compileCell(analysis, { refs, builtins, id });
      try {
        record.compiled = { key, code, fn: (0, eval)(code) as CompiledCellFunction };
      } catch (error) {
        this.emit({ type: 'outputs', cellId: id, outputs: [] });
        return { error: toCellError(error, id, analysis, code) };
      }
    }

    const refValues: Record<string, unknown> = {};
    for (const name of refs) {
      const shared = this.sharedImports.get(name);
      refValues[name] = shared
        ? await importBinding(shared)
        : this.cells.get(this.graph.definer.get(name)!)?.defs?.[name];
    }

    const collector = new OutputCollector();
    record.collector = collector;
    const scope = new CellScope({
      cellId: id,
      collector,
      inputs: this.inputs,
      tables: this.tables,
      fileAttachment: fileAttachments(this.baseUrl, this.datasets, this.fetchFile, this.files),
      role: record.role,
      // Output made after the run ended (a timer, a resolved promise) is appended to the cell.
      late: () => {
        if (record.collector !== collector || token.superseded()) return;
        const outputs = collector.drain();
        if (outputs.length) this.emit({ type: 'append', cellId: id, outputs });
      },
    });
    this.tables.release(id);
    const compiled = record.compiled!;
    let result: Awaited<ReturnType<CompiledCellFunction>>;
    try {
      result = await compiled.fn(refValues, scope.builtins(builtins), importModule);
    } catch (error) {
      scope.finish();
      if (token.superseded()) return 'ok';
      record.defs = undefined;
      this.emit({ type: 'outputs', cellId: id, outputs: collector.result() });
      return { error: toCellError(error, id, analysis, compiled.code) };
    }
    if (token.superseded()) {
      scope.finish();
      return 'ok';
    }
    // A check cell's last `check(…)` returns a boolean; its checks are what it shows.
    if (
      analysis.hasValue &&
      result.value !== undefined &&
      record.role !== 'check' &&
      !scope.alreadyShown(result.value)
    )
      scope.display(result.value);
    scope.finish();
    record.defs = result.defs;
    record.bindings = scope.bindings;
    this.emit({ type: 'outputs', cellId: id, outputs: collector.result() });
    return 'ok';
  }
}

/** An error thrown by a cell, with its position mapped back into the cell's source. */
function toCellError(error: unknown, id: string, analysis: AnalyzedCell, code: string): CellError {
  if (error instanceof Error) {
    const position = error.stack ? mapStackPosition(error.stack, id, analysis, code) : undefined;
    return { name: error.name, message: error.message, ...(position ? { position } : {}) };
  }
  return { name: 'Error', message: `The cell threw a non-error value: ${String(error)}` };
}

/**
 * The cells as the dataflow graph sees them, and the names that are shared imports.
 *
 * Students import the same module in several cells, so a name that every cell defining it binds
 * by the same import (`import * as Plot from '@observablehq/plot'`) is not a duplicate definition.
 * Nor is it an edge of the graph: the module is the same object whoever imports it, so the kernel
 * resolves such a name itself, and re-running the importing cell (one that also reads a slider,
 * say) does not re-run every cell that uses the module.
 */
function splitSharedImports(records: CellRecord[]) {
  const bindings = new Map<string, Set<string>>();
  const first = new Map<string, ImportBinding>();
  const otherwise = new Set<string>();
  for (const { analysis } of records) {
    if (!analysis.ok) continue;
    const imported = new Set(analysis.importBindings.map((b) => b.local));
    for (const b of analysis.importBindings) {
      if (!bindings.has(b.local)) bindings.set(b.local, new Set());
      bindings.get(b.local)!.add(`${b.source}\0${b.imported}`);
      if (!first.has(b.local)) first.set(b.local, b);
    }
    for (const name of analysis.defines) if (!imported.has(name)) otherwise.add(name);
  }
  const sharedImports = new Map(
    [...first].filter(([name]) => bindings.get(name)!.size === 1 && !otherwise.has(name)),
  );
  const graphCells = records.map(({ id, analysis }): GraphCell =>
    analysis.ok
      ? {
          id,
          defines: analysis.defines.filter((n) => !sharedImports.has(n)),
          references: analysis.references,
        }
      : { id, defines: [], references: [] },
  );
  return { graphCells, sharedImports };
}

/** The value an import binding gives: the module (`*`), its default export, or a named export. */
async function importBinding({ source, imported }: ImportBinding): Promise<unknown> {
  const module = (await importModule(source)) as Record<string, unknown>;
  return imported === '*' ? module : module[imported];
}
