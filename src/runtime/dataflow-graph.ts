import type { CellError } from '../protocol.ts';
import { findCycles } from './find-cycles.ts';

/** A cell as the graph sees it: its id and the names it defines and references. */
export interface GraphCell {
  id: string;
  defines: readonly string[];
  references: readonly string[];
}

/**
 * How a notebook's cells depend on each other. Cell B depends on cell A (an edge A → B) when B
 * references a name A defines. Build one with {@link buildGraph}; it does not change afterwards.
 */
export interface DataflowGraph {
  /** The cells, in notebook order. */
  readonly cells: readonly GraphCell[];
  /** Name → the id of the cell defining it, for names defined by exactly one cell. */
  readonly definer: ReadonlyMap<string, string>;
  /** Name → ids of the cells defining it (in notebook order), for names defined more than once. */
  readonly duplicates: ReadonlyMap<string, readonly string[]>;
  /** Each cell on a cycle → the shortest cycle through it, as ids starting with that cell. */
  readonly cycles: ReadonlyMap<string, readonly string[]>;
  /** Cell id → its `DataflowError` (duplicate definitions and cycles). Such cells cannot run. */
  readonly errors: ReadonlyMap<string, CellError>;
  /** Every cell without an error, upstream before downstream, otherwise in notebook order. */
  readonly order: readonly string[];
  /** Whether the graph has a cell with this id. */
  has(id: string): boolean;
  /** The cell's 1-based position in the notebook, as messages show it (0 for an unknown id). */
  position(id: string): number;
  /** Cells this cell references names from (direct edges), in notebook order. */
  upstream(id: string): readonly string[];
  /** Cells that reference names this cell defines (direct edges), in notebook order. */
  downstream(id: string): readonly string[];
  /** The names `to` references that `from` defines. */
  names(from: string, to: string): readonly string[];
}

/** `cells 2 and 5`, `cells 2, 5 and 7`. */
function cellList(positions: readonly number[]): string {
  const numbers = positions.map(String);
  const last = numbers.pop();
  return numbers.length ? `cells ${numbers.join(', ')} and ${last}` : `cell ${last}`;
}

/**
 * Builds the dataflow graph of a notebook's cells, given in notebook order.
 *
 * 1. Index who defines what. A name defined by several cells is an error on each of them; cells
 *    that reference it get an edge from every definer, so they go stale rather than run with an
 *    arbitrary one.
 * 2. Add an edge for every reference to a defined name. References to undefined names are globals
 *    or builtins, and a cell's references to its own names are ignored.
 * 3. Find cycles with Tarjan's algorithm; each cell on one gets an error showing the cycle.
 * 4. Order the cells without errors topologically with Kahn's algorithm, always taking the
 *    earliest ready cell in notebook order, so independent cells run top to bottom. Edges from
 *    cells with errors are ignored here; the scheduler makes their dependents stale.
 */
export function buildGraph(cells: readonly GraphCell[]): DataflowGraph {
  const index = new Map(cells.map((cell, i) => [cell.id, i]));
  const byPosition = (a: string, b: string): number => (index.get(a) ?? 0) - (index.get(b) ?? 0);

  // 1. Definitions.
  const definers = new Map<string, string[]>();
  for (const cell of cells) {
    for (const name of new Set(cell.defines)) definers.set(name, [...(definers.get(name) ?? []), cell.id]);
  }
  const definer = new Map<string, string>();
  const duplicates = new Map<string, readonly string[]>();
  for (const [name, ids] of definers) {
    if (ids.length === 1) definer.set(name, ids[0]);
    else duplicates.set(name, ids);
  }

  // 2. Edges, with the names that flow along them.
  const inputs = new Map<string, Map<string, string[]>>(cells.map((cell) => [cell.id, new Map()]));
  const outputs = new Map<string, Set<string>>(cells.map((cell) => [cell.id, new Set()]));
  for (const cell of cells) {
    for (const name of new Set(cell.references)) {
      for (const from of definers.get(name) ?? []) {
        if (from === cell.id) continue;
        const edge = inputs.get(cell.id);
        edge?.set(from, [...(edge.get(from) ?? []), name]);
        outputs.get(from)?.add(cell.id);
      }
    }
  }
  const upstreamOf = new Map([...inputs].map(([id, edge]) => [id, [...edge.keys()].sort(byPosition)]));
  const downstreamOf = new Map([...outputs].map(([id, set]) => [id, [...set].sort(byPosition)]));
  const position = (id: string): number => (index.get(id) ?? -1) + 1;
  const names = (from: string, to: string): readonly string[] => inputs.get(to)?.get(from) ?? [];

  // Errors: each cell can have several; their messages are joined, one per line.
  const messages = new Map<string, string[]>();
  const addError = (id: string, message: string): void => {
    messages.set(id, [...(messages.get(id) ?? []), message]);
  };
  for (const [name, ids] of duplicates) {
    const message = `${name} is defined by more than one cell (${cellList(ids.map(position))}); rename one of them`;
    for (const id of ids) addError(id, message);
  }

  // 3. Cycles.
  const ids = cells.map((cell) => cell.id);
  const cycles = findCycles(ids, (id) => downstreamOf.get(id) ?? []);
  for (const [id, cycle] of cycles) {
    const steps = cycle.map((from, i) => {
      const to = cycle[(i + 1) % cycle.length];
      return `cell ${position(from)} (${names(from, to).join(', ')})`;
    });
    addError(id, `circular definition: ${steps.join(' → ')} → cell ${position(id)}`);
  }
  const errors = new Map<string, CellError>(
    [...messages].map(([id, lines]) => [id, { name: 'DataflowError', message: lines.join('\n') }]),
  );

  // 4. Topological order (Kahn), ready cells taken in notebook order.
  const remaining = new Map<string, number>();
  for (const id of ids) {
    if (errors.has(id)) continue;
    remaining.set(id, (upstreamOf.get(id) ?? []).filter((from) => !errors.has(from)).length);
  }
  const order: string[] = [];
  const ready = ids.filter((id) => remaining.get(id) === 0);
  for (;;) {
    ready.sort(byPosition);
    const id = ready.shift();
    if (id === undefined) break;
    order.push(id);
    for (const next of downstreamOf.get(id) ?? []) {
      const count = remaining.get(next);
      if (count === undefined) continue;
      remaining.set(next, count - 1);
      if (count === 1) ready.push(next);
    }
  }

  return {
    cells,
    definer,
    duplicates,
    cycles,
    errors,
    order,
    has: (id) => index.has(id),
    position,
    upstream: (id) => upstreamOf.get(id) ?? [],
    downstream: (id) => downstreamOf.get(id) ?? [],
    names,
  };
}

/** Follows edges from `ids` with `next`, returning every cell reached (not `ids` themselves). */
function reach(ids: Iterable<string>, next: (id: string) => readonly string[]): Set<string> {
  const start = new Set(ids);
  const found = new Set<string>();
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    for (const other of next(queue[i])) {
      if (found.has(other) || start.has(other)) continue;
      found.add(other);
      queue.push(other);
    }
  }
  return found;
}

/**
 * Every cell downstream of `ids`, directly or transitively, including cells with errors (they
 * still need to show that they did not run). The cells in `ids` are not included, even when they
 * lie on a cycle.
 */
export function descendants(graph: DataflowGraph, ids: Iterable<string>): Set<string> {
  return reach(ids, (id) => graph.downstream(id));
}

/** Every cell upstream of `ids`, directly or transitively, including cells with errors; not `ids`. */
export function ancestors(graph: DataflowGraph, ids: Iterable<string>): Set<string> {
  return reach(ids, (id) => graph.upstream(id));
}
