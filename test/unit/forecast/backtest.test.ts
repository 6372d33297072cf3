import { describe, expect, it } from 'vitest';
import { fitNaive, forecastNaive, rollingOrigin } from 'dplab/forecast';
import { readSeries } from '../read-fixture.ts';

const naive = (train: number[]) => {
  const fit = fitNaive(train);
  return (h: number) => forecastNaive(fit, h).mean;
};

describe('rollingOrigin', () => {
  it('expanding window: origins initial, initial + step, …; each fit sees exactly the data before its origin', () => {
    const y = [10, 11, 13, 12, 15, 14, 16];
    const seen: number[][] = [];
    const r = rollingOrigin(y, {
      initial: 3,
      horizon: 2,
      step: 2,
      fit: (train) => {
        seen.push(train);
        return naive(train);
      },
    });
    expect(r.origins.map((o) => o.origin)).toEqual([3, 5]);
    expect(seen).toEqual([
      [10, 11, 13],
      [10, 11, 13, 12, 15],
    ]);
    expect(r.origins[0]).toEqual({
      trainStart: 0,
      origin: 3,
      forecast: [13, 13],
      actual: [12, 15],
      errors: [-1, 2],
    });
    expect(r.byHorizon[0].mae).toBe(1); // |12 − 13| and |14 − 15|
    expect(r.byHorizon[1].mae).toBe(1.5); // |15 − 13| and |16 − 15|
    expect(r.overall.me).toBe(0.25);
  });

  it('sliding window: every training slice has `initial` observations', () => {
    const r = rollingOrigin([1, 2, 3, 4, 5, 6], { initial: 3, horizon: 1, window: 'sliding', fit: naive });
    expect(r.origins.map((o) => [o.trainStart, o.origin])).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });

  for (const window of ['expanding', 'sliding'] as const) {
    it(`leaks nothing from the future (${window}): a fit that throws on any value at or after its origin never throws`, () => {
      // All values distinct, so a value identifies its position.
      const y = readSeries('AirPassengers').map((v, t) => v + t / 1000);
      const strictFit = (train: number[]) => {
        const start = y.indexOf(train[0]);
        const future = new Set(y.slice(start + train.length));
        if (train.some((v) => future.has(v))) throw new Error('saw a value from the test window');
        if (train.some((v, i) => v !== y[start + i])) throw new Error('training data out of order');
        train[0] = NaN; // mutating its copy must not affect later origins
        const fit = fitNaive(train.slice(1));
        return (h: number) => forecastNaive(fit, h).mean;
      };
      const r = rollingOrigin(y, { initial: 100, horizon: 12, step: 4, window, fit: strictFit });
      expect(r.origins).toHaveLength(9);
      expect(r.origins.at(-1)?.origin).toBe(132);
      expect(r.origins.every((o) => o.forecast[0] === y[o.origin - 1])).toBe(true);
    });
  }

  it('the leak check works: a fit that receives the whole series would throw', () => {
    const y = [1, 2, 3, 4, 5];
    const fit = (train: number[]) => {
      if (train.includes(5)) throw new Error('saw a value from the test window');
      return naive(train);
    };
    expect(() => fit(y)).toThrow('saw a value from the test window');
    expect(() => rollingOrigin(y, { initial: 2, horizon: 1, fit })).not.toThrow();
  });

  it('rejects bad options and forecasters that return the wrong length or NaN', () => {
    const y = [1, 2, 3, 4, 5];
    expect(() => rollingOrigin(y, { initial: 0, horizon: 1, fit: naive })).toThrow('invalid initial: 0');
    expect(() => rollingOrigin(y, { initial: 2, horizon: 0, fit: naive })).toThrow('invalid horizon h: 0');
    expect(() => rollingOrigin(y, { initial: 4, horizon: 2, fit: naive })).toThrow(
      'initial + horizon = 6 exceeds the 5 observations',
    );
    expect(() => rollingOrigin(y, { initial: 2, horizon: 1, step: 0, fit: naive })).toThrow(
      'invalid step: 0',
    );
    expect(() => rollingOrigin([1, NaN, 3], { initial: 1, horizon: 1, fit: naive })).toThrow(
      'observation 2 is NaN',
    );
    expect(() => rollingOrigin(y, { initial: 2, horizon: 2, fit: () => () => [1] })).toThrow(
      'the forecaster returned 1 values at origin 2; expected 2',
    );
    expect(() => rollingOrigin(y, { initial: 2, horizon: 1, fit: () => () => [NaN] })).toThrow(
      'forecast 1 is NaN',
    );
  });
});
