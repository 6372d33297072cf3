// `prophet` in the forecasting registry: the options `--param prophet.<option>=<value>` sets, their
// checks, synthetic dates for a series without them, and dates when the input has them.
import { describe, expect, it } from 'vitest';
import { readSeries } from '../read-fixture.ts';
import { forecastMethod, forecastMethods, parseMethodOption } from '../../../src/forecast/registry.ts';
import { fitProphet } from '../../../src/forecast/prophet.ts';
import { forecastProphet } from '../../../src/forecast/prophet-predict.ts';
import { formatDates } from '../../../src/forecast/prophet-dates.ts';
import type { ProphetFit } from '../../../src/forecast/prophet-types.ts';

const prophet = forecastMethod('prophet');
const air = readSeries('AirPassengers').slice(0, 120);
const dates = formatDates(Array.from({ length: 120 }, (_, i) => Date.UTC(1949, i, 1)));
const asProphet = (fit: unknown): ProphetFit => {
  if (typeof fit !== 'object' || fit === null || !('kind' in fit) || fit.kind !== 'prophet')
    throw new Error('not a prophet fit');
  return fit as ProphetFit;
};

describe('the prophet method', () => {
  it('is listed, with R prophet’s defaults and the allowed words', () => {
    expect(forecastMethods.filter((m) => m.name === 'prophet')).toHaveLength(1);
    expect(prophet.baseline).toBe(false);
    expect(prophet.defaults).toMatchObject({
      mode: 'additive',
      growth: 'linear',
      changepointPriorScale: 0.05,
      seasonalityPriorScale: 10,
      nChangepoints: 25,
      changepointRange: 0.8,
      yearly: 'auto',
      yearlyOrder: 10,
      weekly: 'auto',
      weeklyOrder: 3,
      daily: 'auto',
      dailyOrder: 4,
      uncertaintySamples: 1000,
      start: '2000-01-01',
      spacing: 'auto',
    });
    expect(prophet.choices?.mode).toEqual(['additive', 'multiplicative']);
  });

  it('reads --param values by the type of their default, and names what is wrong', () => {
    expect(parseMethodOption(prophet, 'mode', 'multiplicative')).toBe('multiplicative');
    expect(parseMethodOption(prophet, 'changepointPriorScale', '0.5')).toBe(0.5);
    expect(parseMethodOption(prophet, 'yearly', 'off')).toBe('off');
    expect(() => parseMethodOption(prophet, 'mode', 'multiplicatve')).toThrow(
      'prophet.mode must be one of additive, multiplicative (default additive), got "multiplicatve"',
    );
    expect(() => parseMethodOption(prophet, 'yearlyOrder', 'ten')).toThrow(
      'prophet.yearlyOrder must be a number (default 10), got "ten"',
    );
    expect(() => parseMethodOption(prophet, 'seasonality', 'x')).toThrow(
      /prophet has no option "seasonality"; its options are mode \(default additive; additive \| multiplicative\), growth/,
    );
  });

  it('without dates (as the CLI calls it), fits monthly data on synthetic monthly dates from 2000-01-01', () => {
    const { fit, forecast } = prophet.run(
      { values: air, period: 12, h: 24, level: [80, 95] },
      { mode: 'multiplicative' },
    );
    const p = asProphet(fit);
    expect(p.dates[0]).toBe('2000-01-01');
    expect(p.seasonalityMode).toBe('multiplicative');
    expect(p.seasonalities.map((s) => s.name)).toEqual(['yearly']);
    expect(forecast.mean).toHaveLength(24);
    expect(forecast.intervals.map((i) => i.level)).toEqual([80, 95]);
    // The calendar differs from 1949's (leap years), so the forecasts differ a little from the
    // fit on the real dates: within 3 % here (reached 2.7 %).
    const real = forecastProphet(fitProphet(air, { dates, seasonalityMode: 'multiplicative' }), 24);
    forecast.mean.forEach((v, i) => expect(Math.abs(v / real.mean[i] - 1)).toBeLessThan(0.03));
  });

  it('with dates in the input, uses them: the same forecasts as fitProphet on those dates', () => {
    const { forecast } = prophet.run(
      { values: air, period: 12, h: 24, level: [80], dates },
      { mode: 'multiplicative' },
    );
    const direct = forecastProphet(fitProphet(air, { dates, seasonalityMode: 'multiplicative' }), 24);
    expect(forecast.mean).toEqual(direct.mean);
    expect(forecast.intervals).toEqual(direct.intervals);
  });

  it('spaces synthetic dates by the period (4 quarterly, 7 daily, 1 yearly), or by the spacing option', () => {
    const run = (period: number, options = {}) =>
      asProphet(
        prophet.run(
          { values: air.slice(0, 40), period, h: 2, level: [80] },
          { uncertaintySamples: 0, ...options },
        ).fit,
      );
    expect(run(4).dates.slice(0, 2)).toEqual(['2000-01-01', '2000-04-01']);
    expect(run(7).dates.slice(0, 2)).toEqual(['2000-01-01', '2000-01-02']);
    expect(run(1).dates.slice(0, 2)).toEqual(['2000-01-01', '2001-01-01']);
    expect(run(5, { spacing: 'week', start: '2010-01-04' }).dates.slice(0, 2)).toEqual([
      '2010-01-04',
      '2010-01-11',
    ]);
    expect(() => run(5)).toThrow(
      'prophet needs dates, or a spacing for synthetic ones: period 5 names none; set --param prophet.spacing=day (or hour, week, month, quarter, year)',
    );
  });

  it('yearly/weekly/daily: on, off, or auto with the given Fourier order', () => {
    const run = (options: Record<string, string | number>) =>
      asProphet(
        prophet.run({ values: air, period: 12, h: 2, level: [80] }, { uncertaintySamples: 0, ...options })
          .fit,
      );
    expect(run({ yearly: 'off' }).seasonalities).toEqual([]);
    expect(run({ yearlyOrder: 4 }).seasonalities.map((s) => s.fourierOrder)).toEqual([4]);
    expect(run({ weekly: 'on', weeklyOrder: 2 }).seasonalities.map((s) => [s.name, s.fourierOrder])).toEqual([
      ['yearly', 10],
      ['weekly', 2],
    ]);
    expect(() => run({ yearly: 'maybe' })).toThrow(
      'prophet.yearly must be one of auto, on, off, got "maybe"',
    );
    expect(() => run({ growth: 'logistic' })).toThrow('logistic growth needs a capacity');
    expect(run({ growth: 'logistic', cap: 1000 }).growth).toBe('logistic');
  });
});
