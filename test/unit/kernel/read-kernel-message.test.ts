import { describe, expect, it } from 'vitest';
import { readKernelMessage, readTablePage } from '../../../src/kernel/sandbox/read-kernel-message.ts';
import type { KernelEvent, Output } from '../../../src/protocol.ts';

const event = (e: unknown) => readKernelMessage({ type: 'event', event: e });
const outputs = (outs: unknown[]) => event({ type: 'outputs', cellId: 'c1', outputs: outs });

/** One of every output kind, as the kernel sends them. */
const EVERY_OUTPUT: Output[] = [
  {
    kind: 'inspect',
    node: {
      type: 'object',
      kind: 'Map',
      summary: 'Map(1) {…}',
      more: 0,
      entries: [
        { key: { type: 'primitive', kind: 'string', text: '"a"' }, value: { type: 'date', text: '1949' } },
      ],
    },
  },
  {
    kind: 'table',
    tableId: 't1',
    page: { columns: ['x'], rows: [['1']], numeric: [true], numRows: 1, numCols: 1, offset: 0 },
  },
  { kind: 'html', html: '<svg></svg>' },
  {
    kind: 'html',
    html: '<svg><g data-dp-pointer="0"></g></svg>',
    chart: {
      data: [{ mark: 'line', columns: ['date', 'value'], rows: [['2020-01-01', '1']], total: 1 }],
      pointers: [
        {
          id: 0,
          mode: 'x',
          maxRadius: 40,
          frame: [40, 20, 620, 370],
          x: [40],
          y: [50],
          marks: ['<g></g>'],
          lines: [['value 1']],
        },
      ],
    },
  },
  { kind: 'log', level: 'warn', text: 'careful' },
  {
    kind: 'input',
    key: 'c1:0',
    spec: { kind: 'range', min: 1, max: 24, value: 6, step: 1, label: 'k' },
    bound: 'k',
  },
  {
    kind: 'input',
    key: 'c1:1',
    spec: { kind: 'select', options: ['a', 'b'], multiple: false, selected: [1] },
  },
  { kind: 'input', key: 'c1:2', spec: { kind: 'text', value: 'hi', placeholder: 'name' } },
  { kind: 'truncated', text: '3 more outputs were not shown' },
  {
    kind: 'check',
    label: 'is a number',
    passed: false,
    weight: 1,
    message: 'Replace NaN',
    detail: 'got NaN',
  },
  { kind: 'report', metrics: { mae: 1.5, rmse: Number.NaN }, label: 'ses' },
];

describe('readKernelMessage', () => {
  it('accepts every event and output kind of protocol.ts as it is', () => {
    const events: KernelEvent[] = [
      {
        type: 'status',
        cellId: 'c1',
        status: 'error',
        error: { name: 'TypeError', message: 'x', position: { line: 2, column: 3 } },
      },
      { type: 'status', cellId: 'c1', status: 'stale', reason: 'its source changed' },
      { type: 'outputs', cellId: 'c1', outputs: EVERY_OUTPUT },
      { type: 'append', cellId: 'c1', outputs: [] },
      { type: 'control', cellId: 'c1', key: 'c1:0', spec: { kind: 'toggle', value: true } },
      { type: 'ran', cellId: 'c1', cause: '`k` changed', ms: 3.5 },
      { type: 'idle' },
      { type: 'names', defines: { c1: ['k'], c2: [] }, edges: [{ from: 'c1', to: 'c2', names: ['k'] }] },
    ];
    for (const e of events) expect(event(e)).toEqual({ type: 'event', event: e });
    expect(readKernelMessage({ type: 'fetch', id: 3, url: 'http://x/datasets/a.csv' })).toEqual({
      type: 'fetch',
      id: 3,
      url: 'http://x/datasets/a.csv',
    });
  });

  it('refuses what is not a message: other types, missing or mistyped fields, unknown kinds', () => {
    const bad: unknown[] = [
      null,
      'status',
      42,
      [],
      { type: 'status' },
      { type: 'RETURN', id: 'x', value: 1 },
      { type: 'fetch', id: 1.5, url: 'x' },
      { type: 'fetch', id: 1 },
    ];
    for (const message of bad) expect(readKernelMessage(message)).toBeUndefined();
    expect(event(null)).toBeUndefined();
    expect(event({ type: 'status', cellId: 'c1', status: 'pwned' })).toBeUndefined();
    expect(event({ type: 'status', cellId: 7, status: 'ok' })).toBeUndefined();
    expect(event({ type: 'names', defines: 5, edges: 'all' })).toBeUndefined();
    expect(
      event({ type: 'control', cellId: 'c1', key: 'no-index', spec: { kind: 'toggle', value: true } }),
    ).toBeUndefined();
    expect(outputs([{ kind: 'script', code: 'alert(1)' }])).toBeUndefined();
    expect(outputs([{ kind: 'log', level: 'shout', text: 'x' }])).toBeUndefined();
    expect(outputs([{ kind: 'html', html: 5 }])).toBeUndefined();
    const layer = {
      id: 0,
      mode: 'xy',
      maxRadius: 40,
      frame: [0, 0, 1, 1],
      x: [1],
      y: [1],
      marks: ['<g/>'],
      lines: [[]],
    };
    const chart = (pointer: unknown) =>
      outputs([{ kind: 'html', html: '', chart: { data: [], pointers: [pointer] } }]);
    expect(chart(layer)).toBeDefined();
    expect(chart({ ...layer, mode: 'z' })).toBeUndefined();
    expect(chart({ ...layer, y: [1, 2] })).toBeUndefined();
    expect(chart({ ...layer, marks: [5] })).toBeUndefined();
    expect(
      outputs([{ kind: 'input', key: 'c1:0', spec: { kind: 'range', min: 1, value: 2 } }]),
    ).toBeUndefined();
    expect(outputs([{ kind: 'report', metrics: { mae: '1' } }])).toBeUndefined();
    expect(
      outputs([{ kind: 'inspect', node: { type: 'primitive', kind: 'object', text: '' } }]),
    ).toBeUndefined();
  });

  it('refuses messages beyond the size limits: too many items, too much text, too deep', () => {
    const limits = { chars: 1000, shortChars: 20, items: 10, depth: 4 };
    // The cell id's two characters count too.
    const log = (text: string) => ({
      type: 'event',
      event: { type: 'outputs', cellId: 'c1', outputs: [{ kind: 'log', level: 'log', text }] },
    });
    expect(readKernelMessage(log('x'.repeat(998)), limits)).toBeDefined();
    expect(readKernelMessage(log('x'.repeat(999)), limits)).toBeUndefined();
    const many = Array.from({ length: 11 }, () => ({ kind: 'truncated', text: '' }));
    expect(
      readKernelMessage({ type: 'event', event: { type: 'outputs', cellId: 'c1', outputs: many } }, limits),
    ).toBeUndefined();
    expect(
      readKernelMessage({ type: 'event', event: { type: 'idle', cellId: 'x'.repeat(21) } }, limits),
    ).toBeDefined();
    expect(
      readKernelMessage(
        { type: 'event', event: { type: 'ran', cellId: 'x'.repeat(21), cause: '', ms: 1 } },
        limits,
      ),
    ).toBeUndefined();
    let node: unknown = { type: 'primitive', kind: 'null', text: 'null' };
    for (let i = 0; i < 6; i++)
      node = { type: 'object', kind: 'Array', summary: '', more: 0, entries: [{ key: '0', value: node }] };
    expect(
      readKernelMessage(
        { type: 'event', event: { type: 'outputs', cellId: 'c1', outputs: [{ kind: 'inspect', node }] } },
        limits,
      ),
    ).toBeUndefined();
  });

  it('reads a table page answer, and refuses one that is not', () => {
    const page = { columns: ['x'], rows: [['1']], numeric: [false], numRows: 1, numCols: 1, offset: 0 };
    expect(readTablePage(page)).toEqual(page);
    expect(readTablePage(undefined)).toBeUndefined();
    expect(readTablePage({ ...page, rows: [[1]] })).toBeUndefined();
  });
});
