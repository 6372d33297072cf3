// stats::HoltWinters (R 4.2.2) against test/fixtures/ref-ets/ref-<series>.json.
// Fixed α, β, γ: R's start values and filter are reproduced, so forecasts equal R's to 1e-6 relative.
// Estimated: R's L-BFGS-B is replaced by a compact projected quasi-Newton with R's finite-difference
// gradient and stopping rules; it reaches R's optimum: SSE no worse than R's by more than 1e-6
// relative, forecasts within 1e-4 relative (brief target 2 %).
import { readFileSync } from 'node:fs';
import { lessonSeries } from '../read-fixture.ts';
import { describe, expect, it } from 'vitest';
import { fitHoltWintersClassic, forecastHoltWintersClassic } from '../../../src/forecast/ets/index.ts';

const data = lessonSeries;
interface RefCall {
  r: string;
  forecast: number[];
  par: { alpha: number; beta: number; gamma: number };
  coefficients: Record<string, number>;
  SSE: number;
}
interface Ref {
  n_train: number;
  h: number;
  calls: Record<string, RefCall>;
}
const reference = (name: string): Ref =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/ref-ets/ref-${name}.json`, import.meta.url), 'utf8'),
  ) as Ref;
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

for (const name of Object.keys(data)) {
  const ref = reference(name);
  const y = data[name].slice(0, ref.n_train);
  describe(`${name}[1:${ref.n_train}]`, () => {
    for (const [key, seasonal] of [
      ['stats_hw', 'additive'],
      ['stats_hw_mult', 'multiplicative'],
    ] as const) {
      const r = ref.calls[key];
      it(`${r.r} with R's α, β, γ: coefficients, SSE and forecasts equal R's to 1e-6 relative`, () => {
        const fit = fitHoltWintersClassic(y, { period: 12, seasonal, ...r.par });
        expect(relative(fit.coefficients.a, r.coefficients.a)).toBeLessThan(1e-6);
        expect(relative(fit.coefficients.b ?? NaN, r.coefficients.b)).toBeLessThan(1e-6);
        fit.coefficients.s?.forEach((s, i) =>
          expect(relative(s, r.coefficients[`s${i + 1}`])).toBeLessThan(1e-6),
        );
        expect(relative(fit.sse, r.SSE)).toBeLessThan(1e-6);
        const fc = forecastHoltWintersClassic(fit, ref.h);
        fc.mean.forEach((v, i) => expect(relative(v, r.forecast[i])).toBeLessThan(1e-6));
      });
      it(`${r.r}, estimated: SSE ≤ R's·(1 + 1e-6), α β γ within 1e-3, forecasts within 1e-4 relative`, () => {
        const fit = fitHoltWintersClassic(y, { period: 12, seasonal });
        expect(fit.sse).toBeLessThanOrEqual(r.SSE * (1 + 1e-6));
        expect(Math.abs(fit.params.alpha - r.par.alpha)).toBeLessThan(1e-3);
        expect(Math.abs(fit.params.beta - r.par.beta)).toBeLessThan(1e-3);
        expect(Math.abs(fit.params.gamma - r.par.gamma)).toBeLessThan(1e-3);
        const fc = forecastHoltWintersClassic(fit, ref.h);
        fc.mean.forEach((v, i) => expect(relative(v, r.forecast[i])).toBeLessThan(1e-4));
      });
    }
  });
}

describe('fitHoltWintersClassic: the rest', () => {
  it('HoltWinters(x, gamma = FALSE, beta = FALSE, alpha = 0.5): ℓ₁ = x₁, filtering from x₂, by hand', () => {
    const fit = fitHoltWintersClassic([10, 12, 11, 13], { alpha: 0.5, beta: false, gamma: false });
    // ℓ: 10 → 11 → 11 → 12; one-step forecasts 10, 11, 11 from the second observation.
    expect(fit.fitted).toEqual([NaN, 10, 11, 11]);
    expect(fit.coefficients).toEqual({ a: 12 });
    expect(fit.sse).toBe(4 + 0 + 4);
    expect(forecastHoltWintersClassic(fit, 2).mean).toEqual([12, 12]);
  });

  it('HoltWinters(x, gamma = FALSE): ℓ = x₂, b = x₂ − x₁, α and β by L-BFGS-B from (0.3, 0.1)', () => {
    const x = [3, 5, 7.2, 8.9, 11.1, 13, 15.2, 16.8, 19.1, 21];
    const fit = fitHoltWintersClassic(x, { gamma: false });
    expect(fit.start).toEqual({ level: 5, trend: 2, time: 3 });
    expect(fit.seasonal).toBe('none');
    const fc = forecastHoltWintersClassic(fit, 3);
    expect(fc.mean[1] - fc.mean[0]).toBeCloseTo(fit.coefficients.b ?? NaN, 12);
  });

  it('additive intervals: var(residuals)·(1 + Σ ψⱼ²), ψⱼ = α(1 + jβ) + [j mod m = 0]γ(1 − α) (predict.HoltWinters)', () => {
    const y = data.AirPassengers.slice(0, 120);
    const fit = fitHoltWintersClassic(y, { period: 12, alpha: 0.3, beta: 0.05, gamma: 0.2 });
    const fc = forecastHoltWintersClassic(fit, 14, { level: [95] });
    const psi = (j: number): number => 0.3 * (1 + j * 0.05) + (j % 12 === 0 ? 0.2 * 0.7 : 0);
    let sum = 1;
    fc.mean.forEach((m, i) => {
      if (i > 0) sum += psi(i) ** 2;
      expect(fc.intervals[0].upper[i]).toBeCloseTo(m + 1.959963984540054 * Math.sqrt(fit.sigma2 * sum), 8);
    });
  });

  it('rejects parameters outside [0, 1], alpha = 0 and too-short series', () => {
    expect(() => fitHoltWintersClassic([1, 2, 3, 4], { alpha: 1.5, gamma: false })).toThrow(
      'invalid fixed parameter: alpha = 1.5 is outside its bounds [0, 1]',
    );
    expect(() => fitHoltWintersClassic([1, 2, 3, 4], { alpha: 0, gamma: false })).toThrow('alpha = 0');
    expect(() => fitHoltWintersClassic([1, 2, 3, 4, 5], { period: 4 })).toThrow(
      'HoltWinters needs at least 9 observations',
    );
  });
});
