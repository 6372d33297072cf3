/**
 * Time per Prophet-style fit in Node (median of 7 warm runs), next to R prophet's (test/fixtures/ref-prophet/prophet-reference.json
 * records R's seconds for the same `prophet()` call on this kind of machine; R's first fit also loads
 * the Stan model). It prints; it does not judge, and it is not part of the unit tests.
 *
 * Run with `TZ=UTC node --import tsx test/bench/prophet-fit.ts`.
 */
import { readFileSync } from 'node:fs';
import { fitProphet } from '../../src/forecast/prophet.ts';
import { forecastProphet } from '../../src/forecast/prophet-predict.ts';
import type { ProphetOptions } from '../../src/forecast/prophet-types.ts';
import { promoDates } from '../fixtures/ref-prophet/synthetic-series.ts';

const root = new URL('../../', import.meta.url);
const ref = JSON.parse(
  readFileSync(new URL('test/fixtures/ref-prophet/prophet-reference.json', root), 'utf8'),
);
const csv = (path: string) =>
  readFileSync(new URL(path, root), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
const air = csv('datasets/AirPassengers.csv');
const store = csv('test/fixtures/ref-prophet/store-daily.csv');
const adoption = csv('test/fixtures/ref-prophet/adoption-weekly.csv');

const cases: { name: string; rows: string[][]; n: number; h: number; options: ProphetOptions; r: number }[] =
  [
    {
      name: 'AirPassengers[1:120], multiplicative (L-BFGS)',
      rows: air,
      n: 120,
      h: 24,
      options: { seasonalityMode: 'multiplicative' },
      r: ref.AirPassengers.multiplicative.fit_seconds,
    },
    {
      name: 'AirPassengers[1:120], additive (L-BFGS)',
      rows: air,
      n: 120,
      h: 24,
      options: {},
      r: ref.AirPassengers.additive.fit_seconds,
    },
    {
      name: 'AirPassengers[1:72], multiplicative (Newton)',
      rows: air,
      n: 72,
      h: 12,
      options: { seasonalityMode: 'multiplicative' },
      r: ref.AirPassengers72.fit_seconds,
    },
    {
      name: 'store, 3 years daily, weekly + yearly + promotions',
      rows: store,
      n: 1095,
      h: 60,
      options: { holidays: [{ name: 'promo', dates: promoDates, lowerWindow: -1, upperWindow: 1 }] },
      r: ref.store.fit_seconds,
    },
    {
      name: 'adoption, 200 weeks, logistic',
      rows: adoption,
      n: 200,
      h: 52,
      options: { growth: 'logistic', cap: 100 },
      r: ref.adoption.fit_seconds,
    },
  ];

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
// Wall-clock and this process's CPU time: on a busy machine the second is the fairer figure.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
console.log('case'.padEnd(52), 'fit ms', '  (CPU ms)', ' forecast ms', '  evals', '  R fit s');
for (const c of cases) {
  const rows = c.rows.slice(0, c.n);
  const values = rows.map((r) => Number(r[1]));
  const options = { ...c.options, dates: rows.map((r) => r[0]) };
  const fitMs: number[] = [];
  const fitCpu: number[] = [];
  const forecastMs: number[] = [];
  let evaluations = 0;
  for (let rep = 0; rep < 8; rep++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    const fit = fitProphet(values, options);
    const c1 = cpuMs();
    const t1 = performance.now();
    forecastProphet(fit, c.h);
    const t2 = performance.now();
    evaluations = fit.optimizer.evaluations;
    // The first run warms up the JIT.
    if (rep > 0) {
      fitMs.push(t1 - t0);
      fitCpu.push(c1 - c0);
      forecastMs.push(t2 - t1);
    }
  }
  console.log(
    c.name.padEnd(52),
    median(fitMs).toFixed(1).padStart(6),
    `(${median(fitCpu).toFixed(1)})`.padStart(10),
    median(forecastMs).toFixed(1).padStart(12),
    String(evaluations).padStart(7),
    c.r.toFixed(3).padStart(9),
  );
}
