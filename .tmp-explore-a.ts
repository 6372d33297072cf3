import { readFileSync } from 'node:fs';
import * as F from 'dplab/forecast';
const load = (n: string) => readFileSync(`datasets/${n}.csv`, 'utf8').trim().split('\n').slice(1).map((l) => +l.split(',')[1]);
for (const name of ['AirPassengers', 'co2']) {
  const values = load(name);
  const { train, test } = F.trainTestSplit(values, { test: 24 });
  const sn = F.forecastSeasonalNaive(F.fitSeasonalNaive(train, { period: 12 }), 24).mean;
  const n2 = F.forecastNaive2(F.fitNaive2(train, { period: 12 }), 24).mean;
  console.log(name, 'snaive rmse', F.rmse(test, sn), 'mase', F.mase(test, sn, train, 12), 'naive2 rmse', F.rmse(test, n2), F.mase(test, n2, train, 12));
  let best = { a: 0, r: Infinity };
  for (let i = 1; i <= 99; i++) { const a = i / 100; const f = F.fitSes(train, { alpha: a }); const r = F.rmse(test, F.forecastEts(f, 24).mean); if (r < best.r) best = { a, r }; }
  console.log(' best ses', best, 'ratio', best.r / F.rmse(test, sn));
  const s = F.fitSes(train, { alpha: 0.3 });
  // recursion
  let l = s.initialStates.l0; const fit: number[] = [];
  for (const y of train) { fit.push(l); l = 0.3 * y + 0.7 * l; }
  console.log(' recursion maxdiff', Math.max(...fit.map((v, i) => Math.abs(v - s.fitted[i]))), l, F.forecastEts(s, 24).mean[0], s.finalState);
  for (const seasonal of ['additive', 'multiplicative'] as const) for (const damped of [false, true]) {
    const t0 = performance.now();
    const f = F.forecastEts(F.fitHoltWinters(train, { period: 12, seasonal, damped }), 24).mean;
    console.log(' hw', seasonal, damped, 'mase', F.mase(test, f, train, 12), 'rmse', F.rmse(test, f), (performance.now() - t0).toFixed(0), 'ms');
  }
}
