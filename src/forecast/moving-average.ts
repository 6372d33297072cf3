/**
 * The moving-average forecast, the course's simplest smoothing baseline: every forecast is the mean
 * of the last k observations, ŷ_{n+h|n} = (y_n + … + y_{n−k+1})/k. With k = 1 it is the naïve
 * method; with k = n the mean method (Hyndman & Athanasopoulos, *Forecasting: Principles and
 * Practice*, 3rd ed., §5.2 and §3.3 on moving averages).
 *
 * This is not an MA(q) model — that is an ARIMA model of past forecast errors (FPP3 §9.4) — and not
 * the centred moving average of a decomposition, which needs future values. It has no statistical
 * model behind it, so it gives no prediction intervals (`intervals` is empty); judge its error by
 * backtesting ({@link rollingOrigin}).
 */
import {
  checkHorizon,
  checkLevels,
  checkSeries,
  type FittedModel,
  type Forecast,
  type ForecastOptions,
} from './model.ts';

/** Options of {@link fitMovingAverage}. */
export interface MovingAverageFitOptions {
  /** Number k of most recent observations averaged, an integer ≥ 1. Default 3. */
  window?: number;
}

/** The defaults of {@link fitMovingAverage}. */
export const movingAverageDefaults: Required<MovingAverageFitOptions> = { window: 3 };

/** A fitted moving-average forecaster (`method` "Moving average"; `params.window`). */
export interface MovingAverageFit extends FittedModel {
  window: number;
  /** The mean of the last `window` observations: every forecast. */
  level: number;
}

/**
 * Fits the moving-average forecaster. The fitted value at t is the mean of the k observations before
 * it (`NaN` for the first k); `sigma2` is the mean squared one-step residual.
 */
export function fitMovingAverage(
  values: ArrayLike<number>,
  options: MovingAverageFitOptions = {},
): MovingAverageFit {
  const { window } = { ...movingAverageDefaults, ...options };
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`invalid window: ${window} (must be an integer ≥ 1)`);
  }
  const y = checkSeries(values, { minLength: window, model: `a moving average of ${window}` });
  const n = y.length;
  const meanBefore = (t: number) => {
    let sum = 0;
    for (let j = t - window; j < t; j++) sum += y[j];
    return sum / window;
  };
  const fitted = y.map((_, t) => (t < window ? NaN : meanBefore(t)));
  const level = meanBefore(n);
  const residuals = y.map((v, t) => v - fitted[t]);
  const used = residuals.filter((e) => !Number.isNaN(e));
  return {
    method: 'Moving average',
    period: 1,
    n,
    params: { window },
    fitted,
    residuals,
    sigma2: used.reduce((s, e) => s + e * e, 0) / used.length,
    window,
    level,
  };
}

/** Forecasts h steps ahead: the flat line at the last window's mean, with no intervals. */
export function forecastMovingAverage(
  fit: MovingAverageFit,
  h: number,
  options: ForecastOptions = {},
): Forecast {
  checkHorizon(h);
  checkLevels(options.level);
  return { method: fit.method, mean: new Array<number>(h).fill(fit.level), intervals: [] };
}
