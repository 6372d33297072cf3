/**
 * Simple exponential smoothing as `forecast::ses(y, initial = "optimal")`: ETS(A,N,N) whose α and ℓ₀
 * minimise the in-sample one-step mean squared error (R's `opt.crit = "mse"`), which for additive
 * errors is the maximum-likelihood estimate (Hyndman et al. 2008, §2.3 and §5.1; Hyndman &
 * Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed., §8.1). Forecast with `forecastEts`.
 */
import { fitEts } from './fit-ets.ts';
import type { EtsFit, EtsInitialStates } from './types.ts';

/** Options of {@link fitSes}. */
export interface SesOptions {
  /** Smoothing parameter in [1e-4, 0.9999]. Default: estimated. */
  alpha?: number;
  /** Fixed initial level ℓ₀ (needs `alpha`): the method is then only run. Default: estimated. */
  initialLevel?: number;
}

export const sesDefaults: SesOptions = {};

/** Fits simple exponential smoothing; `method` is `Simple exponential smoothing`, as R prints it. */
export function fitSes(values: ArrayLike<number>, options: SesOptions = {}): EtsFit {
  const { alpha, initialLevel } = { ...sesDefaults, ...options };
  const initialStates: EtsInitialStates | undefined =
    initialLevel === undefined ? undefined : { level: initialLevel };
  const fit = fitEts(values, { model: 'ANN', alpha, optCrit: 'mse', initialStates });
  return { ...fit, method: 'Simple exponential smoothing' };
}
