import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseNotebook } from 'dplab/notebook';
import { StudentWork } from '../../../src/ui/student-work.ts';

// IndexedDB is not there in Node: an in-memory store stands in for idb-keyval.
const saved = new Map<string, unknown>();
vi.mock('idb-keyval', () => ({
  createStore: () => 'store',
  get: (key: string) => Promise.resolve(saved.get(key)),
  set: (key: string, value: unknown) => Promise.resolve(void saved.set(key, value)),
  del: (key: string) => Promise.resolve(void saved.delete(key)),
}));

const lesson = parseNotebook('# Title\n\n```ts\nconst a = 1;\n```\n\nMiddle.\n\n```ts\nconst b = 2;\n```\n');
const ids = (work: StudentWork): string[] => work.result.notebook.blocks.map((b) => b.id);

describe('StudentWork: moving, inserting Markdown, undo', () => {
  beforeEach(() => saved.clear());
  afterEach(() => vi.useRealTimers());

  it('moves a block, and Undo takes moves and deletions back in turn', async () => {
    const work = await StudentWork.load('k', lesson);
    expect(work.canUndo).toBe(false);
    expect(work.move('md-1', -1)).toBe(false);
    expect(work.canUndo).toBe(false);
    expect(work.move('cell-1', 1)).toBe(true);
    expect(ids(work)).toEqual(['md-1', 'md-2', 'cell-1', 'cell-2']);
    work.remove('cell-2');
    expect(work.move('cell-1', -1)).toBe(true);
    expect(ids(work)).toEqual(['md-1', 'cell-1', 'md-2']);
    work.undo();
    expect(ids(work)).toEqual(['md-1', 'md-2', 'cell-1']);
    work.undo();
    expect(ids(work)).toEqual(['md-1', 'md-2', 'cell-1', 'cell-2']);
    work.undo();
    expect(ids(work)).toEqual(['md-1', 'cell-1', 'md-2', 'cell-2']);
    expect(work.canUndo).toBe(false);
    expect(work.edited).toBe(false);
  });

  it('inserts Markdown blocks as well as code cells, and moves them', async () => {
    const work = await StudentWork.load('k', lesson);
    const note = work.insert(2, 'markdown');
    const cell = work.insert(0);
    const blocks = work.result.notebook.blocks;
    expect(blocks.map((b) => `${b.id}:${b.kind}`)).toEqual([
      `${cell}:code`,
      'md-1:markdown',
      'cell-1:code',
      `${note}:markdown`,
      'md-2:markdown',
      'cell-2:code',
    ]);
    work.edit(note, 'My note.\n');
    work.move(note, -1);
    expect(ids(work)).toEqual([cell, 'md-1', note, 'cell-1', 'md-2', 'cell-2']);
    expect(work.result.notebook.blocks[2]?.source).toBe('My note.\n');
  });

  it('saves a moved layer that loads back the same', async () => {
    vi.useFakeTimers();
    const work = await StudentWork.load('k', lesson);
    work.edit('cell-2', 'const b = 3;');
    work.move('cell-2', -1);
    await work.flush();
    expect(saved.has('k')).toBe(true);
    const again = await StudentWork.load('k', lesson);
    expect(again.problem).toBeUndefined();
    expect(ids(again)).toEqual(['md-1', 'cell-1', 'cell-2', 'md-2']);
    expect(again.result.notebook.blocks[2]?.source).toBe('const b = 3;');
    // Moved back, nothing is left to save.
    again.move('cell-2', 1);
    again.reset('cell-2');
    expect(again.edited).toBe(false);
    await again.flush();
    expect(saved.has('k')).toBe(false);
  });
});
