/**
 * The tools every block of a notebook has, prose and cells alike: move up, move down, insert a
 * TypeScript or Markdown block above or below, delete. Deleting and moving can be undone from the
 * notebook's toolbar.
 */
import { html } from 'lit';
import type { NotebookController } from './notebook-controller.ts';

/** Tools for block `id`; `what` names it for screen readers ("cell 3", "this text"). */
export function blockTools(controller: NotebookController, id: string, what: string) {
  const insert = (where: 'above' | 'below', kind: 'code' | 'markdown') => (event: Event) => {
    (event.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
    void controller.insertBlock(id, where, kind);
  };
  return html`<span class="dp-block-tools">
    <button
      class="dp-link-button"
      aria-label="Move ${what} up"
      title="Move up (Undo takes it back)"
      @click=${() => controller.moveBlock(id, -1)}
    >
      ↑
    </button>
    <button
      class="dp-link-button"
      aria-label="Move ${what} down"
      title="Move down (Undo takes it back)"
      @click=${() => controller.moveBlock(id, 1)}
    >
      ↓
    </button>
    <details class="dp-insert-menu">
      <summary
        class="dp-link-button"
        aria-label="Insert a block next to ${what}"
        title="Insert a cell or text"
      >
        + insert
      </summary>
      <div class="dp-insert-choices" role="menu">
        <button role="menuitem" @click=${insert('above', 'code')}>TypeScript cell above</button>
        <button role="menuitem" @click=${insert('below', 'code')}>TypeScript cell below</button>
        <button role="menuitem" @click=${insert('above', 'markdown')}>Markdown text above</button>
        <button role="menuitem" @click=${insert('below', 'markdown')}>Markdown text below</button>
      </div>
    </details>
    <button
      class="dp-link-button"
      aria-label="Delete ${what}"
      title="Delete (Undo brings it back)"
      @click=${() => controller.deleteCell(id)}
    >
      delete
    </button>
  </span>`;
}
