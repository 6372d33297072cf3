import { describe, expect, it } from 'vitest';
import {
  insertCell,
  parseNotebook,
  removeCell,
  serializeNotebook,
  withCellSource,
  withMarkdownSource,
  type CodeCell,
} from 'dplab/notebook';

const text = [
  '---',
  'title: T # a comment that must survive',
  '---',
  '',
  '# Title',
  '',
  '```ts id=one',
  'const a = 1;',
  '```',
  '',
  'Between.',
  '',
  '```ts',
  'const b = 2;',
  '```',
  '',
].join('\r\n');

describe('withCellSource', () => {
  it('changes only that cell’s body when serialised', () => {
    const nb = withCellSource(parseNotebook(text), 'cell-1', 'const a = 10;\nconst c = 3;');
    expect(serializeNotebook(nb)).toBe(text.replace('const a = 1;', 'const a = 10;\r\nconst c = 3;'));
  });

  it('updates the lines of the blocks after the edit, and keeps the other block objects', () => {
    const before = parseNotebook(text);
    const nb = withCellSource(before, 'cell-1', 'a\nb\nc');
    expect(nb.blocks.map((b) => b.line)).toEqual([5, 7, 13, 15]);
    expect(nb.blocks[0]).toBe(before.blocks[0]);
    expect(before.blocks.map((b) => b.line)).toEqual([5, 7, 11, 13]);
    expect(parseNotebook(serializeNotebook(nb)).blocks.map((b) => b.line)).toEqual([5, 7, 13, 15]);
  });

  it('returns the same notebook when nothing changes', () => {
    const nb = parseNotebook(text);
    expect(withCellSource(nb, 'cell-1', 'const a = 1;')).toBe(nb);
    expect(withCellSource(nb, 'cell-9', 'x')).toBe(nb);
    expect(withCellSource(nb, 'md-1', 'x')).toBe(nb);
  });

  it('writes the original bytes again when an edit is undone', () => {
    const nb = parseNotebook(text);
    const undone = withCellSource(withCellSource(nb, 'cell-2', 'changed'), 'cell-2', 'const b = 2;');
    expect(serializeNotebook(undone)).toBe(text);
  });

  it('lengthens the fences when the new code holds a closing fence', () => {
    const nb = withCellSource(parseNotebook('```ts\nx\n```\nafter\n'), 'cell-1', 'const s = `\n```\n`;');
    const out = serializeNotebook(nb);
    expect(out).toBe('````ts\nconst s = `\n```\n`;\n````\nafter\n');
    expect((parseNotebook(out).blocks[0] as CodeCell).source).toBe('const s = `\n```\n`;');
  });

  it('re-indents the code of an indented fence', () => {
    const nb = withCellSource(parseNotebook('  ```ts\n  x\n  ```\n'), 'cell-1', 'a\n\n  b');
    expect(serializeNotebook(nb)).toBe('  ```ts\n  a\n\n    b\n  ```\n');
  });

  it('can empty a cell and fill an unclosed one', () => {
    expect(serializeNotebook(withCellSource(parseNotebook('```ts\nx\n```\n'), 'cell-1', ''))).toBe(
      '```ts\n```\n',
    );
    const unclosed = withCellSource(parseNotebook('```ts'), 'cell-1', 'x');
    expect(serializeNotebook(unclosed)).toBe('```ts\nx\n');
  });
});

describe('withMarkdownSource', () => {
  it('changes only that block, writing the file’s line endings', () => {
    const nb = withMarkdownSource(parseNotebook(text), 'md-2', 'Between,\nin two lines.\n\n');
    expect(serializeNotebook(nb)).toBe(text.replace('Between.', 'Between,\r\nin two lines.'));
  });

  it('keeps the next cell on its own line when the text has no final newline', () => {
    const nb = withMarkdownSource(parseNotebook('Intro\n```ts\nx\n```\n'), 'md-1', 'New intro');
    const out = serializeNotebook(nb);
    expect(out).toBe('New intro\n```ts\nx\n```\n');
    expect(nb.blocks[1]?.line).toBe(2);
  });
});

describe('insertCell and removeCell', () => {
  it('inserts a cell with the next id, between blocks', () => {
    const nb = insertCell(parseNotebook(text), 2, { source: 'const n = 0;', info: 'ts hidden' });
    expect(nb.blocks.map((b) => b.id)).toEqual(['md-1', 'cell-1', 'cell-3', 'md-2', 'cell-2']);
    const inserted = nb.blocks[2] as CodeCell;
    expect(inserted).toMatchObject({
      lang: 'ts',
      options: { hidden: true },
      line: 11,
      source: 'const n = 0;',
    });
    const out = serializeNotebook(nb);
    expect(out).toBe(text.replace('Between.', '```ts hidden\r\nconst n = 0;\r\n```\r\n\r\nBetween.'));
    const again = parseNotebook(out);
    expect(again.blocks.map((b) => `${b.kind}@${b.line}`)).toEqual(
      nb.blocks.map((b) => `${b.kind}@${b.line}`),
    );
  });

  it('appends a cell to a file with no final newline', () => {
    const nb = insertCell(parseNotebook('# T'), 1, { source: '```' });
    expect(serializeNotebook(nb)).toBe('# T\n````ts\n```\n````\n');
  });

  it('removes a cell and the blank lines after it', () => {
    const nb = removeCell(parseNotebook(text), 'cell-1');
    expect(nb.blocks.map((b) => `${b.id}@${b.line}`)).toEqual(['md-1@5', 'md-2@7', 'cell-2@9']);
    expect(serializeNotebook(nb)).toBe(text.replace('```ts id=one\r\nconst a = 1;\r\n```\r\n\r\n', ''));
    expect(removeCell(nb, 'cell-1')).toBe(nb);
  });
});
