/**
 * Every exercise of every bundled notebook answers back honestly: written as the format asks
 * (checks, hints, a solution), its starter code does not pass, and its solution passes every check.
 * Each lesson has at least two exercises with at least two checks each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import { findExercises } from '../../../src/learn/exercises.ts';
import { exerciseState } from '../../../src/learn/exercise-state.ts';
import { upstreamOf } from '../../../src/learn/upstream.ts';
import type { Notebook } from '../../../src/notebook/notebook.ts';
import { runNotebook, type NotebookRun } from './run-notebook.ts';

const dir = new URL('../../../notebooks/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

function states(notebook: Notebook, run: NotebookRun, attempted: boolean) {
  const { exercises } = findExercises(notebook);
  // The graph's edges are not needed here: every cell has run, so nothing upstream is waiting.
  return exercises.map((e) => ({
    id: e.id,
    ...exerciseState(e, { attempted, cells: run.states, upstream: upstreamOf([], e.cellId), position: () => 0 }),
  }));
}

describe.each(files)('notebooks/%s', (file) => {
  const notebook = parseNotebook(readFileSync(new URL(file, dir), 'utf8'));
  const { exercises, problems } = findExercises(notebook);

  it('has at least two exercises, each with two checks, a hint ladder and a solution', () => {
    expect(problems).toEqual([]);
    expect(exercises.length).toBeGreaterThanOrEqual(2);
    for (const e of exercises) {
      expect(e.hints.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.solution, e.id).toBeDefined();
      expect(e.checkIds.length, e.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('starter code does not pass; each solution passes every check', async () => {
    const starter = await runNotebook(notebook);
    for (const s of states(notebook, starter, true)) {
      expect(s.status, `${s.id} passes with its starter code`).not.toBe('passed');
    }
    const solved = await runNotebook(
      notebook,
      new Map(exercises.flatMap((e) => (e.solution ? [[e.cellId, e.solution.source]] : []))),
    );
    expect(solved.failing.map(({ id: _id, ...rest }) => rest)).toEqual([]);
    for (const s of states(notebook, solved, true)) {
      expect(s.checks.length, `${s.id} has fewer than two checks`).toBeGreaterThanOrEqual(2);
      expect({ id: s.id, status: s.status, failed: s.checks.filter((c) => !c.passed) }).toEqual({
        id: s.id,
        status: 'passed',
        failed: [],
      });
    }
  }, 120_000);
});
