import { describe, expect, it } from 'vitest';
import { classicalDecomposition } from 'dplab/stats';
import { fitNaive, fitNaive2, forecastNaive, forecastNaive2 } from 'dplab/forecast';
import { expectClose, readSeries } from '../read-fixture.ts';
import { baselines } from './baselines-ref.ts';

// Reference: baselines.json, Naïve2 of the M4 benchmark code run in R 4.2.2 by tools/ref: the
// seasonality decision, the seasonal indices (decompose(train, "multiplicative")) and the forecasts,
// to 1e-9 relative (reached: ≤ 4e-15).
describe('fitNaive2 / forecastNaive2', () => {
  for (const [name, ref] of Object.entries(baselines)) {
    it(`M4 Naive2(head(${name}, ${ref.n_train}), h = ${ref.h}) matches R`, () => {
      const fit = fitNaive2(readSeries(name).slice(0, ref.n_train), { period: ref.frequency });
      const info = ref.methods.naive2.info;
      expect(fit.seasonal).toBe(info.seasonal);
      // R reports the indices of the h forecast steps; the first `period` of them cover the cycle.
      const steps = Array.from({ length: ref.frequency }, (_, i) => fit.indices[(fit.n + i) % ref.frequency]);
      expectClose(steps, (info.seasonal_indices ?? []).slice(0, ref.frequency), { rel: 1e-9 }, 'indices');
      const fc = forecastNaive2(fit, ref.h);
      expect(fc.method).toBe('Naive2');
      expectClose(fc.mean, ref.methods.naive2.forecast, { rel: 1e-9 }, 'mean');
    });
  }

  it('reseasonalises the naive intervals of the adjusted series', () => {
    const y = readSeries('AirPassengers').slice(0, 120);
    const fit = fitNaive2(y, { period: 12 });
    const figure = classicalDecomposition(y, 12, { type: 'multiplicative' }).figure;
    const adjusted = forecastNaive(fitNaive(y.map((v, t) => v / figure[t % 12])), 14);
    const fc = forecastNaive2(fit, 14);
    fc.intervals.forEach((pi, k) => {
      expectClose(
        pi.upper,
        adjusted.intervals[k].upper.map((u, i) => u * figure[i % 12]),
        { rel: 1e-12 },
        'upper',
      );
    });
    expectClose(
      fit.fitted.slice(1),
      y.slice(0, -1).map((v, t) => (v / figure[t % 12]) * figure[(t + 1) % 12]),
      { rel: 1e-12 },
      'fitted',
    );
  });

  it('is the naive method when the series is not seasonal or the period is 1', () => {
    const nile = readSeries('Nile');
    const a = forecastNaive2(fitNaive2(nile, { period: 1 }), 5);
    const b = forecastNaive(fitNaive(nile), 5);
    expect(a.mean).toEqual(b.mean);
    expect(a.intervals).toEqual(b.intervals);
    // Fewer than three periods: the seasonality test says no, so no adjustment.
    const short = fitNaive2(readSeries('AirPassengers').slice(0, 30), { period: 12 });
    expect(short.seasonal).toBe(false);
    expect(short.indices.every((v) => v === 1)).toBe(true);
  });

  it('rejects non-positive seasonal data, empty input, NaN and a missing period', () => {
    const y = readSeries('AirPassengers').slice(0, 120);
    y[5] = 0;
    expect(() => fitNaive2(y, { period: 12 })).toThrow('observation 6 is 0: Naive2 adjusts seasonal data');
    expect(() => fitNaive2([], { period: 4 })).toThrow('Naive2 needs at least 1 observation, got 0');
    expect(() => fitNaive2([1, NaN], { period: 1 })).toThrow('observation 2 is NaN');
    expect(() => fitNaive2([1, 2], {} as { period: number })).toThrow('invalid period: undefined');
  });
});
