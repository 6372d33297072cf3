// The pieces of the Prophet-style model: changepoint placement, Fourier features, automatic
// seasonalities, trends and their starting values, dates. R values from R prophet 1.0
// (test/fixtures/ref-prophet/prophet-reference.json) or from the R call named in the test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../read-fixture.ts';
import { fitProphet } from '../../../src/forecast/prophet.ts';
import { forecastProphet, predictProphet } from '../../../src/forecast/prophet-predict.ts';
import { formatDates, inferStep, parseDate, stepDates } from '../../../src/forecast/prophet-dates.ts';
import { autoSeasonalities, fourierFeatures } from '../../../src/forecast/prophet-seasonality.ts';
import {
  changepointIndices,
  linearGrowthInit,
  logisticGammas,
  logisticGrowthInit,
  piecewiseLinear,
  piecewiseLogistic,
} from '../../../src/forecast/prophet-trend.ts';
import { symmetricEigen } from '../../../src/forecast/prophet-newton.ts';
import { SeededRandom } from '../../../src/stats/random.ts';

const DAY = 86_400_000;
const ref = JSON.parse(
  readFileSync(new URL('../../fixtures/ref-prophet/prophet-reference.json', import.meta.url), 'utf8'),
) as { fourier: { dates: string[]; yearly3: number[][]; weekly2: number[][] } };

/** n dates from `start`, `stepMs` apart. */
const every = (start: string, stepMs: number, n: number): string[] =>
  formatDates(Array.from({ length: n }, (_, i) => parseDate(start, 'start') + i * stepMs));

describe('changepointIndices: round(seq(1, floor(n · range), length.out = count + 1))[-1] in R', () => {
  it('places 25 in the first 80 % of 120 monthly points: 1-based 5, 9, 12, 16, … (R: m$changepoints)', () => {
    const { indices, used } = changepointIndices(120, 25, 0.8);
    expect(used).toBe(25);
    expect(indices.slice(0, 5).map((i) => i + 1)).toEqual([5, 9, 12, 16, 20]);
    expect(indices.at(-1)! + 1).toBe(96);
  });

  it('rounds halves to even as R: round(seq.int(1, 7, length.out = 5))[-1] → 2 4 6 7', () => {
    expect(changepointIndices(9, 4, 0.8).indices.map((i) => i + 1)).toEqual([2, 4, 6, 7]);
  });

  it('cuts the count to floor(n · range) − 1 when there are too few points (R: 7 for 10 days)', () => {
    expect(changepointIndices(10, 25, 0.8)).toEqual({ indices: [1, 2, 3, 4, 5, 6, 7], used: 7 });
    expect(changepointIndices(2, 25, 0.8)).toEqual({ indices: [], used: 0 });
    const fit = fitProphet([1, 3, 2, 4, 3, 5, 4, 6, 5, 7], { dates: every('2020-01-01', DAY, 10) });
    expect(fit.changepoints).toEqual(every('2020-01-02', DAY, 7));
    expect(fit.notes).toContain('nChangepoints greater than number of observations. Using 7.');
  });

  it('with no changepoints keeps a dummy at t = 0 and folds its δ into k, as R', () => {
    const fit = fitProphet([1, 2, 4, 3, 5, 6, 8, 7, 9, 10], {
      dates: every('2020-01-01', DAY, 10),
      nChangepoints: 0,
    });
    expect(fit.changepoints).toEqual([]);
    expect(fit.changepointsT).toEqual([0]);
    expect(fit.map.delta).toEqual([0]);
    expect(fit.map.k).toBeGreaterThan(0);
  });

  it('takes given changepoints (sorted, within the history)', () => {
    const dates = every('2020-01-01', DAY, 30);
    const fit = fitProphet(
      dates.map((_, i) => (i < 15 ? i : 15 + 3 * (i - 15))),
      { dates, changepoints: ['2020-01-20', '2020-01-16'] },
    );
    expect(fit.changepoints).toEqual(['2020-01-16', '2020-01-20']);
    expect(fit.map.delta).toHaveLength(2);
    // The slope triples after day 15: the first changepoint takes most of the change.
    expect(fit.map.delta[0] + fit.map.delta[1]).toBeGreaterThan(fit.map.k);
  });
});

describe('fourierFeatures: prophet:::fourier_series(dates, period, order), t in days since 1970-01-01', () => {
  const times = ref.fourier.dates.map((d) => parseDate(d, 'date'));
  it('yearly, order 3, at 1949-01-01, 1970-01-01, 2000-06-15, 2017-03-05: R to 1e-12', () => {
    const columns = fourierFeatures(times, 365.25, 3);
    expect(columns).toHaveLength(6);
    ref.fourier.yearly3.forEach((row, i) =>
      expectClose(
        columns.map((c) => c[i]),
        row,
        { abs: 1e-12 },
        `yearly at ${ref.fourier.dates[i]}`,
      ),
    );
  });
  it('weekly, order 2: R to 1e-12 (sin, cos, sin 2·, cos 2·)', () => {
    const columns = fourierFeatures(times, 7, 2);
    ref.fourier.weekly2.forEach((row, i) =>
      expectClose(
        columns.map((c) => c[i]),
        row,
        { abs: 1e-12 },
        `weekly at ${ref.fourier.dates[i]}`,
      ),
    );
  });
});

describe('automatic seasonalities (set_auto_seasonalities)', () => {
  const auto = (dates: string[]) => autoSeasonalities(dates.map((d) => parseDate(d, 'date')));
  it('daily data over 3 years: yearly and weekly; not daily (spacing is not below a day)', () => {
    expect(auto(every('2017-01-01', DAY, 1095))).toEqual({ yearly: true, weekly: true, daily: false });
  });
  it('daily data over 13 days: none (weekly needs 14 days); over 14 days: weekly', () => {
    expect(auto(every('2020-01-01', DAY, 14))).toEqual({ yearly: false, weekly: false, daily: false });
    expect(auto(every('2020-01-01', DAY, 15))).toEqual({ yearly: false, weekly: true, daily: false });
  });
  it('hourly data over 3 days: daily only; over 3 weeks: weekly and daily', () => {
    expect(auto(every('2020-01-01', 3_600_000, 72))).toEqual({ yearly: false, weekly: false, daily: true });
    expect(auto(every('2020-01-01', 3_600_000, 21 * 24))).toEqual({
      yearly: false,
      weekly: true,
      daily: true,
    });
  });
  it('weekly data over 3 years: yearly only (weekly needs a spacing below 7 days); 729 days: none', () => {
    expect(auto(every('2016-01-03', 7 * DAY, 157))).toEqual({ yearly: true, weekly: false, daily: false });
    expect(auto(every('2016-01-01', DAY * 729, 2))).toEqual({ yearly: false, weekly: false, daily: false });
    expect(auto(every('2016-01-01', DAY * 730, 2))).toEqual({ yearly: true, weekly: false, daily: false });
  });
  it('a sub-daily fit gets weekly and daily terms with Prophet’s orders, and the notes say what was switched off', () => {
    const rng = new SeededRandom(3);
    const dates = every('2020-03-01', 3_600_000, 21 * 24);
    const y = dates.map((_, i) => 10 + 3 * Math.sin((2 * Math.PI * i) / 24) + rng.normal(0, 0.3));
    const fit = fitProphet(y, { dates });
    expect(fit.seasonalities.map((s) => [s.name, s.period, s.fourierOrder])).toEqual([
      ['weekly', 7, 3],
      ['daily', 1, 4],
    ]);
    expect(fit.notes).toEqual([
      'Disabling yearly seasonality. Set yearlySeasonality to true to override this.',
    ]);
    // The daily wave is recovered: amplitude 3 at hours 6 and 18 (UTC).
    const daily = fit.components.terms.find((t) => t.name === 'daily')!.values;
    expect(daily[6]).toBeCloseTo(3, 0);
    expect(daily[18]).toBeCloseTo(-3, 0);
  });
  it('switches: false, true, an order; a custom seasonality replaces the built-in of its name', () => {
    const dates = every('2017-01-01', DAY, 800);
    const y = dates.map((_, i) => 5 + Math.sin(i / 30));
    const fit = fitProphet(y, {
      dates,
      yearlySeasonality: 4,
      weeklySeasonality: false,
      dailySeasonality: true,
      seasonalities: [
        { name: 'monthly', period: 30.5, fourierOrder: 5, priorScale: 2, mode: 'multiplicative' },
      ],
      uncertaintySamples: 0,
    });
    expect(fit.seasonalities).toEqual([
      { name: 'monthly', period: 30.5, fourierOrder: 5, priorScale: 2, mode: 'multiplicative' },
      { name: 'yearly', period: 365.25, fourierOrder: 4, priorScale: 10, mode: 'additive' },
      { name: 'daily', period: 1, fourierOrder: 4, priorScale: 10, mode: 'additive' },
    ]);
    expect(fit.columns.filter((c) => c.component === 'monthly')).toHaveLength(10);
    const custom = fitProphet(y, {
      dates,
      seasonalities: [{ name: 'yearly', period: 365.25, fourierOrder: 2 }],
      uncertaintySamples: 0,
    });
    expect(custom.seasonalities.map((s) => [s.name, s.fourierOrder])).toEqual([
      ['yearly', 2],
      ['weekly', 3],
    ]);
    expect(custom.notes[0]).toBe(
      'Found custom seasonality named "yearly", disabling built-in yearly seasonality.',
    );
  });
});

describe('trends', () => {
  it('piecewiseLinear is continuous at each changepoint and bends by δ there', () => {
    const cps = [0.3, 0.6];
    const deltas = [0.5, -1];
    const g = piecewiseLinear([0, 0.3 - 1e-12, 0.3, 0.45, 0.6, 1], deltas, 1, 2, cps);
    expect(g[1]).toBeCloseTo(g[2], 9);
    // Slope 1 up to 0.3, 1.5 up to 0.6, 0.5 after: 2 → 2.3 → 2.75 → 2.95.
    expectClose(g, [2, 2.3, 2.3, 2.525, 2.75, 2.95], { abs: 1e-11 });
    const after = piecewiseLinear([0.8, 0.9], deltas, 1, 2, cps);
    expect(after[1] - after[0]).toBeCloseTo(0.05, 12);
  });

  it('piecewiseLogistic is continuous at changepoints (the γ offsets) and stays in (0, cap)', () => {
    const cps = [0.25, 0.5, 0.75];
    const deltas = [2, -3, 4];
    const cap = [10, 10];
    const gammas = logisticGammas(5, 0.4, deltas, cps);
    expect(gammas).toHaveLength(3);
    for (const c of cps) {
      const [before, at] = piecewiseLogistic([c - 1e-9, c], cap, deltas, 5, 0.4, cps);
      expect(Math.abs(before - at)).toBeLessThan(1e-6);
    }
    const g = piecewiseLogistic(
      Array.from({ length: 50 }, (_, i) => i / 25),
      new Array<number>(50).fill(10),
      deltas,
      5,
      0.4,
      cps,
    );
    expect(Math.max(...g)).toBeLessThan(10);
    expect(Math.min(...g)).toBeGreaterThan(0);
  });

  it('starting values: the line (and logistic curve) through the first and last points (linear_growth_init)', () => {
    const [k0, m0] = linearGrowthInit({ t: [0, 0.5, 1], y: [0.2, 0.9, 0.6] });
    expect(k0).toBeCloseTo(0.4, 15);
    expect(m0).toBe(0.2);
    // R: logistic_growth_init(data.frame(ds = 1:2, t = c(0, 1), y_scaled = c(0.1, 0.5), cap_scaled = 1))
    // → L0 = log(9), L1 = log(1) = 0: k = log 9, m = 1.
    const [k, m] = logisticGrowthInit({ t: [0, 1], y: [0.1, 0.5], cap: [1, 1] });
    expect(k).toBeCloseTo(Math.log(9), 12);
    expect(m).toBeCloseTo(1, 12);
  });
});

describe('dates', () => {
  it('reads Dates and ISO strings as UTC (YYYY, YYYY-MM, date-times, Z and offsets)', () => {
    expect(parseDate('1949-03', 'd')).toBe(Date.UTC(1949, 2, 1));
    expect(parseDate('2001', 'd')).toBe(Date.UTC(2001, 0, 1));
    expect(parseDate('2020-02-29 13:45', 'd')).toBe(Date.UTC(2020, 1, 29, 13, 45));
    expect(parseDate('2020-02-29T13:45:30Z', 'd')).toBe(Date.UTC(2020, 1, 29, 13, 45, 30));
    expect(parseDate('2020-02-29T13:45:30+02:00', 'd')).toBe(Date.UTC(2020, 1, 29, 11, 45, 30));
    expect(parseDate(new Date(Date.UTC(2020, 0, 1)), 'd')).toBe(Date.UTC(2020, 0, 1));
    expect(() => parseDate('2021-02-29', 'dates[3]')).toThrow(
      'dates[3] is "2021-02-29": that day does not exist',
    );
    expect(() => parseDate('1/2/2020', 'dates[0]')).toThrow(
      'dates[0] is "1/2/2020": expected a Date or an ISO date such as 1949-01-01 or 2020-03-01 12:00:00',
    );
  });

  it('steps calendar months from the last date as R: seq(as.POSIXct("2021-01-31"), by = "month") → Jan 31, Mar 3, Mar 31', () => {
    expect(formatDates(stepDates(Date.UTC(2021, 0, 31), { months: 1 }, 2))).toEqual([
      '2021-03-03',
      '2021-03-31',
    ]);
    expect(formatDates(stepDates(Date.UTC(1958, 11, 1), { months: 1 }, 2))).toEqual([
      '1959-01-01',
      '1959-02-01',
    ]);
    expect(formatDates([Date.UTC(2020, 0, 1, 6)])).toEqual(['2020-01-01T06:00:00Z']);
  });

  it('reads the spacing of a history: month, quarter, year, or the median gap', () => {
    const step = (dates: string[]) => inferStep(dates.map((d) => parseDate(d, 'd')));
    expect(step(['2020-01-01', '2020-02-01', '2020-03-01'])).toEqual({ months: 1 });
    expect(step(['2020-01-01', '2020-04-01', '2020-07-01'])).toEqual({ months: 3 });
    expect(step(['2019-01-01', '2020-01-01', '2021-01-01'])).toEqual({ months: 12 });
    expect(step(every('2020-01-01', DAY, 5))).toEqual({ ms: DAY });
    expect(step(every('2020-01-01', 3_600_000, 5))).toEqual({ ms: 3_600_000 });
  });

  it('forecasts a quarterly series on quarter starts, and predicts at any dates', () => {
    const dates = Array.from({ length: 16 }, (_, i) => formatDates([Date.UTC(2010, 3 * i, 1)])[0]);
    const fit = fitProphet(
      dates.map((_, i) => 10 + i),
      { dates, uncertaintySamples: 0 },
    );
    expect(fit.step).toEqual({ months: 3 });
    expect(forecastProphet(fit, 2).dates).toEqual(['2014-01-01', '2014-04-01']);
    const p = predictProphet(fit, ['2010-01-01', '2012-06-15', new Date(Date.UTC(2015, 0, 1))]);
    expect(p.dates).toEqual(['2010-01-01', '2012-06-15', '2015-01-01']);
    expect(p.mean[0]).toBeCloseTo(10, 1);
    expect(p.mean[2]).toBeCloseTo(30, 0);
  });

  it('without dates, makes synthetic ones from start every spacing (default monthly from 2000-01-01)', () => {
    const rng = new SeededRandom(2);
    const fit = fitProphet(
      Array.from({ length: 30 }, (_, i) => i + rng.normal()),
      { uncertaintySamples: 0 },
    );
    expect(fit.dates.slice(0, 2)).toEqual(['2000-01-01', '2000-02-01']);
    expect(fit.notes[0]).toBe('No dates given: synthetic dates every month from 2000-01-01.');
    const weekly = fitProphet([1, 2, 3, 4], { start: '2021-03-07', spacing: 'week', uncertaintySamples: 0 });
    expect(weekly.dates).toEqual(['2021-03-07', '2021-03-14', '2021-03-21', '2021-03-28']);
  });
});

describe('symmetricEigen (Newton’s Hessian)', () => {
  it('decomposes a random symmetric 30 × 30 matrix: A v = λ v and VᵀV = I to 1e-12', () => {
    const rng = new SeededRandom(5);
    const n = 30;
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) A[i * n + j] = A[j * n + i] = rng.normal();
    const { values, vectors } = symmetricEigen(A, n);
    for (let c = 0; c < n; c++) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += A[i * n + j] * vectors[j * n + c];
        expect(Math.abs(s - values[c] * vectors[i * n + c])).toBeLessThan(1e-12);
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += vectors[i * n + c] ** 2;
      expect(norm).toBeCloseTo(1, 12);
    }
    expect(symmetricEigen([4, 1, 1, 3], 2).values.sort()).toEqual(
      [(7 - Math.sqrt(5)) / 2, (7 + Math.sqrt(5)) / 2].map((v) => expect.closeTo(v, 12)),
    );
  });
});
