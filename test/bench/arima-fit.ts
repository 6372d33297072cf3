/**
 * Time per ARIMA fit in Node, next to R's (test/fixtures/ref-arima/arima-reference.json records R's
 * seconds for one `forecast::Arima` fit of each case on this kind of machine). It prints; it does not
 * judge, and it is not part of the unit tests (timings there would be flaky).
 *
 * Run with `node --import tsx test/bench/arima-fit.ts`.
 */
import { readFileSync } from 'node:fs';
import { fitArima } from '../../src/forecast/arima.ts';
import { fitArimaOrder } from '../../src/forecast/arima-fit-order.ts';
import type { ArimaOrderTriple } from '../../src/forecast/arima-types.ts';

interface RefCase {
  id: string;
  series: string;
  n: number;
  frequency: number;
  log: boolean;
  order: ArimaOrderTriple;
  seasonal: ArimaOrderTriple;
  drift: boolean;
  mean: boolean;
  method: 'CSS-ML' | 'ML' | 'CSS';
  seconds: number;
  xreg?: number[][];
}

const root = new URL('../../', import.meta.url);
const { cases } = JSON.parse(
  readFileSync(new URL('test/fixtures/ref-arima/arima-reference.json', root), 'utf8'),
) as {
  cases: RefCase[];
};
const series = (name: string): number[] =>
  readFileSync(
    new URL(
      name === 'AirPassengers' ? 'datasets/AirPassengers.csv' : `test/fixtures/series/${name}.csv`,
      root,
    ),
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));

/** Median milliseconds of `runs` calls after two warm-up calls. */
function time(f: () => unknown, runs: number): number {
  f();
  f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const rows: string[][] = [];
for (const c of cases) {
  let y = series(c.series).slice(0, c.n);
  if (c.log) y = y.map(Math.log);
  const options = {
    period: c.frequency,
    order: c.order,
    seasonal: c.seasonal,
    includeDrift: c.drift,
    includeMean: c.mean,
    method: c.method,
    xreg: c.xreg && c.xreg[0].map((_, j) => c.xreg!.map((row) => row[j])),
  };
  const runs = c.seconds > 1 ? 1 : 11;
  const full = time(() => fitArima(y, options), runs);
  const cheap = time(() => fitArimaOrder(y, options), runs);
  rows.push([
    c.id,
    String(c.n),
    full.toFixed(1),
    cheap.toFixed(1),
    (c.seconds * 1000).toFixed(1),
    ((c.seconds * 1000) / full).toFixed(1),
  ]);
}
const header = ['case', 'n', 'fitArima ms', 'fitArimaOrder ms (no s.e.)', 'R Arima() ms', 'R / fitArima'];
const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, j) => (j < 1 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join(' | ')} |`;
console.log(
  [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'),
);
