/**
 * `<dp-journal>`: the experiment journal in the side panel. Lists the runs the notebook's reporting
 * cells settled on, newest first, each named by the controls that varied; a student pins runs,
 * ticks two to see them side by side, plots a metric against a numeric control (a sensitivity
 * curve, drawn with Plot, loaded on first use), downloads the journal as CSV, or clears it.
 *
 * Rows are plain template rows with delegated events and only the newest {@link ROW_LIMIT} (and the
 * pinned ones) are shown until asked, so a journal of thousands of runs stays quick to redraw.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import {
  compareRuns,
  formatValue,
  journalCsv,
  metricNames,
  numericParams,
  paramNames,
  runNames,
  sensitivity,
  varyingParams,
  type JournalRun,
  type ParamValue,
} from '../learn/journal.ts';
import type { CellState } from '../runtime/cell-state.ts';
import type { NotebookController } from './notebook-controller.ts';
import type { JournalStore } from './journal-store.ts';
import { saveFile } from './save-file.ts';
import './dp-journal.css';

/** Runs shown before "Show all". */
export const ROW_LIMIT = 200;

const numberFormat = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const metricText = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '—' : numberFormat.format(value);
const valueText = (value: ParamValue | undefined) =>
  typeof value === 'number' ? metricText(value) : formatValue(value);

/** Which reporting cell and label a run came from. */
const sourceKeyOf = (run: JournalRun) => `${run.cellId}\u0000${run.label ?? ''}`;

@customElement('dp-journal')
export class DpJournal extends LitElement {
  @property({ attribute: false }) controller!: NotebookController;
  /** The cells' run states (a new Map on every change); the journal itself listens to its store. */
  @property({ attribute: false }) states?: ReadonlyMap<string, CellState>;
  @state() private runs: readonly JournalRun[] = [];
  @state() private showAll = false;
  @state() private pinnedOnly = false;
  /** The ids of the runs ticked for comparison (at most two, the last two ticked). */
  @state() private picked: readonly string[] = [];
  @state() private onlyDifferences = true;
  @state() private param?: string;
  @state() private metric?: string;
  /** The curve asked for with "Plot"; redrawn as runs arrive. */
  @state() private plotted?: { param: string; metric: string };
  @state() private plotNote = '';
  /**
   * The reporting cell (and label) whose runs are shown when the notebook has several: their
   * metrics differ, so one table of all of them would be mostly empty columns.
   */
  @state() private sourceKey?: string;

  // Derived from the runs in willUpdate.
  private names = new Map<string, string>();
  private metrics: string[] = [];
  private numeric: string[] = [];
  private constants: [string, ParamValue][] = [];
  private manySources = false;
  private visible: JournalRun[] = [];
  /** The runs of the chosen source (all runs when there is one source). */
  private shown: readonly JournalRun[] = [];
  private sources: { key: string; name: string; count: number }[] = [];

  private store?: JournalStore;
  private unsubscribe?: () => void;
  private drawing = 0;

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const store = this.controller?.journal;
    if (store !== this.store || !this.unsubscribe) {
      this.unsubscribe?.();
      this.store = store;
      this.unsubscribe = store?.subscribe(() => {
        this.runs = store.runs;
        this.requestUpdate(); // the problem may have changed without the runs
      });
      this.runs = store?.runs ?? [];
    }
    if (changed.has('runs') || changed.has('sourceKey')) this.derive();
    if (
      changed.has('runs') ||
      changed.has('sourceKey') ||
      changed.has('showAll') ||
      changed.has('pinnedOnly')
    )
      this.pickVisible();
  }

  private derive(): void {
    const counts = new Map<string, { run: JournalRun; count: number }>();
    for (const run of this.runs) {
      const key = sourceKeyOf(run);
      counts.set(key, { run, count: (counts.get(key)?.count ?? 0) + 1 });
    }
    this.manySources = counts.size > 1;
    this.sources = [...counts].map(([key, { run, count }]) => ({ key, name: this.source(run), count }));
    const latest = this.runs[this.runs.length - 1];
    if (this.sourceKey === undefined || !counts.has(this.sourceKey))
      this.sourceKey = latest ? sourceKeyOf(latest) : undefined;
    const runs = this.manySources ? this.runs.filter((r) => sourceKeyOf(r) === this.sourceKey) : this.runs;
    this.shown = runs;
    const varying = varyingParams(runs);
    const names = runNames(runs, varying);
    this.names = new Map(runs.map((run, i) => [run.id, names[i]]));
    this.metrics = metricNames(runs);
    const numeric = numericParams(runs);
    // Varying numeric controls first: those are the ones a curve can say something about.
    this.numeric = [
      ...numeric.filter((p) => varying.includes(p)),
      ...numeric.filter((p) => !varying.includes(p)),
    ];
    const last = runs[runs.length - 1];
    this.constants = last
      ? paramNames(runs)
          .filter((p) => !varying.includes(p))
          .map((p) => [p, last.params[p]])
      : [];
    const ids = new Set(this.runs.map((r) => r.id));
    if (this.picked.some((id) => !ids.has(id))) this.picked = this.picked.filter((id) => ids.has(id));
    if (this.param === undefined || !numeric.includes(this.param)) this.param = this.numeric[0];
    if (this.metric === undefined || !this.metrics.includes(this.metric)) this.metric = this.metrics[0];
  }

  private pickVisible(): void {
    const newestFirst = (this.pinnedOnly ? this.shown.filter((r) => r.pinned) : this.shown).slice().reverse();
    this.visible = this.showAll ? newestFirst : newestFirst.filter((r, i) => i < ROW_LIMIT || r.pinned);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('plotted') || (this.plotted && changed.has('runs'))) void this.draw();
  }

  /** Draws the sensitivity curve asked for (Plot is loaded the first time). */
  private async draw(): Promise<void> {
    const target = this.querySelector<HTMLElement>('.dp-journal-chart');
    const asked = this.plotted;
    if (!target || !asked) return;
    const drawing = ++this.drawing;
    const points = sensitivity(this.shown, asked.param, asked.metric);
    if (points.length === 0) {
      target.replaceChildren();
      this.plotNote = `No run has both a number for ${asked.param} and a value of ${asked.metric}.`;
      return;
    }
    const Plot = await import('@observablehq/plot');
    if (drawing !== this.drawing) return;
    const chart = Plot.plot({
      document,
      width: Math.max(240, Math.min(target.clientWidth || 340, 520)),
      height: 210,
      marginLeft: 52,
      ariaLabel: `${asked.metric} against ${asked.param}`,
      ariaDescription: points.map((p) => `${asked.param} ${formatValue(p.x)}: ${metricText(p.y)}`).join('; '),
      x: { label: asked.param },
      y: { label: asked.metric, grid: true },
      marks: [
        Plot.line(points, { x: 'x', y: 'y', stroke: 'var(--dp-accent)' }),
        Plot.dot(points, { x: 'x', y: 'y', fill: 'var(--dp-accent)', r: 3 }),
      ],
    });
    target.replaceChildren(chart);
    const runs = this.shown.filter(
      (r) => typeof r.params[asked.param] === 'number' && asked.metric in r.metrics,
    );
    this.plotNote =
      runs.length > points.length
        ? `${points.length} values of ${asked.param}; at a value run more than once, the latest run is shown.`
        : `${points.length} ${points.length === 1 ? 'value' : 'values'} of ${asked.param}.`;
  }

  private onPlot(event: Event): void {
    event.preventDefault();
    if (this.param && this.metric) this.plotted = { param: this.param, metric: this.metric };
  }

  private onRowChange(event: Event): void {
    const box = event.target as HTMLInputElement;
    const id = box.closest('tr')?.dataset.run;
    if (!id || box.type !== 'checkbox') return;
    const others = this.picked.filter((p) => p !== id);
    this.picked = box.checked ? [...others, id].slice(-2) : others;
  }

  private onRowClick(event: Event): void {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-pin]');
    const id = button?.closest('tr')?.dataset.run;
    const run = id ? this.runs.find((r) => r.id === id) : undefined;
    if (run) this.store?.setPinned(run.id, !run.pinned);
  }

  private download(): void {
    const name = (this.controller.source?.name ?? 'notebook').replace(/\.[^.]+$/, '');
    const day = new Date().toISOString().slice(0, 10);
    saveFile(`${name}-journal-${day}.csv`, journalCsv(this.runs), 'text/csv');
  }

  private async clear(): Promise<void> {
    const n = this.runs.length;
    if (
      !confirm(
        `Delete all ${n} ${n === 1 ? 'run' : 'runs'} of this notebook from the journal, pinned ones too?`,
      )
    )
      return;
    this.picked = [];
    this.plotted = undefined;
    await this.store?.clear();
  }

  private name(run: JournalRun): string {
    return this.names.get(run.id) ?? run.id;
  }

  /** What a run came from: its report's label, else the cell's place among the code cells. */
  private source(run: JournalRun): string {
    const cells = this.controller.notebook?.blocks.filter((b) => b.kind === 'code') ?? [];
    const position = cells.findIndex((b) => b.id === run.cellId) + 1;
    return run.label ?? (position > 0 ? `cell ${position}` : run.cellId);
  }

  /** The choice of reporting cell, when there are several. */
  private renderSources() {
    if (!this.manySources) return nothing;
    return html`<label class="dp-journal-sources">
      Runs of
      <select
        @change=${(e: Event) => {
          this.sourceKey = (e.target as HTMLSelectElement).value;
          this.picked = [];
          this.plotted = undefined;
        }}
      >
        ${this.sources.map(
          (s) =>
            html`<option .value=${s.key} ?selected=${s.key === this.sourceKey}>
              ${s.name} (${s.count} ${s.count === 1 ? 'run' : 'runs'})
            </option>`,
        )}
      </select>
    </label>`;
  }

  private renderRows(visible: JournalRun[], metrics: string[], picked: readonly string[]) {
    return visible.map((run) => {
      const name = this.name(run);
      const pinned = run.pinned === true;
      return html`<tr data-run=${run.id} class=${pinned ? 'dp-journal-pinned' : ''}>
        <td class="dp-journal-pick">
          <input type="checkbox" aria-label="Compare ${name}" .checked=${picked.includes(run.id)} />
        </td>
        <th scope="row" title=${new Date(run.time).toLocaleString()}>${name}</th>
        ${metrics.map((m) => html`<td class="dp-num">${metricText(run.metrics[m])}</td>`)}
        <td class="dp-journal-pin-cell">
          <button
            class="dp-journal-pin"
            data-pin
            aria-pressed=${pinned ? 'true' : 'false'}
            aria-label="${pinned ? 'Unpin' : 'Pin'} ${name}"
            title=${pinned ? 'Unpin' : 'Pin: kept when old runs are dropped'}
          >
            ${pinned ? '★' : '☆'}
          </button>
        </td>
      </tr>`;
    });
  }

  private renderTable() {
    const total = this.pinnedOnly ? this.shown.filter((r) => r.pinned).length : this.shown.length;
    const shown = this.visible.length;
    return html`<div class="dp-journal-scroll">
        <table class="dp-journal-table">
          <caption>
            ${`${this.pinnedOnly ? 'Pinned runs' : 'Runs'}, newest first`}${shown < total ? ` (${shown} of ${total})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="dp-journal-pick"><span class="dp-visually-hidden">Compare</span></th>
              <th scope="col">Run</th>
              ${this.metrics.map((m) => html`<th scope="col" class="dp-num">${m}</th>`)}
              <th scope="col"><span class="dp-visually-hidden">Pinned</span></th>
            </tr>
          </thead>
          <tbody @change=${this.onRowChange} @click=${this.onRowClick}>
            ${guard([this.visible, this.names, this.metrics, this.picked], () =>
              this.renderRows(this.visible, this.metrics, this.picked),
            )}
          </tbody>
        </table>
      </div>
      ${
        shown < total
          ? html`<button class="dp-link-button" @click=${() => (this.showAll = true)}>
              Show all ${total.toLocaleString('en')} runs
            </button>`
          : nothing
      }`;
  }

  private renderCompare() {
    if (this.picked.length < 2) {
      return html`<p class="dp-journal-hint">
        ${this.picked.length === 1 ? 'Tick one more run' : 'Tick two runs'} to compare them side by side.
      </p>`;
    }
    const [a, b] = this.picked
      .map((id) => this.runs.find((r) => r.id === id))
      .filter((r): r is JournalRun => r !== undefined)
      .sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
    if (!a || !b) return nothing;
    const rows = compareRuns(a, b);
    const shown = this.onlyDifferences ? rows.filter((r) => r.differs) : rows;
    const cell = (row: (typeof rows)[number], v: ParamValue | undefined) =>
      row.kind === 'metric' ? metricText(v as number | undefined) : valueText(v);
    return html`<section class="dp-journal-compare" aria-label="Comparison">
      <table class="dp-journal-table">
        <caption>
          Two runs side by side
        </caption>
        <thead>
          <tr>
            <td></td>
            <th scope="col">${this.name(a)}</th>
            <th scope="col">${this.name(b)}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">time</th>
            <td>${new Date(a.time).toLocaleTimeString()}</td>
            <td>${new Date(b.time).toLocaleTimeString()}</td>
          </tr>
          ${shown.map(
            (row) =>
              html`<tr class=${row.differs ? 'dp-journal-differs' : ''} data-kind=${row.kind}>
                <th scope="row">
                  ${row.name}${row.differs ? html`<span class="dp-visually-hidden"> (differs)</span>` : nothing}
                </th>
                <td class=${row.kind === 'metric' ? 'dp-num' : ''}>${cell(row, row.a)}</td>
                <td class=${row.kind === 'metric' ? 'dp-num' : ''}>${cell(row, row.b)}</td>
              </tr>`,
          )}
          ${
            shown.length === 0
              ? html`<tr>
                  <td colspan="3">The two runs are the same.</td>
                </tr>`
              : nothing
          }
        </tbody>
      </table>
      <label class="dp-journal-check">
        <input
          type="checkbox"
          .checked=${this.onlyDifferences}
          @change=${(e: Event) => (this.onlyDifferences = (e.target as HTMLInputElement).checked)}
        />
        Only what differs
      </label>
      <button class="dp-link-button" @click=${() => (this.picked = [])}>Clear comparison</button>
    </section>`;
  }

  private renderPlot() {
    if (this.numeric.length === 0) {
      return html`<p class="dp-journal-hint">
        A sensitivity curve needs a numeric control (a slider or a number box) in the notebook.
      </p>`;
    }
    return html`<form class="dp-journal-plot" @submit=${this.onPlot}>
        <label>
          Metric
          <select @change=${(e: Event) => (this.metric = (e.target as HTMLSelectElement).value)}>
            ${this.metrics.map((m) => html`<option .value=${m} ?selected=${m === this.metric}>${m}</option>`)}
          </select>
        </label>
        <label>
          against
          <select
            aria-label="Parameter"
            @change=${(e: Event) => (this.param = (e.target as HTMLSelectElement).value)}
          >
            ${this.numeric.map((p) => html`<option .value=${p} ?selected=${p === this.param}>${p}</option>`)}
          </select>
        </label>
        <button class="dp-button-plain" type="submit">Plot</button>
      </form>
      <div class="dp-journal-chart"></div>
      ${this.plotted ? html`<p class="dp-journal-hint" role="status">${this.plotNote}</p>` : nothing}`;
  }

  override render() {
    const problem = this.store?.problem
      ? html`<p class="dp-work-problem" role="status">${this.store.problem}</p>`
      : nothing;
    if (this.runs.length === 0) {
      return html`${problem}
        <p class="dp-journal-empty">
          Cells that call <code>report({ … })</code> or show a leaderboard add a run here each time they
          settle.
        </p>`;
    }
    const n = this.runs.length;
    return html`${problem}
      <p class="dp-journal-summary">
        ${n.toLocaleString('en')} ${n === 1 ? 'run' : 'runs'}, named by the controls that varied.
        ${
          this.constants.length > 0
            ? html`<span class="dp-journal-constants"
                >Same in every run:
                ${this.constants.map(([p, v]) => `${p} = ${valueText(v)}`).join(', ')}.</span
              >`
            : nothing
        }
      </p>
      ${this.renderSources()} ${this.renderPlot()} ${this.renderCompare()} ${this.renderTable()}
      <div class="dp-journal-actions">
        <label class="dp-journal-check">
          <input
            type="checkbox"
            .checked=${this.pinnedOnly}
            @change=${(e: Event) => (this.pinnedOnly = (e.target as HTMLInputElement).checked)}
          />
          Pinned only
        </label>
        <button class="dp-button-plain" @click=${this.download}>Download CSV</button>
        <button class="dp-button-plain" @click=${this.clear}>Clear journal</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-journal': DpJournal;
  }
}
