/**
 * Guardrails for judging forecasts: is the test set really the unseen future, and is it long enough
 * to say anything? A forecast is judged on data after the end of its training data, never on a
 * random sample of the series (Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd
 * ed., §5.8; Tashman 2000, "Out-of-sample tests of forecasting accuracy", *IJF* 16).
 *
 * Each check returns warnings for the student (empty when all is well) rather than throwing: a
 * lesson can show a bad split and what it does to the scores. `compareForecasts` reports them.
 */

/**
 * What a {@link SplitWarning} is about:
 * - `'overlap'`: the training data contain (part of) the test period, so the model has seen answers;
 * - `'random-split'`: test points come before the end of the training data, or the time points are
 *   not in order (a shuffled, random split of a time series);
 * - `'short-test'`: fewer scored points than one season, so a seasonal pattern is not tested whole;
 * - `'few-test-points'`: fewer scored points than a handful, so the ranking can flip by chance.
 */
export type SplitWarningCode = 'overlap' | 'random-split' | 'short-test' | 'few-test-points';

/** One guardrail that fired. */
export interface SplitWarning {
  code: SplitWarningCode;
  /** What looks wrong, why it matters and what to do, in a sentence or two. */
  message: string;
}

/** A time point: a position in the series (number), a `Date`, or a date string `Date.parse` reads (`'1959-01'`). */
export type TimePoint = number | Date | string;

/** Defaults of {@link checkTestLength}. */
export const splitCheckDefaults = {
  /** Fewer scored points than this is weak evidence ("a handful"). */
  minTestPoints: 5,
} as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function toTimes(points: readonly TimePoint[], name: string): number[] {
  return points.map((p, i) => {
    const t = p instanceof Date ? p.getTime() : typeof p === 'string' ? Date.parse(p) : p;
    if (typeof t !== 'number' || Number.isNaN(t)) {
      throw new RangeError(`${name}[${i}] is ${JSON.stringify(p)}: use positions, Dates or ISO date strings`);
    }
    return t;
  });
}

const show = (p: TimePoint) => (p instanceof Date ? p.toISOString().slice(0, 10) : String(p));

/** The first i with t[i] ≤ t[i − 1], or −1 when the time points strictly increase. */
const firstOutOfOrder = (t: number[]) => t.findIndex((x, i) => i > 0 && x <= t[i - 1]);

/**
 * Checks a split by its time points: `trainIndex[i]` is when `train[i]` was observed, `testIndex[j]`
 * when `test[j]` was. Warns `'overlap'` when a time point is in both, and `'random-split'` when a test
 * point comes before the last training point or either list is not in increasing time order.
 */
export function checkTimeSplit(
  trainIndex: readonly TimePoint[],
  testIndex: readonly TimePoint[],
): SplitWarning[] {
  const train = toTimes(trainIndex, 'trainIndex');
  const test = toTimes(testIndex, 'testIndex');
  const warnings: SplitWarning[] = [];
  const inTrain = new Set(train);
  const shared = test.flatMap((t, j) => (inTrain.has(t) ? [j] : []));
  if (shared.length > 0) {
    warnings.push({
      code: 'overlap',
      message: `${plural(shared.length, 'time point')} of the test set ${shared.length === 1 ? 'is' : 'are'} also in the training data (the first: ${show(testIndex[shared[0]])}). The model has seen those answers, so its scores look better than they will on new data: keep the test period out of train.`,
    });
  }
  const lastTrain = train.reduce((a, b) => Math.max(a, b), -Infinity);
  const early = test.filter((t) => t < lastTrain && !inTrain.has(t)).length;
  if (early > 0) {
    warnings.push({
      code: 'random-split',
      message: `${early} of the ${test.length} test points come before the end of the training data: this looks like a random split. A forecast must be judged on the future it has not seen; hold out the last observations instead, e.g. trainTestSplit(values, { test: 24 }).`,
    });
  }
  for (const [name, t, given] of [
    ['trainIndex', train, trainIndex],
    ['testIndex', test, testIndex],
  ] as const) {
    const i = firstOutOfOrder(t);
    if (i > 0) {
      warnings.push({
        code: 'random-split',
        message: `${name} is not in time order (${show(given[i])} comes after ${show(given[i - 1])}): a time-series model reads the values in order, so shuffled data make its fit and its scores meaningless. Sort by time before splitting.`,
      });
    }
  }
  return warnings;
}

const isConstant = (xs: ArrayLike<number>, from: number, to: number) => {
  for (let i = from + 1; i < to; i++) if (xs[i] !== xs[from]) return false;
  return true;
};

const sameRun = (a: ArrayLike<number>, from: number, b: ArrayLike<number>, length: number) => {
  for (let i = 0; i < length; i++) if (a[from + i] !== b[i]) return false;
  return true;
};

/**
 * Checks from the values alone (use {@link checkTimeSplit} when you have the time points) whether
 * `train` seems to contain the test period: warns `'overlap'` when the whole of `test` appears as a
 * run inside `train` (typically at its end: the model was fitted to the whole series), or when the
 * last j ≥ 2 training values equal the first j test values (a split off by j). Test sets of one
 * value and runs of one repeated value (0, 0, 0 in intermittent demand) are not judged: they match
 * by chance.
 */
export function checkOverlap(train: ArrayLike<number>, test: ArrayLike<number>): SplitWarning[] {
  const n = train.length;
  const k = test.length;
  if (k >= 2 && !isConstant(test, 0, k)) {
    for (let start = n - k; start >= 0; start--) {
      if (!sameRun(train, start, test, k)) continue;
      const where = start === n - k ? 'at its end' : `at positions ${start + 1}–${start + k}`;
      return [
        {
          code: 'overlap',
          message: `All ${k} test values also appear in the training data (${where}): the model has seen the answers, so its scores mean nothing. Fit on the data before the test period only, e.g. train = values.slice(0, n − ${k}).`,
        },
      ];
    }
  }
  for (let j = Math.min(n, k); j >= 2; j--) {
    if (sameRun(train, n - j, test, j) && !isConstant(test, 0, j)) {
      return [
        {
          code: 'overlap',
          message: `The last ${j} training values equal the first ${j} test values: the split looks off by ${j}, so the model has seen part of the test period. Start the test set right after the last training value.`,
        },
      ];
    }
  }
  return [];
}

/**
 * Checks that enough points are scored: warns `'short-test'` when `points` is less than one season
 * (`period` > 1) and `'few-test-points'` when it is less than `minTestPoints` (default 5). In a
 * rolling-origin backtest, `points` is the number of distinct time points forecast.
 */
export function checkTestLength(
  points: number,
  period: number,
  { minTestPoints = splitCheckDefaults.minTestPoints }: { minTestPoints?: number } = {},
): SplitWarning[] {
  const warnings: SplitWarning[] = [];
  if (period > 1 && points < period) {
    warnings.push({
      code: 'short-test',
      message: `Only ${plural(points, 'time point')} ${points === 1 ? 'is' : 'are'} scored, less than one season (${period}): the scores do not show how the models handle the whole seasonal pattern. Hold out at least ${period} observations (better ${2 * period}).`,
    });
  }
  if (points < minTestPoints) {
    warnings.push({
      code: 'few-test-points',
      message: `Only ${plural(points, 'time point')} ${points === 1 ? 'is' : 'are'} scored: with so few, the ranking can flip by chance. Hold out more data, or use a rolling-origin backtest (backtest: { initial, horizon }).`,
    });
  }
  return warnings;
}
