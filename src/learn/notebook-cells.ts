import type { CodeCell, Notebook } from '../notebook/notebook.ts';
import type { KernelCell } from '../protocol.ts';
import { cellRole } from './exercises.ts';

/**
 * Cells the kernel runs: TypeScript blocks that are closed (an unclosed fence is not run), except
 * exercise solutions, which define nothing until the student applies one.
 */
export function runnableCells(notebook: Notebook): CodeCell[] {
  return notebook.blocks.filter(
    (b): b is CodeCell => b.kind === 'code' && !b.unclosed && cellRole(b) !== 'solution',
  );
}

/** A cell as the kernel takes it, with `source` (default: the cell's own) and its role. */
export function kernelCell(cell: CodeCell, source = cell.source): KernelCell {
  return cellRole(cell) === 'check' ? { id: cell.id, source, role: 'check' } : { id: cell.id, source };
}
