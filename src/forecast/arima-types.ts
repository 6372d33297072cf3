/**
 * Types and defaults of `fitArima`: ARIMA(p,d,q)(P,D,Q)[m] with an optional mean, drift or other
 * regressors, estimated as R's `stats::arima` and reported as `forecast::Arima` (R forecast 8.20) reports
 * it (Box, Jenkins, Reinsel & Ljung, *Time Series Analysis*, 5th ed., 2015; Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice*, 3rd ed., 2021, ch. 9).
 */
import type { FittedModel } from './model.ts';

/** A non-seasonal or seasonal order: [p, d, q] or [P, D, Q]. */
export type ArimaOrderTriple = readonly [number, number, number];

/** How the coefficients are estimated (R's `method`). */
export type ArimaMethod = 'CSS-ML' | 'ML' | 'CSS';

/** Options of `fitArima` and `fitArimaOrder`; every default is `forecast::Arima()`'s. */
export interface ArimaOptions {
  /** Seasonal period m (R's `frequency(y)`): 12 monthly, 4 quarterly, 1 none. Default 1. */
  period?: number;
  /** Non-seasonal order [p, d, q]. Default [0, 1, 1]. */
  order?: ArimaOrderTriple;
  /**
   * Seasonal order [P, D, Q] (period `period`). Default [0, 1, 1] when period ≥ 2 (the airline model),
   * [0, 0, 0] when period is 1; a non-zero seasonal order with period < 2 is an error.
   */
  seasonal?: ArimaOrderTriple;
  /** Estimate a mean (an intercept) — only when d + D = 0, as R. Default true. */
  includeMean?: boolean;
  /**
   * Estimate a drift: a linear trend regressor 1…n (R's `include.drift`); needs d + D ≤ 1 (R drops
   * it with a warning otherwise; here it is an error). Default false.
   */
  includeDrift?: boolean;
  /**
   * Other regressors (R's `xreg`), as columns of length n; the errors follow the ARIMA model.
   * `forecastArima` then needs their future values. Default none.
   */
  xreg?: readonly (readonly number[])[];
  /** Names of the `xreg` columns. Default `xreg` for one column, else `xreg1`, `xreg2`, … (as R). */
  xregNames?: readonly string[];
  /**
   * `'CSS-ML'` (conditional sum of squares for the start, then exact likelihood), `'ML'` (exact
   * likelihood from zero) or `'CSS'` (conditional sum of squares only: no AIC). Default `'CSS-ML'`.
   */
  method?: ArimaMethod;
  /** Optimise AR coefficients through the PACF map that keeps them stationary (R's `transform.pars`). Default true. */
  transformPars?: boolean;
  /** Prior variance of the diffuse (differenced) states (R's `kappa`). Default 1e6. */
  kappa?: number;
  /** Maximum number of BFGS iterations of each optimisation (R's `optim.control$maxit`). Default 100. */
  maxit?: number;
}

export const arimaDefaults = {
  period: 1,
  order: [0, 1, 1] as ArimaOrderTriple,
  includeMean: true,
  includeDrift: false,
  method: 'CSS-ML' as ArimaMethod,
  transformPars: true,
  kappa: 1e6,
  maxit: 100,
};

/** The orders of a fitted model (R's `arma`, named). */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Seasonal period. */
  m: number;
}

/** What `fitArimaOrder` returns: the estimates and criteria, without residuals or forecasting state. */
export interface ArimaOrderFit {
  /** The model in R's wording, e.g. `ARIMA(0,1,1)(0,1,1)[12]`, `ARIMA(2,1,0) with drift`. */
  spec: string;
  order: ArimaOrder;
  estimation: ArimaMethod;
  /** Coefficients by R's names: `ar1…`, `ma1…`, `sar1…`, `sma1…`, `intercept`, `drift`, regressors. */
  coef: Record<string, number>;
  /** Log-likelihood (for CSS, R's "part log likelihood" from the conditional sum of squares). */
  loglik: number;
  /** AIC, AICc and BIC as `forecast::Arima` computes them; `NaN` for CSS (R: NA). */
  aic: number;
  aicc: number;
  bic: number;
  /** Residual variance as `forecast::Arima` reports it: Σ eₜ² / (n* − k + 1), with n* = n − d − D·m. */
  sigma2: number;
  /** `stats::arima`'s σ²: the ML estimate (Σ vₜ²/Fₜ / (n − d − D·m)), or the CSS mean square. */
  sigma2Arima: number;
  /** Observations used by the likelihood (R's `nobs`, n − d − D·m). */
  nobs: number;
  /** Number of estimated parameters counted by the criteria: coefficients + 1 (σ²). */
  npar: number;
  /** R's optim convergence code of the last optimisation: 0 converged, 1 iteration limit reached. */
  code: 0 | 1;
  /**
   * The expanded polynomials at the estimates, R's `fit$model$phi` and `$theta`: φ(B)Φ(Bᵐ) =
   * 1 − Σ phiᵢBⁱ, θ(B)Θ(Bᵐ) = 1 + Σ thetaᵢBⁱ (what `auto.arima` checks for roots near the unit circle).
   */
  phi: number[];
  theta: number[];
}

/** A fitted ARIMA model: plain data, ready for `forecastArima`. */
export interface ArimaFit extends FittedModel, ArimaOrderFit {
  kind: 'arima';
  /** Standard errors of the coefficients (R's `sqrt(diag(var.coef))`); `NaN` when the Hessian is singular. */
  se: Record<string, number>;
  /** Covariance matrix of the coefficients in `coef` order (R's `var.coef`). */
  varCoef: number[][];
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** What forecasting needs: the state-space model and its state after the last observation. */
  state: ArimaForecastState;
}

/** The state-space form after the last observation (R's `model` component of an `Arima` fit). */
export interface ArimaForecastState {
  phi: number[];
  theta: number[];
  delta: number[];
  a: number[];
  /** Row-major covariance of `a`. */
  P: number[];
  /** Regression coefficients in column order: intercept, drift, then `xreg` (unrotated). */
  regression: { intercept: number; drift: number; xreg: number[] };
}
