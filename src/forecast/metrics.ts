/**
 * Point-forecast accuracy measures (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*,
 * 3rd ed., §5.8; Hyndman & Koehler 2006, "Another look at measures of forecast accuracy"), with the
 * conventions of R's `forecast::accuracy`: errors are actual − forecast, MAPE and MPE are percentages
 * (×100), MASE scales by the in-sample MAE of the seasonal naïve method (the naïve method for
 * period 1). sMAPE is on the 0–200 scale of the M3 and M4 competitions.
 *
 * Division by zero is not hidden: a zero actual makes MAPE and MPE infinite, a constant training
 * series makes MASE infinite, as in R. Terms that are 0/0 (a zero actual forecast exactly, or a
 * perfect forecast against a zero MASE scale) are skipped, as R's `mean(…, na.rm = TRUE)` skips them;
 * sMAPE keeps them (`NaN`), as the M4 code does.
 */

/** Checks that actual and forecast are equally long, non-empty and finite; returns the errors actual − forecast. */
function errors(actual: ArrayLike<number>, forecast: ArrayLike<number>): { y: number[]; e: number[] } {
  if (actual.length === 0) throw new RangeError('no observations: accuracy needs at least one actual value');
  if (actual.length !== forecast.length) {
    throw new RangeError(
      `actual and forecast differ in length (${actual.length} and ${forecast.length}); compare the same periods`,
    );
  }
  const y = Array.from(actual);
  const f = Array.from(forecast);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]))
      throw new RangeError(`actual value ${i + 1} is ${y[i]}: accuracy needs finite numbers`);
    if (!Number.isFinite(f[i]))
      throw new RangeError(`forecast ${i + 1} is ${f[i]}: accuracy needs finite numbers`);
  }
  return { y, e: y.map((v, i) => v - f[i]) };
}

const average = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The mean of the terms that are not `NaN`, as R's `mean(x, na.rm = TRUE)`. */
const averageDefined = (xs: number[]) => average(xs.filter((x) => !Number.isNaN(x)));

/** Mean error (bias), mean(y − ŷ). */
export function me(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  return average(errors(actual, forecast).e);
}

/** Mean absolute error, mean|y − ŷ|. */
export function mae(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  return average(errors(actual, forecast).e.map(Math.abs));
}

/** Root mean squared error, √mean((y − ŷ)²). */
export function rmse(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  return Math.sqrt(average(errors(actual, forecast).e.map((x) => x * x)));
}

/** Mean percentage error, 100·mean((y − ŷ)/y). */
export function mpe(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  const { y, e } = errors(actual, forecast);
  return averageDefined(e.map((x, i) => (x / y[i]) * 100));
}

/** Mean absolute percentage error, 100·mean|(y − ŷ)/y|. */
export function mape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  const { y, e } = errors(actual, forecast);
  return averageDefined(e.map((x, i) => Math.abs((x / y[i]) * 100)));
}

/** Symmetric MAPE on the 0–200 scale (M3/M4): 200·mean(|y − ŷ|/(|y| + |ŷ|)); `NaN` where y = ŷ = 0. */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  const { y, e } = errors(actual, forecast);
  return average(e.map((x, i) => (200 * Math.abs(x)) / (Math.abs(y[i]) + Math.abs(y[i] - x))));
}

/**
 * The MASE scale: the in-sample MAE of the seasonal naïve method, mean|y_t − y_{t−m}| over the
 * training data (the naïve method's for m = 1). Needs more than m training observations.
 */
export function maseScale(train: ArrayLike<number>, period = 1): number {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(
      `invalid period: ${period} (must be an integer ≥ 1; 12 for monthly data, 4 for quarterly)`,
    );
  }
  const x = Array.from(train);
  if (x.length <= period) {
    throw new RangeError(
      `MASE needs more than ${period} training observations for period ${period}, got ${x.length}; use period 1 for a naive scale`,
    );
  }
  const bad = x.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`training value ${bad + 1} is ${x[bad]}: MASE needs finite numbers`);
  let sum = 0;
  for (let t = period; t < x.length; t++) sum += Math.abs(x[t] - x[t - period]);
  return sum / (x.length - period);
}

/** Mean absolute scaled error: MAE / {@link maseScale}(train, period), as `accuracy()`'s MASE. */
export function mase(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  train: ArrayLike<number>,
  period = 1,
): number {
  const scale = maseScale(train, period);
  return averageDefined(errors(actual, forecast).e.map((x) => Math.abs(x / scale)));
}

/** Share (0–1) of actual values inside [lower, upper], bounds included: the empirical coverage of an interval. */
export function coverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  const { y } = errors(actual, lower);
  errors(actual, upper);
  let inside = 0;
  for (let i = 0; i < y.length; i++) if (y[i] >= lower[i] && y[i] <= upper[i]) inside++;
  return inside / y.length;
}
