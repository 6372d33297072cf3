/**
 * Holt–Winters' seasonal method as `forecast::hw(y, initial = "optimal")`: ETS(A,A,A) (additive) or
 * ETS(M,A,M) (multiplicative), damped or not, ETS(M,M,M) with an exponential trend (Winters,
 * "Forecasting sales by exponentially weighted moving averages", *Management Science* 6(3), 1960;
 * Hyndman et al. 2008, §2.3; *Forecasting: Principles and Practice*, 3rd ed., §8.3). Parameters and
 * initial states minimise the one-step mean squared error (R's `opt.crit = "mse"`), which is not the
 * likelihood for the multiplicative model. For `stats::HoltWinters` see `fitHoltWintersClassic`.
 */
import { checkPeriod } from '../model.ts';
import { fitEts } from './fit-ets.ts';
import type { EtsFit, EtsInitialStates } from './types.ts';

/** Options of {@link fitHoltWinters}. */
export interface HoltWintersOptions {
  /** Seasonal period, ≥ 2 (12 monthly, 4 quarterly). Required. */
  period: number;
  /** `'additive'` or `'multiplicative'` seasonality. Default `'additive'`. */
  seasonal?: 'additive' | 'multiplicative';
  /** Damp the trend with φ. Default false. */
  damped?: boolean;
  /** Multiplicative (exponential) trend; only with multiplicative seasonality. Default false. */
  exponential?: boolean;
  /** Fixed smoothing parameters (β ≤ α, γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98). Default: estimated. */
  alpha?: number;
  beta?: number;
  gamma?: number;
  phi?: number;
  /** Fixed initial states, all m seasonal ones (need every smoothing parameter). Default: estimated. */
  initialStates?: EtsInitialStates;
}

export const holtWintersDefaults = { seasonal: 'additive' as const, damped: false, exponential: false };

/** Fits Holt–Winters; `method` as R prints it, e.g. `Damped Holt-Winters' multiplicative method`. */
export function fitHoltWinters(values: ArrayLike<number>, options: HoltWintersOptions): EtsFit {
  const { period, seasonal, damped, exponential, alpha, beta, gamma, phi, initialStates } = {
    ...holtWintersDefaults,
    ...options,
  };
  const m = checkPeriod(period);
  if (m <= 1) throw new RangeError(`invalid period: ${m} (Holt-Winters needs a seasonal period ≥ 2)`);
  if (values.length < m + 3) {
    throw new RangeError(
      `series too short for the season: Holt-Winters needs at least ${m + 3} observations with period ${m}, got ${values.length}`,
    );
  }
  if (seasonal !== 'additive' && seasonal !== 'multiplicative') {
    throw new RangeError(`invalid seasonal: ${String(seasonal)} (must be 'additive' or 'multiplicative')`);
  }
  if (seasonal === 'additive' && exponential) {
    throw new RangeError(
      'forbidden model combination: an exponential trend needs multiplicative seasonality',
    );
  }
  const model = seasonal === 'additive' ? 'AAA' : exponential ? 'MMM' : 'MAM';
  const fit = fitEts(values, {
    period: m,
    model,
    damped,
    alpha,
    beta,
    gamma,
    phi,
    optCrit: 'mse',
    initialStates,
  });
  let method = `Holt-Winters' ${seasonal} method${exponential ? ' with exponential trend' : ''}`;
  if (damped) method = `Damped ${method}`;
  return { ...fit, method };
}
