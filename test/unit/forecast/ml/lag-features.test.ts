import { describe, expect, it } from 'vitest';
import {
  designTable,
  featureRow,
  lagDesign,
  lagFeatureSpec,
} from '../../../../src/forecast/ml/lag-features.ts';

const y = Array.from({ length: 30 }, (_, t) => 100 + t * t);

describe('lagDesign', () => {
  it('lays out the reference design: lags 1..L of the target, rows with complete lags', () => {
    const d = lagDesign(y, { period: 4 });
    expect(d.names).toEqual(['lag1', 'lag2', 'lag3', 'lag4']);
    expect(d.rows).toHaveLength(26);
    expect(d.rows[0]).toEqual([y[3], y[2], y[1], y[0]]);
    expect(d.target[0]).toBe(y[4]);
    expect(d.index[0]).toBe(4);
    expect(lagDesign(y).names).toHaveLength(4); // period 1: 4 lags
  });

  it('differences the target, and the calendar follows the original time of the value predicted', () => {
    const d = lagDesign(y, { period: 4, lags: 2, difference: 1, calendar: 'season' });
    const z = y.slice(1).map((v, i) => v - y[i]);
    expect(d.names).toEqual(['lag1', 'lag2', 'season2', 'season3', 'season4']);
    // First row: target z[2] = y[3] − y[2], at original time 3 → season 4 (index 3 mod 4).
    expect(d.rows[0]).toEqual([z[1], z[0], 0, 0, 1]);
    expect(d.target[0]).toBe(z[2]);
    expect(d.index[0]).toBe(3);
    // Season 1 (t mod 4 = 0) is the dropped level: all zeros.
    expect(d.rows[1].slice(2)).toEqual([0, 0, 0]);
  });

  it('at horizon k a row uses only values k or more steps before its target', () => {
    const d = lagDesign(y, { lags: 3, rollingMeans: [2], horizon: 5 });
    expect(d.names).toEqual(['lag5', 'lag6', 'lag7', 'mean2_lag5']);
    const t = d.index[0];
    expect(t).toBe(7);
    expect(d.rows[0]).toEqual([y[t - 5], y[t - 6], y[t - 7], (y[t - 5] + y[t - 6]) / 2]);
  });

  it('builds rolling means and Fourier terms of the period', () => {
    const d = lagDesign(y, { period: 12, lags: 1, rollingMeans: [3], fourier: 2 });
    const t = d.index[0];
    expect(d.rows[0][1]).toBeCloseTo((y[t - 1] + y[t - 2] + y[t - 3]) / 3, 12);
    expect(d.rows[0][2]).toBeCloseTo(Math.sin((2 * Math.PI * t) / 12), 14);
    expect(d.rows[0][5]).toBeCloseTo(Math.cos((4 * Math.PI * t) / 12), 14);
  });

  it('reads months and weekdays from dates and continues them past the data', () => {
    const dates = Array.from(
      { length: 14 },
      (_, i) => `2021-${String((i % 12) + 1).padStart(2, '0')}-01`,
    ).map((d, i) => (i >= 12 ? d.replace('2021', '2022') : d));
    const spec = lagFeatureSpec(14, { lags: 1, calendar: 'month', dates });
    expect(spec.names.slice(1)).toEqual([
      'feb',
      'mar',
      'apr',
      'may',
      'jun',
      'jul',
      'aug',
      'sep',
      'oct',
      'nov',
      'dec',
    ]);
    const z = [...y.slice(0, 14), 0, 0];
    // Index 15 is 2022-04 (two months after the last date, 2022-02): April.
    expect(featureRow(spec, z, 15).slice(1)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const days = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`); // a Monday first
    const wd = lagFeatureSpec(10, { lags: 1, calendar: 'weekday', dates: days });
    expect(featureRow(wd, y, 0).slice(1)).toEqual([0, 0, 0, 0, 0, 0]); // Monday
    expect(featureRow(wd, y, 12).slice(1)).toEqual([0, 0, 0, 0, 1, 0]); // 2024-01-13, a Saturday
  });

  it('shows the design as a table', () => {
    const rows = designTable(lagDesign(y, { lags: 2 }));
    expect(rows[0]).toEqual({ t: 3, lag1: y[1], lag2: y[0], target: y[2] });
  });

  it('says which option is wrong', () => {
    expect(() => lagDesign(y, { lags: 1.5 })).toThrow(/invalid lags: 1.5/);
    expect(() => lagDesign(y, { calendar: 'season' })).toThrow(/seasonal period ≥ 2/);
    expect(() => lagDesign(y, { calendar: 'month', lags: 1 })).toThrow(/needs the dates/);
    expect(() => lagDesign(y, { period: 4, fourier: 3 })).toThrow(/at most 2 pairs/);
    expect(() => lagDesign(y, { difference: 2 })).toThrow(/must be 0 or 1/);
    expect(() => lagDesign(y, { lags: 30 })).toThrow(/leave no rows/);
    expect(() => lagDesign(y, { lags: [] })).toThrow(/no features/);
  });
});
