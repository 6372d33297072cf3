import { describe, expect, it } from 'vitest';
import type { InputSpec, Output } from '../../../src/protocol.ts';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import { initialCellState, transitionCell, type CellState } from '../../../src/runtime/cell-state.ts';
import {
  capRuns,
  codeHash,
  compareRuns,
  controlValue,
  fnv1a,
  journalCsv,
  notebookParams,
  numericParams,
  readRuns,
  runName,
  runNames,
  sensitivity,
  settledRuns,
  varyingParams,
  type JournalRun,
  type SettledCell,
} from '../../../src/learn/journal.ts';
import { JournalStore } from '../../../src/ui/journal-store.ts';

const run = (
  id: string,
  params: JournalRun['params'],
  metrics: JournalRun['metrics'],
  extra: Partial<JournalRun> = {},
): JournalRun => ({
  id,
  time: `2025-01-01T00:00:${id.padStart(2, '0')}.000Z`,
  cellId: 'cell-2',
  params,
  metrics,
  codeHash: 'abcd1234',
  ...extra,
});

const slider = (value: number, label: string | undefined = 'k'): Output => ({
  kind: 'input',
  key: 'cell-1:0',
  spec: { kind: 'range', min: 1, max: 10, step: 1, value, ...(label ? { label } : {}) },
  bound: 'k',
});

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    // From the FNV reference (isthe.com/chongo/tech/comp/fnv): "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968.
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
});

describe('controlValue and notebookParams', () => {
  it('shows numbers, switches, text and the labels of the selected options', () => {
    const specs: InputSpec[] = [
      { kind: 'number', value: 3 },
      { kind: 'toggle', value: true },
      { kind: 'text', value: 'hi' },
      { kind: 'select', options: ['ets', 'theta', 'naive'], multiple: false, selected: [1] },
      { kind: 'checkbox', options: ['a', 'b', 'c'], selected: [0, 2] },
      { kind: 'radio', options: ['x'], selected: [] },
    ];
    expect(specs.map(controlValue)).toEqual([3, true, 'hi', 'theta', 'a, c', '']);
  });

  it('names controls by label, else bound name, else position; a name taken gets (2)', () => {
    const input = (spec: InputSpec, bound?: string): Output => ({
      kind: 'input',
      key: 'c:0',
      spec,
      ...(bound ? { bound } : {}),
    });
    const cells = [
      {
        outputs: [
          input({ kind: 'range', label: 'k', min: 0, max: 9, value: 4 }),
          { kind: 'log', level: 'log', text: 'x' } as Output,
        ],
      },
      { outputs: [input({ kind: 'toggle', value: false }, 'damped'), input({ kind: 'number', value: 7 })] },
      { outputs: [input({ kind: 'text', label: 'k', value: 'again' })] },
    ];
    expect(notebookParams(cells)).toEqual({ k: 4, damped: false, 'control 3': 7, 'k (2)': 'again' });
  });
});

describe('codeHash', () => {
  const cells = [
    { id: 'a', source: 'const x = 1' },
    { id: 'b', source: 'const y = x + 1' },
    { id: 'c', source: 'const unrelated = 5' },
  ];
  const edges = [{ from: 'a', to: 'b', names: ['x'] }];

  it('covers the cell and its upstream cells, not the others, in any order', () => {
    const h = codeHash(cells, edges, 'b');
    expect(h).toMatch(/^[0-9a-f]{8}$/);
    expect(codeHash([cells[2], cells[1], cells[0]], edges, 'b')).toBe(h);
    expect(codeHash([cells[0], cells[1], { id: 'c', source: 'changed' }], edges, 'b')).toBe(h);
    expect(codeHash([{ id: 'a', source: 'const x = 2' }, cells[1], cells[2]], edges, 'b')).not.toBe(h);
  });
});

describe('settledRuns: the recording rule', () => {
  const edges = [{ from: 'cell-1', to: 'cell-2', names: ['k'] }];
  const notebook = (
    k: number,
    extra: Partial<SettledCell> = {},
    source = 'report({ score: k * k })',
  ): SettledCell[] => [
    {
      id: 'cell-1',
      source: 'const k = view(Inputs.range([1, 10]))',
      status: 'ok',
      outputs: [slider(k)],
      ran: false,
    },
    {
      id: 'cell-2',
      source,
      status: 'ok',
      outputs: [{ kind: 'report', metrics: { score: k * k } }],
      ran: true,
      ...extra,
    },
  ];
  let n = 0;
  const stamp = () => ({ time: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(), id: () => `r${n++}` });
  const settle = (journal: JournalRun[], cells: SettledCell[]) => [
    ...journal,
    ...settledRuns(cells, edges, journal, stamp()),
  ];

  it('ten settled slider values give ten runs; idles without a change add none', () => {
    let journal: JournalRun[] = [];
    for (let k = 1; k <= 10; k++) {
      journal = settle(journal, notebook(k));
      journal = settle(journal, notebook(k)); // the same idle again: the cell re-ran with nothing new
      journal = settle(journal, notebook(k, { ran: false })); // an idle where the cell did not run
    }
    expect(journal).toHaveLength(10);
    expect(journal.map((r) => r.params.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(journal[4]).toMatchObject({ cellId: 'cell-2', params: { k: 5 }, metrics: { score: 25 } });
    expect(new Set(journal.map((r) => r.codeHash)).size).toBe(1);
  });

  it('going back to an earlier value is a new run (it differs from the last one)', () => {
    let journal: JournalRun[] = [];
    for (const k of [2, 3, 2]) journal = settle(journal, notebook(k));
    expect(journal.map((r) => r.params.k)).toEqual([2, 3, 2]);
  });

  it('a code change upstream is a new run with a new hash, even with the same values', () => {
    let journal = settle([], notebook(4));
    journal = settle(journal, notebook(4, {}, 'report({ score: k * k }) // tidied'));
    expect(journal).toHaveLength(2);
    expect(journal[0].codeHash).not.toBe(journal[1].codeHash);
  });

  it('skips cells that failed, and keeps one run per label (merged) per cell', () => {
    expect(settle([], notebook(4, { status: 'error' }))).toEqual([]);
    const cells = notebook(4, {
      outputs: [
        slider(4),
        { kind: 'report', metrics: { mae: 1 }, label: 'hold-out' },
        { kind: 'report', metrics: { rmse: 2 }, label: 'hold-out' },
        { kind: 'report', metrics: { mase: 0.9 }, label: 'leaderboard' },
      ],
    });
    const journal = settle([], cells);
    expect(journal.map((r) => [r.label, r.metrics])).toEqual([
      ['hold-out', { mae: 1, rmse: 2 }],
      ['leaderboard', { mase: 0.9 }],
    ]);
    expect(journal[0].params).toEqual({ k: 4, 'k (2)': 4 });
  });

  it('treats a NaN metric (missing) as equal to itself', () => {
    const cells = notebook(4, { outputs: [{ kind: 'report', metrics: { score: NaN } }] });
    const journal = settle([], cells);
    expect(settle(journal, cells)).toHaveLength(1);
  });
});

describe('JournalStore without IndexedDB (Node)', () => {
  const source = [
    '```ts',
    "const k = view(Inputs.range([1, 10], {value: 2, step: 1, label: 'k'}))",
    '```',
    '',
    '```ts',
    'report({ score: k * k })',
    '```',
    '',
  ].join('\n');
  const nb = parseNotebook(source);
  const [c1, c2] = nb.blocks.filter((b) => b.kind === 'code').map((b) => b.id);
  const edges = [{ from: c1, to: c2, names: ['k'] }];

  /** The kernel's events for cell 2 re-running after the slider moved to `k` (cell 1 does not re-run). */
  function settle(states: Map<string, CellState>, k: number): Map<string, CellState> {
    const next = new Map(states);
    const one = next.get(c1) ?? initialCellState();
    next.set(
      c1,
      one.outputs.length === 0
        ? transitionCell(
            transitionCell(transitionCell(one, { type: 'status', cellId: c1, status: 'ok' }), {
              type: 'outputs',
              cellId: c1,
              outputs: [slider(k)],
            }),
            { type: 'ran', cellId: c1, cause: 'first run', ms: 1 },
          )
        : transitionCell(one, {
            type: 'control',
            cellId: c1,
            key: 'cell-1:0',
            spec: { kind: 'range', label: 'k', min: 1, max: 10, step: 1, value: k },
          }),
    );
    let two = next.get(c2) ?? initialCellState();
    two = transitionCell(two, { type: 'status', cellId: c2, status: 'running' });
    two = transitionCell(two, {
      type: 'outputs',
      cellId: c2,
      outputs: [{ kind: 'report', metrics: { score: k * k } }],
    });
    two = transitionCell(two, { type: 'status', cellId: c2, status: 'ok' });
    two = transitionCell(two, { type: 'ran', cellId: c2, cause: '`k` changed', ms: 1 });
    return next.set(c2, two);
  }

  it('never throws, keeps runs for the session, records ten runs for ten values and none for a repeated idle', async () => {
    const store = new JournalStore();
    let heard = 0;
    store.subscribe(() => heard++);
    await store.open('local:test.md');
    expect(store.problem).toMatch(/could not be read/);
    let states = new Map<string, CellState>();
    for (let k = 1; k <= 10; k++) {
      states = settle(states, k);
      store.recordSettled(nb, states, edges);
      store.recordSettled(nb, states, edges); // a second idle, nothing ran
      store.recordSettled(nb, new Map(states), edges); // same states in a new Map
    }
    expect(store.runs.map((r) => r.params.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(store.runs.map((r) => r.metrics.score)).toEqual([1, 4, 9, 16, 25, 36, 49, 64, 81, 100]);
    expect(new Set(store.runs.map((r) => r.id)).size).toBe(10);
    // The same settled values again (the cell re-ran, "Run all") add nothing.
    store.recordSettled(nb, settle(states, 10), edges);
    expect(store.runs).toHaveLength(10);
    store.setPinned(store.runs[2].id, true);
    expect(store.runs[2].pinned).toBe(true);
    store.setPinned(store.runs[2].id, false);
    expect(store.runs[2]).not.toHaveProperty('pinned');
    await store.clear();
    expect(store.runs).toEqual([]);
    expect(heard).toBeGreaterThan(10);
  });
});

describe('varyingParams and runName', () => {
  const runs = [
    run('1', { k: 12, model: 'ets', seed: 1 }, { mase: 1 }),
    run('2', { k: 6, model: 'ets', seed: 1 }, { mase: 1.2 }),
    run('3', { k: 12, model: 'theta', seed: 1 }, { mase: 0.9 }),
  ];

  it('lists only the params that differ between runs, in first-seen order', () => {
    expect(varyingParams(runs)).toEqual(['k', 'model']);
    expect(varyingParams([runs[0]])).toEqual([]);
    expect(varyingParams([])).toEqual([]);
    // A param missing from some runs (a control added later) varies.
    expect(varyingParams([runs[0], run('4', { k: 12, model: 'ets', seed: 1, h: 3 }, {})])).toEqual(['h']);
  });

  it('names a run by its varying params, or "run N" when nothing varies', () => {
    expect(runName(runs[0], runs)).toBe('k = 12, model = ets');
    expect(runName(runs[2], runs)).toBe('k = 12, model = theta');
    const same = [run('1', { k: 1 }, { a: 1 }), run('2', { k: 1 }, { a: 2 }), run('3', { k: 1 }, { a: 3 })];
    expect(runName(same[2], same)).toBe('run 3');
    expect(runNames(same)).toEqual(['run 1', 'run 2', 'run 3']);
    expect(runNames([run('1', { alpha: 0.1 + 0.2 }, {}), run('2', { alpha: 0.5 }, {})])).toEqual([
      'alpha = 0.3',
      'alpha = 0.5',
    ]);
  });

  it('offers numeric params for a curve', () => {
    expect(numericParams(runs)).toEqual(['k', 'seed']);
  });
});

describe('journalCsv', () => {
  it('writes time, cell, label, each param, each metric and codeHash, quoting where needed', () => {
    const csv = journalCsv([
      run('1', { k: 3, model: 'ets, damped' }, { mase: 0.91 }, { label: 'hold-out' }),
      run('2', { k: 4, note: 'say "hi"\nthere', on: true }, { mase: NaN, smape: 12.5 }),
    ]);
    expect(csv).toBe(
      [
        'time,cell,label,k,model,note,on,mase,smape,codeHash',
        '2025-01-01T00:00:01.000Z,cell-2,hold-out,3,"ets, damped",,,0.91,,abcd1234',
        '2025-01-01T00:00:02.000Z,cell-2,,4,,"say ""hi""\nthere",true,,12.5,abcd1234',
        '',
      ].join('\r\n'),
    );
    expect(journalCsv([])).toBe('time,cell,label,codeHash\r\n');
  });
});

describe('sensitivity', () => {
  it('sorts by the param, keeps numeric params and finite metrics, and the latest run at a value', () => {
    const runs = [
      run('1', { k: 5 }, { mase: 2 }),
      run('2', { k: 1 }, { mase: 3 }),
      run('3', { k: 5 }, { mase: 1.5 }),
      run('4', { k: 'auto' }, { mase: 9 }),
      run('5', { k: 8 }, { mase: NaN }),
      run('6', { k: 3 }, { smape: 10 }),
    ];
    expect(sensitivity(runs, 'k', 'mase').map(({ x, y, id }) => [x, y, id])).toEqual([
      [1, 3, '2'],
      [5, 1.5, '3'],
    ]);
    expect(sensitivity([], 'k', 'mase')).toEqual([]);
    expect(sensitivity(runs, 'missing', 'mase')).toEqual([]);
  });
});

describe('compareRuns', () => {
  it('gives a row per param and metric of either run, and the code, marking differences', () => {
    const a = run('1', { k: 3, model: 'ets' }, { mase: 1, smape: 10 });
    const b = run('2', { k: 4, model: 'ets', h: 12 }, { mase: 1 }, { codeHash: 'ffff0000' });
    expect(compareRuns(a, b)).toEqual([
      { kind: 'param', name: 'k', a: 3, b: 4, differs: true },
      { kind: 'param', name: 'model', a: 'ets', b: 'ets', differs: false },
      { kind: 'param', name: 'h', a: undefined, b: 12, differs: true },
      { kind: 'metric', name: 'mase', a: 1, b: 1, differs: false },
      { kind: 'metric', name: 'smape', a: 10, b: undefined, differs: true },
      { kind: 'code', name: 'code', a: 'abcd1234', b: 'ffff0000', differs: true },
    ]);
  });
});

describe('capRuns and readRuns', () => {
  it('drops the oldest unpinned runs beyond the cap', () => {
    const runs = ['1', '2', '3', '4', '5'].map((id) => run(id, {}, {}, { pinned: id === '1' }));
    expect(capRuns(runs, 3).map((r) => r.id)).toEqual(['1', '4', '5']);
    expect(capRuns(runs, 10)).toHaveLength(5);
    const pinned = runs.map((r) => ({ ...r, pinned: true }));
    expect(capRuns(pinned, 2)).toHaveLength(5);
  });

  it('reads what was stored, dropping what is malformed', () => {
    const good = run('1', { k: 1 }, { m: 2 }, { pinned: true, label: 'x' });
    const stored = {
      runs: [good, null, { id: 2 }, { ...run('3', {}, {}), params: { bad: {} }, metrics: { m: 'x' } }],
    };
    expect(readRuns(stored)).toEqual([good, run('3', {}, {})]);
    expect(readRuns(undefined)).toEqual([]);
    expect(readRuns({ runs: 'nope' })).toEqual([]);
  });
});
