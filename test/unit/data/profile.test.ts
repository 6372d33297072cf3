import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
  iqrOutliers,
  isPossibleDate,
  madOutliers,
  profile,
  profileTable,
  quantile7,
} from '../../../src/data/index.ts';

// x as in R: x <- c(2, 4, 4, 5, 7, 9, 10, 12, 15, 40)
const x = [2, 4, 4, 5, 7, 9, 10, 12, 15, 40];

describe('type-7 quantiles and outlier rules', () => {
  it('match R quantile(x, c(.01, .25, .5, .75, .99), type = 7)', () => {
    // R 4.x: 2.18 4.25 8.00 11.50 37.75
    const ref = [2.18, 4.25, 8, 11.5, 37.75];
    [0.01, 0.25, 0.5, 0.75, 0.99].forEach((p, i) => expect(quantile7(x, p)).toBeCloseTo(ref[i], 12));
  });
  it('IQR fences match R: q <- quantile(x, c(.25,.75)); q[1] - 1.5*diff(q), q[2] + 1.5*diff(q)', () => {
    const r = iqrOutliers(x);
    expect(r.lower).toBeCloseTo(-6.625, 12);
    expect(r.upper).toBeCloseTo(22.375, 12);
    expect(r.rows).toEqual([9]);
  });
  it('MAD scale matches R mad(x) = 5.9304; only 40 has |x - median|/mad(x) > 3.5 (R: 5.396)', () => {
    const r = madOutliers(x);
    expect(r.median).toBe(8);
    expect(r.scale).toBeCloseTo(5.9304, 10);
    expect(r.rows).toEqual([9]);
    // With Leys et al.'s 2.5 still only 40 (next largest score 1.18).
    expect(madOutliers(x, 2.5).rows).toEqual([9]);
    expect(madOutliers(x, 1.1).rows).toEqual([8, 9]);
  });
  it('MAD = 0 reports nothing rather than dividing by zero', () => {
    const r = madOutliers([1, 1, 1, 1, 5]);
    expect(r.scale).toBe(0);
    expect(r.count).toBe(0);
  });
});

describe('profile', () => {
  const t = aq.table({
    id: [1, 2, 3, 3, 4, 5],
    amount: [10, 12, '11', null, 11, 1000],
    day: ['2024-02-28', '2024-02-29', '2023-02-29', '2024-04-31', null, '2024-12-31'],
    tag: ['a', 'b', 'a', 'a', ' ', 'c'],
  });
  const p = profile(t, { key: 'id' });
  const col = (name: string) => p.columns.find((c) => c.name === name)!;

  it('counts types, missing and distinct values', () => {
    expect(p.rows).toBe(6);
    expect(col('amount').type).toBe('mixed');
    expect(col('amount').kinds).toEqual({ number: 4, string: 1 });
    expect(col('amount').missing).toBe(1);
    expect(col('amount').distinct).toBe(5); // 10, 12, '11', 11, 1000: '11' and 11 differ
    expect(col('amount').min).toBe(10);
    expect(col('amount').max).toBe(1000);
    expect(col('day').type).toBe('string');
    expect(col('tag').top[0]).toEqual({ value: 'a', count: 3 });
  });
  it('flags a number stored as text, impossible dates and blank strings', () => {
    expect(col('amount').suspicious).toEqual([{ row: 2, value: '11', why: 'number stored as text' }]);
    expect(col('day').suspicious).toEqual([
      { row: 2, value: '2023-02-29', why: 'impossible date' },
      { row: 3, value: '2024-04-31', why: 'impossible date' },
    ]);
    expect(col('tag').suspicious).toEqual([{ row: 4, value: ' ', why: 'blank string' }]);
  });
  it('finds 1000 by both rules (numbers 10, 12, 11, 1000: R quantile type 7 Q1 = 10.75, Q3 = 259)', () => {
    expect(col('amount').outliersIqr!.q1).toBeCloseTo(10.75, 12);
    expect(col('amount').outliersIqr!.q3).toBeCloseTo(259, 12);
    // Q3 + 1.5·IQR = 259 + 1.5·248.25 = 631.375 < 1000.
    expect(col('amount').outliersIqr!.rows).toEqual([5]);
    expect(col('amount').outliersMad!.rows).toEqual([5]);
  });
  it('counts duplicates on a key and exact duplicates', () => {
    expect(p.duplicates.onKey).toBe(1);
    expect(p.duplicates.onKeyRows).toEqual([3]);
    expect(p.duplicates.exact).toBe(0);
    const d = profile(aq.table({ a: [1, 1, 2, 1], b: ['x', 'x', 'y', 'z'] }));
    expect(d.duplicates.exact).toBe(1);
    expect(d.duplicates.exactRows).toEqual([1]);
  });
  it('histograms count every number once and show as a sparkline in the display table', () => {
    const h = profile(aq.table({ v: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }), { bins: 5 }).columns[0].histogram!;
    expect(h.map((b) => b.count)).toEqual([2, 2, 2, 2, 3]);
    expect(h[0].x0).toBe(0);
    expect(h[4].x1).toBe(10);
    const shown = profileTable(p);
    expect(shown.columnNames()).toContain('distribution');
    expect(shown.numRows()).toBe(4);
    expect(String(shown.get('suspicious', 2))).toContain('impossible date ×2');
  });
  it('knows real calendar dates', () => {
    expect(isPossibleDate('2024-02-29')).toBe(true);
    expect(isPossibleDate('1900-02-29')).toBe(false);
    expect(isPossibleDate('2000-02-29 23:59:59')).toBe(true);
    expect(isPossibleDate('2024-01-01T24:00:00Z')).toBe(false);
  });
  it('refuses an unknown key, naming the columns there are', () => {
    expect(() => profile(t, { key: 'ID' })).toThrow(
      'no column "ID" (key); the table has columns "id", "amount", "day", "tag"',
    );
    expect(() => profile([] as never)).toThrow(TypeError);
    expect(() => profile(t, { bins: 0 })).toThrow(/bins must be a finite number in \[1, 1000\]/);
  });
});
