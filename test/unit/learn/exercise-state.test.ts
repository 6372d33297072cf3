import { describe, expect, it } from 'vitest';
import { exerciseState, type ExerciseContext } from '../../../src/learn/exercise-state.ts';
import type { Exercise } from '../../../src/learn/exercises.ts';
import { initialCellState, type CellState } from '../../../src/runtime/cell-state.ts';
import type { CellStatus, Output } from '../../../src/protocol.ts';

const exercise: Exercise = { id: 'e', title: 'E', cellId: 'ex', checkIds: ['ch'], hints: [] };

function cell(status: CellStatus, outputs: Output[] = [], error?: CellState['error']): CellState {
  return { ...initialCellState(), status, outputs, ...(error ? { error } : {}) };
}

const pass = (label: string, weight = 1): Output => ({ kind: 'check', label, passed: true, weight });
const fail = (label: string, weight = 1): Output => ({
  kind: 'check',
  label,
  passed: false,
  weight,
  message: 'why',
});

function context(cells: Record<string, CellState>, attempted = true): ExerciseContext {
  return {
    attempted,
    cells: new Map(Object.entries(cells)),
    upstream: ['data'],
    position: (id) => ['data', 'ex', 'ch'].indexOf(id) + 1,
  };
}

describe('exerciseState', () => {
  it('is not attempted while the code is the starter, whatever the checks say', () => {
    const s = exerciseState(
      exercise,
      context({ data: cell('ok'), ex: cell('ok'), ch: cell('ok', [pass('a')]) }, false),
    );
    expect(s).toEqual({ status: 'not-attempted', score: 0, total: 1, checks: [] });
  });

  it('passes, partly passes or fails by the weights of the checks', () => {
    const ok = (outputs: Output[]) =>
      exerciseState(exercise, context({ data: cell('ok'), ex: cell('ok'), ch: cell('ok', outputs) }));
    expect(ok([pass('a'), pass('b', 2)])).toMatchObject({ status: 'passed', score: 3, total: 3 });
    expect(ok([pass('a'), fail('b', 2)])).toMatchObject({ status: 'partial', score: 1, total: 3 });
    expect(ok([fail('a'), fail('b')])).toMatchObject({ status: 'failed', score: 0, total: 2 });
    expect(ok([])).toMatchObject({ status: 'failed', reason: 'The checks reported nothing.' });
    expect(ok([pass('a'), fail('b')]).checks).toEqual([
      { label: 'a', passed: true, weight: 1 },
      { label: 'b', passed: false, weight: 1, message: 'why' },
    ]);
  });

  it('waits for a cell it reads that is queued, running, failed or not run, and names it', () => {
    for (const [status, why] of [
      ['queued', 'is queued'],
      ['running', 'is running'],
      ['error', 'failed'],
      ['stale', 'has not run'],
      ['interrupted', 'was interrupted'],
    ] as const) {
      const s = exerciseState(
        exercise,
        context({ data: cell(status), ex: cell('stale'), ch: cell('stale') }),
      );
      expect(s).toMatchObject({ status: 'waiting', reason: `Waiting for cell 1, which ${why}.` });
    }
  });

  it('fails with the error when the exercise itself throws, and when a check cannot run', () => {
    const thrown = exerciseState(
      exercise,
      context({
        data: cell('ok'),
        ex: cell('error', [], { name: 'TypeError', message: 'x is not a function' }),
        ch: cell('stale'),
      }),
    );
    expect(thrown).toMatchObject({
      status: 'failed',
      reason: 'Your code threw TypeError: x is not a function',
    });
    const check = exerciseState(
      exercise,
      context({
        data: cell('ok'),
        ex: cell('ok'),
        ch: cell('error', [], { name: 'ReferenceError', message: 'mae is not defined' }),
      }),
    );
    expect(check.status).toBe('failed');
    expect(check.reason).toMatch(/A check could not run \(ReferenceError: mae is not defined\)/);
  });

  it('waits while the answer is being checked', () => {
    const s = exerciseState(exercise, context({ data: cell('ok'), ex: cell('ok'), ch: cell('running') }));
    expect(s).toMatchObject({ status: 'waiting', reason: 'Checking your answer…' });
  });
});
