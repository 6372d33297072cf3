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

  it('Undo keeps everything typed after the step it takes back', async () => {
    const work = await StudentWork.load('k', lesson);
    work.edit('cell-1', 'const a = 10;');
    const mine = work.insert(4);
    work.edit(mine, 'const mine = 1;');
    work.remove('cell-1');
    work.remove(mine);
    // Typed after the removals: an edit, and a new Markdown block with text.
    work.edit('cell-2', 'const b = 20;');
    const note = work.insert(0, 'markdown');
    work.edit(note, 'Notes.\n');
    // The new block took the id `mine` had; `mine` comes back under a new one.
    expect(note).toBe(mine);
    work.undo(); // brings back `mine`
    work.undo(); // brings back cell-1, with its edit
    const text = (id: string) => work.result.notebook.blocks.find((b) => b.id === id)?.source;
    const back = ids(work)[5]!;
    expect(ids(work)).toEqual([note, 'md-1', 'cell-1', 'md-2', 'cell-2', back]);
    expect(new Set(ids(work)).size).toBe(6);
    expect([text('cell-1'), text(back), text('cell-2'), text(note)]).toEqual([
      'const a = 10;',
      'const mine = 1;',
      'const b = 20;',
      'Notes.\n',
    ]);

    // A move, then an edit of the moved block: Undo moves it back with the edit.
    work.move('cell-2', -1);
    work.edit('cell-2', 'const b = 30;');
    work.undo();
    expect(ids(work)).toEqual([note, 'md-1', 'cell-1', 'md-2', 'cell-2', back]);
    expect(text('cell-2')).toBe('const b = 30;');
    expect(work.canUndo).toBe(false);

    // Reset notebook leaves nothing to undo.
    work.remove('cell-2');
    work.resetAll();
    expect(work.canUndo).toBe(false);
    expect(ids(work)).toEqual(['md-1', 'cell-1', 'md-2', 'cell-2']);
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
