import { describe, expect, it } from 'vitest';
import { buildGraph, causeText } from '../../../src/learn/graph-model.ts';
import { EMPTY_RUN_LOG, rerunReasons, trackRuns } from '../../../src/learn/run-log.ts';
import type { GraphEdge } from '../../../src/learn/upstream.ts';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import type { CellStatus } from '../../../src/protocol.ts';
import { initialCellState, type CellState } from '../../../src/runtime/cell-state.ts';

/** Two chains of cells: `k` → `squared` → its display, and `other` → its display (`cell-1` … `cell-5`). */
const NOTEBOOK = parseNotebook(
  [
    '```ts',
    'const k = 2',
    '```',
    '',
    '```ts',
    'const squared = k * k',
    '```',
    '',
    '```ts',
    'display(squared)',
    '```',
    '',
    '```ts',
    'const other = 5',
    '```',
    '',
    '```ts',
    'display(other)',
    '```',
    '',
  ].join('\n'),
);

const EDGES: GraphEdge[] = [
  { from: 'cell-1', to: 'cell-2', names: ['k'] },
  { from: 'cell-2', to: 'cell-3', names: ['squared'] },
  { from: 'cell-4', to: 'cell-5', names: ['other'] },
];

function cell(status: CellStatus, extra: Partial<CellState> = {}): CellState {
  return { ...initialCellState(), status, ...extra };
}

/** Every cell ok (and never run), with `over` in place of some. */
function states(over: Record<string, CellState> = {}) {
  const all = new Map<string, CellState>();
  for (let i = 1; i <= 5; i++) all.set(`cell-${i}`, cell('ok'));
  for (const [id, s] of Object.entries(over)) all.set(id, s);
  return all;
}

const graphOf = (s = states()) => buildGraph({ notebook: NOTEBOOK, exercises: [], edges: EDGES, states: s });

const ran = (cause: string, ms = 1) => ({ cause, ms });

describe('trackRuns and rerunReasons', () => {
  it('counts every cell that has run as the newest run on the first look', () => {
    const s = states({ 'cell-2': cell('ok', { lastRun: ran('run requested') }) });
    const log = trackRuns(EMPTY_RUN_LOG, s, false);
    expect(log.cells).toEqual(['cell-2']);
    expect(log.open).toBe(false);
  });

  it('starts a new run when a cell finishes after the kernel was idle, and adds to it while busy', () => {
    const first = ran('run requested');
    let s = states({ 'cell-2': cell('ok', { lastRun: first }), 'cell-3': cell('ok', { lastRun: first }) });
    let log = trackRuns(EMPTY_RUN_LOG, s, false);
    // `k` changed: cell 2 is queued (no run finished yet), then finishes, then cell 3.
    s = new Map(s).set('cell-2', cell('queued', { lastRun: first }));
    log = trackRuns(log, s, true);
    expect(log.cells).toEqual(['cell-2', 'cell-3']);
    s = new Map(s).set('cell-2', cell('running', { lastRun: ran('`k` changed', 4) }));
    log = trackRuns(log, s, true);
    expect(log.cells).toEqual(['cell-2']);
    s = new Map(s).set('cell-3', cell('running', { lastRun: ran('`squared` changed', 2) }));
    log = trackRuns(log, s, true);
    s = new Map(s).set('cell-3', cell('ok', { lastRun: s.get('cell-3')!.lastRun }));
    log = trackRuns(log, s, false);
    expect(log).toMatchObject({ cells: ['cell-2', 'cell-3'], open: false });
    expect(rerunReasons(graphOf(s), log, s).map((r) => [r.node.number, causeText(r.cause), r.ms])).toEqual([
      [2, 'k changed', 4],
      [3, 'squared changed', 2],
    ]);
    // The next run replaces the list.
    s = new Map(s).set('cell-5', cell('running', { lastRun: ran('run requested') }));
    log = trackRuns(log, s, true);
    expect(log.cells).toEqual(['cell-5']);
  });

  it('lists a cell that ran twice in one run once, at its last finish', () => {
    let s = states({ 'cell-2': cell('running', { lastRun: ran('a') }) });
    let log = trackRuns({ ...EMPTY_RUN_LOG, open: false }, s, true);
    s = new Map(s).set('cell-3', cell('running', { lastRun: ran('b') }));
    log = trackRuns(log, s, true);
    s = new Map(s).set('cell-2', cell('ok', { lastRun: ran('c') }));
    log = trackRuns(log, s, false);
    expect(log.cells).toEqual(['cell-3', 'cell-2']);
  });

  it('drops cells that left or lost their run (a notebook opened again)', () => {
    const s = states({ 'cell-2': cell('ok', { lastRun: ran('a') }) });
    const log = trackRuns(EMPTY_RUN_LOG, s, false);
    expect(trackRuns(log, states(), false).cells).toEqual([]);
    expect(rerunReasons(graphOf(), log, states())).toEqual([]);
  });
});
