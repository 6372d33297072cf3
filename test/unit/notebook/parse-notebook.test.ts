import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook, type Block, type CodeCell } from 'dplab/notebook';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/notebooks/${name}`, import.meta.url), 'utf8');
const cells = (blocks: Block[]): CodeCell[] => blocks.filter((b): b is CodeCell => b.kind === 'code');
const summary = (blocks: Block[]): string[] => blocks.map((b) => `${b.id}@${b.line}`);

describe('parseNotebook: blocks', () => {
  const text = [
    '---',
    'title: Moving averages',
    '---',
    '',
    '# Moving averages',
    '',
    'Some prose.',
    '',
    '```ts hidden exercise id=ma-1 label="two words"',
    'const a = 1;',
    '```',
    '',
    '```python',
    'print("not runnable")',
    '```',
    '',
    '~~~typescript',
    'const b = 2;',
    '~~~',
    '```ts',
    '```',
    'The end.',
  ].join('\n');
  const nb = parseNotebook(text);

  it('numbers cells and Markdown blocks separately, in file order, with their first lines', () => {
    expect(summary(nb.blocks)).toEqual([
      'md-1@5',
      'cell-1@9',
      'md-2@13',
      'cell-2@17',
      'cell-3@20',
      'md-3@22',
    ]);
    expect(nb.problems).toEqual([]);
  });

  it('gives cells their code without fences, language and options', () => {
    const [first, second, third] = cells(nb.blocks);
    expect(first).toMatchObject({
      lang: 'ts',
      source: 'const a = 1;',
      unclosed: false,
      options: { hidden: true, exercise: true, id: 'ma-1', label: 'two words' },
    });
    expect(Object.keys(first?.options ?? {})).toEqual(['hidden', 'exercise', 'id', 'label']);
    expect(second).toMatchObject({ lang: 'typescript', source: 'const b = 2;', options: {} });
    expect(third?.source).toBe('');
  });

  it('keeps other languages in the Markdown, and blank lines after a cell out of the next block', () => {
    expect(nb.blocks[0]?.source).toBe('# Moving averages\n\nSome prose.\n\n');
    expect(nb.blocks[2]?.source).toBe('```python\nprint("not runnable")\n```\n\n');
    expect(nb.blocks[5]?.source).toBe('The end.');
  });

  it('reads the front matter', () => {
    expect(nb.meta).toEqual({ title: 'Moving averages' });
    expect(nb.frontMatter).toBe('title: Moving averages\n');
  });

  it('uses CommonMark fence rules', () => {
    const tricky = parseNotebook(
      [
        '````ts', // 1: a four-backtick cell holding ``` lines
        '```',
        'inside',
        '```',
        '````',
        '  ```ts', // 6: indented fence; indentation removed from the code
        '    deeper',
        '  x',
        '   ```',
        '    ```ts', // 10: four spaces: indented code, not a fence
        '- item', // 11: fences in lists and quotes are not cells
        '',
        '  ```ts',
        '  in a list',
        '  ```',
        '> ```ts',
        '> quoted',
        '> ```',
      ].join('\n'),
    );
    expect(summary(tricky.blocks)).toEqual(['cell-1@1', 'cell-2@6', 'md-1@10']);
    expect(cells(tricky.blocks).map((c) => c.source)).toEqual(['```\ninside\n```', '  deeper\nx']);
  });

  it('handles CRLF, a BOM and no final newline', () => {
    const crlf = parseNotebook('\uFEFF# T\r\n\r\n```ts\r\na\r\nb\r\n```');
    expect(summary(crlf.blocks)).toEqual(['md-1@1', 'cell-1@3']);
    expect(crlf.blocks[0]?.source).toBe('# T\n\n');
    expect(crlf.blocks[1]?.source).toBe('a\nb');
    expect(crlf.eol).toBe('\r\n');
    expect(crlf.head).toBe('\uFEFF');
  });

  it('reads an empty file as an empty notebook', () => {
    expect(parseNotebook('')).toMatchObject({ meta: {}, blocks: [], problems: [], head: '' });
  });

  it('does not end front matter at --- inside a YAML string or block scalar', () => {
    const nb2 = parseNotebook('---\ntitle: "a --- b"\nsummary: |\n  ---\n  more\n---\n```ts\nx\n```\n');
    expect(nb2.meta).toEqual({ title: 'a --- b', summary: '---\nmore\n' });
    expect(summary(nb2.blocks)).toEqual(['cell-1@7']);
  });
});

describe('parseNotebook: metadata', () => {
  it('keeps valid known keys and unknown keys', () => {
    const nb = parseNotebook(
      '---\ntitle: T\nsummary: S\norder: 2\ntags: [a, b]\ndatasets: [air.csv, sub/x.json]\nautorun: false\nauthor: Ada\n---\n',
    );
    expect(nb.meta).toEqual({
      title: 'T',
      summary: 'S',
      order: 2,
      tags: ['a', 'b'],
      datasets: ['air.csv', 'sub/x.json'],
      autorun: false,
      author: 'Ada',
    });
    expect(nb.problems).toEqual([]);
  });

  it('reports known keys of the wrong type with their file line and the expected type, and drops them', () => {
    const nb = parseNotebook(fixture('wrong-types.md'));
    expect(nb.meta).toEqual({ title: 'Types', datasets: ['air.csv'], author: 'Ada' });
    expect(nb.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    const [order, autorun, tags, dataset] = nb.problems.map((p) => p.message);
    expect(order).toMatch(/^line 3: .*"order" must be a number/);
    expect(autorun).toMatch(/^line 4: .*"autorun" must be true or false/);
    expect(tags).toMatch(/^line 5: .*"tags" must be a list of strings/);
    expect(dataset).toMatch(/^line 6: dataset "\.\.\/secret\.csv" must be a file name under datasets\//);
    // The rest of the file still parses.
    expect(summary(nb.blocks)).toEqual(['cell-1@10']);
  });

  it('reports bad YAML with the line in the file and falls back to no metadata', () => {
    const nb = parseNotebook(fixture('bad-yaml.md'));
    expect(nb.meta).toEqual({});
    expect(nb.problems).toHaveLength(1);
    expect(nb.problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(nb.problems[0]?.message).toMatch(
      /^line \d+: front matter is not valid YAML: .+\. Fix the YAML between the two --- lines\.$/,
    );
    expect(summary(nb.blocks)).toEqual(['md-1@7', 'cell-1@9']);
  });

  it('names the line of a YAML error', () => {
    const nb = parseNotebook('---\ntitle: T\nx: 1\nx: 2\n---\n');
    expect(nb.problems).toEqual([
      {
        line: 4,
        message:
          'line 4: front matter is not valid YAML: Map keys must be unique. Fix the YAML between the two --- lines.',
      },
    ]);
  });

  it('reports front matter that is not a mapping', () => {
    const nb = parseNotebook('---\n- a\n---\n');
    expect(nb.meta).toEqual({});
    expect(nb.problems[0]?.message).toMatch(/^line 2: front matter must be/);
  });

  it('reports unclosed front matter on line 1 and reads the rest as Markdown', () => {
    const nb = parseNotebook(fixture('unclosed-front-matter.md'));
    expect(nb.meta).toEqual({});
    expect(nb.frontMatter).toBeUndefined();
    expect(nb.problems).toHaveLength(1);
    expect(nb.problems[0]?.line).toBe(1);
    expect(nb.problems[0]?.message).toMatch(/^line 1: .*never closed; add a line with ---/);
    expect(summary(nb.blocks)).toEqual(['md-1@1', 'cell-1@6']);
  });

  it('keeps keys named like Object members as unknown keys', () => {
    const nb = parseNotebook('---\nconstructor: x\ntoString: 1\n---\n');
    expect(nb.problems).toEqual([]);
    expect(nb.meta).toEqual({ constructor: 'x', toString: 1 });
  });

  it('never lets a __proto__ key change the prototype', () => {
    const nb = parseNotebook('---\n__proto__: { polluted: true }\n---\n');
    expect(Object.getPrototypeOf(nb.meta)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseNotebook: unclosed fences', () => {
  it('flags an unclosed cell and says how to fix it', () => {
    const nb = parseNotebook(fixture('unclosed-fence-crlf.md'));
    expect(summary(nb.blocks)).toEqual(['md-1@1', 'cell-1@3', 'md-2@7', 'cell-2@9']);
    const last = cells(nb.blocks)[1];
    expect(last).toMatchObject({ unclosed: true, options: { id: 'late' }, source: 'const b = 2;' });
    expect(cells(nb.blocks)[0]?.unclosed).toBe(false);
    expect(nb.problems).toEqual([
      {
        line: 9,
        message:
          "line 9: this ~~~typescript block is never closed; add a line with ~~~ after the cell's code.",
      },
    ]);
  });

  it('uses the fence as written in the message', () => {
    const nb = parseNotebook('x\n\n```ts\nconst a = 1;\n');
    expect(nb.problems.map((p) => p.message)).toEqual([
      "line 3: this ```ts block is never closed; add a line with ``` after the cell's code.",
    ]);
  });

  it('reports an unclosed non-runnable fence, which swallows the cells after it', () => {
    const nb = parseNotebook('```python\nprint(1)\n\n~~~ts\nx\n~~~\n');
    expect(cells(nb.blocks)).toEqual([]);
    expect(nb.problems[0]?.message).toMatch(/^line 1: this ```python block is never closed/);
  });

  it('never throws on odd input', () => {
    const inputs = [
      '\u0000',
      '```',
      '~~~~~',
      '---',
      '---\n---',
      '>'.repeat(5000),
      '- '.repeat(3000) + '```ts',
      '\r\r\r',
    ];
    for (const input of inputs) expect(() => parseNotebook(input)).not.toThrow();
  });
});
