/**
 * The naïve method, as R's `forecast::naive(y, h)` (= `rwf(y, h)`): every forecast is the last
 * observation, ŷ_{n+h|n} = y_n, optimal for a random walk. Intervals are normal with standard error
 * σ̂·√h, σ̂² the mean squared one-step residual (Hyndman & Athanasopoulos, *Forecasting: Principles
 * and Practice*, 3rd ed., §5.2, §5.5). The computation is the lag walk of `lag-walk.ts` with lag 1.
 */
import { fitLagWalk, forecastLagWalk, type LagWalkFit } from './lag-walk.ts';
import { checkSeries, type Forecast, type ForecastOptions } from './model.ts';

/** A fitted naïve model (`method` "Naive method"; `params` is empty). */
export type NaiveFit = LagWalkFit;

/** Fits the naïve method. With one observation there are no residuals, so `sigma2` and the intervals are `NaN`. */
export function fitNaive(values: ArrayLike<number>): NaiveFit {
  const y = checkSeries(values, { model: 'the naive method' });
  return fitLagWalk(y, 1, false, 'Naive method');
}

/** Forecasts h steps ahead with intervals at `level` (default 80 and 95 %), as `naive(y, h, level)`. */
export function forecastNaive(fit: NaiveFit, h: number, options: ForecastOptions = {}): Forecast {
  return forecastLagWalk(fit, h, options);
}
