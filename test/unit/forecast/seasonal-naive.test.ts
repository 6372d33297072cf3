import { describe, expect, it } from 'vitest';
import { fitSeasonalNaive, forecastSeasonalNaive } from 'dplab/forecast';
import { expectClose, readSeries } from '../read-fixture.ts';
import { baselineIntervals, baselines } from './baselines-ref.ts';

// Reference: baselines.json (R forecast 8.20 `snaive(train, h)`), forecasts and sigma2 to 1e-9
// relative (reached: exact). Intervals: baseline-intervals.json (forecast 8.20's formula
// se = σ̂·√(⌊(h − 1)/m⌋ + 1), not R output), 1e-9 relative.
describe('fitSeasonalNaive / forecastSeasonalNaive', () => {
  for (const [name, ref] of Object.entries(baselines)) {
    it(`snaive(head(${name}, ${ref.n_train}), h = ${ref.h}) matches R`, () => {
      const fit = fitSeasonalNaive(readSeries(name).slice(0, ref.n_train), { period: ref.frequency });
      const fc = forecastSeasonalNaive(fit, ref.h);
      expect(fc.method).toBe('Seasonal naive method');
      expectClose(fc.mean, ref.methods.snaive.forecast, { rel: 1e-9 }, 'mean');
      expectClose([fit.sigma2], [ref.methods.snaive.info.sigma2 ?? NaN], { rel: 1e-9 }, 'sigma2');
    });
  }

  for (const [name, ref] of Object.entries(baselineIntervals)) {
    it(`snaive(head(${name}, ${ref.n_train}), h = ${ref.h}) intervals widen once per period`, () => {
      const fit = fitSeasonalNaive(readSeries(name).slice(0, ref.n_train), { period: ref.period });
      const fc = forecastSeasonalNaive(fit, ref.h);
      for (const pi of fc.intervals) {
        const key = String(pi.level) as '80' | '95';
        expectClose(pi.lower, ref.intervals.snaive[key].lower, { rel: 1e-9 }, `lower ${key}`);
        expectClose(pi.upper, ref.intervals.snaive[key].upper, { rel: 1e-9 }, `upper ${key}`);
      }
      // Same width within the first period, wider by √2 in the second (when h reaches it).
      const w = fc.intervals[0].upper.map((u, i) => u - fc.intervals[0].lower[i]);
      expect(w[ref.period - 1]).toBeCloseTo(w[0], 9);
      if (ref.h > ref.period) expect(w[ref.period] / w[0]).toBeCloseTo(Math.SQRT2, 12);
    });
  }

  it('repeats the last period: snaive(c(1, 2, 3, 4, 5, 6), period 4, h = 6) → 3 4 5 6 3 4', () => {
    const fit = fitSeasonalNaive([1, 2, 3, 4, 5, 6], { period: 4 });
    expect(forecastSeasonalNaive(fit, 6).mean).toEqual([3, 4, 5, 6, 3, 4]);
    expect(fit.fitted).toEqual([NaN, NaN, NaN, NaN, 1, 2]);
  });

  it('exactly one period: forecasts repeat it, intervals NaN (no residuals, R: NA)', () => {
    const fc = forecastSeasonalNaive(fitSeasonalNaive([5, 7], { period: 2 }), 3);
    expect(fc.mean).toEqual([5, 7, 5]);
    expect(fc.intervals[0].upper.every(Number.isNaN)).toBe(true);
  });

  it('rejects series shorter than a period, a missing or bad period, NaN', () => {
    expect(() => fitSeasonalNaive([1, 2, 3], { period: 4 })).toThrow(
      'the seasonal naive method (period 4) needs at least 4 observations, got 3',
    );
    expect(() => fitSeasonalNaive([], { period: 1 })).toThrow('needs at least 1 observation, got 0');
    expect(() => fitSeasonalNaive([1, 2, 3], { period: 0 })).toThrow('invalid period: 0');
    expect(() => fitSeasonalNaive([1, 2, 3], {} as { period: number })).toThrow('invalid period: undefined');
    expect(() => fitSeasonalNaive([1, 2, NaN, 4], { period: 2 })).toThrow('observation 3 is NaN');
  });
});
