/**
 * Reads the series a data engineer hands to `dplab forecast`: a long CSV with columns `id`,
 * `date` (or `t`) and `value` — one row per series and time — or a single series (`date,value`,
 * `t,value`, or just `value`). Rows are ordered by date or t within each series. A bad row stops
 * the read with its line number; a file is data, and guessing past a broken row hides problems.
 */
import { csvParseRows } from 'd3-dsv';

/** One series read from the input. */
export interface InputSeries {
  id: string;
  values: number[];
  /** ISO dates of the observations, when the input has a `date` column. */
  dates?: string[];
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Parses the CSV text; `source` names the file in messages. */
export function readSeries(text: string, source = 'input'): InputSeries[] {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
  if (rows.length === 0) throw new Error(`${source} is empty: expected a header line such as id,date,value`);
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [idCol, dateCol, tCol, valueCol] = [col('id'), col('date'), col('t'), col('value')];
  if (valueCol < 0) {
    throw new Error(
      `${source}, line 1: no "value" column (header: ${rows[0].join(',')}); name the columns id,date,value or date,value`,
    );
  }
  const timeCol = dateCol >= 0 ? dateCol : tCol;
  const groups = new Map<string, { key: number | string; value: number }[]>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.length === 1 && row[0].trim() === '') return;
    if (row.length !== header.length) {
      throw new Error(`${source}, line ${line}: ${row.length} fields, but the header has ${header.length}`);
    }
    const raw = row[valueCol].trim();
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) {
      throw new Error(
        `${source}, line ${line}: value "${raw}" is not a number; fill or drop missing values first`,
      );
    }
    let key: number | string = line;
    if (timeCol === dateCol && dateCol >= 0) {
      key = row[dateCol].trim();
      if (!DATE.test(key))
        throw new Error(`${source}, line ${line}: date "${key}" is not YYYY-MM-DD (or YYYY-MM, YYYY)`);
    } else if (timeCol >= 0) {
      key = Number(row[timeCol]);
      if (!Number.isFinite(key))
        throw new Error(`${source}, line ${line}: t "${row[timeCol]}" is not a number`);
    }
    const id = idCol >= 0 ? row[idCol].trim() : 'series';
    if (id === '') throw new Error(`${source}, line ${line}: empty id`);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push({ key, value });
  });
  if (groups.size === 0) throw new Error(`${source} has a header but no rows`);
  return [...groups].map(([id, points]) => {
    points.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (let i = 1; i < points.length; i++) {
      if (points[i].key === points[i - 1].key) {
        throw new Error(
          `${source}: series "${id}" has two rows for ${timeCol === dateCol ? 'date' : 't'} ${points[i].key}`,
        );
      }
    }
    return {
      id,
      values: points.map((p) => p.value),
      ...(dateCol >= 0 ? { dates: points.map((p) => String(p.key)) } : {}),
    };
  });
}

/**
 * The seasonal period implied by the spacing of dates: monthly 12, quarterly 4, weekly 52, daily 7,
 * yearly 1. Undefined when there are no dates or the spacing is irregular.
 */
export function periodFromDates(dates: readonly string[] | undefined): number | undefined {
  if (!dates || dates.length < 3) return undefined;
  const days = (d: string) =>
    Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d) / 86_400_000;
  const gaps = dates
    .slice(1)
    .map((d, i) => days(d) - days(dates[i]))
    .sort((a, b) => a - b);
  const gap = gaps[Math.floor(gaps.length / 2)];
  if (gap >= 28 && gap <= 31) return 12;
  if (gap >= 89 && gap <= 92) return 4;
  if (gap === 7) return 52;
  if (gap === 1) return 7;
  if (gap >= 365 && gap <= 366) return 1;
  return undefined;
}
