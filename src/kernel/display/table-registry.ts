/**
 * Tables a cell displayed, kept in the worker so the page can ask for any page of them later
 * without the whole table crossing to the page.
 */
import type { TablePage } from '../../protocol.ts';
import { tablePage, type TableLike } from './table-page.ts';

/** Displayed tables by id; a cell's tables are released when it runs again. */
export class TableRegistry {
  private readonly tables = new Map<string, { cellId: string; table: TableLike }>();
  private next = 0;

  /** Remembers a table a cell displayed and returns its id. */
  add(cellId: string, table: TableLike): string {
    const id = `${cellId}:t${this.next++}`;
    this.tables.set(id, { cellId, table });
    return id;
  }

  /** Forgets the tables a cell displayed before. */
  release(cellId: string): void {
    for (const [id, entry] of this.tables) if (entry.cellId === cellId) this.tables.delete(id);
  }

  /** A page of a remembered table, or undefined when the table is gone (its cell ran again). */
  page(id: string, offset: number, limit: number): TablePage | undefined {
    const entry = this.tables.get(id);
    return entry && tablePage(entry.table, offset, limit);
  }
}
