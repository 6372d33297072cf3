import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook } from 'dplab/notebook';

const roundTrip = (text: string): string => serializeNotebook(parseNotebook(text));

/** Every `.md` file in a folder (relative to the repository root), as [name, text]. */
function markdownFiles(folder: string): [string, string][] {
  const url = new URL(`../../../${folder}/`, import.meta.url);
  let names: string[] = [];
  try {
    names = readdirSync(url).filter((name) => name.endsWith('.md'));
  } catch {
    // The folder may not exist yet.
  }
  return names.sort().map((name) => [name, readFileSync(new URL(name, url), 'utf8')]);
}

describe('round trip: parse then serialise gives the same bytes', () => {
  it('holds for every notebook in notebooks/', () => {
    for (const [name, text] of markdownFiles('notebooks')) {
      expect(roundTrip(text), name).toBe(text);
    }
  });

  it('holds for every fixture in test/fixtures/notebooks/', () => {
    const fixtures = markdownFiles('test/fixtures/notebooks');
    expect(fixtures.length).toBeGreaterThan(0);
    for (const [name, text] of fixtures) expect(roundTrip(text), name).toBe(text);
  });

  const tricky: Record<string, string> = {
    'empty file': '',
    'one newline': '\n',
    'only blank lines': '\n \n\t\n',
    'only a BOM': '\uFEFF',
    'BOM then prose': '\uFEFF# Title\n',
    'CRLF everywhere': '# T\r\n\r\n```ts\r\nconst a = 1;\r\n```\r\n\r\nText\r\n',
    'lone CR line endings': '# T\r\r```ts\rx\r```\rmore',
    'mixed line endings': '# T\r\n\n```ts\r\nx\n```\r\ntext\n',
    'no final newline after prose': '# T\n\n```ts\nx\n```\n\nlast line',
    'no final newline after a fence': '```ts\nx\n```',
    'tilde fences': '~~~ts\nconst s = "```";\n~~~\n',
    'four backticks holding three': '````ts\n```\nnot a close\n```\n````\n',
    'longer closing fence': '```ts\nx\n`````\n',
    'closing fence with trailing spaces': '```ts\nx\n```   \n',
    'indented fences': '  ```ts\n  const a = 1;\n    deeper\n   ```\n',
    'indented code, not a fence': '    ```ts\n    x\n    ```\n',
    'tab before a fence': '\t```ts\n\tx\n\t```\n',
    'fence inside a list': '- item\n\n  ```ts\n  in list\n  ```\n- next\n',
    'fence inside a block quote': '> ```ts\n> x\n> ```\n',
    'fence inside raw HTML': '<div>\n```ts\nx\n```\n</div>\n',
    'empty cells': '```ts\n```\n\n```ts\n\n```\n',
    'empty cell at end of file': '```ts\n```',
    'only front matter': '---\ntitle: T\n---\n',
    'only front matter, no final newline': '---\ntitle: T\n---',
    'empty front matter': '---\n---\n',
    'front matter with --- in a string': '---\ntitle: "a --- b"\nsummary: |\n  ---\n  x\n---\nbody\n',
    'front matter closed with ...': '---\ntitle: T\n...\nbody\n',
    'front matter with trailing spaces on markers': '---  \ntitle: T\n---\t\n\n# B\n',
    'unclosed front matter': '---\ntitle: T\n\n# B\n',
    'lone ---': '---',
    'bad YAML': '---\ntitle: [\n---\n# B\n',
    'front matter that is a list': '---\n- a\n- b\n---\n',
    'unclosed ts fence': '# T\n\n```ts\nconst a = 1;\n',
    'unclosed fence on the last line': 'text\n```ts',
    'unclosed python fence': '```python\nprint(1)\n\n~~~ts\nx\n~~~\n',
    'non-ts fences': '```python\nprint(1)\n```\n\n```\nplain\n```\n\n```js\n1\n```\n',
    'info string with options': '```ts hidden exercise id=ma-1 title="A b"\nx\n```\n',
    'uppercase language': '```TypeScript\nx\n```\n',
    'cells back to back': '```ts\na\n```\n```ts\nb\n```\n',
    'blank lines with spaces between cells': '```ts\na\n```\n  \n\t\n```ts\nb\n```\n  ',
    'NUL and odd characters': 'a\u0000b\u2028c\n```ts\n\u0000\n```\n',
    'setext heading next to a fence': 'Title\n---\n```ts\nx\n```\n',
    'math blocks': '$$\nx^2\n$$\n\n```ts\nx\n```\n',
    'deeply nested quotes': '>'.repeat(500) + ' ```ts\n```\n',
  };
  for (const [name, text] of Object.entries(tricky)) {
    it(`holds for: ${name}`, () => {
      expect(roundTrip(text)).toBe(text);
    });
  }
});
