/**
 * The "lag walk" behind R's `naive`, `rwf` and `snaive` (forecast 8.20, `R/naive.R`: `lagwalk` and
 * `forecast.lagwalk`): y_t = y_{t−lag} + c + e_t with c = 0 unless a drift is estimated.
 *
 * - Fitted values y_{t−lag} + c (`NaN` for the first `lag`), residuals y_t − fitted.
 * - Drift c: the mean of the lag-differences, with standard error s/√N from `lm(diff ~ 1)`.
 * - `sigma2`: the mean squared residual without drift, `lm`'s s² with drift (R's `sigma2`).
 * - Forecast at step h: y_{n−lag+((h−1) mod lag)+1} + k·c with k = ⌊(h − 1)/lag⌋ + 1 periods ahead.
 * - Standard error √(mse·k + (k·se(c))²), mse = Σe²/(N − 1) with drift, Σe²/N without (the unbiased
 *   estimate forecast uses since 8.18; R tests `drift != 0`, so an estimated drift of exactly 0
 *   counts as none). The second term is the uncertainty of the estimated drift.
 *
 * Hyndman & Athanasopoulos, *FPP3*, §5.2 (methods) and §5.5 (Table 5.2, multi-step standard errors).
 * With no residual (n = lag, or n = 2 with drift) `sigma2` and the intervals are `NaN`, as R's `NA`.
 */
import { normalIntervals } from './intervals.ts';
import { checkHorizon, checkLevels, type FittedModel, type Forecast, type ForecastOptions } from './model.ts';

/** A fitted lag walk: the `FittedModel` fields plus what forecasting needs. */
export interface LagWalkFit extends FittedModel {
  /** 1 for naive and drift, the seasonal period for seasonal naive. */
  lag: number;
  /** Estimated drift per step (0 without drift). */
  drift: number;
  /** Standard error of the drift (0 without drift). */
  driftSe: number;
  /** The last `lag` observations, which the forecasts repeat. */
  last: number[];
  /** Residual mean square used for the intervals (see above). */
  mse: number;
}

/** Fits a lag walk to checked data y (length ≥ lag). */
export function fitLagWalk(y: number[], lag: number, withDrift: boolean, method: string): LagWalkFit {
  const n = y.length;
  const diffs: number[] = [];
  for (let t = lag; t < n; t++) diffs.push(y[t] - y[t - lag]);
  const N = diffs.length;
  let drift = 0;
  let driftSe = 0;
  let sigma2: number;
  if (withDrift) {
    drift = diffs.reduce((s, d) => s + d, 0) / N;
    const ss = diffs.reduce((s, d) => s + (d - drift) ** 2, 0);
    sigma2 = ss / (N - 1);
    driftSe = Math.sqrt(sigma2 / N);
  } else {
    sigma2 = diffs.reduce((s, d) => s + d * d, 0) / N;
  }
  const fitted = y.map((_, t) => (t < lag ? NaN : y[t - lag] + drift));
  const residuals = y.map((v, t) => v - fitted[t]);
  const ss = residuals.reduce((s, e) => (Number.isNaN(e) ? s : s + e * e), 0);
  const mse = ss / (N - (drift !== 0 ? 1 : 0));
  return {
    method,
    period: lag,
    n,
    params: withDrift ? { drift, driftSe } : {},
    fitted,
    residuals,
    // With too few residuals these are 0/0 = NaN, as R's NA.
    sigma2,
    lag,
    drift,
    driftSe,
    last: y.slice(n - lag),
    mse,
  };
}

/** Forecasts h steps from a lag walk with normal intervals. */
export function forecastLagWalk(fit: LagWalkFit, h: number, options: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const levels = checkLevels(options.level);
  const mean: number[] = [];
  const se: number[] = [];
  for (let i = 0; i < h; i++) {
    const k = Math.floor(i / fit.lag) + 1;
    mean.push(fit.last[i % fit.lag] + k * fit.drift);
    se.push(Math.sqrt(fit.mse * k + (k * fit.driftSe) ** 2));
  }
  return { method: fit.method, mean, intervals: normalIntervals(mean, se, levels) };
}
