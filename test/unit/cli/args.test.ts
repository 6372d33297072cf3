import { describe, expect, it } from 'vitest';
import { commaList, outputFormat, positiveInt, wholeNumber } from '../../../src/cli/args.ts';

describe('the flags dplab forecast and dplab recommend share', () => {
  it('positiveInt: a whole number ≥ 1, the fallback when absent, a usage error otherwise', () => {
    expect(positiveInt('k', '5', 10)).toBe(5);
    expect(positiveInt('k', undefined, 10)).toBe(10);
    expect(positiveInt('period', undefined)).toBeUndefined();
    for (const bad of ['0', '-2', '1.5', 'x', ''])
      expect(() => positiveInt('jobs', bad, 1)).toThrow(`--jobs must be a whole number ≥ 1, got "${bad}"`);
  });

  it('wholeNumber: any integer, so a seed may be 0 or negative', () => {
    expect(wholeNumber('seed', '-3', 1)).toBe(-3);
    expect(wholeNumber('seed', undefined, 1)).toBe(1);
    expect(() => wholeNumber('seed', '1.5', 1)).toThrow('--seed must be a whole number, got "1.5"');
  });

  it('commaList trims and drops empty entries; outputFormat reads the ending', () => {
    expect(commaList(' pop, als,,bpr ')).toEqual(['pop', 'als', 'bpr']);
    expect(commaList('')).toEqual([]);
    expect(outputFormat('recs.json')).toBe('.json');
    expect(outputFormat('out/f.csv')).toBe('.csv');
    expect(() => outputFormat('recs.CSV')).toThrow('--out must end in .csv or .json, got "recs.CSV"');
  });
});
