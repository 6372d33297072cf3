import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/runtime/index.ts';
import { cell, flush, setup } from './scheduler-harness.ts';

describe('Scheduler: interruptions and graph changes', () => {
  it('marks an interrupted cell and its dependents, and goes on with the others', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x'), cell('c', 'z', 'y'), cell('d', 'w')]);
    t.held.add('a');
    const done = t.scheduler.request(['a', 'b', 'c', 'd']);
    await flush();
    t.scheduler.markInterrupted('a');
    expect(t.tokens[0].superseded()).toBe(true);
    await done;
    expect(t.runs).toEqual(['a', 'd']);
    expect(t.scheduler.statusOf('a')).toBe('interrupted');
    expect(t.last('b')?.detail?.reason).toBe('not run: it uses `x` from cell 1, which was interrupted');
    expect(t.last('c')?.detail?.reason).toBe('not run: it uses `y` from cell 2, which did not run');
    // The abandoned run finishing later changes nothing.
    await t.release('a');
    expect(t.scheduler.statusOf('a')).toBe('interrupted');
    expect(t.values.has('a')).toBe(false);
  });

  it('does not restart an interrupted upstream cell for a downstream request, but does when asked', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x')]);
    await t.scheduler.request(['a']);
    t.scheduler.markInterrupted('a');
    t.runs.length = 0;
    // It may loop again: b is skipped with a reason instead.
    await t.scheduler.request(['b']);
    expect(t.runs).toEqual([]);
    expect(t.scheduler.statusOf('b')).toBe('stale');
    expect(t.last('b')).toMatchObject({
      status: 'stale',
      detail: { reason: expect.stringMatching(/interrupted/) },
    });
    await t.scheduler.request(['a']);
    expect(t.runs).toEqual(['a', 'b']);
  });

  it('runs a missing upstream value of a downstream cell first (a fresh worker after an interrupt)', async () => {
    // a defines x; b is a control defining k; c uses x and k. In a fresh worker only b has a value.
    const t = setup([cell('a', 'x'), cell('b', 'k'), cell('c', 'z', 'x k')]);
    await t.scheduler.request(['b'], { downstream: false });
    t.runs.length = 0;
    await t.scheduler.request(['b']);
    expect(t.runs).toEqual(['a', 'b', 'c']);
    expect(t.scheduler.statusOf('c')).toBe('ok');
  });

  it('restores cells without running what is downstream of them', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x'), cell('c', 'z')]);
    await t.scheduler.request(['a', 'c']);
    t.runs.length = 0;
    await t.scheduler.request(['a', 'c'], { downstream: false });
    expect(t.runs).toEqual(['a', 'c']);
  });

  it('forgets the status of changed cells when the graph changes', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x')]);
    t.failing.set('a', 'error');
    await t.scheduler.request(['a']);
    expect(t.scheduler.statusOf('a')).toBe('error');
    // The user fixes cell a (now defining x without error), then runs b.
    t.failing.delete('a');
    t.scheduler.setGraph(buildGraph([cell('a', 'x'), cell('b', 'y', 'x')]), ['a']);
    expect(t.scheduler.statusOf('a')).toBeUndefined();
    t.runs.length = 0;
    await t.scheduler.request(['b']);
    expect(t.runs).toEqual(['a', 'b']);
  });

  it('supersedes a running cell whose source changes, without running it again', async () => {
    const t = setup([cell('a', 'x')]);
    t.held.add('a');
    const done = t.scheduler.request(['a']);
    await flush();
    t.scheduler.setGraph(buildGraph([cell('a', 'x2')]), ['a']);
    expect(t.tokens[0].superseded()).toBe(true);
    await t.release('a');
    await done;
    expect(t.runs).toEqual(['a']);
    expect(t.last('a')).toEqual({
      id: 'a',
      status: 'stale',
      detail: { reason: 'its source changed while it ran' },
    });
    expect(t.scheduler.statusOf('a')).toBeUndefined();
  });

  it('drops removed cells and queues new dependents of waiting cells', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y'), cell('c', 'z')]);
    t.held.add('a');
    const done = t.scheduler.request(['a', 'b', 'c']);
    await flush();
    t.scheduler.setGraph(buildGraph([cell('a', 'x'), cell('b', 'y'), cell('n', 'm', 'y')]));
    await t.release('a');
    await done;
    expect(t.runs).toEqual(['a', 'b', 'n']);
  });

  it('goes idle at once for an empty request', async () => {
    const t = setup([cell('a', 'x')]);
    await t.scheduler.request([]);
    await t.scheduler.request(['unknown']);
    expect(t.runs).toEqual([]);
    expect(t.idles()).toBe(2);
  });
});
