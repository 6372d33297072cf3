import { describe, expect, it } from 'vitest';
import { syntheticStoreDefaults, syntheticStoreSales } from 'dplab/data';
import { fitProphet } from 'dplab/forecast';

const sd = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};
const lag1 = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    den += (x - m) ** 2;
    if (i > 0) num += (x - m) * (xs[i - 1] - m);
  });
  return num / den;
};

describe('syntheticStoreSales', () => {
  const store = syntheticStoreSales();
  const at = (date: string) => store.dates.indexOf(date);

  it('gives three years of ISO days from 2022-01-01 by default', () => {
    expect(store.dates).toHaveLength(1095);
    expect(store.dates[0]).toBe('2022-01-01');
    expect(store.dates[1094]).toBe('2024-12-30'); // 2024 is a leap year
    expect(store.values).toHaveLength(1095);
    expect(store.options.days).toBe(syntheticStoreDefaults.days);
  });

  it('is reproducible: the same seed gives the same data', () => {
    expect(syntheticStoreSales({ seed: 1 })).toEqual(store);
    expect(syntheticStoreSales({ seed: 7, days: 60 })).toEqual(syntheticStoreSales({ seed: 7, days: 60 }));
  });

  it('another seed changes the noise and nothing else', () => {
    const other = syntheticStoreSales({ seed: 2 });
    expect(other.truth.trend).toEqual(store.truth.trend);
    expect(other.truth.weekly).toEqual(store.truth.weekly);
    expect(other.truth.yearly).toEqual(store.truth.yearly);
    expect(other.truth.holidays).toEqual(store.truth.holidays);
    expect(other.holidays).toEqual(store.holidays);
    const differs = other.truth.noise.filter((e, i) => e !== store.truth.noise[i]).length;
    expect(differs).toBe(1095);
  });

  it('adds the components up to the values', () => {
    const t = store.truth;
    store.values.forEach((y, i) => {
      expect(y).toBeCloseTo(t.trend[i] + t.weekly[i] + t.yearly[i] + t.holidays[i] + t.noise[i], 9);
    });
    // The holidays' total is the sum of the events.
    store.dates.forEach((_, i) => {
      const sum = Object.values(t.events).reduce((s, e) => s + e[i], 0);
      expect(t.holidays[i]).toBeCloseTo(sum, 9);
    });
  });

  it('has the trend the options say: level 200, slope 0.05, then 0.2 from 2022-10-01, −0.05 from 2023-11-01', () => {
    const { trend } = store.truth;
    expect(trend[0]).toBe(200);
    const step = (date: string) => trend[at(date) + 1] - trend[at(date)];
    expect(step('2022-01-01')).toBeCloseTo(0.05, 12);
    expect(step('2022-09-30')).toBeCloseTo(0.05, 12);
    expect(step('2022-10-01')).toBeCloseTo(0.2, 12);
    expect(step('2023-10-31')).toBeCloseTo(0.2, 12);
    expect(step('2023-11-01')).toBeCloseTo(-0.05, 12);
    // 273 daily steps at 0.05 (2022-01-01 → 10-01), then 396 at 0.2 (→ 2023-11-01).
    expect(trend[at('2023-11-01')]).toBeCloseTo(200 + 273 * 0.05 + 396 * 0.2, 9);
  });

  it('has the weekly pattern Monday to Sunday, centred', () => {
    // 2022-01-03 was a Monday, 2022-01-08 a Saturday and 2022-01-09 a Sunday.
    const { weekly } = store.truth;
    expect(weekly.slice(at('2022-01-03'), at('2022-01-03') + 7)).toEqual([-10, -15, -10, 0, 20, 40, -25]);
    const shifted = syntheticStoreSales({ days: 14, weekly: [0, 0, 0, 0, 0, 7, 0], noiseSd: 0 });
    expect(shifted.truth.weekly[at('2022-01-08')]).toBeCloseTo(6, 12);
    expect(shifted.truth.weekly[at('2022-01-09')]).toBeCloseTo(-1, 12);
  });

  it('has a yearly wave of amplitude 25 peaking on day 196 (15 July)', () => {
    const { yearly } = store.truth;
    expect(yearly[at('2022-07-15')]).toBeCloseTo(25, 12);
    expect(Math.max(...yearly)).toBeCloseTo(25, 12);
    // Half a year (182.6 days) later it is near its trough.
    expect(yearly[at('2023-01-13')]).toBeLessThan(-24.9);
  });

  it('puts the default events on their calendar days with their true effects', () => {
    // Thanksgiving was on 24 Nov 2022, 23 Nov 2023 and 28 Nov 2024: Black Friday is the day after.
    const bf = store.holidays.find((h) => h.name === 'black-friday')!;
    expect(bf.dates).toEqual(['2022-11-25', '2023-11-24', '2024-11-29']);
    const e = store.truth.events;
    expect(e['black-friday'].slice(at('2023-11-23'), at('2023-11-23') + 6)).toEqual([0, 150, 90, 60, 80, 0]);
    expect(e.christmas.slice(at('2022-12-21'), at('2022-12-21') + 6)).toEqual([0, 30, 45, 60, -120, 0]);
    // The first Thursdays of March, June and September 2022.
    const promo = store.holidays.find((h) => h.name === 'promotion')!;
    expect(promo.dates.slice(0, 3)).toEqual(['2022-03-03', '2022-06-02', '2022-09-01']);
    expect(e.promotion.slice(at('2022-06-02'), at('2022-06-02') + 5)).toEqual([40, 50, 50, 30, 0]);
    // Days of no event have no effect.
    expect(store.truth.holidays[at('2022-02-01')]).toBe(0);
  });

  it('takes its own events, adds overlapping effects and keeps only dates in the span in the table', () => {
    const s = syntheticStoreSales({
      days: 30,
      noiseSd: 0,
      events: [
        { name: 'sale', dates: ['2022-01-10', '2022-03-01'], upperWindow: 1, effects: [20, 10] },
        { name: 'launch', dates: ['2022-01-11'], effects: [5] },
      ],
    });
    expect(s.holidays.map((h) => h.name)).toEqual(['sale', 'launch']);
    expect(s.holidays[0].dates).toEqual(['2022-01-10']);
    expect(s.holidays[1]).toEqual({
      name: 'launch',
      dates: ['2022-01-11'],
      lowerWindow: 0,
      upperWindow: 0,
      effects: [5],
    });
    expect(s.truth.holidays.slice(8, 12)).toEqual([0, 20, 15, 0]);
  });

  it('has noise with the given standard deviation, independent or autocorrelated', () => {
    // 1,095 draws: the sample sd is within ±10 % of σ with overwhelming probability.
    expect(Math.abs(sd(store.truth.noise) / 10 - 1)).toBeLessThan(0.1);
    expect(Math.abs(lag1(store.truth.noise))).toBeLessThan(0.1); // ≈ 2/√n for white noise
    const ar = syntheticStoreSales({ noiseAutocorrelation: 0.9, days: 3650 });
    expect(lag1(ar.truth.noise)).toBeCloseTo(0.9, 1);
    expect(Math.abs(sd(ar.truth.noise) / 10 - 1)).toBeLessThan(0.2);
    expect(syntheticStoreSales({ noiseSd: 0 }).truth.noise.every((e) => e === 0)).toBe(true);
  });

  it('hands fitProphet a holiday table it reads, and the fit recovers Black Friday', () => {
    // Little noise: the MAP estimate of each day's effect should be close to the truth.
    const s = syntheticStoreSales({ noiseSd: 2 });
    const fit = fitProphet(s.values, { dates: s.dates, holidays: s.holidays, uncertaintySamples: 0 });
    const term = fit.components.terms.find((t) => t.name === 'black-friday')!;
    const day = s.dates.indexOf('2023-11-24');
    expect(term.values[day]).toBeGreaterThan(140);
    expect(term.values[day]).toBeLessThan(160);
    expect(term.values[day + 3]).toBeGreaterThan(70);
    expect(term.values[day + 3]).toBeLessThan(90);
  });

  it('throws a RangeError naming the bad option', () => {
    const bad: [object, RegExp][] = [
      [{ seed: NaN }, /invalid seed/],
      [{ start: '2022-02-30' }, /invalid start/],
      [{ start: '1 Jan 2022' }, /invalid start/],
      [{ days: 10 }, /invalid days: 10/],
      [{ days: 100.5 }, /invalid days/],
      [{ level: Infinity }, /invalid level/],
      [{ slope: NaN }, /invalid slope/],
      [{ changepoints: [{ date: '2021-06-01', slope: 1 }] }, /changepoints\[0\]\.date/],
      [
        {
          changepoints: [
            { date: '2022-06-01', slope: 1 },
            { date: '2022-03-01', slope: 1 },
          ],
        },
        /changepoints\[1\]\.date.*after the previous changepoint/,
      ],
      [{ changepoints: [{ date: '2022-06-01', slope: NaN }] }, /changepoints\[0\]\.slope/],
      [{ weekly: [1, 2, 3] }, /invalid weekly.*7 finite numbers/],
      [{ yearlyAmplitude: -1 }, /invalid yearlyAmplitude/],
      [{ yearlyPeakDay: 400 }, /invalid yearlyPeakDay/],
      [{ noiseSd: -1 }, /invalid noiseSd/],
      [{ noiseAutocorrelation: 1 }, /invalid noiseAutocorrelation/],
      [{ events: [{ name: 'a b', dates: ['2022-01-05'], effects: [1] }] }, /events\[0\]\.name/],
      [{ events: [{ name: 'trend', dates: ['2022-01-05'], effects: [1] }] }, /events\[0\]\.name/],
      [
        {
          events: [
            { name: 'a', dates: ['2022-01-05'], effects: [1] },
            { name: 'a', dates: ['2022-01-06'], effects: [1] },
          ],
        },
        /used twice/,
      ],
      [{ events: [{ name: 'a', dates: ['2022-01-05'], lowerWindow: 1, effects: [1] }] }, /lowerWindow/],
      [{ events: [{ name: 'a', dates: ['2022-01-05'], upperWindow: -1, effects: [1] }] }, /upperWindow/],
      [{ events: [{ name: 'a', dates: ['2022-01-05'], upperWindow: 2, effects: [1] }] }, /3 finite numbers/],
      [{ events: [{ name: 'a', dates: [], effects: [1] }] }, /needs at least one ISO date/],
      [{ events: [{ name: 'a', dates: ['2022-13-01'], effects: [1] }] }, /events\[0\]\.dates\[0\]/],
    ];
    for (const [options, message] of bad) {
      expect(() => syntheticStoreSales(options), JSON.stringify(options)).toThrow(RangeError);
      expect(() => syntheticStoreSales(options), JSON.stringify(options)).toThrow(message);
    }
  });
});
