/**
 * Types and defaults of the ETS family: exponential smoothing as innovations state space models,
 * error A/M × trend N/A/Ad/M × season N/A/M (Hyndman, Koehler, Snyder & Grose, "A state space
 * framework for automatic forecasting using exponential smoothing methods", *IJF* 18(3), 2002;
 * Hyndman, Koehler, Ord & Snyder, *Forecasting with Exponential Smoothing: The State Space
 * Approach*, Springer 2008, ch. 2 (taxonomy) and ch. 5 (estimation and selection)).
 */
import type { FittedModel } from '../model.ts';

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'M';
export type SeasonType = 'N' | 'A' | 'M';

/** A model code as `forecast::ets(model = …)`: error, trend, season; `Z` = select automatically. */
export type EtsModelCode = `${ErrorType | 'Z'}${TrendType | 'Z'}${SeasonType | 'Z'}`;

/** The components of one ETS model. */
export interface EtsComponents {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  damped: boolean;
}

/** What the optimiser minimises (R's `opt.crit`). */
export type EtsOptCrit = 'lik' | 'amse' | 'mse' | 'sigma' | 'mae';

/** Options of `fitEts`; every default is `forecast::ets()`'s. */
export interface EtsOptions {
  /** Seasonal period (R's `frequency(y)`): 12 monthly, 4 quarterly, 1 none. Default 1. */
  period?: number;
  /** Model code, e.g. `'MAM'`; `Z` letters are selected by the information criterion. Default `'ZZZ'`. */
  model?: EtsModelCode;
  /** `true` damped trend, `false` not, `null` try both. Default `null`. */
  damped?: boolean | null;
  /** Fixed smoothing parameters (estimated when absent). */
  alpha?: number;
  beta?: number;
  gamma?: number;
  phi?: number;
  /** Lower bounds of (α, β, γ, φ). Default `[1e-4, 1e-4, 1e-4, 0.8]`. */
  lower?: readonly [number, number, number, number];
  /** Upper bounds of (α, β, γ, φ). Default `[0.9999, 0.9999, 0.9999, 0.98]`. */
  upper?: readonly [number, number, number, number];
  /** Criterion minimised. Default `'lik'` (`ses`, `holt`, `hw` use `'mse'`). */
  optCrit?: EtsOptCrit;
  /** Horizons averaged by `optCrit: 'amse'`, 1–30. Default 3. */
  nmse?: number;
  /** `'usual'` box bounds, `'admissible'` stable models, `'both'` their intersection. Default `'both'`. */
  bounds?: 'both' | 'usual' | 'admissible';
  /** Information criterion for selection. Default `'aicc'`. */
  ic?: 'aicc' | 'aic' | 'bic';
  /** Exclude models with infinite forecast variance (A error with M trend or season, MMA). Default true. */
  restrict?: boolean;
  /** Consider multiplicative trends when selecting. Default false. */
  allowMultiplicativeTrend?: boolean;
  /** Consider additive components only. Default false. */
  additiveOnly?: boolean;
  /**
   * Fixed initial states (R's `use.initial.values = TRUE`): with α, β, γ, φ all given, the model is
   * not estimated, only run. `season[0]` is the most recent seasonal state (time 0), `season[m−1]`
   * the oldest; all m are given. Default: estimated.
   */
  initialStates?: EtsInitialStates;
  /** Maximum number of likelihood evaluations of Nelder–Mead. Default 2000. */
  maxit?: number;
}

/** Initial states x₀ = (ℓ₀, b₀, s₀, s₋₁, …, s₋ₘ₊₁). */
export interface EtsInitialStates {
  level: number;
  trend?: number;
  season?: number[];
}

export const etsDefaults = {
  period: 1,
  model: 'ZZZ' as EtsModelCode,
  damped: null as boolean | null,
  lower: [1e-4, 1e-4, 1e-4, 0.8] as const,
  upper: [0.9999, 0.9999, 0.9999, 0.98] as const,
  optCrit: 'lik' as EtsOptCrit,
  nmse: 3,
  bounds: 'both' as 'both' | 'usual' | 'admissible',
  ic: 'aicc' as 'aicc' | 'aic' | 'bic',
  restrict: true,
  allowMultiplicativeTrend: false,
  additiveOnly: false,
  maxit: 2000,
};

/** One model tried by automatic selection (the table `ets()` compares). */
export interface EtsCandidate {
  method: string;
  /** Information criteria and log-likelihood; `null` when the model could not be estimated. */
  aicc: number | null;
  aic: number | null;
  bic: number | null;
  loglik: number | null;
}

/** A fitted ETS model: plain data, ready for `forecastEts`. */
export interface EtsFit extends FittedModel {
  kind: 'ets';
  components: EtsComponents;
  /**
   * Initial states by name: `l0`, `b0`, `s0` (seasonal state at time 0, R's `initstate["s1"]`),
   * `s1` (time −1), …, `s{m−1}`.
   */
  initialStates: Record<string, number>;
  /** The state vector after the last observation (ℓₙ, bₙ, sₙ, …, sₙ₋ₘ₊₁), R's `states[n + 1, ]`. */
  finalState: number[];
  /** Level, slope and most recent seasonal state at times 0…n (R's `states[, c("l", "b", "s1")]`). */
  states: { level: number[]; slope?: number[]; season?: number[] };
  /** Innovations εₜ: `values − fitted` for additive errors, `values / fitted − 1` for multiplicative. */
  innovations: number[];
  /** One-step mean squared error in data units, and its average over horizons 1…nmse (R's `amse`). */
  mse: number;
  amse: number;
  /** Number of estimated parameters counted by the information criteria (including σ). */
  nparams: number;
  /** Every model tried, when any component was selected automatically. */
  candidates?: EtsCandidate[];
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
}
