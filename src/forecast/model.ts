/**
 * The shape every forecasting model shares (see STYLE: one shape for every model).
 *
 * A model module exports `defaults` (its options with their default values, documented on the
 * options type), `fitX(values, options) → XFit` and `forecastX(fit, h, { level }) → Forecast`.
 * Results are plain data (numbers, arrays, strings), so they cross the worker boundary as they are.
 */

/** What every fitted model reports. Model-specific state needed to forecast lives in extra fields. */
export interface FittedModel {
  /** The method as R names it where there is an R equivalent, e.g. `ETS(M,Ad,M)`, `Naive method`. */
  method: string;
  /** Seasonal period used (1 for non-seasonal). */
  period: number;
  /** Number of observations fitted. */
  n: number;
  /** Estimated or given parameters, by name (`alpha`, `beta`, `gamma`, `phi`, `drift`, …). */
  params: Record<string, number>;
  /** One-step-ahead in-sample fitted values; `NaN` where the model gives none (e.g. the first m for snaive). */
  fitted: number[];
  /** `values − fitted`; `NaN` where `fitted` is `NaN`. */
  residuals: number[];
  /** Residual variance used for prediction intervals. */
  sigma2: number;
  /** Log-likelihood, AIC, AICc and BIC where the model defines them (ETS: R's constant-free convention). */
  loglik?: number;
  aic?: number;
  aicc?: number;
  bic?: number;
}

/** A prediction interval at one level. */
export interface PredictionInterval {
  /** Nominal coverage in percent, e.g. 80 or 95. */
  level: number;
  lower: number[];
  upper: number[];
}

/** Point forecasts and prediction intervals for steps 1…h. */
export interface Forecast {
  method: string;
  mean: number[];
  /** One per requested level, in the order requested (empty when the model gives none). */
  intervals: PredictionInterval[];
}

/** Options every `forecastX` takes. */
export interface ForecastOptions {
  /** Interval levels in percent, each in (0, 100). Default [80, 95], as R's `forecast()`. */
  level?: number[];
}

export const defaultLevels: readonly number[] = [80, 95];

/** Checks a series before fitting; the message says what is wrong and what to do. */
export function checkSeries(
  values: ArrayLike<number>,
  {
    minLength = 1,
    positive = false,
    model = 'this model',
  }: { minLength?: number; positive?: boolean; model?: string } = {},
): number[] {
  const y = Array.from(values);
  if (y.length < minLength) {
    throw new RangeError(
      `${model} needs at least ${minLength} observation${minLength === 1 ? '' : 's'}, got ${y.length}; use a longer series or a simpler model`,
    );
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new RangeError(
        `observation ${i + 1} is ${y[i]}: ${model} needs finite numbers; fill or drop missing values first`,
      );
    }
    if (positive && y[i] <= 0) {
      throw new RangeError(
        `observation ${i + 1} is ${y[i]}: ${model} is multiplicative and needs positive data; use an additive model or transform the data`,
      );
    }
  }
  return y;
}

/** Checks a seasonal period: an integer ≥ 1. */
export function checkPeriod(period: number): number {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(
      `invalid period: ${period} (must be an integer ≥ 1; 12 for monthly data, 4 for quarterly)`,
    );
  }
  return period;
}

/** Checks a forecast horizon: an integer ≥ 1. */
export function checkHorizon(h: number): number {
  if (!Number.isInteger(h) || h < 1) throw new RangeError(`invalid horizon h: ${h} (must be an integer ≥ 1)`);
  return h;
}

/** Checks interval levels: each in (0, 100). */
export function checkLevels(level: readonly number[] = defaultLevels): number[] {
  for (const l of level) {
    if (!(l > 0 && l < 100))
      throw new RangeError(`invalid level: ${l} (must be a percentage between 0 and 100)`);
  }
  return [...level];
}
