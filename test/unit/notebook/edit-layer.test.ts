import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook, type Notebook } from 'dplab/notebook';
import {
  applyLayer,
  emptyLayer,
  hasEdits,
  lineDiff,
  readEditLayer,
  recordEdit,
  recordInsert,
  recordRemove,
  resetBlock,
  type BlockState,
} from '../../../src/notebook/layer/edit-layer.ts';

/** A lesson from blocks written as `# prose` or `ts:code`; blocks are separated by blank lines. */
function lesson(...blocks: string[]): Notebook {
  const text = blocks.map((b) => (b.startsWith('ts:') ? '```ts\n' + b.slice(3) + '\n```\n' : b + '\n'));
  return parseNotebook(text.join('\n'));
}

/** The applied notebook's blocks as `id=source` (markdown sources without their trailing blank lines). */
const shown = (nb: Notebook): string[] => nb.blocks.map((b) => `${b.id}=${b.source.trimEnd()}`);

/** A block's state in one line: its origin, then `edited` and `lessonChanged` when set. */
function flags(s: BlockState | undefined): string {
  if (s === undefined) return 'none';
  return [s.origin, s.edited && 'edited', s.lessonChanged && 'lessonChanged'].filter(Boolean).join(' ');
}

const plotA = 'const a = [1, 2, 3];\nconst total = a.reduce((s, x) => s + x, 0);\ntotal';
const plotB = 'const b = a.map((x) => x * 2);\nb';
const [A, B] = ['ts:' + plotA, 'ts:' + plotB];
const v1 = lesson('# Title', A, 'Middle prose.', B);
const mineA = plotA + '\nconsole.log(total);';

describe('applyLayer: the rule for each case', () => {
  const layer = recordEdit(emptyLayer('l.md'), v1, 'cell-1', mineA);

  it('shows the lesson unchanged, byte for byte, when nothing is edited', () => {
    const { notebook, blocks } = applyLayer(v1, emptyLayer('l.md'));
    expect(serializeNotebook(notebook)).toBe(serializeNotebook(v1));
    expect(new Set([...blocks.values()].map(flags))).toEqual(new Set(['lesson']));
  });

  it('edited, lesson unchanged: the student’s text, marked edited', () => {
    const { notebook, blocks } = applyLayer(v1, layer);
    expect(notebook.blocks[1]?.source).toBe(mineA);
    expect(blocks.get('cell-1')).toMatchObject({ lessonChanged: false, original: plotA });
    expect([flags(blocks.get('cell-1')), flags(blocks.get('cell-2'))]).toEqual(['lesson edited', 'lesson']);
    // The download is the same format, with the edit in it.
    const reread = parseNotebook(serializeNotebook(notebook));
    expect(reread.blocks.map((b) => b.source)).toEqual(notebook.blocks.map((b) => b.source));
  });

  it('untouched blocks take the updated lesson’s text', () => {
    const v2 = lesson('# Title', A, 'Middle prose, reworded.', B + ';');
    const { notebook, blocks } = applyLayer(v2, layer);
    expect(shown(notebook).slice(2)).toEqual(['md-2=Middle prose, reworded.', 'cell-2=' + plotB + ';']);
    expect(notebook.blocks[1]?.source).toBe(mineA);
    expect(flags(blocks.get('md-2'))).toBe('lesson');
  });

  it('edited, lesson changed: the student’s text, marked lessonChanged, with both originals', () => {
    const changed = plotA.replace('[1, 2, 3]', '[1, 2, 3, 4]');
    const v2 = lesson('# Title', 'ts:' + changed, 'Middle prose.', B);
    const { notebook, blocks } = applyLayer(v2, layer);
    expect(notebook.blocks[1]?.source).toBe(mineA);
    expect(blocks.get('cell-1')).toMatchObject({ lessonChanged: true, original: changed, base: plotA });
  });

  it('recognises a one-line block the lesson changed by a word (word similarity)', () => {
    const one = lesson('A paragraph that explains moving averages over a window of twelve months.');
    const edited = recordEdit(emptyLayer('l.md'), one, 'md-1', 'My own notes.\n');
    const v2 = lesson('A paragraph that explains moving averages over a window of 12 months.');
    const { notebook, blocks } = applyLayer(v2, edited);
    expect(shown(notebook)).toEqual(['md-1=My own notes.']);
    expect(flags(blocks.get('md-1'))).toBe('lesson edited lessonChanged');
  });

  it('the lesson removed the block: the student’s block is kept in place, marked lessonChanged', () => {
    const v2 = lesson('# Title', 'Middle prose.', B);
    const { notebook, blocks } = applyLayer(v2, layer);
    // (Removing the cell joined the prose around it into one block.)
    expect(shown(notebook)).toEqual([
      'md-1=# Title\n\nMiddle prose.',
      'kept-cell-1=' + mineA,
      'cell-1=' + plotB,
    ]);
    expect(flags(blocks.get('kept-cell-1'))).toBe('kept edited lessonChanged');
    expect(blocks.get('kept-cell-1')).toMatchObject({ original: '', base: plotA });
  });

  it('the lesson inserted blocks: they appear, and the edit follows its block to its new id', () => {
    const v2 = lesson('# Title', 'ts:const first = 0;', 'New prose.', A, 'Middle prose.', B);
    const { notebook, blocks } = applyLayer(v2, layer);
    const expected = ['md-1=# Title', 'cell-1=const first = 0;', 'md-2=New prose.', 'cell-2=' + mineA];
    expect(shown(notebook)).toEqual([...expected, 'md-3=Middle prose.', 'cell-3=' + plotB]);
    expect([flags(blocks.get('cell-1')), flags(blocks.get('cell-2'))]).toEqual(['lesson', 'lesson edited']);
  });

  it('an exact match wins over a similar block at the recorded position', () => {
    // The lesson inserts, where the edited cell was, a near copy of it; the edited cell moves on.
    const nearCopy = plotA.replace('total', 'sum');
    const { blocks } = applyLayer(lesson('# Title', 'ts:' + nearCopy, 'More.', A, 'Middle prose.', B), layer);
    expect([flags(blocks.get('cell-1')), flags(blocks.get('cell-2'))]).toEqual(['lesson', 'lesson edited']);
  });

  it('matches identical blocks one to one, nearest first', () => {
    const twice = lesson('ts:x', 'A.', 'ts:x', 'B.', 'ts:x');
    let edits = recordEdit(emptyLayer('l.md'), twice, 'cell-1', 'first');
    edits = recordEdit(edits, twice, 'cell-3', 'third');
    const cells = shown(applyLayer(twice, edits).notebook).filter((s) => s.startsWith('cell'));
    expect(cells).toEqual(['cell-1=first', 'cell-2=x', 'cell-3=third']);
  });
});

describe('recording and resetting', () => {
  it('an edit back to the lesson’s text forgets the edit', () => {
    const edited = recordEdit(emptyLayer('l.md'), v1, 'cell-2', 'changed');
    expect(hasEdits(edited)).toBe(true);
    expect(recordEdit(edited, v1, 'cell-2', plotB)).toEqual(emptyLayer('l.md'));
    expect(recordEdit(emptyLayer('l.md'), v1, 'cell-2', plotB)).toEqual(emptyLayer('l.md'));
    // An unknown id changes nothing.
    const layer = emptyLayer('l.md');
    expect(recordEdit(layer, v1, 'cell-9', 'x')).toBe(layer);
    expect(resetBlock(layer, v1, 'cell-9')).toBe(layer);
    expect(recordRemove(layer, v1, 'new-1')).toBe(layer);
  });

  it('a second edit after a lesson update updates the same record and keeps its base', () => {
    const layer = recordEdit(emptyLayer('l.md'), v1, 'cell-1', 'mine');
    const v2 = lesson('ts:const first = 0;', '# Title', A, 'Middle prose.', B);
    const again = recordEdit(layer, v2, 'cell-2', 'mine, again');
    expect(again.cells).toHaveLength(1);
    expect(again.cells[0]).toMatchObject({ base: plotA, text: 'mine, again' });
  });

  it('Reset drops the edit; on a kept block it drops the block; on an inserted one too', () => {
    const layer = recordEdit(emptyLayer('l.md'), v1, 'cell-1', 'mine');
    expect(hasEdits(resetBlock(layer, v1, 'cell-1'))).toBe(false);
    const v2 = lesson('# Title', 'Middle prose.', B);
    expect(applyLayer(v2, layer).blocks.has('kept-cell-1')).toBe(true);
    expect(hasEdits(resetBlock(layer, v2, 'kept-cell-1'))).toBe(false);
    const { layer: withNew, id } = recordInsert(emptyLayer('l.md'), v1, 2);
    expect(hasEdits(resetBlock(withNew, v1, id))).toBe(false);
  });

  it('edits a kept block and an inserted block by their ids', () => {
    const v2 = lesson('# Title', 'Middle prose.', B);
    const mine = recordEdit(emptyLayer('l.md'), v1, 'cell-1', 'mine');
    const kept = recordEdit(mine, v2, 'kept-cell-1', 'mine 2');
    expect(kept.cells[0]?.text).toBe('mine 2');
    const { layer, id } = recordInsert(emptyLayer('l.md'), v1, 0);
    expect(recordEdit(layer, v1, id, 'hello').inserted?.[0]?.text).toBe('hello');
  });

  it('stores plain JSON that reads back', () => {
    let layer = recordEdit(emptyLayer('notebooks/x.md'), v1, 'md-1', '# My title\n');
    layer = recordInsert(layer, v1, 2, { source: 'const mine = 1;', info: 'ts hidden' }).layer;
    layer = recordRemove(layer, v1, 'md-2');
    expect(readEditLayer(JSON.parse(JSON.stringify(layer)))).toEqual(layer);
  });

  it('reports what is wrong with a damaged stored layer', () => {
    expect(() => readEditLayer(null)).toThrow('the edit layer is not an object');
    expect(() => readEditLayer({ version: 2 })).toThrow('version 2');
    expect(() => readEditLayer({ version: 1, notebook: 'x', cells: [{}] })).toThrow('cells[0].index');
    const cell = { kind: 'code', index: 0, base: '', id: 'cell-1', text: 3, after: null };
    expect(() => readEditLayer({ version: 1, notebook: 'x', cells: [cell] })).toThrow('cells[0].text is not');
    expect(readEditLayer({ version: 1, notebook: 'x', cells: [] })).toEqual(emptyLayer('x'));
  });
});

describe('inserted and removed blocks', () => {
  it('an inserted cell follows the lesson block it was inserted after, across lesson updates', () => {
    const { layer, id } = recordInsert(emptyLayer('l.md'), v1, 2, { source: 'const mine = total * 2;' });
    expect(id).toBe('new-1');
    expect(shown(applyLayer(v1, layer).notebook)[2]).toBe('new-1=const mine = total * 2;');
    const v2 = lesson('# Title', 'ts:const first = 0;', A, 'Middle prose.', B);
    expect(shown(applyLayer(v2, layer).notebook)[3]).toBe('new-1=const mine = total * 2;');
    expect(flags(applyLayer(v2, layer).blocks.get('new-1'))).toBe('inserted edited');
  });

  it('inserts in the order asked: at the start, and one after another', () => {
    let layer = recordInsert(emptyLayer('l.md'), v1, 0, { kind: 'markdown', source: 'Intro.\n' }).layer;
    layer = recordInsert(layer, v1, 3, { source: 'one' }).layer;
    layer = recordInsert(layer, v1, 4, { source: 'two' }).layer;
    layer = recordInsert(layer, v1, 4, { source: 'between' }).layer;
    const { notebook } = applyLayer(v1, layer);
    const order = ['Intro.', '# Title', plotA, 'one', 'between', 'two', 'Middle prose.', plotB];
    expect(notebook.blocks.map((b) => b.source.trimEnd())).toEqual(order);
    // Written out and read again, the inserted cells are ordinary cells.
    const reread = parseNotebook(serializeNotebook(notebook));
    expect(reread.problems).toEqual([]);
    const code = reread.blocks.filter((b) => b.kind === 'code').map((b) => b.source);
    expect(code).toEqual([plotA, 'one', 'between', 'two', plotB]);
    expect(() => recordInsert(emptyLayer('l.md'), v1, 0, { info: 'python' })).toThrow('starting with ts');
  });

  it('a removed block stays hidden while the lesson keeps it, and shows again when the lesson changes it', () => {
    const layer = recordRemove(recordEdit(emptyLayer('l.md'), v1, 'cell-2', 'mine'), v1, 'cell-2');
    expect(layer.cells).toEqual([]);
    expect(applyLayer(v1, layer).notebook.blocks.map((b) => b.id)).toEqual(['md-1', 'cell-1', 'md-2']);
    const v2 = lesson('# Title', A, 'Middle prose.', B + '\nconsole.log(b);');
    expect(flags(applyLayer(v2, layer).blocks.get('cell-2'))).toBe('lesson lessonChanged');
    // Removing it again hides the new version.
    expect(applyLayer(v2, recordRemove(layer, v2, 'cell-2')).notebook.blocks).toHaveLength(3);
    expect(resetBlock(layer, v2, 'cell-2').removed).toEqual([]);
  });

  it('never loses student text: random lessons, edits (of all kinds) and lesson updates', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const prose = (): string => `Prose ${random(50)} about ${random(9)}.`;
    const randomBlock = (): string => (random(2) ? prose() : `ts:const v${random(50)} = ${random(9)};\nv`);
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: 1 + random(6) }, randomBlock);
      const lessonV1 = lesson(...before);
      let layer = emptyLayer('l.md');
      for (let k = 0; k < 4; k++) {
        const blocks = applyLayer(lessonV1, layer).notebook.blocks;
        const target = blocks[random(blocks.length)];
        const [action, at] = [random(4), random(blocks.length + 1)];
        if (action === 0) layer = recordInsert(layer, lessonV1, at, { source: `mine ${k}` }).layer;
        else if (action === 1 && target) layer = recordRemove(layer, lessonV1, target.id);
        else if (target) layer = recordEdit(layer, lessonV1, target.id, `edit ${k}\n${target.source}`);
      }
      const after = [...before];
      for (let k = 0; k < 3; k++) {
        const at = random(after.length + 1);
        if (random(2) === 0) after.splice(at, 1);
        else after.splice(at, 0, randomBlock());
      }
      const stored = readEditLayer(JSON.parse(JSON.stringify(layer)));
      const texts = applyLayer(lesson(...after), stored).notebook.blocks.map((b) => b.source);
      for (const text of [...layer.cells, ...(layer.inserted ?? [])].map((b) => b.text)) {
        expect(texts, `round ${round}`).toContain(text);
      }
    }
  });
});

describe('on the bundled notebooks', () => {
  const folder = new URL('../../../notebooks/', import.meta.url);
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.md'))) {
    it(`${name}: every edit survives the lesson gaining a cell at the top and losing its second cell`, () => {
      const v1Lesson = parseNotebook(readFileSync(new URL(name, folder), 'utf8'));
      let layer = emptyLayer(name);
      const code = v1Lesson.blocks.filter((b) => b.kind === 'code');
      for (const cell of code) layer = recordEdit(layer, v1Lesson, cell.id, `// mine\n${cell.source}`);
      const v2Lesson = parseNotebook(
        serializeNotebook(v1Lesson)
          .replace('```ts\n' + (code[1]?.source ?? '') + '\n```\n', '')
          .replace(/^(---[\s\S]*?---\n)/, '$1\n```ts\nconst added = 1;\n```\n\n'),
      );
      const { notebook, blocks } = applyLayer(v2Lesson, layer);
      // Every edited cell, in its place (the one the lesson removed too), after the new cell.
      const cells = notebook.blocks.filter((b) => b.kind === 'code').map((b) => b.source);
      expect(cells).toEqual(['const added = 1;', ...layer.cells.map((c) => c.text)]);
      expect([...blocks.values()].filter((s) => s.origin === 'kept')).toHaveLength(1);
    });
  }
});

describe('lineDiff', () => {
  /** A diff as text: `  same`, `- removed`, `+ added`. */
  const diff = (a: string, b: string): string =>
    lineDiff(a, b)
      .map((d) => ({ same: ' ', removed: '-', added: '+' })[d.kind] + ' ' + d.text)
      .join('|');

  it('marks unchanged, removed and added lines, removed first', () => {
    expect(diff('a\nb\nc\n', 'a\nB\nc\nd')).toBe('  a|- b|+ B|  c|+ d');
    expect(lineDiff('a', 'b')).toEqual([
      { kind: 'removed', text: 'a' },
      { kind: 'added', text: 'b' },
    ]);
  });

  it('handles empty texts and CRLF', () => {
    expect(diff('', '')).toBe('');
    expect(diff('', 'x')).toBe('+ x');
    expect(diff('x\r\ny', 'x\ny\n')).toBe('  x|  y');
  });

  it('finds a longest common subsequence, not just a common prefix', () => {
    expect(diff('1\n2\n3\n4\n5', '0\n2\n4\n5\n6')).toBe('- 1|+ 0|  2|- 3|  4|  5|+ 6');
  });
});
