/**
 * The drift method, as R's `forecast::rwf(y, h, drift = TRUE)`: a random walk with drift,
 * ŷ_{n+h|n} = y_n + h·ĉ with ĉ = (y_n − y_1)/(n − 1), the slope of the line from the first to the
 * last observation (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §5.2).
 *
 * Intervals are normal with standard error √(σ̂²·h + h²·se(ĉ)²): the random walk's σ̂·√h widened by
 * the uncertainty of the estimated drift, se(ĉ) = σ̂/√(n − 1), with σ̂² = Σ(Δy_t − ĉ)²/(n − 2) — what
 * forecast 8.20 computes (`forecast.lagwalk`); FPP3's Table 5.2 gives σ̂·√(h(1 + h/T)), the same
 * with T = n − 1.
 */
import { fitLagWalk, forecastLagWalk, type LagWalkFit } from './lag-walk.ts';
import { checkSeries, type Forecast, type ForecastOptions } from './model.ts';

/** A fitted drift model (`method` "Random walk with drift"; `params.drift`, `params.driftSe`). */
export type DriftFit = LagWalkFit;

/** Fits the drift method; needs two observations (three for intervals: with two, σ̂ is `NaN`, as R's `NA`). */
export function fitDrift(values: ArrayLike<number>): DriftFit {
  const y = checkSeries(values, { minLength: 2, model: 'the drift method' });
  return fitLagWalk(y, 1, true, 'Random walk with drift');
}

/** Forecasts h steps ahead with intervals at `level` (default 80 and 95 %), as `rwf(y, h, drift = TRUE, level)`. */
export function forecastDrift(fit: DriftFit, h: number, options: ForecastOptions = {}): Forecast {
  return forecastLagWalk(fit, h, options);
}
