/**
 * Holt's linear trend method as `forecast::holt(y, initial = "optimal")`: ETS(A,A,N), or ETS(A,Ad,N)
 * when damped (Gardner & McKenzie, "Forecasting trends in time series", *Management Science* 31(10),
 * 1985), or ETS(M,M,N)/ETS(M,Md,N) with an exponential trend; parameters and initial states minimise
 * the one-step mean squared error (R's `opt.crit = "mse"`; Hyndman et al. 2008, §2.3;
 * *Forecasting: Principles and Practice*, 3rd ed., §8.2). Forecast with `forecastEts`.
 */
import { fitEts } from './fit-ets.ts';
import type { EtsFit, EtsInitialStates } from './types.ts';

/** Options of {@link fitHolt}. */
export interface HoltOptions {
  /** Damp the trend with φ. Default false. */
  damped?: boolean;
  /** Multiplicative (exponential) trend. Default false. */
  exponential?: boolean;
  /** Fixed smoothing parameters (β ≤ α, 0.8 ≤ φ ≤ 0.98). Default: estimated. */
  alpha?: number;
  beta?: number;
  phi?: number;
  /** Fixed initial level and slope (need α, β and, when damped, φ). Default: estimated. */
  initialStates?: EtsInitialStates;
}

export const holtDefaults = { damped: false, exponential: false };

/** Fits Holt's method; `method` is `Holt's method` or `Damped Holt's method`, as R prints it. */
export function fitHolt(values: ArrayLike<number>, options: HoltOptions = {}): EtsFit {
  const { damped, exponential, alpha, beta, phi, initialStates } = { ...holtDefaults, ...options };
  if (values.length <= 1)
    throw new RangeError(
      `Holt's method needs at least 2 observations to estimate a trend, got ${values.length}`,
    );
  const model = exponential ? 'MMN' : 'AAN';
  const fit = fitEts(values, { model, damped, alpha, beta, phi, optCrit: 'mse', initialStates });
  const method = `${damped ? "Damped Holt's method" : "Holt's method"}${exponential ? ' with exponential trend' : ''}`;
  return { ...fit, method };
}
