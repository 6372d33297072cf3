import { describe, expect, it } from 'vitest';
import { seasonalStrength, stl } from 'dplab/stats';
import { relativeError, seasonalRefs, unitRootEdge } from './unit-root-ref.ts';

// Reference: test/unit/stats/unit-root-ref.json, R 4.2.2 forecast 8.20 `forecast:::seas.heuristic(x)`
// on the eight seasonal series of ../shared/datasets-candidates/ref/diagnostics.json. To 1e-9
// relative (reached: ≤ 2e-13, austres).
describe('seasonalStrength', () => {
  for (const [name, r] of seasonalRefs) {
    it(`forecast:::seas.heuristic(${name}) = ${r.seas_heuristic!.toFixed(6)}`, () => {
      expect(relativeError(seasonalStrength(r.values, r.frequency), r.seas_heuristic!)).toBeLessThanOrEqual(
        1e-9,
      );
    });
  }

  it('seas.heuristic(ts(rep(c(1, 5, 2, 8), 5) + (1:20)/10, frequency = 4)) ≈ 1 for a fixed pattern', () => {
    const x = Array.from({ length: 20 }, (_, i) => [1, 5, 2, 8][i % 4] + (i + 1) / 10);
    expect(
      relativeError(seasonalStrength(x, 4), unitRootEdge.seas_heuristic_deterministic),
    ).toBeLessThanOrEqual(1e-9);
  });

  it("is 1 − var(R)/var(S + R) of stl(x, s.window = 11) (mstl's first window), floored at 0", () => {
    const r = seasonalRefs[0][1];
    const d = stl(r.values, 12, { seasonalWindow: 11 });
    const v = (a: number[]): number => {
      const m = a.reduce((s, x) => s + x, 0) / a.length;
      return a.reduce((s, x) => s + (x - m) ** 2, 0);
    };
    const expected = 1 - v(d.remainder) / v(d.remainder.map((e, i) => e + d.seasonal[i]));
    expect(seasonalStrength(r.values, 12)).toBeCloseTo(expected, 14);
    // White noise with no season: the ratio can exceed 1, and the strength is then 0.
    const noise = Array.from({ length: 48 }, (_, t) => Math.sin(t * t * 7.3) * 10);
    const s = seasonalStrength(noise, 12);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThan(0.64);
  });

  it('rejects constant, too-short and non-finite series and bad periods', () => {
    expect(() => seasonalStrength(Array(30).fill(2), 12)).toThrow('seasonalStrength: the series is constant');
    expect(() => seasonalStrength([1, 5, 2, 8, 3], 4)).toThrow('stl needs more than two full periods');
    expect(() => seasonalStrength([], 4)).toThrow('seasonalStrength needs at least 1 observation, got 0');
    expect(() => seasonalStrength([1, NaN, 3], 4)).toThrow('observation 2 is NaN');
    expect(() => seasonalStrength([1, 5, 2, 8, 3, 4, 1, 2, 9], 1)).toThrow('invalid period: 1');
  });
});
