/**
 * Every bundled notebook runs top to bottom without an error, in the same kernel the app uses
 * (here in Node, with datasets read from datasets/). The browser tests cover the page itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/kernel/kernel.ts';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import type { CellStatus, KernelEvent } from '../../../src/protocol.ts';

const dir = new URL('../../../notebooks/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe.each(files)('notebooks/%s', (file) => {
  it('runs top to bottom with every cell ok', async () => {
    const notebook = parseNotebook(readFileSync(new URL(file, dir), 'utf8'));
    expect(notebook.problems).toEqual([]);
    const events: KernelEvent[] = [];
    const kernel = new Kernel({
      fetchFile: async (url) =>
        new Response(readFileSync(new URL(`../../../datasets/${decodeURIComponent(url.split('/datasets/')[1])}`, import.meta.url))),
    });
    await kernel.connect((e) => events.push(e), { baseUrl: 'http://localhost/', datasets: notebook.meta.datasets ?? [] });
    const cells = notebook.blocks.flatMap((b) => (b.kind === 'code' ? [{ id: b.id, source: b.source }] : []));
    await kernel.setCells(cells);
    await kernel.run(cells.map((c) => c.id));
    const last = new Map<string, { status: CellStatus; detail: string }>();
    for (const e of events) {
      if (e.type === 'status') last.set(e.cellId, { status: e.status, detail: e.error?.message ?? e.reason ?? '' });
    }
    const failing = cells
      .map((c, i) => ({ cell: i + 1, ...last.get(c.id) }))
      .filter((c) => c.status !== 'ok');
    expect(failing).toEqual([]);
  }, 60_000);
});
