/**
 * Options, defaults and result types of `fitProphet` / `forecastProphet`: a Prophet-style decomposable
 * model y(t) = g(t) + s(t) + h(t) + ε (Taylor & Letham, "Forecasting at scale", *The American
 * Statistician* 72(1), 2018), with R prophet 1.0's defaults.
 */
import type { FittedModel, Forecast } from './model.ts';

/**
 * A date: a `Date`, or an ISO string — `YYYY-MM-DD` (also `YYYY-MM`, `YYYY`), `YYYY-MM-DD HH:MM[:SS]` or
 * `…THH:MM[:SS]`, read as UTC unless it ends in `Z` or an offset such as `+02:00`.
 */
export type ProphetDate = Date | string;

/** The trend: piecewise linear, piecewise logistic up to a capacity `cap`, or a constant. */
export type ProphetGrowth = 'linear' | 'logistic' | 'flat';

/** How seasonalities, holidays and regressors combine with the trend: added, or as a fraction of it. */
export type ProphetMode = 'additive' | 'multiplicative';

/** The spacing of observations, for synthetic dates and for the dates of the forecast horizon. */
export type ProphetSpacing = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A built-in seasonality: `'auto'` (on when the data allow, as Prophet), on/off, or its Fourier order. */
export type ProphetSeasonalitySwitch = 'auto' | boolean | number;

/** A seasonality of any period (Prophet's `add_seasonality`). */
export interface ProphetSeasonality {
  /** Its name in the components, e.g. `monthly`; `yearly`, `weekly` or `daily` replaces the built-in one. */
  name: string;
  /** Length of one cycle in days (365.25 yearly, 7 weekly, 1 daily, 30.5 monthly). */
  period: number;
  /** Number of Fourier pairs (sin, cos); more follow faster changes. */
  fourierOrder: number;
  /** Standard deviation of the normal prior on its coefficients. Default `seasonalityPriorScale`. */
  priorScale?: number;
  /** Default `seasonalityMode`. */
  mode?: ProphetMode;
}

/** A holiday or event on given days, with a window of days around each (Prophet's `holidays` data frame). */
export interface ProphetHoliday {
  name: string;
  /** Its days, in the history and the horizon. */
  dates: readonly ProphetDate[];
  /** Days before each date that also get an effect (≤ 0, e.g. −2 for the two days before). Default 0. */
  lowerWindow?: number;
  /** Days after each date that also get an effect (≥ 0). Default 0. */
  upperWindow?: number;
  /** Standard deviation of the normal prior on each day's effect. Default `holidaysPriorScale`. */
  priorScale?: number;
}

/** An extra regressor (Prophet's `add_regressor`); `forecastProphet` needs its future values. */
export interface ProphetRegressor {
  name: string;
  /** One value per observation. */
  values: readonly number[];
  /** Default `holidaysPriorScale`, as Prophet. */
  priorScale?: number;
  /** Centre and scale by mean and standard deviation; `'auto'` does unless it is binary 0/1. Default `'auto'`. */
  standardize?: 'auto' | boolean;
  /** Default `seasonalityMode`. */
  mode?: ProphetMode;
}

/** Options of `fitProphet`; every default is R prophet 1.0's. */
export interface ProphetOptions {
  /** One date per value, strictly increasing. Default: synthetic dates from `start` every `spacing`. */
  dates?: readonly ProphetDate[];
  /** First date when `dates` is not given. Default `2000-01-01`. */
  start?: ProphetDate;
  /**
   * Spacing of synthetic dates and of the forecast horizon. Default: read from `dates` (a median gap of
   * 28–31 days is `month`, 89–92 `quarter`, 365–366 `year`, else that gap), `month` without dates.
   */
  spacing?: ProphetSpacing;
  /** Default `'linear'`. */
  growth?: ProphetGrowth;
  /** Capacity for logistic growth: one number, or one per observation (> floor). Required for logistic. */
  cap?: number | readonly number[];
  /** Saturating minimum for logistic growth, one number or one per observation. Default 0 (R: no `floor` column). */
  floor?: number | readonly number[];
  /** Potential changepoints given as dates within the history. Default: a grid (see `nChangepoints`). */
  changepoints?: readonly ProphetDate[];
  /** Number of potential changepoints, spread evenly over the first `changepointRange` of the history. Default 25. */
  nChangepoints?: number;
  /** Share of the history, from its start, where changepoints may be. Default 0.8. */
  changepointRange?: number;
  /** Scale τ of the Laplace prior on the rate changes δ; larger lets the trend bend more. Default 0.05. */
  changepointPriorScale?: number;
  /** Yearly seasonality (period 365.25 days, order 10): auto when the history spans ≥ 2 years. Default `'auto'`. */
  yearlySeasonality?: ProphetSeasonalitySwitch;
  /** Weekly (7 days, order 3): auto when the spacing is < 7 days and the history ≥ 2 weeks. Default `'auto'`. */
  weeklySeasonality?: ProphetSeasonalitySwitch;
  /** Daily (1 day, order 4): auto when the spacing is < 1 day and the history ≥ 2 days. Default `'auto'`. */
  dailySeasonality?: ProphetSeasonalitySwitch;
  /** Further seasonalities. Default none. */
  seasonalities?: readonly ProphetSeasonality[];
  /** Default `'additive'`. */
  seasonalityMode?: ProphetMode;
  /** Standard deviation σ of the normal prior on the Fourier coefficients β. Default 10. */
  seasonalityPriorScale?: number;
  /** Holidays and events. Default none. */
  holidays?: readonly ProphetHoliday[];
  /** Prior standard deviation of holiday effects (and of regressors without their own). Default 10. */
  holidaysPriorScale?: number;
  /** Mode of the holiday effects. Default `seasonalityMode` (R prophet 1.0 has no separate option). */
  holidaysMode?: ProphetMode;
  /** Extra regressors. Default none. */
  regressors?: readonly ProphetRegressor[];
  /** Coverage of the uncertainty interval, in (0, 1). Default 0.8. */
  intervalWidth?: number;
  /** Simulated paths behind the intervals; 0 for none. Default 1000. */
  uncertaintySamples?: number;
  /** Seed of the simulations: the same seed gives the same intervals everywhere. Default 1. */
  seed?: number;
  /**
   * Stan's optimiser for the MAP: `'auto'` as R prophet — Newton for fewer than 100 observations,
   * else L-BFGS, and Newton again (from the start) when L-BFGS's line search fails. Default `'auto'`.
   */
  algorithm?: 'auto' | 'lbfgs' | 'newton';
  /** Maximum number of optimiser iterations (Prophet passes `iter = 1e4` to Stan). Default 10000. */
  maxIterations?: number;
}

export const prophetDefaults = {
  start: '2000-01-01',
  growth: 'linear' as ProphetGrowth,
  nChangepoints: 25,
  changepointRange: 0.8,
  changepointPriorScale: 0.05,
  yearlySeasonality: 'auto' as ProphetSeasonalitySwitch,
  weeklySeasonality: 'auto' as ProphetSeasonalitySwitch,
  dailySeasonality: 'auto' as ProphetSeasonalitySwitch,
  seasonalityMode: 'additive' as ProphetMode,
  seasonalityPriorScale: 10,
  holidaysPriorScale: 10,
  intervalWidth: 0.8,
  uncertaintySamples: 1000,
  seed: 1,
  algorithm: 'auto' as 'auto' | 'lbfgs' | 'newton',
  maxIterations: 10000,
};

/** A seasonality as fitted: every field resolved. */
export type ProphetSeasonalitySpec = Required<ProphetSeasonality>;

/** A holiday as fitted: its days as whole days since 1970-01-01 (UTC). */
export interface ProphetHolidaySpec {
  name: string;
  days: number[];
  lowerWindow: number;
  upperWindow: number;
  priorScale: number;
  mode: ProphetMode;
}

/** An extra regressor as fitted: it enters the model as (x − mu) / std. */
export interface ProphetRegressorSpec {
  name: string;
  priorScale: number;
  mode: ProphetMode;
  mu: number;
  std: number;
}

/** One column of the regression matrix X and its coefficient β. */
export interface ProphetColumn {
  /** Prophet's column name, e.g. `yearly_delim_3`, `christmas_delim_-1`, `promo`. */
  name: string;
  /** The component it belongs to (`yearly`, `christmas`, `promo`). */
  component: string;
  kind: 'seasonality' | 'holiday' | 'regressor';
  mode: ProphetMode;
  priorScale: number;
}

/** One term of the decomposition, over the dates of its `ProphetComponents`. */
export interface ProphetTerm {
  /** A seasonality, a holiday, `holidays` (all holidays together) or a regressor, by name. */
  name: string;
  kind: 'seasonality' | 'holiday' | 'holidays' | 'regressor';
  /** Additive terms are in the units of y; multiplicative ones are fractions of the trend. */
  mode: ProphetMode;
  values: number[];
}

/**
 * The decomposition over a set of dates, as R's `predict()` columns: yhat = trend · (1 +
 * multiplicativeTerms) + additiveTerms. Plain arrays, ready for a chart (one line per term).
 */
export interface ProphetComponents {
  /** ISO dates (`YYYY-MM-DD`, or with the time when any has one). */
  dates: string[];
  trend: number[];
  additiveTerms: number[];
  multiplicativeTerms: number[];
  /** Each seasonality, each holiday, the holidays' total, each regressor. */
  terms: ProphetTerm[];
}

/** The MAP estimate, on Prophet's scaled data (y / yScale, t in [0, 1] over the history). */
export interface ProphetMap {
  /** Base growth rate. */
  k: number;
  /** Offset. */
  m: number;
  /** Rate changes at the changepoints. */
  delta: number[];
  /** Coefficients of the columns of X, in the order of `ProphetFit.columns`. */
  beta: number[];
  /** Observation noise (of y / yScale). */
  sigmaObs: number;
}

/** How the data were scaled before fitting (Prophet's `y.scale`, `start`, `t.scale`). */
export interface ProphetScaling {
  /** max |y − floor| ('absmax'). */
  yScale: number;
  /** First date, ISO. */
  start: string;
  /** Milliseconds since 1970 of `start`. */
  startTime: number;
  /** Length of the history in milliseconds: t = (date − start) / tScale. */
  tScale: number;
  /** Whether a `floor` was given (logistic growth). */
  logisticFloor: boolean;
}

/** A fitted Prophet-style model: plain data, so it crosses the worker boundary as it is. */
export interface ProphetFit extends FittedModel {
  kind: 'prophet';
  growth: ProphetGrowth;
  seasonalityMode: ProphetMode;
  /** ISO dates of the observations. */
  dates: string[];
  /** Milliseconds since 1970 of the observations. */
  times: number[];
  /** Spacing of the horizon's dates: calendar months, or a fixed number of milliseconds. */
  step: { months: number } | { ms: number };
  map: ProphetMap;
  scaling: ProphetScaling;
  /** ISO dates of the potential changepoints, and their scaled times. */
  changepoints: string[];
  changepointsT: number[];
  /** τ, the Laplace scale used. */
  changepointPriorScale: number;
  seasonalities: ProphetSeasonalitySpec[];
  holidays: ProphetHolidaySpec[];
  regressors: ProphetRegressorSpec[];
  columns: ProphetColumn[];
  /** The decomposition over the history. */
  components: ProphetComponents;
  /** Capacity and floor over the history (logistic growth; floor 0 otherwise). */
  cap: number[];
  floor: number[];
  intervalWidth: number;
  uncertaintySamples: number;
  seed: number;
  /** How the optimiser ended. */
  optimizer: {
    /** The one whose result was kept. */
    algorithm: 'L-BFGS' | 'Newton' | 'none';
    iterations: number;
    evaluations: number;
    converged: boolean;
    message: string;
    /** The minimised negative log posterior (Stan's constant-free convention). */
    objective: number;
  };
  /** What was decided automatically, in Prophet's words (seasonalities disabled, changepoints reduced). */
  notes: string[];
}

/** Options of `forecastProphet` and `predictProphet`. */
export interface ProphetPredictOptions {
  /**
   * Interval levels in percent, all from the same simulated paths. Default: the fit's
   * `intervalWidth` (80).
   */
  level?: number[];
  /** Capacity over the predicted dates (logistic growth): one number or one per date. Default: the last one fitted. */
  cap?: number | readonly number[];
  /** Floor over the predicted dates. Default: the last one fitted. */
  floor?: number | readonly number[];
  /** Values of each extra regressor over the predicted dates, by name (required when there are regressors). */
  regressors?: Readonly<Record<string, readonly number[]>>;
  /** Default: the fit's. */
  seed?: number;
  /** Default: the fit's. */
  uncertaintySamples?: number;
}

/** Predictions over given dates, with their decomposition. */
export interface ProphetPrediction extends Forecast {
  /** ISO dates of `mean`. */
  dates: string[];
  /** The trend's intervals (from the simulated changepoints), in the order of `intervals`. */
  trendIntervals: Forecast['intervals'];
  components: ProphetComponents;
}
