import { describe, expect, it } from 'vitest';
import { fitDrift, forecastDrift } from 'dplab/forecast';
import { expectClose, readSeries } from '../read-fixture.ts';
import { baselineIntervals, baselines } from './baselines-ref.ts';

// Reference: baselines.json (R forecast 8.20 `rwf(train, h, drift = TRUE)`): forecasts, drift, its
// standard error and sigma2 to 1e-9 relative (reached: ≤ 1e-14). Intervals: baseline-intervals.json
// (forecast 8.20's formula √(σ̂²h + (h·se)²), not R output), 1e-9 relative.
describe('fitDrift / forecastDrift', () => {
  for (const [name, ref] of Object.entries(baselines)) {
    it(`rwf(head(${name}, ${ref.n_train}), h = ${ref.h}, drift = TRUE) matches R`, () => {
      const fit = fitDrift(readSeries(name).slice(0, ref.n_train));
      const fc = forecastDrift(fit, ref.h);
      const info = ref.methods.drift.info;
      expect(fc.method).toBe('Random walk with drift');
      expectClose(fc.mean, ref.methods.drift.forecast, { rel: 1e-9 }, 'mean');
      expectClose(
        [fit.params.drift, fit.params.driftSe, fit.sigma2],
        [info.drift ?? NaN, info.drift_se ?? NaN, info.sigma2 ?? NaN],
        { rel: 1e-9 },
        'drift, drift.se, sigma2',
      );
    });
  }

  for (const [name, ref] of Object.entries(baselineIntervals)) {
    it(`rwf(head(${name}, ${ref.n_train}), h = ${ref.h}, drift = TRUE) intervals include the drift's uncertainty`, () => {
      const fc = forecastDrift(fitDrift(readSeries(name).slice(0, ref.n_train)), ref.h);
      for (const pi of fc.intervals) {
        const key = String(pi.level) as '80' | '95';
        expectClose(pi.lower, ref.intervals.drift[key].lower, { rel: 1e-9 }, `lower ${key}`);
        expectClose(pi.upper, ref.intervals.drift[key].upper, { rel: 1e-9 }, `upper ${key}`);
      }
    });
  }

  it('the drift is the slope from the first to the last observation: rwf(c(1, 4, 2, 7), drift = TRUE)', () => {
    const fit = fitDrift([1, 4, 2, 7]);
    expect(fit.params.drift).toBe(2);
    expect(forecastDrift(fit, 2).mean).toEqual([9, 11]);
    expect(fit.fitted).toEqual([NaN, 3, 6, 4]);
  });

  it('two observations: forecasts exist, intervals NaN (no residual degree of freedom, R: NA)', () => {
    const fc = forecastDrift(fitDrift([1, 3]), 2);
    expect(fc.mean).toEqual([5, 7]);
    expect(fc.intervals[1].lower.every(Number.isNaN)).toBe(true);
  });

  it('rejects one point, empty input and NaN', () => {
    expect(() => fitDrift([1])).toThrow('the drift method needs at least 2 observations, got 1');
    expect(() => fitDrift([])).toThrow('needs at least 2 observations, got 0');
    expect(() => fitDrift([1, 2, Infinity])).toThrow('observation 3 is Infinity');
  });
});
