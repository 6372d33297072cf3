/**
 * The KPSS test of stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992, "Testing the null
 * hypothesis of stationarity against the alternative of a unit root", *Journal of Econometrics* 54,
 * 159–178), as `urca::ur.kpss` and `tseries::kpss.test`; Hyndman & Athanasopoulos, *FPP3*, §9.1.
 *
 * The null is that the series is stationary around a level (or a linear trend). With e_t the
 * residuals from the mean (or from a line through 1…n), S_t = Σ_{s≤t} e_s their partial sums and
 * s²(l) the Bartlett long-run variance of e with bandwidth l,
 *
 *   η = Σ S_t² / (n²·s²(l)).
 *
 * Large η rejects stationarity: differencing is needed. The p-value is interpolated in the table of
 * KPSS's critical values (10, 5, 2.5, 1 %) as both R packages do, so it lies in [0.01, 0.1]; outside
 * the table `pValueBeyond` says so (where tseries warns "p-value smaller than printed p-value").
 */
import { checkValues } from './check-values.ts';
import { isConstant } from './is-constant.ts';
import { bartlettLongRunVariance } from './long-run-variance.ts';
import { ols } from './ols.ts';
import {
  kpssCriticalValues,
  tabulatedPValue,
  type CriticalValue,
  type TabulatedPValue,
} from './unit-root-tables.ts';

/** Options of {@link kpss}. */
export interface KpssOptions {
  /** `'level'`: stationary around a mean (urca `type = "mu"`, tseries `null = "Level"`); `'trend'`: around a line (`"tau"`, `"Trend"`). Default `'level'`. */
  type?: 'level' | 'trend';
  /**
   * Bandwidth l of the long-run variance: `'short'` = ⌊4(n/100)^¼⌋, `'long'` = ⌊12(n/100)^¼⌋,
   * `'nil'` = 0, or an integer from 0 to n − 1 (urca's `use.lag`; forecast's `ndiffs` passes
   * ⌊3√n/13⌋). Default `'short'`, as both R packages.
   */
  lags?: 'short' | 'long' | 'nil' | number;
}

/** The defaults of {@link kpss}: those of `urca::ur.kpss` and `tseries::kpss.test`. */
export const kpssDefaults = { type: 'level', lags: 'short' } as const satisfies Required<KpssOptions>;

/** The result of {@link kpss}. */
export interface KpssTest extends TabulatedPValue {
  /** η_μ (level) or η_τ (trend). */
  statistic: number;
  type: 'level' | 'trend';
  /** The bandwidth l used. */
  lag: number;
  /** KPSS's critical values at 1, 2.5, 5 and 10 %: reject stationarity at α when `statistic` exceeds the value at α. */
  criticalValues: CriticalValue[];
}

/** The KPSS statistic of `values` with its critical values and interpolated p-value. */
export function kpss(values: ArrayLike<number>, options: KpssOptions = {}): KpssTest {
  const { type = kpssDefaults.type, lags = kpssDefaults.lags } = options;
  if (type !== 'level' && type !== 'trend') {
    throw new RangeError(`invalid type: ${String(type)} (must be 'level' or 'trend')`);
  }
  const y = checkValues(values, 'kpss', 3);
  const n = y.length;
  const lag = bandwidth(lags, n);
  if (isConstant(y)) {
    throw new RangeError('kpss: the series is constant, so there is nothing to test (ndiffs gives 0 for it)');
  }
  const residuals =
    type === 'level' ? deviationsFromMean(y) : ols([y.map(() => 1), y.map((_, t) => t + 1)], y).residuals;
  if (type === 'trend' && isStraightLine(y, residuals)) {
    throw new RangeError('kpss: the series is a straight line, so its residuals from the trend are zero');
  }
  let partial = 0;
  let sumSquares = 0;
  for (const e of residuals) {
    partial += e;
    sumSquares += partial * partial;
  }
  const statistic = sumSquares / (n * n) / bartlettLongRunVariance(residuals, lag);
  const criticalValues = kpssCriticalValues[type];
  return { statistic, type, lag, criticalValues, ...tabulatedPValue(statistic, criticalValues) };
}

/** The bandwidth for `lags` on n observations, as urca and tseries compute it. */
function bandwidth(lags: KpssOptions['lags'], n: number): number {
  if (lags === 'short') return Math.trunc(4 * (n / 100) ** 0.25);
  if (lags === 'long') return Math.trunc(12 * (n / 100) ** 0.25);
  if (lags === 'nil') return 0;
  if (typeof lags === 'number' && Number.isInteger(lags) && lags >= 0 && lags < n) return lags;
  throw new RangeError(
    `invalid lags: ${String(lags)} (must be 'short', 'long', 'nil' or an integer from 0 to n − 1 = ${n - 1})`,
  );
}

/** y − ȳ, the mean taken in two passes as R's `mean`. */
function deviationsFromMean(y: number[]): number[] {
  let mean = y.reduce((s, v) => s + v, 0) / y.length;
  mean += y.reduce((s, v) => s + (v - mean), 0) / y.length;
  return y.map((v) => v - mean);
}

/** Whether the residuals from a fitted line are rounding noise (below 1e-9 of the series' spread). */
function isStraightLine(y: number[], residuals: number[]): boolean {
  const maxAbs = (v: number[]): number => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
  return maxAbs(residuals) <= 1e-9 * maxAbs(deviationsFromMean(y));
}
