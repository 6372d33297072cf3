/**
 * How a table cell reads. Tables are for scanning columns by eye, so numbers lose floating-point
 * noise (`0.30000000000000004` → `0.3`), dates drop a midnight time, and long values are cut.
 */

/** Characters of an object's or string's text before it is cut with `…`. */
const MAX_TEXT = 100;
/** Significant digits kept for non-integers. */
const DIGITS = 6;

/** The text of one cell; never throws. */
export function formatCell(value: unknown): string {
  try {
    return cut(cellText(value));
  } catch {
    return '?';
  }
}

function cellText(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return '';
    case 'number':
      return formatNumber(value);
    case 'string':
      return value;
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return 'ƒ';
  }
  if (typeof value !== 'object' || value === null) return '';
  if (value instanceof Date) return formatDate(value);
  return jsonText(value);
}

/**
 * Integers in full (a count or a year must not become `1.23457e+6`); other numbers to six
 * significant digits, and `Number(…)` drops the zeros `toPrecision` pads with.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n === 0 ? 0 : n);
  return String(Number(n.toPrecision(DIGITS)));
}

/** `2024-03-01` for a UTC midnight, else `2024-03-01T12:30Z` (seconds and milliseconds when present). */
export function formatDate(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return 'Invalid Date';
  const iso = date.toISOString(); // 2024-03-01T12:30:45.678Z, or ±YYYYYY-… outside years 0–9999
  const [day, clock] = iso.split('T');
  if (clock === '00:00:00.000Z') return day;
  if (clock.endsWith(':00.000Z')) return `${day}T${clock.slice(0, 5)}Z`;
  if (clock.endsWith('.000Z')) return `${day}T${clock.slice(0, 8)}Z`;
  return iso;
}

/** JSON-like text of an object; it copes with cycles, bigints and values JSON would drop. */
function jsonText(value: object): string {
  const path: object[] = [];
  const text = JSON.stringify(value, function (this: unknown, _key: string, v: unknown) {
    // `this` is the holder of `v`: drop ancestors that are no longer on the current path.
    while (path.length > 0 && path[path.length - 1] !== this) path.pop();
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
    if (typeof v === 'function') return 'ƒ';
    if (typeof v === 'symbol') return v.toString();
    if (v === undefined) return null;
    if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
      if (path.includes(v)) return '[circular]';
      path.push(v);
    }
    return v;
  });
  return text ?? String(value);
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
