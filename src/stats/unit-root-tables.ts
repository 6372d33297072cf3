/**
 * Critical values of the unit-root tests and the p-values R reads off them.
 *
 * Such tests have no closed-form null distribution: the tables below were simulated by their
 * authors, and R's packages turn a statistic into a p-value by linear interpolation between the
 * tabulated points (`approx(..., rule = 2)`), so a p-value is known only inside the table's range and
 * is clamped to its ends outside it. The tables are facts quoted from the packages' sources:
 * `urca` 1.3-3 (`ur.kpss`, `ur.df`, `ur.pp`) and `tseries` 0.10-53 (`kpss.test`, `adf.test`).
 */

/** One tabulated point: the statistic's value at significance level `alpha`. */
export interface CriticalValue {
  alpha: number;
  value: number;
}

/** A p-value read off a table of critical values. */
export interface TabulatedPValue {
  /** Linearly interpolated, and clamped to `pValueRange` outside the table. */
  pValue: number;
  /** The smallest and largest p-value the table resolves. */
  pValueRange: [number, number];
  /**
   * `null` inside the table; outside it, which side the true p-value lies on — `'smaller'` means it
   * is below the printed `pValue` (R's tseries warns "p-value smaller than printed p-value").
   */
  pValueBeyond: 'smaller' | 'greater' | null;
}

/**
 * KPSS upper-tail critical values of η_μ (level) and η_τ (trend) at 10, 5, 2.5 and 1 %, from
 * Kwiatkowski, Phillips, Schmidt & Shin (1992), Table 1; the same in `urca::ur.kpss` and
 * `tseries::kpss.test`. They do not depend on the sample size.
 */
export const kpssCriticalValues: Record<'level' | 'trend', CriticalValue[]> = {
  level: [
    { alpha: 0.01, value: 0.739 },
    { alpha: 0.025, value: 0.574 },
    { alpha: 0.05, value: 0.463 },
    { alpha: 0.1, value: 0.347 },
  ],
  trend: [
    { alpha: 0.01, value: 0.216 },
    { alpha: 0.025, value: 0.176 },
    { alpha: 0.05, value: 0.146 },
    { alpha: 0.1, value: 0.119 },
  ],
};

/**
 * Dickey–Fuller τ critical values at 1, 5 and 10 % as `urca::ur.df` tabulates them (Fuller 1976,
 * Table 8.5.2; Hamilton 1994, Table B.6, case 1/2/4): one row per sample size band, chosen by the
 * length of the differenced series — below 25, 50, 100, 250, 500, and 500 or more.
 */
const dickeyFullerTau: Record<'none' | 'drift' | 'trend', number[][]> = {
  none: [
    [-2.66, -1.95, -1.6],
    [-2.62, -1.95, -1.61],
    [-2.6, -1.95, -1.61],
    [-2.58, -1.95, -1.62],
    [-2.58, -1.95, -1.62],
    [-2.58, -1.95, -1.62],
  ],
  drift: [
    [-3.75, -3, -2.63],
    [-3.58, -2.93, -2.6],
    [-3.51, -2.89, -2.58],
    [-3.46, -2.88, -2.57],
    [-3.44, -2.87, -2.57],
    [-3.43, -2.86, -2.57],
  ],
  trend: [
    [-4.38, -3.6, -3.24],
    [-4.15, -3.5, -3.18],
    [-4.04, -3.45, -3.15],
    [-3.99, -3.43, -3.13],
    [-3.98, -3.42, -3.13],
    [-3.96, -3.41, -3.12],
  ],
};

/** The 1, 5 and 10 % critical values of the ADF τ statistic for a differenced series of `n` values (urca's row choice). */
export function dickeyFullerCriticalValues(type: 'none' | 'drift' | 'trend', n: number): CriticalValue[] {
  const row = n < 25 ? 0 : n < 50 ? 1 : n < 100 ? 2 : n < 250 ? 3 : n < 500 ? 4 : 5;
  const [c1, c5, c10] = dickeyFullerTau[type][row];
  return [
    { alpha: 0.01, value: c1 },
    { alpha: 0.05, value: c5 },
    { alpha: 0.1, value: c10 },
  ];
}

/**
 * `tseries::adf.test`'s table of τ_τ (constant and trend) quantiles, from Banerjee, Dolado,
 * Galbraith & Hendry (1993), Table 4.2: rows are sample sizes, columns the probabilities below.
 */
const tseriesAdfSizes = [25, 50, 100, 250, 500, 100000];
const tseriesAdfProbabilities = [0.01, 0.025, 0.05, 0.1, 0.9, 0.95, 0.975, 0.99];
const tseriesAdfTable = [
  [-4.38, -3.95, -3.6, -3.24, -1.14, -0.8, -0.5, -0.15],
  [-4.15, -3.8, -3.5, -3.18, -1.19, -0.87, -0.58, -0.24],
  [-4.04, -3.73, -3.45, -3.15, -1.22, -0.9, -0.62, -0.28],
  [-3.99, -3.69, -3.43, -3.13, -1.23, -0.92, -0.64, -0.31],
  [-3.98, -3.68, -3.42, -3.13, -1.24, -0.93, -0.65, -0.32],
  [-3.96, -3.66, -3.41, -3.12, -1.25, -0.94, -0.66, -0.33],
];

/**
 * The p-value of the ADF τ_τ statistic as `tseries::adf.test` computes it: the table interpolated in
 * the sample size `n` (the differenced series' length) first, then in the statistic. Range 0.01–0.99.
 */
export function tseriesAdfPValue(statistic: number, n: number): TabulatedPValue {
  const quantiles = tseriesAdfProbabilities.map((_, j) =>
    interpolate(
      tseriesAdfSizes,
      tseriesAdfTable.map((row) => row[j]),
      n,
    ),
  );
  return tabulatedPValue(
    statistic,
    quantiles.map((value, j) => ({ alpha: tseriesAdfProbabilities[j], value })),
  );
}

/**
 * Phillips–Perron Z_τ critical values at 1, 5 and 10 % for `n` observations, as `urca::ur.pp`: the
 * response surfaces of MacKinnon (1991), "Critical values for cointegration tests", Table 1.
 */
export function phillipsPerronCriticalValues(type: 'drift' | 'trend', n: number): CriticalValue[] {
  const surface =
    type === 'drift'
      ? [
          [-3.4335, -5.999, -29.25],
          [-2.8621, -2.738, -8.36],
          [-2.5671, -1.438, -4.48],
        ]
      : [
          [-3.9638, -8.353, -47.44],
          [-3.4126, -4.039, -17.83],
          [-3.1279, -2.418, -7.58],
        ];
  return [0.01, 0.05, 0.1].map((alpha, i) => ({
    alpha,
    value: surface[i][0] + surface[i][1] / n + surface[i][2] / (n * n),
  }));
}

/**
 * Reads a p-value off `criticalValues` by linear interpolation, clamped at the table's ends: R's
 * `approx(cval, alpha, xout = statistic, rule = 2)`, which forecast's `ndiffs` applies to urca's
 * tables. `NaN` for a `NaN` statistic.
 */
export function tabulatedPValue(
  statistic: number,
  criticalValues: readonly CriticalValue[],
): TabulatedPValue {
  const points = [...criticalValues].sort((a, b) => a.value - b.value);
  const values = points.map((p) => p.value);
  const alphas = points.map((p) => p.alpha);
  const lo = Math.min(...alphas);
  const hi = Math.max(...alphas);
  const pValue = interpolate(values, alphas, statistic);
  const first = values[0];
  const last = values[values.length - 1];
  const outside = statistic < first || statistic > last;
  return {
    pValue,
    pValueRange: [lo, hi],
    pValueBeyond: !outside ? null : pValue === lo ? 'smaller' : 'greater',
  };
}

/** R's `approx(x, y, xout, rule = 2)$y` for increasing `x`: linear inside, the end values outside. */
export function interpolate(x: readonly number[], y: readonly number[], at: number): number {
  if (Number.isNaN(at)) return NaN;
  const last = x.length - 1;
  if (at <= x[0]) return y[0];
  if (at >= x[last]) return y[last];
  let i = 0;
  while (x[i + 1] < at) i++;
  // In R's order of operations (approx1 in approx.c), so results agree to the last bit.
  return y[i] + (y[i + 1] - y[i]) * ((at - x[i]) / (x[i + 1] - x[i]));
}
