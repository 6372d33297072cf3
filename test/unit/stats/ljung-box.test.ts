import { describe, expect, it } from 'vitest';
import { acf, boxPierce, ljungBox } from 'dplab/stats';
import { readSeries } from '../read-fixture.ts';
import { refFor } from './diagnostics-ref.ts';

// Reference: test/fixtures/ref/diagnostics.json, R 4.2.2 `Box.test(x, lag, type = ...)` at lags 1, 10,
// m and 2m (20 for annual series). Statistics to 1e-9 relative (reached: ≤ 5e-15). R's p-value is
// 1 − pchisq(Q, df), exact to ~1.1e-16 absolute only (it prints 0 below that), so p-values are compared
// to 1e-15 absolute; ours is the upper tail computed directly.
describe('ljungBox and boxPierce', () => {
  for (const name of ['AirPassengers', 'USAccDeaths', 'UKgas', 'ldeaths', 'Nile', 'co2']) {
    it(`Box.test(${name}, lag, "Ljung-Box") and "Box-Pierce" match R`, () => {
      const ref = refFor(name);
      const x = readSeries(name);
      for (const t of ref.ljung_box ?? []) {
        const lb = ljungBox(x, t.lag);
        expect(Math.abs(lb.statistic - t.statistic)).toBeLessThanOrEqual(1e-9 * t.statistic);
        expect(lb.df).toBe(t.df);
        expect(Math.abs(lb.pValue - t.p_value)).toBeLessThanOrEqual(1e-15);
      }
      for (const t of ref.box_pierce ?? []) {
        const bp = boxPierce(x, t.lag);
        expect(Math.abs(bp.statistic - t.statistic)).toBeLessThanOrEqual(1e-9 * t.statistic);
        expect(Math.abs(bp.pValue - t.p_value)).toBeLessThanOrEqual(1e-15);
      }
    });
  }

  it('Box.test(Nile, 1, "Ljung-Box") → p 4.21384305893113e-07 to 1e-9 relative', () => {
    const lb = ljungBox(readSeries('Nile'), 1);
    expect(Math.abs(lb.pValue - 4.21384305893113e-7)).toBeLessThanOrEqual(1e-9 * 4.21384305893113e-7);
  });

  it('fitdf lowers the degrees of freedom, not the statistic: Box.test(x, 10, "Ljung-Box", fitdf = 2)', () => {
    const x = readSeries('USAccDeaths');
    const a = ljungBox(x, 10);
    const b = ljungBox(x, 10, { fitdf: 2 });
    expect(b.statistic).toBe(a.statistic);
    expect(b.df).toBe(8);
    expect(b.pValue).toBeLessThan(a.pValue);
  });

  it('Q* = n(n+2)·Σ r_k²/(n−k) and Q = n·Σ r_k² by hand on a short series', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const r = acf(x, 2);
    const n = 8;
    expect(ljungBox(x, 2).statistic).toBeCloseTo(n * (n + 2) * (r[1] ** 2 / 7 + r[2] ** 2 / 6), 12);
    expect(boxPierce(x, 2).statistic).toBeCloseTo(n * (r[1] ** 2 + r[2] ** 2), 12);
  });

  it('rejects too-short series, NaN, lag ≥ n and fitdf ≥ lag', () => {
    expect(() => ljungBox([], 1)).toThrow('the Ljung-Box test needs at least 2 observations, got 0');
    expect(() => ljungBox([4], 1)).toThrow('needs at least 2 observations, got 1');
    expect(() => ljungBox([1, NaN, 2], 1)).toThrow('observation 2 is NaN');
    expect(() => ljungBox([1, 2, 3], 3)).toThrow('invalid lag: 3 (must be an integer from 1 to n − 1 = 2)');
    expect(() => boxPierce([1, 2, 3, 4], 2, { fitdf: 2 })).toThrow('invalid fitdf: 2');
  });

  it('a constant series has undefined autocorrelation: statistic and p-value NaN (R: NaN)', () => {
    const t = ljungBox([5, 5, 5, 5, 5], 2);
    expect(t.statistic).toBeNaN();
    expect(t.pValue).toBeNaN();
  });
});
