/**
 * How many seasonal differences a series needs, as forecast 8.20's `nsdiffs`: the D that
 * `autoArima` uses (Hyndman & Athanasopoulos, *FPP3*, §9.1).
 *
 * Test the series; while the test calls for it and D < `maxD`, take a seasonal difference
 * x_t − x_{t−m} and, if at least 2m values are left and D < `maxD`, test again. Tests, as forecast:
 * - `'seas'` (default since forecast 8.x): the {@link seasonalStrength} F_S; difference when
 *   F_S > 0.64 (forecast's threshold);
 * - `'ocsb'`: {@link ocsb} with `lagMethod: 'aic'`, `maxLag: 3`; difference when the statistic is
 *   above the 5 % critical value (forecast supports no other level for OCSB).
 *
 * As R: a constant series, or a period not below the length, gives 0; a series that becomes
 * constant stops the search; a test that cannot be run (e.g. two periods or fewer for `'seas'`, as
 * `stl` needs more) gives no further difference (R warns; here `stoppedBy: 'test-failed'`). R's
 * `alpha` argument is not offered: neither test here uses it.
 */
import { checkValues } from './check-values.ts';
import { isConstant } from './is-constant.ts';
import { difference, type DifferencingResult, type DifferencingStep } from './ndiffs.ts';
import { ocsb } from './ocsb.ts';
import { seasonalStrength } from './seasonal-strength.ts';

/** Options of {@link nsdiffs}; every default is forecast 8.20's. */
export interface NsdiffsOptions {
  /** `'seas'` (seasonal strength > 0.64) or `'ocsb'`. Default `'seas'`. */
  test?: 'seas' | 'ocsb';
  /** The most seasonal differences, an integer ≥ 0. Default 1. */
  maxD?: number;
}

/** The defaults of {@link nsdiffs}: forecast 8.20's. */
export const nsdiffsDefaults = { test: 'seas', maxD: 1 } as const satisfies Required<NsdiffsOptions>;

/** forecast's threshold on the seasonal strength. */
export const seasonalStrengthThreshold = 0.64;

/** The number of seasonal differences D (period `period`) that `values` need by `test`, with the tests run. */
export function nsdiffs(
  values: ArrayLike<number>,
  period: number,
  options: NsdiffsOptions = {},
): DifferencingResult {
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(
      `invalid period: ${period} (must be an integer ≥ 2: nsdiffs is for seasonal data; 12 for monthly, 4 for quarterly)`,
    );
  }
  const { test = nsdiffsDefaults.test, maxD = nsdiffsDefaults.maxD } = options;
  if (test !== 'seas' && test !== 'ocsb') {
    throw new RangeError(`invalid test: ${String(test)} (must be 'seas' or 'ocsb')`);
  }
  if (!Number.isInteger(maxD) || maxD < 0)
    throw new RangeError(`invalid maxD: ${maxD} (must be an integer ≥ 0)`);
  let x = checkValues(values, 'nsdiffs');
  const steps: DifferencingStep[] = [];
  const result = (
    differences: number,
    stoppedBy: DifferencingResult['stoppedBy'],
    error: string | null = null,
  ): DifferencingResult => ({ differences, test, steps, stoppedBy, error });
  if (isConstant(x)) return result(0, 'constant');
  if (period >= x.length) return result(0, 'too-short');

  let failure: string | null = null;
  const decide = (y: number[], D: number): boolean => {
    try {
      let step: DifferencingStep;
      if (test === 'seas') {
        const strength = seasonalStrength(y, period);
        const threshold = seasonalStrengthThreshold;
        step = {
          differences: D,
          statistic: strength,
          pValue: null,
          threshold,
          difference: strength > threshold,
        };
      } else {
        const o = ocsb(y, period, { lagMethod: 'aic', maxLag: 3 });
        const threshold = o.criticalValue;
        step = {
          differences: D,
          statistic: o.statistic,
          pValue: null,
          threshold,
          difference: o.statistic > threshold,
        };
      }
      steps.push(step);
      return step.difference;
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
      return false;
    }
  };

  let D = 0;
  let differ = decide(x, D);
  while (differ && D < maxD) {
    D++;
    x = difference(x, period);
    if (isConstant(x)) return result(D, 'constant');
    if (x.length >= 2 * period && D < maxD) {
      differ = decide(x, D);
    } else {
      return result(D, D < maxD ? 'too-short' : 'max-differences');
    }
  }
  if (differ) return result(D, 'max-differences');
  return failure === null ? result(D, 'test') : result(D, 'test-failed', failure);
}
