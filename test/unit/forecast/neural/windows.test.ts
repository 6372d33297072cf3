import { describe, expect, it } from 'vitest';
import {
  differenced,
  recurrentWindows,
  undifference,
  windowArrays,
} from '../../../../src/forecast/neural/windows.ts';

describe('recurrent windows', () => {
  it('differences at a lag as diff(y, lag) in R', () => {
    // R: diff(c(1, 4, 9, 16, 25), lag = 1) = 3 5 7 9; lag = 2: 8 12 16
    expect(differenced([1, 4, 9, 16, 25], 1)).toEqual([3, 5, 7, 9]);
    expect(differenced([1, 4, 9, 16, 25], 2)).toEqual([8, 12, 16]);
    expect(differenced([1, 4, 9], 0)).toEqual([1, 4, 9]);
  });

  it('holds out the latest windows and scales by the training windows only', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    const w = recurrentWindows(y, { window: 3, lag: 0, validation: 0.3 });
    // 10 values, window 3: 7 windows; round(7 · 0.3) = 2 held out, 5 train on y[0 … 7].
    expect(w.count).toBe(7);
    expect(w.train).toBe(5);
    // mean and population sd of 1…8: 4.5 and √5.25; the outlier 100 (validation only) plays no part.
    expect(w.center).toBeCloseTo(4.5, 12);
    expect(w.scale).toBeCloseTo(Math.sqrt(5.25), 12);
    expect(w.scaled[9]).toBeCloseTo((100 - 4.5) / Math.sqrt(5.25), 12);
  });

  it('cuts windows in time order: inputs z[i … i+w−1], target z[i+w]', () => {
    const { inputs, targets } = windowArrays([0, 1, 2, 3, 4, 5], 3, 1, 3);
    expect(Array.from(inputs)).toEqual([1, 2, 3, 2, 3, 4]);
    expect(Array.from(targets)).toEqual([4, 5]);
  });

  it('undoes differencing and scaling, earlier forecasts standing in for the values they follow', () => {
    const y = [10, 12, 15, 11, 13, 16];
    // Differences 1, 1, 2, 0 at lag 3 land on 11, 13, 16 and then on the first forecast, 12.
    const scaled = [1, 1, 2, 0].map((z) => (z - 0.5) / 2);
    expect(undifference(y, scaled, { lag: 3, center: 0.5, scale: 2 })).toEqual([12, 14, 18, 12]);
    expect(undifference(y, [0.25, -0.5], { lag: 1, center: 0, scale: 4 })).toEqual([17, 15]);
    expect(undifference(y, [1], { lag: 0, center: 3, scale: 2 })).toEqual([5]);
  });

  it('a constant series is scaled by 1, not divided by zero', () => {
    const w = recurrentWindows([5, 5, 5, 5, 5, 5], { window: 2, lag: 0, validation: 0 });
    expect(w.scale).toBe(1);
    expect(w.scaled.every((v) => v === 0)).toBe(true);
  });

  it('says what to change when too few windows remain to train', () => {
    expect(() => recurrentWindows([1, 2, 3, 4, 5, 6], { window: 3, lag: 1, validation: 0.5 })).toThrow(
      '6 values give 2 windows of 3 after differencing at lag 1 (1 held out for validation); at least 2 must remain to train: use a smaller window or validation, or a longer series',
    );
  });
});
