import { describe, expect, it } from 'vitest';
import type { Output } from '../../../src/protocol.ts';
import {
  initialCellState,
  outputSize,
  transitionCell,
  type CellEvent,
  type CellState,
} from '../../../src/runtime/index.ts';

const log = (text: string): Output => ({ kind: 'log', level: 'log', text });

function apply(
  events: CellEvent[],
  state: CellState = initialCellState(),
  caps?: Parameters<typeof transitionCell>[2],
) {
  return events.reduce((current, event) => transitionCell(current, event, caps), state);
}

describe('transitionCell', () => {
  it('starts stale with no outputs (protocol.ts has no never-run status)', () => {
    expect(initialCellState()).toEqual({ status: 'stale', outputs: [], dropped: 0, chars: 0 });
  });

  it('follows status events, keeping outputs while the cell runs again', () => {
    const shown = apply([
      { type: 'status', cellId: 'a', status: 'running' },
      { type: 'outputs', cellId: 'a', outputs: [log('hi')] },
      { type: 'status', cellId: 'a', status: 'ok' },
      { type: 'status', cellId: 'a', status: 'queued' },
      { type: 'status', cellId: 'a', status: 'running' },
    ]);
    expect(shown.status).toBe('running');
    expect(shown.outputs).toEqual([log('hi')]);
  });

  it('keeps an error only while the status is error, and the reason of the latest status', () => {
    const error = { name: 'TypeError', message: 'x is not a function', position: { line: 2, column: 3 } };
    const failed = apply([{ type: 'status', cellId: 'a', status: 'error', error }]);
    expect(failed.error).toEqual(error);
    const stale = transitionCell(failed, { type: 'status', cellId: 'a', status: 'stale', reason: 'not run' });
    expect(stale.error).toBeUndefined();
    expect(stale.reason).toBe('not run');
    expect(transitionCell(stale, { type: 'status', cellId: 'a', status: 'running' }).reason).toBeUndefined();
  });

  it('replaces outputs on outputs and appends on append', () => {
    const state = apply([
      { type: 'outputs', cellId: 'a', outputs: [log('1'), log('2')] },
      { type: 'outputs', cellId: 'a', outputs: [log('3')] },
      { type: 'append', cellId: 'a', outputs: [log('4')] },
    ]);
    expect(state.outputs).toEqual([log('3'), log('4')]);
    expect(state.chars).toBe(2);
  });

  it('does not change the state it is given', () => {
    const before = initialCellState();
    transitionCell(before, { type: 'append', cellId: 'a', outputs: [log('x')] });
    expect(before.outputs).toEqual([]);
  });

  it('caps the number of outputs and says how many were dropped', () => {
    const caps = { maxItems: 3, maxChars: 1000 };
    const many = Array.from({ length: 5 }, (_, i) => log(String(i)));
    const state = apply([{ type: 'outputs', cellId: 'a', outputs: many }], undefined, caps);
    expect(state.outputs).toHaveLength(4);
    expect(state.outputs.slice(0, 3)).toEqual(many.slice(0, 3));
    expect(state.outputs[3]).toEqual({
      kind: 'truncated',
      text: '2 more outputs were not shown: a cell shows at most 3 outputs or 0.001 MB of text',
    });
    expect(state.dropped).toBe(2);

    // Appending later keeps a single notice, with the new count.
    const more = transitionCell(state, { type: 'append', cellId: 'a', outputs: [log('5')] }, caps);
    expect(more.outputs).toHaveLength(4);
    expect(more.outputs[3]).toMatchObject({
      kind: 'truncated',
      text: expect.stringMatching(/^3 more outputs/),
    });

    // New outputs from a fresh run start over.
    const fresh = transitionCell(more, { type: 'outputs', cellId: 'a', outputs: [log('6')] }, caps);
    expect(fresh.outputs).toEqual([log('6')]);
    expect(fresh.dropped).toBe(0);
  });

  it('caps the amount of text, and drops everything after the first dropped output', () => {
    const caps = { maxItems: 100, maxChars: 10 };
    const state = apply(
      [{ type: 'outputs', cellId: 'a', outputs: [log('12345'), log('1234567'), log('1')] }],
      undefined,
      caps,
    );
    expect(state.outputs[0]).toEqual(log('12345'));
    expect(state.outputs[1]).toMatchObject({
      kind: 'truncated',
      text: expect.stringMatching(/^2 more outputs/),
    });
    expect(state.chars).toBe(5);
  });

  it('uses the default caps of 1000 outputs', () => {
    const many = Array.from({ length: 1005 }, () => log('.'));
    const state = apply([{ type: 'append', cellId: 'a', outputs: many }]);
    expect(state.outputs).toHaveLength(1001);
    expect(state.outputs[1000]).toEqual({
      kind: 'truncated',
      text: '5 more outputs were not shown: a cell shows at most 1000 outputs or 2 MB of text',
    });
  });

  it('measures outputs by their text or JSON size', () => {
    expect(outputSize({ kind: 'html', html: '<b>hi</b>' })).toBe(9);
    expect(
      outputSize({ kind: 'inspect', node: { type: 'primitive', kind: 'number', text: '1' } }),
    ).toBeGreaterThan(1);
  });
});
