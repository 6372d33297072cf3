/**
 * `<dp-progress>`: the course's progress page (`#/progress`): each lesson, whether it was opened,
 * each exercise's state, and what to do next; "Download progress" writes the student's states and
 * code as JSON and as a readable Markdown summary, to hand in without a server.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { NotebookIndexEntry } from '../build/notebook-files-plugin.ts';
import { progressMarkdown, statusText, type NotebookProgress } from '../learn/progress.ts';
import type { ProgressStore } from './progress-store.ts';
import { saveFile } from './save-file.ts';

@customElement('dp-progress')
export class DpProgress extends LitElement {
  /** The bundled notebooks, in course order. */
  @property({ attribute: false }) lessons: NotebookIndexEntry[] = [];
  @property({ attribute: false }) store!: ProgressStore;
  /** Everything stored, once read. */
  @state() private records?: NotebookProgress[];

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.records = await this.store.all();
  }

  private record(file: string): NotebookProgress | undefined {
    return this.records?.find((r) => r.key === `bundled:${file}`);
  }

  private download(kind: 'json' | 'md') {
    const records = this.records ?? [];
    const stamp = new Date();
    const day = stamp.toISOString().slice(0, 10);
    if (kind === 'json') {
      const file = { app: 'dplab', version: 1, written: stamp.toISOString(), notebooks: records };
      saveFile(`dplab-progress-${day}.json`, JSON.stringify(file, null, 2), 'application/json');
    } else {
      saveFile(`dplab-progress-${day}.md`, progressMarkdown(records, stamp), 'text/markdown');
    }
  }

  private async reset() {
    if (!confirm('Forget your progress in every lesson? Your code in the notebooks is kept.')) return;
    await this.store.reset();
    await this.load();
  }

  /** The first lesson with an exercise not passed yet. */
  private next(): NotebookIndexEntry | undefined {
    return this.lessons.find((lesson) => {
      const done = this.record(lesson.file)?.exercises ?? {};
      return lesson.exercises.some((e) => done[e.id]?.status !== 'passed');
    });
  }

  override render() {
    if (!this.records) return html`<p class="dp-notice">Reading your progress…</p>`;
    const total = this.lessons.reduce((n, l) => n + l.exercises.length, 0);
    const passed = this.lessons.reduce(
      (n, l) =>
        n + l.exercises.filter((e) => this.record(l.file)?.exercises[e.id]?.status === 'passed').length,
      0,
    );
    const next = this.next();
    return html`<section class="dp-progress" aria-labelledby="dp-progress-title">
      <h1 id="dp-progress-title">Your progress</h1>
      <p>
        <strong>${passed} of ${total}</strong> exercises passed in ${this.lessons.length} lessons.
        ${next ? html`Next: <a href="#/notebooks/${next.file}">${next.title}</a>.` : total > 0 ? 'All done!' : nothing}
      </p>
      ${this.store.problem ? html`<p class="dp-work-problem" role="status">${this.store.problem}</p>` : nothing}
      <div class="dp-progress-actions">
        <button class="dp-button-plain" @click=${() => this.download('json')}>
          Download progress (.json)
        </button>
        <button class="dp-button-plain" @click=${() => this.download('md')}>Download summary (.md)</button>
        <button class="dp-button-plain" @click=${() => this.reset()}>Reset progress</button>
      </div>
      <table class="dp-progress-table">
        <caption class="dp-visually-hidden">
          Exercises by lesson
        </caption>
        <thead>
          <tr>
            <th scope="col">Lesson</th>
            <th scope="col">Opened</th>
            <th scope="col">Exercises</th>
          </tr>
        </thead>
        <tbody>
          ${this.lessons.map((lesson) => {
            const record = this.record(lesson.file);
            return html`<tr>
              <th scope="row"><a href="#/notebooks/${lesson.file}">${lesson.title}</a></th>
              <td>${record?.lastOpened ? new Date(record.lastOpened).toLocaleDateString() : '—'}</td>
              <td>
                <ul class="dp-progress-exercises">
                  ${lesson.exercises.map((e) => {
                    const status = record?.exercises[e.id]?.status ?? 'not-attempted';
                    return html`<li data-state=${status}>
                      <span class="dp-progress-mark" aria-hidden="true"
                        >${status === 'passed' ? '✓' : '○'}</span
                      >
                      ${e.title}: <span class="dp-progress-status">${statusText(status)}</span>
                    </li>`;
                  })}
                </ul>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-progress': DpProgress;
  }
}
