/**
 * Types and defaults of `autoArima`, the automatic ARIMA of Hyndman & Khandakar ("Automatic time series
 * forecasting: the forecast package for R", *Journal of Statistical Software* 27(3), 2008) as R forecast
 * 8.20's `auto.arima` runs it by default. Option names follow R's (`max.p` → `maxp`, `max.P` → `maxP`).
 */
import type { DifferencingResult } from '../stats/ndiffs.ts';
import type { ArimaFit, ArimaMethod, ArimaOrder } from './arima-types.ts';

/** The criterion models are compared on (R's `ic`). */
export type AutoArimaCriterion = 'aicc' | 'aic' | 'bic';

/** Options of `autoArima`; every default is `forecast::auto.arima()`'s. */
export interface AutoArimaOptions {
  /** Seasonal period m (R's `frequency(y)`): 12 monthly, 4 quarterly, 1 none. Default 1. */
  period?: number;
  /** Number of first differences; chosen by repeated unit-root tests (`test`) when not given. */
  d?: number;
  /** Number of seasonal differences; chosen by `seasonalTest` when not given (0 when n ≤ 2m). */
  D?: number;
  /** Largest p, q, P, Q searched (also capped at n/3, n/3m and, with a season, m − 1). Defaults 5, 5, 2, 2. */
  maxp?: number;
  maxq?: number;
  maxP?: number;
  maxQ?: number;
  /** Largest p + q + P + Q in the full search (`stepwise: false`). Default 5. */
  maxOrder?: number;
  /** Most first / seasonal differences the tests may choose. Defaults 2 and 1. */
  maxd?: number;
  maxD?: number;
  /** Orders of the first model of the stepwise search (at most 1, 1, 0, 0 when n < 10). Defaults 2, 2, 1, 1. */
  startp?: number;
  startq?: number;
  startP?: number;
  startQ?: number;
  /** Only stationary models (d = D = 0). Default false. */
  stationary?: boolean;
  /** Consider seasonal models; false searches as if the period were 1. Default true. */
  seasonal?: boolean;
  /** Criterion to minimise. Default `'aicc'`. */
  ic?: AutoArimaCriterion;
  /** The stepwise search of Hyndman & Khandakar; false fits every model with p + q + P + Q ≤ `maxOrder`. Default true. */
  stepwise?: boolean;
  /** Most models the stepwise search fits. Default 94. */
  nmodels?: number;
  /**
   * Search on conditional sums of squares with an approximate criterion, then refit the best models by
   * exact likelihood. Default: true when n > 150 or the period exceeds 12 (as R).
   */
  approximation?: boolean;
  /** Estimation method of every fit (R's `method`). Default `'CSS'` in an approximate search, else `'CSS-ML'`. */
  method?: ArimaMethod;
  /** Unit-root test choosing d (`ndiffs`). Default `'kpss'`. */
  test?: 'kpss' | 'adf' | 'pp';
  /** Its level (R's `test.args = list(alpha = …)`), 0.01–0.1. Default 0.05. */
  alpha?: number;
  /** Test choosing D (`nsdiffs`): seasonal strength > 0.64 or OCSB. Default `'seas'`. */
  seasonalTest?: 'seas' | 'ocsb';
  /** Consider a drift when d + D = 1. Default true. */
  allowDrift?: boolean;
  /** Consider a non-zero mean when d + D = 0. Default true. */
  allowMean?: boolean;
}

export const autoArimaDefaults = {
  period: 1,
  maxp: 5,
  maxq: 5,
  maxP: 2,
  maxQ: 2,
  maxOrder: 5,
  maxd: 2,
  maxD: 1,
  startp: 2,
  startq: 2,
  startP: 1,
  startQ: 1,
  stationary: false,
  seasonal: true,
  ic: 'aicc' as AutoArimaCriterion,
  stepwise: true,
  nmodels: 94,
  test: 'kpss' as 'kpss' | 'adf' | 'pp',
  alpha: 0.05,
  seasonalTest: 'seas' as 'seas' | 'ocsb',
  allowDrift: true,
  allowMean: true,
};

/** Why a model got an infinite criterion (R prints `Inf` for all of these). */
export type AutoArimaRejection =
  /** The estimation failed (R's `try-error`): `message` says why. */
  | 'failed'
  /** A root of the AR or MA polynomial has modulus < 1.01 (near non-stationary or non-invertible). */
  | 'near-unit-root'
  /** Some coefficient variance is negative or undefined (R's `checkarima`: `sqrt(diag(var.coef))` is NaN). */
  | 'undefined-se'
  /** The criterion is undefined (NaN). */
  | 'no-criterion';

/** One model the search fitted, in the order fitted. */
export interface AutoArimaModel {
  /** In R's wording, e.g. `ARIMA(1,1,0)(0,1,0)[12]`, `ARIMA(2,1,0) with drift`. */
  spec: string;
  order: ArimaOrder;
  /** Drift (d + D = 1) or mean (d + D = 0) included. */
  constant: boolean;
  /** `'search'`, or `'refit'`: the exact refit of an approximate search's best models. */
  stage: 'search' | 'refit';
  /** The criterion compared (approximate in an approximate search); `Infinity` when rejected. */
  ic: number;
  /** AICc, AIC and BIC as computed (`NaN` when the fit failed), also for rejected models. */
  aicc: number;
  aic: number;
  bic: number;
  /** Smallest modulus of the AR and MA roots (2 when there are none, as R). */
  minRoot: number;
  /** Why `ic` is infinite, or `null`. */
  rejected: AutoArimaRejection | null;
  /** The error of a failed fit, or a sentence on the rejection. */
  message?: string;
}

/** How the search went: the differencing tests, the settings in force, and every model tried. */
export interface AutoArimaSearch {
  /** d and D, and the tests that chose them (`null` when given, or skipped as R does). */
  d: number;
  D: number;
  ndiffs: DifferencingResult | null;
  nsdiffs: DifferencingResult | null;
  /** The criterion compared (`'aic'` when n ≤ 3, as R). */
  ic: AutoArimaCriterion;
  stepwise: boolean;
  approximation: boolean;
  /** The constant added to the CSS criterion in an approximate search (R's `offset`); 0 otherwise. */
  offset: number;
  /** The limits after R's caps (n/3, n/3m, m − 1). */
  limits: { maxp: number; maxq: number; maxP: number; maxQ: number };
  /** Drift / mean allowed (d + D = 1 / 0). */
  allowDrift: boolean;
  allowMean: boolean;
  /** Every model fitted, in order (R's `trace = TRUE`, plus the exact refit of a full approximate search). */
  models: AutoArimaModel[];
  /**
   * How the model was found: `'search'`, or a shortcut R takes without searching: `'constant'` (the
   * series is constant) or `'constant-difference'` (it is constant after differencing).
   */
  how: 'search' | 'constant' | 'constant-difference';
}

/** The chosen model, fitted and ready for `forecastArima`, with the record of the search. */
export interface AutoArimaFit extends ArimaFit {
  search: AutoArimaSearch;
}
