/**
 * Prediction intervals by simulating future sample paths, for the ETS models without a closed-form
 * variance (multiplicative trend, or any model when asked), as R's `forecast.ets(simulate = TRUE)`
 * (Hyndman et al. 2008, §6.1): each path runs the state equations forward with innovations drawn
 * from N(0, σ²) (or resampled, centred residuals), multiplicative innovations floored at −1; the
 * limits are sample quantiles of type 8 (Hyndman & Fan, "Sample quantiles in statistical packages",
 * *American Statistician* 50(4), 1996), R's choice here.
 */
import { SeededRandom } from '../../stats/random.ts';
import type { EtsFit } from './types.ts';

export interface SimulationOptions {
  npaths: number;
  seed: number;
  bootstrap: boolean;
}

/** Simulated paths, `paths[i * h + j]` = path i at step j + 1. */
export function simulatePaths(
  fit: EtsFit,
  h: number,
  { npaths, seed, bootstrap }: SimulationOptions,
): Float64Array {
  const { error, trend, season, damped } = fit.components;
  const m = season === 'N' ? 1 : fit.period;
  const phi = damped ? fit.params.phi : 1;
  const { alpha } = fit.params;
  const beta = fit.params.beta ?? 0;
  const gamma = fit.params.gamma ?? 0;
  const sd = Math.sqrt(fit.sigma2);
  const random = new SeededRandom(seed);
  const mean = fit.innovations.reduce((a, b) => a + b, 0) / fit.innovations.length;
  const centred = fit.innovations.map((e) => e - mean);
  const paths = new Float64Array(npaths * h);
  const s = new Float64Array(m);
  const sOffset = trend === 'N' ? 1 : 2;
  for (let path = 0; path < npaths; path++) {
    let l = fit.finalState[0];
    let b = trend === 'N' ? 0 : fit.finalState[1];
    for (let k = 0; k < m; k++) s[k] = season === 'N' ? 0 : fit.finalState[sOffset + k];
    for (let j = 0; j < h; j++) {
      let e = bootstrap ? centred[Math.floor(random.uniform() * centred.length)] : random.normal(0, sd);
      if (error === 'M') e = Math.max(-1, e);
      // One-step forecast from the current state, as the recursion does.
      const phib = trend === 'N' ? 0 : trend === 'A' ? phi * b : Math.pow(b, phi);
      const q = trend === 'N' ? l : trend === 'A' ? l + phib : l * phib;
      const old = s[m - 1];
      const f = season === 'N' ? q : season === 'A' ? q + old : q * old;
      const y = error === 'A' ? f + e : f * (1 + e);
      paths[path * h + j] = y;
      const pp = season === 'N' ? y : season === 'A' ? y - old : Math.abs(old) < 1e-10 ? 1e10 : y / old;
      const newL = q + alpha * (pp - q);
      if (trend !== 'N') {
        const r = trend === 'A' ? newL - l : Math.abs(l) < 1e-10 ? 1e10 : newL / l;
        b = phib + (beta / alpha) * (r - phib);
      }
      l = newL;
      if (season !== 'N') {
        const t = season === 'A' ? y - q : Math.abs(q) < 1e-10 ? 1e10 : y / q;
        s.copyWithin(1, 0, m - 1);
        s[0] = old + gamma * (t - old);
      }
    }
  }
  return paths;
}

/** R's `quantile(x, probs, type = 8)` of the values `column[0 … n−1]` (sorted in place). */
export function quantileType8(column: Float64Array, p: number): number {
  const n = column.length;
  const nppm = 1 / 3 + p * (n + 1 / 3);
  const fuzz = 4 * 2.220446049250313e-16;
  const j = Math.floor(nppm + fuzz);
  let g = nppm - j;
  if (Math.abs(g) < fuzz) g = 0;
  const at = (k: number): number => column[Math.min(Math.max(k, 1), n) - 1];
  return g === 0 ? at(j) : (1 - g) * at(j) + g * at(j + 1);
}
