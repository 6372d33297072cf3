/**
 * `<dp-table>`: one page of a table kept in the worker, with a pager that asks for the others.
 *
 * Only a page of formatted text ever reaches the page, so a million-row table is as cheap to show
 * as a ten-row one. The first page arrives with the output; Previous and Next fetch the rest.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TablePage } from '../protocol.ts';
import './dp-table.css';

/** Asks the kernel for rows `offset … offset + limit - 1`; `undefined` once the table is gone. */
export type FetchTablePage = (offset: number, limit: number) => Promise<TablePage | undefined>;

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Shows a {@link TablePage} as an HTML table with a caption, right-aligned numeric columns and a
 * pager.
 *
 * @example html`<dp-table .page=${page} .fetchPage=${(o, l) => kernel.tablePage(id, o, l)}></dp-table>`
 */
@customElement('dp-table')
export class DpTable extends LitElement {
  /** The first page, as the cell's output carried it. A new page (a re-run) starts over. */
  @property({ attribute: false }) page?: TablePage;

  /** Fetches other pages; without it the pager is disabled. */
  @property({ attribute: false }) fetchPage?: FetchTablePage;

  /** Rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The page shown: `page`, or one fetched since. */
  @state() private shown?: TablePage;
  @state() private loading = false;
  @state() private problem = '';

  /** Answers to older requests are dropped: the newest click wins. */
  private request = 0;

  protected override createRenderRoot() {
    return this;
  }

  /**
   * A table wider than its cell scrolls sideways; then its scroll box becomes a keyboard stop (arrow
   * keys scroll it) with a name, so it can be read without a mouse (WCAG 2.1.1). Watched, because the
   * width changes with the window and the page shown.
   */
  private readonly resize =
    typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.markScroll()) : undefined;

  private markScroll(): void {
    const box = this.querySelector<HTMLElement>('.dp-table-scroll');
    if (!box) return;
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', 'Table, scrolls sideways');
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }

  protected override updated(): void {
    const box = this.querySelector('.dp-table-scroll');
    if (box && this.resize) this.resize.observe(box);
    this.markScroll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('page')) {
      this.shown = this.page;
      this.problem = '';
      this.loading = false;
      this.request++;
    }
  }

  override render() {
    const page = this.shown;
    if (!page) return nothing;
    const rows = page.rows.slice(0, this.pageSize);
    const first = rows.length > 0 ? page.offset + 1 : 0;
    const last = page.offset + rows.length;
    // Buttons stay enabled while loading: disabling the focused button would drop keyboard focus.
    const canPage = this.fetchPage !== undefined;
    return html`<div class="dp-table-scroll">
        <table class="dp-table" aria-busy=${this.loading ? 'true' : 'false'}>
          <caption class="dp-table-caption">
            ${count(page.numRows, 'row', 'rows')} × ${count(page.numCols, 'column', 'columns')}
          </caption>
          <thead>
            <tr>
              ${page.columns.map(
                (name, j) => html`<th scope="col" class=${page.numeric[j] ? 'dp-num' : ''}>${name}</th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  ${row.map((cell, j) => html`<td class=${page.numeric[j] ? 'dp-num' : ''}>${cell}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${page.numRows <= this.pageSize ? nothing : this.renderPager(page, first, last, canPage)}`;
  }

  /** Previous / Next and the range shown; only for tables longer than a page. */
  private renderPager(page: TablePage, first: number, last: number, canPage: boolean) {
    return html`<div class="dp-table-pager">
      <button
        type="button"
        class="dp-table-button"
        aria-label="Previous page"
        ?disabled=${!canPage || page.offset === 0}
        @click=${() => this.go(page.offset - this.pageSize)}
      >
        ‹ Previous
      </button>
      <span class="dp-table-range" aria-live="polite">
        rows ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of
        ${page.numRows.toLocaleString('en-US')}
      </span>
      <button
        type="button"
        class="dp-table-button"
        aria-label="Next page"
        ?disabled=${!canPage || last >= page.numRows}
        @click=${() => this.go(last)}
      >
        Next ›
      </button>
      ${this.problem ? html`<span class="dp-table-problem" role="status">${this.problem}</span>` : nothing}
    </div>`;
  }

  /** Shows the page starting at `offset`, fetched from the kernel. */
  private async go(offset: number): Promise<void> {
    const fetchPage = this.fetchPage;
    if (!fetchPage || !this.shown) return;
    const request = ++this.request;
    this.loading = true;
    this.problem = '';
    try {
      const page = await fetchPage(Math.max(0, offset), this.pageSize);
      if (request !== this.request) return;
      if (page) this.shown = page;
      else this.problem = 'This table is gone: run its cell again to page through it.';
    } catch (error) {
      if (request !== this.request) return;
      this.problem = `Could not load rows: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (request === this.request) this.loading = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-table': DpTable;
  }
}
