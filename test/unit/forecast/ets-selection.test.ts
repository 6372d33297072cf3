// Automatic model selection as forecast::ets(): which candidates are tried, and the AICc table.
import { readSeries } from '../read-fixture.ts';
import { describe, expect, it } from 'vitest';
import { etsDefaults, fitEts } from '../../../src/forecast/ets/index.ts';

const air = readSeries('AirPassengers').slice(0, 120);

describe('fitEts: automatic selection', () => {
  it('ets(AirPassengers[1:120]) tries R’s 15 candidates and keeps ETS(M,Ad,M), AICc 1117.222 (R: 1117.22204161816), to 1e-8', () => {
    const fit = fitEts(air, { period: 12 });
    expect(fit.candidates?.map((c) => c.method)).toEqual([
      'ETS(A,N,N)',
      'ETS(A,N,A)',
      'ETS(A,Ad,N)',
      'ETS(A,A,N)',
      'ETS(A,Ad,A)',
      'ETS(A,A,A)',
      'ETS(M,N,N)',
      'ETS(M,N,A)',
      'ETS(M,N,M)',
      'ETS(M,Ad,N)',
      'ETS(M,A,N)',
      'ETS(M,Ad,A)',
      'ETS(M,A,A)',
      'ETS(M,Ad,M)',
      'ETS(M,A,M)',
    ]);
    expect(fit.method).toBe('ETS(M,Ad,M)');
    expect(Math.abs(fit.aicc / 1117.22204161816 - 1)).toBeLessThan(1e-8);
    const best = Math.min(...(fit.candidates ?? []).map((c) => c.aicc ?? Infinity));
    expect(best).toBe(fit.aicc);
    // The table's ETS(A,A,A) row is hw(additive)'s local optimum: AICc 1247.914 in R too.
    expect(fit.candidates?.find((c) => c.method === 'ETS(A,A,A)')?.aicc).toBeCloseTo(1247.91391174352, 6);
  });

  it('period 1: 6 candidates (A/M × N, Ad, A); with a value ≤ 0 only the 3 additive-error ones', () => {
    const y = air.slice(0, 40);
    expect(fitEts(y).candidates).toHaveLength(6);
    const shifted = y.map((v) => v - 150);
    expect(fitEts(shifted).candidates?.map((c) => c.method)).toEqual([
      'ETS(A,N,N)',
      'ETS(A,Ad,N)',
      'ETS(A,A,N)',
    ]);
  });

  it('allowMultiplicativeTrend adds MMN, MMdN, MMM, MMdM (19 candidates); additiveOnly leaves 6', () => {
    expect(fitEts(air, { period: 12, allowMultiplicativeTrend: true }).candidates).toHaveLength(19);
    const additive = fitEts(air, { period: 12, additiveOnly: true });
    expect(additive.candidates).toHaveLength(6);
    expect(additive.components.error).toBe('A');
  });

  it('damped: false drops the damped candidates; ic: "bic" selects by BIC', () => {
    const fit = fitEts(air, { period: 12, damped: false, ic: 'bic' });
    expect(fit.candidates?.some((c) => c.method.includes('d,'))).toBe(false);
    const bics = (fit.candidates ?? []).map((c) => c.bic ?? Infinity);
    expect(fit.bic).toBe(Math.min(...bics));
  });

  it('a fully specified model has no candidate table; partial codes such as "MZM" select the rest', () => {
    expect(fitEts(air, { period: 12, model: 'MAM', damped: true }).candidates).toBeUndefined();
    const partial = fitEts(air, { period: 12, model: 'MZM' });
    expect(partial.candidates?.map((c) => c.method)).toEqual(['ETS(M,N,M)', 'ETS(M,Ad,M)', 'ETS(M,A,M)']);
  });

  it('a series shorter than a period is fitted without season, as R does', () => {
    expect(fitEts(air.slice(0, 11), { period: 12 }).components.season).toBe('N');
  });

  it('a constant series gets simple exponential smoothing with α = 0.99999, as R', () => {
    const fit = fitEts([5, 5, 5, 5, 5, 5, 5, 5]);
    expect(fit.method).toBe('ETS(A,N,N)');
    expect(fit.params.alpha).toBe(0.99999);
    expect(fit.fitted).toEqual(new Array(8).fill(5));
  });

  it('results are plain data that survive structuredClone', () => {
    const fit = fitEts(air, { period: 12, model: 'AAN' });
    expect(structuredClone(fit)).toEqual(fit);
  });

  it('has forecast::ets()’s defaults', () => {
    expect(etsDefaults).toMatchObject({
      model: 'ZZZ',
      damped: null,
      lower: [1e-4, 1e-4, 1e-4, 0.8],
      upper: [0.9999, 0.9999, 0.9999, 0.98],
      optCrit: 'lik',
      nmse: 3,
      bounds: 'both',
      ic: 'aicc',
      restrict: true,
      allowMultiplicativeTrend: false,
      maxit: 2000,
    });
  });
});
