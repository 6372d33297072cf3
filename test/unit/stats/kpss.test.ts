import { describe, expect, it } from 'vitest';
import { kpss, kpssCriticalValues } from 'dplab/stats';
import { readSeries } from '../read-fixture.ts';
import { relativeError, unitRootRefs } from './unit-root-ref.ts';

// Reference: test/unit/stats/unit-root-ref.json (unit-root-ref.R; R 4.2.2, urca 1.3-3, tseries 0.10-53)
// on the 11 series of ../shared/datasets-candidates/ref/diagnostics.json. Statistics to 1e-9 relative
// (reached: ≤ 2e-13); lags exactly; p-values are a linear interpolation in the same table as R's, so to
// 1e-12 absolute (reached: equal).
describe('kpss', () => {
  for (const [name, r] of Object.entries(unitRootRefs)) {
    it(`urca::ur.kpss(${name}, type = "mu" | "tau", lags = "short" | "long" | "nil" | use.lag = 5) matches R`, () => {
      const x = r.values;
      const cases = [
        [kpss(x), r.ur_kpss.mu_short],
        [kpss(x, { lags: 'long' }), r.ur_kpss.mu_long],
        [kpss(x, { lags: 'nil' }), r.ur_kpss.mu_nil],
        [kpss(x, { lags: 5 }), r.ur_kpss.mu_lag5],
        [kpss(x, { type: 'trend' }), r.ur_kpss.tau_short],
        [kpss(x, { type: 'trend', lags: 'long' }), r.ur_kpss.tau_long],
      ] as const;
      for (const [ours, R] of cases) {
        expect(relativeError(ours.statistic, R.statistic)).toBeLessThanOrEqual(1e-9);
        expect(ours.lag).toBe(R.lag);
        // urca lists its critical values at 10, 5, 2.5 and 1 %; ours go from 1 % up.
        expect(ours.criticalValues.map((c) => c.value).reverse()).toEqual(R.cval);
      }
    });

    it(`tseries::kpss.test(${name}, null = "Level" | "Trend", lshort = TRUE | FALSE): statistic and p-value`, () => {
      const x = r.values;
      const cases = [
        [kpss(x), r.kpss_test.level],
        [kpss(x, { type: 'trend' }), r.kpss_test.trend],
        [kpss(x, { lags: 'long' }), r.kpss_test.level_long],
      ] as const;
      for (const [ours, R] of cases) {
        expect(relativeError(ours.statistic, R.statistic)).toBeLessThanOrEqual(1e-9);
        expect(ours.lag).toBe(R.lag);
        expect(Math.abs(ours.pValue - R.p_value!)).toBeLessThanOrEqual(1e-12);
      }
    });
  }

  it('the series in unit-root-ref.json are the test fixtures (R datasets)', () => {
    for (const name of ['AirPassengers', 'co2', 'nottem', 'USAccDeaths', 'UKgas', 'ldeaths', 'Nile']) {
      expect(readSeries(name), name).toEqual(unitRootRefs[name].values);
    }
  });

  it('states the range of its p-value and which side lies beyond it (tseries: "p-value smaller than printed")', () => {
    // kpss.test(AirPassengers): KPSS Level = 2.7395, p-value = 0.01, with that warning.
    const high = kpss(unitRootRefs.AirPassengers.values);
    expect(high.pValue).toBe(0.01);
    expect(high.pValueRange).toEqual([0.01, 0.1]);
    expect(high.pValueBeyond).toBe('smaller');
    // kpss.test(diff(log(AirPassengers))): p-value = 0.1 ("greater than printed").
    const logs = unitRootRefs.AirPassengers.values.map(Math.log);
    const low = kpss(logs.slice(1).map((v, i) => v - logs[i]));
    expect(low.pValue).toBe(0.1);
    expect(low.pValueBeyond).toBe('greater');
  });

  it('interpolates linearly between the critical values: p = 0.05 − 0.025·(η − 0.463)/(0.574 − 0.463)', () => {
    // kpss.test(Nile, lshort = FALSE): η = 0.54972, between the 5 % and 2.5 % points; p-value = 0.03047.
    const table = kpssCriticalValues.level;
    expect(table.map((c) => [c.alpha, c.value])).toEqual([
      [0.01, 0.739],
      [0.025, 0.574],
      [0.05, 0.463],
      [0.1, 0.347],
    ]);
    const x = unitRootRefs.Nile.values;
    const t = kpss(x, { lags: 'long' });
    expect(t.statistic).toBeGreaterThan(0.463);
    expect(t.statistic).toBeLessThan(0.574);
    expect(t.pValue).toBeCloseTo(0.05 - (0.025 * (t.statistic - 0.463)) / (0.574 - 0.463), 14);
    expect(t.pValue).toBeCloseTo(0.03047, 5);
    expect(t.pValueBeyond).toBeNull();
  });

  it('η = Σ S_t² / (n² s²) by hand with lag 0 on a short series', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const e = x.map((v) => v - mean);
    let S = 0;
    let num = 0;
    for (const v of e) {
      S += v;
      num += S * S;
    }
    const s2 = e.reduce((s, v) => s + v * v, 0) / x.length;
    expect(kpss(x, { lags: 'nil' }).statistic).toBeCloseTo(num / 64 / s2, 12);
  });

  it('rejects too-short, non-finite and constant series, straight lines around a trend, and bad options', () => {
    expect(() => kpss([])).toThrow('kpss needs at least 3 observations, got 0');
    expect(() => kpss([1, 2])).toThrow('kpss needs at least 3 observations, got 2');
    expect(() => kpss([1, NaN, 3, 4])).toThrow('observation 2 is NaN');
    expect(() => kpss([1, 2, Infinity, 4])).toThrow('observation 3 is Infinity');
    expect(() => kpss([7, 7, 7, 7, 7])).toThrow('kpss: the series is constant');
    expect(() => kpss([1, 2, 3, 4, 5], { type: 'trend' })).toThrow('kpss: the series is a straight line');
    expect(() => kpss([1, 3, 2, 5], { lags: 4 })).toThrow(
      "invalid lags: 4 (must be 'short', 'long', 'nil' or an integer from 0 to n − 1 = 3)",
    );
    expect(() => kpss([1, 3, 2, 5], { lags: 1.5 })).toThrow('invalid lags: 1.5');
    // @ts-expect-error: a wrong type from JavaScript
    expect(() => kpss([1, 3, 2, 5], { type: 'mu' })).toThrow("invalid type: mu (must be 'level' or 'trend')");
  });

  it('an extreme value gives a finite statistic', () => {
    const x = readSeries('USAccDeaths');
    x[10] = 1e12;
    const t = kpss(x);
    expect(Number.isFinite(t.statistic)).toBe(true);
    expect(t.statistic).toBeGreaterThan(0);
  });
});
