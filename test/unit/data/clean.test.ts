import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { coerceNumbers, deduplicate, impute, joinWithReport, winsorize } from '../../../src/data/index.ts';

describe('deduplicate', () => {
  const t = aq.table({ k: ['a', 'b', 'a', 'c', 'b'], v: [1, 2, 3, 4, 5] });
  it('keeps the first or the last row of each key, in table order', () => {
    expect(deduplicate(t, 'k').array('v')).toEqual([1, 2, 4]);
    expect(deduplicate(t, 'k', { keep: 'last' }).array('v')).toEqual([3, 4, 5]);
    expect(deduplicate(t, ['k', 'v']).numRows()).toBe(5);
  });
  it('says what is wrong', () => {
    expect(() => deduplicate(t, 'x')).toThrow(
      'deduplicate: no column "x" (key); the table has columns "k", "v"',
    );
    expect(() => deduplicate(t, 'k', { keep: 'any' as never })).toThrow(
      "keep must be one of 'first', 'last'",
    );
  });
});

describe('impute', () => {
  const t = aq.table({ x: [1, null, 3, 10, NaN, 3] });
  it('fills with the median (R: median(c(1, 3, 10, 3)) = 3) and flags the filled rows', () => {
    const r = impute(t, 'x');
    expect(r.array('x')).toEqual([1, 3, 3, 10, 3, 3]);
    expect(r.array('x_imputed')).toEqual([false, true, false, false, true, false]);
  });
  it('mean 4.25, mode 3, constant', () => {
    expect(impute(t, 'x', { method: 'mean' }).array('x')[1]).toBe(4.25);
    expect(impute(t, 'x', { method: 'mode' }).array('x')[1]).toBe(3);
    expect(impute(t, 'x', { method: 'constant', value: -1 }).array('x')[4]).toBe(-1);
  });
  it('refuses text for median/mean and a constant without value', () => {
    const s = aq.table({ x: [1, '2', null] });
    expect(() => impute(s, 'x')).toThrow(/needs numbers.*coerceNumbers/);
    expect(() => impute(t, 'x', { method: 'constant' })).toThrow(/needs the value option/);
    expect(() => impute(t, 'x', { method: 'knn' as never })).toThrow(
      "method must be one of 'median', 'mean', 'mode', 'constant'",
    );
  });
});

describe('coerceNumbers', () => {
  it('reads numeric text, turns other text into null and flags changed rows', () => {
    const t = aq.table({ x: [1, '2.5', ' 3 ', 'abc', null, '4,5'] });
    const r = coerceNumbers(t, 'x');
    expect(r.array('x')).toEqual([1, 2.5, 3, null, null, null]);
    expect(r.array('x_coerced')).toEqual([false, true, true, true, false, true]);
    expect(coerceNumbers(t, 'x', { decimalComma: true }).array('x')[5]).toBe(4.5);
  });
});

describe('winsorize', () => {
  // R: y <- c(1.2,3.5,2.2,8.9,4.4,0.3,6.1,5.5,7.7,2.9,100); q <- quantile(y, c(.1,.9), type = 7)
  // q = 1.2, 8.9; pmin(pmax(y, q[1]), q[2]) = 1.2 3.5 2.2 8.9 4.4 1.2 6.1 5.5 7.7 2.9 8.9
  const y = [1.2, 3.5, 2.2, 8.9, 4.4, 0.3, 6.1, 5.5, 7.7, 2.9, 100];
  it('clips to type-7 quantiles as R', () => {
    const r = winsorize(aq.table({ y }), 'y', { lower: 0.1, upper: 0.9, flag: true });
    const ref = [1.2, 3.5, 2.2, 8.9, 4.4, 1.2, 6.1, 5.5, 7.7, 2.9, 8.9];
    (r.array('y') as number[]).forEach((v, i) => expect(v).toBeCloseTo(ref[i], 12));
    expect((r.array('y_winsorized') as boolean[]).filter(Boolean).length).toBe(2);
  });
  it('default 1% / 99% (R quantile(x, c(.01,.99)) of 2,4,4,5,7,9,10,12,15,40 = 2.18, 37.75)', () => {
    const r = winsorize(aq.table({ x: [2, 4, 4, 5, 7, 9, 10, 12, 15, 40, null] }), 'x');
    const v = r.array('x') as (number | null)[];
    expect(v[0]).toBeCloseTo(2.18, 12);
    expect(v[9]).toBeCloseTo(37.75, 12);
    expect(v[10]).toBeNull();
  });
  it('checks its options', () => {
    expect(() => winsorize(aq.table({ y }), 'y', { lower: 0.9, upper: 0.1 })).toThrow(
      'lower (0.9) must be below upper (0.1)',
    );
    expect(() => winsorize(aq.table({ s: ['a'] }), 's')).toThrow(/needs numbers/);
  });
});

describe('joinWithReport', () => {
  const left = aq.table({ id: [1, 2, 2, 3, null], a: ['x', 'y', 'z', 'w', 'v'] });
  const right = aq.table({ key: [2, 2, 4, 5], b: [10, 20, 30, 40] });
  it('names the unmatched keys of both sides and counts rows', () => {
    const r = joinWithReport(left, right, { on: ['id', 'key'], how: 'left' });
    expect(r.unmatchedLeft).toEqual([1, 3]);
    expect(r.unmatchedRight).toEqual([4, 5]);
    expect(r.counts.matchedLeftRows).toBe(2);
    expect(r.counts.unmatchedLeftRows).toBe(3); // 1, 3 and the missing key
    expect(r.counts.missingKeyLeft).toBe(1);
    expect(r.counts.manyToManyKeys).toBe(1); // 2 repeats on both sides: 2 × 2 rows
    expect(r.counts.resultRows).toBe(4 + 3); // 4 from key 2, plus 1, 3, null padded
    expect(joinWithReport(left, right, { on: ['id', 'key'] }).counts.resultRows).toBe(4);
    expect(joinWithReport(left, right, { on: ['id', 'key'], how: 'full' }).counts.resultRows).toBe(9);
  });
  it('says which column is missing on which side', () => {
    expect(() => joinWithReport(left, right, { on: 'id' })).toThrow(
      'no column "id" (on (right table)); the table has columns "key", "b"',
    );
    expect(() => joinWithReport(left, right, { on: ['id', 'key'], how: 'outer' as never })).toThrow(
      "how must be one of 'inner', 'left', 'right', 'full'",
    );
  });
});
