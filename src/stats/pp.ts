/**
 * The Phillips–Perron Z_τ test of a unit root (Phillips & Perron 1988, "Testing for a unit root in
 * time series regression", *Biometrika* 75, 335–346), as `urca::ur.pp(type = "Z-tau")`, the third
 * test forecast's `ndiffs` offers.
 *
 * Like Dickey–Fuller it regresses x_t on x_{t−1} and a constant (`'drift'`) or a constant and a
 * centred trend (`'trend'`), but instead of adding lagged differences it corrects the t-value of
 * (ρ̂ − 1) for autocorrelation with the Bartlett long-run variance of the residuals (bandwidth
 * `lags`). Critical values: MacKinnon (1991)'s response surfaces for this n, as urca; the p-value is
 * interpolated in them (range 0.01–0.1), as forecast's `ndiffs` does.
 */
import { checkValues } from './check-values.ts';
import { isConstant } from './is-constant.ts';
import { bartlettLongRunVariance } from './long-run-variance.ts';
import { ols } from './ols.ts';
import {
  phillipsPerronCriticalValues,
  tabulatedPValue,
  type CriticalValue,
  type TabulatedPValue,
} from './unit-root-tables.ts';

/** Options of {@link pp}. */
export interface PpOptions {
  /** `'drift'`: a constant (urca `model = "constant"`); `'trend'`: constant and trend. Default `'drift'`. */
  type?: 'drift' | 'trend';
  /** Bandwidth: `'short'` = ⌊4(n/100)^¼⌋, `'long'` = ⌊12(n/100)^¼⌋ with n the regression's rows, or an integer from 1 to n − 1. Default `'short'`. */
  lags?: 'short' | 'long' | number;
}

/** The defaults of {@link pp}: urca's, and what forecast's `ndiffs(test = "pp")` uses for `type = "level"`. */
export const ppDefaults = { type: 'drift', lags: 'short' } as const satisfies Required<PpOptions>;

/** The result of {@link pp}. */
export interface PpTest extends TabulatedPValue {
  /** Z_τ. */
  statistic: number;
  type: 'drift' | 'trend';
  lag: number;
  /** 1, 5 and 10 % critical values: reject the unit root at α when `statistic` is below the value at α. */
  criticalValues: CriticalValue[];
}

/** The Phillips–Perron Z_τ test of `values`. */
export function pp(values: ArrayLike<number>, options: PpOptions = {}): PpTest {
  const { type = ppDefaults.type, lags = ppDefaults.lags } = options;
  if (type !== 'drift' && type !== 'trend') {
    throw new RangeError(`invalid type: ${String(type)} (must be 'drift' or 'trend')`);
  }
  const x = checkValues(values, 'pp', type === 'drift' ? 4 : 5);
  if (isConstant(x)) {
    throw new RangeError('pp: the series is constant, so there is nothing to test (ndiffs gives 0 for it)');
  }
  const y = x.slice(1);
  const yLag = x.slice(0, -1);
  const n = y.length;
  const lag =
    lags === 'short'
      ? Math.trunc(4 * (n / 100) ** 0.25)
      : lags === 'long'
        ? Math.trunc(12 * (n / 100) ** 0.25)
        : lags;
  if (!Number.isInteger(lag) || lag < 1 || lag >= n) {
    throw new RangeError(
      `invalid lags: ${String(lags)} (must be 'short', 'long' or an integer from 1 to ${n - 1})`,
    );
  }
  const columns = [yLag, y.map(() => 1)];
  // urca centres the trend: t − n/2.
  if (type === 'trend') columns.push(y.map((_, i) => i + 1 - n / 2));
  const fit = ols(columns, y);
  const tau = (fit.coefficients[0] - 1) / fit.standardErrors[0];
  const s = fit.rss / n;
  const sigma = bartlettLongRunVariance(fit.residuals, lag);
  const lambdaPrime = (0.5 * (sigma - s)) / sigma;
  let sumY = 0;
  let sumY2 = 0;
  let sumTY = 0;
  for (let i = 0; i < n; i++) {
    sumY += y[i];
    sumY2 += y[i] * y[i];
    sumTY += (i + 1) * y[i];
  }
  const mean = sumY / n;
  let sumDev2 = 0;
  for (const v of y) sumDev2 += (v - mean) ** 2;
  // The scaled second moment of the regressor in the correction's denominator, as urca computes it.
  let scale: number;
  if (type === 'drift') {
    scale = sumDev2 / n ** 2;
  } else {
    const myy = sumY2 / n ** 2;
    const mty = sumTY / n ** 2.5;
    const my = sumY / n ** 1.5;
    scale =
      (1 - n ** -2) * myy - 12 * mty ** 2 + 12 * (1 + 1 / n) * mty * my - (4 + 6 / n + 2 / n ** 2) * my ** 2;
  }
  const statistic = Math.sqrt(s / sigma) * tau - (lambdaPrime * Math.sqrt(sigma)) / Math.sqrt(scale);
  const criticalValues = phillipsPerronCriticalValues(type, n);
  return { statistic, type, lag, criticalValues, ...tabulatedPValue(statistic, criticalValues) };
}
