/**
 * The mean (average) method, as R's `forecast::meanf(y, h)`: every forecast is the sample mean,
 * ŷ_{n+h|n} = ȳ, optimal for independent, identically distributed data (Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice*, 3rd ed., §5.2).
 *
 * Intervals use Student's t with n − 1 degrees of freedom, ȳ ± t_{n−1}·s·√(1 + 1/n), s the sample
 * standard deviation: the uncertainty of a new observation plus that of the estimated mean (R's
 * `forecast.mean_model`). They do not widen with h.
 */
import { studentTQuantile } from '../stats/student-t.ts';
import {
  checkHorizon,
  checkLevels,
  checkSeries,
  type FittedModel,
  type Forecast,
  type ForecastOptions,
} from './model.ts';

/** A fitted mean model (`method` "Mean"; `params.mu`, `sigma2` = s²). */
export interface MeanFit extends FittedModel {
  mu: number;
  /** Sample standard deviation s (n − 1 denominator). */
  sigma: number;
}

/** Fits the mean method. With one observation s is `NaN` and so are the intervals, as R's `NA`. */
export function fitMean(values: ArrayLike<number>): MeanFit {
  const y = checkSeries(values, { model: 'the mean method' });
  const n = y.length;
  const mu = y.reduce((s, v) => s + v, 0) / n;
  const sigma = Math.sqrt(y.reduce((s, v) => s + (v - mu) ** 2, 0) / (n - 1));
  return {
    method: 'Mean',
    period: 1,
    n,
    params: { mu },
    fitted: y.map(() => mu),
    residuals: y.map((v) => v - mu),
    sigma2: sigma * sigma,
    mu,
    sigma,
  };
}

/** Forecasts h steps ahead with t intervals at `level` (default 80 and 95 %), as `meanf(y, h, level)`. */
export function forecastMean(fit: MeanFit, h: number, options: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const levels = checkLevels(options.level);
  const mean = new Array<number>(h).fill(fit.mu);
  const intervals = levels.map((level) => {
    const t = fit.n > 1 ? studentTQuantile(0.5 + level / 200, fit.n - 1) : NaN;
    const w = t * fit.sigma * Math.sqrt(1 + 1 / fit.n);
    return { level, lower: mean.map((m) => m - w), upper: mean.map((m) => m + w) };
  });
  return { method: fit.method, mean, intervals };
}
