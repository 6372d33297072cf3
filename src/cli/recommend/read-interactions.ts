/**
 * Reads what `dplab recommend` is given: an interactions CSV — one row per user–item event or pair,
 * columns `user`, `item`, optional `rating`/`value` and optional ISO `date` — and, optionally, an items
 * CSV with a description and attributes. The real Online Retail file's names (`customer_id`,
 * `stock_code`, `n_invoices`, `first_date`) are recognised too, and any column can be named with an
 * option. `.gz` files are decompressed with node:zlib. A bad row stops the read with its line number.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { csvParseRows } from 'd3-dsv';
import type { Interaction, ItemContent } from '../../recommend/index.ts';

/** Column names given on the command line (undefined: detect). */
export interface ColumnOptions {
  user?: string;
  item?: string;
  value?: string;
  date?: string;
}

/** The names tried, in order, when a column is not given. */
export const columnCandidates = {
  user: ['user', 'user_id', 'userid', 'customer_id', 'customer', 'customerid'],
  item: ['item', 'item_id', 'itemid', 'stock_code', 'stockcode', 'product', 'product_id'],
  value: ['rating', 'value', 'n_invoices', 'count', 'quantity'],
  date: ['date', 'first_date', 'time', 'timestamp', 'datetime'],
} as const;

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The text of a file, decompressed when it ends in `.gz`; "-" is standard input. */
export function readText(file: string): string {
  if (file === '-') return readFileSync(0, 'utf8');
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function parse(text: string, source: string): { header: string[]; rows: string[][] } {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
  if (rows.length === 0)
    throw new Error(`${source} is empty: expected a header line such as user,item,rating,date`);
  return { header: rows[0].map((h) => h.trim()), rows: rows.slice(1) };
}

function findColumn(
  header: readonly string[],
  given: string | undefined,
  candidates: readonly string[],
  what: string,
  option: string,
  source: string,
  required: boolean,
): number {
  const lower = header.map((h) => h.toLowerCase());
  if (given !== undefined) {
    const k = lower.indexOf(given.trim().toLowerCase());
    if (k < 0) {
      throw new Error(
        `${source}, line 1: no column "${given}" (${option}); the header is ${header.join(',')}`,
      );
    }
    return k;
  }
  const k = candidates.map((c) => lower.indexOf(c)).find((c) => c >= 0) ?? -1;
  if (k < 0 && required) {
    throw new Error(
      `${source}, line 1: no ${what} column (looked for ${candidates.join(', ')}; the header is ${header.join(',')}); name it with ${option}`,
    );
  }
  return k;
}

/** What {@link readInteractions} found. */
export interface InteractionFile {
  rows: Interaction[];
  /** The columns used (their header names), for the summary line. */
  columns: { user: string; item: string; value?: string; date?: string };
}

/** Parses the interactions CSV text; `source` names the file in messages. */
export function readInteractions(
  text: string,
  source = 'input',
  columns: ColumnOptions = {},
): InteractionFile {
  const { header, rows } = parse(text, source);
  const find = (key: keyof ColumnOptions, what: string, required: boolean) =>
    findColumn(header, columns[key], columnCandidates[key], what, `--${key}-col`, source, required);
  const userCol = find('user', 'user', true);
  const itemCol = find('item', 'item', true);
  const valueCol = find('value', 'rating/value', false);
  const dateCol = find('date', 'date', false);
  const out: Interaction[] = [];
  rows.forEach((row, r) => {
    const line = r + 2;
    if (row.length === 1 && row[0].trim() === '') return;
    if (row.length !== header.length) {
      throw new Error(`${source}, line ${line}: ${row.length} fields, but the header has ${header.length}`);
    }
    const user = row[userCol].trim();
    const item = row[itemCol].trim();
    if (user === '') throw new Error(`${source}, line ${line}: empty ${header[userCol]}`);
    if (item === '') throw new Error(`${source}, line ${line}: empty ${header[itemCol]}`);
    const interaction: Interaction = { user, item };
    if (valueCol >= 0) {
      const raw = row[valueCol].trim();
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) {
        throw new Error(`${source}, line ${line}: ${header[valueCol]} "${raw}" is not a number`);
      }
      interaction.value = value;
    }
    if (dateCol >= 0) {
      const raw = row[dateCol].trim();
      const time = ISO.test(raw) ? Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw) : NaN;
      if (!Number.isFinite(time)) {
        throw new Error(
          `${source}, line ${line}: ${header[dateCol]} "${raw}" is not an ISO date (YYYY-MM-DD)`,
        );
      }
      interaction.time = time;
    }
    out.push(interaction);
  });
  if (out.length === 0) throw new Error(`${source} has a header but no rows`);
  return {
    rows: out,
    columns: {
      user: header[userCol],
      item: header[itemCol],
      ...(valueCol >= 0 ? { value: header[valueCol] } : {}),
      ...(dateCol >= 0 ? { date: header[dateCol] } : {}),
    },
  };
}

/**
 * Parses an items CSV: an id column (`item`, `stock_code`, … or `itemCol`), an optional text column
 * (`description`, `title`, `name`, `text`), every other column an attribute — numeric when every
 * non-empty value is a number, else categorical. Empty cells are left out.
 */
export function readItems(text: string, source = 'items', itemCol?: string): ItemContent[] {
  const { header, rows } = parse(text, source);
  const idCol = findColumn(header, itemCol, columnCandidates.item, 'item', '--item-col', source, true);
  const lower = header.map((h) => h.toLowerCase());
  const textCol =
    ['description', 'title', 'name', 'text'].map((c) => lower.indexOf(c)).find((c) => c >= 0) ?? -1;
  const attrCols = header.map((_, j) => j).filter((j) => j !== idCol && j !== textCol);
  rows.forEach((row, r) => {
    if (row.length === 1 && row[0].trim() === '') return;
    if (row.length !== header.length) {
      throw new Error(`${source}, line ${r + 2}: ${row.length} fields, but the header has ${header.length}`);
    }
    if (row[idCol].trim() === '') throw new Error(`${source}, line ${r + 2}: empty ${header[idCol]}`);
  });
  const data = rows.filter((row) => !(row.length === 1 && row[0].trim() === ''));
  const numeric = attrCols.map((j) =>
    data.every((row) => row[j].trim() === '' || Number.isFinite(Number(row[j].trim()))),
  );
  const seen = new Set<string>();
  return data.map((row, r) => {
    const id = row[idCol].trim();
    if (seen.has(id)) throw new Error(`${source}, line ${r + 2}: item "${id}" appears twice`);
    seen.add(id);
    const attributes: Record<string, string | number> = {};
    attrCols.forEach((j, a) => {
      const raw = row[j].trim();
      if (raw !== '') attributes[header[j]] = numeric[a] ? Number(raw) : raw;
    });
    return { id, text: textCol >= 0 ? row[textCol] : '', attributes };
  });
}
