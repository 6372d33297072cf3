import { describe, expect, it } from 'vitest';
import { ocsb, ocsbCriticalValue } from 'dplab/stats';
import { relativeError, seasonalRefs, unitRootEdge } from './unit-root-ref.ts';

// Reference: test/unit/stats/unit-root-ref.json (unit-root-ref.R; R 4.2.2, forecast 8.20) on the eight
// seasonal series of ../shared/datasets-candidates/ref/diagnostics.json. The t-value to 1e-9 relative
// (reached: ≤ 4e-15), the lag order exactly, the critical value to 1e-12 relative.
const cases = {
  aic_3: { lagMethod: 'aic', maxLag: 3 },
  fixed_0: {},
  bic_3: { lagMethod: 'bic', maxLag: 3 },
  fixed_2: { maxLag: 2 },
  aicc_3: { lagMethod: 'aicc', maxLag: 3 },
} as const;

describe('ocsb', () => {
  for (const [name, r] of seasonalRefs) {
    it(`forecast::ocsb.test(${name}, lag.method = "AIC" | "fixed" | "BIC" | "AICc", maxlag) matches R`, () => {
      for (const [key, options] of Object.entries(cases)) {
        const R = r.ocsb![key as keyof typeof cases];
        const t = ocsb(r.values, r.frequency, options);
        expect(relativeError(t.statistic, R.statistic), key).toBeLessThanOrEqual(1e-9);
        expect(t.lag, `${key}: lag.order`).toBe(R.lag);
        expect(relativeError(t.criticalValue, R.critical)).toBeLessThanOrEqual(1e-12);
      }
    });
  }

  it('forecast:::calcOCSBCritVal(m) for m = 2, 4, 7, 12, 24, 52', () => {
    [2, 4, 7, 12, 24, 52].forEach((m, i) =>
      expect(relativeError(ocsbCriticalValue(m), unitRootEdge.ocsb_critical[i])).toBeLessThanOrEqual(1e-12),
    );
  });

  it("copies forecast's lag choice: the best of 1…maxLag by AIC, then one lag fewer", () => {
    // ocsb.test(co2, lag.method = "AIC", maxlag = 3) reports lag order 2: AIC picked 3.
    const co2 = seasonalRefs.find(([name]) => name === 'co2')![1];
    expect(ocsb(co2.values, 12, { lagMethod: 'aic', maxLag: 3 }).lag).toBe(2);
  });

  it('rejects non-seasonal periods, too-short, constant and non-finite series and bad options', () => {
    const x = Array.from({ length: 30 }, (_, t) => Math.sin(t) + t / 10);
    expect(() => ocsb(x, 1)).toThrow(
      'invalid period: 1 (must be an integer ≥ 2; the OCSB test is for seasonal data)',
    );
    expect(() => ocsb(x.slice(0, 9), 4, { lagMethod: 'aic', maxLag: 3 })).toThrow(
      'ocsb needs more observations: n = 9 with period 4 and maxLag 3 leaves 1 rows for 5 coefficients',
    );
    expect(() => ocsb(Array(20).fill(4), 4)).toThrow('ocsb: the series is constant');
    expect(() => ocsb([...x.slice(0, 10), NaN, ...x.slice(11)], 4)).toThrow('observation 11 is NaN');
    expect(() => ocsb(x, 4, { maxLag: -1 })).toThrow('invalid maxLag: -1');
    // @ts-expect-error: R's spelling is not accepted
    expect(() => ocsb(x, 4, { lagMethod: 'AIC' })).toThrow(
      "invalid lagMethod: AIC (must be 'fixed', 'aic', 'bic' or 'aicc')",
    );
  });
});
