/**
 * `<dp-exercise>`: what an exercise says back, under its cell — its state (`data-exercise` and
 * `data-state` on the element, for tools and tests), each check with its message, the hints one at
 * a time, the solution on request, and a way back to the starter code.
 *
 * Hints and the solution are not in the page until asked for: a student reading the page (or its
 * accessibility tree) does not see the answer by accident.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Exercise } from '../learn/exercises.ts';
import type { ExerciseState } from '../learn/exercise-state.ts';
import { statusText } from '../learn/progress.ts';
import type { NotebookController } from './notebook-controller.ts';
import { markdownHtml } from './markdown-html.ts';
import { highlightEdited } from './code-highlighter.ts';
import { withCode } from './with-code.ts';

const BADGE: Record<ExerciseState['status'], string> = {
  'not-attempted': '○',
  waiting: '…',
  failed: '✗',
  partial: '◐',
  passed: '✓',
};

@customElement('dp-exercise')
export class DpExercise extends LitElement {
  @property({ attribute: false }) exercise!: Exercise;
  @property({ attribute: false }) state!: ExerciseState;
  @property({ attribute: false }) controller!: NotebookController;
  /** Hints revealed so far. */
  @state() private hintsShown = 0;
  @state() private solutionShown = false;

  protected override createRenderRoot() {
    return this;
  }

  protected override updated(): void {
    this.dataset.exercise = this.exercise.id;
    this.dataset.state = this.state.status;
  }

  private renderChecks() {
    const { checks, status } = this.state;
    if (status === 'not-attempted') {
      return html`<p class="dp-exercise-reason">
        Change the code above and run it (Shift+Enter): the checks below it answer at once.
      </p>`;
    }
    if (checks.length === 0) return nothing;
    return html`<ul class="dp-checks" aria-label="Checks">
      ${checks.map(
        (c) =>
          html`<li class="dp-check" data-passed=${c.passed ? 'true' : 'false'}>
            <span class="dp-check-mark" aria-hidden="true">${c.passed ? '✓' : '✗'}</span>
            <span class="dp-visually-hidden">${c.passed ? 'passed:' : 'not yet:'}</span>
            <span class="dp-check-label">${c.label}</span>
            ${c.weight !== 1 ? html`<span class="dp-check-weight">(counts ${c.weight})</span>` : nothing}
            ${
              c.passed
                ? nothing
                : html`<span class="dp-check-why"
                    >${c.message ? html` — ${withCode(c.message)}` : nothing}${
                      c.detail ? html` <span class="dp-check-detail">(${withCode(c.detail)})</span>` : nothing
                    }</span
                  >`
            }
          </li>`,
      )}
    </ul>`;
  }

  private renderHints() {
    const { hints } = this.exercise;
    if (hints.length === 0) return nothing;
    const shown = hints.slice(0, this.hintsShown);
    return html`${shown.map((hint, i) => {
      const rendered = markdownHtml(hint, () => this.requestUpdate());
      return html`<div class="dp-hint" aria-label="Hint ${i + 1} of ${hints.length}">
        <strong>Hint ${i + 1}.</strong>
        ${rendered === undefined ? hint : unsafeHTML(rendered)}
      </div>`;
    })}
    ${
      this.hintsShown < hints.length
        ? html`<button class="dp-link-button" @click=${() => this.hintsShown++}>
            ${this.hintsShown === 0 ? 'Show a hint' : 'Show another hint'} (${this.hintsShown + 1} of
            ${hints.length})
          </button>`
        : nothing
    }`;
  }

  private renderSolution() {
    const solution = this.exercise.solution;
    if (!solution) return nothing;
    if (!this.solutionShown) {
      const early = this.hintsShown < this.exercise.hints.length;
      return html`<button
        class="dp-link-button"
        title=${early ? 'You have hints left: try them first.' : 'Show the solution'}
        @click=${() => (this.solutionShown = true)}
      >
        Show solution
      </button>`;
    }
    const highlighted = highlightEdited(solution.source, 'ts', () => this.requestUpdate());
    return html`<div class="dp-solution" aria-label="Solution">
      <strong>Solution</strong>
      <pre class="dp-code-view"><code class="hljs language-ts">${
        highlighted === undefined ? solution.source : unsafeHTML(highlighted)
      }</code></pre>
      <button class="dp-link-button" @click=${() => void this.controller.applySolution(this.exercise)}>
        Use this solution
      </button>
      <button class="dp-link-button" @click=${() => (this.solutionShown = false)}>Hide solution</button>
    </div>`;
  }

  override render() {
    const { status, score, total, reason } = this.state;
    const attempted = status !== 'not-attempted';
    return html`<section class="dp-exercise-box" aria-label="Exercise: ${this.exercise.title}">
      <div class="dp-exercise-head">
        <span class="dp-exercise-badge" aria-hidden="true">${BADGE[status]}</span>
        <strong class="dp-exercise-title">Exercise: ${this.exercise.title}</strong>
        <span class="dp-exercise-status" role="status" aria-live="polite"
          >${statusText(status)}${
            (status === 'partial' || status === 'failed' || status === 'passed') && total > 0
              ? ` — ${score} of ${total}`
              : ''
          }</span
        >
      </div>
      ${reason ? html`<p class="dp-exercise-reason">${withCode(reason)}</p>` : nothing} ${this.renderChecks()}
      <div class="dp-exercise-help">
        ${this.renderHints()} ${this.renderSolution()}
        ${
          attempted
            ? html`<button
                class="dp-link-button"
                @click=${() => {
                  this.solutionShown = false;
                  void this.controller.resetExercise(this.exercise);
                }}
              >
                Reset exercise
              </button>`
            : nothing
        }
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-exercise': DpExercise;
  }
}
