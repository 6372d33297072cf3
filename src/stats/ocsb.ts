/**
 * The OCSB test of a seasonal unit root (Osborn, Chui, Smith & Birchenhall 1988, "Seasonality and
 * the order of integration for consumption", *Oxford Bulletin of Economics and Statistics* 50,
 * 361–377), as forecast 8.20's `ocsb.test`, one of the tests `nsdiffs` offers.
 *
 * With y_t = ΔΔ_m x_t, the regression (no constant)
 *
 *   y_t = Σ_{k=1}^{L} φ_k·y_{t−k} + β₁·Z4_{t−1} + β₂·Z5_{t−m} + e_t,
 *
 * where Z4 = Δ_m x and Z5 = Δx are first filtered by the AR(L) polynomial fitted to y alone
 * (Z4_t = Δ_m x_t − Σ φ_k Δ_m x_{t−k}, likewise Z5). The statistic is the t-value of β₂; the null of
 * a seasonal unit root (seasonal differencing needed) stands when it is above the 5 % critical value.
 * That critical value is forecast's regression on log m fitted to simulated ones
 * (`calcOCSBCritVal`), which holds for 5 % only.
 *
 * Lags as forecast: `'fixed'` uses L = `maxLag`. With `'aic' | 'bic' | 'aicc'` forecast fits
 * L = 1…maxLag on the observations left after maxLag lags, finds the best, and then — its
 * `maxlag <- id - 1` — refits with one lag fewer than the best (so a best L = 1 gives L = 0), on the
 * observations left after that many lags. That is copied, so that `nsdiffs(test = 'ocsb')` agrees
 * with R; `lag` reports the L of the final fit, as R's `lag.order` does.
 */
import { checkValues } from './check-values.ts';
import { isConstant } from './is-constant.ts';
import { ols, type OlsFit } from './ols.ts';

/** Options of {@link ocsb}; the defaults are forecast's (`nsdiffs` uses `'aic'` with `maxLag` 3). */
export interface OcsbOptions {
  /** How the AR order L is chosen: `'fixed'` (L = maxLag), or by `'aic'`, `'bic'` or `'aicc'` among 1…maxLag. Default `'fixed'`. */
  lagMethod?: 'fixed' | 'aic' | 'bic' | 'aicc';
  /** The largest (or, when fixed, the only) AR order, an integer ≥ 0. Default 0. */
  maxLag?: number;
}

/** The defaults of {@link ocsb}: those of forecast's `ocsb.test`. */
export const ocsbDefaults = { lagMethod: 'fixed', maxLag: 0 } as const satisfies Required<OcsbOptions>;

/** The result of {@link ocsb}. */
export interface OcsbTest {
  /** The t-value of β₂ (the coefficient of Z5_{t−m}). */
  statistic: number;
  /** The 5 % critical value for this period; seasonal differencing is indicated when `statistic` is above it. */
  criticalValue: number;
  period: number;
  /** The AR order L of the final regression (R's `lag.order`). */
  lag: number;
  lagMethod: 'fixed' | 'aic' | 'bic' | 'aicc';
  maxLag: number;
}

/**
 * The 5 % critical value of the OCSB statistic for seasonal period m: forecast's fit to simulated
 * values, −0.2937411·exp(−0.2850853·(log m − 0.7656451) − 0.05983644·(log m − 0.7656451)²) − 1.652202.
 */
export function ocsbCriticalValue(period: number): number {
  const u = Math.log(period) - 0.7656451;
  return -0.2937411 * Math.exp(-0.2850853 * u - 0.05983644 * u * u) - 1.652202;
}

/** The OCSB test of `values` with seasonal period `period`. */
export function ocsb(values: ArrayLike<number>, period: number, options: OcsbOptions = {}): OcsbTest {
  if (!Number.isInteger(period) || period < 2) {
    throw new RangeError(
      `invalid period: ${period} (must be an integer ≥ 2; the OCSB test is for seasonal data)`,
    );
  }
  const { lagMethod = ocsbDefaults.lagMethod, maxLag = ocsbDefaults.maxLag } = options;
  if (!['fixed', 'aic', 'bic', 'aicc'].includes(lagMethod)) {
    throw new RangeError(`invalid lagMethod: ${String(lagMethod)} (must be 'fixed', 'aic', 'bic' or 'aicc')`);
  }
  if (!Number.isInteger(maxLag) || maxLag < 0) {
    throw new RangeError(`invalid maxLag: ${maxLag} (must be an integer ≥ 0)`);
  }
  const x = checkValues(values, 'ocsb', 1);
  const n = x.length;
  const m = period;
  const rows = n - m - 1 - maxLag;
  if (rows <= maxLag + 2) {
    throw new RangeError(
      `ocsb needs more observations: n = ${n} with period ${m} and maxLag ${maxLag} leaves ${Math.max(rows, 0)} ` +
        `rows for ${maxLag + 2} coefficients`,
    );
  }
  if (isConstant(x)) {
    throw new RangeError(
      'ocsb: the series is constant, so there is nothing to test (nsdiffs gives 0 for it)',
    );
  }
  let lag = maxLag;
  if (lagMethod !== 'fixed' && maxLag > 0) {
    let best = Infinity;
    let bestLag = 1;
    for (let L = 1; L <= maxLag; L++) {
      const c = criterion(fitOcsb(x, m, L, maxLag), lagMethod);
      if (c < best) {
        best = c;
        bestLag = L;
      }
    }
    lag = bestLag - 1;
  }
  const fit = fitOcsb(x, m, lag, lag);
  const statistic = fit.tValues[lag + 1];
  if (!Number.isFinite(statistic)) {
    throw new RangeError(
      'ocsb: the regression fits exactly, so the test has no answer (R: "Model did not reach a solution")',
    );
  }
  return { statistic, criticalValue: ocsbCriticalValue(m), period: m, lag, lagMethod, maxLag };
}

/**
 * forecast's `fitOCSB(x, lag, maxlag)`: the OCSB regression with AR order `lag` on the rows
 * t = m + 1 + trim … n − 1 (0-based). Its columns: y_{t−1}…y_{t−lag}, Z4_{t−1}, Z5_{t−m}.
 */
function fitOcsb(x: number[], m: number, lag: number, trim: number): OlsFit {
  const n = x.length;
  const y = (t: number): number => x[t] - x[t - 1] - x[t - m] + x[t - m - 1];
  const first = m + 1 + trim;
  const times = Array.from({ length: n - first }, (_, i) => first + i);
  const target = times.map(y);
  const lagColumns = Array.from({ length: lag }, (_, k) => times.map((t) => y(t - k - 1)));
  // The AR(lag) filter fitted to y alone (forecast's ar.fit); with no lags it is the identity.
  const phi = lag > 0 ? ols(lagColumns, target).coefficients : [];
  const filter = (d: (t: number) => number, t: number): number =>
    phi.reduce((s, p, k) => s - p * d(t - k - 1), d(t));
  const seasonalDiff = (t: number): number => x[t] - x[t - m];
  const firstDiff = (t: number): number => x[t] - x[t - 1];
  const z4 = times.map((t) => filter(seasonalDiff, t - 1));
  const z5 = times.map((t) => filter(firstDiff, t - m));
  return ols([...lagColumns, z4, z5], target);
}

/** R's AIC, BIC or forecast's AICc of an OCSB regression (k = coefficients + 1). */
function criterion(fit: OlsFit, method: 'aic' | 'bic' | 'aicc'): number {
  const k = fit.coefficients.length + 1;
  if (method === 'aic') return -2 * fit.logLik + 2 * k;
  if (method === 'bic') return -2 * fit.logLik + Math.log(fit.n) * k;
  return -2 * fit.logLik + 2 * k + (2 * k * (k + 1)) / (fit.n - k - 1);
}
