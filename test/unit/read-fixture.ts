/**
 * Reads the test fixtures (series CSVs and R reference values) and compares arrays with a tolerance.
 * Shared by the stats and forecast unit tests; the fixtures are described in test/fixtures/ref/README.md.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The `value` column of a series: AirPassengers from datasets/, the others from test/fixtures/series/. */
export function readSeries(name: string): number[] {
  const url =
    name === 'AirPassengers'
      ? new URL('../../datasets/AirPassengers.csv', import.meta.url)
      : new URL(`../fixtures/series/${name}.csv`, import.meta.url);
  return readFileSync(url, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));
}

/** A JSON file from test/fixtures/ref/, typed by the caller. */
export function readRef<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/ref/${file}`, import.meta.url), 'utf8')) as T;
}

/**
 * Expects |actual − expected| ≤ max(abs, rel·|expected|) elementwise; `null` (R's NA) must be `NaN`.
 * Returns the largest absolute difference, so tests can report the parity reached.
 */
export function expectClose(
  actual: readonly number[],
  expected: readonly (number | null)[],
  { abs = 0, rel = 0 }: { abs?: number; rel?: number },
  label = '',
): number {
  expect(actual.length, `${label} length`).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (e === null) {
      expect(actual[i], `${label}[${i}] should be NaN (R: NA)`).toBeNaN();
      continue;
    }
    const diff = Math.abs(actual[i] - e);
    worst = Math.max(worst, diff);
    if (!(diff <= Math.max(abs, rel * Math.abs(e)))) {
      expect.fail(`${label}[${i}]: got ${actual[i]}, R gives ${e} (difference ${diff})`);
    }
  }
  return worst;
}

/** The four series R's reference fits were made on (../shared/datasets-candidates/ref), by name. */
export const lessonSeries: Record<string, number[]> = Object.fromEntries(
  ['AirPassengers', 'co2', 'nottem', 'USAccDeaths'].map((name) => [name, readSeries(name)]),
);
