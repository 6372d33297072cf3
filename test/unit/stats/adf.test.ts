import { describe, expect, it } from 'vitest';
import { adf, dickeyFullerCriticalValues, SeededRandom } from 'dplab/stats';
import { relativeError, unitRootRefs } from './unit-root-ref.ts';

// Reference: test/unit/stats/unit-root-ref.json (unit-root-ref.R; R 4.2.2, urca 1.3-3, tseries 0.10-53)
// on the 11 series of ../shared/datasets-candidates/ref/diagnostics.json. τ to 1e-9 relative (reached:
// ≤ 2e-13); lags and critical values exactly; p-values to 1e-12 absolute (same interpolation as R).
const urDfCases = {
  none_1: { type: 'none', lags: 1 },
  drift_1: { type: 'drift', lags: 1 },
  trend_1: { type: 'trend', lags: 1 },
  drift_0: { type: 'drift', lags: 0 },
  trend_4: { type: 'trend', lags: 4 },
  drift_aic_6: { type: 'drift', lags: 6, selectLags: 'aic' },
  trend_bic_6: { type: 'trend', lags: 6, selectLags: 'bic' },
  none_aic_4: { type: 'none', lags: 4, selectLags: 'aic' },
} as const;

describe('adf', () => {
  for (const [name, r] of Object.entries(unitRootRefs)) {
    it(`tseries::adf.test(${name}) and adf.test(${name}, k = 0): τ, k = trunc((n − 1)^(1/3)), p-value`, () => {
      const t = adf(r.values);
      expect(relativeError(t.statistic, r.adf_test.statistic)).toBeLessThanOrEqual(1e-9);
      expect(t.lags).toBe(r.adf_test.lag);
      expect(t.lags).toBe(Math.trunc(Math.cbrt(r.n - 1)));
      expect(t.pValueMethod).toBe('tseries-table');
      expect(Math.abs(t.pValue - r.adf_test.p_value)).toBeLessThanOrEqual(1e-12);
      const t0 = adf(r.values, { lags: 0 });
      expect(relativeError(t0.statistic, r.adf_test_k0.statistic)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(t0.pValue - r.adf_test_k0.p_value)).toBeLessThanOrEqual(1e-12);
    });

    it(`urca::ur.df(${name}, type, lags, selectlags = "Fixed" | "AIC" | "BIC") matches R`, () => {
      for (const [key, options] of Object.entries(urDfCases)) {
        const R = r.ur_df[key];
        const t = adf(r.values, options);
        expect(relativeError(t.statistic, R.statistic), key).toBeLessThanOrEqual(1e-9);
        expect(t.lags, `${key}: lags in the final regression`).toBe(R.lags);
        expect(t.criticalValues.map((c) => c.value)).toEqual(R.cval);
        // forecast's urca_pval on the same critical values; tseries' table is used for 'trend'.
        if (options.type !== 'trend') expect(Math.abs(t.pValue - R.p_value), key).toBeLessThanOrEqual(1e-12);
      }
    });
  }

  it('states how the lags were chosen and the sample they were compared on', () => {
    // ur.df(co2, "drift", lags = 6, selectlags = "AIC"): the lags urca keeps, chosen on n − 1 − 6 rows.
    const t = adf(unitRootRefs.co2.values, { type: 'drift', lags: 6, selectLags: 'aic' });
    expect(t.lagSelection).toBe('aic');
    expect(t.maxLags).toBe(6);
    expect(t.lags).toBe(unitRootRefs.co2.ur_df.drift_aic_6.lags);
    expect(t.observations).toBe(468 - 1 - 6);
    expect(t.pValueMethod).toBe('critical-values');
    expect(t.pValueRange).toEqual([0.01, 0.1]);
  });

  it("tseries' p-value reaches 0.99 on the explosive side; urca's critical values stop at 0.1", () => {
    // An explosive AR(1), x_t = 1.1·x_{t−1} + e_t, seeded.
    const random = new SeededRandom(3);
    const x = [1];
    for (let t = 1; t < 60; t++) x.push(1.1 * x[t - 1] + random.normal());
    const t = adf(x);
    expect(t.pValueRange).toEqual([0.01, 0.99]);
    expect(t.pValue).toBe(0.99);
    expect(t.pValueBeyond).toBe('greater');
  });

  it("urca's critical-value rows change at 25, 50, 100, 250 and 500 differenced values", () => {
    const fivePct = (n: number): number => dickeyFullerCriticalValues('drift', n)[1].value;
    expect([24, 25, 49, 50, 99, 100, 249, 250, 499, 500].map(fivePct)).toEqual([
      -3, -2.93, -2.93, -2.89, -2.89, -2.88, -2.88, -2.87, -2.87, -2.86,
    ]);
  });

  it('rejects too-short, non-finite, constant and straight-line series, too many lags and bad options', () => {
    expect(() => adf([1, 2])).toThrow('adf needs at least 3 observations, got 2');
    expect(() => adf([1, 2, NaN, 4, 5, 6])).toThrow('observation 3 is NaN');
    expect(() => adf([2, 2, 2, 2, 2, 2])).toThrow('adf: the series is constant');
    expect(() => adf([1, 3, 5, 7, 9, 11])).toThrow('adf: the series is a straight line');
    expect(() => adf([1, 4, 2, 8, 5, 7, 3], { lags: 2 })).toThrow(
      'adf needs more observations: n = 7 with lags = 2 leaves 4 rows for 5 coefficients; use fewer lags',
    );
    expect(() => adf([1, 4, 2, 8, 5, 7, 3], { lags: -1 })).toThrow(
      'invalid lags: -1 (must be an integer ≥ 0)',
    );
    // @ts-expect-error: a wrong type from JavaScript
    expect(() => adf([1, 4, 2, 8, 5], { type: 'constant' })).toThrow(
      "invalid type: constant (must be 'none', 'drift' or 'trend')",
    );
    // @ts-expect-error: R's spelling is not accepted
    expect(() => adf([1, 4, 2, 8, 5], { selectLags: 'AIC' })).toThrow('invalid selectLags: AIC');
  });
});
