/**
 * Forecasts of a fitted ARIMA model, as `forecast::forecast.Arima` (via `stats::predict.Arima` and
 * `KalmanForecast`): the state after the last observation is carried forward by the transition, the
 * mean is Z′aₙ₊ₕ plus the regression part, the variance Z′Pₙ₊ₕZ·σ² with `forecast::Arima`'s σ², and
 * the intervals are mean ± z·se (normal errors).
 */
import { checkHorizon, checkLevels, type Forecast, type ForecastOptions } from './model.ts';
import { normalQuantile } from '../stats/normal-quantile.ts';
import { arimaKalmanForecast } from './arima-kalman.ts';
import type { ArimaFit } from './arima-types.ts';

/** Options of {@link forecastArima}. */
export interface ArimaForecastOptions extends ForecastOptions {
  /** Future values of the fit's `xreg` columns, one column of length h each (R's `xreg` of `forecast`). */
  xreg?: readonly (readonly number[])[];
}

/** Forecasts h steps ahead from the end of the fitted series, with intervals at `level` (default 80, 95). */
export function forecastArima(
  fit: ArimaFit,
  h: number,
  options: ArimaForecastOptions = {},
): Forecast & { se: number[] } {
  checkHorizon(h);
  const levels = checkLevels(options.level);
  const { state } = fit;
  const k = state.regression.xreg.length;
  const xreg = options.xreg ?? [];
  if (xreg.length !== k) {
    throw new RangeError(
      k === 0
        ? `this model has no regressors, got ${xreg.length} xreg column${xreg.length === 1 ? '' : 's'}`
        : `this model needs the future values of its ${k} xreg column${k === 1 ? '' : 's'}, got ${xreg.length}`,
    );
  }
  xreg.forEach((c, j) => {
    if (c.length !== h) throw new RangeError(`xreg column ${j + 1} has ${c.length} values for horizon ${h}`);
  });
  const model = {
    phi: Float64Array.from(state.phi),
    theta: Float64Array.from(state.theta),
    delta: Float64Array.from(state.delta),
    a: Float64Array.from(state.a),
    P: Float64Array.from(state.P),
  };
  const { mean: arma, variance } = arimaKalmanForecast(h, model);
  const { intercept, drift } = state.regression;
  const mean = arma.map((f, i) => {
    let v = f + intercept + drift * (fit.n + i + 1);
    for (let j = 0; j < k; j++) v += state.regression.xreg[j] * xreg[j][i];
    return v;
  });
  const se = variance.map((v) => Math.sqrt(v * fit.sigma2));
  const intervals = levels.map((level) => {
    const z = normalQuantile(0.5 * (1 + level / 100));
    return { level, lower: mean.map((f, i) => f - z * se[i]), upper: mean.map((f, i) => f + z * se[i]) };
  });
  return { method: fit.method, mean, intervals, se };
}
