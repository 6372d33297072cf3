/**
 * The strength of seasonality (Wang, Smith & Hyndman 2006, "Characteristic-based clustering for time
 * series data", *Data Mining and Knowledge Discovery* 13, 335–364; Hyndman & Athanasopoulos, *FPP3*,
 * §4.3), as forecast 8.20's `seas.heuristic`, the default test of `nsdiffs`:
 *
 *   F_S = max(0, min(1, 1 − var(R) / var(S + R))),
 *
 * with S and R the seasonal and remainder of forecast's `mstl(x)`. For a series with one seasonal
 * period `mstl` is a single `stl(x, s.window = 11)` — its first default `s.window` of 7 + 4·(1…6),
 * not `'periodic'` — with every other setting at R's default (non-robust), which {@link stl} matches.
 * `nsdiffs` differences seasonally when F_S > 0.64.
 */
import { checkValues } from './check-values.ts';
import { isConstant } from './is-constant.ts';
import { stl } from './stl.ts';

/** forecast's `mstl` passes `s.window = 7 + 4 * seq(6)`; with one period only the first, 11, is used. */
export const seasonalStrengthWindow = 11;

/** F_S of `values` with seasonal period `period`; needs more than two full periods, as `stl`. */
export function seasonalStrength(values: ArrayLike<number>, period: number): number {
  const x = checkValues(values, 'seasonalStrength');
  if (isConstant(x)) {
    throw new RangeError(
      'seasonalStrength: the series is constant, so it has no seasonality to measure (R: NaN)',
    );
  }
  const { seasonal, remainder } = stl(x, period, { seasonalWindow: seasonalStrengthWindow });
  const varRemainder = variance(remainder);
  const varDeseasonalised = variance(remainder.map((r, i) => r + seasonal[i]));
  return Math.max(0, Math.min(1, 1 - varRemainder / varDeseasonalised));
}

/** The sample variance (the n − 1 divisor cancels in the ratio, but keeps R's numbers). */
function variance(x: number[]): number {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
}
