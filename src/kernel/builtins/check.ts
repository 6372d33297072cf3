/**
 * `check`, the builtin of check cells (```` ```ts check for=<exercise> ````): each call records one
 * check of the student's answer as a `check` output of the cell, which the page gathers into the
 * exercise's state. Nothing is thrown on a failed check, so every check of a cell is reported.
 *
 * Messages say why an answer failed without giving the expected answer away: a value that is off
 * says by how much in relative terms and in which direction, never the value itself.
 */
import type { Output } from '../../protocol.ts';
import { isTable, type TableLike } from '../display/table-page.ts';

type CheckOutput = Extract<Output, { kind: 'check' }>;

/** Options every check takes as its last argument. */
export interface CheckOptions {
  /** How much the check counts towards the exercise's score (default 1). */
  weight?: number;
}

/** The tolerance of `check.close`: relative, absolute, or both (either may be met). */
export interface Tolerance extends CheckOptions {
  /** Relative tolerance: |actual − expected| ≤ rel · |expected|. Default 1e-9 when `abs` is unset. */
  rel?: number;
  /** Absolute tolerance: |actual − expected| ≤ abs. */
  abs?: number;
}

/** The function cells see as `check`, with `close` and `equal`. */
export interface CheckFunction {
  (label: string, condition: unknown, message?: string, options?: CheckOptions): boolean;
  close(
    label: string,
    actual: unknown,
    expected: number,
    tolerance?: Tolerance,
    message?: string,
    options?: CheckOptions,
  ): boolean;
  equal(label: string, actual: unknown, expected: unknown, message?: string, options?: CheckOptions): boolean;
}

function weightOf(...sources: (CheckOptions | undefined)[]): number {
  for (const source of sources) {
    const weight = source?.weight;
    if (weight === undefined) continue;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new TypeError(`check: weight must be a number ≥ 0, got ${String(weight)}`);
    }
    return weight;
  }
  return 1;
}

function checkLabel(label: unknown): string {
  if (typeof label !== 'string' || label.trim() === '') {
    throw new TypeError(
      'check: the first argument is the label the student reads, e.g. check("mae is a number", …)',
    );
  }
  return label;
}

/** A short description of a value for messages, without dumping it. */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(Number(value.toPrecision(10)));
  if (typeof value === 'string')
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isTable(value)) return `a table of ${value.numRows()} rows`;
  return 'an object';
}

/**
 * How far off an answer is, in words: a band, not a figure, so that a student cannot work the
 * expected value back out of one wrong try (the direction alone still lets them home in, as a
 * teacher's "warmer" would).
 */
function missBand(relative: number): string {
  if (relative < 0.01) return ' by less than 1 %';
  if (relative < 0.1) return ' by a few per cent';
  if (relative < 0.5) return ' by tens of per cent';
  if (relative < 2) return ' by a lot';
  return ' by far (several times the value)';
}

/** Why `actual` is not close to `expected`, or `undefined` when it is. */
function closeProblem(actual: unknown, expected: number, tolerance: Tolerance): string | undefined {
  if (typeof actual !== 'number') return `got ${describe(actual)}, not a number`;
  if (Number.isNaN(actual)) return 'got NaN: the value is not computed yet (or a calculation went wrong)';
  if (!Number.isFinite(actual)) return `got ${actual}`;
  const { rel, abs } = tolerance;
  const relTol = rel ?? (abs === undefined ? 1e-9 : undefined);
  const diff = Math.abs(actual - expected);
  const withinRel = relTol !== undefined && diff <= relTol * Math.abs(expected);
  const withinAbs = abs !== undefined && diff <= abs;
  if (withinRel || withinAbs) return undefined;
  const direction = actual > expected ? 'too large' : 'too small';
  return `got ${describe(actual)}, which is ${direction}${expected !== 0 ? missBand(diff / Math.abs(expected)) : ''}`;
}

/** The first difference between two values, as a path and what was found there; `undefined` if equal. */
export function firstDifference(actual: unknown, expected: unknown, path = ''): string | undefined {
  const at = path === '' ? '' : ` at ${path}`;
  if (Object.is(actual, expected)) return undefined;
  if (typeof expected === 'number' && typeof actual === 'number') {
    return actual === expected ? undefined : `got ${describe(actual)}${at}`;
  }
  if (isTable(expected)) {
    if (!isTable(actual)) return `got ${describe(actual)}${at}, expected a table`;
    return tableDifference(actual, expected, at);
  }
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const e = expected as ArrayLike<unknown>;
    if (!(Array.isArray(actual) || ArrayBuffer.isView(actual)))
      return `got ${describe(actual)}${at}, expected an array`;
    const a = actual as ArrayLike<unknown>;
    if (a.length !== e.length) return `has ${a.length} items${at}, expected ${e.length}`;
    for (let i = 0; i < e.length; i++) {
      const found = firstDifference(a[i], e[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (expected instanceof Date) {
    return actual instanceof Date && actual.getTime() === expected.getTime()
      ? undefined
      : `got ${describe(actual)}${at}`;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return `got ${describe(actual)}${at}, expected an object`;
    }
    const eKeys = Object.keys(expected);
    const aKeys = Object.keys(actual);
    const missing = eKeys.find((k) => !(k in actual));
    if (missing !== undefined) return `is missing \`${missing}\`${at}`;
    const extra = aKeys.find((k) => !(k in expected));
    if (extra !== undefined) return `has an unexpected \`${extra}\`${at}`;
    for (const key of eKeys) {
      const found = firstDifference(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  return `got ${describe(actual)}${at}`;
}

function tableDifference(actual: TableLike, expected: TableLike, at: string): string | undefined {
  const eCols = expected.columnNames();
  const aCols = actual.columnNames();
  const missing = eCols.find((c) => !aCols.includes(c));
  if (missing !== undefined) return `the table${at} has no column \`${missing}\``;
  const extra = aCols.find((c) => !eCols.includes(c));
  if (extra !== undefined) return `the table${at} has an unexpected column \`${extra}\``;
  if (actual.numRows() !== expected.numRows()) {
    return `the table${at} has ${actual.numRows()} rows, expected ${expected.numRows()}`;
  }
  for (let row = 0; row < expected.numRows(); row++) {
    for (const column of eCols) {
      const found = firstDifference(actual.get(column, row), expected.get(column, row));
      if (found) return `${found} in column \`${column}\`, row ${row + 1}`;
    }
  }
  return undefined;
}

/** Makes the `check` builtin for one run of a check cell; each call pushes one output. */
export function makeCheck(push: (output: CheckOutput) => void): CheckFunction {
  const record = (label: string, passed: boolean, weight: number, message?: unknown, detail?: string) => {
    const output: CheckOutput = { kind: 'check', label, passed, weight };
    if (!passed && typeof message === 'string' && message !== '') output.message = message;
    if (!passed && detail) output.detail = detail;
    push(output);
    return passed;
  };
  const check = (label: string, condition: unknown, message?: string, options?: CheckOptions) =>
    record(checkLabel(label), Boolean(condition), weightOf(options), message);
  return Object.assign(check, {
    close(
      label: string,
      actual: unknown,
      expected: number,
      tolerance: Tolerance = {},
      message?: string,
      options?: CheckOptions,
    ) {
      const name = checkLabel(label);
      if (typeof expected !== 'number' || !Number.isFinite(expected)) {
        throw new TypeError(
          `check.close("${name}"): the expected value must be a finite number, got ${describe(expected)}`,
        );
      }
      const problem = closeProblem(actual, expected, tolerance ?? {});
      return record(name, problem === undefined, weightOf(options, tolerance), message, problem);
    },
    equal(label: string, actual: unknown, expected: unknown, message?: string, options?: CheckOptions) {
      const name = checkLabel(label);
      const problem = firstDifference(actual, expected);
      return record(name, problem === undefined, weightOf(options), message, problem);
    },
  });
}
