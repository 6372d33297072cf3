// fitArima's options, defaults and errors: bad orders, seasonal orders without a season, too short or
// non-finite series, drift with two differences, regressors of the wrong length; the defaults
// (airline model, R's method) and the cheap fitArimaOrder.
import { describe, expect, it } from 'vitest';
import { readSeries } from '../read-fixture.ts';
import { fitArima } from '../../../src/forecast/arima.ts';
import { fitArimaOrder } from '../../../src/forecast/arima-fit-order.ts';
import { forecastArima } from '../../../src/forecast/arima-forecast.ts';
import type { ArimaOrderTriple } from '../../../src/forecast/arima-types.ts';

const air = readSeries('AirPassengers').slice(0, 120);
const nile = readSeries('Nile');

describe('defaults', () => {
  it('is the airline model ARIMA(0,1,1)(0,1,1)[m] by CSS-ML, as Arima(y, c(0,1,1), c(0,1,1))', () => {
    const fit = fitArima(air, { period: 12 });
    expect(fit.spec).toBe('ARIMA(0,1,1)(0,1,1)[12]');
    expect(fit.estimation).toBe('CSS-ML');
    expect(fit.kind).toBe('arima');
    // R: ma1 −0.227802423631784, sma1 −0.0459034745220564 (ref-AirPassengers.json, stats_arima)
    expect(fit.coef.ma1).toBeCloseTo(-0.227802423631784, 6);
    expect(fit.params).toEqual(fit.coef);
    expect(fit.n).toBe(120);
    expect(fit.period).toBe(12);
  });

  it('is ARIMA(0,1,1) without a season (period 1)', () => {
    const fit = fitArima(nile);
    expect(fit.spec).toBe('ARIMA(0,1,1)');
    expect(Object.keys(fit.coef)).toEqual(['ma1']);
  });

  it('keeps a mean only when d + D = 0, as R', () => {
    expect(fitArima(nile, { order: [1, 0, 0] }).spec).toBe('ARIMA(1,0,0) with non-zero mean');
    expect(fitArima(nile, { order: [1, 0, 0], includeMean: false }).spec).toBe('ARIMA(1,0,0) with zero mean');
    expect(fitArima(nile, { order: [1, 1, 0] }).spec).toBe('ARIMA(1,1,0)');
  });

  it('results are plain data that survive structuredClone', () => {
    const fit = fitArima(air, { period: 12 });
    const copy = structuredClone(fit);
    expect(forecastArima(copy, 6).mean).toEqual(forecastArima(fit, 6).mean);
  });
});

describe('fitArimaOrder: the cheap fit an order search calls', () => {
  it('gives the same estimates and criteria as fitArima, without standard errors or state', () => {
    const full = fitArima(air, { period: 12, order: [1, 1, 0], seasonal: [0, 1, 0] });
    const cheap = fitArimaOrder(air, { period: 12, order: [1, 1, 0], seasonal: [0, 1, 0] });
    expect(cheap.coef).toEqual(full.coef);
    expect(cheap.aicc).toBe(full.aicc);
    // R: auto.arima's ARIMA(1,1,0)(0,1,0)[12], AICc 803.396935970294, npar 2, nstar 107
    expect(cheap.aicc).toBeCloseTo(803.396935970294, 6);
    expect(cheap.npar).toBe(2);
    expect(cheap.nobs).toBe(107);
    expect('state' in cheap).toBe(false);
    // The expanded polynomials (R: fit$model$phi, fit$model$theta) for auto.arima's root check.
    expect(cheap.phi).toEqual([cheap.coef.ar1]);
    expect(cheap.theta).toEqual([]);
  });

  it('method "CSS" gives σ² and the part log-likelihood, no AIC (R: NA)', () => {
    const fit = fitArimaOrder(air, { period: 12, method: 'CSS' });
    expect(fit.estimation).toBe('CSS');
    expect(fit.aic).toBeNaN();
    expect(fit.aicc).toBeNaN();
    expect(fit.sigma2Arima).toBeGreaterThan(0);
  });
});

describe('errors', () => {
  const bad: [string, unknown, RegExp][] = [
    [
      'order of length 2',
      { order: [1, 1] },
      /invalid order: \[1,1\] \(must be three whole numbers ≥ 0: \[p, d, q\]\)/,
    ],
    ['negative order', { order: [-1, 1, 0] }, /invalid order/],
    ['fractional order', { order: [0.5, 1, 0] }, /invalid order/],
    ['bad seasonal order', { period: 12, seasonal: [0, 1] }, /invalid seasonal: .*\[P, D, Q\]/],
    [
      'seasonal order with period 1',
      { seasonal: [0, 1, 1] },
      /seasonal order \(0,1,1\) needs period ≥ 2, got period 1/,
    ],
    ['period 0', { period: 0 }, /invalid period: 0/],
    ['unknown method', { method: 'MLE' }, /invalid method: "MLE" \(must be one of CSS-ML, ML, CSS\)/],
    ['drift with d + D = 2', { period: 12, includeDrift: true }, /drift needs d \+ D ≤ 1/],
    [
      'xreg of the wrong length',
      { order: [1, 0, 0], xreg: [[1, 2, 3]] },
      /xreg column 1 has 3 values, the series 120/,
    ],
    [
      'non-finite xreg',
      { order: [1, 0, 0], xreg: [new Array(120).fill(NaN)] },
      /xreg column 1, row 1 is NaN/,
    ],
    ['kappa ≤ 0', { kappa: 0 }, /invalid kappa/],
  ];
  for (const [what, options, message] of bad) {
    it(`${what}`, () => {
      expect(() => fitArima(air, options as Parameters<typeof fitArima>[1])).toThrow(message);
    });
  }

  it('seasonal [0, 0, 0] with period 1 is fine', () => {
    expect(fitArima(nile, { seasonal: [0, 0, 0] as ArimaOrderTriple }).spec).toBe('ARIMA(0,1,1)');
  });

  it('a series too short for the order says how many observations it needs', () => {
    // Airline model, m = 12: 13 lost to differencing, 2 coefficients → more than 15 needed.
    expect(() => fitArima(air.slice(0, 15), { period: 12 })).toThrow(
      /series too short for ARIMA\(0,1,1\)\(0,1,1\)\[12\]: 15 observations, need more than 15 \(13 lost to differencing, 0 to the AR lags, 2 coefficients\)/,
    );
    expect(() => fitArima([], {})).toThrow(/needs at least 1 observation/);
    expect(() => fitArima([1], { order: [0, 0, 0] })).toThrow(/series too short/);
    expect(fitArima(air.slice(0, 16), { period: 12 }).spec).toBe('ARIMA(0,1,1)(0,1,1)[12]');
  });

  it('non-finite values are named by position', () => {
    const y = [...air];
    y[9] = NaN;
    expect(() => fitArima(y, { period: 12 })).toThrow(
      /observation 10 is NaN: ARIMA\(0,1,1\)\(0,1,1\)\[12\] needs finite numbers/,
    );
    y[9] = Infinity;
    expect(() => fitArima(y, { period: 12 })).toThrow(/observation 10 is Infinity/);
  });

  it('forecastArima checks the horizon, the levels and the future regressors', () => {
    const fit = fitArima(nile, { order: [1, 0, 0], xreg: [nile.map((_, t) => Math.sin(t))] });
    expect(() => forecastArima(fit, 0, { xreg: [[]] })).toThrow(/invalid horizon h: 0/);
    expect(() => forecastArima(fit, 2)).toThrow(/needs the future values of its 1 xreg column, got 0/);
    expect(() => forecastArima(fit, 2, { xreg: [[1]] })).toThrow(/xreg column 1 has 1 values for horizon 2/);
    expect(() => forecastArima(fit, 2, { xreg: [[1, 2]], level: [120] })).toThrow(/invalid level: 120/);
    expect(() => forecastArima(fitArima(nile), 2, { xreg: [[1, 2]] })).toThrow(/no regressors/);
  });

  it('a constant series: ARIMA(0,1,0) as R (loglik Inf, σ² 8.620681e-07), a model with coefficients stops clearly', () => {
    // R: f <- Arima(ts(rep(5, 30)), c(0, 1, 0)); c(f$loglik, f$sigma2) → Inf 8.620681e-07
    const fit = fitArima(new Array(30).fill(5), { order: [0, 1, 0] });
    expect(fit.loglik).toBe(Infinity);
    expect(fit.sigma2).toBeCloseTo(8.620681e-7, 12);
    expect(forecastArima(fit, 3).mean.every((v) => Math.abs(v - 5) < 1e-6)).toBe(true);
    // R: Arima(ts(rep(5, 30)), c(0, 1, 1)) → "initial value in 'vmmin' is not finite"
    expect(() => fitArima(new Array(30).fill(5), { order: [0, 1, 1] })).toThrow(
      /cannot estimate the model by conditional sum of squares: initial value in 'vmmin' is not finite .* constant/,
    );
  });
});
