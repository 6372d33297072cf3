// autoArima on the edges: the models R forecast 8.20's auto.arima returns without a search (constant
// series, series constant after differencing), tiny series, bad input and options, and the registry
// entry. Expected values from R 4.2.2 + forecast 8.20, the call beside each.
import { describe, expect, it } from 'vitest';
import { autoArima, forecastArima, forecastMethod, parseMethodOption } from 'dplab/forecast';

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
const close = (a: readonly number[], b: readonly number[], tol = 1e-9) =>
  a.forEach((v, i) => expect(Math.abs(v - b[i]), `[${i}]`).toBeLessThanOrEqual(tol));

describe('autoArima without a search, as auto.arima', { timeout: 120_000 }, () => {
  it('auto.arima(ts(rep(5, 20))) → ARIMA(0,0,0) with non-zero mean, intercept 5', () => {
    const fit = autoArima(new Array(20).fill(5));
    expect(fit.spec).toBe('ARIMA(0,0,0) with non-zero mean');
    expect(fit.coef).toEqual({ intercept: 5 });
    expect(fit.search.how).toBe('constant');
    close(forecastArima(fit, 3).mean, [5, 5, 5]);
  });

  it('auto.arima(ts(5)) → ARIMA(0,0,0) with non-zero mean (one point)', () => {
    const fit = autoArima([5]);
    expect(fit.spec).toBe('ARIMA(0,0,0) with non-zero mean');
    close(forecastArima(fit, 2).mean, [5, 5]);
  });

  it('auto.arima(ts(1:30 * 2 + 1)) → ARIMA(0,1,0) with drift 2; forecast 63, 65, 67', () => {
    const fit = autoArima(range(30, (i) => (i + 1) * 2 + 1));
    expect(fit.spec).toBe('ARIMA(0,1,0) with drift');
    expect(fit.coef.drift).toBeCloseTo(2, 12);
    expect(fit.search.how).toBe('constant-difference');
    close(forecastArima(fit, 3).mean, [63, 65, 67]);
  });

  it('auto.arima(ts(rep(c(1, 5, 3, 2), 6) + rep(0:5, each = 4), frequency = 4)) → ARIMA(0,0,0)(0,1,0)[4] with drift 0.25; forecast 7, 11, 9', () => {
    const fit = autoArima(
      range(24, (i) => [1, 5, 3, 2][i % 4] + Math.floor(i / 4)),
      { period: 4 },
    );
    expect(fit.spec).toBe('ARIMA(0,0,0)(0,1,0)[4] with drift');
    expect(fit.coef.drift).toBeCloseTo(0.25, 12);
    close(forecastArima(fit, 3).mean, [7, 11, 9]);
  });
});

describe('autoArima on small series', { timeout: 120_000 }, () => {
  it('auto.arima(ts(c(3, 1, 4, 1, 5))) → ARIMA(0,0,0) with non-zero mean, intercept 2.8, AICc 28.88942', () => {
    const fit = autoArima([3, 1, 4, 1, 5]);
    expect(fit.spec).toBe('ARIMA(0,0,0) with non-zero mean');
    expect(fit.coef.intercept).toBeCloseTo(2.8, 6);
    expect(fit.aicc).toBeCloseTo(28.88942, 4);
  });

  it('auto.arima(ts(c(3, 1))) → ARIMA(0,0,0) with non-zero mean, AICc −2.324246 (n ≤ 3 compares AIC)', () => {
    const fit = autoArima([3, 1]);
    expect(fit.spec).toBe('ARIMA(0,0,0) with non-zero mean');
    expect(fit.search.ic).toBe('aic');
    expect(fit.aicc).toBeCloseTo(-2.324246, 5);
  });

  it('set.seed(1); auto.arima(round(arima.sim(list(ar = 0.6), n = 40) + 10, 6)) → ARIMA(2,0,0) with non-zero mean', () => {
    // prettier-ignore
    const y = [7.928467,9.882011,9.884273,9.914373,10.89246,11.356697,11.40792,11.763729,11.840374,11.178789,8.717922,9.850579,9.854219,9.756736,8.383289,8.551823,9.549036,11.088101,10.550073,10.717715,10.376824,8.849035,8.894426,8.942366,9.306106,10.683689,11.173389,10.53951,10.070344,10.73917,11.000165,9.911343,9.239311,9.908168,10.713434,10.315714,11.070536,11.040428,10.01223,10.348458];
    const fit = autoArima(y);
    expect(fit.spec).toBe('ARIMA(2,0,0) with non-zero mean');
    // R: ar1 0.767057480216102, ar2 -0.277944714568109, intercept 10.112946389615; AICc 100.4344
    expect(fit.coef.ar1).toBeCloseTo(0.767057480216102, 6);
    expect(fit.coef.ar2).toBeCloseTo(-0.277944714568109, 6);
    expect(fit.coef.intercept).toBeCloseTo(10.112946389615, 6);
    expect(fit.aicc).toBeCloseTo(100.4344, 3);
    close(forecastArima(fit, 3).mean, [10.32159, 10.20753, 10.12751], 1e-5);
  });

  it('given d and D skip the tests; seasonal: false searches without a season', () => {
    const y = range(60, (i) => 10 + Math.sin(i / 2) + 0.05 * i + ((i * 7919) % 13) / 13);
    const fixed = autoArima(y, { period: 12, d: 1, D: 0 });
    expect(fixed.search.ndiffs).toBeNull();
    expect(fixed.search.nsdiffs).toBeNull();
    expect([fixed.order.d, fixed.order.D]).toEqual([1, 0]);
    const flat = autoArima(y, { period: 12, seasonal: false });
    expect(flat.order.m).toBe(1);
    expect(flat.search.limits.maxP).toBe(0);
  });
});

describe('autoArima rejects bad input with a message', { timeout: 120_000 }, () => {
  it('empty, NaN and infinite values', () => {
    expect(() => autoArima([])).toThrow('autoArima needs at least 1 observation, got 0');
    expect(() => autoArima([1, NaN, 3])).toThrow('observation 2 is NaN');
    expect(() => autoArima([1, 2, Infinity])).toThrow('observation 3 is Infinity');
  });

  it('bad options name the option', () => {
    const y = range(30, (i) => i + Math.sin(i));
    expect(() => autoArima(y, { period: 0 })).toThrow('invalid period: 0');
    expect(() => autoArima(y, { maxp: -1 })).toThrow('invalid maxp: -1 (must be a whole number ≥ 0)');
    expect(() => autoArima(y, { nmodels: 0 })).toThrow('invalid nmodels: 0 (must be a whole number ≥ 1)');
    // @ts-expect-error a wrong word
    expect(() => autoArima(y, { ic: 'hqic' })).toThrow('invalid ic: "hqic" (must be one of aicc, aic, bic)');
    expect(() => autoArima(y, { alpha: 0.5 })).toThrow('invalid alpha: 0.5');
    expect(() => autoArima(y, { D: 1 })).toThrow('D = 1 needs a seasonal period ≥ 2');
  });

  it('extreme values: at 1e12 scale the drift fits fail as in R (i <- 0:47; y <- 100 + i + 5 * sin(2 * pi * i / 12) + ((i * 37) %% 11); auto.arima(ts(y, frequency = 12)) and auto.arima(ts(y * 1e12, frequency = 12)))', () => {
    const y = range(48, (i) => 100 + i + 5 * Math.sin((2 * Math.PI * i) / 12) + ((i * 37) % 11));
    // R: ARIMA(2,0,0)(0,1,0)[12] with drift, and at 1e12 ARIMA(0,0,0)(0,1,0)[12] (AICc 2279.146): the
    // optimiser's fixed steps are too small for a drift of that size, so every drift model is rejected.
    expect(autoArima(y, { period: 12 }).spec).toBe('ARIMA(2,0,0)(0,1,0)[12] with drift');
    const big = autoArima(
      y.map((v) => v * 1e12),
      { period: 12 },
    );
    expect(big.spec).toBe('ARIMA(0,0,0)(0,1,0)[12]');
    expect(big.aicc).toBeCloseTo(2279.146, 2);
    expect(big.search.models.filter((m) => m.constant).every((m) => m.ic === Infinity)).toBe(true);
  });
});

describe('the registry', { timeout: 120_000 }, () => {
  it('auto-arima runs through the registry with its options', () => {
    const m = forecastMethod('auto-arima');
    expect(m.defaults).toMatchObject({ ic: 'aicc', stepwise: true, approximation: 'auto', maxp: 5, maxP: 2 });
    const values = range(40, (i) => 10 + 0.5 * i + Math.sin(i));
    const { fit, forecast } = m.run({ values, period: 1, h: 5, level: [80, 95] }, { ic: 'bic' });
    expect(fit.method).toMatch(/^ARIMA\(/);
    expect(forecast.mean.length).toBe(5);
    expect(forecast.intervals.map((x) => x.level)).toEqual([80, 95]);
    expect(parseMethodOption(m, 'approximation', 'false')).toBe('false');
    expect(() => parseMethodOption(m, 'approximation', 'maybe')).toThrow('one of auto, true, false');
    expect(() => parseMethodOption(m, 'maxp', 'x')).toThrow('auto-arima.maxp must be a number');
  });
});
