/**
 * Property-style tests: documents built at random from tricky fragments (seeded, so every run
 * checks the same documents) must round-trip, and editing a cell must change only that cell.
 */
import { describe, expect, it } from 'vitest';
import {
  layoutNotebook,
  parseNotebook,
  serializeNotebook,
  withCellSource,
  type CodeCell,
} from 'dplab/notebook';

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADS = ['', '---\ntitle: T\ntags: [a]\n---\n', '---\ntitle: [\n---\n', '---\norder: soon\n', '\uFEFF'];

const FRAGMENTS = [
  '# Heading\n',
  'Prose with $x^2$ and `code`.\n',
  '\n',
  '  \t\n',
  '```ts\nconst a = 1;\n```\n',
  '```ts hidden id=x-1\n```\n',
  '~~~typescript\nconst s = "```";\n~~~\n',
  '````ts\n```\nnested\n```\n````\n',
  '  ```ts\n  indented\n   ```\n',
  '    ```ts\n    indented code\n',
  '- item\n\n  ```ts\n  in a list\n  ```\n',
  '> ```ts\n> quoted\n> ```\n',
  '```python\nprint(1)\n```\n',
  '```\nno language\n```\n',
  '<div>\n```ts\nin html\n```\n</div>\n',
  '---\n',
  '```ts\nunclosed\n',
  '~~~\n',
  '\t```ts\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '$$\nx\n$$\n',
];

const SOURCES = [
  '',
  'x',
  'const a = 1;\nconst b = 2;',
  '```',
  '  ```\nstill code',
  '\n\nblank around\n',
  '~~~~',
];

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

function randomDocument(next: () => number): string {
  let text = pick(next, HEADS);
  const count = Math.floor(next() * 12);
  for (let i = 0; i < count; i++) text += pick(next, FRAGMENTS);
  const eol = pick(next, ['\n', '\r\n', '\r', 'mixed']);
  if (eol === 'mixed') text = text.replace(/\n/g, () => (next() < 0.5 ? '\n' : '\r\n'));
  else text = text.replace(/\n/g, eol);
  if (next() < 0.3) text = text.replace(/(\r\n|\r|\n)$/, '');
  return text;
}

const DOCUMENTS = Array.from({ length: 400 }, (_, i) => randomDocument(random(1000 + i)));

describe('random documents', () => {
  it('round-trip byte for byte', () => {
    for (const text of DOCUMENTS) {
      const nb = parseNotebook(text);
      expect(serializeNotebook(nb)).toBe(text);
      expect(nb.problems.filter((p) => p.message.includes('notebook could not be read'))).toEqual([]);
    }
  });

  it('round-trip, and parse without hitting the fallback, even when made of random characters', () => {
    const alphabet = [
      '`',
      '`',
      '`',
      '~',
      '-',
      '\n',
      '\n',
      '\r',
      ' ',
      '\t',
      '>',
      '$',
      '<',
      '\uFEFF',
      'a',
      ':',
      '[',
      '.',
      '*',
    ];
    for (let seed = 0; seed < 300; seed++) {
      const next = random(seed);
      const head = next() < 0.5 ? '---\n' : '';
      const text =
        head + Array.from({ length: Math.floor(next() * 200) }, () => pick(next, alphabet)).join('');
      const nb = parseNotebook(text);
      expect(serializeNotebook(nb)).toBe(text);
      expect(nb.problems.filter((p) => p.message.includes('notebook could not be read'))).toEqual([]);
    }
  });

  it('keep their cells when one cell is edited, and change only that cell', () => {
    const next = random(7);
    for (const text of DOCUMENTS) {
      const nb = parseNotebook(text);
      const cells = nb.blocks.filter((b): b is CodeCell => b.kind === 'code');
      for (const cell of cells) {
        const source = pick(next, SOURCES);
        const edited = serializeNotebook(withCellSource(nb, cell.id, source));
        const again = parseNotebook(edited);
        const againCells = again.blocks.filter((b): b is CodeCell => b.kind === 'code');
        expect(againCells.map((c) => c.source)).toEqual(cells.map((c) => (c === cell ? source : c.source)));
        expect(again.blocks.map((b) => b.kind)).toEqual(nb.blocks.map((b) => b.kind));
        // The text before and after the cell is untouched.
        const layout = layoutNotebook(nb);
        const index = layout.findIndex((l) => l.block === cell);
        const before =
          nb.head +
          layout
            .slice(0, index)
            .map((l) => l.text)
            .join('');
        const after = layout
          .slice(index + 1)
          .map((l) => l.text)
          .join('');
        expect(edited.startsWith(before)).toBe(true);
        expect(edited.endsWith(after)).toBe(true);
      }
    }
  });
});
