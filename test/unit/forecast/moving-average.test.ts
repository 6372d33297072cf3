import { describe, expect, it } from 'vitest';
import {
  fitMean,
  fitMovingAverage,
  fitNaive,
  forecastMean,
  forecastMovingAverage,
  forecastNaive,
  movingAverageDefaults,
} from 'dplab/forecast';
import { readSeries } from '../read-fixture.ts';

// No R function: hand-computed values, and the two limits k = 1 (naive) and k = n (meanf).
describe('fitMovingAverage / forecastMovingAverage', () => {
  it('forecasts the mean of the last k values: c(1, 2, 6, 4, 8), k = 3 → 6, 6', () => {
    const fit = fitMovingAverage([1, 2, 6, 4, 8], { window: 3 });
    const fc = forecastMovingAverage(fit, 2);
    expect(fc.mean).toEqual([6, 6]);
    expect(fc.intervals).toEqual([]);
    expect(fit.fitted).toEqual([NaN, NaN, NaN, 3, 4]);
    expect(fit.residuals.slice(3)).toEqual([1, 4]);
    expect(fit.sigma2).toBe(8.5);
    expect(fit.params.window).toBe(3);
  });

  it('defaults to a window of 3', () => {
    expect(movingAverageDefaults.window).toBe(3);
    expect(fitMovingAverage([3, 1, 2, 9]).level).toBe(4);
  });

  it('k = 1 is naive() and k = n is meanf()', () => {
    const y = readSeries('Nile').slice(0, 30);
    expect(forecastMovingAverage(fitMovingAverage(y, { window: 1 }), 3).mean).toEqual(
      forecastNaive(fitNaive(y), 3).mean,
    );
    const ma = forecastMovingAverage(fitMovingAverage(y, { window: 30 }), 3).mean;
    forecastMean(fitMean(y), 3).mean.forEach((m, i) => expect(ma[i]).toBeCloseTo(m, 10));
  });

  it('rejects a window longer than the series, a bad window, empty input and NaN', () => {
    expect(() => fitMovingAverage([1, 2], { window: 3 })).toThrow(
      'a moving average of 3 needs at least 3 observations, got 2',
    );
    expect(() => fitMovingAverage([1, 2], { window: 0 })).toThrow(
      'invalid window: 0 (must be an integer ≥ 1)',
    );
    expect(() => fitMovingAverage([], { window: 1 })).toThrow('needs at least 1 observation, got 0');
    expect(() => fitMovingAverage([1, NaN, 3, 4])).toThrow('observation 2 is NaN');
    expect(() => forecastMovingAverage(fitMovingAverage([1, 2, 3]), 0)).toThrow('invalid horizon h: 0');
  });
});
