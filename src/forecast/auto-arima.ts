/**
 * `autoArima`: the automatic ARIMA of Hyndman & Khandakar ("Automatic time series forecasting: the
 * forecast package for R", *Journal of Statistical Software* 27(3), 2008), step for step as R forecast
 * 8.20's `auto.arima` with its defaults (*FPP3* §9.7):
 * 1. D by the seasonal-strength test (`nsdiffs`, F_S > 0.64; OCSB as an option), none when n ≤ 2m;
 *    d by repeated KPSS tests at 5 % on the seasonally differenced series (`ndiffs`);
 * 2. a constant or a series constant after differencing gets its model without a search;
 * 3. the limits capped at n/3 (n/3m seasonal) and, with a season, p and q below m;
 * 4. with more than 150 observations or a period above 12, an approximate search: conditional sums
 *    of squares, scored with R's offset (−2·loglik − n·log σ² of the white-noise model (0,d,0)(0,D,0));
 * 5. drift allowed when d + D = 1, a mean when d + D = 0;
 * 6. the stepwise (or full) search of auto-arima-search.ts on AICc, rejecting failed fits and roots
 *    with |z| < 1.01 (auto-arima-candidate.ts); an approximate search's best models refitted by CSS-ML.
 * Not offered: R's `xreg`, `lambda` (Box–Cox), `truncate`, `parallel`, and missing values.
 */
import { isConstant } from '../stats/is-constant.ts';
import { difference, ndiffs, type DifferencingResult } from '../stats/ndiffs.ts';
import { nsdiffs } from '../stats/nsdiffs.ts';
import { fitArimaOrder } from './arima-fit-order.ts';
import type { ArimaFit, ArimaMethod } from './arima-types.ts';
import { arimaFitOf } from './arima.ts';
import { type CandidateContext } from './auto-arima-candidate.ts';
import { fixedArimaFit } from './auto-arima-fixed.ts';
import { fullSearch, stepwiseSearch } from './auto-arima-search.ts';
import {
  autoArimaDefaults,
  type AutoArimaFit,
  type AutoArimaOptions,
  type AutoArimaSearch,
} from './auto-arima-types.ts';
import { checkPeriod, checkSeries } from './model.ts';

const methods: readonly ArimaMethod[] = ['CSS-ML', 'ML', 'CSS'];

/** Chooses and fits an ARIMA model for `values` (oldest first). See {@link AutoArimaOptions}. */
export function autoArima(values: ArrayLike<number>, options: AutoArimaOptions = {}): AutoArimaFit {
  const o = resolveOptions(options);
  const y = checkSeries(values, { minLength: 1, model: 'autoArima' });
  const n = y.length;
  const base = {
    ndiffs: null,
    nsdiffs: null,
    stepwise: o.stepwise,
    approximation: false,
    offset: 0,
    allowDrift: false,
    allowMean: false,
    models: [],
  };
  if (isConstant(y)) {
    // R: ARIMA(0,0,0) with the mean fixed at the series' value (or zero mean).
    const fit = fixedArimaFit(y, { d: 0, D: 0, m: 1 }, o.allowMean ? { intercept: y[0] } : {});
    const limits = { maxp: 0, maxq: 0, maxP: 0, maxQ: 0 };
    return { ...fit, search: { ...base, d: 0, D: 0, ic: o.ic, limits, how: 'constant' } };
  }
  const m = o.seasonal ? o.period : 1;
  let { maxp, maxq, maxP, maxQ } = o;
  maxp = Math.min(maxp, Math.floor(n / 3));
  maxq = Math.min(maxq, Math.floor(n / 3));
  maxP = Math.min(maxP, Math.floor(n / 3 / m));
  maxQ = Math.min(maxQ, Math.floor(n / 3 / m));
  const ic = n <= 3 ? 'aic' : o.ic;

  // 1. Differencing: D first, then d on the seasonally differenced series.
  let d = o.stationary ? 0 : o.d;
  let D = o.stationary ? 0 : o.D;
  let nsdiffsResult: DifferencingResult | null = null;
  let ndiffsResult: DifferencingResult | null = null;
  if (m === 1) {
    D = 0;
    maxP = 0;
    maxQ = 0;
  } else if (D === undefined && n <= 2 * m) {
    D = 0;
  } else if (D === undefined) {
    nsdiffsResult = nsdiffs(y, m, { test: o.seasonalTest, maxD: o.maxD });
    D = nsdiffsResult.differences;
  }
  D ??= 0;
  let dx = y;
  for (let i = 0; i < D; i++) dx = difference(dx, m);
  if (d === undefined) {
    ndiffsResult = ndiffs(dx, { test: o.test, alpha: o.alpha, maxD: o.maxd });
    d = ndiffsResult.differences;
  }
  for (let i = 0; i < d; i++) dx = difference(dx);
  const limits = { maxp, maxq, maxP, maxQ };
  const tests = { ndiffs: ndiffsResult, nsdiffs: nsdiffsResult };

  // 2. Constant after differencing: R's fixed models.
  if (dx.length === 0) {
    throw new RangeError(
      `not enough data: ${n} observations leave none after ${d} difference(s) and ${D} seasonal difference(s) at lag ${m}`,
    );
  }
  if (isConstant(dx)) {
    const mean = dx.reduce((s, v) => s + v, 0) / dx.length;
    let fit: ArimaFit;
    if (D > 0 && d === 0) fit = fixedArimaFit(y, { d, D, m }, { drift: mean / m });
    else if (D > 0 || d === 2) fit = fixedArimaFit(y, { d, D, m });
    else if (d < 2) fit = fixedArimaFit(y, { d, D, m }, d === 0 ? { intercept: mean } : { drift: mean });
    else throw new RangeError('the data follow a simple polynomial and are not suitable for ARIMA modelling');
    return { ...fit, search: { ...base, ...tests, d, D, ic, limits, how: 'constant-difference' } };
  }

  // 3.–5. Limits, approximation and constants.
  if (m > 1) {
    if (maxP > 0) maxp = Math.min(maxp, m - 1);
    if (maxQ > 0) maxq = Math.min(maxq, m - 1);
  }
  const approximation = o.approximation ?? (n > 150 || o.period > 12);
  const offset = approximation ? whiteNoiseOffset(y, d, D, m) : 0;
  const allowDrift = o.allowDrift && d + D === 1;
  const allowMean = o.allowMean && d + D === 0;
  const ctx: CandidateContext = {
    y,
    d,
    D,
    m,
    ic,
    method: o.method ?? (approximation ? 'CSS' : 'CSS-ML'),
    offset,
  };
  const settings = {
    maxp,
    maxq,
    maxP,
    maxQ,
    maxOrder: o.maxOrder,
    startp: o.startp,
    startq: o.startq,
    startP: o.startP,
    startQ: o.startQ,
    nmodels: o.nmodels,
    constant: allowDrift || allowMean,
    approximation,
    exactMethod: o.method ?? 'CSS-ML',
  };

  // 6. The search.
  const { best, models } = (o.stepwise ? stepwiseSearch : fullSearch)(ctx, settings);
  const search: AutoArimaSearch = {
    d,
    D,
    ...tests,
    ic,
    stepwise: o.stepwise,
    approximation,
    offset,
    limits: { maxp, maxq, maxP, maxQ },
    allowDrift,
    allowMean,
    models,
    how: 'search',
  };
  if (!best?.fitted) {
    const reasons = [...new Set(models.map((r) => r.message).filter(Boolean))].slice(0, 3);
    throw new RangeError(
      `no suitable ARIMA model found: all ${models.length} models tried failed or were rejected` +
        (reasons.length ? ` (${reasons.join('; ')})` : '') +
        '; try a longer series, fixed d and D, or a simpler model with fitArima',
    );
  }
  return { ...arimaFitOf(best.fitted.spec, best.fitted.estimate), search };
}

/**
 * R's `offset`: −2·loglik − n·log σ² of the white-noise model (0,d,0)(0,D,0) (a mean when d = D = 0),
 * which puts the CSS criterion on the scale of the likelihood one; 0 when that fit fails (as R).
 */
function whiteNoiseOffset(y: number[], d: number, D: number, m: number): number {
  try {
    const fit = fitArimaOrder(y, { period: m, order: [0, d, 0], seasonal: m > 1 ? [0, D, 0] : [0, 0, 0] });
    const offset = -2 * fit.loglik - y.length * Math.log(fit.sigma2Arima);
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}

type Resolved = typeof autoArimaDefaults & {
  d?: number;
  D?: number;
  approximation?: boolean;
  method?: ArimaMethod;
};

/** Checks the options; a RangeError names the option and what it must be. */
function resolveOptions(options: AutoArimaOptions): Resolved {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o = { ...autoArimaDefaults, ...(defined as AutoArimaOptions) } as Resolved;
  checkPeriod(o.period);
  const whole = (name: keyof AutoArimaOptions, min = 0) => {
    const v = o[name as keyof Resolved];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
      throw new RangeError(`invalid ${name}: ${String(v)} (must be a whole number ≥ ${min})`);
  };
  for (const name of [
    'd',
    'D',
    'maxp',
    'maxq',
    'maxP',
    'maxQ',
    'maxOrder',
    'maxd',
    'maxD',
    'startp',
    'startq',
    'startP',
    'startQ',
  ] as const)
    whole(name);
  whole('nmodels', 1);
  const oneOf = (name: string, v: unknown, allowed: readonly unknown[]) => {
    if (!allowed.includes(v))
      throw new RangeError(
        `invalid ${name}: ${JSON.stringify(v)} (must be one of ${allowed.map((a) => String(a)).join(', ')})`,
      );
  };
  oneOf('ic', o.ic, ['aicc', 'aic', 'bic']);
  oneOf('test', o.test, ['kpss', 'adf', 'pp']);
  oneOf('seasonalTest', o.seasonalTest, ['seas', 'ocsb']);
  if (o.method !== undefined) oneOf('method', o.method, methods);
  for (const name of ['stationary', 'seasonal', 'stepwise', 'allowDrift', 'allowMean'] as const)
    oneOf(name, o[name], [true, false]);
  if (o.approximation !== undefined) oneOf('approximation', o.approximation, [true, false]);
  if (!(o.alpha >= 0.01 && o.alpha <= 0.1))
    throw new RangeError(
      `invalid alpha: ${o.alpha} (must be from 0.01 to 0.1, the range the KPSS tables cover)`,
    );
  if ((o.D ?? 0) > 0 && o.period < 2)
    throw new RangeError(`D = ${o.D} needs a seasonal period ≥ 2, got period ${o.period}`);
  return o;
}
