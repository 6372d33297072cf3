/**
 * Time per ARIMA fit in Node, next to R's (test/fixtures/ref-arima/arima-reference.json records R's
 * seconds for one `forecast::Arima` fit of each case on this kind of machine). It prints; it does not
 * judge, and it is not part of the unit tests (timings there would be flaky).
 *
 * Then `autoArima` (R's `auto.arima` defaults): on the 144 months of AirPassengers (the issue's
 * notebook target: ≤ 300 ms) and on 20 M3 monthly series spread over the 1,428 (training parts; the
 * target is a tenth of R's ≈ 2.5 s a series here), median milliseconds.
 *
 * Run with `node --import tsx test/bench/arima-fit.ts` (`--auto` for the autoArima part only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fitArima } from '../../src/forecast/arima.ts';
import { fitArimaOrder } from '../../src/forecast/arima-fit-order.ts';
import { autoArima } from '../../src/forecast/auto-arima.ts';
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
for (const c of process.argv.includes('--auto') ? [] : cases) {
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
if (rows.length)
  console.log(
    [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'),
  );

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const air = series('AirPassengers');
console.log(
  `autoArima(AirPassengers, period 12): ${time(() => autoArima(air, { period: 12 }), 5).toFixed(0)} ms (median of 5; target ≤ 300)`,
);
const m3 = new URL('../shared/datasets-candidates/m3/m3_monthly.csv', root);
if (existsSync(m3)) {
  const byId = new Map<string, number[]>();
  for (const line of readFileSync(m3, 'utf8').trim().split('\n').slice(1)) {
    const cells = line.split(',').map((cell) => cell.replace(/"/g, ''));
    if (cells[8] !== 'train') continue;
    const values = byId.get(cells[0]) ?? [];
    values.push(Number(cells[6]));
    byId.set(cells[0], values);
  }
  const all = [...byId.values()];
  const step = Math.floor(all.length / 20);
  const ms = Array.from({ length: 20 }, (_, i) => {
    const t0 = performance.now();
    autoArima(all[i * step], { period: 12 });
    return performance.now() - t0;
  });
  console.log(
    `autoArima on 20 M3 monthly series: median ${median(ms).toFixed(0)} ms, mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(0)}, max ${Math.max(...ms).toFixed(0)} (R ≈ 2,500 ms a series; target ≤ 250)`,
  );
} else {
  console.log('(the M3 data are not in ../shared: the M3 timing is skipped)');
}
