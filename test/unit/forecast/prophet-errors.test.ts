// What the Prophet-style model refuses, and the message it gives (each names the value and what to do),
// plus the edge cases: two points, a constant series, a series the model fits exactly.
import { describe, expect, it } from 'vitest';
import { fitProphet } from '../../../src/forecast/prophet.ts';
import { forecastProphet, predictProphet } from '../../../src/forecast/prophet-predict.ts';

const days = (n: number, start = Date.UTC(2020, 0, 1)) =>
  Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
const y20 = Array.from({ length: 20 }, (_, i) => 10 + i + (i % 3));

describe('input errors', () => {
  it('too few points, non-finite values', () => {
    expect(() => fitProphet([])).toThrow(
      'prophet needs at least 2 observations, got 0; use a longer series or a simpler model',
    );
    expect(() => fitProphet([5])).toThrow('prophet needs at least 2 observations, got 1');
    expect(() => fitProphet([1, 2, NaN, 4])).toThrow(
      'observation 3 is NaN: prophet needs finite numbers; fill or drop missing values first',
    );
    expect(() => fitProphet([1, Infinity])).toThrow('observation 2 is Infinity');
  });

  it('dates: one per value, increasing, no duplicates, readable', () => {
    expect(() => fitProphet([1, 2, 3], { dates: days(2) })).toThrow(
      'prophet got 2 dates for 3 values: give one date per value',
    );
    expect(() => fitProphet([1, 2, 3], { dates: ['2020-01-01', '2020-01-02', '2020-01-02'] })).toThrow(
      'dates[1] and dates[2] are both 2020-01-02: each date must appear once (aggregate duplicates first)',
    );
    expect(() => fitProphet([1, 2, 3], { dates: ['2020-01-01', '2020-01-03', '2020-01-02'] })).toThrow(
      'dates are not in increasing order: dates[2] (2020-01-02) comes before dates[1] (2020-01-03); sort the series by date first',
    );
    expect(() => fitProphet([1, 2], { dates: ['2020-01-01', 'tomorrow'] })).toThrow(
      'dates[1] is "tomorrow": expected a Date or an ISO date such as 1949-01-01 or 2020-03-01 12:00:00',
    );
    expect(() => fitProphet([1, 2], { dates: [new Date('x'), new Date()] })).toThrow(
      'dates[0] is an invalid Date',
    );
    expect(() => fitProphet([1, 2], { start: '2020-13-01' })).toThrow(
      'start is "2020-13-01": not a valid date',
    );
    expect(() => fitProphet([1, 2], { spacing: 'fortnight' as 'week' })).toThrow(
      'invalid spacing: "fortnight" (must be hour, day, week, month, quarter or year)',
    );
  });

  it('logistic growth without a capacity, or with a capacity at or below the floor', () => {
    expect(() => fitProphet(y20, { dates: days(20), growth: 'logistic' })).toThrow(
      "logistic growth needs a capacity: give options.cap (one number, or one per observation), above every value's floor",
    );
    expect(() => fitProphet(y20, { dates: days(20), growth: 'logistic', cap: 40, floor: 40 })).toThrow(
      'cap[0] is 40: cap must be greater than floor (40, default 0)',
    );
    expect(() => fitProphet(y20, { dates: days(20), growth: 'logistic', cap: [40, 40] })).toThrow(
      'cap has 2 values for 20 observations',
    );
    expect(() => fitProphet(y20, { dates: days(20), cap: 40 })).toThrow(
      "cap and floor are only used with growth 'logistic' (growth is 'linear')",
    );
    const fit = fitProphet(y20, { dates: days(20), growth: 'logistic', cap: 40 });
    expect(() => forecastProphet(fit, 3, { cap: [50, 0, 50] })).toThrow(
      'cap[1] is 0: cap must be greater than floor (0)',
    );
  });

  it('invalid modes, growth and numeric options', () => {
    const bad = (options: Parameters<typeof fitProphet>[1]) => () =>
      fitProphet(y20, { dates: days(20), ...options });
    expect(bad({ seasonalityMode: 'multiplicatve' as 'additive' })).toThrow(
      `invalid seasonalityMode: "multiplicatve" (must be 'additive' or 'multiplicative')`,
    );
    expect(bad({ holidaysMode: 'both' as 'additive' })).toThrow(`invalid holidaysMode: "both"`);
    expect(bad({ growth: 'exponential' as 'linear' })).toThrow(
      `invalid growth: "exponential" (must be 'linear', 'logistic' or 'flat')`,
    );
    expect(bad({ changepointPriorScale: 0 })).toThrow(
      'invalid changepointPriorScale: 0 (must be a number > 0)',
    );
    expect(bad({ seasonalityPriorScale: -1 })).toThrow(
      'invalid seasonalityPriorScale: -1 (must be a number > 0)',
    );
    expect(bad({ nChangepoints: 2.5 })).toThrow('invalid nChangepoints: 2.5 (must be a whole number ≥ 0)');
    expect(bad({ changepointRange: 1.2 })).toThrow(
      'invalid changepointRange: 1.2 (must be in (0, 1]; default 0.8)',
    );
    expect(bad({ intervalWidth: 80 })).toThrow('invalid intervalWidth: 80 (must be in (0, 1); default 0.8)');
    expect(bad({ uncertaintySamples: -5 })).toThrow(
      'invalid uncertaintySamples: -5 (must be a whole number ≥ 0)',
    );
    expect(bad({ yearlySeasonality: 'yes' as 'auto' })).toThrow(
      `invalid yearlySeasonality: "yes" (must be 'auto', true, false or a Fourier order ≥ 0)`,
    );
    expect(bad({ algorithm: 'bfgs' as 'lbfgs' })).toThrow(
      `invalid algorithm: "bfgs" (must be 'auto', 'lbfgs' or 'newton')`,
    );
  });

  it('seasonalities, holidays, regressors and changepoints with bad settings', () => {
    const bad = (options: Parameters<typeof fitProphet>[1]) => () =>
      fitProphet(y20, { dates: days(20), ...options });
    expect(bad({ seasonalities: [{ name: 'monthly', period: 0, fourierOrder: 3 }] })).toThrow(
      'seasonalities[0].period is 0: must be a number of days > 0',
    );
    expect(bad({ seasonalities: [{ name: 'trend', period: 30, fourierOrder: 3 }] })).toThrow(
      'seasonalities[0].name "trend" is reserved (it names a component)',
    );
    expect(bad({ holidays: [{ name: 'sale', dates: ['2020-01-05'], lowerWindow: 1 }] })).toThrow(
      'holidays[0].lowerWindow is 1: must be a whole number ≤ 0 (days before)',
    );
    expect(bad({ holidays: [{ name: 'sale', dates: [] }] })).toThrow(
      'holidays[0]: holiday "sale" has no dates',
    );
    expect(
      bad({
        holidays: [
          { name: 'sale', dates: ['2020-01-05'] },
          { name: 'sale', dates: ['2020-01-09'] },
        ],
      }),
    ).toThrow('holidays[1]: holiday "sale" is given twice; list all its dates in one entry');
    expect(bad({ regressors: [{ name: 'price', values: [1, 2, 3] }] })).toThrow(
      'regressors[0]: regressor "price" has 3 values for 20 observations',
    );
    expect(
      bad({
        regressors: [{ name: 'sale', values: y20 }],
        holidays: [{ name: 'sale', dates: ['2020-01-05'] }],
      }),
    ).toThrow('regressors[0]: the name "sale" is already used by another component');
    expect(bad({ changepoints: ['2019-12-01'] })).toThrow(
      'changepoint 2019-12-01 is outside the history (2020-01-01 to 2020-01-20)',
    );
  });

  it('forecast and predict: horizon, levels, dates', () => {
    const fit = fitProphet(y20, { dates: days(20) });
    expect(() => forecastProphet(fit, 0)).toThrow('invalid horizon h: 0 (must be an integer ≥ 1)');
    expect(() => forecastProphet(fit, 3, { level: [180] })).toThrow(
      'invalid level: 180 (must be a percentage between 0 and 100)',
    );
    expect(() => predictProphet(fit, [])).toThrow('nothing to predict: no dates given');
    expect(() => predictProphet(fit, ['2020-02-02', '2020-02-01'])).toThrow(
      'dates must be increasing and distinct: dates[1] is not after dates[0]',
    );
  });
});

describe('edge cases', () => {
  it('two points: a line through both, no seasonality, no changepoints', () => {
    const fit = fitProphet([3, 5], { dates: ['2020-01-01', '2020-01-02'] });
    expect(fit.seasonalities).toEqual([]);
    expect(fit.changepoints).toEqual([]);
    expect(fit.optimizer.algorithm).toBe('Newton');
    const fc = forecastProphet(fit, 2, { uncertaintySamples: 0 });
    expect(fc.mean[0]).toBeGreaterThan(5);
    expect(fc.mean[1]).toBeGreaterThan(fc.mean[0]);
  });

  it('a constant series: nothing to fit (as R), σ_obs = 0, a flat forecast with (nearly) zero-width intervals', () => {
    const fit = fitProphet(new Array<number>(30).fill(7), { dates: days(30) });
    expect(fit.map.sigmaObs).toBe(0);
    expect(fit.optimizer.message).toBe('constant series: nothing to fit');
    const fc = forecastProphet(fit, 3);
    expect(fc.mean).toEqual([7, 7, 7]);
    // Only the 1e-8 Prophet adds to the Laplace scale of new changepoints moves the paths.
    fc.intervals[0].lower.forEach((v) => expect(v).toBeCloseTo(7, 6));
    fc.intervals[0].upper.forEach((v) => expect(v).toBeCloseTo(7, 6));
  });

  // Newton's Hessian costs 4p gradients an iteration: ~0.3 s here, more on a busy machine.
  it('a series the model fits exactly: stops once σ_obs < 1e-6, forecasts within 1 % of R prophet', () => {
    // R: prophet(data.frame(ds = seq(as.Date("2000-01-01"), by = "month", length.out = 30), y = 0:29))
    // runs Newton for 18 s (σ_obs → 1.3e-12) and forecasts 30.04981 30.98370 32.02123 33.09819.
    const fit = fitProphet(
      Array.from({ length: 30 }, (_, i) => i),
      { uncertaintySamples: 0 },
    );
    expect(fit.notes.at(-1)).toBe(
      'σ_obs fell below 1e-6 (the model fits the data exactly): stopped there; R prophet runs on to its iteration limit.',
    );
    const fc = forecastProphet(fit, 4);
    [30.04981, 30.9837, 32.02123, 33.09819].forEach((r, i) =>
      expect(Math.abs(fc.mean[i] / r - 1)).toBeLessThan(0.01),
    );
  }, 20_000);
});
