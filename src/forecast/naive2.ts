/**
 * Naïve2, the benchmark of the M3 and M4 competitions (Makridakis & Hibon 2000; Makridakis,
 * Spiliotis & Assimakopoulos 2020, and the M4 `Benchmarks` R code): the naïve method applied to
 * data seasonally adjusted by a classical multiplicative decomposition, its forecasts multiplied back
 * by the seasonal indices. The adjustment is made only when the series passes the M-competition
 * seasonality test ({@link isSeasonal}: n ≥ 3m and a significant lag-m autocorrelation at 90 %);
 * otherwise Naïve2 is the naïve method.
 *
 * Point forecasts are the M4 code's. The M4 benchmark gives no intervals; here they are the naïve
 * method's normal intervals on the adjusted scale, multiplied by the seasonal index of each step.
 */
import { classicalDecomposition } from '../stats/decompose.ts';
import { isSeasonal } from '../stats/seasonality-test.ts';
import { fitNaive, forecastNaive, type NaiveFit } from './naive.ts';
import { checkPeriod, checkSeries, type FittedModel, type Forecast, type ForecastOptions } from './model.ts';

/** Options of {@link fitNaive2}. */
export interface Naive2Options {
  /** Seasonal period m, an integer ≥ 1 (1 makes Naïve2 the naïve method). Required. */
  period: number;
}

/** A fitted Naïve2 model (`method` "Naive2"). `sigma2` is the naïve model's, on the adjusted scale. */
export interface Naive2Fit extends FittedModel {
  /** Whether the seasonality test passed and the data were seasonally adjusted. */
  seasonal: boolean;
  /** Multiplicative seasonal indices by position in the cycle, index 0 at the first observation; all 1 when not seasonal. */
  indices: number[];
  /** The naïve model fitted to the seasonally adjusted data. */
  adjusted: NaiveFit;
}

/** Fits Naïve2. Seasonal adjustment needs positive data (multiplicative decomposition). */
export function fitNaive2(values: ArrayLike<number>, options: Naive2Options): Naive2Fit {
  const period = checkPeriod(options?.period);
  const y = checkSeries(values, { model: 'Naive2' });
  const seasonal = period > 1 && isSeasonal(y, period);
  const bad = seasonal ? y.findIndex((v) => v <= 0) : -1;
  if (bad >= 0) {
    throw new RangeError(
      `observation ${bad + 1} is ${y[bad]}: Naive2 adjusts seasonal data by a multiplicative decomposition and needs positive data; use the seasonal naive method`,
    );
  }
  const indices = seasonal
    ? classicalDecomposition(y, period, { type: 'multiplicative' }).figure
    : new Array<number>(period).fill(1);
  const index = (t: number) => indices[t % period];
  const adjusted = fitNaive(y.map((v, t) => v / index(t)));
  const fitted = adjusted.fitted.map((f, t) => f * index(t));
  return {
    method: 'Naive2',
    period,
    n: y.length,
    params: {},
    fitted,
    residuals: y.map((v, t) => v - fitted[t]),
    sigma2: adjusted.sigma2,
    seasonal,
    indices,
    adjusted,
  };
}

/** Forecasts h steps ahead: naïve forecasts of the adjusted series times the seasonal index of each future step. */
export function forecastNaive2(fit: Naive2Fit, h: number, options: ForecastOptions = {}): Forecast {
  const base = forecastNaive(fit.adjusted, h, options);
  const factor = base.mean.map((_, i) => fit.indices[(fit.n + i) % fit.period]);
  const scale = (xs: number[]) => xs.map((x, i) => x * factor[i]);
  return {
    method: fit.method,
    mean: scale(base.mean),
    intervals: base.intervals.map((pi) => ({
      level: pi.level,
      lower: scale(pi.lower),
      upper: scale(pi.upper),
    })),
  };
}
