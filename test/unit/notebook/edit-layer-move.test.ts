import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook, type Notebook } from 'dplab/notebook';
import {
  applyLayer,
  emptyLayer,
  hasEdits,
  readEditLayer,
  recordEdit,
  recordInsert,
  recordMove,
  recordRemove,
  resetBlock,
  type BlockState,
  type EditLayer,
} from '../../../src/notebook/layer/edit-layer.ts';

/** A lesson from blocks written as `# prose` or `ts:code`; blocks are separated by blank lines. */
function lesson(...blocks: string[]): Notebook {
  const text = blocks.map((b) => (b.startsWith('ts:') ? '```ts\n' + b.slice(3) + '\n```\n' : b + '\n'));
  return parseNotebook(text.join('\n'));
}

/** The applied notebook's blocks as `id=source` (sources without trailing blank lines). */
const shown = (lessonNb: Notebook, layer: EditLayer): string[] =>
  applyLayer(lessonNb, layer).notebook.blocks.map((b) => `${b.id}=${b.source.trimEnd()}`);

/** A block's state in one line: its origin, then `edited`, `lessonChanged` and `moved` when set. */
function flags(s: BlockState | undefined): string {
  if (s === undefined) return 'none';
  const marks = [s.edited && 'edited', s.lessonChanged && 'lessonChanged', s.moved === true && 'moved'];
  return [s.origin, ...marks].filter(Boolean).join(' ');
}

const state = (lessonNb: Notebook, layer: EditLayer, id: string): string =>
  flags(applyLayer(lessonNb, layer).blocks.get(id));

/** `list` with items `i` and `i + 1` swapped. */
function swapped<T>(list: readonly T[], i: number): T[] {
  const out = [...list];
  const [a, b] = [out[i], out[i + 1]];
  if (a === undefined || b === undefined) throw new RangeError(`cannot swap ${i} in ${list.length}`);
  out[i] = b;
  out[i + 1] = a;
  return out;
}

/** Moves block `id` and checks that exactly it and its neighbour swapped places, ids and texts kept. */
function moveAndCheck(lessonNb: Notebook, layer: EditLayer, id: string, direction: -1 | 1): EditLayer {
  const before = shown(lessonNb, layer);
  const at = before.findIndex((s) => s.startsWith(`${id}=`));
  const next = recordMove(layer, lessonNb, id, direction);
  const edge = direction < 0 ? at === 0 : at === before.length - 1;
  if (edge) {
    expect(next, `moving ${id} ${direction} at the edge`).toBe(layer);
    return next;
  }
  expect(shown(lessonNb, next), `moving ${id} ${direction}`).toEqual(
    swapped(before, direction < 0 ? at - 1 : at),
  );
  return next;
}

const plotA = 'const a = [1, 2, 3];\nconst total = a.reduce((s, x) => s + x, 0);\ntotal';
const plotB = 'const b = a.map((x) => x * 2);\nb';
const [A, B] = ['ts:' + plotA, 'ts:' + plotB];
const v1 = lesson('# Title', A, 'Middle prose.', B);
const empty = emptyLayer('l.md');

describe('recordMove: swapping with the neighbour', () => {
  it('moves lesson code and markdown blocks up and down, keeping their ids', () => {
    expect(shown(v1, empty)).toEqual([
      'md-1=# Title',
      'cell-1=' + plotA,
      'md-2=Middle prose.',
      'cell-2=' + plotB,
    ]);
    const down = moveAndCheck(v1, empty, 'cell-1', 1);
    expect(shown(v1, down)).toEqual([
      'md-1=# Title',
      'md-2=Middle prose.',
      'cell-1=' + plotA,
      'cell-2=' + plotB,
    ]);
    expect(state(v1, down, 'cell-1')).toBe('lesson moved');
    expect(hasEdits(down)).toBe(true);
    const up = moveAndCheck(v1, empty, 'md-2', -1);
    expect(shown(v1, up).map((s) => s.split('=')[0])).toEqual(['md-1', 'md-2', 'cell-1', 'cell-2']);
    expect(state(v1, up, 'md-2')).toBe('lesson moved');
    // The block it swapped with did not move.
    expect(state(v1, up, 'cell-1')).toBe('lesson');
  });

  it('returns the layer itself at the edges and for an unknown id', () => {
    expect(recordMove(empty, v1, 'md-1', -1)).toBe(empty);
    expect(recordMove(empty, v1, 'cell-2', 1)).toBe(empty);
    expect(recordMove(empty, v1, 'cell-9', 1)).toBe(empty);
    const { layer, id } = recordInsert(empty, v1, 4, { source: 'last' });
    expect(recordMove(layer, v1, id, 1)).toBe(layer);
    const first = recordInsert(empty, v1, 0, { kind: 'markdown', source: 'First.\n' });
    expect(recordMove(first.layer, v1, first.id, -1)).toBe(first.layer);
  });

  it('moving down then up (or up then down) leaves no record', () => {
    for (const id of ['md-1', 'cell-1', 'md-2', 'cell-2']) {
      for (const direction of [-1, 1] as const) {
        const there = recordMove(empty, v1, id, direction);
        if (there === empty) continue;
        expect(recordMove(there, v1, id, direction === 1 ? -1 : 1), `${id} ${direction}`).toEqual(empty);
      }
    }
  });

  it('moves a block the length of the notebook and back, one step at a time', () => {
    let layer: EditLayer = empty;
    for (let k = 0; k < 3; k++) layer = moveAndCheck(v1, layer, 'md-1', 1);
    expect(shown(v1, layer).map((s) => s.split('=')[0])).toEqual(['cell-1', 'md-2', 'cell-2', 'md-1']);
    for (let k = 0; k < 3; k++) layer = moveAndCheck(v1, layer, 'md-1', -1);
    expect(layer).toEqual(empty);
  });

  it('moves inserted blocks (code and markdown) among lesson and inserted blocks, keeping their ids', () => {
    let layer = recordInsert(empty, v1, 2, { source: 'one' }).layer;
    layer = recordInsert(layer, v1, 3, { kind: 'markdown', source: 'My note.\n' }).layer;
    layer = recordInsert(layer, v1, 0, { source: 'zero', info: 'ts hidden' }).layer;
    expect(shown(v1, layer).map((s) => s.split('=')[0])).toEqual([
      'new-3',
      'md-1',
      'cell-1',
      'new-1',
      'new-2',
      'md-2',
      'cell-2',
    ]);
    // Every block, both ways, from this layout.
    for (const id of ['new-3', 'md-1', 'cell-1', 'new-1', 'new-2', 'md-2', 'cell-2']) {
      moveAndCheck(v1, layer, id, -1);
      moveAndCheck(v1, layer, id, 1);
    }
    // An inserted block stays an inserted block, with its info string.
    const moved = moveAndCheck(v1, layer, 'new-3', 1);
    expect(moved.inserted?.map((b) => b.id).sort()).toEqual(['new-1', 'new-2', 'new-3']);
    const cell = applyLayer(v1, moved).notebook.blocks[1];
    expect(cell?.kind === 'code' && cell.options).toEqual({ hidden: true });
  });

  it('a moved code cell keeps its info string and the download reads back in the new order', () => {
    const hidden = parseNotebook('Intro.\n\n```ts hidden\nconst h = 1;\n```\n\n```ts\nshown\n```\n\nEnd.\n');
    let layer = moveAndCheck(hidden, empty, 'cell-1', 1);
    layer = moveAndCheck(hidden, layer, 'md-2', -1);
    const { notebook } = applyLayer(hidden, layer);
    const reread = parseNotebook(serializeNotebook(notebook));
    expect(reread.problems).toEqual([]);
    expect(reread.blocks.map((b) => b.source.trimEnd())).toEqual(['Intro.', 'shown', 'End.', 'const h = 1;']);
    expect(reread.blocks[3]?.kind === 'code' && reread.blocks[3].options).toEqual({ hidden: true });
    // Also when the lesson later removes it after an edit: it is kept with its info string.
    const edited = recordEdit(layer, hidden, 'cell-1', 'const h = 2;');
    const v2 = parseNotebook('Intro.\n\n```ts\nshown\n```\n\nEnd.\n');
    const kept = applyLayer(v2, edited).notebook.blocks.find((b) => b.id === 'kept-cell-1');
    expect(kept?.kind === 'code' && kept.options).toEqual({ hidden: true });
  });
});

describe('recordMove with edits, removals and reset', () => {
  it('an edited block moves with its text; later edits and an edit back to the lesson text', () => {
    const edited = recordEdit(empty, v1, 'cell-1', 'mine');
    const moved = moveAndCheck(v1, edited, 'cell-1', 1);
    expect(moved.cells).toEqual([]);
    expect(state(v1, moved, 'cell-1')).toBe('lesson edited moved');
    const again = recordEdit(moved, v1, 'cell-1', 'mine, again');
    expect(shown(v1, again)[2]).toBe('cell-1=mine, again');
    const back = recordEdit(again, v1, 'cell-1', plotA);
    expect(state(v1, back, 'cell-1')).toBe('lesson moved');
    // Moved back, it is an ordinary edit again (or nothing when unedited).
    expect(recordMove(again, v1, 'cell-1', -1)).toEqual(recordEdit(empty, v1, 'cell-1', 'mine, again'));
    expect(recordMove(back, v1, 'cell-1', -1)).toEqual(empty);
  });

  it('editing a block after moving it', () => {
    const moved = moveAndCheck(v1, empty, 'md-2', -1);
    const edited = recordEdit(moved, v1, 'md-2', 'Changed prose.\n');
    expect(shown(v1, edited)).toEqual([
      'md-1=# Title',
      'md-2=Changed prose.',
      'cell-1=' + plotA,
      'cell-2=' + plotB,
    ]);
    expect(state(v1, edited, 'md-2')).toBe('lesson edited moved');
  });

  it('removing a moved block hides it; Reset puts a moved block back in its place', () => {
    const moved = moveAndCheck(v1, recordEdit(empty, v1, 'cell-2', 'mine'), 'cell-2', -1);
    const removed = recordRemove(moved, v1, 'cell-2');
    expect(shown(v1, removed).map((s) => s.split('=')[0])).toEqual(['md-1', 'cell-1', 'md-2']);
    expect(removed.inserted).toEqual([]);
    expect(resetBlock(moved, v1, 'cell-2')).toEqual(empty);
  });

  it('moves a removed block that the lesson changed (shown again), keeping it', () => {
    const removed = recordRemove(empty, v1, 'md-2');
    const v2 = lesson('# Title', A, 'Middle prose, rewritten by the author.', B);
    expect(state(v2, removed, 'md-2')).toBe('lesson lessonChanged');
    const moved = moveAndCheck(v2, removed, 'md-2', 1);
    expect(moved.removed).toEqual([]);
    expect(state(v2, moved, 'md-2')).toBe('lesson moved');
  });

  it('moves a kept block (the lesson removed an edited block) past inserted and lesson blocks', () => {
    const v2 = lesson('# Title', 'Middle prose.', B);
    // An inserted block right after the kept one: both follow the lesson's first block.
    const layer = recordInsert(recordEdit(empty, v1, 'cell-1', 'mine'), v2, 2, {
      source: 'after kept',
    }).layer;
    expect(shown(v2, layer)).toEqual([
      'md-1=# Title\n\nMiddle prose.',
      'kept-cell-1=mine',
      'new-1=after kept',
      'cell-1=' + plotB,
    ]);
    const down = moveAndCheck(v2, layer, 'kept-cell-1', 1);
    expect(state(v2, down, 'kept-cell-1')).toBe('kept edited lessonChanged moved');
    const further = moveAndCheck(v2, down, 'kept-cell-1', 1);
    moveAndCheck(v2, further, 'kept-cell-1', 1);
    moveAndCheck(v2, layer, 'kept-cell-1', -1);
    // Placing a block between a lesson block and a kept one (a kept edit is listed before inserted ones).
    const newUp = moveAndCheck(v2, layer, 'new-1', -1);
    moveAndCheck(v2, newUp, 'new-1', -1);
    moveAndCheck(v2, layer, 'md-1', 1);
    moveAndCheck(v2, layer, 'cell-1', -1);
    // The kept text can still be edited, and stays even when typed back to the old lesson text.
    const typedBack = recordEdit(down, v2, 'kept-cell-1', plotA);
    expect(shown(v2, typedBack)).toContain('new-2=' + plotA);
  });
});

describe('recordMove across lesson updates', () => {
  // cell-2 (B) moved above the middle prose, and cell-1 (A) edited.
  const moved = moveAndCheck(v1, recordEdit(empty, v1, 'cell-1', 'mine A'), 'cell-2', -1);
  const mdMoved = moveAndCheck(v1, empty, 'md-1', 1);

  it('a lesson change elsewhere shows, and the moved block stays moved', () => {
    const v2 = lesson('# Title, revised', A, 'Middle prose, reworded.', B);
    expect(shown(v2, moved)).toEqual([
      'md-1=# Title, revised',
      'cell-1=mine A',
      'cell-2=' + plotB,
      'md-2=Middle prose, reworded.',
    ]);
    expect(shown(v2, mdMoved)[1]).toBe('md-1=# Title, revised');
  });

  it('the lesson inserts blocks: ids shift, the moved block stays after its anchor', () => {
    const v2 = lesson('ts:const first = 0;', '# Title', A, 'New prose.', 'Middle prose.', B, 'Epilogue.');
    expect(shown(v2, moved)).toEqual([
      'cell-1=const first = 0;',
      'md-1=# Title',
      'cell-2=mine A',
      'cell-3=' + plotB,
      'md-2=New prose.\n\nMiddle prose.',
      'md-3=Epilogue.',
    ]);
    expect(state(v2, moved, 'cell-3')).toBe('lesson moved');
    // And it can be moved on under its new id.
    moveAndCheck(v2, moved, 'cell-3', 1);
  });

  it('the lesson removes another block (even its anchor): nothing is lost', () => {
    const noMiddle = lesson('# Title', A, B);
    expect(shown(noMiddle, moved)).toEqual(['md-1=# Title', 'cell-1=mine A', 'cell-2=' + plotB]);
    // The anchor (A) goes: the moved block takes the place of a code block at A's position.
    const noA = lesson('# Title', 'Other prose.', B, 'More.');
    expect(shown(noA, moved)).toContain('kept-cell-1=mine A');
    expect(shown(noA, moved)).toContain('cell-1=' + plotB);
    expect(shown(noA, moved)).toHaveLength(4);
  });

  it('the lesson changes the moved block: unedited, the new text shows where the student put it', () => {
    const v2 = lesson('# Title', A, 'Middle prose.', B + '\nconsole.log(b);');
    expect(shown(v2, moved)[2]).toBe('cell-2=' + plotB + '\nconsole.log(b);');
    expect(state(v2, moved, 'cell-2')).toBe('lesson moved');
    const md2 = lesson('# Title, revised', A, 'Middle prose.', B);
    expect(shown(md2, mdMoved)).toEqual([
      'cell-1=' + plotA,
      'md-1=# Title, revised',
      'md-2=Middle prose.',
      'cell-2=' + plotB,
    ]);
  });

  it('the lesson changes the moved block: edited, the student’s text stays, marked', () => {
    const edited = recordEdit(moved, v1, 'cell-2', 'mine B');
    const v2 = lesson('# Title', A, 'Middle prose.', B + '\nconsole.log(b);');
    expect(shown(v2, edited)).toEqual([
      'md-1=# Title',
      'cell-1=mine A',
      'cell-2=mine B',
      'md-2=Middle prose.',
    ]);
    expect(state(v2, edited, 'cell-2')).toBe('lesson edited lessonChanged moved');
    expect(applyLayer(v2, edited).blocks.get('cell-2')?.base).toBe(plotB);
    // Edited after the lesson changed (an unedited moved block), the edit starts from the new text.
    const late = recordEdit(moved, v2, 'cell-2', 'mine B');
    expect(state(v2, late, 'cell-2')).toBe('lesson edited moved');
  });

  it('the lesson removes the moved block: gone if untouched, kept where moved if edited', () => {
    const v2 = lesson('# Title', A, 'Middle prose.');
    expect(shown(v2, moved)).toEqual(['md-1=# Title', 'cell-1=mine A', 'md-2=Middle prose.']);
    const edited = recordEdit(moved, v1, 'cell-2', 'mine B');
    expect(shown(v2, edited)).toEqual([
      'md-1=# Title',
      'cell-1=mine A',
      'kept-cell-2=mine B',
      'md-2=Middle prose.',
    ]);
    expect(state(v2, edited, 'kept-cell-2')).toBe('kept edited lessonChanged moved');
    expect(applyLayer(v2, edited).blocks.get('kept-cell-2')?.base).toBe(plotB);
  });
});

describe('stored moves', () => {
  it('a layer with moves reads back from JSON unchanged, and applies the same', () => {
    let layer = recordEdit(empty, v1, 'cell-1', 'mine');
    layer = recordMove(layer, v1, 'cell-1', 1);
    layer = recordMove(layer, v1, 'md-1', 1);
    layer = recordInsert(layer, v1, 1, { kind: 'markdown', source: 'Note.\n' }).layer;
    layer = recordMove(layer, v1, 'new-3', 1);
    const read = readEditLayer(JSON.parse(JSON.stringify(layer)));
    expect(read).toEqual(layer);
    expect(read.inserted?.some((b) => b.moved !== undefined)).toBe(true);
    expect(shown(v1, read)).toEqual(shown(v1, layer));
  });

  it('reads old layers without moves, and reports a damaged move record', () => {
    const old = {
      version: 1,
      notebook: 'x',
      cells: [],
      inserted: [{ id: 'new-1', kind: 'code', text: 't', after: null }],
    };
    expect(readEditLayer(old).inserted?.[0]).toEqual({ id: 'new-1', kind: 'code', text: 't', after: null });
    const bad = (moved: unknown): unknown => ({ ...old, inserted: [{ ...old.inserted[0], moved }] });
    expect(() => readEditLayer(bad('cell-1'))).toThrow('inserted[0].moved is not an object');
    expect(() => readEditLayer(bad({ kind: 'code', index: 0, base: 'x' }))).toThrow(
      'inserted[0].moved.id is not',
    );
    expect(() => readEditLayer(bad({ kind: 'prose', index: 0, base: 'x', id: 'c' }))).toThrow('moved.kind');
    const good = { kind: 'code', index: 1, base: 'x', id: 'cell-2' };
    expect(readEditLayer(bad(good)).inserted?.[0]?.moved).toEqual(good);
  });
});

describe('random moves', () => {
  it('every move swaps exactly two blocks, and lesson updates lose no student text', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const prose = (): string => `Prose ${random(50)} about ${random(9)}.`;
    const randomBlock = (): string => (random(2) ? prose() : `ts:const v${random(50)} = ${random(9)};\nv`);
    let moves = 0;
    for (let round = 0; round < 150; round++) {
      const before = Array.from({ length: 1 + random(6) }, randomBlock);
      const v1Lesson = lesson(...before);
      let layer = emptyLayer('l.md');
      for (let k = 0; k < 8; k++) {
        const blocks = applyLayer(v1Lesson, layer).notebook.blocks;
        const target = blocks[random(blocks.length)];
        const [action, at] = [random(6), random(blocks.length + 1)];
        if (action === 0) layer = recordInsert(layer, v1Lesson, at, { source: `mine ${k}` }).layer;
        else if (action === 1 && target) layer = recordRemove(layer, v1Lesson, target.id);
        else if (action === 2 && target)
          layer = recordEdit(layer, v1Lesson, target.id, `edit ${k}\n${target.source}`);
        else if (target) {
          layer = moveAndCheck(v1Lesson, layer, target.id, random(2) ? 1 : -1);
          moves++;
        }
      }
      const after = [...before];
      for (let k = 0; k < 3; k++) {
        const at = random(after.length + 1);
        if (random(2) === 0) after.splice(at, 1);
        else after.splice(at, 0, randomBlock());
      }
      const stored = readEditLayer(JSON.parse(JSON.stringify(layer)));
      const v2Lesson = lesson(...after);
      const texts = applyLayer(v2Lesson, stored).notebook.blocks.map((b) => b.source);
      const typed = [
        ...layer.cells.map((b) => b.text),
        ...(layer.inserted ?? [])
          .filter((b) => b.moved === undefined || b.text !== b.moved.base)
          .map((b) => b.text),
      ];
      for (const text of typed) expect(texts, `round ${round}`).toContain(text);
      // And the blocks can still be moved after the update.
      const ids = applyLayer(v2Lesson, stored).notebook.blocks.map((b) => b.id);
      const id = ids[random(ids.length)];
      if (id !== undefined) moveAndCheck(v2Lesson, stored, id, random(2) ? 1 : -1);
    }
    expect(moves).toBeGreaterThan(300);
  });
});
