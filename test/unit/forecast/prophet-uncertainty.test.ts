// Uncertainty intervals of the Prophet-style model (simulated trend changes + noise, as R prophet's
// predict_uncertainty): seeded and reproducible, nested levels, logistic paths under the capacity,
// and the random draws behind them. Parity of the intervals with R: prophet-parity.test.ts.
import { describe, expect, it } from 'vitest';
import { readSeries } from '../read-fixture.ts';
import { fitProphet } from '../../../src/forecast/prophet.ts';
import { forecastProphet } from '../../../src/forecast/prophet-predict.ts';
import { laplace, poisson, quantile7 } from '../../../src/forecast/prophet-uncertainty.ts';
import { formatDates } from '../../../src/forecast/prophet-dates.ts';
import { normalQuantile } from '../../../src/stats/normal-quantile.ts';
import { SeededRandom } from '../../../src/stats/random.ts';
import { adoptionSeries } from '../../fixtures/ref-prophet/synthetic-series.ts';

const air = readSeries('AirPassengers').slice(0, 120);
const dates = formatDates(Array.from({ length: 120 }, (_, i) => Date.UTC(1949, i, 1)));
const fit = fitProphet(air, { dates, seasonalityMode: 'multiplicative' });

describe('seeded intervals', () => {
  it('the same seed gives the same intervals, also from a structured clone of the fit (what reaches a worker)', () => {
    const a = forecastProphet(fit, 24);
    const b = forecastProphet(structuredClone(fit), 24);
    expect(b.intervals).toEqual(a.intervals);
    expect(b.trendIntervals).toEqual(a.trendIntervals);
    expect(structuredClone(fit)).toEqual(fit);
  });

  it('another seed gives other intervals (and the same mean); the seed can be set per forecast', () => {
    const a = forecastProphet(fit, 24);
    const b = forecastProphet(fit, 24, { seed: 2 });
    expect(b.mean).toEqual(a.mean);
    expect(b.intervals[0].upper).not.toEqual(a.intervals[0].upper);
    const refit = fitProphet(air, { dates, seasonalityMode: 'multiplicative', seed: 2 });
    expect(forecastProphet(refit, 24).intervals).toEqual(b.intervals);
  });

  it('levels come from the same paths and nest: 50 % inside 80 % inside 95 %', () => {
    const fc = forecastProphet(fit, 24, { level: [50, 80, 95] });
    expect(fc.intervals.map((i) => i.level)).toEqual([50, 80, 95]);
    const [i50, i80, i95] = fc.intervals;
    for (let h = 0; h < 24; h++) {
      expect(i95.lower[h]).toBeLessThanOrEqual(i80.lower[h]);
      expect(i80.lower[h]).toBeLessThanOrEqual(i50.lower[h]);
      expect(i50.lower[h]).toBeLessThan(fc.mean[h]);
      expect(i50.upper[h]).toBeGreaterThan(fc.mean[h]);
      expect(i80.upper[h]).toBeLessThanOrEqual(i95.upper[h]);
    }
    expect(forecastProphet(fit, 24).intervals[0]).toEqual(i80);
  });

  it('one step ahead the 80 % interval is mostly noise: width ≈ 2 · 1.2816 · σ_obs · y.scale (±10 %)', () => {
    const fc = forecastProphet(fit, 1, { uncertaintySamples: 4000 });
    const width = fc.intervals[0].upper[0] - fc.intervals[0].lower[0];
    const noise = 2 * normalQuantile(0.9) * fit.map.sigmaObs * fit.scaling.yScale;
    expect(Math.abs(width / noise - 1)).toBeLessThan(0.1);
  });

  it('the trend’s interval widens with the horizon (new changepoints accumulate)', () => {
    const fc = forecastProphet(fit, 60);
    const width = (h: number) => fc.trendIntervals[0].upper[h] - fc.trendIntervals[0].lower[h];
    expect(width(0)).toBeLessThan(width(23));
    expect(width(23)).toBeLessThan(width(59));
  });

  it('uncertaintySamples = 0 gives no intervals', () => {
    const fc = forecastProphet(fit, 6, { uncertaintySamples: 0 });
    expect(fc.intervals).toEqual([]);
    expect(fc.trendIntervals).toEqual([]);
    expect(fc.mean).toHaveLength(6);
  });
});

describe('logistic growth', () => {
  const s = adoptionSeries();
  const logistic = fitProphet(s.values, { dates: s.dates, growth: 'logistic', cap: 100 });

  it('keeps the trend and every simulated trend path under the capacity, five years ahead', () => {
    const fc = forecastProphet(logistic, 260, { level: [95] });
    expect(Math.max(...fc.components.trend)).toBeLessThan(100);
    expect(Math.max(...fc.trendIntervals[0].upper)).toBeLessThanOrEqual(100);
    expect(Math.min(...fc.trendIntervals[0].lower)).toBeGreaterThan(0);
    // Saturating: the fifth year adds less than a quarter of what the first adds.
    const t = fc.components.trend;
    expect(t[259] - t[207]).toBeLessThan(0.25 * (t[51] - t[0]));
  });

  it('follows a new capacity given for the horizon', () => {
    const fc = forecastProphet(logistic, 104, { cap: 90, uncertaintySamples: 0 });
    expect(Math.max(...fc.components.trend)).toBeLessThan(90);
    const lower = forecastProphet(logistic, 104, { cap: 100, uncertaintySamples: 0 });
    expect(fc.components.trend[103]).toBeLessThan(lower.components.trend[103]);
  });
});

describe('the draws', () => {
  it('Poisson: mean and variance λ for λ = 4 (product method) and λ = 80 (PTRS), 20 000 draws', () => {
    for (const lambda of [4, 80]) {
      const rng = new SeededRandom(9);
      const x = Array.from({ length: 20000 }, () => poisson(rng, lambda));
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1);
      expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / x.length));
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.05);
      expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    }
    expect(poisson(new SeededRandom(1), 0)).toBe(0);
  });

  it('Laplace(0, b): mean 0, mean |x| = b', () => {
    const rng = new SeededRandom(4);
    const x = Array.from({ length: 20000 }, () => laplace(rng, 0.3));
    expect(Math.abs(x.reduce((a, b) => a + b, 0) / x.length)).toBeLessThan(0.015);
    expect(Math.abs(x.reduce((a, b) => a + Math.abs(b), 0) / x.length - 0.3)).toBeLessThan(0.01);
  });

  it("quantiles as R's type 7: quantile(1:10, c(0.1, 0.9)) → 1.9, 9.1", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantile7(x, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantile7(x, 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile7(x, 0)).toBe(1);
    expect(quantile7(x, 1)).toBe(10);
  });
});
