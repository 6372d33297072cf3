import { describe, expect, it } from 'vitest';
import { acf, isSeasonal } from 'dplab/stats';
import { readSeries } from '../read-fixture.ts';

// Reference: the M4 benchmark `SeasonalityTest(input, ppy)` as run by tools/ref for Naïve2 (R 4.2.2):
// test/fixtures/ref/baselines.json records `seasonal: true` for the training parts of AirPassengers
// (120), USAccDeaths (60), co2 (444) and nottem (216), period 12.
describe('isSeasonal', () => {
  it.each([
    ['AirPassengers', 120],
    ['USAccDeaths', 60],
    ['co2', 444],
    ['nottem', 216],
  ])('SeasonalityTest(head(%s, %i), 12) → TRUE', (name, n) => {
    expect(isSeasonal(readSeries(name).slice(0, n), 12)).toBe(true);
  });

  it('applies |r_m| > 1.645·sqrt((1 + 2·Σ_{k<m} r_k²)/n) exactly at the boundary', () => {
    const y = readSeries('UKgas');
    const r = acf(y, 4);
    const limit = (1.645 / Math.sqrt(y.length)) * Math.sqrt(1 + 2 * (r[1] ** 2 + r[2] ** 2 + r[3] ** 2));
    expect(isSeasonal(y, 4)).toBe(Math.abs(r[4]) > limit);
    expect(isSeasonal(y, 4)).toBe(true);
  });

  it('is false for a pure trend and true for a trend plus a 12-month cycle (values checked in numpy)', () => {
    // 1, 2, …, 36: r_12 = 0.074, far below the limit that r_1…r_11 (all large) set.
    expect(
      isSeasonal(
        Array.from({ length: 36 }, (_, t) => t + 1),
        12,
      ),
    ).toBe(false);
    // 0.2t + 1 + 20·sin(2πt/12) over four years: r_12 = 0.731, above the limit.
    const seasonalTrend = Array.from(
      { length: 48 },
      (_, t) => 0.2 * t + 1 + 20 * Math.sin((2 * Math.PI * t) / 12),
    );
    expect(isSeasonal(seasonalTrend, 12)).toBe(true);
  });

  it('is false for period ≤ 1, fewer than 3 periods, empty or constant data', () => {
    const y = readSeries('AirPassengers');
    expect(isSeasonal(y, 1)).toBe(false);
    expect(isSeasonal(y.slice(0, 35), 12)).toBe(false);
    expect(isSeasonal([], 12)).toBe(false);
    expect(isSeasonal(new Array<number>(48).fill(3), 12)).toBe(false);
  });

  it('rejects a bad period and NaN', () => {
    expect(() => isSeasonal([1, 2, 3], 0)).toThrow('invalid period: 0');
    expect(() => isSeasonal([1, NaN, 3], 1)).toThrow('observation 2 is NaN');
  });
});
