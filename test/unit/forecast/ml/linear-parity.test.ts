// `linear` against scikit-learn 1.2.1 on AirPassengers[1:120] (test/fixtures/ref-ml, from the shared
// ml-AirPassengers.json): LinearRegression() on 12 lags (± the one-hot of t mod 12 without its first
// column), raw and differenced targets, recursive forecasts of 24 months. Tolerance 1e-6 (both solve
// the same least squares; the differences are ~1e-12). Ridge(alpha=50) from make-reference.py.
import { describe, expect, it } from 'vitest';
import { fitLinear, forecastLinear } from '../../../../src/forecast/ml/linear.ts';
import { forecastMethod } from '../../../../src/forecast/registry.ts';
import { ref, train } from './ml-reference.ts';

const cases = [
  { name: 'lr_raw', difference: 0, calendar: 'none' },
  { name: 'lr_raw_cal', difference: 0, calendar: 'season' },
  { name: 'lr_diff', difference: 1, calendar: 'none' },
  { name: 'lr_diff_cal', difference: 1, calendar: 'season' },
] as const;

const maxDiff = (a: readonly number[], b: readonly number[]) =>
  Math.max(...a.map((v, i) => Math.abs(v - b[i])));

describe('linear on lag features equals sklearn LinearRegression', () => {
  for (const c of cases) {
    it(`${c.name}: coefficients, intercept and forecasts to 1e-6`, () => {
      const r = ref.shared[c.name];
      const fit = fitLinear(train, { period: 12, difference: c.difference, calendar: c.calendar });
      expect(fit.rows).toBe(r.rows);
      const coef = fit.features.map((f) => fit.params[`coef.${f}`]);
      expect(maxDiff(coef, r.coef!)).toBeLessThan(1e-6);
      expect(Math.abs(fit.params.intercept - r.intercept!)).toBeLessThan(1e-6);
      expect(maxDiff(forecastLinear(fit, ref.h).mean, r.forecast!)).toBeLessThan(1e-6);
    });
  }

  for (const target of ['raw', 'diff'] as const) {
    it(`ridge ${ref.ridge[target].alpha} (${target}) equals sklearn Ridge to 1e-6`, () => {
      const r = ref.ridge[target];
      const fit = fitLinear(train, { period: 12, difference: target === 'diff' ? 1 : 0, ridge: r.alpha });
      const coef = fit.features.map((f) => fit.params[`coef.${f}`]);
      expect(maxDiff(coef, r.coef)).toBeLessThan(1e-6);
      expect(Math.abs(fit.params.intercept - r.intercept)).toBeLessThan(1e-6);
      expect(maxDiff(forecastLinear(fit, ref.h).mean, r.forecast)).toBeLessThan(1e-6);
    });
  }
});

describe('linear forecasts', () => {
  it('gives the AR(1) forecast variance σ²(1 + φ² + … + φ^{2(h−1)}) for one lag', () => {
    const fit = fitLinear(train, { lags: 1 });
    const phi = fit.params['coef.lag1'];
    const f = forecastLinear(fit, 4, { level: [95] });
    const z = 1.959963984540054;
    let v = 0;
    for (let h = 0; h < 4; h++) {
      v += phi ** (2 * h);
      expect((f.intervals[0].upper[h] - f.mean[h]) / z).toBeCloseTo(Math.sqrt(fit.sigma2 * v), 9);
    }
  });

  it('the direct strategy fits one model per step; its first step is the recursive model', () => {
    const recursive = fitLinear(train, { period: 12 });
    const direct = fitLinear(train, { period: 12, strategy: 'direct', horizon: 6 });
    expect(direct.steps).toHaveLength(6);
    const fr = forecastLinear(recursive, 6).mean;
    const fd = forecastLinear(direct, 6).mean;
    expect(fd[0]).toBeCloseTo(fr[0], 9);
    expect(fd[5]).not.toBeCloseTo(fr[5], 3);
    expect(() => forecastLinear(direct, 7)).toThrow(/fitted for 6 direct steps/);
  });

  it('reports fitted values one step ahead, NaN before the first complete row', () => {
    const fit = fitLinear(train, { period: 12 });
    expect(fit.fitted.slice(0, 12).every(Number.isNaN)).toBe(true);
    const c = fit.features.map((f) => fit.params[`coef.${f}`]);
    const by = c.reduce((s, b, j) => s + b * train[12 - 1 - j], fit.params.intercept);
    expect(fit.fitted[12]).toBeCloseTo(by, 9);
  });

  it('runs from the registry with options and explains a collinear design', () => {
    const { fit, forecast } = forecastMethod('linear').run(
      { values: train, period: 12, h: 24, level: [80] },
      { ridge: 0 },
    );
    expect(forecast.mean).toHaveLength(24);
    expect(maxDiff(forecast.mean, ref.shared.lr_raw.forecast!)).toBeLessThan(1e-6);
    expect((fit as { spec?: string }).spec).toBe('linear(least squares; lags 1-12)');
    const constant = new Array(40).fill(5);
    expect(() => fitLinear(constant, { lags: 2 })).toThrow(/use a ridge penalty/);
    expect(() => fitLinear(train, { ridge: -1 })).toThrow(/invalid ridge: -1/);
  });
});
