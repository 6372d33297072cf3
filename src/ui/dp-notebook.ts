/**
 * `<dp-notebook>`: the open notebook — problems found while parsing, then its prose and cells in
 * file order.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Notebook } from '../notebook/notebook.ts';
import type { CellState } from '../runtime/cell-state.ts';
import type { NotebookController } from './notebook-controller.ts';
import './dp-cell.ts';

@customElement('dp-notebook')
export class DpNotebook extends LitElement {
  /** The controller that holds the notebook and runs it. */
  @property({ attribute: false }) controller!: NotebookController;
  /** The notebook shown (the controller's; passed so that a new one renders). */
  @property({ attribute: false }) notebook?: Notebook;
  /** Run state of each cell (a new Map whenever a cell changes). */
  @property({ attribute: false }) states = new Map<string, CellState>();

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const { notebook, states } = this;
    const { markdown } = this.controller;
    if (!notebook) return nothing;
    let cellNumber = 0;
    return html`
      ${
        notebook.problems.length
          ? html`<div class="dp-problems" role="alert">
              <strong>This notebook has problems; what could be read is shown below.</strong>
              <ul>
                ${notebook.problems.map((p) => html`<li>${p.message}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${repeat(
        notebook.blocks,
        (block) => block.id,
        (block) => {
          if (block.kind === 'markdown') {
            const rendered = markdown.get(block.id);
            return html`<div class="dp-markdown">
              ${rendered === undefined ? html`<pre class="dp-markdown-raw">${block.source}</pre>` : unsafeHTML(rendered)}
            </div>`;
          }
          cellNumber++;
          return html`<dp-cell
            .cell=${block}
            .number=${cellNumber}
            .state=${states.get(block.id)}
            .controller=${this.controller}
          ></dp-cell>`;
        },
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-notebook': DpNotebook;
  }
}
