/**
 * `<dp-chart>`: a Plot chart drawn in the worker, made to answer the pointer and the keyboard, with
 * a "Show data" toggle that shows the plotted data as tables.
 *
 * The worker sends, for each pointer mark (`tip: true`, `Plot.pointer`, `pointerX/Y`, `crosshair`),
 * the points the pointer can select and Plot's own markup of the mark for each (see the kernel's
 * `chart-output.ts`). Here the point nearest the pointer is chosen as Plot's pointer transform
 * chooses it (within `maxRadius`, distances across the dominant axis squashed for pointerX/Y, not
 * squashed outside the frame), and its markup, sanitised, takes the place of the mark's empty
 * placeholder in the chart. A chart with pointer marks is focusable: arrow keys step through the
 * points, Escape hides the tip, and the tip's text is announced. Static charts stay as they are.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ChartInfo, ChartPointer } from '../protocol.ts';
import { sanitizeOutput } from './sanitize.ts';
import './dp-chart.css';

const SVG_NS = 'http://www.w3.org/2000/svg';
let nextId = 0;

/** The index of the point Plot's pointer would select at (`x`, `y`), or -1. */
export function nearestPoint(layer: ChartPointer, x: number, y: number, radius = layer.maxRadius): number {
  const [left, top, right, bottom] = layer.frame;
  const kx = layer.mode === 'y' ? 0.01 : 1;
  const ky = layer.mode === 'x' ? 0.01 : 1;
  const kpx = x < left || x > right ? 1 : kx;
  const kpy = y < top || y > bottom ? 1 : ky;
  let best = -1;
  let r = radius * radius;
  for (let j = 0; j < layer.x.length; j++) {
    const dx = kpx * (layer.x[j] - x);
    const dy = kpy * (layer.y[j] - y);
    const rj = dx * dx + dy * dy;
    if (rj <= r) {
      best = j;
      r = rj;
    }
  }
  return best;
}

@customElement('dp-chart')
export class DpChart extends LitElement {
  /** The chart's markup, as the worker made it (sanitised here). */
  @property({ attribute: false }) markup = '';
  @property({ attribute: false }) chart?: ChartInfo;
  @state() private showData = false;

  private readonly uid = `dp-chart-${++nextId}`;
  private svg?: SVGSVGElement;
  /** Per layer: the placeholder Plot drew, the element shown now, and parsed markup by point. */
  private layers: {
    layer: ChartPointer;
    placeholder: Element;
    shown: Element;
    parsed: Map<number, Element>;
  }[] = [];
  private selected: number[] = [];
  /** The primary layer's points in reading order (by x, then y), for the arrow keys. */
  private order: number[] = [];
  private cursor = -1;

  protected override createRenderRoot() {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  protected override updated(): void {
    const svg =
      this.querySelector<SVGSVGElement>('.dp-chart-plot [data-dp-pointer]')?.closest('svg') ?? undefined;
    if (svg === this.svg && svg) return;
    this.detach();
    const pointers = this.chart?.pointers ?? [];
    if (!svg || pointers.length === 0) return;
    this.layers = [];
    for (const layer of pointers) {
      const placeholder = svg.querySelector(`[data-dp-pointer="${layer.id}"]`);
      if (!placeholder) return;
      this.layers.push({ layer, placeholder, shown: placeholder, parsed: new Map() });
    }
    this.svg = svg;
    this.selected = this.layers.map(() => -1);
    const primary = this.primary();
    this.order = primary
      ? primary.x.map((_, i) => i).sort((a, b) => primary.x[a] - primary.x[b] || primary.y[a] - primary.y[b])
      : [];
    this.cursor = -1;
    svg.setAttribute('tabindex', '0');
    svg.classList.add('dp-chart-interactive');
    svg.addEventListener('pointermove', this.onPointerMove);
    svg.addEventListener('pointerenter', this.onPointerMove);
    svg.addEventListener('pointerleave', this.onPointerLeave);
    svg.addEventListener('keydown', this.onKeyDown);
    svg.addEventListener('focus', this.onFocus);
    svg.addEventListener('blur', this.onBlur);
  }

  private detach(): void {
    const svg = this.svg;
    if (!svg) return;
    svg.removeEventListener('pointermove', this.onPointerMove);
    svg.removeEventListener('pointerenter', this.onPointerMove);
    svg.removeEventListener('pointerleave', this.onPointerLeave);
    svg.removeEventListener('keydown', this.onKeyDown);
    svg.removeEventListener('focus', this.onFocus);
    svg.removeEventListener('blur', this.onBlur);
    this.svg = undefined;
    this.layers = [];
  }

  /** The layer the keyboard steps through: the first tip (a mark with text), else the first. */
  private primary(): ChartPointer | undefined {
    const pointers = this.layers.map((l) => l.layer);
    return pointers.find((p) => p.lines.some((lines) => lines.length > 0)) ?? pointers[0];
  }

  private onPointerMove = (event: PointerEvent) => {
    const svg = this.svg;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    this.show(this.layers.map(({ layer }) => nearestPoint(layer, point.x, point.y)));
  };

  private onPointerLeave = () => {
    if (this.svg && document.activeElement === this.svg && this.cursor >= 0) this.step(0);
    else this.show(this.layers.map(() => -1));
  };

  private onFocus = () => {
    if (this.cursor < 0) this.cursor = 0;
    this.step(0);
  };

  private onBlur = () => {
    this.show(this.layers.map(() => -1));
  };

  private onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key in moves) this.step(moves[event.key]);
    else if (event.key === 'Home') this.step(-Infinity);
    else if (event.key === 'End') this.step(Infinity);
    else if (event.key === 'Escape') {
      this.cursor = -1;
      this.show(this.layers.map(() => -1));
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  /** Moves the keyboard's point by `delta` places in reading order and shows it. */
  private step(delta: number): void {
    const primary = this.primary();
    if (!primary || this.order.length === 0) return;
    const last = this.order.length - 1;
    const from = this.cursor < 0 ? (delta < 0 ? last + 1 : -1) : this.cursor;
    this.cursor = Math.max(
      0,
      Math.min(last, delta === Infinity ? last : delta === -Infinity ? 0 : from + delta),
    );
    const i = this.order[this.cursor];
    const x = primary.x[i];
    const y = primary.y[i];
    this.show(this.layers.map(({ layer }) => (layer === primary ? i : nearestPoint(layer, x, y, Infinity))));
  }

  /** Shows point `selected[k]` of each layer `k` (-1: none), as Plot would re-render the marks. */
  private show(selected: number[]): void {
    let changed = false;
    this.layers.forEach((entry, k) => {
      const j = selected[k];
      if (j === this.selected[k]) return;
      changed = true;
      this.selected[k] = j;
      const next = j < 0 ? entry.placeholder : this.parse(entry, j);
      if (next && next !== entry.shown) {
        entry.shown.replaceWith(next);
        entry.shown = next;
      }
    });
    if (changed) this.announce();
  }

  private parse(entry: DpChart['layers'][number], j: number): Element | undefined {
    let element = entry.parsed.get(j);
    if (!element) {
      const holder = document.createElementNS(SVG_NS, 'svg');
      holder.innerHTML = sanitizeOutput(`<svg xmlns="${SVG_NS}">${entry.layer.marks[j]}</svg>`);
      element = holder.querySelector('[data-dp-pointer]') ?? undefined;
      if (!element) return undefined;
      entry.parsed.set(j, element);
    }
    return element;
  }

  private announce(): void {
    const region = this.querySelector('.dp-chart-live');
    if (!region) return;
    const lines = this.layers.flatMap(({ layer }, k) =>
      this.selected[k] >= 0 ? layer.lines[this.selected[k]] : [],
    );
    region.textContent = [...new Set(lines)].join(', ');
  }

  private renderTables() {
    const tables = this.chart?.data ?? [];
    return html`<div class="dp-chart-data" id="${this.uid}-data" ?hidden=${!this.showData}>
      ${(this.showData ? tables : []).map(
        (table) =>
          html`<div class="dp-table-scroll">
            <table class="dp-table">
              <caption class="dp-table-caption">
                ${table.mark}:
                ${
                  table.rows.length < table.total
                    ? `first ${table.rows.length} of ${table.total} rows`
                    : `${table.total} ${table.total === 1 ? 'row' : 'rows'}`
                }
              </caption>
              <thead>
                <tr>
                  ${table.columns.map((c) => html`<th scope="col">${c}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${table.rows.map(
                  (row) =>
                    html`<tr>
                      ${row.map((cell) => html`<td>${cell}</td>`)}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`,
      )}
    </div>`;
  }

  override render() {
    const hasData = (this.chart?.data.length ?? 0) > 0;
    return html`<div class="dp-html dp-chart-plot">${unsafeHTML(sanitizeOutput(this.markup))}</div>
      ${
        this.chart?.pointers.length
          ? html`<div class="dp-visually-hidden dp-chart-live" aria-live="polite"></div>`
          : nothing
      }
      ${
        hasData
          ? html`<button
              type="button"
              class="dp-chart-toggle"
              aria-expanded=${this.showData ? 'true' : 'false'}
              aria-controls="${this.uid}-data"
              @click=${() => (this.showData = !this.showData)}
            >
              ${this.showData ? 'Hide data' : 'Show data'}
            </button>`
          : nothing
      }
      ${hasData ? this.renderTables() : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-chart': DpChart;
  }
}
