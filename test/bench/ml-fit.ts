/**
 * Time per fit + forecast of the lag forecasters (`linear`, `forest`, `boost`) in Node, next to
 * scikit-learn's for the same settings measured in the same run (when /usr/bin/python3 has sklearn):
 *
 * - AirPassengers[1:120], 12 lags, recursive 24-month forecasts, the reference settings
 *   (LinearRegression, RandomForestRegressor(100), GradientBoostingRegressor()): ours with
 *   `validation: 0` does the same work (one fit, 24 predictions); ours with the defaults also fits
 *   the validation head, computes permutation importances and simulates interval paths.
 * - `linear` per series on the first 300 M3 monthly series (when ../shared has them), 18-month forecasts.
 *
 * Median of 15 warm runs (sklearn: 7) (and of the per-series times for M3). It prints; it does not judge.
 * Run with `TZ=UTC node --import tsx test/bench/ml-fit.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { fitBoost } from '../../src/forecast/ml/gradient-boosting.ts';
import { forecastLagModel } from '../../src/forecast/ml/lag-model.ts';
import type { LagModelFit, LagModelOptions } from '../../src/forecast/ml/lag-model-types.ts';
import { fitLinear } from '../../src/forecast/ml/linear.ts';
import { fitForest } from '../../src/forecast/ml/random-forest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const air = readFileSync(`${ROOT}datasets/AirPassengers.csv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => Number(l.split(',')[1]))
  .slice(0, 120);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const time = (f: () => void, runs = 15) => {
  f(); // warm-up
  return median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      f();
      return performance.now() - t;
    }),
  );
};
const fits: Record<string, (y: number[], o: LagModelOptions) => LagModelFit> = {
  linear: fitLinear,
  forest: fitForest,
  boost: fitBoost,
};

const python = `
import sys, time, json, numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.ensemble import RandomForestRegressor, GradientBoostingRegressor
y = np.array(json.loads(sys.stdin.read()))
L = 12
X = np.array([y[t-L:t][::-1] for t in range(L, len(y))]); T = y[L:]
def run(model):
    model.fit(X, T); h = list(y)
    for _ in range(24):
        h.append(model.predict(np.array([h[-1:-L-1:-1]]))[0])
makers = {'linear': LinearRegression, 'forest': lambda: RandomForestRegressor(n_estimators=100, random_state=0),
          'boost': lambda: GradientBoostingRegressor(random_state=0)}
out = {}
for name, make in makers.items():
    run(make()); ts = []; fit_ts = []
    for _ in range(7):
        m = make(); t = time.perf_counter(); run(m); ts.append(time.perf_counter() - t)
        m = make(); t = time.perf_counter(); m.fit(X, T); fit_ts.append(time.perf_counter() - t)
    out[name] = [1000 * float(np.median(ts)), 1000 * float(np.median(fit_ts))]
print(json.dumps(out))
`;
let sklearn: Record<string, [number, number]> | undefined;
try {
  sklearn = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', python], { input: JSON.stringify(air), encoding: 'utf8' }),
  );
} catch {
  console.log('(no /usr/bin/python3 with scikit-learn: sklearn columns left empty)');
}

console.log('AirPassengers[1:120], 12 lags, 24 recursive steps — ms per fit + forecast (median of 15)');
console.log(
  'model'.padEnd(8),
  'ours, same work'.padStart(16),
  'ours, defaults'.padStart(15),
  'sklearn'.padStart(9),
  'sklearn fit only'.padStart(17),
);
for (const [name, fit] of Object.entries(fits)) {
  const same = time(() => forecastLagModel(fit(air, { period: 12, validation: 0 }), 24));
  const full = time(() => forecastLagModel(fit(air, { period: 12 }), 24));
  const s = sklearn?.[name];
  console.log(
    name.padEnd(8),
    same.toFixed(2).padStart(16),
    full.toFixed(2).padStart(15),
    (s ? s[0].toFixed(2) : '—').padStart(9),
    (s ? s[1].toFixed(2) : '—').padStart(17),
  );
}

const M3 = `${ROOT}../shared/datasets-candidates/m3/m3_monthly.csv`;
if (existsSync(M3)) {
  const bySeries = new Map<string, number[]>();
  for (const r of csvParse(readFileSync(M3, 'utf8'))) {
    if (r.split !== 'train') continue;
    if (!bySeries.has(r.series_id!)) {
      if (bySeries.size === 300) break;
      bySeries.set(r.series_id!, []);
    }
    bySeries.get(r.series_id!)!.push(Number(r.value));
  }
  const series = [...bySeries.values()];
  const per: number[] = [];
  let failed = 0;
  for (const pass of [0, 1])
    for (const y of series) {
      const t = performance.now();
      try {
        forecastLagModel(fitLinear(y, { period: 12 }), 18);
      } catch {
        failed += pass;
      }
      if (pass) per.push(performance.now() - t);
    }
  console.log(
    `linear on ${series.length} M3 monthly series: median ${median(per).toFixed(2)} ms, max ${Math.max(...per).toFixed(2)} ms a series${failed ? ` (${failed} too short)` : ''}`,
  );
}
