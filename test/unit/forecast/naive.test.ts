import { describe, expect, it } from 'vitest';
import { fitNaive, forecastNaive } from 'dplab/forecast';
import { expectClose, readSeries } from '../read-fixture.ts';
import { baselineIntervals, baselines } from './baselines-ref.ts';

// Reference: test/fixtures/ref/baselines.json (R forecast 8.20 `naive(train, h)`, train = all but the
// last h). Forecasts and sigma2 to 1e-9 relative (reached: exact). Intervals: baseline-intervals.json,
// forecast 8.20's formula (not R output), 1e-9 relative (reached: ≤ 1e-15).
describe('fitNaive / forecastNaive', () => {
  for (const [name, ref] of Object.entries(baselines)) {
    it(`naive(head(${name}, ${ref.n_train}), h = ${ref.h}) matches R`, () => {
      const train = readSeries(name).slice(0, ref.n_train);
      const fit = fitNaive(train);
      const fc = forecastNaive(fit, ref.h);
      expect(fit.method).toBe('Naive method');
      expect(fc.method).toBe('Naive method');
      expectClose(fc.mean, ref.methods.naive.forecast, { rel: 1e-9 }, 'mean');
      expectClose([fit.sigma2], [ref.methods.naive.info.sigma2 ?? NaN], { rel: 1e-9 }, 'sigma2');
    });
  }

  for (const [name, ref] of Object.entries(baselineIntervals)) {
    it(`naive(head(${name}, ${ref.n_train}), h = ${ref.h}, level = c(80, 95)) intervals: σ̂·√h`, () => {
      const fc = forecastNaive(fitNaive(readSeries(name).slice(0, ref.n_train)), ref.h);
      expect(fc.intervals.map((i) => i.level)).toEqual([80, 95]);
      for (const pi of fc.intervals) {
        const key = String(pi.level) as '80' | '95';
        expectClose(pi.lower, ref.intervals.naive[key].lower, { rel: 1e-9 }, `lower ${key}`);
        expectClose(pi.upper, ref.intervals.naive[key].upper, { rel: 1e-9 }, `upper ${key}`);
      }
    });
  }

  it('fitted values are the previous observation, NaN first; residuals y − fitted', () => {
    const fit = fitNaive([3, 5, 4]);
    expect(fit.fitted).toEqual([NaN, 3, 5]);
    expect(fit.residuals).toEqual([NaN, 2, -1]);
    expect(fit.sigma2).toBe(2.5);
    expect([fit.n, fit.period]).toEqual([3, 1]);
  });

  it('one observation: the forecast is that value and the intervals NaN (R: NA)', () => {
    const fc = forecastNaive(fitNaive([42]), 3, { level: [90] });
    expect(fc.mean).toEqual([42, 42, 42]);
    expect(fc.intervals[0].level).toBe(90);
    expect(fc.intervals[0].lower.every(Number.isNaN)).toBe(true);
  });

  it('extreme magnitudes scale exactly: naive(x·1e100)', () => {
    const x = readSeries('Nile').slice(0, 50);
    const a = forecastNaive(fitNaive(x), 5);
    const b = forecastNaive(fitNaive(x.map((v) => v * 1e100)), 5);
    expectClose(
      b.intervals[1].upper,
      a.intervals[1].upper.map((v) => v * 1e100),
      { rel: 1e-12 },
      'upper',
    );
  });

  it('rejects empty input, NaN, bad horizons and levels', () => {
    expect(() => fitNaive([])).toThrow('the naive method needs at least 1 observation, got 0');
    expect(() => fitNaive([1, NaN])).toThrow('observation 2 is NaN');
    const fit = fitNaive([1, 2, 3]);
    expect(() => forecastNaive(fit, 0)).toThrow('invalid horizon h: 0');
    expect(() => forecastNaive(fit, 1.5)).toThrow('invalid horizon h: 1.5');
    expect(() => forecastNaive(fit, 2, { level: [100] })).toThrow('invalid level: 100');
  });
});
