/**
 * Point forecasts and prediction intervals of a fitted ETS model, as `forecast::forecast.ets`
 * (Hyndman et al. 2008, ch. 6): closed-form means and variances for the linear models (class 1), the
 * multiplicative-error linear models (class 2) and the multiplicative-season models (class 3), and
 * simulated sample paths otherwise (multiplicative trend) or on request.
 */
import {
  checkHorizon,
  checkLevels,
  type Forecast,
  type ForecastOptions,
  type PredictionInterval,
} from '../model.ts';
import { class1, class2, type MeanAndVariance } from './linear-variance.ts';
import { normalQuantile } from '../../stats/normal-quantile.ts';
import { class3 } from './seasonal-variance.ts';
import { quantileType8, simulatePaths } from './simulate-ets.ts';
import type { EtsFit } from './types.ts';

/** Options of {@link forecastEts}. */
export interface EtsForecastOptions extends ForecastOptions {
  /** Simulate intervals even when a closed form exists (R's `simulate`). Default false. */
  simulate?: boolean;
  /** Simulate with resampled residuals instead of normal errors (R's `bootstrap`). Default false. */
  bootstrap?: boolean;
  /** Number of simulated paths (R's `npaths`). Default 5000. */
  npaths?: number;
  /** Seed of the simulation, so intervals are reproducible. Default 1. */
  seed?: number;
}

export const etsForecastDefaults = { simulate: false, bootstrap: false, npaths: 5000, seed: 1 };

/** Forecasts h steps ahead from the end of the fitted series. */
export function forecastEts(fit: EtsFit, h: number, options: EtsForecastOptions = {}): Forecast {
  checkHorizon(h);
  const levels = checkLevels(options.level);
  const { simulate, bootstrap, npaths, seed } = { ...etsForecastDefaults, ...options };
  if (!Number.isInteger(npaths) || npaths < 2)
    throw new RangeError(`invalid npaths: ${npaths} (must be an integer ≥ 2)`);
  const { error, trend, season, damped } = fit.components;
  const spec = {
    m: season === 'N' ? 1 : fit.period,
    damped,
    alpha: fit.params.alpha,
    beta: fit.params.beta ?? 0,
    gamma: fit.params.gamma ?? 0,
    phi: fit.params.phi ?? 1,
  };
  let closed: MeanAndVariance | null = null;
  if (!simulate && !bootstrap && trend !== 'M') {
    if (season !== 'M') {
      const linear = { ...spec, trend, season };
      closed =
        error === 'A'
          ? class1(h, fit.finalState, linear, fit.sigma2)
          : class2(h, fit.finalState, linear, fit.sigma2);
    } else if (error === 'M') {
      closed = class3(h, fit.finalState, { ...spec, trend }, fit.sigma2);
    }
  }
  if (closed !== null) {
    const { mean, variance } = closed;
    const intervals = levels.map((level): PredictionInterval => {
      const z = Math.abs(normalQuantile((100 - level) / 200));
      const margin = variance.map((v) => Math.sqrt(v) * z);
      return { level, lower: mean.map((f, i) => f - margin[i]), upper: mean.map((f, i) => f + margin[i]) };
    });
    return { method: fit.method, mean, intervals };
  }
  const mean = pointForecasts(fit, h);
  const paths = simulatePaths(fit, h, { npaths, seed, bootstrap });
  const columns = Array.from({ length: h }, (_, j) => {
    const column = new Float64Array(npaths);
    for (let i = 0; i < npaths; i++) column[i] = paths[i * h + j];
    return column.sort();
  });
  const intervals = levels.map((level): PredictionInterval => ({
    level,
    lower: columns.map((c) => quantileType8(c, 0.5 - level / 200)),
    upper: columns.map((c) => quantileType8(c, 0.5 + level / 200)),
  }));
  return { method: fit.method, mean, intervals };
}

/** Forecasts by running the state equations without errors (R's C `etsforecast`). */
export function pointForecasts(fit: EtsFit, h: number): number[] {
  const { trend, season, damped } = fit.components;
  const m = season === 'N' ? 1 : fit.period;
  const phi = damped ? (fit.params.phi ?? 1) : 1;
  const x = fit.finalState;
  const l = x[0];
  const b = trend === 'N' ? 0 : x[1];
  const sOffset = trend === 'N' ? 1 : 2;
  const out: number[] = [];
  let phistar = phi;
  for (let i = 0; i < h; i++) {
    let f = trend === 'N' ? l : trend === 'A' ? l + phistar * b : b < 0 ? NaN : l * Math.pow(b, phistar);
    if (season !== 'N') {
      const s = x[sOffset + ((((m - 1 - i) % m) + m) % m)];
      f = season === 'A' ? f + s : f * s;
    }
    out.push(f);
    phistar += Math.abs(phi - 1) < 1e-10 ? 1 : Math.pow(phi, i + 1);
  }
  return out;
}
