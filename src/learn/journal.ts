/**
 * The experiment journal: each time a cell that reports metrics (`report({ … })`, or a leaderboard)
 * settles, a run is recorded with the values of the notebook's controls and a hash of the code that
 * fed it. Plain data and pure functions (naming runs by what varied, comparing two, a sensitivity
 * curve, CSV), so the panel, the store and the tests agree; stored per notebook by `ui/journal-store.ts`.
 */
import type { CellStatus, InputSpec, Output } from '../protocol.ts';
import { upstreamOf, type GraphEdge } from './upstream.ts';

/** A control's value as the student sees it: choices are their selected option labels, joined. */
export type ParamValue = number | boolean | string;

/** One recorded run. */
export interface JournalRun {
  id: string;
  /** When the run settled (ISO time). */
  time: string;
  /** The reporting cell. */
  cellId: string;
  /** The report's label (`report({ … }, { label })`; a leaderboard's is `leaderboard`). */
  label?: string;
  /** Every control of the notebook, by its label (else its bound name, else `control N`). */
  params: Record<string, ParamValue>;
  metrics: Record<string, number>;
  /** FNV-1a (8 hex digits) of the sources of the reporting cell and every cell upstream of it. */
  codeHash: string;
  /** Kept when old runs are dropped, and shown first. */
  pinned?: boolean;
}

/** A cell as the journal looks at it when the kernel goes idle. */
export interface SettledCell {
  id: string;
  source: string;
  status: CellStatus;
  outputs: readonly Output[];
  /**
   * Whether the cell ran since the journal last looked. A cell that did not run still shows what it
   * reported before, which is not a new run even if a control it does not read has moved.
   */
  ran: boolean;
}

/** Most runs kept per notebook; beyond it the oldest unpinned runs are dropped. */
export const JOURNAL_CAP = 5000;

/** 32-bit FNV-1a of the text's UTF-16 code units, as 8 hex digits: short, stable, not cryptographic. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The value a control shows: a number, a switch, text, or the labels of the selected options. */
export function controlValue(spec: InputSpec): ParamValue {
  if ('selected' in spec) return spec.selected.map((i) => spec.options[i] ?? `option ${i + 1}`).join(', ');
  return spec.value;
}

/**
 * The notebook's controls and their values, in notebook order. A control is named by its label,
 * else the name it is bound to, else `control N` (its position among the controls); a name taken
 * already gets ` (2)`, ` (3)`, ….
 */
export function notebookParams(cells: readonly Pick<SettledCell, 'outputs'>[]): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  let n = 0;
  for (const cell of cells) {
    for (const output of cell.outputs) {
      if (output.kind !== 'input') continue;
      n++;
      const base = output.spec.label?.trim() || output.bound || `control ${n}`;
      let name = base;
      for (let k = 2; name in params; k++) name = `${base} (${k})`;
      params[name] = controlValue(output.spec);
    }
  }
  return params;
}

/** The short hash of a cell's code and the code upstream of it (independent of cell order and ids). */
export function codeHash(
  cells: readonly Pick<SettledCell, 'id' | 'source'>[],
  edges: readonly GraphEdge[],
  id: string,
): string {
  const ids = new Set([id, ...upstreamOf(edges, id)]);
  const sources = cells.filter((c) => ids.has(c.id)).map((c) => c.source);
  return fnv1a(sources.sort().join('\u0000'));
}

/**
 * The runs to add when the kernel goes idle: for every cell that ran since the journal last looked,
 * finished without error and reported metrics, one run per report label (reports with the same
 * label in one cell are merged, later metrics winning) — unless the journal's last run for that
 * cell and label has the same params, metrics and code hash. So an idle without changes adds
 * nothing, and moving a slider across ten values adds ten runs.
 */
export function settledRuns(
  cells: readonly SettledCell[],
  edges: readonly GraphEdge[],
  journal: readonly JournalRun[],
  stamp: { time: string; id: (n: number) => string },
): JournalRun[] {
  const added: JournalRun[] = [];
  let params: Record<string, ParamValue> | undefined;
  for (const cell of cells) {
    if (!cell.ran || cell.status !== 'ok') continue;
    const reports = new Map<string | undefined, Record<string, number>>();
    for (const output of cell.outputs) {
      if (output.kind === 'report') {
        reports.set(output.label, { ...reports.get(output.label), ...output.metrics });
      }
    }
    if (reports.size === 0) continue;
    params ??= notebookParams(cells);
    const hash = codeHash(cells, edges, cell.id);
    for (const [label, metrics] of reports) {
      const run: JournalRun = {
        id: stamp.id(added.length),
        time: stamp.time,
        cellId: cell.id,
        ...(label !== undefined ? { label } : {}),
        params,
        metrics,
        codeHash: hash,
      };
      const last = findLast(journal, (r) => r.cellId === cell.id && r.label === label);
      if (!last || !sameRun(last, run)) added.push(run);
    }
  }
  return added;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}

function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && Object.is(a[k], b[k]));
}

/** Whether two runs record the same thing (time, id and pin aside). */
export function sameRun(a: JournalRun, b: JournalRun): boolean {
  return (
    a.cellId === b.cellId &&
    a.label === b.label &&
    a.codeHash === b.codeHash &&
    sameValues(a.params, b.params) &&
    sameValues(a.metrics, b.metrics)
  );
}

/** Keeps at most `cap` runs, dropping the oldest unpinned ones (pinned runs are always kept). */
export function capRuns(runs: readonly JournalRun[], cap = JOURNAL_CAP): JournalRun[] {
  let excess = runs.length - cap;
  if (excess <= 0) return [...runs];
  return runs.filter((run) => run.pinned || excess-- <= 0);
}

/** The names of the runs' params, or metrics, in order of first appearance. */
export function paramNames(runs: readonly JournalRun[]): string[] {
  return names(runs, (r) => r.params);
}
export function metricNames(runs: readonly JournalRun[]): string[] {
  return names(runs, (r) => r.metrics);
}
function names(runs: readonly JournalRun[], of: (r: JournalRun) => object): string[] {
  const found = new Set<string>();
  for (const run of runs) for (const name of Object.keys(of(run))) found.add(name);
  return [...found];
}

/** The params whose value is not the same in every run (missing in some counts as differing). */
export function varyingParams(runs: readonly JournalRun[]): string[] {
  return paramNames(runs).filter((name) => {
    const first = runs[0]?.params[name];
    return runs.some((r) => !Object.is(r.params[name], first));
  });
}

/** Params that hold a number in some run: what a sensitivity curve can use as its x. */
export function numericParams(runs: readonly JournalRun[]): string[] {
  return paramNames(runs).filter((name) => runs.some((r) => typeof r.params[name] === 'number'));
}

/** A value as the journal writes it: numbers to 6 significant digits. */
export function formatValue(value: ParamValue | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return String(value);
}

/**
 * Every run's name, in order: its varying params (`k = 12, model = ets`), or `run N` (its place in
 * the journal, from 1) when nothing varies or the run has none of them.
 */
export function runNames(runs: readonly JournalRun[], varying = varyingParams(runs)): string[] {
  return runs.map((run, i) => {
    const parts = varying.filter((p) => p in run.params).map((p) => `${p} = ${formatValue(run.params[p])}`);
    return parts.length > 0 ? parts.join(', ') : `run ${i + 1}`;
  });
}

/** One run's name among `runs` (see {@link runNames}). */
export function runName(run: JournalRun, runs: readonly JournalRun[]): string {
  const i = runs.indexOf(run);
  return runNames(i < 0 ? [...runs, run] : runs)[i < 0 ? runs.length : i];
}

/** A point of a sensitivity curve: the param's value, the metric's, and the run it came from. */
export interface SensitivityPoint {
  x: number;
  y: number;
  id: string;
  time: string;
}

/**
 * The metric against a numeric param, sorted by the param: one point per value (the latest run at
 * that value), from the runs where the param is a number and the metric a finite number.
 */
export function sensitivity(runs: readonly JournalRun[], param: string, metric: string): SensitivityPoint[] {
  const byX = new Map<number, SensitivityPoint>();
  for (const run of runs) {
    const x = run.params[param];
    const y = run.metrics[metric];
    if (typeof x !== 'number' || !Number.isFinite(x) || typeof y !== 'number' || !Number.isFinite(y))
      continue;
    const old = byX.get(x);
    if (!old || old.time <= run.time) byX.set(x, { x, y, id: run.id, time: run.time });
  }
  return [...byX.values()].sort((a, b) => a.x - b.x);
}

/** A row of a side-by-side comparison. */
export interface CompareRow {
  kind: 'param' | 'metric' | 'code';
  name: string;
  a?: ParamValue;
  b?: ParamValue;
  differs: boolean;
}

/** Two runs side by side: each param, each metric, then the code hash; `differs` marks differences. */
export function compareRuns(a: JournalRun, b: JournalRun): CompareRow[] {
  const row = (kind: CompareRow['kind'], name: string, x?: ParamValue, y?: ParamValue): CompareRow => ({
    kind,
    name,
    a: x,
    b: y,
    differs: !Object.is(x, y),
  });
  return [
    ...paramNames([a, b]).map((n) => row('param', n, a.params[n], b.params[n])),
    ...metricNames([a, b]).map((n) => row('metric', n, a.metrics[n], b.metrics[n])),
    row('code', 'code', a.codeHash, b.codeHash),
  ];
}

/** One CSV field, quoted when it holds a comma, quote, line break or edge space (RFC 4180). */
function csvField(value: ParamValue | undefined): string {
  if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The journal as CSV: time, cell, label, each param, each metric, codeHash; one line per run. */
export function journalCsv(runs: readonly JournalRun[]): string {
  const params = paramNames(runs);
  const metrics = metricNames(runs);
  const lines = [['time', 'cell', 'label', ...params, ...metrics, 'codeHash'].map(csvField).join(',')];
  for (const run of runs) {
    lines.push(
      [
        run.time,
        run.cellId,
        run.label,
        ...params.map((p) => run.params[p]),
        ...metrics.map((m) => run.metrics[m]),
        run.codeHash,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** Reads stored runs, dropping what is malformed instead of failing. */
export function readRuns(value: unknown): JournalRun[] {
  const list = typeof value === 'object' && value !== null ? (value as { runs?: unknown }).runs : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown): JournalRun[] => {
    if (typeof item !== 'object' || item === null) return [];
    const r = item as Partial<JournalRun>;
    if (typeof r.id !== 'string' || typeof r.cellId !== 'string' || typeof r.time !== 'string') return [];
    const params: Record<string, ParamValue> = {};
    for (const [k, v] of Object.entries(r.params ?? {})) {
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') params[k] = v;
    }
    const metrics: Record<string, number> = {};
    for (const [k, v] of Object.entries(r.metrics ?? {})) if (typeof v === 'number') metrics[k] = v;
    return [
      {
        id: r.id,
        time: r.time,
        cellId: r.cellId,
        ...(typeof r.label === 'string' ? { label: r.label } : {}),
        params,
        metrics,
        codeHash: typeof r.codeHash === 'string' ? r.codeHash : '',
        ...(r.pinned === true ? { pinned: true } : {}),
      },
    ];
  });
}
