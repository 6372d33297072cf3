/**
 * "Why cells re-ran", without DOM: which cells the newest run re-ran, followed across the cells'
 * state changes, and the kernel's reason and run time for each of them.
 *
 * A cell's state keeps only its last finished run (`lastRun`, a new object each time it runs), so
 * {@link trackRuns} tells a new run from one already counted by identity, and takes the runs that
 * finish while the kernel stays busy as one run of the notebook.
 */
import type { CellState } from '../runtime/cell-state.ts';
import type { CellNode, DependencyGraph } from './graph-model.ts';

/** What one cell's last finished run was. */
type LastRun = NonNullable<CellState['lastRun']>;

/**
 * Which cells the newest run re-ran, kept across the cells' state changes by {@link trackRuns}.
 * A run is everything that finished between the kernel leaving idle and going idle again.
 */
export interface RunLog {
  /** The last run seen of each cell, to tell a new run from one already counted. */
  readonly seen: ReadonlyMap<string, LastRun>;
  /** The cells of the newest run, in the order they finished (each once, at its last finish). */
  readonly cells: readonly string[];
  /** The kernel was busy when last seen: a cell that finishes now belongs to the same run. */
  readonly open: boolean;
}

export const EMPTY_RUN_LOG: RunLog = { seen: new Map(), cells: [], open: false };

/**
 * The run log after the cells' states changed. A cell whose last run is a new one (the kernel's
 * `ran` event makes a new object) joins the newest run, or starts a new one when the last had
 * ended. The first look counts every cell that has run as the newest run, so a panel opened late
 * still says why each cell last ran.
 */
export function trackRuns(log: RunLog, states: ReadonlyMap<string, CellState>, busy: boolean): RunLog {
  const seen = new Map<string, LastRun>();
  const ran: string[] = [];
  for (const [id, state] of states) {
    if (!state.lastRun) continue;
    seen.set(id, state.lastRun);
    if (log.seen.get(id) !== state.lastRun) ran.push(id);
  }
  // Cells that left, or whose run was forgotten (a notebook opened again), leave the list.
  const kept = log.cells.filter((id) => seen.get(id) === log.seen.get(id) && seen.has(id));
  let cells = kept;
  if (ran.length > 0) {
    const earlier = log.open ? kept.filter((id) => !ran.includes(id)) : [];
    cells = [...earlier, ...ran];
  }
  return { seen, cells, open: busy && (ran.length > 0 || log.open) };
}

/** One row of "Why cells re-ran". */
export interface RerunReason {
  node: CellNode;
  /** The kernel's cause, with names in backticks (shown as code). */
  cause: string;
  ms: number;
}

/** The rows of "Why cells re-ran" for the newest run, in the order the cells finished. */
export function rerunReasons(
  graph: DependencyGraph,
  log: RunLog,
  states: ReadonlyMap<string, CellState>,
): RerunReason[] {
  return log.cells.flatMap((cellId) => {
    const node = graph.byId.get(`cell:${cellId}`);
    const run = states.get(cellId)?.lastRun;
    return node?.kind === 'cell' && run ? [{ node, cause: run.cause, ms: run.ms }] : [];
  });
}
