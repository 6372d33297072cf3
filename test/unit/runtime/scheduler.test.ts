import { describe, expect, it } from 'vitest';
import { Scheduler, buildGraph } from '../../../src/runtime/index.ts';
import { cell, flush, setup } from './scheduler-harness.ts';

describe('Scheduler', () => {
  it('runs requested cells upstream first, ties in notebook order', async () => {
    const t = setup([cell('c', 'z', 'x y'), cell('a', 'x'), cell('d', 'w'), cell('b', 'y', 'x')]);
    await t.scheduler.request(['a', 'b', 'c', 'd']);
    expect(t.runs).toEqual(['a', 'd', 'b', 'c']);
    expect(t.statuses('c')).toEqual(['queued', 'running', 'ok']);
    expect(t.scheduler.statusOf('c')).toBe('ok');
    expect(t.idles()).toBe(1);
    expect(t.scheduler.idle).toBe(true);
  });

  it('reports every queued cell before running any', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x')]);
    await t.scheduler.request(['a']);
    expect(t.events.map((e) => `${e.id}:${e.status}`)).toEqual([
      'a:queued',
      'b:queued',
      'a:running',
      'a:ok',
      'b:running',
      'b:ok',
    ]);
  });

  it('runs a cell and its descendants, not independent cells', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x'), cell('c', 'z'), cell('d', 'w', 'y')]);
    await t.scheduler.request(['a', 'b', 'c', 'd']);
    t.runs.length = 0;
    await t.scheduler.request(['b']);
    expect(t.runs).toEqual(['b', 'd']);
  });

  it('runs upstream cells that have never run before the requested cell', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x'), cell('c', 'z', 'y'), cell('d', 'w')]);
    await t.scheduler.request(['c']);
    expect(t.runs).toEqual(['a', 'b', 'c']);
    t.runs.length = 0;
    await t.scheduler.request(['c']);
    expect(t.runs).toEqual(['c']);
  });

  it('makes only the dependents of a failing cell stale, with a reason', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x'), cell('c', 'z', 'y'), cell('d', 'w')]);
    t.failing.set('a', { error: { name: 'TypeError', message: 'boom' } });
    await t.scheduler.request(['a', 'b', 'c', 'd']);
    expect(t.runs).toEqual(['a', 'd']);
    expect(t.last('a')).toEqual({
      id: 'a',
      status: 'error',
      detail: { error: { name: 'TypeError', message: 'boom' } },
    });
    expect(t.last('b')).toEqual({
      id: 'b',
      status: 'stale',
      detail: { reason: 'not run: it uses `x` from cell 1, which failed' },
    });
    expect(t.last('c')?.detail?.reason).toBe('not run: it uses `y` from cell 2, which did not run');
    expect(t.scheduler.statusOf('d')).toBe('ok');
  });

  it('does not re-run an upstream cell in error to satisfy a downstream request', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x')]);
    t.failing.set('a', 'error');
    await t.scheduler.request(['a']);
    t.runs.length = 0;
    await t.scheduler.request(['b']);
    expect(t.runs).toEqual([]);
    expect(t.scheduler.statusOf('b')).toBe('stale');
  });

  it('treats a rejected run as an error', async () => {
    const t = setup([cell('a', 'x')]);
    const scheduler = new Scheduler({
      graph: buildGraph([cell('a', 'x')]),
      execute: () => Promise.reject(new RangeError('kernel died')),
      onStatus: (id, status, detail) => t.events.push({ id, status, detail }),
      hasValue: () => false,
    });
    await scheduler.request(['a']);
    expect(t.events.at(-1)).toEqual({
      id: 'a',
      status: 'error',
      detail: { error: { name: 'RangeError', message: 'kernel died' } },
    });
  });

  it('reports duplicate definitions and cycles as errors, and still runs independent cells', async () => {
    const t = setup([
      cell('a', 'x'),
      cell('b', 'x'),
      cell('c', 'u', 'x'),
      cell('d', 'p', 'q'),
      cell('e', 'q', 'p'),
      cell('f', 'free'),
    ]);
    await t.scheduler.request(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(t.runs).toEqual(['f']);
    expect(t.last('a')?.detail?.error?.message).toBe(
      'x is defined by more than one cell (cells 1 and 2); rename one of them',
    );
    expect(t.last('b')?.status).toBe('error');
    expect(t.last('c')?.detail?.reason).toBe('not run: it uses `x` from cell 1, which has an error');
    expect(t.last('d')?.detail?.error).toEqual({
      name: 'DataflowError',
      message: 'circular definition: cell 4 (p) → cell 5 (q) → cell 4',
    });
    expect(t.scheduler.statusOf('e')).toBe('error');
  });

  it('coalesces requests made while a cell runs: dependents run once more, not once per request', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x'), cell('c', 'z', 'y')]);
    t.held.add('a');
    const done = t.scheduler.request(['a']);
    await flush();
    expect(t.runs).toEqual(['a']);
    const first = t.tokens[0];
    expect(first.superseded()).toBe(false);

    const again = Array.from({ length: 10 }, () => t.scheduler.request(['a']));
    expect(first.superseded()).toBe(true);
    await t.release('a');
    await Promise.all([done, ...again]);

    expect(t.runs).toEqual(['a', 'a', 'b', 'c']);
    expect(t.tokens[1].superseded()).toBe(false);
    expect(t.statuses('a')).toEqual(['queued', 'running', 'queued', 'running', 'ok']);
    expect(t.events.find((e) => e.id === 'a' && e.detail)?.detail?.reason).toMatch(/changed while it ran/);
    expect(t.statuses('b')).toEqual(['queued', 'running', 'ok']);
    expect(t.idles()).toBe(1);
  });

  it('re-runs a running downstream cell when its upstream is requested', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y', 'x'), cell('c', 'z')]);
    await t.scheduler.request(['a', 'b', 'c']);
    t.runs.length = 0;
    t.held.add('b');
    const done = t.scheduler.request(['b', 'c']);
    await flush();
    expect(t.runs).toEqual(['b']);
    void t.scheduler.request(['a']);
    await t.release('b');
    await done;
    expect(t.runs).toEqual(['b', 'a', 'b', 'c']);
  });

  it('runs a cell requested while another is queued only once', async () => {
    const t = setup([cell('a', 'x'), cell('b', 'y'), cell('c', 'z', 'y')]);
    t.held.add('a');
    const done = t.scheduler.request(['a', 'b']);
    await flush();
    void t.scheduler.request(['b']);
    void t.scheduler.request(['c']);
    await t.release('a');
    await done;
    expect(t.runs).toEqual(['a', 'b', 'c']);
  });
});
