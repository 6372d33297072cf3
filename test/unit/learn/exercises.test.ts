import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import { cellRole, codeHidden, findExercises, hintsIn, onlyHints } from '../../../src/learn/exercises.ts';
import { runnableCells } from '../../../src/learn/notebook-cells.ts';
import type { CodeCell } from '../../../src/notebook/notebook.ts';

const fixture = readFileSync(new URL('../../fixtures/notebooks/exercise.md', import.meta.url), 'utf8');

describe('findExercises', () => {
  it('reads an exercise with its checks, hints in order and its solution', () => {
    const notebook = parseNotebook(fixture);
    const { exercises, problems } = findExercises(notebook);
    expect(problems).toEqual([]);
    expect(exercises).toHaveLength(1);
    const [e] = exercises;
    expect(e).toMatchObject({
      id: 'mae',
      title: 'Mean absolute error',
      cellId: 'cell-2',
      checkIds: ['cell-3'],
    });
    expect(e.hints).toEqual([
      'Subtract the forecast from the actual value, point by point, and drop the sign.',
      '`mean(test.map((y, i) => Math.abs(y - forecast[i])))`',
    ]);
    expect(e.solution?.source).toBe('const mae = mean(test.map((y, i) => Math.abs(y - forecast[i])));');
    // The solution is not a cell the kernel runs; the check is.
    expect(runnableCells(notebook).map((c) => c.id)).toEqual(['cell-1', 'cell-2', 'cell-3']);
  });

  it('says what is wrong with the way exercises are written, by line', () => {
    const text = [
      '```ts exercise title="no id"',
      'const a = 1;',
      '```',
      '',
      '```ts exercise id=x',
      'const b = 1;',
      '```',
      '',
      '```ts check for=nope',
      "check('a', true);",
      '```',
      '',
      '```hint',
      'a hint for nothing',
      '```',
      '',
      '```ts exercise id=x',
      'const c = 1;',
      '```',
      '',
    ].join('\n');
    const { exercises, problems } = findExercises(parseNotebook(text));
    expect(exercises.map((e) => e.id)).toEqual(['x']);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^line 1: an exercise needs an id/),
      expect.stringMatching(/^line 5: the exercise "x" has no check cell/),
      expect.stringMatching(/^line 9: this check is for "nope", but no exercise has that id; it is ignored/),
      expect.stringMatching(/^line 13: a hint needs for=<exercise id>/),
      expect.stringMatching(/^line 17: the exercise id "x" is used twice/),
    ]);
  });

  it('finds hint fences in prose (with ~~~ and longer fences), and tells a hint-only block', () => {
    const prose = 'Some text.\n\n~~~~hint for=a\nfirst\n~~~~\n\n```js\nnot a hint\n```\n';
    expect(hintsIn(prose, 10)).toEqual([{ for: 'a', text: 'first', line: 12 }]);
    expect(onlyHints(prose)).toBe(false);
    expect(onlyHints('\n```hint for=a\nx\n```\n\n```hint for=a\ny\n```\n')).toBe(true);
    expect(onlyHints('plain text')).toBe(false);
  });

  it('gives every cell a role from its options', () => {
    const cell = (options: Record<string, string | true>) => ({ options }) as unknown as CodeCell;
    expect(cellRole(cell({ exercise: true, id: 'a' }))).toBe('exercise');
    expect(cellRole(cell({ check: true, for: 'a' }))).toBe('check');
    expect(cellRole(cell({ solution: true, for: 'a' }))).toBe('solution');
    expect(cellRole(cell({ hidden: true }))).toBe('plain');
    expect(codeHidden(cell({ hidden: true }))).toBe(true);
    expect(codeHidden(cell({ check: true, for: 'a' }))).toBe(true);
    expect(codeHidden(cell({ exercise: true, id: 'a' }))).toBe(false);
  });
});
