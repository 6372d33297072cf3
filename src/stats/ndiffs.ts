/**
 * How many first differences make a series stationary, as forecast 8.20's `ndiffs` (Hyndman &
 * Khandakar 2008, "Automatic time series forecasting: the forecast package for R", *Journal of
 * Statistical Software* 27(3); *FPP3* §9.1): the d that `autoArima` uses.
 *
 * Starting with d = 0, test the series; while the test calls for differencing and d < `maxD`,
 * difference once more and test again. The tests and their calls are forecast's:
 * - `'kpss'` (default): {@link kpss} with bandwidth ⌊3√n/13⌋ (not urca's `'short'`); difference when
 *   its p-value is below `alpha` (stationarity rejected);
 * - `'adf'`: {@link adf} with one lagged difference, a constant (`'level'`) or a trend (`'trend'`);
 *   difference when the p-value is above `alpha` (unit root not rejected);
 * - `'pp'`: {@link pp} with bandwidth `'short'`; likewise.
 *
 * P-values are read off urca's critical values by linear interpolation (forecast's `urca_pval`),
 * so they lie in 0.01–0.1, hence `alpha` must too (R warns and clamps; here it is an error).
 * As R: a constant series needs no differences, a series that becomes constant stops the search, and
 * a test that cannot be run stops it without another difference (R warns; here `stoppedBy` is
 * `'test-failed'` and `error` says why).
 *
 * One departure: on an exact straight line the ADF and PP regressions (and a KPSS test around a
 * trend) fit perfectly, and R's answer depends on rounding noise (`ndiffs(1:20, test = "adf")` is 1,
 * with `"pp"` 0). Here a straight line is stationary around its trend for `type: 'trend'` and needs
 * one more difference (which leaves a constant) for `type: 'level'`.
 */
import { adf } from './adf.ts';
import { checkValues } from './check-values.ts';
import { isConstant } from './is-constant.ts';
import { kpss } from './kpss.ts';
import { pp } from './pp.ts';
import { tabulatedPValue, type CriticalValue } from './unit-root-tables.ts';

/** Options of {@link ndiffs}; every default is forecast 8.20's. */
export interface NdiffsOptions {
  /** Significance level, from 0.01 to 0.1 (the range the tables resolve). Default 0.05. */
  alpha?: number;
  /** `'kpss'` (null: stationary), `'adf'` or `'pp'` (null: unit root). Default `'kpss'`. */
  test?: 'kpss' | 'adf' | 'pp';
  /** Deterministic part under the test's null: `'level'` (a mean; ADF/PP with a constant) or `'trend'`. Default `'level'`. */
  type?: 'level' | 'trend';
  /** The most differences to take, an integer ≥ 0. Default 2. */
  maxD?: number;
}

/** The defaults of {@link ndiffs}: forecast 8.20's. */
export const ndiffsDefaults = {
  alpha: 0.05,
  test: 'kpss',
  type: 'level',
  maxD: 2,
} as const satisfies Required<NdiffsOptions>;

/** One test run while searching for the number of differences. */
export interface DifferencingStep {
  /** Differences already taken when this test ran. */
  differences: number;
  /** The test's statistic: KPSS η, ADF τ, PP Z_τ, the OCSB t-value, or the seasonal strength. */
  statistic: number;
  /** KPSS, ADF and PP: the p-value read off the critical values as forecast does (0.01–0.1); otherwise `null`. */
  pValue: number | null;
  /** What was compared: `alpha` (with `pValue`), the OCSB 5 % critical value, or 0.64 (with the strength). */
  threshold: number;
  /** Whether the test called for another difference. */
  difference: boolean;
}

/** The result of {@link ndiffs} and `nsdiffs`. */
export interface DifferencingResult {
  /** The number of differences d (or seasonal differences D). */
  differences: number;
  test: 'kpss' | 'adf' | 'pp' | 'seas' | 'ocsb';
  /** The tests run, in order. */
  steps: DifferencingStep[];
  /**
   * Why the search stopped: `'test'` (the last test called for no more), `'max-differences'`,
   * `'constant'` (the series, or its last difference, is constant), `'straight-line'` (see above),
   * `'test-failed'` (the test could not be run, e.g. too few observations: `error`), or
   * `'too-short'` (`nsdiffs`: the period is not below the series' length).
   */
  stoppedBy: 'test' | 'max-differences' | 'constant' | 'straight-line' | 'test-failed' | 'too-short';
  /** The message of the test that failed, else `null`. */
  error: string | null;
}

/** What one test in the search decided. */
interface Decision {
  difference: boolean;
  step?: DifferencingStep;
  stoppedBy?: DifferencingResult['stoppedBy'];
  error?: string;
  /** The statistic was NaN (R's NA): R then returns without the last difference. */
  undefinedStatistic?: boolean;
}

/** The number of first differences d that makes `values` stationary by `test`, with the tests run. */
export function ndiffs(values: ArrayLike<number>, options: NdiffsOptions = {}): DifferencingResult {
  const {
    alpha = ndiffsDefaults.alpha,
    test = ndiffsDefaults.test,
    type = ndiffsDefaults.type,
    maxD = ndiffsDefaults.maxD,
  } = options;
  if (!(alpha >= 0.01 && alpha <= 0.1)) {
    throw new RangeError(
      `invalid alpha: ${alpha} (must be from 0.01 to 0.1, the range the critical values cover)`,
    );
  }
  if (test !== 'kpss' && test !== 'adf' && test !== 'pp') {
    throw new RangeError(`invalid test: ${String(test)} (must be 'kpss', 'adf' or 'pp')`);
  }
  if (type !== 'level' && type !== 'trend') {
    throw new RangeError(`invalid type: ${String(type)} (must be 'level' or 'trend')`);
  }
  if (!Number.isInteger(maxD) || maxD < 0)
    throw new RangeError(`invalid maxD: ${maxD} (must be an integer ≥ 0)`);
  let x = checkValues(values, 'ndiffs');
  const steps: DifferencingStep[] = [];
  const result = (
    differences: number,
    stoppedBy: DifferencingResult['stoppedBy'],
    error: string | null = null,
  ): DifferencingResult => ({ differences, test, steps, stoppedBy, error });
  if (isConstant(x)) return result(0, 'constant');

  const decide = (y: number[], d: number): Decision => {
    if (!(test === 'kpss' && type === 'level') && isConstant(difference(y))) {
      return type === 'level' ? { difference: true } : { difference: false, stoppedBy: 'straight-line' };
    }
    let statistic: number;
    let criticalValues: CriticalValue[];
    try {
      ({ statistic, criticalValues } =
        test === 'kpss'
          ? kpss(y, { type, lags: Math.trunc((3 * Math.sqrt(y.length)) / 13) })
          : test === 'adf'
            ? adf(y, { type: type === 'level' ? 'drift' : 'trend', lags: 1 })
            : pp(y, { type: type === 'level' ? 'drift' : 'trend' }));
    } catch (e) {
      return {
        difference: false,
        stoppedBy: 'test-failed',
        error: e instanceof Error ? e.message : String(e),
      };
    }
    const { pValue } = tabulatedPValue(statistic, criticalValues);
    if (Number.isNaN(pValue)) return { difference: false, undefinedStatistic: true };
    const differ = test === 'kpss' ? pValue < alpha : pValue > alpha;
    const step = { differences: d, statistic, pValue, threshold: alpha, difference: differ };
    steps.push(step);
    return { difference: differ, step };
  };

  let d = 0;
  let decision = decide(x, d);
  if (decision.undefinedStatistic) return result(d, 'test-failed', 'the test statistic is undefined');
  while (decision.difference && d < maxD) {
    d++;
    x = difference(x);
    if (isConstant(x)) return result(d, 'constant');
    decision = decide(x, d);
    if (decision.undefinedStatistic) return result(d - 1, 'test-failed', 'the test statistic is undefined');
  }
  if (decision.difference) return result(d, 'max-differences');
  return result(d, decision.stoppedBy ?? 'test', decision.error ?? null);
}

/** x_t − x_{t−lag}. */
export function difference(x: readonly number[], lag = 1): number[] {
  return x.slice(lag).map((v, i) => v - x[i]);
}
