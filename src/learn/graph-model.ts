/**
 * The dependency view's data, without DOM: the notebook's dataflow graph as nodes (cells, and the
 * controls they make) and links (the names one reads from another), what re-runs when a node
 * changes, and the words that describe a node. Which cells the newest run re-ran, and why, is in
 * `run-log.ts`.
 *
 * A control bound to a name (`const k = view(Inputs.range(…))`) is a node of its own, as in
 * Observable's `viewof`: moving it re-runs only the cells that read `k`, not the cell that made it,
 * so the edges the kernel reports from that cell for `k` start at the control instead. A control
 * that is not bound re-runs its own cell, so it points at that cell.
 */
import type { Notebook } from '../notebook/notebook.ts';
import type { CellStatus, InputKey, InputSpec } from '../protocol.ts';
import type { CellState } from '../runtime/cell-state.ts';
import type { ExerciseState, ExerciseStatus } from './exercise-state.ts';
import { cellRole, type Exercise } from './exercises.ts';
import { runnableCells } from './notebook-cells.ts';
import type { GraphEdge } from './upstream.ts';

/** A cell of the graph. */
export interface CellNode {
  kind: 'cell';
  /** `cell:<cellId>`, so it cannot clash with an input's id. */
  id: string;
  cellId: string;
  /** The cell's number as the page shows it (`[3]`). */
  number: number;
  /** What the node shows: the exercise's title, the first names the cell defines, or its first line. */
  label: string;
  /** The label is a line of code (the cell defines no name we know of). */
  code: boolean;
  /** The names the cell defines (see {@link GraphSource.defines}). */
  names: readonly string[];
  role: 'plain' | 'exercise' | 'check';
  /** The title of the exercise the cell is, or checks. */
  exercise?: string;
}

/** A control a cell made (`view(Inputs.…)`). */
export interface InputNode {
  kind: 'input';
  /** `input:<key>`. */
  id: string;
  /** The cell that made it, and that cell's number. */
  cellId: string;
  number: number;
  key: InputKey;
  /** The name its value is bound to, when it is (`const k = view(…)`). */
  bound?: string;
  /** What the control is, in words: `slider`, `toggle`, `menu`, … */
  control: string;
  /** The control's own label, if it has one. */
  controlLabel?: string;
  /** What the node shows: the bound name, else the control's label, else what it is. */
  label: string;
}

export type GraphNode = CellNode | InputNode;

/** A link of the graph: `to` re-runs when `from` changes. */
export interface GraphLink {
  /** `<from>-><to>`: a pair of nodes has at most one link. */
  id: string;
  from: string;
  to: string;
  /**
   * The names `to` reads from `from` (drawn on the link); none for the link between a cell and
   * its control (`control`).
   */
  names: readonly string[];
  kind: 'reads' | 'control';
}

/** The notebook's dataflow graph as the dependency view draws it. */
export interface DependencyGraph {
  /** In notebook order; each cell's controls follow it. */
  nodes: readonly GraphNode[];
  links: readonly GraphLink[];
  /** Node by id. */
  byId: ReadonlyMap<string, GraphNode>;
  /** For each node, the nodes that re-run when it changes (not itself), in notebook order. */
  downstream: ReadonlyMap<string, readonly string[]>;
  /**
   * Changes only when what is drawn changes shape (nodes, their labels, links and their names),
   * not when a status or a control's value does: the view lays the graph out again only then.
   */
  structureKey: string;
}

/** What {@link buildGraph} reads. */
export interface GraphSource {
  notebook: Notebook;
  exercises: readonly Exercise[];
  /** The edges the kernel last reported (see `upstream.ts`). */
  edges: readonly GraphEdge[];
  /** The cells' run states: the controls each cell made are among its outputs. */
  states: ReadonlyMap<string, CellState>;
  /**
   * The top-level names each cell defines, when the caller has them. Without them a cell's names
   * are the ones other cells read from it, which is all the edges tell.
   */
  defines?: ReadonlyMap<string, readonly string[]>;
}

/** Most names a node's label lists before "+N". */
const LABEL_NAMES = 2;
/** Longest label, in characters, before it is cut with "…". */
const LABEL_CHARS = 24;

const CONTROL_WORDS: Record<InputSpec['kind'], string> = {
  range: 'slider',
  number: 'number field',
  text: 'text field',
  toggle: 'toggle',
  select: 'menu',
  radio: 'radio buttons',
  checkbox: 'checkboxes',
};

/** Cuts `text` to `max` characters, ending with "…" when cut. */
export function shorten(text: string, max = LABEL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Each code cell's number as the page shows it: code blocks in file order, except an exercise's
 * solution, which its exercise shows instead (as `<dp-notebook>` counts them).
 */
export function cellNumbers(notebook: Notebook, exercises: readonly Exercise[]): Map<string, number> {
  const solutions = new Set(exercises.flatMap((e) => (e.solution ? [e.solution.cellId] : [])));
  const numbers = new Map<string, number>();
  for (const block of notebook.blocks) {
    if (block.kind !== 'code') continue;
    if (cellRole(block) === 'solution' && solutions.has(block.id)) continue;
    numbers.set(block.id, numbers.size + 1);
  }
  return numbers;
}

/**
 * What a cell's node shows: the exercise's title, else the first names it defines, else its first
 * line of code (which tells cells apart better than their numbers: `display(chart)`).
 */
function cellLabel(source: string, names: readonly string[], role: CellNode['role'], exercise?: string) {
  if (exercise !== undefined) return shorten(role === 'check' ? `checks: ${exercise}` : exercise);
  if (names.length === 0) {
    const line = source.split('\n').find((l) => l.trim() !== '' && !/^\s*\/\//.test(l));
    return line === undefined ? 'empty cell' : shorten(line.trim());
  }
  const shown = names.slice(0, LABEL_NAMES).join(', ');
  const more = names.length > LABEL_NAMES ? ` +${names.length - LABEL_NAMES}` : '';
  return shorten(shown, LABEL_CHARS - more.length) + more;
}

/** The graph of a notebook; see the module comment. */
export function buildGraph(source: GraphSource): DependencyGraph {
  const { notebook, exercises, edges, states } = source;
  const numbers = cellNumbers(notebook, exercises);
  const cells = runnableCells(notebook);
  const known = new Set(cells.map((c) => c.id));
  const cellNode = (cellId: string) => `cell:${cellId}`;

  // Without the kernel's list of definitions, the names other cells read are what we know.
  const readFrom = new Map<string, string[]>();
  for (const edge of edges) {
    const names = readFrom.get(edge.from) ?? [];
    for (const name of edge.names) if (!names.includes(name)) names.push(name);
    readFrom.set(edge.from, names);
  }

  const nodes: GraphNode[] = [];
  /** Per cell, the control node each bound name comes from. */
  const boundBy = new Map<string, Map<string, string>>();
  const links = new Map<string, GraphLink>();
  const link = (from: string, to: string, names: readonly string[], kind: GraphLink['kind']) => {
    const id = `${from}->${to}`;
    const old = links.get(id);
    links.set(id, { id, from, to, names: [...(old?.names ?? []), ...names], kind });
  };

  for (const cell of cells) {
    const number = numbers.get(cell.id) ?? 0;
    const role = cellRole(cell);
    const exercise = exercises.find((e) => e.cellId === cell.id || e.checkIds.includes(cell.id));
    const names = source.defines?.get(cell.id) ?? readFrom.get(cell.id) ?? [];
    const nodeRole = role === 'exercise' || role === 'check' ? role : 'plain';
    const title = nodeRole === 'plain' ? undefined : exercise?.title;
    nodes.push({
      kind: 'cell',
      id: cellNode(cell.id),
      cellId: cell.id,
      number,
      label: cellLabel(cell.source, names, nodeRole, title),
      code: names.length === 0 && title === undefined,
      names,
      role: nodeRole,
      ...(title !== undefined ? { exercise: title } : {}),
    });
    const bound = new Map<string, string>();
    for (const output of states.get(cell.id)?.outputs ?? []) {
      if (output.kind !== 'input') continue;
      const id = `input:${output.key}`;
      const control = CONTROL_WORDS[output.spec.kind];
      const controlLabel = output.spec.label?.trim() || undefined;
      nodes.push({
        kind: 'input',
        id,
        cellId: cell.id,
        number,
        key: output.key,
        ...(output.bound !== undefined ? { bound: output.bound } : {}),
        control,
        ...(controlLabel !== undefined ? { controlLabel } : {}),
        label: shorten(output.bound ?? controlLabel ?? control),
      });
      if (output.bound !== undefined) {
        bound.set(output.bound, id);
        link(cellNode(cell.id), id, [], 'control');
      } else {
        link(id, cellNode(cell.id), [], 'control');
      }
    }
    boundBy.set(cell.id, bound);
  }

  for (const edge of edges) {
    if (!known.has(edge.from) || !known.has(edge.to)) continue;
    const bound = boundBy.get(edge.from);
    const own: string[] = [];
    for (const name of edge.names) {
      const control = bound?.get(name);
      if (control) link(control, cellNode(edge.to), [name], 'reads');
      else own.push(name);
    }
    if (own.length > 0) link(cellNode(edge.from), cellNode(edge.to), own, 'reads');
  }

  const linkList = [...links.values()];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const next = new Map<string, string[]>();
  for (const l of linkList) next.set(l.from, [...(next.get(l.from) ?? []), l.to]);
  const downstream = new Map(
    nodes.map((n) => {
      const found = reach(next, n.id);
      return [n.id, found.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))];
    }),
  );
  const structureKey = [
    ...nodes.map((n) => `${n.id}\u0001${n.label}`),
    ...linkList.map((l) => `${l.id}\u0001${l.names.join(',')}`),
  ].join('\u0000');
  return { nodes, links: linkList, byId, downstream, structureKey };
}

/** Every node reachable from `start` along `next` (not `start` itself), breadth first. */
function reach(next: ReadonlyMap<string, readonly string[]>, start: string): string[] {
  const found = new Set<string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const other of next.get(queue[i]) ?? []) {
      if (other === start || found.has(other)) continue;
      found.add(other);
      queue.push(other);
    }
  }
  return [...found];
}

/**
 * The graph's connected pieces (links taken both ways), each in notebook order, ordered by their
 * first node. The view lays each out apart, so cells nothing links do not widen the main drawing.
 */
export function components(graph: DependencyGraph): string[][] {
  const neighbours = new Map<string, string[]>();
  for (const { from, to } of graph.links) {
    neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
    neighbours.set(to, [...(neighbours.get(to) ?? []), from]);
  }
  const seen = new Set<string>();
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const pieces: string[][] = [];
  for (const node of graph.nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const piece = [node.id, ...reach(neighbours, node.id)];
    for (const id of piece) seen.add(id);
    pieces.push(piece.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
  }
  return pieces;
}

/** What a node shows besides its label: it changes with every run, the graph's shape does not. */
export interface NodeView {
  /** The cell's status (a control's is its cell's). */
  status: CellStatus;
  /** The cell's last finished run: why it ran and how long it took. */
  lastRun?: { cause: string; ms: number };
  /** The exercise's state, on an exercise cell. */
  exercise?: Pick<ExerciseState, 'status' | 'score' | 'total'>;
  /** A control's current value, as text. */
  value?: string;
}

/**
 * A node's {@link NodeView} from the cells' states and the exercises' states (by exercise cell id).
 */
export function nodeView(
  node: GraphNode,
  states: ReadonlyMap<string, CellState>,
  exercises: ReadonlyMap<string, Pick<ExerciseState, 'status' | 'score' | 'total'>> = new Map(),
): NodeView {
  const state = states.get(node.cellId);
  const view: NodeView = { status: state?.status ?? 'stale' };
  if (state?.lastRun) view.lastRun = state.lastRun;
  if (node.kind === 'cell') {
    const exercise = node.role === 'exercise' ? exercises.get(node.cellId) : undefined;
    if (exercise) view.exercise = exercise;
  } else {
    const output = state?.outputs.find((o) => o.kind === 'input' && o.key === node.key);
    if (output?.kind === 'input') view.value = controlValue(output.spec);
  }
  return view;
}

/** A control's value as the student reads it: the number, the text, on/off, the options chosen. */
export function controlValue(spec: InputSpec): string {
  switch (spec.kind) {
    case 'range':
    case 'number':
      return String(spec.value);
    case 'text':
      return `“${spec.value}”`;
    case 'toggle':
      return spec.value ? 'on' : 'off';
    case 'select':
    case 'radio':
    case 'checkbox': {
      const chosen = spec.selected.map((i) => spec.options[i] ?? '?');
      return chosen.length === 0 ? 'none' : chosen.join(', ');
    }
    default: {
      const unexpected: never = spec;
      throw new Error(`unknown control ${JSON.stringify(unexpected)}`);
    }
  }
}

/** A status in words, and a mark that says it without colour. */
export const STATUS: Record<CellStatus, { text: string; mark: string }> = {
  ok: { text: 'ok', mark: '✓' },
  error: { text: 'error', mark: '✕' },
  stale: { text: 'not run', mark: '○' },
  queued: { text: 'queued', mark: '…' },
  running: { text: 'running', mark: '▶' },
  interrupted: { text: 'interrupted', mark: '■' },
};

const EXERCISE_TEXT: Record<ExerciseStatus, string> = {
  'not-attempted': 'not attempted',
  waiting: 'waiting',
  failed: 'failed',
  partial: 'partly passed',
  passed: 'passed',
};

/** An exercise's state in words: `passed`, `partly passed (1 of 3)`, … */
export function exerciseText(exercise: NonNullable<NodeView['exercise']>): string {
  const text = EXERCISE_TEXT[exercise.status];
  return exercise.status === 'partial' ? `${text} (${exercise.score} of ${exercise.total})` : text;
}

/** A run's length as people read it: `<1 ms`, `12 ms`, `1.4 s`, `2 min 5 s`. */
export function formatMs(ms: number): string {
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** The kernel's cause without its Markdown: "`k` changed" → "k changed". */
export function causeText(cause: string): string {
  return cause.replace(/`([^`]+)`/g, '$1');
}

/** How a node is named in a sentence: "cell 3 (fit)", "k", "the slider “Speed”". */
export function nodeTitle(node: GraphNode): string {
  if (node.kind === 'input') return node.bound ?? `the ${node.control}${quoted(node.controlLabel)}`;
  return node.code ? `cell ${node.number}` : `cell ${node.number} (${node.label})`;
}

/** How a cell is listed among others: "[3] fit". */
export function listTitle(node: GraphNode): string {
  return node.kind === 'cell' ? `[${node.number}] ${node.label}` : nodeTitle(node);
}

const quoted = (text: string | undefined) => (text ? ` “${text}”` : '');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The cells among `ids`, as nodes. */
function cellsAmong(graph: DependencyGraph, ids: readonly string[]): CellNode[] {
  return ids.flatMap((id) => {
    const node = graph.byId.get(id);
    return node?.kind === 'cell' ? [node] : [];
  });
}

/** Most cells a sentence names before "and N more". */
const LISTED = 8;

function listCells(cells: readonly CellNode[]): string {
  const named = cells.slice(0, LISTED).map(listTitle);
  if (cells.length > LISTED) named.push(`and ${cells.length - LISTED} more`);
  return named.join(', ');
}

/**
 * The sentence that says what changing a node would re-run: "Changing k re-runs 2 cells: [2]
 * squared, [3] label."
 */
export function rerunSummary(graph: DependencyGraph, id: string): string {
  const node = graph.byId.get(id);
  if (!node) return '';
  const cells = cellsAmong(graph, graph.downstream.get(id) ?? []);
  if (node.kind === 'input') {
    const what = nodeTitle(node);
    if (cells.length === 0) return `Changing ${what} re-runs no cell: no cell reads it yet.`;
    return `Changing ${what} re-runs ${plural(cells.length, 'cell')}: ${listCells(cells)}.`;
  }
  const what = nodeTitle(node);
  if (cells.length === 0) return `No other cell reads from ${what}: re-running it re-runs only itself.`;
  return `Re-running ${what} also re-runs ${plural(cells.length, 'cell')}: ${listCells(cells)}.`;
}

/**
 * A node's accessible name: "Cell 3: defines fit, forecast; reads k; ok, ran in 12 ms (k changed);
 * exercise passed", or for a control "Input k: slider “k” in cell 1, value 5; re-runs 2 cells".
 */
export function describeNode(graph: DependencyGraph, node: GraphNode, view: NodeView): string {
  const parts: string[] = [];
  if (node.kind === 'input') {
    const what = node.bound ? `Input ${node.bound}: ${node.control}` : `Input: ${node.control}`;
    const value = view.value === undefined ? '' : `, value ${view.value}`;
    parts.push(`${what}${quoted(node.controlLabel)} in cell ${node.number}${value}`);
    const cells = cellsAmong(graph, graph.downstream.get(node.id) ?? []);
    parts.push(`changing it re-runs ${plural(cells.length, 'cell')}`);
    return parts.join('; ');
  }
  const role =
    node.exercise === undefined
      ? ''
      : node.role === 'check'
        ? `, checks of “${node.exercise}”`
        : `, exercise “${node.exercise}”`;
  if (node.names.length > 0) parts.push(`defines ${node.names.join(', ')}`);
  const reads = graph.links.filter((l) => l.to === node.id && l.kind === 'reads').flatMap((l) => l.names);
  if (reads.length > 0) parts.push(`reads ${reads.join(', ')}`);
  const status = STATUS[view.status].text;
  parts.push(
    view.lastRun
      ? `${status}, ran in ${formatMs(view.lastRun.ms)} (${causeText(view.lastRun.cause)})`
      : status,
  );
  if (view.exercise) parts.push(`exercise ${exerciseText(view.exercise)}`);
  return `Cell ${node.number}${role}: ${parts.join('; ')}`;
}
