/**
 * `<dp-outputs>`: a cell's outputs in order — values in an inspector, tables, charts (sanitised
 * markup made in the worker), console lines, controls and metrics reported to the journal. Controls are keyed, so re-running a
 * cell keeps the same element (and the slider the student is dragging).
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { InputValue, Output } from '../protocol.ts';
import type { NotebookController } from './notebook-controller.ts';
import { sanitizeOutput } from './sanitize.ts';
import './dp-inspector.ts';
import './dp-table.ts';
import './dp-input.ts';
import './dp-chart.ts';

function outputKey(output: Output, index: number): string {
  return output.kind === 'input' ? `input:${output.key}` : `${index}:${output.kind}`;
}

@customElement('dp-outputs')
export class DpOutputs extends LitElement {
  @property({ attribute: false }) outputs: Output[] = [];
  @property({ attribute: false }) controller!: NotebookController;

  protected override createRenderRoot() {
    return this;
  }

  private onInput = (event: CustomEvent<{ key: string; value: InputValue }>) => {
    this.controller.setInput(event.detail.key, event.detail.value);
  };

  private renderOutput(output: Output) {
    switch (output.kind) {
      case 'inspect':
        return html`<dp-inspector .node=${output.node}></dp-inspector>`;
      case 'table':
        return html`<dp-table
          .page=${output.page}
          .fetchPage=${(offset: number, limit: number) => this.controller.tablePage(output.tableId, offset, limit)}
        ></dp-table>`;
      case 'html':
        if (output.chart) return html`<dp-chart .markup=${output.html} .chart=${output.chart}></dp-chart>`;
        return html`<div class="dp-html">${unsafeHTML(sanitizeOutput(output.html))}</div>`;
      case 'log':
        return html`<pre class="dp-log dp-log-${output.level}">${output.text}</pre>`;
      case 'input':
        return html`<dp-input .key=${output.key} .spec=${output.spec} @dp-input=${this.onInput}></dp-input>`;
      case 'truncated':
        return html`<p class="dp-truncated">${output.text}</p>`;
      case 'check':
        // Shown with their exercise (see dp-exercise.ts), not under the check cell.
        return nothing;
      case 'report':
        return html`<p class="dp-report" title="Recorded in the experiment journal">
          <span class="dp-report-mark" aria-hidden="true">◆</span>
          Reported${output.label ? ` (${output.label})` : ''}:
          ${Object.entries(output.metrics).map(
            ([name, value], i) =>
              html`${i > 0 ? ' · ' : ''}<code>${name}</code>
                ${Number.isFinite(value) ? Number(value.toPrecision(4)) : String(value)}`,
          )}
        </p>`;
    }
  }

  override render() {
    if (this.outputs.length === 0) return nothing;
    return repeat(this.outputs, outputKey, (output) => this.renderOutput(output));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-outputs': DpOutputs;
  }
}
