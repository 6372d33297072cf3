/**
 * The augmented Dickey–Fuller test of a unit root (Dickey & Fuller 1979; Said & Dickey 1984), as
 * `urca::ur.df` and `tseries::adf.test`; Hyndman & Athanasopoulos, *FPP2*, §8.1.
 *
 * The null is a unit root (differencing needed). The test regression, on Δx_t = x_t − x_{t−1},
 *
 *   Δx_t = γ·x_{t−1} [+ α] [+ β·t] + Σ_{j=1}^{k} δ_j·Δx_{t−j} + e_t,
 *
 * has no deterministic term (`'none'`), a constant (`'drift'`) or a constant and a trend
 * (`'trend'`); the statistic is τ = γ̂ / se(γ̂), and strongly negative τ rejects the unit root.
 *
 * Lags: by default k = ⌊(n − 1)^⅓⌋, `tseries::adf.test`'s rule (urca's default is k = 1, which
 * forecast's `ndiffs` uses). With `selectLags: 'aic' | 'bic'` the regressions with 1…k lags are fitted
 * on the same observations (those left after k lags) and the one with the smallest criterion is
 * kept, as `ur.df(selectlags = "AIC" | "BIC")` — which never tries zero lags.
 *
 * P-values: for `'trend'`, `tseries::adf.test`'s table (Banerjee et al. 1993), interpolated in the
 * sample size and then in τ, range 0.01–0.99; for `'none'` and `'drift'`, which tseries does not
 * offer, linear interpolation in urca's 1/5/10 % critical values (as forecast's `ndiffs` reads a
 * p-value off any urca test), range 0.01–0.1.
 */
import { checkValues } from './check-values.ts';
import { isConstant } from './is-constant.ts';
import { ols, olsInformationCriterion, type OlsFit } from './ols.ts';
import {
  dickeyFullerCriticalValues,
  tabulatedPValue,
  tseriesAdfPValue,
  type CriticalValue,
  type TabulatedPValue,
} from './unit-root-tables.ts';

/** Options of {@link adf}. */
export interface AdfOptions {
  /** Deterministic terms: `'none'`, `'drift'` (a constant) or `'trend'` (constant and linear trend). Default `'trend'`, tseries' only model (urca's default is `'none'`). */
  type?: 'none' | 'drift' | 'trend';
  /** Lagged differences k, an integer ≥ 0; with `selectLags` other than `'fixed'`, the most tried. Default ⌊(n − 1)^⅓⌋ (tseries). */
  lags?: number;
  /** `'fixed'`: use `lags`; `'aic'` or `'bic'`: choose 1…lags by AIC or BIC, as `urca::ur.df`. Default `'fixed'`. */
  selectLags?: 'fixed' | 'aic' | 'bic';
}

/** The defaults of {@link adf}; `lags` depends on n: ⌊(n − 1)^⅓⌋. */
export const adfDefaults = { type: 'trend', selectLags: 'fixed' } as const satisfies AdfOptions;

/** The result of {@link adf}. */
export interface AdfTest extends TabulatedPValue {
  /** τ, the t-value of the lagged level x_{t−1}. */
  statistic: number;
  type: 'none' | 'drift' | 'trend';
  /** Lagged differences in the final regression. */
  lags: number;
  /** How `lags` was chosen, and the most considered. */
  lagSelection: 'fixed' | 'aic' | 'bic';
  maxLags: number;
  /** Rows of the test regression: n − 1 − maxLags. */
  observations: number;
  /** urca's 1, 5 and 10 % critical values of τ for this sample size: reject the unit root at α when `statistic` is below the value at α. */
  criticalValues: CriticalValue[];
  /** Where `pValue` comes from: tseries' table (`'trend'`) or the critical values above. */
  pValueMethod: 'tseries-table' | 'critical-values';
}

/** The augmented Dickey–Fuller test of `values`. */
export function adf(values: ArrayLike<number>, options: AdfOptions = {}): AdfTest {
  const { type = adfDefaults.type, selectLags = adfDefaults.selectLags } = options;
  if (type !== 'none' && type !== 'drift' && type !== 'trend') {
    throw new RangeError(`invalid type: ${String(type)} (must be 'none', 'drift' or 'trend')`);
  }
  if (selectLags !== 'fixed' && selectLags !== 'aic' && selectLags !== 'bic') {
    throw new RangeError(`invalid selectLags: ${String(selectLags)} (must be 'fixed', 'aic' or 'bic')`);
  }
  const x = checkValues(values, 'adf', 3);
  const n = x.length;
  const maxLags = options.lags ?? Math.trunc(Math.cbrt(n - 1));
  if (!Number.isInteger(maxLags) || maxLags < 0) {
    throw new RangeError(`invalid lags: ${maxLags} (must be an integer ≥ 0)`);
  }
  if (isConstant(x)) {
    throw new RangeError('adf: the series is constant, so there is nothing to test (ndiffs gives 0 for it)');
  }
  const dx = x.slice(1).map((v, i) => v - x[i]);
  if (isConstant(dx)) {
    throw new RangeError('adf: the series is a straight line (its differences are constant)');
  }
  const deterministic = type === 'none' ? 0 : type === 'drift' ? 1 : 2;
  const rows = dx.length - maxLags;
  const coefficients = 1 + deterministic + maxLags;
  if (rows <= coefficients) {
    throw new RangeError(
      `adf needs more observations: n = ${n} with lags = ${maxLags} leaves ${rows} rows for ` +
        `${coefficients} coefficients; use fewer lags`,
    );
  }
  const fit = (k: number): OlsFit => ols(design(x, dx, maxLags, k, deterministic), dx.slice(maxLags));
  let lags = maxLags;
  if (selectLags !== 'fixed' && maxLags > 0) {
    const penalty = selectLags === 'aic' ? 2 : Math.log(rows);
    let best = Infinity;
    for (let k = 1; k <= maxLags; k++) {
      const criterion = olsInformationCriterion(fit(k), penalty);
      if (criterion < best) {
        best = criterion;
        lags = k;
      }
    }
  }
  const statistic = fit(lags).tValues[0];
  const criticalValues = dickeyFullerCriticalValues(type, dx.length);
  const p =
    type === 'trend' ? tseriesAdfPValue(statistic, dx.length) : tabulatedPValue(statistic, criticalValues);
  return {
    statistic,
    type,
    lags,
    lagSelection: selectLags,
    maxLags,
    observations: rows,
    criticalValues,
    ...p,
    pValueMethod: type === 'trend' ? 'tseries-table' : 'critical-values',
  };
}

/**
 * The regressors for Δx_t, t = first…n−1 (0-based indices into dx, first = maxLags): the lagged
 * level x_{t−1} first (its t-value is τ), then the constant and trend, then Δx_{t−1}…Δx_{t−k}.
 */
function design(x: number[], dx: number[], first: number, k: number, deterministic: number): number[][] {
  const rows = dx.length - first;
  const column = (f: (t: number) => number): number[] => Array.from({ length: rows }, (_, i) => f(first + i));
  const columns = [column((t) => x[t])];
  if (deterministic >= 1) columns.push(column(() => 1));
  // urca's and tseries' trend is the row's index in the differenced series, 1-based.
  if (deterministic === 2) columns.push(column((t) => t + 1));
  for (let j = 1; j <= k; j++) columns.push(column((t) => dx[t - j]));
  return columns;
}
