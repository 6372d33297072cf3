import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  causeText,
  cellNumbers,
  components,
  controlValue,
  describeNode,
  formatMs,
  nodeView,
  rerunSummary,
  type DependencyGraph,
} from '../../../src/learn/graph-model.ts';
import { findExercises } from '../../../src/learn/exercises.ts';
import type { GraphEdge } from '../../../src/learn/upstream.ts';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import type { CellStatus, Output } from '../../../src/protocol.ts';
import { initialCellState, type CellState } from '../../../src/runtime/cell-state.ts';

/**
 * A small notebook: a slider bound to `k`, two cells downstream of it, a pair of cells of their own,
 * and an exercise whose checks read `k` too. Cell ids are `cell-1` … `cell-8` in file order.
 */
const NOTEBOOK = parseNotebook(
  [
    '# Graph',
    '',
    '```ts',
    "const k = view(Inputs.range([1, 10], { value: 2, step: 1, label: 'k' }))",
    '```',
    '',
    '```ts',
    'const squared = k * k',
    '```',
    '',
    '```ts',
    '// says it',
    'display(`k² = ${squared}`)',
    '```',
    '',
    '```ts',
    'const other = 5, more = 6, most = 7',
    '```',
    '',
    '```ts',
    'display(other + more + most)',
    '```',
    '',
    '```ts exercise id=double title="Double k"',
    'const doubled = NaN;',
    '```',
    '',
    '```ts check for=double',
    "check('doubled is twice k', doubled === 2 * k)",
    '```',
    '',
    '```ts solution for=double',
    'const doubled = 2 * k;',
    '```',
    '',
  ].join('\n'),
);
const { exercises } = findExercises(NOTEBOOK);

/** The edges the kernel reports for NOTEBOOK: cell `to` reads `names` from cell `from`. */
const EDGES: GraphEdge[] = [
  { from: 'cell-1', to: 'cell-2', names: ['k'] },
  { from: 'cell-2', to: 'cell-3', names: ['squared'] },
  { from: 'cell-4', to: 'cell-5', names: ['other', 'more', 'most'] },
  { from: 'cell-6', to: 'cell-7', names: ['doubled'] },
  { from: 'cell-1', to: 'cell-7', names: ['k'] },
];

const slider = (value: number, bound?: string): Output => ({
  kind: 'input',
  key: 'cell-1:0',
  spec: { kind: 'range', label: 'k', min: 1, max: 10, step: 1, value },
  ...(bound ? { bound } : {}),
});

function cell(status: CellStatus, extra: Partial<CellState> = {}): CellState {
  return { ...initialCellState(), status, ...extra };
}

/** Every cell ok, and the slider at `value`, bound to `k` (or, with `null`, to no name). */
function states(over: Record<string, CellState> = {}, value = 2, bound: string | null = 'k') {
  const all = new Map<string, CellState>();
  for (let i = 1; i <= 7; i++) all.set(`cell-${i}`, cell('ok'));
  all.set('cell-1', cell('ok', { outputs: [slider(value, bound ?? undefined)] }));
  for (const [id, s] of Object.entries(over)) all.set(id, s);
  return all;
}

const graphOf = (s = states(), edges = EDGES): DependencyGraph =>
  buildGraph({ notebook: NOTEBOOK, exercises, edges, states: s });

describe('buildGraph', () => {
  it('makes a node per runnable cell and per control, in notebook order, controls after their cell', () => {
    const graph = graphOf();
    expect(graph.nodes.map((n) => [n.id, n.label])).toEqual([
      ['cell:cell-1', 'k'],
      ['input:cell-1:0', 'k'],
      ['cell:cell-2', 'squared'],
      ['cell:cell-3', 'display(`k² = ${squared…'],
      ['cell:cell-4', 'other, more +1'],
      ['cell:cell-5', 'display(other + more +…'],
      ['cell:cell-6', 'Double k'],
      ['cell:cell-7', 'checks: Double k'],
    ]);
    // The solution is not a cell of the graph, nor counted in the page's numbers.
    expect(cellNumbers(NOTEBOOK, exercises).get('cell-8')).toBeUndefined();
    expect(graph.byId.get('input:cell-1:0')).toMatchObject({
      kind: 'input',
      bound: 'k',
      control: 'slider',
      controlLabel: 'k',
      number: 1,
    });
    expect(graph.byId.get('cell:cell-7')).toMatchObject({ role: 'check', exercise: 'Double k', number: 7 });
  });

  it('starts the edges of a bound name at its control, and links the control to its cell', () => {
    const graph = graphOf();
    expect(graph.links.map((l) => [l.from, l.to, l.names.join(','), l.kind])).toEqual([
      ['cell:cell-1', 'input:cell-1:0', '', 'control'],
      ['input:cell-1:0', 'cell:cell-2', 'k', 'reads'],
      ['cell:cell-2', 'cell:cell-3', 'squared', 'reads'],
      ['cell:cell-4', 'cell:cell-5', 'other,more,most', 'reads'],
      ['cell:cell-6', 'cell:cell-7', 'doubled', 'reads'],
      ['input:cell-1:0', 'cell:cell-7', 'k', 'reads'],
    ]);
  });

  it('keeps the names a control does not give on the edge from its cell', () => {
    const edges = [...EDGES, { from: 'cell-1', to: 'cell-3', names: ['k', 'extra'] }];
    const graph = graphOf(states(), edges);
    expect(graph.links.filter((l) => l.to === 'cell:cell-3').map((l) => [l.from, l.names])).toEqual([
      ['cell:cell-2', ['squared']],
      ['input:cell-1:0', ['k']],
      ['cell:cell-1', ['extra']],
    ]);
  });

  it('points a control that is not bound at its own cell: moving it re-runs that cell', () => {
    const graph = graphOf(states({}, 2, null));
    expect(graph.byId.get('input:cell-1:0')).toMatchObject({ label: 'k' });
    expect(graph.byId.get('input:cell-1:0')).not.toHaveProperty('bound');
    expect(graph.links[0]).toMatchObject({ from: 'input:cell-1:0', to: 'cell:cell-1', kind: 'control' });
    expect(graph.links[1]).toMatchObject({ from: 'cell:cell-1', to: 'cell:cell-2', names: ['k'] });
    expect(graph.downstream.get('input:cell-1:0')).toEqual([
      'cell:cell-1',
      'cell:cell-2',
      'cell:cell-3',
      'cell:cell-7',
    ]);
  });

  it('labels cells by the names the kernel says they define, when given', () => {
    const graph = buildGraph({
      notebook: NOTEBOOK,
      exercises,
      edges: EDGES,
      states: states(),
      defines: new Map([['cell-3', ['label']]]),
    });
    expect(graph.byId.get('cell:cell-3')).toMatchObject({ label: 'label', code: false });
    expect(graph.byId.get('cell:cell-5')).toMatchObject({ code: true });
  });

  it('ignores edges to cells it does not know (a solution, a cell just deleted)', () => {
    const graph = graphOf(states(), [...EDGES, { from: 'cell-8', to: 'cell-7', names: ['doubled'] }]);
    expect(graph.links.some((l) => l.from === 'cell:cell-8')).toBe(false);
  });

  it('has no control before its cell has run', () => {
    const graph = graphOf(states({ 'cell-1': cell('stale') }));
    expect(graph.nodes.some((n) => n.kind === 'input')).toBe(false);
    expect(graph.links[0]).toMatchObject({ from: 'cell:cell-1', to: 'cell:cell-2', names: ['k'] });
  });
});

describe('what re-runs', () => {
  it('is everything downstream, in notebook order, through controls and cells', () => {
    const { downstream } = graphOf();
    expect(downstream.get('input:cell-1:0')).toEqual(['cell:cell-2', 'cell:cell-3', 'cell:cell-7']);
    expect(downstream.get('cell:cell-1')).toEqual([
      'input:cell-1:0',
      'cell:cell-2',
      'cell:cell-3',
      'cell:cell-7',
    ]);
    expect(downstream.get('cell:cell-6')).toEqual(['cell:cell-7']);
    expect(downstream.get('cell:cell-3')).toEqual([]);
  });

  it('terminates on a cycle, and leaves the node itself out', () => {
    const cyclic: GraphEdge[] = [
      { from: 'cell-2', to: 'cell-3', names: ['a'] },
      { from: 'cell-3', to: 'cell-2', names: ['b'] },
    ];
    const { downstream } = graphOf(states(), cyclic);
    expect(downstream.get('cell:cell-2')).toEqual(['cell:cell-3']);
    expect(downstream.get('cell:cell-3')).toEqual(['cell:cell-2']);
  });

  it('is said in a sentence that names the cells', () => {
    const graph = graphOf();
    expect(rerunSummary(graph, 'input:cell-1:0')).toBe(
      'Changing k re-runs 3 cells: [2] squared, [3] display(`k² = ${squared…, [7] checks: Double k.',
    );
    expect(rerunSummary(graph, 'cell:cell-6')).toBe(
      'Re-running cell 6 (Double k) also re-runs 1 cell: [7] checks: Double k.',
    );
    expect(rerunSummary(graph, 'cell:cell-3')).toBe(
      'No other cell reads from cell 3: re-running it re-runs only itself.',
    );
    const unbound = graphOf(states({}, 2, null));
    expect(rerunSummary(unbound, 'input:cell-1:0')).toMatch(
      /^Changing the slider “k” re-runs 4 cells: \[1\] k,/,
    );
    expect(rerunSummary(graph, 'nothing')).toBe('');
  });

  it('names at most eight cells, then how many more', () => {
    const many = parseNotebook(
      Array.from(
        { length: 12 },
        (_, i) => `\`\`\`ts\nconst x${i} = ${i === 0 ? 1 : `x${i - 1}`}\n\`\`\`\n`,
      ).join('\n'),
    );
    const edges = Array.from({ length: 11 }, (_, i) => ({
      from: `cell-${i + 1}`,
      to: `cell-${i + 2}`,
      names: [`x${i}`],
    }));
    const graph = buildGraph({ notebook: many, exercises: [], edges, states: new Map() });
    expect(rerunSummary(graph, 'cell:cell-1')).toBe(
      'Re-running cell 1 (x0) also re-runs 11 cells: [2] x1, [3] x2, [4] x3, [5] x4, [6] x5, [7] x6, [8] x7, [9] x8, and 3 more.',
    );
  });
});

describe('structureKey', () => {
  it('stays the same when statuses, runs and control values change, so the layout is kept', () => {
    const before = graphOf().structureKey;
    const after = graphOf(
      states({ 'cell-2': cell('running', { lastRun: { cause: '`k` changed', ms: 3 } }) }, 7),
    ).structureKey;
    expect(after).toBe(before);
  });

  it('changes when a node, a label or the names on a link change', () => {
    const before = graphOf().structureKey;
    expect(graphOf(states({ 'cell-1': cell('stale') })).structureKey).not.toBe(before);
    expect(graphOf(states(), EDGES.slice(0, -1)).structureKey).not.toBe(before);
    const renamed = EDGES.map((e) => (e.to === 'cell-3' ? { ...e, names: ['cubed'] } : e));
    expect(graphOf(states(), renamed).structureKey).not.toBe(before);
  });
});

describe('components', () => {
  it('splits the graph into its linked pieces, ordered by their first node', () => {
    expect(components(graphOf())).toEqual([
      ['cell:cell-1', 'input:cell-1:0', 'cell:cell-2', 'cell:cell-3', 'cell:cell-6', 'cell:cell-7'],
      ['cell:cell-4', 'cell:cell-5'],
    ]);
    const alone = buildGraph({ notebook: NOTEBOOK, exercises, edges: [], states: new Map() });
    expect(components(alone)).toHaveLength(7);
  });
});

describe('describeNode', () => {
  const exerciseStates = new Map([['cell-6', { status: 'passed' as const, score: 1, total: 1 }]]);

  it('names a cell by number, names, reads, status, last run and exercise', () => {
    const s = states({
      'cell-2': cell('ok', { lastRun: { cause: '`k` changed', ms: 12.4 } }),
      'cell-6': cell('ok', { lastRun: { cause: 'run requested', ms: 0.3 } }),
      'cell-3': cell('error'),
    });
    const graph = graphOf(s);
    const name = (id: string) =>
      describeNode(graph, graph.byId.get(id)!, nodeView(graph.byId.get(id)!, s, exerciseStates));
    expect(name('cell:cell-2')).toBe('Cell 2: defines squared; reads k; ok, ran in 12 ms (k changed)');
    expect(name('cell:cell-6')).toBe(
      'Cell 6, exercise “Double k”: defines doubled; ok, ran in <1 ms (run requested); exercise passed',
    );
    expect(name('cell:cell-3')).toBe('Cell 3: reads squared; error');
    expect(name('cell:cell-7')).toBe('Cell 7, checks of “Double k”: reads doubled, k; ok');
  });

  it('names a control by its name, kind, label, value and how many cells it re-runs', () => {
    const s = states({}, 5);
    const graph = graphOf(s);
    const input = graph.byId.get('input:cell-1:0')!;
    expect(describeNode(graph, input, nodeView(input, s))).toBe(
      'Input k: slider “k” in cell 1, value 5; changing it re-runs 3 cells',
    );
  });

  it('gives an exercise’s partial score, and a control’s status is its cell’s', () => {
    const s = states({ 'cell-1': cell('running', { outputs: [slider(3, 'k')] }) });
    const graph = graphOf(s);
    const partial = new Map([['cell-6', { status: 'partial' as const, score: 1, total: 3 }]]);
    const exercise = graph.byId.get('cell:cell-6')!;
    expect(describeNode(graph, exercise, nodeView(exercise, s, partial))).toMatch(
      /; exercise partly passed \(1 of 3\)$/,
    );
    expect(nodeView(graph.byId.get('input:cell-1:0')!, s)).toEqual({ status: 'running', value: '3' });
  });
});

describe('words', () => {
  it('formats run lengths', () => {
    expect([0.2, 1, 12.4, 999.6, 1400, 59_940, 125_000].map(formatMs)).toEqual([
      '<1 ms',
      '1 ms',
      '12 ms',
      '1000 ms',
      '1.4 s',
      '59.9 s',
      '2 min 5 s',
    ]);
  });

  it('takes the Markdown out of the kernel’s causes', () => {
    expect(causeText('`k` changed')).toBe('k changed');
    expect(causeText('`a`, `b` changed')).toBe('a, b changed');
    expect(causeText('first run with this code')).toBe('first run with this code');
  });

  it('says every kind of control value', () => {
    expect(controlValue({ kind: 'text', value: 'hi' })).toBe('“hi”');
    expect(controlValue({ kind: 'toggle', value: true })).toBe('on');
    expect(controlValue({ kind: 'select', options: ['a', 'b', 'c'], multiple: true, selected: [0, 2] })).toBe(
      'a, c',
    );
    expect(controlValue({ kind: 'radio', options: ['a'], selected: [] })).toBe('none');
  });
});
