/**
 * A cell's outputs (the kernel's `Output` items) as nbformat 4 outputs, so an exported notebook
 * shows in JupyterLab what it showed here:
 * - `console.*` lines → `stream` outputs (`stdout`; `stderr` for warn and error), consecutive lines
 *   of one stream joined into one output as Jupyter does;
 * - the value of the cell's last expression (the last `inspect`) → `execute_result`; other
 *   inspected values (from `display`) → `display_data`; both as `text/plain`;
 * - markup → `display_data`: `image/svg+xml` when it is one `<svg>` (a Plot chart), `text/html`
 *   otherwise, each with a `text/plain` fallback;
 * - a table page → `text/html` and `text/plain` tables;
 * - a control → its label and value as `text/plain` (a file cannot hold a live control);
 * - the cell's error → an `error` output.
 */
import type { CellError, InspectNode, Output, TablePage } from '../../protocol.ts';

type Bundle = Record<string, string[]>;

/** One nbformat 4 output. */
export type IpynbOutput =
  | { name: 'stdout' | 'stderr'; output_type: 'stream'; text: string[] }
  | {
      data: Bundle;
      execution_count: number | null;
      metadata: Record<string, unknown>;
      output_type: 'execute_result';
    }
  | { data: Bundle; metadata: Record<string, unknown>; output_type: 'display_data' }
  | { ename: string; evalue: string; output_type: 'error'; traceback: string[] };

/** The nbformat outputs for one cell's `outputs` (and `error`), in order. */
export function ipynbOutputs(
  outputs: readonly Output[],
  count: number | null,
  error?: CellError,
): IpynbOutput[] {
  const result: IpynbOutput[] = [];
  const lastInspect = outputs.findLastIndex((o) => o.kind === 'inspect');
  const stream = (name: 'stdout' | 'stderr', text: string): void => {
    const previous = result[result.length - 1];
    if (previous?.output_type === 'stream' && previous.name === name) {
      previous.text = lines(previous.text.join('') + text);
    } else result.push({ name, output_type: 'stream', text: lines(text) });
  };
  const display = (data: Bundle): void =>
    void result.push({ data, metadata: {}, output_type: 'display_data' });
  outputs.forEach((output, i) => {
    switch (output.kind) {
      case 'log':
        stream(output.level === 'warn' || output.level === 'error' ? 'stderr' : 'stdout', output.text + '\n');
        break;
      case 'inspect': {
        const data = { 'text/plain': lines(inspectText(output.node)) };
        if (i === lastInspect) {
          result.push({ data, execution_count: count, metadata: {}, output_type: 'execute_result' });
        } else display(data);
        break;
      }
      case 'html':
        display(markup(output.html));
        break;
      case 'table':
        display({ 'text/html': lines(tableHtml(output.page)), 'text/plain': lines(tableText(output.page)) });
        break;
      case 'input': {
        const { spec } = output;
        const value =
          'options' in spec ? spec.selected.map((k) => spec.options[k] ?? '').join(', ') : String(spec.value);
        display({ 'text/plain': lines(`${spec.label ?? spec.kind}: ${value}`) });
        break;
      }
      case 'truncated':
        stream('stderr', output.text + '\n');
        break;
      case 'check': {
        const why = output.passed
          ? ''
          : [output.message, output.detail && `(${output.detail})`].filter(Boolean).join(' ');
        stream('stdout', `${output.passed ? '✓' : '✗'} ${output.label}${why ? ` — ${why}` : ''}\n`);
        break;
      }
      case 'report': {
        const metrics = Object.entries(output.metrics).map(([name, value]) => `${name} ${value}`);
        display({
          'text/plain': lines(`Reported${output.label ? ` (${output.label})` : ''}: ${metrics.join(', ')}`),
        });
        break;
      }
    }
  });
  if (error !== undefined) {
    const where = error.position ? ` (line ${error.position.line}, column ${error.position.column})` : '';
    result.push({
      ename: error.name,
      evalue: error.message,
      output_type: 'error',
      traceback: [`${error.name}: ${error.message}${where}`],
    });
  }
  return result;
}

/** The one-line text the inspector shows for a value (its summary for objects). */
export function inspectText(node: InspectNode): string {
  return node.type === 'object' || node.type === 'truncated' ? node.summary : node.text;
}

function markup(html: string): Bundle {
  const svg = /^\s*<svg[\s>]/i.test(html) && /<\/svg>\s*$/i.test(html);
  if (!svg) return { 'text/html': lines(html), 'text/plain': ['<HTML output>'] };
  // A standalone SVG file needs its namespace; markup made by a DOM may leave it implicit.
  const standalone = /^\s*<svg[^>]*\sxmlns=/i.test(html)
    ? html
    : html.replace(/<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"');
  return { 'image/svg+xml': lines(standalone), 'text/plain': ['<SVG image>'] };
}

function tableHtml(page: TablePage): string {
  const cell = (tag: string, text: string, numeric: boolean | undefined): string =>
    `<${tag}${numeric ? ' style="text-align: right"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = page.columns.map((c, j) => cell('th', c, page.numeric[j])).join('');
  const body = page.rows.map(
    (row) => `<tr>${row.map((v, j) => cell('td', v, page.numeric[j])).join('')}</tr>`,
  );
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>\n<p>${tableCaption(page)}</p>`;
}

function tableText(page: TablePage): string {
  const widths = page.columns.map((c, j) =>
    Math.max(c.length, ...page.rows.map((row) => (row[j] ?? '').length)),
  );
  const line = (values: readonly string[]): string =>
    values
      .map((v, j) => (page.numeric[j] ? v.padStart(widths[j] ?? 0) : v.padEnd(widths[j] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(page.columns), ...page.rows.map(line), tableCaption(page)].join('\n');
}

function tableCaption(page: TablePage): string {
  const shown = page.rows.length;
  const rows = `${page.numRows.toLocaleString('en-US')} rows × ${page.numCols.toLocaleString('en-US')} columns`;
  return shown < page.numRows ? `${rows} (rows ${page.offset + 1}–${page.offset + shown} shown)` : rows;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** nbformat's multi-line string: lines keeping their `\n`. */
function lines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}
