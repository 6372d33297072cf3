/**
 * The seasonality test of the M3/M4 competition benchmarks (Makridakis & Hibon 2000; the M4
 * `SeasonalityTest` in *Benchmarks and Evaluation.R*), used to decide whether Naïve2, SES, Holt and
 * damped are applied to seasonally adjusted data.
 *
 * A series is seasonal when it has at least three full periods (n ≥ 3m) and its autocorrelation at
 * the seasonal lag is significant at 90 %:
 *
 *   |r_m| > 1.645·sqrt((1 + 2·Σ_{k=1}^{m−1} r_k²) / n),
 *
 * the right-hand side being Bartlett's large-lag standard error of r_m under an MA(m − 1) null.
 *
 * One quirk of the original R code is not copied: it takes r_m from `acf(x)` with R's default
 * `lag.max` = ⌊10·log₁₀ n⌋ and returns `FALSE` when that stops short of m (e.g. hourly data with
 * m = 24 and n < 251); here r_m is always computed.
 */
import { acf } from './acf.ts';
import { checkValues } from './check-values.ts';

/** 1.645: the one-sided 95 % (two-sided 90 %) normal quantile the M competitions use. */
const criticalValue = 1.645;

/** Whether `values` show significant seasonality at period `period`; always `false` for period ≤ 1. */
export function isSeasonal(values: ArrayLike<number>, period: number): boolean {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(
      `invalid period: ${period} (must be an integer ≥ 1; 12 for monthly data, 4 for quarterly)`,
    );
  }
  const x = checkValues(values, 'the seasonality test', 0);
  if (period <= 1 || x.length < 3 * period) return false;
  const r = acf(x, period);
  let sum = 1;
  for (let k = 1; k < period; k++) sum += 2 * r[k] * r[k];
  const limit = (criticalValue / Math.sqrt(x.length)) * Math.sqrt(sum);
  // A constant series has NaN autocorrelations: not seasonal, as the M4 code's is.na check gives.
  return Math.abs(r[period]) > limit;
}
