// Options of fitEts beyond model selection: criteria, bounds, edge cases of the data.
import { readSeries } from '../read-fixture.ts';
import { describe, expect, it } from 'vitest';
import { fitEts, forecastEts } from '../../../src/forecast/ets/index.ts';

const air = readSeries('AirPassengers').slice(0, 120);

describe('fitEts options', () => {
  it('optCrit: each criterion is no worse at its own optimum than the likelihood fit is (ETS(A,A,N))', () => {
    const base = { model: 'AAN', damped: false } as const;
    const lik = fitEts(air, base);
    expect(fitEts(air, { ...base, optCrit: 'mse' }).mse).toBeLessThanOrEqual(lik.mse * (1 + 1e-9));
    expect(fitEts(air, { ...base, optCrit: 'amse', nmse: 6 }).amse).toBeLessThanOrEqual(
      fitEts(air, { ...base, nmse: 6 }).amse * (1 + 1e-9),
    );
    const mae = (f: ReturnType<typeof fitEts>): number =>
      f.innovations.reduce((s, e) => s + Math.abs(e), 0) / f.innovations.length;
    expect(mae(fitEts(air, { ...base, optCrit: 'mae' }))).toBeLessThanOrEqual(mae(lik) * (1 + 1e-9));
  });

  it('bounds: "admissible" lets α of ETS(A,N,N) pass 0.9999 (up to 2) and the likelihood can only improve', () => {
    const usual = fitEts(air, { model: 'ANN' });
    const admissible = fitEts(air, { model: 'ANN', bounds: 'admissible' });
    expect(usual.params.alpha).toBeLessThanOrEqual(0.9999);
    expect(admissible.params.alpha).toBeGreaterThan(0.9999);
    expect(admissible.params.alpha).toBeLessThan(2);
    expect(admissible.loglik).toBeGreaterThanOrEqual(usual.loglik - 1e-9);
  });

  it('a fixed α is kept, and counts in σ²’s denominator but not in AICc’s parameter count (as R)', () => {
    const fit = fitEts(air, { model: 'ANN', alpha: 0.5 });
    expect(fit.params.alpha).toBe(0.5);
    expect(fit.nparams).toBe(2); // ℓ₀ and σ
    const sse = fit.innovations.reduce((s, e) => s + e * e, 0);
    expect(fit.sigma2).toBeCloseTo(sse / (120 - 2), 9);
  });

  it('one observation: a constant series, fitted by SES with α = 0.99999; its forecast is that value', () => {
    const fit = fitEts([7]);
    expect(fit.method).toBe('ETS(A,N,N)');
    expect(forecastEts(fit, 2, { level: [] }).mean).toEqual([7, 7]);
  });

  it('extreme scale: AirPassengers × 1e9 selects the same model, forecasts scale within 2 %', () => {
    // Not exactly scale-invariant, in R either: the first simplex steps by 10 % of the largest |x|,
    // which the level dominates, so the search path changes with the units.
    const small = forecastEts(fitEts(air, { period: 12 }), 12).mean;
    const bigFit = fitEts(
      air.map((v) => v * 1e9),
      { period: 12 },
    );
    expect(bigFit.method).toBe('ETS(M,Ad,M)');
    forecastEts(bigFit, 12).mean.forEach((v, i) =>
      expect(Math.abs(v / 1e9 / small[i] - 1)).toBeLessThan(0.02),
    );
  });

  it('states: level, slope and season paths have n + 1 points, the last equal to finalState', () => {
    const fit = fitEts(air, { period: 12, model: 'AAA', damped: false });
    expect(fit.states.level).toHaveLength(121);
    expect(fit.states.slope?.[120]).toBe(fit.finalState[1]);
    expect(fit.states.season?.[120]).toBe(fit.finalState[2]);
    expect(Object.keys(fit.initialStates)).toEqual([
      'l0',
      'b0',
      ...Array.from({ length: 12 }, (_, k) => `s${k}`),
    ]);
    const seasons = Array.from({ length: 12 }, (_, k) => fit.initialStates[`s${k}`]);
    expect(seasons.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9); // additive seasonal states sum to 0
  });
});
