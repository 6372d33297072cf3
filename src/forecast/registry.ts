/**
 * The forecasting methods by the short names the CLI and the lessons use
 * (`mean, naive, snaive, drift, naive2, ma, ses, holt, damped, hw-add, hw-mul, ets, theta`), each
 * as one call: fit on a series, forecast h steps. Baselines are listed first.
 */
import { fitDrift, forecastDrift } from './drift.ts';
import { fitMean, forecastMean } from './mean.ts';
import type { FittedModel, Forecast } from './model.ts';
import { fitMovingAverage, forecastMovingAverage } from './moving-average.ts';
import { fitNaive, forecastNaive } from './naive.ts';
import { fitNaive2, forecastNaive2 } from './naive2.ts';
import { fitSeasonalNaive, forecastSeasonalNaive } from './seasonal-naive.ts';
import { fitEts } from './ets/fit-ets.ts';
import { fitHolt } from './ets/fit-holt.ts';
import { fitHoltWinters } from './ets/fit-holt-winters.ts';
import { fitSes } from './ets/fit-ses.ts';
import { forecastEts } from './ets/forecast-ets.ts';
import type { EtsFit } from './ets/types.ts';
import { fitTheta, forecastTheta } from './theta.ts';

/** What one method needs to know about the series. */
export interface MethodInput {
  values: number[];
  /** Seasonal period (1 for none). */
  period: number;
  h: number;
  /** Interval levels in percent. */
  level: number[];
}

/** A method by name: fits and forecasts in one call. */
export interface ForecastMethod {
  name: string;
  /** What it is, for tables and help. */
  label: string;
  /** A naïve benchmark every other method is compared with. */
  baseline: boolean;
  run(input: MethodInput): { fit: FittedModel; forecast: Forecast };
}

function method(
  name: string,
  label: string,
  baseline: boolean,
  run: (input: MethodInput) => { fit: FittedModel; forecast: Forecast },
): ForecastMethod {
  return { name, label, baseline, run };
}

/** Every method, baselines first, in the order the CLI lists them. */
export const forecastMethods: readonly ForecastMethod[] = [
  method('naive2', 'Naïve2 (naïve on seasonally adjusted data; the M-competition benchmark)', true, (i) => {
    const fit = fitNaive2(i.values, { period: i.period });
    return { fit, forecast: forecastNaive2(fit, i.h, { level: i.level }) };
  }),
  method('naive', 'naïve (last value)', true, (i) => {
    const fit = fitNaive(i.values);
    return { fit, forecast: forecastNaive(fit, i.h, { level: i.level }) };
  }),
  method('snaive', 'seasonal naïve (value one season ago)', true, (i) => {
    const fit = fitSeasonalNaive(i.values, { period: i.period });
    return { fit, forecast: forecastSeasonalNaive(fit, i.h, { level: i.level }) };
  }),
  method('mean', 'mean of the history', true, (i) => {
    const fit = fitMean(i.values);
    return { fit, forecast: forecastMean(fit, i.h, { level: i.level }) };
  }),
  method('drift', 'random walk with drift', true, (i) => {
    const fit = fitDrift(i.values);
    return { fit, forecast: forecastDrift(fit, i.h, { level: i.level }) };
  }),
  method('ma', 'moving average of the last period (or 3) values', true, (i) => {
    const fit = fitMovingAverage(i.values, { window: Math.max(i.period, 3) });
    return { fit, forecast: forecastMovingAverage(fit, i.h, { level: i.level }) };
  }),
  method('ses', 'simple exponential smoothing (forecast::ses)', false, (i) => etsRun(fitSes(i.values), i)),
  method('holt', "Holt's linear trend (forecast::holt)", false, (i) => etsRun(fitHolt(i.values), i)),
  method('damped', "Holt's damped trend (forecast::holt, damped = TRUE)", false, (i) =>
    etsRun(fitHolt(i.values, { damped: true }), i),
  ),
  method('hw-add', 'Holt-Winters additive (forecast::hw)', false, (i) =>
    etsRun(fitHoltWinters(i.values, { period: i.period, seasonal: 'additive' }), i),
  ),
  method('hw-mul', 'Holt-Winters multiplicative (forecast::hw)', false, (i) =>
    etsRun(fitHoltWinters(i.values, { period: i.period, seasonal: 'multiplicative' }), i),
  ),
  method('ets', 'automatic ETS chosen by AICc (forecast::ets)', false, (i) =>
    etsRun(fitEts(i.values, { period: i.period }), i),
  ),
  method('theta', 'Theta method (forecast::thetaf)', false, (i) => {
    const fit = fitTheta(i.values, { period: i.period });
    return { fit, forecast: forecastTheta(fit, i.h, { level: i.level }) };
  }),
];

function etsRun(fit: EtsFit, i: MethodInput) {
  return { fit, forecast: forecastEts(fit, i.h, { level: i.level }) };
}

/** The method called `name`, or an error listing the names there are. */
export function forecastMethod(name: string): ForecastMethod {
  const found = forecastMethods.find((m) => m.name === name);
  if (!found) {
    throw new RangeError(
      `unknown method "${name}": choose from ${forecastMethods.map((m) => m.name).join(', ')}`,
    );
  }
  return found;
}
