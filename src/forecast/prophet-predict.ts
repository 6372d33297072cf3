/**
 * Predictions of a fitted Prophet-style model, as R prophet's `predict()`: the trend at the dates
 * (`predict_trend`), each seasonality, holiday and regressor term (`predict_seasonal_components`),
 * yhat = trend · (1 + multiplicative terms) + additive terms, and simulated intervals
 * (`predict_uncertainty`, see `prophet-uncertainty.ts`).
 */
import { checkHorizon, checkLevels } from './model.ts';
import { formatDates, parseDate, stepDates } from './prophet-dates.ts';
import { prophetFeatures } from './prophet-features.ts';
import { piecewiseLinear, piecewiseLogistic } from './prophet-trend.ts';
import type {
  ProphetComponents,
  ProphetDate,
  ProphetFit,
  ProphetPredictOptions,
  ProphetPrediction,
  ProphetTerm,
} from './prophet-types.ts';
import { prophetIntervals } from './prophet-uncertainty.ts';

/** What predicting needs from a fit. */
export type ProphetState = Pick<
  ProphetFit,
  'growth' | 'map' | 'scaling' | 'changepointsT' | 'seasonalities' | 'holidays' | 'regressors'
>;

/** The MAP decomposition at `times`, with the scaled quantities the simulation reuses. */
export interface ProphetDecomposition {
  components: ProphetComponents;
  yhat: number[];
  t: number[];
  trendScaled: number[];
  capScaled?: number[];
}

/** Decomposes the model at `times` (ms since 1970) with the given capacity, floor and regressor values. */
export function decomposeProphet(
  state: ProphetState,
  times: readonly number[],
  cap: readonly number[],
  floor: readonly number[],
  regressorValues: Readonly<Record<string, readonly number[]>>,
): ProphetDecomposition {
  const { map, scaling } = state;
  const n = times.length;
  const t = times.map((time) => (time - scaling.startTime) / scaling.tScale);
  let capScaled: number[] | undefined;
  let trendScaled: number[];
  if (state.growth === 'linear') {
    trendScaled = piecewiseLinear(t, map.delta, map.k, map.m, state.changepointsT);
  } else if (state.growth === 'logistic') {
    capScaled = cap.map((c, i) => (c - floor[i]) / scaling.yScale);
    trendScaled = piecewiseLogistic(t, capScaled, map.delta, map.k, map.m, state.changepointsT);
  } else {
    trendScaled = new Array<number>(n).fill(map.m);
  }
  const trend = trendScaled.map((g, i) => g * scaling.yScale + floor[i]);
  const { columns, X } = prophetFeatures(times, state, regressorValues);
  const K = columns.length;
  const additiveTerms = new Array<number>(n).fill(0);
  const multiplicativeTerms = new Array<number>(n).fill(0);
  const terms: ProphetTerm[] = [];
  const byName = new Map<string, ProphetTerm>();
  const holidayTotal: ProphetTerm | undefined = state.holidays.length
    ? {
        name: 'holidays',
        kind: 'holidays',
        mode: state.holidays[0].mode,
        values: new Array<number>(n).fill(0),
      }
    : undefined;
  columns.forEach((col, j) => {
    let term = byName.get(col.component);
    if (!term) {
      term = { name: col.component, kind: col.kind, mode: col.mode, values: new Array<number>(n).fill(0) };
      byName.set(col.component, term);
      terms.push(term);
      // The holidays' total follows the last holiday, as R lists it after them.
      if (holidayTotal && col.kind === 'holiday' && col.component === state.holidays.at(-1)?.name)
        terms.push(holidayTotal);
    }
    const scale = col.mode === 'additive' ? scaling.yScale : 1;
    const beta = map.beta[j] * scale;
    const sum = col.mode === 'additive' ? additiveTerms : multiplicativeTerms;
    for (let i = 0; i < n; i++) {
      const v = X[i * K + j] * beta;
      term.values[i] += v;
      sum[i] += v;
      if (holidayTotal && col.kind === 'holiday') holidayTotal.values[i] += v;
    }
  });
  const yhat = trend.map((g, i) => g * (1 + multiplicativeTerms[i]) + additiveTerms[i]);
  return {
    components: { dates: formatDates(times), trend, additiveTerms, multiplicativeTerms, terms },
    yhat,
    t,
    trendScaled,
    capScaled,
  };
}

/** A number or one number per date, checked. */
function perDate(value: number | readonly number[], n: number, what: string): number[] {
  const out = typeof value === 'number' ? new Array<number>(n).fill(value) : Array.from(value);
  if (out.length !== n) throw new RangeError(`${what} has ${out.length} values for ${n} dates`);
  out.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`${what}[${i}] is ${v}: must be a finite number`);
  });
  return out;
}

/** Predicts at `dates` (any dates: the history, the future, or both). */
export function predictProphet(
  fit: ProphetFit,
  dates: readonly ProphetDate[],
  options: ProphetPredictOptions = {},
): ProphetPrediction {
  return predictAt(
    fit,
    dates.map((d, i) => parseDate(d, `dates[${i}]`)),
    options,
  );
}

/**
 * Forecasts the h dates after the history, spaced as the history (`ProphetFit.step`): R prophet's
 * `predict(m, make_future_dataframe(m, h, freq))` restricted to the horizon.
 */
export function forecastProphet(
  fit: ProphetFit,
  h: number,
  options: ProphetPredictOptions = {},
): ProphetPrediction {
  checkHorizon(h);
  return predictAt(fit, stepDates(fit.times[fit.times.length - 1], fit.step, h), options);
}

function predictAt(fit: ProphetFit, times: number[], options: ProphetPredictOptions): ProphetPrediction {
  const n = times.length;
  if (n === 0) throw new RangeError('nothing to predict: no dates given');
  for (let i = 1; i < n; i++) {
    if (!(times[i] > times[i - 1]))
      throw new RangeError(`dates must be increasing and distinct: dates[${i}] is not after dates[${i - 1}]`);
  }
  const levels = checkLevels(options.level ?? [Math.round(fit.intervalWidth * 1e10) / 1e8]);
  const floor = perDate(options.floor ?? fit.floor[fit.floor.length - 1], n, 'floor');
  const cap =
    fit.growth === 'logistic'
      ? perDate(options.cap ?? fit.cap[fit.cap.length - 1], n, 'cap')
      : new Array<number>(n).fill(0);
  if (fit.growth === 'logistic') {
    cap.forEach((c, i) => {
      if (!(c > floor[i]))
        throw new RangeError(`cap[${i}] is ${c}: cap must be greater than floor (${floor[i]})`);
    });
  }
  const regressorValues: Record<string, readonly number[]> = {};
  for (const r of fit.regressors) {
    const values = options.regressors?.[r.name];
    if (!values)
      throw new RangeError(
        `the model has the regressor "${r.name}": give its values at the ${n} predicted dates in options.regressors.${r.name}`,
      );
    regressorValues[r.name] = values;
  }
  const d = decomposeProphet(fit, times, cap, floor, regressorValues);
  const samples = options.uncertaintySamples ?? fit.uncertaintySamples;
  if (!(Number.isInteger(samples) && samples >= 0))
    throw new RangeError(`invalid uncertaintySamples: ${samples} (must be a whole number ≥ 0)`);
  const intervals =
    samples > 0
      ? prophetIntervals({
          growth: fit.growth,
          k: fit.map.k,
          m: fit.map.m,
          deltas: fit.map.delta,
          changepointsT: fit.changepointsT,
          sigmaObs: fit.map.sigmaObs,
          yScale: fit.scaling.yScale,
          t: d.t,
          trendScaled: d.trendScaled,
          capScaled: d.capScaled,
          floor,
          additive: d.components.additiveTerms,
          multiplicative: d.components.multiplicativeTerms,
          samples,
          seed: options.seed ?? fit.seed,
          levels,
        })
      : { yhat: [], trend: [] };
  return {
    method: fit.method,
    mean: d.yhat,
    intervals: intervals.yhat,
    dates: d.components.dates,
    trendIntervals: intervals.trend,
    components: d.components,
  };
}
