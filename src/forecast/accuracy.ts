/**
 * All accuracy measures of a forecast against the test data at once: the test-set row of R's
 * `forecast::accuracy(f, x)` (ME, RMSE, MAE, MPE, MAPE, MASE, ACF1, Theil's U) plus sMAPE on the
 * M3/M4 0–200 scale. Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §5.8.
 *
 * As `accuracy()`: MASE is scaled by the seasonal naïve in-sample MAE for period > 1 (d = 0, D = 1)
 * and by the naïve one for period 1 (d = 1, D = 0); ACF1 is the lag-1 autocorrelation of the test
 * errors; Theil's U compares the forecast's relative changes with the actual ones,
 * U = √(Σ(ŷ_t/y_{t−1} − y_t/y_{t−1})² / Σ(y_t/y_{t−1} − 1)²) over t = 2…h. Both are `NaN` for a
 * one-step test set, as R's `NA`.
 */
import { acf } from '../stats/acf.ts';
import { mae, mape, mase, me, mpe, rmse, smape } from './metrics.ts';
import type { Forecast } from './model.ts';

/** Every measure of {@link accuracy}; percentages are ×100 as in R. */
export interface Accuracy {
  me: number;
  rmse: number;
  mae: number;
  mpe: number;
  mape: number;
  mase: number;
  acf1: number;
  theilsU: number;
  /** Symmetric MAPE, 0–200 (M3/M4); not part of R's `accuracy()`. */
  smape: number;
}

/**
 * Accuracy of `forecast` (point forecasts, or a {@link Forecast} whose `mean` is used) against
 * `actual`, with `train` (the data the model was fitted to) and its seasonal `period` for MASE.
 */
export function accuracy(
  forecast: ArrayLike<number> | Forecast,
  actual: ArrayLike<number>,
  train: ArrayLike<number>,
  period = 1,
): Accuracy {
  const f = Array.from('mean' in forecast ? forecast.mean : forecast);
  const y = Array.from(actual);
  const n = y.length;
  const errors = y.map((v, i) => v - f[i]);
  const result: Accuracy = {
    me: me(y, f),
    rmse: rmse(y, f),
    mae: mae(y, f),
    mpe: mpe(y, f),
    mape: mape(y, f),
    mase: mase(y, f, train, period),
    acf1: n > 1 ? acf(errors, 1)[1] : NaN,
    theilsU: NaN,
    smape: smape(y, f),
  };
  if (n > 1) {
    let num = 0;
    let den = 0;
    for (let t = 1; t < n; t++) {
      const fpe = f[t] / y[t - 1] - 1;
      const ape = y[t] / y[t - 1] - 1;
      num += (fpe - ape) ** 2;
      den += ape * ape;
    }
    result.theilsU = Math.sqrt(num / den);
  }
  return result;
}
