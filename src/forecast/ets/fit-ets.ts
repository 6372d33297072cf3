/**
 * `fitEts`: exponential smoothing state space models with automatic selection, as `forecast::ets()`
 * (Hyndman, Koehler, Snyder & Grose 2002; Hyndman et al. 2008, §7.2): every admissible combination
 * of error, trend and season is estimated by maximum likelihood and the one with the smallest AICc
 * (by default) is kept — 15 candidates for positive seasonal data, multiplicative trends excluded.
 */
import { checkPeriod, checkSeries } from '../model.ts';
import { fitEtsModel, runModel, type ModelRun, type ModelSettings } from './fit-model.ts';
import { etsMethodName, isRestricted, parseModelCode } from './model-code.ts';
import { toEtsFit } from './to-ets-fit.ts';
import { resolveOptions, type ResolvedEtsOptions } from './resolve-options.ts';
import type {
  EtsCandidate,
  EtsComponents,
  EtsFit,
  EtsOptions,
  ErrorType,
  SeasonType,
  TrendType,
} from './types.ts';

/** Fits an ETS model to `values` (oldest first). See {@link EtsOptions} for the options and defaults. */
export function fitEts(values: ArrayLike<number>, options: EtsOptions = {}): EtsFit {
  const opts = resolveOptions(options);
  const m = checkPeriod(opts.period);
  const y = checkSeries(values, { minLength: 1, model: 'ETS' });
  const n = y.length;
  const code = parseModelCode(opts.model);
  if (options.model === undefined && n > 0 && y.every((v) => v === y[0])) {
    // R: a constant series gets simple exponential smoothing with α = 0.99999 and ℓ₀ = y₁.
    const components: EtsComponents = { error: 'A', trend: 'N', season: 'N', damped: false };
    const run = runModel(y, 1, components, { alpha: 0.99999 }, [y[0]], 3, 2, opts.nmse);
    return toEtsFit(y, run, undefined);
  }
  let season = code.season;
  if (season === 'Z' && (m === 1 || n <= m || m > 24)) season = 'N';
  if (m === 1 && (season === 'A' || season === 'M')) {
    throw new RangeError(`a seasonal model (season ${season}) needs period ≥ 2; this series has period 1`);
  }
  if (m > 24 && season !== 'N') {
    throw new RangeError(
      `invalid period: ${m} for a seasonal ETS model (must be ≤ 24; use STL for longer seasons)`,
    );
  }
  if (season !== 'N' && season !== 'Z' && n <= m) {
    throw new RangeError(
      `series too short for the season: ${n} observations, period ${m} (need more than ${m})`,
    );
  }
  const positive = y.every((v) => v > 0);
  if (code.error === 'M' && !positive) {
    checkSeries(y, { positive: true, model: `an ETS model with multiplicative errors (${opts.model})` });
  }
  if (opts.restrict && code.error !== 'Z' && code.trend !== 'Z' && season !== 'Z') {
    if (isRestricted(code.error, code.trend, season)) {
      throw new RangeError(
        `forbidden model combination: ${code.error}${code.trend}${season} has infinite forecast variance (set restrict: false to fit it anyway)`,
      );
    }
  }
  if (opts.damped === true && code.trend === 'N') {
    throw new RangeError('forbidden model combination: damped: true needs a trend (trend A, M or Z)');
  }
  if (opts.initialStates !== undefined) return fitWithGivenStates(y, m, code, season, opts);
  const npars =
    2 + (code.trend === 'A' || code.trend === 'M' ? 2 : 0) + (season === 'A' || season === 'M' ? m : 0);
  if (n <= npars + (opts.damped ? 1 : 0) + 4) {
    throw new RangeError(
      `series too short: ETS(${code.error},${code.trend},${season}) needs more than ${npars + (opts.damped ? 1 : 0) + 4} observations with period ${m}, got ${n}; use a simpler model`,
    );
  }
  const settings: ModelSettings = {
    fixed: { alpha: opts.alpha, beta: opts.beta, gamma: opts.gamma, phi: opts.phi },
    lower: [...opts.lower],
    upper: [...opts.upper],
    optCrit: opts.optCrit,
    nmse: opts.nmse,
    bounds: opts.bounds,
    maxit: opts.maxit,
  };
  const errors: ErrorType[] = code.error === 'Z' ? ['A', 'M'] : [code.error];
  const trends: TrendType[] =
    code.trend === 'Z' ? (opts.allowMultiplicativeTrend ? ['N', 'A', 'M'] : ['N', 'A']) : [code.trend];
  const seasons: SeasonType[] = season === 'Z' ? ['N', 'A', 'M'] : [season];
  const dampings = opts.damped === null ? [true, false] : [opts.damped];
  const candidates: EtsCandidate[] = [];
  const failures: string[] = [];
  let best: ModelRun | null = null;
  let bestIc = Infinity;
  for (const error of errors) {
    for (const trend of trends) {
      for (const s of seasons) {
        for (const damped of dampings) {
          if (trend === 'N' && damped) continue;
          if (opts.restrict && isRestricted(error, trend, s)) continue;
          if (opts.additiveOnly && (error === 'M' || trend === 'M' || s === 'M')) continue;
          if (!positive && error === 'M') continue;
          const components: EtsComponents = { error, trend, season: s, damped };
          const method = etsMethodName(components);
          let run: ModelRun | null = null;
          try {
            run = fitEtsModel(y, m, components, settings);
          } catch (e) {
            failures.push(`${method}: ${e instanceof Error ? e.message : String(e)}`);
          }
          candidates.push(candidate(method, run));
          const ic = run === null ? Infinity : run[opts.ic];
          if (!Number.isNaN(ic) && ic < bestIc) {
            best = run;
            bestIc = ic;
          }
        }
      }
    }
  }
  if (best === null) {
    const reasons =
      failures.length > 0 ? `: ${failures.join('; ')}` : ' (too few observations for every candidate)';
    throw new RangeError(`no ETS model could be fitted${reasons}`);
  }
  return toEtsFit(y, best, candidates.length > 1 ? candidates : undefined);
}

function candidate(method: string, run: ModelRun | null): EtsCandidate {
  if (run === null || !Number.isFinite(run.aicc))
    return { method, aicc: null, aic: null, bic: null, loglik: null };
  return { method, aicc: run.aicc, aic: run.aic, bic: run.bic, loglik: run.loglik };
}

/** R's `use.initial.values = TRUE`: nothing is estimated, the model is only run. */
function fitWithGivenStates(
  y: number[],
  m: number,
  code: ReturnType<typeof parseModelCode>,
  season: SeasonType | 'Z',
  opts: ResolvedEtsOptions,
): EtsFit {
  const { error, trend } = code;
  if (error === 'Z' || trend === 'Z' || season === 'Z') {
    throw new RangeError(`initialStates needs a fully specified model, got ${opts.model}`);
  }
  const components: EtsComponents = { error, trend, season, damped: opts.damped === true };
  const given = opts.initialStates;
  const required: [string, number | undefined][] = [['alpha', opts.alpha]];
  if (trend !== 'N') required.push(['beta', opts.beta], ['initialStates.trend', given?.trend]);
  if (season !== 'N') required.push(['gamma', opts.gamma]);
  if (components.damped) required.push(['phi', opts.phi]);
  const missing = required.filter(([, v]) => v === undefined).map(([k]) => k);
  if (given === undefined || missing.length > 0) {
    throw new RangeError(`initialStates fixes the model, so it also needs ${missing.join(', ')}`);
  }
  const mm = season === 'N' ? 1 : m;
  const seasonStates = season === 'N' ? [] : (given.season ?? []);
  if (seasonStates.length !== (season === 'N' ? 0 : m)) {
    throw new RangeError(`initialStates.season needs ${m} values (the period), got ${seasonStates.length}`);
  }
  const x0 = [given.level, ...(trend === 'N' ? [] : [given.trend ?? NaN]), ...seasonStates];
  if (!x0.every(Number.isFinite)) throw new RangeError('initialStates must be finite numbers');
  const params = { alpha: opts.alpha, beta: opts.beta, gamma: opts.gamma, phi: opts.phi };
  const nSmoothing = required.filter(([k]) => !k.startsWith('initial')).length;
  const nStates = 1 + (trend === 'N' ? 0 : 1) + (season === 'N' ? 0 : m - 1);
  const run = runModel(
    y,
    mm,
    components,
    params,
    x0,
    nSmoothing + nStates + 1,
    nSmoothing + nStates,
    opts.nmse,
  );
  return toEtsFit(y, run, undefined);
}
