import { describe, expect, it } from 'vitest';
import { fitMean, forecastMean } from 'dplab/forecast';
import { expectClose, readSeries } from '../read-fixture.ts';
import { baselineIntervals, baselines } from './baselines-ref.ts';

// Reference: baselines.json (R forecast 8.20 `meanf(train, h)`), forecasts and μ to 1e-9 relative
// (reached: ≤ 2e-15). Intervals: baseline-intervals.json (forecast 8.20's formula
// −qt(0.5 − level/200, n − 1)·s·√(1 + 1/n), not R output), 1e-9 relative (reached: ≤ 1e-14).
describe('fitMean / forecastMean', () => {
  for (const [name, ref] of Object.entries(baselines)) {
    it(`meanf(head(${name}, ${ref.n_train}), h = ${ref.h}) matches R`, () => {
      const fit = fitMean(readSeries(name).slice(0, ref.n_train));
      const fc = forecastMean(fit, ref.h);
      expect(fc.method).toBe('Mean');
      expectClose(fc.mean, ref.methods.mean.forecast, { rel: 1e-9 }, 'mean');
      expectClose([fit.params.mu], [ref.methods.mean.info.mu ?? NaN], { rel: 1e-9 }, 'mu');
    });
  }

  for (const [name, ref] of Object.entries(baselineIntervals)) {
    it(`meanf(head(${name}, ${ref.n_train}), h = ${ref.h}) t intervals`, () => {
      const fc = forecastMean(fitMean(readSeries(name).slice(0, ref.n_train)), ref.h);
      for (const pi of fc.intervals) {
        const key = String(pi.level) as '80' | '95';
        expectClose(pi.lower, ref.intervals.mean[key].lower, { rel: 1e-9 }, `lower ${key}`);
        expectClose(pi.upper, ref.intervals.mean[key].upper, { rel: 1e-9 }, `upper ${key}`);
      }
    });
  }

  it('meanf(c(2, 4, 9), level = 95): 5 ± qt(0.975, 2)·s·√(4/3) with s = √13', () => {
    const fit = fitMean([2, 4, 9]);
    expect(fit.sigma2).toBeCloseTo(13, 12);
    const w = ((2 * 0.975 - 1) / Math.sqrt(2 * 0.975 * 0.025)) * Math.sqrt(13) * Math.sqrt(4 / 3);
    const pi = forecastMean(fit, 2, { level: [95] }).intervals[0];
    expect(pi.upper[1]).toBeCloseTo(5 + w, 12);
    expect(pi.lower[0]).toBeCloseTo(5 - w, 12);
    expect(fit.residuals).toEqual([-3, -1, 4]);
  });

  it('one observation: forecast is that value, intervals NaN (R: NA)', () => {
    const fc = forecastMean(fitMean([7]), 2);
    expect(fc.mean).toEqual([7, 7]);
    expect(fc.intervals[0].lower.every(Number.isNaN)).toBe(true);
  });

  it('rejects empty input, NaN and bad levels', () => {
    expect(() => fitMean([])).toThrow('the mean method needs at least 1 observation, got 0');
    expect(() => fitMean([NaN])).toThrow('observation 1 is NaN');
    expect(() => forecastMean(fitMean([1, 2]), 1, { level: [0] })).toThrow('invalid level: 0');
  });
});
