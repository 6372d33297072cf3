/**
 * Holt–Winters filtering as `stats::HoltWinters` (Holt, "Forecasting seasonals and trends by
 * exponentially weighted moving averages", ONR memo 1957, reprinted *IJF* 20(1), 2004; Winters 1960;
 * Hyndman et al. 2008, §2.1–2.3), which differs from `forecast::hw`:
 * - start values from the data, not estimated: a classical decomposition of the first two periods
 *   gives the seasonal figure and, through a line fitted to its trend, ℓ and b; fitting starts at
 *   observation m + 1 (without season: ℓ = y₂, b = y₂ − y₁, from observation 3);
 * - the seasonal update uses the new level; α, β, γ ∈ [0, 1] minimise the sum of squared one-step
 *   errors, by L-BFGS-B from (0.3, 0.1, 0.1), or by `optimize` when one parameter is free.
 */
import { checkPeriod, checkSeries, type FittedModel } from '../model.ts';
import { lbfgsb } from '../../stats/optim-lbfgsb.ts';
import { brentMinimize } from '../../stats/optim-brent.ts';
import { classicalDecomposition } from '../../stats/decompose.ts';
import { fitLine } from './least-squares.ts';
import { runHoltWintersFilter } from './holt-winters-filter.ts';

/** Options of {@link fitHoltWintersClassic}; defaults are `stats::HoltWinters`'. */
export interface HoltWintersClassicOptions {
  /** Seasonal period; with period 1 the model has no season. Default 1. */
  period?: number;
  /** `'additive'` or `'multiplicative'` season. Default `'additive'`. */
  seasonal?: 'additive' | 'multiplicative';
  /** Level smoothing in (0, 1]. Default: estimated. */
  alpha?: number;
  /** Trend smoothing in [0, 1], or `false` for no trend. Default: estimated. */
  beta?: number | false;
  /** Seasonal smoothing in [0, 1], or `false` for no season. Default: estimated (false when period is 1). */
  gamma?: number | false;
  /** Periods used for the seasonal start values (R's `start.periods`), ≥ 2. Default 2. */
  startPeriods?: number;
  /** Starting point of the optimiser (R's `optim.start`). Default α 0.3, β 0.1, γ 0.1. */
  optimStart?: { alpha: number; beta: number; gamma: number };
}

export const holtWintersClassicDefaults = {
  period: 1,
  seasonal: 'additive' as 'additive' | 'multiplicative',
  startPeriods: 2,
  optimStart: { alpha: 0.3, beta: 0.1, gamma: 0.1 },
};

/** A fitted `stats::HoltWinters` model. */
export interface HoltWintersClassicFit extends FittedModel {
  kind: 'holt-winters-classic';
  seasonal: 'additive' | 'multiplicative' | 'none';
  trend: boolean;
  /** R's `coefficients`: level a, slope b and seasonal s₁…s_m at the end of the series. */
  coefficients: { a: number; b?: number; s?: number[] };
  /** Sum of squared one-step errors over the fitted part. */
  sse: number;
  /** Start values the filter began from (R's `l.start`, `b.start`, `s.start`). */
  start: { level: number; trend?: number; season?: number[]; time: number };
}

/** Fits Holt–Winters filtering by least squares, as `stats::HoltWinters(x, …)`. */
export function fitHoltWintersClassic(
  values: ArrayLike<number>,
  options: HoltWintersClassicOptions = {},
): HoltWintersClassicFit {
  const o = { ...holtWintersClassicDefaults, ...options };
  const f = checkPeriod(o.period);
  const doSeason = o.gamma !== false && !(f === 1 && o.gamma === undefined);
  const doTrend = o.beta !== false;
  const x = checkSeries(values, { minLength: doSeason ? 2 * f + 1 : 3, model: 'HoltWinters' });
  for (const [name, v] of [
    ['alpha', o.alpha],
    ['beta', o.beta],
    ['gamma', o.gamma],
  ] as const) {
    if (typeof v === 'number' && !(v >= 0 && v <= 1)) {
      throw new RangeError(`invalid fixed parameter: ${name} = ${v} is outside its bounds [0, 1]`);
    }
  }
  if (o.alpha === 0)
    throw new RangeError('invalid fixed parameter: alpha = 0 (HoltWinters cannot fit a model without level)');
  if (doSeason && f === 1)
    throw new RangeError('invalid period: 1 for a seasonal HoltWinters (set gamma: false or a period ≥ 2)');
  if (doSeason && o.seasonal === 'multiplicative' && x.some((v) => v === 0)) {
    throw new RangeError('multiplicative HoltWinters needs non-zero data');
  }
  if (doSeason && (!Number.isInteger(o.startPeriods) || o.startPeriods < 2)) {
    throw new RangeError(`invalid startPeriods: ${o.startPeriods} (must be an integer ≥ 2)`);
  }
  const additive = !doSeason || o.seasonal === 'additive';
  let start: HoltWintersClassicFit['start'];
  if (!doSeason) {
    start = doTrend ? { level: x[1], trend: x[1] - x[0], time: 3 } : { level: x[0], time: 2 };
  } else {
    const wind = o.startPeriods * f;
    if (x.length < wind)
      throw new RangeError(`series too short for the season: needs ${wind} observations, got ${x.length}`);
    const st = classicalDecomposition(x.slice(0, wind), f, {
      type: additive ? 'additive' : 'multiplicative',
    });
    const dat = Array.from(st.trend).filter((v) => !Number.isNaN(v));
    const [level, slope] = fitLine(
      dat.map((_, i) => i + 1),
      dat,
    );
    start = { level, trend: doTrend ? slope : undefined, season: st.figure, time: f + 1 };
  }
  const filter = (alpha: number, beta: number, gamma: number, record: boolean) =>
    runHoltWintersFilter(x, clamp01(alpha), clamp01(beta), clamp01(gamma), {
      startTime: start.time,
      additive,
      period: f,
      doTrend,
      doSeason,
      level: start.level,
      trend: start.trend ?? 0,
      season: start.season ?? [0],
      record,
    });
  const sse = (alpha: number, beta: number, gamma: number): number => filter(alpha, beta, gamma, false).sse;
  const p: Record<'alpha' | 'beta' | 'gamma', number | undefined> = {
    alpha: o.alpha,
    beta: o.beta === false ? 0 : o.beta,
    gamma: o.gamma === false || !doSeason ? 0 : o.gamma,
  };
  const free = (['alpha', 'beta', 'gamma'] as const).filter((k) => p[k] === undefined);
  const value = (k: 'alpha' | 'beta' | 'gamma', v: ArrayLike<number>): number =>
    p[k] === undefined ? v[free.indexOf(k)] : (p[k] ?? 0);
  const objective = (v: ArrayLike<number>): number =>
    sse(value('alpha', v), value('beta', v), value('gamma', v));
  if (free.length === 1) {
    const best = brentMinimize((u) => objective([u]), 0, 1).x;
    p[free[0]] = best;
  } else if (free.length > 1) {
    const sol = lbfgsb(
      (v) => objective(v),
      free.map((k) => o.optimStart[k]),
      { lower: 0, upper: 1 },
    );
    free.forEach((k, i) => (p[k] = sol.x[i]));
  }
  const alpha = p.alpha ?? NaN;
  const beta = p.beta ?? 0;
  const gamma = p.gamma ?? 0;
  const run = filter(alpha, beta, gamma, true);
  const fitted = new Array<number>(x.length).fill(NaN);
  for (let i = start.time - 1; i < x.length; i++) fitted[i] = run.xhat[i];
  const residuals = x.map((v, i) => v - fitted[i]);
  const used = residuals.slice(start.time - 1);
  const mean = used.reduce((a, b) => a + b, 0) / used.length;
  const params: Record<string, number> = { alpha };
  if (doTrend) params.beta = beta;
  if (doSeason) params.gamma = gamma;
  return {
    kind: 'holt-winters-classic',
    method: 'HoltWinters',
    period: doSeason ? f : 1,
    n: x.length,
    params,
    fitted,
    residuals,
    sigma2: used.reduce((a, r) => a + (r - mean) ** 2, 0) / (used.length - 1),
    seasonal: doSeason ? (additive ? 'additive' : 'multiplicative') : 'none',
    trend: doTrend,
    coefficients: { a: run.a, ...(doTrend ? { b: run.b } : {}), ...(doSeason ? { s: run.s } : {}) },
    sse: run.sse,
    start,
  };
}

function clamp01(v: number): number {
  return Math.max(Math.min(v, 1), 0);
}
