// forecast::thetaf (forecast 8.20) against test/fixtures/ref-ets/ref-<series>.json: the SES inside is
// R's optimiser path reproduced, so α, drift, σ² and forecasts agree to 1e-8 relative (target 2 %).
import { readFileSync } from 'node:fs';
import { lessonSeries } from '../read-fixture.ts';
import { describe, expect, it } from 'vitest';
import { fitTheta, forecastTheta, thetaDefaults } from '../../../src/forecast/theta.ts';

const data = lessonSeries;
interface Ref {
  n_train: number;
  h: number;
  calls: Record<string, { r: string; forecast: number[]; alpha: number; drift: number; sigma2: number }>;
}
const reference = (name: string): Ref =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/ref-ets/ref-${name}.json`, import.meta.url), 'utf8'),
  ) as Ref;
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('fitTheta / forecastTheta', () => {
  for (const name of Object.keys(data)) {
    const ref = reference(name);
    const r = ref.calls.theta;
    it(`${r.r} on ${name}[1:${ref.n_train}]: α, drift, σ² and forecasts equal R's to 1e-8 relative`, () => {
      const fit = fitTheta(data[name].slice(0, ref.n_train), { period: 12 });
      expect(fit.seasonal).toBe(true);
      expect(relative(fit.params.alpha, r.alpha)).toBeLessThan(1e-8);
      expect(relative(fit.params.drift, r.drift)).toBeLessThan(1e-8);
      expect(relative(fit.sigma2, r.sigma2)).toBeLessThan(1e-8);
      const fc = forecastTheta(fit, ref.h);
      expect(fc.method).toBe('Theta');
      fc.mean.forEach((v, i) => expect(relative(v, r.forecast[i])).toBeLessThan(1e-8));
    });
  }

  it('thetaf intervals: ŷ ± z·σ·√(1 + (h − 1)α²), added to the re-seasonalised forecasts', () => {
    const ref = reference('AirPassengers').calls.theta;
    const fc = forecastTheta(fitTheta(data.AirPassengers.slice(0, 120), { period: 12 }), 24, {
      level: [95, 80],
    });
    expect(fc.intervals.map((i) => i.level)).toEqual([95, 80]);
    fc.mean.forEach((m, i) => {
      const se = Math.sqrt(ref.sigma2) * Math.sqrt(1 + i * ref.alpha ** 2);
      expect(fc.intervals[0].upper[i]).toBeCloseTo(m + 1.959963984540054 * se, 6);
      expect(fc.intervals[1].lower[i]).toBeCloseTo(m - 1.2815515655446004 * se, 6);
    });
  });

  it('the seasonality test needs n > 2m: two periods of a pure 12-month cycle count as non-seasonal, as thetaf', () => {
    const cycle = Array.from(
      { length: 120 },
      (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + (t % 5),
    );
    expect(fitTheta(cycle, { period: 12 }).seasonal).toBe(true);
    const short = fitTheta(cycle.slice(0, 24), { period: 12 });
    expect(short.seasonal).toBe(false);
    expect(short.seasonalIndices).toEqual([]);
  });

  it('non-seasonal data: forecasts are ℓₙ + b·(h − 1 + (1 − (1 − α)ⁿ)/α), b half the OLS slope', () => {
    const y = Array.from({ length: 30 }, (_, t) => 10 + 0.5 * t + Math.sin(t));
    const fit = fitTheta(y);
    expect(fit.period).toBe(1);
    const { alpha, drift } = fit.params;
    const fc = forecastTheta(fit, 3);
    const level = fit.ses.finalState[0];
    fc.mean.forEach((v, i) =>
      expect(v).toBeCloseTo(level + drift * (i + (1 - (1 - alpha) ** 30) / alpha), 10),
    );
    expect(drift).toBeGreaterThan(0.2);
    expect(drift).toBeLessThan(0.3);
  });

  it('has defaults and rejects bad input', () => {
    expect(thetaDefaults).toEqual({ period: 1 });
    expect(() => fitTheta([1, 2, 3, 4, 5, 6])).toThrow(
      'the theta method needs at least 7 observations, got 6',
    );
    expect(() => fitTheta([1, 2, NaN, 4, 5, 6, 7])).toThrow('observation 3 is NaN');
    expect(() => fitTheta([1, 2, 3, 4, 5, 6, 7], { period: 0 })).toThrow('invalid period: 0');
    expect(() => forecastTheta(fitTheta([1, 3, 2, 4, 3, 5, 4, 6]), 0)).toThrow('invalid horizon h: 0');
  });
});
