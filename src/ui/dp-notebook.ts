/**
 * `<dp-notebook>`: the open notebook — problems found while parsing, then its prose and cells in
 * file order.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Notebook } from '../notebook/notebook.ts';
import type { CellState } from '../runtime/cell-state.ts';
import type { NotebookController } from './notebook-controller.ts';
import { serializeNotebook } from '../notebook/serialize-notebook.ts';
import type { Output } from '../protocol.ts';
import { markdownHtml } from './markdown-html.ts';
import { saveFile } from './save-file.ts';
import { blockTools } from './block-tools.ts';
import './dp-cell.ts';
import { cellRole, onlyHints } from '../learn/exercises.ts';

/** The number each cell shows (from 1; prose, hints and solutions shown by their exercise have none). */
export function cellNumbers(controller: NotebookController, notebook: Notebook): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const block of notebook.blocks) {
    if (block.kind === 'markdown') continue;
    if (cellRole(block) === 'solution' && controller.exerciseOf(block.id)) continue;
    numbers.set(block.id, numbers.size + 1);
  }
  return numbers;
}

/** Scrolls to cell `number` and puts the keyboard focus on its Run button. */
export function goToCell(number: number): void {
  const cell = document.getElementById(`dp-cell-${number}`);
  cell?.scrollIntoView({ block: 'center' });
  cell?.querySelector<HTMLElement>('.dp-run')?.focus({ preventScroll: true });
}

@customElement('dp-notebook')
export class DpNotebook extends LitElement {
  /** The controller that holds the notebook and runs it. */
  @property({ attribute: false }) controller!: NotebookController;
  /** The notebook shown (the controller's; passed so that a new one renders). */
  @property({ attribute: false }) notebook?: Notebook;
  /** Run state of each cell (a new Map whenever a cell changes). */
  @property({ attribute: false }) states = new Map<string, CellState>();

  /** A share link made for this notebook, or why none could be made. */
  @state() private share?: { url: string } | { problem: string };
  /** The prose block being edited, if any. */
  @state() private editing?: string;

  protected override createRenderRoot() {
    return this;
  }

  /** The file name to save under: the notebook's own, with the right extension. */
  private fileName(extension: string): string {
    const name = this.controller.source?.name ?? 'notebook.md';
    return name.replace(/\.(md|markdown|ipynb)$/i, '') + extension;
  }

  private download() {
    if (this.notebook) saveFile(this.fileName('.md'), serializeNotebook(this.notebook), 'text/markdown');
  }

  private async exportIpynb() {
    if (!this.notebook) return;
    const { ipynbText } = await import('../notebook/ipynb/ipynb.ts');
    const outputs = new Map<string, Output[]>([...this.states].map(([id, s]) => [id, [...s.outputs]]));
    saveFile(this.fileName('.ipynb'), ipynbText(this.notebook, outputs), 'application/x-ipynb+json');
  }

  private async makeShareLink() {
    if (!this.notebook) return;
    const { encodeShareHash } = await import('../notebook/share-link.ts');
    try {
      const hash = await encodeShareHash(serializeNotebook(this.notebook));
      this.share = { url: new URL(hash, location.href).href };
    } catch (error) {
      this.share = { problem: error instanceof Error ? error.message : String(error) };
    }
  }

  private resetNotebook() {
    if (confirm('Reset this notebook? All your changes to it will be lost and the lesson shown as it is.')) {
      void this.controller.resetNotebook();
    }
  }

  /** A text area for prose; leaving it (or Escape) renders the prose again. */
  private renderProseEditor(id: string, source: string) {
    const done = () => (this.editing = undefined);
    return html`<textarea
      class="dp-code-edit dp-prose-edit"
      aria-label="Edit this text (Markdown)"
      spellcheck="true"
      rows=${source.split('\n').length + 1}
      .value=${source}
      @input=${(e: Event) => this.controller.draft(id, (e.target as HTMLTextAreaElement).value)}
      @blur=${done}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && e.shiftKey)) {
          e.preventDefault();
          done();
        }
      }}
    ></textarea>`;
  }

  protected override willUpdate(): void {
    // A block just inserted opens for writing.
    if (this.controller.editProse) {
      this.editing = this.controller.editProse;
      this.controller.editProse = undefined;
    }
  }

  protected override updated(): void {
    const editor = this.querySelector<HTMLTextAreaElement>('.dp-prose-edit');
    if (editor && document.activeElement !== editor) editor.focus();
  }

  /** The lesson blocks the student deleted, each with a way back (Undo is gone after a reload). */
  private renderRemoved() {
    const removed = this.controller.work?.removed ?? [];
    if (removed.length === 0) return nothing;
    const preview = (text: string) => {
      const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
      return line.length > 60 ? `${line.slice(0, 59)}…` : line;
    };
    return html`<details class="dp-removed">
      <summary>Deleted (${removed.length})</summary>
      <ul>
        ${removed.map(
          (r) =>
            html`<li>
              <span class="dp-removed-kind">${r.kind === 'code' ? 'cell' : 'text'}</span>
              <code>${preview(r.text)}</code>
              <button class="dp-link-button" @click=${() => this.controller.restoreRemoved(r.index)}>
                Bring back
              </button>
            </li>`,
        )}
      </ul>
    </details>`;
  }

  /** "Exercises: 1 of 3 passed", from the exercises' live states. */
  private renderExerciseCount() {
    const { exercises } = this.controller;
    if (exercises.length === 0) return nothing;
    const passed = exercises.filter((e) => this.controller.exerciseState(e).status === 'passed').length;
    return html`<a class="dp-exercise-count" href="#/progress" title="Your progress in every lesson"
      >Exercises: ${passed} of ${exercises.length} passed</a
    >`;
  }

  /** "1 cell failed: go to cell 4", a link to the first cell whose run failed. */
  private renderFailed() {
    if (!this.notebook) return nothing;
    const failed = [...cellNumbers(this.controller, this.notebook)]
      .filter(([id]) => this.states.get(id)?.status === 'error')
      .map(([, n]) => n);
    const first = failed[0];
    if (first === undefined) return nothing;
    return html`<button class="dp-link-button dp-failed-link" @click=${() => goToCell(first)}>
      ${failed.length} ${failed.length === 1 ? 'cell' : 'cells'} failed: go to cell ${first}
    </button>`;
  }

  private renderBar() {
    const work = this.controller.work;
    return html`<div class="dp-notebook-bar" role="toolbar" aria-label="Notebook">
        ${this.renderExerciseCount()} ${this.renderFailed()}
        ${work?.problem ? html`<span class="dp-work-problem" role="status">${work.problem}</span>` : nothing}
        ${
          work?.canUndo
            ? html`<button title="Undo the last deletion or move" @click=${() => this.controller.undo()}>
                Undo
              </button>`
            : nothing
        }
        ${this.renderRemoved()}
        ${work?.edited ? html`<button @click=${() => this.resetNotebook()}>Reset notebook</button>` : nothing}
        <button @click=${() => this.download()}>Download .md</button>
        <button @click=${() => this.exportIpynb()}>Export .ipynb</button>
        <button @click=${() => this.makeShareLink()}>Share link</button>
      </div>
      ${
        this.share === undefined
          ? nothing
          : 'url' in this.share
            ? html`<div class="dp-share">
                <label for="dp-share-url">Link to this notebook</label>
                <input
                  id="dp-share-url"
                  readonly
                  .value=${this.share.url}
                  @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
                />
                <button
                  class="dp-link-button"
                  @click=${() => void navigator.clipboard?.writeText((this.share as { url: string }).url)}
                >
                  Copy
                </button>
              </div>`
            : html`<p class="dp-share dp-work-problem" role="alert">${this.share.problem}</p>`
      }`;
  }

  override render() {
    const { notebook, states } = this;
    if (!notebook) return nothing;
    let cellNumber = 0;
    return html`
      ${this.renderBar()}
      ${
        notebook.problems.length || this.controller.exerciseProblems.length
          ? html`<div class="dp-problems" role="alert">
              <strong>This notebook has problems; what could be read is shown below.</strong>
              <ul>
                ${[...notebook.problems, ...this.controller.exerciseProblems].map((p) => html`<li>${p.message}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${repeat(
        notebook.blocks,
        // A new notebook gets new elements (and editors), even where its cell ids repeat.
        (block) => `${this.controller.generation}:${block.id}`,
        (block) => {
          if (block.kind === 'markdown') {
            if (this.editing === block.id) return this.renderProseEditor(block.id, block.source);
            // Hints are shown by their exercise, one at a time.
            if (onlyHints(block.source)) return nothing;
            return html`<div class="dp-prose-block">
              ${blockTools(this.controller, block.id, 'this text')}
              ${this.renderProse(block.id, block.source)}
            </div>`;
          }
          // A solution is shown by its exercise, on request; it is not a cell of the notebook.
          if (cellRole(block) === 'solution' && this.controller.exerciseOf(block.id)) return nothing;
          cellNumber++;
          const exercise = this.controller.exerciseOf(block.id);
          return html`<dp-cell
            .cell=${block}
            .number=${cellNumber}
            .state=${states.get(block.id)}
            .block=${this.controller.blocks.get(block.id)}
            .controller=${this.controller}
            .exercise=${exercise}
            .exerciseState=${exercise?.cellId === block.id ? this.controller.exerciseState(exercise) : undefined}
          ></dp-cell>`;
        },
      )}
    `;
  }

  /** Prose as rendered; double-click or Enter edits it. An empty block says how to fill it. */
  private renderProse(id: string, source: string) {
    const shipped = this.controller.markdown.get(id);
    const rendered =
      source.trim() === ''
        ? ''
        : shipped?.source === source
          ? shipped.html
          : markdownHtml(source, () => this.requestUpdate());
    return html`<div
      class="dp-markdown"
      tabindex="0"
      title="Double-click (or Enter) to edit"
      @dblclick=${() => (this.editing = id)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) {
          e.preventDefault();
          this.editing = id;
        }
      }}
    >
      ${
        rendered === undefined
          ? html`<pre class="dp-markdown-raw">${source}</pre>`
          : rendered === ''
            ? html`<p class="dp-markdown-empty">Empty text — double-click to write (Markdown).</p>`
            : unsafeHTML(rendered)
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-notebook': DpNotebook;
  }
}
