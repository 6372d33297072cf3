import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { firstDifference, makeCheck } from '../../../src/kernel/builtins/check.ts';
import type { Output } from '../../../src/protocol.ts';

function recorder() {
  const outputs: Output[] = [];
  return { check: makeCheck((o) => outputs.push(o)), outputs };
}

describe('check', () => {
  it('records each check, with the message only when it fails', () => {
    const { check, outputs } = recorder();
    expect(check('true', 1 < 2, 'never shown')).toBe(true);
    expect(check('false', 0, 'why', { weight: 3 })).toBe(false);
    expect(outputs).toEqual([
      { kind: 'check', label: 'true', passed: true, weight: 1 },
      { kind: 'check', label: 'false', passed: false, weight: 3, message: 'why' },
    ]);
  });

  it('check.close: relative by default, absolute on request; misses say how far off, not the answer', () => {
    const { check, outputs } = recorder();
    expect(check.close('rel', 100 + 1e-8, 100)).toBe(true);
    expect(check.close('rel miss', 110, 100, { rel: 0.01 })).toBe(false);
    expect(check.close('abs', 0.004, 0, { abs: 0.01 })).toBe(true);
    expect(check.close('either', 101, 100, { rel: 0.001, abs: 2 })).toBe(true);
    expect(check.close('nan', NaN, 1)).toBe(false);
    expect(check.close('undefined', undefined, 1)).toBe(false);
    expect(check.close('text', '1', 1)).toBe(false);
    expect(check.close('weighted', 1, 1, { weight: 2 })).toBe(true);
    const detail = (label: string) =>
      (outputs.find((o) => o.kind === 'check' && o.label === label) as { detail?: string }).detail;
    expect(detail('rel miss')).toBe('got 110, which is too large by tens of per cent');
    // A band, not a figure: one wrong try does not give the expected value away.
    check.close('near miss', 99.5, 100, { rel: 1e-6 });
    check.close('far miss', 500, 100, { rel: 1e-6 });
    expect(detail('near miss')).toBe('got 99.5, which is too small by less than 1 %');
    expect(detail('far miss')).toBe('got 500, which is too large by far (several times the value)');
    expect(detail('nan')).toMatch(/^got NaN/);
    expect(detail('undefined')).toBe('got undefined, not a number');
    expect(detail('text')).toBe('got "1", not a number');
    expect(outputs.find((o) => o.kind === 'check' && o.label === 'weighted')).toMatchObject({ weight: 2 });
    expect(() => check.close('bad', 1, NaN)).toThrow(/expected value must be a finite number/);
    expect(() => check('', true)).toThrow(/label/);
    expect(() => check('w', true, '', { weight: -1 })).toThrow(/weight must be a number ≥ 0/);
  });
});

describe('firstDifference', () => {
  it('names the first difference in arrays, objects and dates', () => {
    expect(firstDifference([1, 2, 3], [1, 2, 3])).toBeUndefined();
    expect(firstDifference([1, 2, 4], [1, 2, 3])).toBe('got 4 at [2]');
    expect(firstDifference([1, 2], [1, 2, 3])).toBe('has 2 items, expected 3');
    expect(firstDifference(new Float64Array([1, 2]), [1, 2])).toBeUndefined();
    expect(firstDifference({ a: 1, b: { c: 'x' } }, { a: 1, b: { c: 'y' } })).toBe('got "x" at .b.c');
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe('is missing `b`');
    expect(firstDifference({ a: 1, z: 0 }, { a: 1 })).toBe('has an unexpected `z`');
    expect(firstDifference(new Date(0), new Date(0))).toBeUndefined();
    expect(firstDifference(NaN, NaN)).toBeUndefined();
    expect(firstDifference('a', ['a'])).toBe('got "a", expected an array');
  });

  it('compares arquero tables column by column and row by row', () => {
    const expected = aq.table({ x: [1, 2], y: ['a', 'b'] });
    expect(firstDifference(aq.table({ x: [1, 2], y: ['a', 'b'] }), expected)).toBeUndefined();
    expect(firstDifference(aq.table({ x: [1, 3], y: ['a', 'b'] }), expected)).toBe(
      'got 3 in column `x`, row 2',
    );
    expect(firstDifference(aq.table({ x: [1, 2] }), expected)).toBe('the table has no column `y`');
    expect(firstDifference(aq.table({ x: [1], y: ['a'] }), expected)).toBe(
      'the table has 1 rows, expected 2',
    );
    expect(firstDifference([1], expected)).toBe('got an array of 1, expected a table');
  });
});
