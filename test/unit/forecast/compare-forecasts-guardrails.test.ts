// The guardrails of compareForecasts, and the same checks called on their own as a lesson would.
import { describe, expect, it } from 'vitest';
import {
  checkOverlap,
  checkTestLength,
  checkTimeSplit,
  compareForecasts,
  trainTestSplit,
} from 'dplab/forecast';
import { readSeries } from '../read-fixture.ts';

const codes = (ws: { code: string }[]) => ws.map((w) => w.code);
const y = readSeries('AirPassengers');
const { train, test } = trainTestSplit(y, { test: 24 });

describe('guardrail (a): training data overlapping the evaluation window', () => {
  it('fires when train is the whole series (its tail is the test set)', () => {
    const r = compareForecasts({ train: y, test, period: 12 });
    expect(r.warnings).toEqual([
      {
        code: 'overlap',
        message: expect.stringContaining('All 24 test values also appear in the training data (at its end)'),
      },
    ]);
  });

  it('fires when the split is off by a few (train runs 3 steps into the test period)', () => {
    const w = checkOverlap(y.slice(0, 123), test);
    expect(codes(w)).toEqual(['overlap']);
    expect(w[0].message).toContain('The last 3 training values equal the first 3 test values');
  });

  it('fires when the test set is a run inside train', () => {
    expect(checkOverlap(y, y.slice(60, 72))[0].message).toContain('(at positions 61–72)');
  });

  it('does not fire on a proper split, nor on a repeated value that matches by chance', () => {
    expect(checkOverlap(train, test)).toEqual([]);
    expect(compareForecasts({ train, test, period: 12 }).warnings).toEqual([]);
    expect(checkOverlap([5, 1, 0, 0], [0, 0, 2])).toEqual([]); // intermittent demand: zeros repeat
    expect(checkOverlap([5, 1, 4], [4])).toEqual([]); // one value proves nothing
  });

  it('by time points: fires when a test date is also a training date', () => {
    const dates = y.map((_, t) => new Date(Date.UTC(1949, t, 1)));
    const w = checkTimeSplit(dates.slice(0, 121), dates.slice(120));
    expect(codes(w)).toEqual(['overlap']);
    expect(w[0].message).toContain(
      '1 time point of the test set is also in the training data (the first: 1959-01-01)',
    );
  });
});

describe('guardrail (b): a random split of a time series', () => {
  // A shuffled split, as scikit-learn's train_test_split(shuffle=True) would make: every 6th month is test.
  const positions = y.map((_, t) => t);
  const isTest = (t: number) => t % 6 === 5;
  const trainIndex = positions.filter((t) => !isTest(t));
  const testIndex = positions.filter(isTest);

  it('fires when test points come before the end of the training data', () => {
    const w = checkTimeSplit(trainIndex, testIndex);
    expect(codes(w)).toEqual(['random-split']);
    expect(w[0].message).toContain('23 of the 24 test points come before the end of the training data');
    const r = compareForecasts({
      train: trainIndex.map((t) => y[t]),
      test: testIndex.map((t) => y[t]),
      period: 12,
      trainIndex,
      testIndex,
    });
    expect(codes(r.warnings)).toEqual(['random-split']);
  });

  it('fires when the time points are shuffled, with ISO date strings', () => {
    const w = checkTimeSplit(['1949-01', '1949-03', '1949-02'], ['1949-04']);
    expect(codes(w)).toEqual(['random-split']);
    expect(w[0].message).toContain('trainIndex is not in time order (1949-02 comes after 1949-03)');
  });

  it('does not fire on a split in time order (positions, dates or strings)', () => {
    expect(checkTimeSplit([0, 1, 2], [3, 4])).toEqual([]);
    expect(checkTimeSplit([new Date('1959-11-01'), new Date('1959-12-01')], ['1960-01-01'])).toEqual([]);
    const r = compareForecasts({
      train,
      test,
      period: 12,
      trainIndex: positions.slice(0, 120),
      testIndex: positions.slice(120),
    });
    expect(r.warnings).toEqual([]);
  });

  it('rejects a time point it cannot read', () => {
    expect(() => checkTimeSplit([0, 'soon'], [2])).toThrow(
      'trainIndex[1] is "soon": use positions, Dates or ISO date strings',
    );
  });
});

describe('guardrail (c): weak evidence', () => {
  it('fires when the test set is shorter than one season', () => {
    const r = compareForecasts({ train, test: test.slice(0, 6), period: 12 });
    expect(codes(r.warnings)).toEqual(['short-test']);
    expect(r.warnings[0].message).toContain('Only 6 time points are scored, less than one season (12)');
  });

  it('fires when fewer than a handful of points are scored (default 5; minTestPoints changes it)', () => {
    expect(codes(checkTestLength(4, 1))).toEqual(['few-test-points']);
    expect(codes(checkTestLength(3, 4))).toEqual(['short-test', 'few-test-points']);
    expect(checkTestLength(5, 1)).toEqual([]);
    expect(checkTestLength(12, 12)).toEqual([]);
    expect(codes(checkTestLength(8, 1, { minTestPoints: 10 }))).toEqual(['few-test-points']);
    const r = compareForecasts({ train: [1, 3, 2, 4, 3], test: [5, 4], period: 1 });
    expect(codes(r.warnings)).toEqual(['few-test-points']);
    expect(r.warnings[0].message).toContain('Only 2 time points are scored');
  });

  it('a backtest counts the distinct time points forecast over all origins', () => {
    // origins 120 and 126, horizon 3, step 6: positions 120–122 and 126–128, 6 points < one season
    const r = compareForecasts({
      series: y.slice(0, 129),
      period: 12,
      backtest: { initial: 120, horizon: 3, step: 6 },
    });
    expect(codes(r.warnings)).toEqual(['short-test']);
    const long = compareForecasts({ series: y, period: 12, backtest: { origins: 12, horizon: 12 } });
    expect(long.warnings).toEqual([]);
  });
});
