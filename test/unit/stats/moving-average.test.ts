import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { movingAverage } from 'dplab/stats';

const air = readFileSync(new URL('../../../datasets/AirPassengers.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[1]));

describe('movingAverage', () => {
  it('trailing: stats::filter(1:6, rep(1/3, 3), sides = 1) → NA NA 2 3 4 5', () => {
    const ma = movingAverage([1, 2, 3, 4, 5, 6], { window: 3 });
    expect(ma.slice(0, 2)).toEqual([NaN, NaN]);
    [2, 3, 4, 5].forEach((v, i) => expect(ma[i + 2]).toBeCloseTo(v, 12));
  });

  it('centred odd: stats::filter(c(1, 4, 2, 8, 5), rep(1/3, 3), sides = 2) → NA 7/3 14/3 5 NA', () => {
    const ma = movingAverage([1, 4, 2, 8, 5], { window: 3, align: 'centred' });
    expect(ma[0]).toBeNaN();
    expect(ma[1]).toBeCloseTo(7 / 3, 12);
    expect(ma[2]).toBeCloseTo(14 / 3, 12);
    expect(ma[3]).toBeCloseTo(5, 12);
    expect(ma[4]).toBeNaN();
  });

  it('centred 2×12 equals the trend of stats::decompose(AirPassengers) to 1e-9', () => {
    // ../shared/datasets-candidates/ref/diagnostics.json, datasets.AirPassengers.decompose_additive.trend
    // (R 4.2.2): 126.791666666667, 127.25, 127.958333333333 at t = 7, 8, 9; NA for the first and last 6.
    const trend = movingAverage(air, { window: 12, align: 'centred' });
    expect(trend.slice(0, 6).every(Number.isNaN)).toBe(true);
    expect(trend.slice(-6).every(Number.isNaN)).toBe(true);
    expect(trend[6]).toBeCloseTo(126.791666666667, 9);
    expect(trend[7]).toBeCloseTo(127.25, 9);
    expect(trend[8]).toBeCloseTo(127.958333333333, 9);
  });

  it('window 1 is the series itself; a window longer than the series is all NaN', () => {
    expect(movingAverage([3, 1, 2], { window: 1 })).toEqual([3, 1, 2]);
    expect(movingAverage([3, 1], { window: 5 })).toEqual([NaN, NaN]);
    expect(movingAverage([], { window: 2 })).toEqual([]);
  });

  it('rejects bad options and missing values with a message that says what to do', () => {
    expect(() => movingAverage([1, 2], { window: 0 })).toThrow('invalid window: 0 (must be an integer ≥ 1)');
    expect(() => movingAverage([1, 2], { window: 2.5 })).toThrow('invalid window: 2.5');
    expect(() => movingAverage([1, NaN, 3])).toThrow('value 2 is NaN');
  });
});
