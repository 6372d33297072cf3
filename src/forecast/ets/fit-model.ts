/**
 * Estimates one ETS model (R's `forecast:::etsmodel`): smoothing parameters and initial states are
 * chosen together by Nelder–Mead on the criterion (the likelihood by default), from R's starting
 * values, with R's tolerance (√ε) and budget (2000 evaluations); then the model is run once more to
 * get states, errors and information criteria (Hyndman et al. 2008, §5.1–5.2, §7.1).
 */
import { nelderMead } from '../../stats/nelder-mead.ts';
import { initialStates } from './initial-states.ts';
import { componentCode, EtsObjective } from './objective.ts';
import {
  narrowBounds,
  paramProblem,
  startingParams,
  type Bounds,
  type SmoothingParams,
} from './parameters.ts';
import { etsCalc, EtsWorkspace } from './recursion.ts';
import type { EtsComponents, EtsOptCrit } from './types.ts';

/** Settings shared by every candidate model. */
export interface ModelSettings {
  fixed: SmoothingParams;
  lower: Bounds;
  upper: Bounds;
  optCrit: EtsOptCrit;
  nmse: number;
  bounds: 'both' | 'usual' | 'admissible';
  maxit: number;
}

/** One estimated model, before it is dressed as an `EtsFit`. */
export interface ModelRun {
  components: EtsComponents;
  /** Seasonal period of the model (1 without season). */
  m: number;
  params: SmoothingParams;
  /** The full initial state, the implied seasonal state included. */
  x0: number[];
  /** −2·log L without constants. */
  lik: number;
  /** Parameters counted by AIC/AICc/BIC (estimated ones and σ). */
  npar: number;
  /** Parameters counted by R's σ² denominator (estimated and fixed, without σ). */
  nparTotal: number;
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  mse: number;
  amse: number;
  innovations: Float64Array;
  fitted: Float64Array;
  /** (n + 1) rows of the state vector. */
  states: Float64Array;
}

/** Fits one model; `null` when it has at least n − 1 parameters (R's "not enough data"). */
export function fitEtsModel(
  y: readonly number[],
  frequency: number,
  components: EtsComponents,
  settings: ModelSettings,
): ModelRun | null {
  const { trend, season, damped } = components;
  const m = season === 'N' ? 1 : frequency;
  const fixed = applicable(settings.fixed, components);
  const [lower, upper] = narrowBounds(settings.fixed, settings.lower, settings.upper);
  const start = startingParams(fixed, trend, season, damped, lower, upper, m);
  const current = { ...fixed, ...start };
  const problem = paramProblem(current, lower, upper, settings.bounds, m);
  if (problem !== null) throw new RangeError(`parameters out of range: ${problem}`);
  const states0 = initialStates(y, frequency, trend, season);
  const startVector = [start.alpha, start.beta, start.gamma, start.phi].filter((v) => v !== undefined);
  const par = [...startVector, ...states0];
  if (par.length >= y.length - 1) return null;
  const objective = new EtsObjective(
    y,
    m,
    components,
    fixed,
    lower,
    upper,
    settings.optCrit,
    settings.nmse,
    settings.bounds,
  );
  const opt = nelderMead((x) => objective.evaluate(x), par, { maxit: settings.maxit });
  let j = 0;
  const params: SmoothingParams = {
    alpha: start.alpha === undefined ? fixed.alpha : opt.x[j++],
  };
  if (trend !== 'N') params.beta = start.beta === undefined ? fixed.beta : opt.x[j++];
  if (season !== 'N') params.gamma = start.gamma === undefined ? fixed.gamma : opt.x[j++];
  if (damped) params.phi = start.phi === undefined ? fixed.phi : opt.x[j++];
  const x0 = withImpliedSeason(opt.x.slice(j), components, m);
  const nFixed = Object.values(settings.fixed).filter((v) => v !== undefined).length;
  return runModel(y, m, components, params, x0, par.length + 1, par.length + nFixed, settings.nmse);
}

/** Runs a model with known parameters and initial state (R's `pegelsresid.C` and the criteria). */
export function runModel(
  y: readonly number[],
  m: number,
  components: EtsComponents,
  params: SmoothingParams,
  x0: number[],
  npar: number,
  nparTotal: number,
  nmse: number,
): ModelRun {
  const n = y.length;
  const ws = new EtsWorkspace(y, m);
  const states = new Float64Array((n + 1) * x0.length);
  const lik = etsCalc(
    ws,
    m,
    componentCode(components.error),
    componentCode(components.trend),
    componentCode(components.season),
    params.alpha ?? NaN,
    params.beta ?? 0,
    params.gamma ?? 0,
    components.damped ? (params.phi ?? NaN) : 1,
    x0,
    nmse,
    states,
  );
  const aic = lik + 2 * npar;
  let amse = 0;
  for (let h = 0; h < nmse; h++) amse += ws.amse[h];
  return {
    components,
    m,
    params,
    x0,
    lik,
    npar,
    nparTotal,
    loglik: -0.5 * lik,
    aic,
    bic: lik + Math.log(n) * npar,
    aicc: aic + (2 * npar * (npar + 1)) / (n - npar - 1),
    mse: ws.amse[0],
    amse: amse / nmse,
    innovations: ws.e,
    fitted: ws.fitted,
    states,
  };
}

/** Appends the seasonal state implied by normalisation (Σs = 0, or m when multiplicative). */
export function withImpliedSeason(free: number[], components: EtsComponents, m: number): number[] {
  if (components.season === 'N') return free;
  const first = components.trend === 'N' ? 1 : 2;
  let sum = 0;
  for (let k = first; k < free.length; k++) sum += free[k];
  return [...free, (components.season === 'M' ? m : 0) - sum];
}

/** The fixed parameters this model uses. */
function applicable(fixed: SmoothingParams, { trend, season, damped }: EtsComponents): SmoothingParams {
  return {
    alpha: fixed.alpha,
    beta: trend === 'N' ? undefined : fixed.beta,
    gamma: season === 'N' ? undefined : fixed.gamma,
    phi: damped ? fixed.phi : undefined,
  };
}
