/**
 * `<dp-cell>`: one TypeScript cell — a Run button and status, the code (highlighted; click or
 * Enter to edit), and below it the cell's outputs or error. The element itself carries
 * `data-status` (queued, running, ok, error, stale, interrupted). Shift+Enter runs the cell.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CodeCell } from '../notebook/notebook.ts';
import type { BlockState } from '../notebook/apply-layer.ts';
import { lineDiff } from '../notebook/line-diff.ts';
import { highlightEdited } from './code-highlighter.ts';
import type { CellState } from '../runtime/cell-state.ts';
import type { NotebookController } from './notebook-controller.ts';
import './dp-outputs.ts';

/** A running cell gets a hint about Interrupt after this long. */
const SLOW_MS = 3000;

/** Messages mark names with backticks, as Markdown does; show those parts as code. */
function withCode(text: string) {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`')
        ? html`<code>${part.slice(1, -1)}</code>`
        : part,
    );
}

const statusText: Record<string, string> = {
  queued: 'Queued',
  running: 'Running…',
  ok: '',
  error: 'Error',
  stale: 'Not run',
  interrupted: 'Interrupted',
};

@customElement('dp-cell')
export class DpCell extends LitElement {
  /** The cell as it is in the notebook. */
  @property({ attribute: false }) cell!: CodeCell;
  /** Position among the notebook's cells, from 1. */
  @property({ type: Number }) number = 0;
  /** This session's run state of the cell. */
  @property({ attribute: false }) state?: CellState;
  @property({ attribute: false }) controller!: NotebookController;
  /** The cell's edit state: edited by the student, changed in the lesson since, the lesson's text. */
  @property({ attribute: false }) block?: BlockState;
  /** Showing the lesson's original code next to the student's (a line diff). */
  @state() private showOriginal = false;
  @state() private editing = false;
  /** Set once the cell has been running for {@link SLOW_MS}. */
  @state() private slow = false;
  private slowTimer?: ReturnType<typeof setTimeout>;

  protected override createRenderRoot() {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state')) {
      const running = this.state?.status === 'running';
      if (!running) {
        clearTimeout(this.slowTimer);
        this.slowTimer = undefined;
        this.slow = false;
      } else if (this.slowTimer === undefined) {
        this.slowTimer = setTimeout(() => (this.slow = true), SLOW_MS);
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.slowTimer);
  }

  protected override updated(): void {
    if (this.controller.focusCell === this.cell.id) {
      this.controller.focusCell = undefined;
      this.editing = true;
    }
    this.dataset.status = this.cell.unclosed ? 'error' : (this.state?.status ?? 'stale');
    if (this.editing) {
      const area = this.querySelector('textarea');
      if (area && document.activeElement !== area) area.focus();
    }
  }

  private get code(): string {
    return this.cell.source;
  }

  private run() {
    if (this.cell.unclosed) return;
    void this.controller.runCell(this.cell.id);
  }

  private onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.altKey) {
      // Jupyter's habit: run, then start a new cell below.
      event.preventDefault();
      this.run();
      void this.controller.insertCellAfter(this.cell.id);
    } else if (event.key === 'Enter' && event.shiftKey) {
      // Run, then move on to the next cell, as in Jupyter and Observable.
      event.preventDefault();
      this.run();
      this.editing = false;
      this.focusNext();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.run();
    } else if (
      event.key === 'Enter' &&
      !this.editing &&
      event.target === this.querySelector('.dp-code-view')
    ) {
      event.preventDefault();
      this.editing = true;
    } else if (event.key === 'Escape' && this.editing) {
      this.editing = false;
    }
  };

  /** Moves the keyboard focus to the next cell's code, if there is a next cell. */
  private focusNext() {
    let next = this.nextElementSibling;
    while (next && !(next instanceof DpCell)) next = next.nextElementSibling;
    next?.querySelector<HTMLElement>('.dp-code-view')?.focus();
  }

  private onInput = (event: Event) => {
    const area = event.target as HTMLTextAreaElement;
    this.controller.draft(this.cell.id, area.value);
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight}px`;
  };

  /** The shipped code's prepared HTML, or the edited code highlighted once the highlighter loads. */
  private highlighted() {
    const shipped = this.controller.code.get(this.cell.id);
    if (shipped && shipped.source === this.code) return unsafeHTML(shipped.html);
    const html = highlightEdited(this.code, 'ts', () => this.requestUpdate());
    return html === undefined ? this.code : unsafeHTML(html);
  }

  private renderCode() {
    const lines = this.code.split('\n').length;
    if (this.editing) {
      return html`<textarea
        class="dp-code-edit"
        aria-label="Code of cell ${this.number}"
        spellcheck="false"
        rows=${lines}
        .value=${this.code}
        @input=${this.onInput}
        @blur=${() => (this.editing = false)}
      ></textarea>`;
    }
    const errorLine = this.state?.status === 'error' ? this.state.error?.position?.line : undefined;
    return html`<pre
      class="dp-code-view"
      tabindex="0"
      aria-label="Code of cell ${this.number}; press Enter to edit, Shift+Enter to run"
      @click=${() => (this.editing = true)}
    ><code class="hljs language-ts">${this.highlighted()}</code>${
      errorLine
        ? html`<span
            class="dp-error-line"
            style="top: calc(${errorLine - 1} * var(--dp-code-line) + var(--dp-code-pad))"
          ></span>`
        : nothing
    }</pre>`;
  }

  private renderMessage() {
    const s = this.state;
    if (this.cell.unclosed) {
      return html`<div class="dp-cell-error" role="alert">
        ${withCode(
          "This cell's code fence is never closed, so it is not run. Add a line with ``` after its code.",
        )}
      </div>`;
    }
    if (!s) return nothing;
    if (s.status === 'error' && s.error) {
      const at = s.error.position ? ` (line ${s.error.position.line})` : '';
      const message = withCode(s.error.message);
      return html`<div class="dp-cell-error" role="alert">
        <strong>${s.error.name}${at}:</strong> <span class="dp-cell-error-message">${message}</span>
      </div>`;
    }
    if ((s.status === 'stale' || s.status === 'interrupted') && s.reason) {
      return html`<div class="dp-cell-reason">${withCode(s.reason)}</div>`;
    }
    if (s.status === 'running' && this.slow) {
      return html`<div class="dp-cell-reason" role="status">
        Still running after ${SLOW_MS / 1000} s. If it should have finished, press
        <strong>Interrupt</strong> at the top of the page.
      </div>`;
    }
    return nothing;
  }

  /** "Your version" marks, with the lesson's original and a way back to it. */
  private renderEditState(edited: boolean) {
    if (!edited) return nothing;
    return html`<span class="dp-cell-mine">your version</span>
      ${
        this.block?.lessonChanged
          ? html`<span class="dp-cell-lesson-changed" title="The lesson changed this cell since you edited it"
              >lesson changed</span
            >`
          : nothing
      }
      <button
        class="dp-link-button"
        aria-expanded=${this.showOriginal ? 'true' : 'false'}
        @click=${() => (this.showOriginal = !this.showOriginal)}
      >
        ${this.showOriginal ? 'Hide original' : 'Show original'}
      </button>
      <button
        class="dp-link-button"
        aria-label="Reset cell ${this.number} to the lesson's code"
        @click=${() => {
          this.showOriginal = false;
          void this.controller.resetCell(this.cell.id);
        }}
      >
        Reset
      </button>`;
  }

  /** The lesson's code against the student's, line by line. */
  private renderOriginal() {
    if (!this.showOriginal || !this.block) return nothing;
    return html`<pre class="dp-diff" aria-label="Lesson's original code compared with yours">
${lineDiff(this.block.original, this.code).map(
        (line) =>
          html`<span class="dp-diff-${line.kind}"
            >${line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}${line.text}
          </span>`,
      )}</pre>`;
  }

  override render() {
    const status = this.state?.status ?? 'stale';
    const pending = this.controller.isPending(this.cell.id);
    const edited = this.block?.edited ?? false;
    return html`
      <div class="dp-cell-bar">
        <button
          class="dp-run"
          aria-label="Run cell ${this.number}"
          title="Run this cell and the cells that use it (Shift+Enter)"
          @click=${() => this.run()}
        >
          ▶
        </button>
        <span class="dp-cell-number">[${this.number}]</span>
        <span class="dp-cell-tools">
          <button
            class="dp-link-button"
            aria-label="Insert a cell below cell ${this.number}"
            title="Insert a cell below (Alt+Enter runs this one and inserts)"
            @click=${() => this.controller.insertCellAfter(this.cell.id)}
          >
            + cell
          </button>
          <button
            class="dp-link-button"
            aria-label="Delete cell ${this.number}"
            title="Delete this cell (Undo delete brings it back)"
            @click=${() => this.controller.deleteCell(this.cell.id)}
          >
            delete
          </button>
        </span>
        <span class="dp-cell-status">${statusText[status]}</span>
        ${pending ? html`<span class="dp-cell-edited">changed — Shift+Enter to run</span>` : nothing}
        ${this.renderEditState(edited)}
      </div>
      <div class="dp-code" @keydown=${this.onKeyDown}>${this.renderCode()}</div>
      ${this.renderOriginal()} ${this.renderMessage()}
      <dp-outputs
        .outputs=${this.state?.outputs ?? []}
        .controller=${this.controller}
        class=${status === 'queued' || status === 'running' || status === 'stale' ? 'dp-outputs-dim' : ''}
      ></dp-outputs>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-cell': DpCell;
  }
}
