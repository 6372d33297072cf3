/**
 * Normal prediction intervals ŷ ± z·se with z = Φ⁻¹(½ + level/200), as R's forecast package builds
 * them for the random-walk family (`forecast.lagwalk`) and most models (Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice*, 3rd ed., §5.5).
 */
import { normalQuantile } from '../stats/normal-quantile.ts';
import type { PredictionInterval } from './model.ts';

/** One normal interval per level from point forecasts and their standard errors. */
export function normalIntervals(mean: number[], se: number[], levels: number[]): PredictionInterval[] {
  return levels.map((level) => {
    const z = normalQuantile(0.5 + level / 200);
    return {
      level,
      lower: mean.map((m, i) => m - z * se[i]),
      upper: mean.map((m, i) => m + z * se[i]),
    };
  });
}
