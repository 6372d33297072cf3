/**
 * `auto-arima` as a method of the forecasting registry (`dplab forecast --models auto-arima`): the
 * options `--param auto-arima.<option>=<value>` sets (R's `auto.arima` arguments, with `approximation`
 * as a word because its default depends on the series), and one call that fits and forecasts.
 */
import { forecastArima } from './arima-forecast.ts';
import type { ArimaMethod } from './arima-types.ts';
import { autoArima } from './auto-arima.ts';
import { autoArimaDefaults, type AutoArimaCriterion, type AutoArimaOptions } from './auto-arima-types.ts';
import type { FittedModel, Forecast } from './model.ts';
import type { MethodInput, MethodOptions } from './method-types.ts';

/** The options `--param auto-arima.<option>` sets, with their defaults (forecast::auto.arima's). */
export const autoArimaMethodDefaults = {
  ic: autoArimaDefaults.ic,
  stepwise: autoArimaDefaults.stepwise,
  /** `auto`: true when n > 150 or the period exceeds 12, as R. */
  approximation: 'auto',
  seasonalTest: autoArimaDefaults.seasonalTest,
  test: autoArimaDefaults.test,
  alpha: autoArimaDefaults.alpha,
  maxp: autoArimaDefaults.maxp,
  maxq: autoArimaDefaults.maxq,
  maxP: autoArimaDefaults.maxP,
  maxQ: autoArimaDefaults.maxQ,
  maxOrder: autoArimaDefaults.maxOrder,
  maxd: autoArimaDefaults.maxd,
  maxD: autoArimaDefaults.maxD,
  startp: autoArimaDefaults.startp,
  startq: autoArimaDefaults.startq,
  startP: autoArimaDefaults.startP,
  startQ: autoArimaDefaults.startQ,
  nmodels: autoArimaDefaults.nmodels,
  stationary: autoArimaDefaults.stationary,
  seasonal: autoArimaDefaults.seasonal,
  allowDrift: autoArimaDefaults.allowDrift,
  allowMean: autoArimaDefaults.allowMean,
} as const satisfies MethodOptions;

/** The allowed words of its string options. */
export const autoArimaMethodChoices = {
  ic: ['aicc', 'aic', 'bic'],
  approximation: ['auto', 'true', 'false'],
  seasonalTest: ['seas', 'ocsb'],
  test: ['kpss', 'adf', 'pp'],
} as const;

/** Fits `autoArima` with the registry's options and forecasts `i.h` steps. */
export function runAutoArimaMethod(
  i: MethodInput,
  o: MethodOptions,
): { fit: FittedModel; forecast: Forecast } {
  const approximation =
    o.approximation === undefined || o.approximation === 'auto' ? undefined : o.approximation === 'true';
  const options: AutoArimaOptions = {
    ...(o as Omit<AutoArimaOptions, 'approximation'>),
    period: i.period,
    ic: o.ic as AutoArimaCriterion | undefined,
    method: o.method as ArimaMethod | undefined,
    approximation,
  };
  const fit = autoArima(i.values, options);
  return { fit, forecast: forecastArima(fit, i.h, { level: i.level }) };
}
