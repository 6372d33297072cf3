// Bad input and options: each error says what is wrong and what to do.
import { describe, expect, it } from 'vitest';
import { fitEts, fitHolt, fitHoltWinters, fitSes } from '../../../src/forecast/ets/index.ts';
import { readSeries } from '../read-fixture.ts';

const y = Array.from({ length: 48 }, (_, t) => 100 + t + 10 * Math.sin((2 * Math.PI * t) / 12));

describe('fitEts and friends: errors', () => {
  it('invalid period', () => {
    expect(() => fitEts(y, { period: 0 })).toThrow('invalid period: 0 (must be an integer ≥ 1');
    expect(() => fitEts(y, { period: 2.5 })).toThrow('invalid period: 2.5');
    expect(() => fitEts(y, { period: 1, model: 'AAA' })).toThrow('needs period ≥ 2');
    expect(() =>
      fitEts(
        Array.from({ length: 100 }, (_, i) => i + 1),
        { period: 52, model: 'ANA' },
      ),
    ).toThrow('invalid period: 52 for a seasonal ETS model (must be ≤ 24');
    expect(() => fitHoltWinters(y, { period: 1 })).toThrow(
      'invalid period: 1 (Holt-Winters needs a seasonal period ≥ 2)',
    );
  });

  it('series too short for the season or the model', () => {
    expect(() => fitEts(y.slice(0, 10), { period: 12, model: 'AAA' })).toThrow(
      'series too short for the season: 10 observations, period 12',
    );
    expect(() => fitEts(y.slice(0, 18), { period: 12, model: 'AAA' })).toThrow(
      'series too short: ETS(A,A,A) needs more than 20 observations with period 12, got 18',
    );
    expect(() => fitHoltWinters(y.slice(0, 14), { period: 12 })).toThrow('needs at least 15 observations');
    expect(() => fitHolt([3])).toThrow("Holt's method needs at least 2 observations");
    expect(() => fitEts([])).toThrow('ETS needs at least 1 observation, got 0');
  });

  it('missing values', () => {
    expect(() => fitEts([1, 2, NaN, 4])).toThrow('observation 3 is NaN');
    expect(() => fitSes([1, Infinity, 3, 4, 5, 6, 7, 8, 9])).toThrow('observation 2 is Infinity');
  });

  it('non-positive data for multiplicative errors', () => {
    const z = y.map((v, i) => (i === 5 ? 0 : v));
    expect(() => fitEts(z, { period: 12, model: 'MAM' })).toThrow('observation 6 is 0');
    expect(() => fitHoltWinters(z, { period: 12, seasonal: 'multiplicative' })).toThrow('multiplicative');
  });

  it('fixed parameters outside their bounds', () => {
    expect(() => fitSes(y, { alpha: 1.2 })).toThrow(
      'invalid fixed parameter: alpha = 1.2 is outside its bounds [0.0001, 0.9999]',
    );
    expect(() => fitHolt(y, { alpha: 0.3, beta: 0.5 })).toThrow('beta = 0.5 is outside its bounds');
    expect(() => fitHoltWinters(y, { period: 12, alpha: 0.6, gamma: 0.5 })).toThrow(
      'gamma = 0.5 is outside its bounds',
    );
    expect(() => fitHolt(y, { damped: true, phi: 0.99 })).toThrow(
      'phi = 0.99 is outside its bounds [0.8, 0.98]',
    );
    expect(() => fitSes(y, { alpha: NaN })).toThrow('invalid alpha: NaN');
  });

  it('forbidden or malformed models and options', () => {
    expect(() => fitEts(y, { period: 12, model: 'AAM' })).toThrow(
      'forbidden model combination: AAM has infinite forecast variance',
    );
    expect(() => fitEts(y, { model: 'ANN', damped: true })).toThrow('damped: true needs a trend');
    expect(() => fitHoltWinters(y, { period: 12, exponential: true })).toThrow(
      'an exponential trend needs multiplicative seasonality',
    );
    // @ts-expect-error: not a model code
    expect(() => fitEts(y, { model: 'XYZ' })).toThrow('invalid error type: X in model XYZ');
    // @ts-expect-error: not a criterion
    expect(() => fitEts(y, { optCrit: 'sse' })).toThrow("invalid optCrit: sse (must be one of 'lik', 'amse'");
    expect(() => fitEts(y, { nmse: 31 })).toThrow('invalid nmse: 31 (must be an integer from 1 to 30)');
    expect(() => fitEts(y, { lower: [0.5, 1e-4, 1e-4, 0.8], upper: [0.4, 1, 1, 1] })).toThrow(
      'invalid bounds',
    );
  });

  it('initialStates needs the whole model fixed', () => {
    expect(() =>
      fitEts(y, { model: 'AAN', damped: false, alpha: 0.5, initialStates: { level: 100, trend: 1 } }),
    ).toThrow('initialStates fixes the model, so it also needs beta');
    expect(() =>
      fitEts(y, {
        period: 12,
        model: 'ANA',
        alpha: 0.5,
        gamma: 0.1,
        initialStates: { level: 100, season: [1, 2] },
      }),
    ).toThrow('initialStates.season needs 12 values');
    expect(() => fitEts(y, { model: 'ZNN', alpha: 0.5, initialStates: { level: 1 } })).toThrow(
      'needs a fully specified model',
    );
  });
});

describe('fixed parameters that break a coupled bound', () => {
  it('says that alpha + gamma must be ≤ 1 when a fixed gamma lowers alpha’s bound', () => {
    const air = readSeries('AirPassengers');
    expect(() => fitHoltWinters(air, { period: 12, alpha: 0.1, beta: 0.0001, gamma: 0.9 })).toThrow(
      /alpha = 0\.1 is outside its bounds .*with gamma = 0\.9, alpha \+ gamma must be ≤ 1/,
    );
  });
});
