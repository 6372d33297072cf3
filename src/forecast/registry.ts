/**
 * The forecasting methods by the short names the CLI and the lessons use
 * (`mean, naive, snaive, drift, naive2, ma, ses, holt, damped, hw-add, hw-mul, ets, theta, arima, auto-arima, prophet,
 * linear, forest, boost`),
 * each as one call: fit on a series, forecast h steps. Baselines are listed first. A method with
 * options lists their defaults (and the allowed words of string options), which is what
 * `--param <method>.<option>=<value>` can set; `parseMethodOption` reads such a value.
 */
import { fitArima } from './arima.ts';
import { forecastArima } from './arima-forecast.ts';
import { arimaDefaults, type ArimaMethod, type ArimaOrderTriple } from './arima-types.ts';
import { autoArimaMethodChoices, autoArimaMethodDefaults, runAutoArimaMethod } from './auto-arima-method.ts';
import { fitDrift, forecastDrift } from './drift.ts';
import { fitMean, forecastMean } from './mean.ts';
import type { FittedModel, Forecast } from './model.ts';
import type { ForecastMethod, MethodInput, MethodOptions, MethodOptionValue } from './method-types.ts';
import { fitMovingAverage, forecastMovingAverage } from './moving-average.ts';
import { fitNaive, forecastNaive } from './naive.ts';
import { fitNaive2, forecastNaive2 } from './naive2.ts';
import { prophetMethodChoices, prophetMethodDefaults, runProphetMethod } from './prophet-method.ts';
import { fitSeasonalNaive, forecastSeasonalNaive } from './seasonal-naive.ts';
import { fitEts } from './ets/fit-ets.ts';
import { fitHolt } from './ets/fit-holt.ts';
import { fitHoltWinters } from './ets/fit-holt-winters.ts';
import { fitSes } from './ets/fit-ses.ts';
import { forecastEts } from './ets/forecast-ets.ts';
import type { EtsFit } from './ets/types.ts';
import { fitTheta, forecastTheta } from './theta.ts';
import {
  boostMethodDefaults,
  forestMethodDefaults,
  lagMethodChoices,
  linearMethodDefaults,
  runBoostMethod,
  runForestMethod,
  runLinearMethod,
} from './ml/lag-methods.ts';

export type { ForecastMethod, MethodInput, MethodOptionValue, MethodOptions } from './method-types.ts';

function method(
  name: string,
  label: string,
  baseline: boolean,
  run: (input: MethodInput, options: MethodOptions) => { fit: FittedModel; forecast: Forecast },
  described: Pick<ForecastMethod, 'defaults' | 'choices'> = {},
): ForecastMethod {
  return { name, label, baseline, ...described, run: (input, options = {}) => run(input, options) };
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
  method(
    'arima',
    'ARIMA with fixed orders, by default the airline model (0,1,1)(0,1,1)[m] (forecast::Arima)',
    false,
    (i, o) => {
      // Without a season (period 1) the seasonal order defaults to (0,0,0), as in fitArima.
      const fit = fitArima(i.values, {
        period: i.period,
        order: o.order as ArimaOrderTriple | undefined,
        seasonal: o.seasonal as ArimaOrderTriple | undefined,
        includeMean: o.includeMean as boolean | undefined,
        includeDrift: o.includeDrift as boolean | undefined,
        method: o.method as ArimaMethod | undefined,
      });
      return { fit, forecast: forecastArima(fit, i.h, { level: i.level }) };
    },
    {
      defaults: {
        order: arimaDefaults.order,
        seasonal: [0, 1, 1],
        includeMean: arimaDefaults.includeMean,
        includeDrift: arimaDefaults.includeDrift,
        method: arimaDefaults.method,
      },
      choices: { method: ['CSS-ML', 'ML', 'CSS'] },
    },
  ),
  method(
    'auto-arima',
    'automatic ARIMA: Hyndman–Khandakar stepwise search on AICc (forecast::auto.arima)',
    false,
    runAutoArimaMethod,
    { defaults: autoArimaMethodDefaults, choices: autoArimaMethodChoices },
  ),
  method(
    'prophet',
    'Prophet-style model: trend with changepoints + Fourier seasonality, MAP as prophet::prophet',
    false,
    runProphetMethod,
    { defaults: prophetMethodDefaults, choices: prophetMethodChoices },
  ),
  method(
    'linear',
    'linear regression (least squares or ridge) on lag features, as scikit-learn LinearRegression',
    false,
    runLinearMethod,
    { defaults: linearMethodDefaults, choices: lagMethodChoices },
  ),
  method(
    'forest',
    'random forest on lag features, as scikit-learn RandomForestRegressor',
    false,
    runForestMethod,
    { defaults: forestMethodDefaults, choices: lagMethodChoices },
  ),
  method(
    'boost',
    'gradient-boosted trees on lag features, as scikit-learn GradientBoostingRegressor',
    false,
    runBoostMethod,
    { defaults: boostMethodDefaults, choices: lagMethodChoices },
  ),
];

/**
 * Reads `raw` as the type of `method`'s option `name` (`--param arima.order=2,1,0`): a number, `true` /
 * `false`, one of the allowed words, or comma-separated whole numbers as long as the default tuple.
 * Throws an error naming the expected form, or listing the options when `name` is not one of them.
 */
export function parseMethodOption(method: ForecastMethod, name: string, raw: string): MethodOptionValue {
  const defaults = method.defaults ?? {};
  const describe = () =>
    Object.entries(defaults)
      .map(
        ([k, v]) =>
          `${k} (default ${String(v)}${method.choices?.[k] ? `; ${method.choices[k].join(' | ')}` : ''})`,
      )
      .join(', ');
  if (!(name in defaults)) {
    throw new RangeError(
      Object.keys(defaults).length
        ? `${method.name} has no option "${name}"; its options are ${describe()}`
        : `${method.name} has no options`,
    );
  }
  const d = defaults[name];
  const expected = (what: string) =>
    new RangeError(`${method.name}.${name} must be ${what} (default ${String(d)}), got "${raw}"`);
  const text = raw.trim();
  if (Array.isArray(d)) {
    const parts = text.split(',').map((p) => Number(p.trim()));
    if (parts.length !== d.length || !parts.every((v) => Number.isInteger(v) && v >= 0))
      throw expected(`${d.length} comma-separated whole numbers ≥ 0, e.g. ${d.join(',')}`);
    return parts;
  }
  switch (typeof d) {
    case 'number': {
      const v = Number(text);
      if (text === '' || !Number.isFinite(v)) throw expected('a number');
      return v;
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      throw expected('true or false');
    default: {
      const words = method.choices?.[name];
      if (words && !words.includes(text)) throw expected(`one of ${words.join(', ')}`);
      return text;
    }
  }
}

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
