/**
 * Every bundled notebook runs top to bottom without an error, in the same kernel the app uses
 * (here in Node, with datasets read from datasets/). The browser tests cover the page itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import { runNotebook } from './run-notebook.ts';

const dir = new URL('../../../notebooks/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe.each(files)('notebooks/%s', (file) => {
  it('runs top to bottom with every cell ok', async () => {
    const notebook = parseNotebook(readFileSync(new URL(file, dir), 'utf8'));
    expect(notebook.problems).toEqual([]);
    const { failing } = await runNotebook(notebook);
    expect(failing.map(({ id: _id, ...rest }) => rest)).toEqual([]);
  }, 60_000);
});
