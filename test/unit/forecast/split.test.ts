import { describe, expect, it } from 'vitest';
import { trainTestSplit } from 'dplab/forecast';

describe('trainTestSplit', () => {
  it('keeps time order: the last k observations are the test set (window(x, end) / tail(x, k) in R)', () => {
    expect(trainTestSplit([1, 2, 3, 4, 5], { test: 2 })).toEqual({ train: [1, 2, 3], test: [4, 5] });
  });

  it('a fraction is rounded up: 0.25 of 10 → 3 test observations', () => {
    const { train, test } = trainTestSplit(
      Array.from({ length: 10 }, (_, i) => i),
      { test: 0.25 },
    );
    expect(test).toEqual([7, 8, 9]);
    expect(train).toHaveLength(7);
  });

  it('copies: changing the parts does not change the input', () => {
    const y = [1, 2, 3];
    const { train } = trainTestSplit(y, { test: 1 });
    train[0] = 99;
    expect(y[0]).toBe(1);
  });

  it('rejects a test set that leaves nothing to train on, and bad sizes', () => {
    expect(() => trainTestSplit([1, 2], { test: 2 })).toThrow(
      'test size 2 leaves nothing to train on (the series has 2 observations)',
    );
    expect(() => trainTestSplit([], { test: 0.5 })).toThrow('test size 0 leaves nothing');
    expect(() => trainTestSplit([1], { test: 0.5 })).toThrow(
      'test size 1 leaves nothing to train on (the series has 1 observation)',
    );
    expect(() => trainTestSplit([1, 2, 3], { test: 0 })).toThrow('invalid test size: 0');
    expect(() => trainTestSplit([1, 2, 3], { test: 1.5 })).toThrow('invalid test size: 1.5');
    expect(() => trainTestSplit([1, 2, 3], { test: NaN })).toThrow('invalid test size: NaN');
  });
});
