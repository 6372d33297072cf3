import { describe, expect, it } from 'vitest';
import { pp } from 'dplab/stats';
import { relativeError, unitRootRefs } from './unit-root-ref.ts';

// Reference: test/unit/stats/unit-root-ref.json (unit-root-ref.R; R 4.2.2, urca 1.3-3). Z_τ to 1e-9
// relative (reached: ≤ 1e-13), the MacKinnon critical values to 1e-12 relative, p-values to 1e-12.
describe('pp', () => {
  for (const [name, r] of Object.entries(unitRootRefs)) {
    it(`urca::ur.pp(${name}, type = "Z-tau", model = "constant" | "trend", lags = "short") matches R`, () => {
      for (const [model, type] of [
        ['constant', 'drift'],
        ['trend', 'trend'],
      ] as const) {
        const R = r.ur_pp[model];
        const t = pp(r.values, { type });
        expect(relativeError(t.statistic, R.statistic), model).toBeLessThanOrEqual(1e-9);
        expect(t.lag).toBe(R.lag);
        t.criticalValues.forEach((c, i) =>
          expect(relativeError(c.value, R.cval[i])).toBeLessThanOrEqual(1e-12),
        );
        expect(Math.abs(t.pValue - R.p_value)).toBeLessThanOrEqual(1e-12);
      }
    });
  }

  it('rejects too-short, constant and non-finite series and bad lags', () => {
    expect(() => pp([1, 2, 3])).toThrow('pp needs at least 4 observations, got 3');
    expect(() => pp([1, 2, 3, 4], { type: 'trend' })).toThrow('pp needs at least 5 observations, got 4');
    expect(() => pp([5, 5, 5, 5, 5])).toThrow('pp: the series is constant');
    expect(() => pp([1, -Infinity, 3, 4])).toThrow('observation 2 is -Infinity');
    expect(() => pp([1, 3, 2, 5, 4], { lags: 0 })).toThrow(
      "invalid lags: 0 (must be 'short', 'long' or an integer from 1 to 3)",
    );
  });
});
