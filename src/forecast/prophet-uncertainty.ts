/**
 * Uncertainty intervals of the Prophet-style model, simulated as R prophet 1.0's
 * `sample_predictive_trend` and `sample_model` do (Taylor & Letham 2018, §3.1.4): each path draws new
 * changepoints beyond the history as a Poisson process with the history's frequency (S per unit of
 * scaled time, on (1, T]), their rate changes from Laplace(0, λ) with λ = mean |δ| + 1e-8 (the fitted
 * deltas), adds them to the fitted trend, and adds Gaussian noise with σ_obs. Intervals are the
 * sample quantiles of the paths (R's `quantile` type 7). The seasonal coefficients are held at their
 * MAP values, as Prophet does without MCMC.
 *
 * Draws come from `SeededRandom` in a fixed order (per path: the number of changes, their times, their
 * sizes, then one noise value per date), so a seed gives the same intervals in Node and in a worker.
 */
import { logGamma } from '../stats/log-gamma.ts';
import { SeededRandom } from '../stats/random.ts';
import type { PredictionInterval } from './model.ts';
import { piecewiseLogistic } from './prophet-trend.ts';
import type { ProphetGrowth } from './prophet-types.ts';

/** What the simulation needs: the fit's trend and noise, and the prediction's dates and seasonal parts. */
export interface ProphetSimulationInput {
  growth: ProphetGrowth;
  k: number;
  m: number;
  deltas: readonly number[];
  changepointsT: readonly number[];
  sigmaObs: number;
  yScale: number;
  /** Scaled times of the predicted dates, increasing. */
  t: readonly number[];
  /** The MAP trend there, scaled (before × yScale + floor). */
  trendScaled: readonly number[];
  /** Scaled capacity (logistic growth). */
  capScaled?: readonly number[];
  floor: readonly number[];
  /** Additive terms (units of y) and multiplicative terms (fractions) at each date. */
  additive: readonly number[];
  multiplicative: readonly number[];
  samples: number;
  seed: number;
  /** Levels in percent. */
  levels: readonly number[];
}

/** Intervals of the prediction and of its trend, one per level. */
export function prophetIntervals(input: ProphetSimulationInput): {
  yhat: PredictionInterval[];
  trend: PredictionInterval[];
} {
  const { t, samples, levels } = input;
  const n = t.length;
  const rng = new SeededRandom(input.seed);
  const yhat = new Float64Array(n * samples);
  const trend = new Float64Array(n * samples);
  const T = n ? t[n - 1] : 0;
  const S = input.changepointsT.length;
  let lambda = 0;
  for (const d of input.deltas) lambda += Math.abs(d);
  lambda = lambda / Math.max(input.deltas.length, 1) + 1e-8;
  const noiseSd = input.sigmaObs * input.yScale;
  const path = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    const changes = T > 1 ? poisson(rng, S * (T - 1)) : 0;
    const times = Array.from({ length: changes }, () => 1 + rng.uniform() * (T - 1)).sort((a, b) => a - b);
    const sizes = times.map(() => laplace(rng, lambda));
    samplePath(input, times, sizes, path);
    for (let i = 0; i < n; i++) {
      const g = path[i] * input.yScale + input.floor[i];
      trend[i * samples + s] = g;
      yhat[i * samples + s] = g * (1 + input.multiplicative[i]) + input.additive[i] + rng.normal(0, noiseSd);
    }
  }
  return {
    yhat: quantileIntervals(yhat, n, samples, levels),
    trend: quantileIntervals(trend, n, samples, levels),
  };
}

/** One simulated trend (scaled) with extra changepoints `times` (all after the history) of `sizes`. */
function samplePath(
  input: ProphetSimulationInput,
  times: number[],
  sizes: number[],
  out: Float64Array,
): void {
  const { t, trendScaled, growth } = input;
  if (growth === 'logistic' && times.length > 0) {
    const trend = piecewiseLogistic(t, input.capScaled!, [...input.deltas, ...sizes], input.k, input.m, [
      ...input.changepointsT,
      ...times,
    ]);
    out.set(trend);
    return;
  }
  out.set(trendScaled);
  // A linear trend bends by δ·(t − c) after each new changepoint c; flat growth has no changes.
  if (growth !== 'linear') return;
  for (let c = 0; c < times.length; c++) {
    for (let i = 0; i < t.length; i++) if (t[i] >= times[c]) out[i] += sizes[c] * (t[i] - times[c]);
  }
}

/** Type-7 quantile intervals, per date, of `values` (n rows of `samples`). */
function quantileIntervals(
  values: Float64Array,
  n: number,
  samples: number,
  levels: readonly number[],
): PredictionInterval[] {
  const out = levels.map((level) => ({ level, lower: new Array<number>(n), upper: new Array<number>(n) }));
  for (let i = 0; i < n; i++) {
    const row = values
      .subarray(i * samples, (i + 1) * samples)
      .slice()
      .sort();
    levels.forEach((level, l) => {
      const p = level / 100;
      out[l].lower[i] = quantile7(row, (1 - p) / 2);
      out[l].upper[i] = quantile7(row, (1 + p) / 2);
    });
  }
  return out;
}

/** R's `quantile(x, p, type = 7)` of sorted `x`. */
export function quantile7(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * A Poisson deviate: Knuth's product of uniforms for λ < 30, else Hörmann's transformed rejection
 * ("The transformed rejection method for generating Poisson random variables", *Insurance:
 * Mathematics and Economics* 12(1), 1993, algorithm PTRS).
 */
export function poisson(rng: SeededRandom, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng.uniform();
    while (p > limit) {
      k++;
      p *= rng.uniform();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const logLam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  while (true) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * logLam - logGamma(k + 1)
    )
      return k;
  }
}

/** A Laplace(0, scale) deviate by inversion. */
export function laplace(rng: SeededRandom, scale: number): number {
  while (true) {
    const u = rng.uniform() - 0.5;
    const tail = 1 - 2 * Math.abs(u);
    if (tail > 0) return -scale * Math.sign(u) * Math.log(tail);
  }
}
