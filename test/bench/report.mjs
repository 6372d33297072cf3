/** Statistics, the results table, and the README section it is written into. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The README markers around a benchmark's section, e.g. `<!-- bench:runtime:start -->`. */
export function markers(name) {
  return [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`];
}

function sorted(values) {
  return [...values].sort((a, b) => a - b);
}

export function median(values) {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values, p) {
  const s = sorted(values);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

export const max = (values) => Math.max(...values);
export const min = (values) => Math.min(...values);

export const ms = (value) => `${Math.round(value)} ms`;
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * @param {{ metric: string, value: string, target: string, pass?: boolean }[]} rows
 *   `pass` undefined means the row is for information (no target).
 */
export function markdownTable(rows) {
  const lines = ['| Metric | Value | Target | Result |', '| --- | --- | --- | --- |'];
  for (const r of rows) {
    const result = r.pass === undefined ? '—' : r.pass ? 'pass' : '**FAIL**';
    lines.push(`| ${r.metric} | ${r.value} | ${r.target} | ${result} |`);
  }
  return lines.join('\n');
}

/**
 * Replaces what is between the markers in README.md with `body`; appends a `## Benchmarks`
 * section with the markers when they are missing. The rest of the file is kept as it is.
 */
export function writeReadmeSection(readmePath, body, name = 'runtime') {
  const [START_MARKER, END_MARKER] = markers(name);
  const block = `${START_MARKER}\n${body.trim()}\n${END_MARKER}`;
  const text = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER, start + START_MARKER.length);
  if (start >= 0 !== end >= 0) {
    throw new Error(`${readmePath} has only one of ${START_MARKER} and ${END_MARKER}; fix it by hand`);
  }
  let next;
  if (start >= 0) {
    next = text.slice(0, start) + block + text.slice(end + END_MARKER.length);
  } else {
    const sep = text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    next = `${text}${sep}## Benchmarks\n\n${block}\n`;
  }
  if (next !== text) writeFileSync(readmePath, next);
}
