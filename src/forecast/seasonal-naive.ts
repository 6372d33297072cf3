/**
 * The seasonal naïve method, as R's `forecast::snaive(y, h)`: each forecast is the last observation
 * from the same season, ŷ_{n+h|n} = y_{n+h−m(k)} with k = ⌊(h − 1)/m⌋ + 1 (Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice*, 3rd ed., §5.2). Intervals are normal with standard error
 * σ̂·√k, σ̂² the mean squared residual y_t − y_{t−m} (§5.5, Table 5.2).
 */
import { fitLagWalk, forecastLagWalk, type LagWalkFit } from './lag-walk.ts';
import { checkPeriod, checkSeries, type Forecast, type ForecastOptions } from './model.ts';

/** Options of {@link fitSeasonalNaive}. */
export interface SeasonalNaiveOptions {
  /** Seasonal period m, an integer ≥ 1 (12 for monthly data, 4 for quarterly). Required: R takes it from `frequency(y)`. */
  period: number;
}

/** A fitted seasonal naïve model (`method` "Seasonal naive method"). */
export type SeasonalNaiveFit = LagWalkFit;

/**
 * Fits the seasonal naïve method; needs at least one full period. With exactly one period there are
 * no residuals, so `sigma2` and the intervals are `NaN`. The first m fitted values are `NaN`.
 */
export function fitSeasonalNaive(values: ArrayLike<number>, options: SeasonalNaiveOptions): SeasonalNaiveFit {
  const period = checkPeriod(options?.period);
  const y = checkSeries(values, { minLength: period, model: `the seasonal naive method (period ${period})` });
  return fitLagWalk(y, period, false, 'Seasonal naive method');
}

/** Forecasts h steps ahead with intervals at `level` (default 80 and 95 %), as `snaive(y, h, level)`. */
export function forecastSeasonalNaive(
  fit: SeasonalNaiveFit,
  h: number,
  options: ForecastOptions = {},
): Forecast {
  return forecastLagWalk(fit, h, options);
}
