/**
 * A Prophet-style decomposable model (Taylor & Letham, "Forecasting at scale", *The American
 * Statistician* 72(1), 2018): y(t) = g(t) + s(t) + h(t) + ε — or g(t)·(1 + s(t) + h(t)) + ε with
 * multiplicative seasonality — with a piecewise-linear or logistic trend g whose rate may change at
 * potential changepoints (Laplace prior), Fourier seasonalities s, holiday and regressor effects h.
 *
 * Fitted as R prophet 1.0 fits it by default (`prophet(df)`, MAP through Stan's L-BFGS):
 * 1. scale y by max |y − floor| ('absmax') and time to [0, 1] over the history;
 * 2. switch seasonalities on from the data's span and spacing, place 25 changepoints evenly in the
 *    first 80 % of the observations;
 * 3. start from the line through the first and last points (δ = 0, β = 0, σ_obs = 1) and minimise
 *    the negative log posterior of `prophet.stan` (`prophet-objective.ts`) by L-BFGS (`lbfgs`, with
 *    Stan's defaults and Prophet's 10⁴ iterations), step for step as Stan does.
 *
 * With fewer than 100 observations, or when L-BFGS's line search fails, R prophet uses Stan's Newton
 * optimiser instead, and so does this (`prophet-newton.ts`).
 *
 * Not implemented: MCMC sampling (`mcmc.samples`), country holidays (give them as `holidays`),
 * conditional seasonalities.
 */
import { lbfgs } from '../stats/lbfgs.ts';
import { stanNewton } from './prophet-newton.ts';
import { checkSeries } from './model.ts';
import { DAY_MS, formatDates, inferStep, parseDate, spacingStep, syntheticTimes } from './prophet-dates.ts';
import { prophetFeatures, resolveRegressors } from './prophet-features.ts';
import { resolveHolidays } from './prophet-holidays.ts';
import { prophetLayout, prophetObjective } from './prophet-objective.ts';
import { decomposeProphet } from './prophet-predict.ts';
import { checkMode, resolveSeasonalities } from './prophet-seasonality.ts';
import { changepointIndices, flatGrowthInit, linearGrowthInit, logisticGrowthInit } from './prophet-trend.ts';
import {
  prophetDefaults,
  type ProphetFit,
  type ProphetGrowth,
  type ProphetOptions,
  type ProphetSpacing,
} from './prophet-types.ts';

/** Fits the model to `values` (oldest first) at `options.dates` (or synthetic monthly dates). */
export function fitProphet(values: ArrayLike<number>, options: ProphetOptions = {}): ProphetFit {
  const o = { ...prophetDefaults, ...options };
  const growth = checkGrowth(o.growth);
  const mode = checkMode(o.seasonalityMode, 'seasonalityMode');
  const holidaysMode = checkMode(o.holidaysMode ?? mode, 'holidaysMode');
  positive(o.changepointPriorScale, 'changepointPriorScale');
  positive(o.seasonalityPriorScale, 'seasonalityPriorScale');
  positive(o.holidaysPriorScale, 'holidaysPriorScale');
  wholeNumber(o.nChangepoints, 'nChangepoints', 0);
  wholeNumber(o.uncertaintySamples, 'uncertaintySamples', 0);
  wholeNumber(o.maxIterations, 'maxIterations', 1);
  if (!(o.changepointRange > 0 && o.changepointRange <= 1))
    throw new RangeError(`invalid changepointRange: ${o.changepointRange} (must be in (0, 1]; default 0.8)`);
  if (!(o.intervalWidth > 0 && o.intervalWidth < 1))
    throw new RangeError(`invalid intervalWidth: ${o.intervalWidth} (must be in (0, 1); default 0.8)`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`invalid seed: ${o.seed} (must be a finite number)`);

  const y = checkSeries(values, { minLength: 2, model: 'prophet' });
  const n = y.length;
  const { times, step } = observationTimes(n, options.dates, o.start, options.spacing);
  const notes: string[] = [];
  if (!options.dates)
    notes.push(
      `No dates given: synthetic dates every ${options.spacing ?? 'month'} from ${formatDates([times[0]])[0]}.`,
    );

  // Capacity and floor.
  const logisticFloor = growth === 'logistic' && options.floor !== undefined;
  if (growth !== 'logistic' && (options.cap !== undefined || options.floor !== undefined))
    throw new RangeError(`cap and floor are only used with growth 'logistic' (growth is '${growth}')`);
  if (growth === 'logistic' && options.cap === undefined)
    throw new RangeError(
      "logistic growth needs a capacity: give options.cap (one number, or one per observation), above every value's floor",
    );
  const floor = perObservation(options.floor ?? 0, n, 'floor');
  const cap = growth === 'logistic' ? perObservation(options.cap!, n, 'cap') : new Array<number>(n).fill(0);
  if (growth === 'logistic') {
    cap.forEach((c, i) => {
      if (!(c > floor[i]))
        throw new RangeError(`cap[${i}] is ${c}: cap must be greater than floor (${floor[i]}, default 0)`);
    });
  }

  // Scaling: y / max|y − floor|, t = (date − start) / (end − start).
  let yScale = 0;
  for (let i = 0; i < n; i++) yScale = Math.max(yScale, Math.abs(y[i] - floor[i]));
  if (yScale === 0) yScale = 1;
  const startTime = times[0];
  const tScale = times[n - 1] - startTime;
  const t = times.map((time) => (time - startTime) / tScale);
  const yScaled = y.map((v, i) => (v - floor[i]) / yScale);
  const capScaled = cap.map((c, i) => (c - floor[i]) / yScale);

  // Seasonalities, holidays, regressors: the columns of X.
  const { seasonalities, notes: seasonalityNotes } = resolveSeasonalities(times, {
    yearly: o.yearlySeasonality,
    weekly: o.weeklySeasonality,
    daily: o.dailySeasonality,
    custom: o.seasonalities ?? [],
    mode,
    priorScale: o.seasonalityPriorScale,
  });
  notes.push(...seasonalityNotes);
  const holidays = resolveHolidays(o.holidays ?? [], o.holidaysPriorScale, holidaysMode);
  const taken = new Set(seasonalities.map((s) => s.name));
  for (const h of holidays) {
    if (taken.has(h.name)) throw new RangeError(`holiday "${h.name}" has the name of a seasonality`);
    taken.add(h.name);
  }
  const regressors = resolveRegressors(o.regressors ?? [], n, o.holidaysPriorScale, mode, taken);
  const regressorValues = Object.fromEntries((o.regressors ?? []).map((r) => [r.name, r.values]));
  const spec = { seasonalities, holidays, regressors };
  const { columns, X } = prophetFeatures(times, spec, regressorValues);

  // Changepoints.
  let changepointTimes: number[];
  if (options.changepoints) {
    changepointTimes = options.changepoints
      .map((d, i) => parseDate(d, `changepoints[${i}]`))
      .sort((a, b) => a - b);
    changepointTimes.forEach((c) => {
      if (c < times[0] || c > times[n - 1])
        throw new RangeError(
          `changepoint ${formatDates([c])[0]} is outside the history (${formatDates([times[0], times[n - 1]]).join(' to ')})`,
        );
    });
  } else {
    const { indices, used } = changepointIndices(n, o.nChangepoints, o.changepointRange);
    if (used < o.nChangepoints)
      notes.push(`nChangepoints greater than number of observations. Using ${used}.`);
    changepointTimes = indices.map((i) => times[i]);
  }
  const noChangepoints = changepointTimes.length === 0;
  // Without changepoints Prophet keeps one dummy at t = 0 and folds its δ into k afterwards.
  const changepointsT = noChangepoints ? [0] : changepointTimes.map((c) => (c - startTime) / tScale);

  // MAP estimate.
  const S = changepointsT.length;
  const K = columns.length;
  const at = prophetLayout(S, K);
  const init = { t, y: yScaled, cap: capScaled };
  const [k0, m0] =
    growth === 'linear'
      ? linearGrowthInit(init)
      : growth === 'logistic'
        ? logisticGrowthInit(init)
        : flatGrowthInit(init);
  const theta0 = new Float64Array(at.size);
  theta0[at.k] = k0;
  theta0[at.m] = m0;
  const objective = prophetObjective({
    growth,
    t,
    y: yScaled,
    cap: capScaled,
    changepoints: changepointsT,
    X,
    K,
    additive: columns.map((c) => (c.mode === 'additive' ? 1 : 0)),
    multiplicative: columns.map((c) => (c.mode === 'multiplicative' ? 1 : 0)),
    sigmas: columns.map((c) => c.priorScale),
    tau: o.changepointPriorScale,
  });
  let theta: number[];
  let optimizer: ProphetFit['optimizer'];
  const constant = y.every((v) => v === y[0]);
  if (constant && growth !== 'logistic') {
    // Nothing to fit (R prophet does the same): the starting values, with no noise.
    theta = Array.from(theta0);
    theta[at.logSigma] = -Infinity;
    optimizer = {
      algorithm: 'none',
      iterations: 0,
      evaluations: 0,
      converged: true,
      message: 'constant series: nothing to fit',
      objective: NaN,
    };
    notes.push('The series is constant: the fit is the starting values, with σ_obs = 0.');
  } else {
    const algorithm = o.algorithm === 'auto' ? (n < 100 ? 'newton' : 'lbfgs') : checkAlgorithm(o.algorithm);
    // A series the model can fit exactly drives σ_obs to 0 and the log posterior to +∞: R's
    // optimisers then run to their iteration limit (18 s for 30 noise-free months); stop instead.
    const exact = (x: Float64Array) => x[at.logSigma] < Math.log(1e-6);
    const stopWhen = (x: Float64Array) => {
      if (!exact(x)) return false;
      notes.push(
        'σ_obs fell below 1e-6 (the model fits the data exactly): stopped there; R prophet runs on to its iteration limit.',
      );
      return true;
    };
    const newton = () => {
      const r = stanNewton(objective, theta0, { maxit: o.maxIterations, stopWhen });
      return { ...r, algorithm: 'Newton' as const };
    };
    let result: ReturnType<typeof newton> | (ReturnType<typeof lbfgs> & { algorithm: 'L-BFGS' });
    if (algorithm === 'newton') result = newton();
    else {
      result = { ...lbfgs(objective, theta0, { maxit: o.maxIterations, stopWhen }), algorithm: 'L-BFGS' };
      if (result.message.startsWith('Line search failed') && o.algorithm === 'auto') {
        notes.push(`L-BFGS: ${result.message}. Falling back to Newton's method, as R prophet does.`);
        result = newton();
      }
    }
    if (!result.converged) notes.push(`${result.algorithm} stopped before converging: ${result.message}.`);
    theta = result.x;
    optimizer = {
      algorithm: result.algorithm,
      iterations: result.iterations,
      evaluations: result.evaluations,
      converged: result.converged,
      message: result.message,
      objective: result.value,
    };
  }
  const sigmaObs = Math.exp(theta[at.logSigma]);
  let k = theta[at.k];
  let delta = theta.slice(at.delta, at.delta + S);
  if (noChangepoints) {
    k += delta[0];
    delta = [0];
  }
  const map = { k, m: theta[at.m], delta, beta: theta.slice(at.beta, at.beta + K), sigmaObs };
  const scaling = { yScale, start: formatDates([startTime])[0], startTime, tScale, logisticFloor };
  const state = { growth, map, scaling, changepointsT, ...spec };
  const { components, yhat } = decomposeProphet(state, times, cap, floor, regressorValues);

  const stepDays = 'months' in step ? step.months * 30.4375 : step.ms / DAY_MS;
  const longest = Math.max(0, ...seasonalities.map((s) => s.period));
  return {
    kind: 'prophet',
    method: `Prophet(${growth}, ${mode})`,
    period: longest > 0 ? Math.max(1, Math.round(longest / stepDays)) : 1,
    n,
    params: { k: map.k, m: map.m, sigma_obs: sigmaObs },
    fitted: yhat,
    residuals: y.map((v, i) => v - yhat[i]),
    sigma2: (sigmaObs * yScale) ** 2,
    growth,
    seasonalityMode: mode,
    dates: formatDates(times),
    times,
    step,
    map,
    scaling,
    changepoints: formatDates(changepointTimes),
    changepointsT,
    changepointPriorScale: o.changepointPriorScale,
    ...spec,
    columns,
    components,
    cap,
    floor,
    intervalWidth: o.intervalWidth,
    uncertaintySamples: o.uncertaintySamples,
    seed: o.seed,
    optimizer,
    notes,
  };
}

/** The observation times and the spacing of the horizon. */
function observationTimes(
  n: number,
  dates: ProphetOptions['dates'],
  start: NonNullable<ProphetOptions['start']>,
  spacing: ProphetSpacing | undefined,
): { times: number[]; step: ProphetFit['step'] } {
  if (!dates)
    return { times: syntheticTimes(start, spacing ?? 'month', n), step: spacingStep(spacing ?? 'month') };
  if (dates.length !== n)
    throw new RangeError(`prophet got ${dates.length} dates for ${n} values: give one date per value`);
  const times = dates.map((d, i) => parseDate(d, `dates[${i}]`));
  for (let i = 1; i < n; i++) {
    if (times[i] === times[i - 1])
      throw new RangeError(
        `dates[${i - 1}] and dates[${i}] are both ${formatDates([times[i]])[0]}: each date must appear once (aggregate duplicates first)`,
      );
    if (times[i] < times[i - 1])
      throw new RangeError(
        `dates are not in increasing order: dates[${i}] (${formatDates([times[i]])[0]}) comes before dates[${i - 1}] (${formatDates([times[i - 1]])[0]}); sort the series by date first`,
      );
  }
  return { times, step: spacing ? spacingStep(spacing) : inferStep(times) };
}

function perObservation(value: number | readonly number[], n: number, what: string): number[] {
  const out = typeof value === 'number' ? new Array<number>(n).fill(value) : Array.from(value);
  if (out.length !== n) throw new RangeError(`${what} has ${out.length} values for ${n} observations`);
  out.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`${what}[${i}] is ${v}: must be a finite number`);
  });
  return out;
}

function checkGrowth(growth: unknown): ProphetGrowth {
  if (growth !== 'linear' && growth !== 'logistic' && growth !== 'flat')
    throw new RangeError(
      `invalid growth: ${JSON.stringify(growth)} (must be 'linear', 'logistic' or 'flat')`,
    );
  return growth;
}

function checkAlgorithm(algorithm: unknown): 'lbfgs' | 'newton' {
  if (algorithm !== 'lbfgs' && algorithm !== 'newton')
    throw new RangeError(
      `invalid algorithm: ${JSON.stringify(algorithm)} (must be 'auto', 'lbfgs' or 'newton')`,
    );
  return algorithm;
}

function positive(value: number, name: string): void {
  if (!(Number.isFinite(value) && value > 0))
    throw new RangeError(`invalid ${name}: ${value} (must be a number > 0)`);
}

function wholeNumber(value: number, name: string, min: number): void {
  if (!(Number.isInteger(value) && value >= min))
    throw new RangeError(`invalid ${name}: ${value} (must be a whole number ≥ ${min})`);
}
