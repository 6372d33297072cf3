/** Runs a notebook in the kernel the app uses (in Node, datasets read from datasets/). */
import { readFileSync } from 'node:fs';
import { Kernel } from '../../../src/kernel/kernel.ts';
import type { Notebook } from '../../../src/notebook/notebook.ts';
import type { CellStatus, KernelEvent, Output } from '../../../src/protocol.ts';
import { kernelCell, runnableCells } from '../../../src/learn/notebook-cells.ts';
import { initialCellState, transitionCell, type CellState } from '../../../src/runtime/cell-state.ts';

/** The outcome of a run: each cell's last state, and the cells that did not end `ok`. */
export interface NotebookRun {
  states: Map<string, CellState>;
  failing: { cell: number; id: string; status?: CellStatus; detail: string }[];
  outputs(id: string): readonly Output[];
}

/** Runs every cell of `notebook`, with some cells' code replaced (`sources`, by cell id). */
export async function runNotebook(notebook: Notebook, sources: ReadonlyMap<string, string> = new Map()): Promise<NotebookRun> {
  const cells = runnableCells(notebook);
  const states = new Map(cells.map((c) => [c.id, initialCellState()]));
  const kernel = new Kernel({
    fetchFile: async (url) =>
      new Response(readFileSync(new URL(`../../../datasets/${decodeURIComponent(url.split('/datasets/')[1])}`, import.meta.url))),
  });
  const listener = (e: KernelEvent) => {
    if (e.type === 'idle' || e.type === 'names') return;
    const state = states.get(e.cellId);
    if (state) states.set(e.cellId, transitionCell(state, e));
  };
  await kernel.connect(listener, { baseUrl: 'http://localhost/', datasets: notebook.meta.datasets ?? [] });
  await kernel.setCells(cells.map((c) => kernelCell(c, sources.get(c.id))));
  await kernel.run(cells.map((c) => c.id));
  const failing = cells
    .map((c, i) => {
      const s = states.get(c.id)!;
      return { cell: i + 1, id: c.id, status: s.status, detail: s.error?.message ?? s.reason ?? '' };
    })
    .filter((c) => c.status !== 'ok');
  return { states, failing, outputs: (id) => states.get(id)?.outputs ?? [] };
}
