/**
 * `<dp-cell>`: one TypeScript cell — a Run button and status, the code, and below it the cell's
 * outputs or error. The element itself carries `data-status` (queued, running, ok, error, stale,
 * interrupted). Shift+Enter runs the cell.
 *
 * The code first shows as highlighted text, which costs no JavaScript. Clicking it (or Enter)
 * swaps in Monaco, loaded lazily (see `editor-loader.ts`), laid out like the text it replaces and
 * kept hidden until it has drawn, so the page does not move; the cursor goes where the student
 * clicked. If Monaco cannot be loaded, a plain text box is used and the cell says why.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CodeCell } from '../notebook/notebook.ts';
import type { BlockState } from '../notebook/layer/apply-layer.ts';
import { lineDiff } from '../notebook/layer/line-diff.ts';
import { highlightEdited } from './code-highlighter.ts';
import { caretAtPoint } from './caret-at-point.ts';
import { loadedEditorKit } from './editor-loader.ts';
import type { CellEditor } from './editor/index.ts';
import type { CellState } from '../runtime/cell-state.ts';
import type { NotebookController } from './notebook-controller.ts';
import { blockTools } from './block-tools.ts';
import './dp-outputs.ts';
import './dp-exercise.ts';
import { withCode } from './with-code.ts';
import { cellRole, codeHidden, type Exercise } from '../learn/exercises.ts';
import type { ExerciseState } from '../learn/exercise-state.ts';

/** A running cell gets a hint about Interrupt after this long. */
const SLOW_MS = 3000;

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
  /** The exercise this cell belongs to (as its exercise or check cell), and its state. */
  @property({ attribute: false }) exercise?: Exercise;
  @property({ attribute: false }) exerciseState?: ExerciseState;
  /** A `hidden` or check cell whose code the student asked to see. */
  @state() private codeShown = false;
  /** Showing the lesson's original code next to the student's (a line diff). */
  @state() private showOriginal = false;
  /** How the code shows: highlighted text, Monaco, or (Monaco failed to load) a text box. */
  @state() private mode: 'view' | 'monaco' | 'textarea' = 'view';
  /** Monaco has drawn its first frame, so it can replace the text without a flash. */
  @state() private monacoShown = false;
  /** Why the code is edited in a plain text box. */
  @state() private editorProblem?: string;
  private cellEditor?: CellEditor;
  private opening?: Promise<void>;
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
    // Moving a cell up or down takes its element out and puts it back: keep the editor then.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.cellEditor?.dispose();
      this.cellEditor = undefined;
      this.mode = 'view';
      this.monacoShown = false;
    });
  }

  protected override updated(): void {
    if (this.controller.focusCell === this.cell.id) {
      this.controller.focusCell = undefined;
      void this.edit();
    }
    this.dataset.status = this.cell.unclosed ? 'error' : (this.state?.status ?? 'stale');
    // What "go to cell 4" (the notebook's bar) finds.
    this.id = `dp-cell-${this.number}`;
    // One Tab stop for the code, as before the editor came: its container (Enter goes in), not the
    // editor's text, where Tab indents.
    for (const stop of this.querySelectorAll<HTMLElement>('.dp-code-monaco [tabindex="0"]')) {
      stop.tabIndex = -1;
    }
    // The code changed from outside the editor: a reset, an undone deletion, a lesson update.
    this.cellEditor?.setValue(this.code);
    this.cellEditor?.showErrorLine(this.errorLine());
  }

  /** The Monaco editor of this cell, once the student has opened it. */
  get editor(): CellEditor['editor'] | undefined {
    return this.cellEditor?.editor;
  }

  /** This cell's model in Monaco's TypeScript worker (for tools and tests). */
  async typeScript() {
    const kit = loadedEditorKit();
    const model = this.cellEditor?.editor.getModel();
    if (!kit || !model) throw new Error('This cell is not open in the editor.');
    return kit.typeScriptFor(model.uri);
  }

  /** Type and syntax errors the editor shows in this cell. */
  markers() {
    return this.cellEditor?.markers() ?? [];
  }

  /** Starts editing: Monaco (loaded on first use) with the cursor at `position`, or the text box. */
  async edit(position?: { lineNumber: number; column: number }): Promise<void> {
    if (this.cellEditor) {
      this.cellEditor.focus(position);
      return;
    }
    if (this.mode === 'textarea') {
      this.querySelector('textarea')?.focus();
      return;
    }
    this.opening ??= this.openEditor(position).finally(() => (this.opening = undefined));
    await this.opening;
  }

  private async openEditor(position?: { lineNumber: number; column: number }) {
    try {
      const types = await this.controller.cellTypes();
      const kit = loadedEditorKit();
      if (!kit) throw new Error('the editor did not load');
      this.mode = 'monaco';
      await this.updateComplete;
      const container = this.querySelector<HTMLElement>('.dp-code-monaco');
      if (!container || !this.isConnected) return;
      this.cellEditor = kit.createCellEditor({
        container,
        uri: types.cellUri(this.cell.id),
        value: this.code,
        ariaLabel: `Code of cell ${this.number}`,
        position,
        onChange: (text) => this.controller.draft(this.cell.id, text),
        onRun: () => this.run(),
        onRunAndAdvance: () => {
          this.run();
          this.focusNext();
        },
        onRunAndInsert: () => {
          this.run();
          void this.controller.insertCellAfter(this.cell.id);
        },
        onLeave: () => this.querySelector<HTMLElement>('.dp-code-monaco')?.focus(),
        onInterrupt: () => void this.controller.interrupt(),
      });
      this.cellEditor.showErrorLine(this.errorLine());
      // Two frames: Monaco lays out in one and paints in the next; then the text can go.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      this.monacoShown = true;
      await this.updateComplete;
      // Only now: a hidden element cannot take the focus.
      this.cellEditor.focus(position);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.editorProblem = `The code editor could not be loaded (${reason}), so this cell is edited as plain text. Reload the page to try again.`;
      this.mode = 'textarea';
      this.monacoShown = false;
      await this.updateComplete;
      this.querySelector('textarea')?.focus();
    }
  }

  private errorLine(): number | undefined {
    return this.state?.status === 'error' ? this.state.error?.position?.line : undefined;
  }

  private get code(): string {
    return this.cell.source;
  }

  private run() {
    if (this.cell.unclosed) return;
    void this.controller.runCell(this.cell.id);
  }

  private onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as Element;
    // Monaco handles its own keys (see cell-editor.ts); its container takes Enter to go back in.
    if (target.closest('.monaco-editor')) return;
    if (event.key === 'Enter' && !event.altKey && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      if (target.matches('.dp-code-view, .dp-code-monaco')) {
        event.preventDefault();
        void this.edit();
      }
      return;
    }
    if (event.key === 'Enter' && event.altKey) {
      // Jupyter's habit: run, then start a new cell below.
      event.preventDefault();
      this.run();
      void this.controller.insertCellAfter(this.cell.id);
    } else if (event.key === 'Enter' && event.shiftKey) {
      // Run, then move on to the next cell, as in Jupyter and Observable.
      event.preventDefault();
      this.run();
      this.focusNext();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.run();
    } else if (event.key === 'Escape' && this.mode === 'textarea') {
      this.querySelector<HTMLElement>('.dp-code-edit')?.blur();
    }
  };

  /** Moves the keyboard focus to the next cell's code, if there is a next cell. */
  private focusNext() {
    let next = this.nextElementSibling;
    while (next && !(next instanceof DpCell)) next = next.nextElementSibling;
    if (next instanceof DpCell) next.focusCode();
  }

  /** Puts the keyboard focus on the code: in its editor if it has one, else on the code view. */
  focusCode(): void {
    if (this.cellEditor) this.cellEditor.focus();
    else this.querySelector<HTMLElement>('.dp-code-view, .dp-code-edit')?.focus();
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
    if (this.mode === 'textarea') {
      return html`<textarea
          class="dp-code-edit"
          aria-label="Code of cell ${this.number}"
          spellcheck="false"
          rows=${lines}
          .value=${this.code}
          @input=${this.onInput}
        ></textarea>
        <div class="dp-cell-reason" role="status">${this.editorProblem}</div>`;
    }
    if (this.mode === 'monaco') {
      // The container keeps its element across renders: Monaco's DOM lives inside it.
      return html`${this.monacoShown ? nothing : this.renderView()}
        <div
          class="dp-code-monaco ${this.monacoShown ? '' : 'dp-code-monaco-pending'}"
          tabindex=${this.monacoShown ? '0' : '-1'}
          aria-label="Code of cell ${this.number}; press Enter to edit"
        ></div>`;
    }
    return this.renderView();
  }

  private renderView() {
    const errorLine = this.errorLine();
    return html`<pre
      class="dp-code-view"
      tabindex="0"
      aria-label="Code of cell ${this.number}; press Enter to edit, Shift+Enter to run"
      @click=${(e: MouseEvent) => void this.edit(caretAtPoint(e.currentTarget as Element, e.clientX, e.clientY))}
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

  /** "Show code" for cells whose code is folded (chart plumbing, the checks of an exercise). */
  private renderFold() {
    const role = cellRole(this.cell);
    const what = role === 'check' ? 'checks' : 'code';
    const about =
      role === 'check' && this.exercise
        ? html`<span class="dp-cell-role">checks of “${this.exercise.title}”</span>`
        : nothing;
    return html`${about}<button
        class="dp-link-button dp-fold"
        aria-expanded=${this.codeShown ? 'true' : 'false'}
        @click=${() => (this.codeShown = !this.codeShown)}
      >
        ${this.codeShown ? `Hide ${what}` : `Show ${what}`}
      </button>`;
  }

  override render() {
    const status = this.state?.status ?? 'stale';
    const pending = this.controller.isPending(this.cell.id);
    const edited = this.block?.edited ?? false;
    // A notebook from outside that has not run folds nothing: the student reads all its code first.
    const folded = codeHidden(this.cell) && !this.controller.revealCode;
    const showCode = !folded || this.codeShown;
    const isExercise = cellRole(this.cell) === 'exercise' && this.exercise !== undefined;
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
        ${blockTools(this.controller, this.cell.id, `cell ${this.number}`)}
        <span class="dp-cell-status">${statusText[status]}</span>
        ${isExercise ? html`<span class="dp-cell-role">exercise</span>` : nothing}
        ${folded ? this.renderFold() : nothing}
        ${pending ? html`<span class="dp-cell-edited">changed — Shift+Enter to run</span>` : nothing}
        ${isExercise ? nothing : this.renderEditState(edited)}
      </div>
      ${showCode ? html`<div class="dp-code" @keydown=${this.onKeyDown}>${this.renderCode()}</div>` : nothing}
      ${this.renderOriginal()} ${this.renderMessage()}
      <dp-outputs
        .outputs=${this.state?.outputs ?? []}
        .controller=${this.controller}
        class=${status === 'queued' || status === 'running' || status === 'stale' ? 'dp-outputs-dim' : ''}
      ></dp-outputs>
      ${
        isExercise && this.exerciseState
          ? html`<dp-exercise
              .exercise=${this.exercise}
              .state=${this.exerciseState}
              .controller=${this.controller}
            ></dp-exercise>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-cell': DpCell;
  }
}
