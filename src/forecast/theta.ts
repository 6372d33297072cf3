/**
 * The theta method of Assimakopoulos & Nikolopoulos ("The theta model: a decomposition approach to
 * forecasting", *IJF* 16(4), 2000) as `forecast::thetaf`, using Hyndman & Billah's result that it is
 * simple exponential smoothing with drift equal to half the slope of a linear trend ("Unmasking the
 * Theta method", *IJF* 19(2), 2003):
 *
 * 1. Seasonality test (needs n > 2m): |r_m| > Φ⁻¹(0.95)·√((1 + 2Σ_{k<m} r_k²)/n), the M-competition
 *    90 % test on the autocorrelation at the seasonal lag.
 * 2. If seasonal, divide by the indices of a classical multiplicative decomposition.
 * 3. SES fitted as `ses()` (ETS(A,N,N), one-step MSE); drift b = slope of the least-squares line / 2.
 * 4. ŷ_h = ℓ_n + b·(h − 1 + (1 − (1 − α)ⁿ)/α), re-seasonalised; se_h = σ·√(1 + (h − 1)α²).
 *
 * Like R, the intervals are added to the re-seasonalised forecasts without re-scaling them. The
 * fitted values here are SES's one-step forecasts multiplied back by the seasonal indices (R leaves
 * them seasonally adjusted).
 */
import { acf } from '../stats/acf.ts';
import { classicalDecomposition } from '../stats/decompose.ts';
import { normalQuantile } from '../stats/normal-quantile.ts';
import { fitSes } from './ets/fit-ses.ts';
import { fitLine } from './ets/least-squares.ts';
import type { EtsFit } from './ets/types.ts';
import {
  checkHorizon,
  checkLevels,
  checkPeriod,
  checkSeries,
  type FittedModel,
  type Forecast,
  type ForecastOptions,
} from './model.ts';

/** Options of {@link fitTheta}. */
export interface ThetaOptions {
  /** Seasonal period (1 = no seasonal adjustment). Default 1. */
  period?: number;
}

export const thetaDefaults: Required<ThetaOptions> = { period: 1 };

/** A fitted theta method. */
export interface ThetaFit extends FittedModel {
  kind: 'theta';
  /** Whether the seasonality test found a season, so the series was seasonally adjusted. */
  seasonal: boolean;
  /** Multiplicative indices for the m periods after the data (R's `tail(decomp$seasonal, m)`). */
  seasonalIndices: number[];
  /** The SES model on the (seasonally adjusted) series. */
  ses: EtsFit;
}

/** Fits the theta method to `values` (oldest first). */
export function fitTheta(values: ArrayLike<number>, options: ThetaOptions = {}): ThetaFit {
  const { period } = { ...thetaDefaults, ...options };
  const m = checkPeriod(period);
  // R fits the SES of tiny series (n ≤ 6) by a non-optimised fallback that is not implemented here.
  const y = checkSeries(values, { minLength: 7, model: 'the theta method' });
  const n = y.length;
  const constant = y.every((v) => v === y[0]);
  let seasonal = false;
  if (m > 1 && !constant && n > 2 * m) {
    const r = acf(y, m);
    let sum = 1;
    for (let k = 1; k < m; k++) sum += 2 * r[k] * r[k];
    seasonal = Math.abs(r[m]) / Math.sqrt(sum / n) > normalQuantile(0.95);
  }
  let factors = new Array<number>(n).fill(1);
  if (seasonal && y.every((v) => v > 0)) {
    const decomposition = classicalDecomposition(y, m, { type: 'multiplicative' });
    // R falls back to the non-seasonal method when an index is (nearly) zero.
    if (decomposition.seasonal.every((s) => Math.abs(s) >= 1e-4)) factors = decomposition.seasonal;
    else seasonal = false;
  } else seasonal = false;
  const x = y.map((v, t) => v / factors[t]);
  const ses = fitSes(x);
  const [, slope] = fitLine(
    x.map((_, t) => t),
    x,
  );
  const drift = slope / 2;
  const alpha = Math.max(1e-10, ses.params.alpha);
  const fitted = ses.fitted.map((f, t) => f * factors[t]);
  return {
    kind: 'theta',
    method: 'Theta',
    period: seasonal ? m : 1,
    n,
    params: { alpha, drift },
    fitted,
    residuals: y.map((v, t) => v - fitted[t]),
    sigma2: ses.sigma2,
    seasonal,
    seasonalIndices: seasonal ? factors.slice(n - m) : [],
    ses,
  };
}

/** Forecasts and intervals h steps ahead, as `forecast::thetaf(y, h, level)`. */
export function forecastTheta(fit: ThetaFit, h: number, options: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const levels = checkLevels(options.level);
  const { alpha, drift } = fit.params;
  const level = fit.ses.finalState[0];
  const shift = (1 - Math.pow(1 - alpha, fit.n)) / alpha;
  const mean = Array.from({ length: h }, (_, i) => {
    const f = level + drift * (i + shift);
    return fit.seasonal ? f * fit.seasonalIndices[i % fit.seasonalIndices.length] : f;
  });
  const se = mean.map((_, i) => Math.sqrt(fit.sigma2) * Math.sqrt(i * alpha * alpha + 1));
  const intervals = levels.map((lev) => {
    const z = -normalQuantile(0.5 - lev / 200);
    return { level: lev, lower: mean.map((f, i) => f - z * se[i]), upper: mean.map((f, i) => f + z * se[i]) };
  });
  return { method: fit.method, mean, intervals };
}
