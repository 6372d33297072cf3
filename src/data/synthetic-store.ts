/**
 * A seeded synthetic store's daily sales with a known truth, for the Prophet-style lesson: every day's
 * value is the sum of a piecewise-linear trend, a weekly pattern, a yearly wave, the effects of
 * holidays and promotions, and normal noise — the additive decomposition y(t) = g(t) + s(t) + h(t) + ε
 * of Taylor & Letham ("Forecasting at scale", *The American Statistician* 72(1), 2018), so a student
 * can hold a fitted model's components against the true ones.
 *
 * Only the noise is random: the seed changes the noise, never the truth, so two seeds are two samples
 * of the same store. The holiday table is returned in the shape `fitProphet`'s `holidays` option
 * takes (a name, dates, a window, and here the true effect of each day of the window).
 *
 * The default store (all in units sold a day): a level of 200 growing by 0.05 a day, faster (0.2 a
 * day) from 2022-10-01 and slightly falling (−0.05 a day) from 2023-11-01; Saturdays 40 above and
 * Sundays 25 below the average day; a yearly wave of amplitude 25 peaking in mid-July; Black Friday
 * (the day after the fourth Thursday of November) to Cyber Monday, the days before Christmas and a
 * closed-early Christmas Day, and a four-day promotion from the first Thursday of March, June and
 * September; independent noise with standard deviation 10.
 */
import { SeededRandom } from '../stats/random.ts';

/** A holiday or promotion: its days, a window around each, and the true effect of every day of it. */
export interface StoreEvent {
  /** Its name, also the name of its column in a Prophet fit: letters, digits, `_` and `-`. */
  name: string;
  /** Its days, ISO `YYYY-MM-DD`. */
  dates: string[];
  /** Days before each date that are affected too (≤ 0, as Prophet's `lower_window`). Default 0. */
  lowerWindow?: number;
  /** Days after each date that are affected too (≥ 0, as Prophet's `upper_window`). Default 0. */
  upperWindow?: number;
  /** The effect of each day of the window, earliest first: `upperWindow − lowerWindow + 1` numbers. */
  effects: number[];
}

/** A change of the trend's slope: from `date` on, the trend grows by `slope` a day. */
export interface StoreChangepoint {
  /** ISO `YYYY-MM-DD`, inside the series (after its first day). */
  date: string;
  /** The new slope, in units a day. */
  slope: number;
}

/** Options of {@link syntheticStoreSales}; every one has a default (`syntheticStoreDefaults`). */
export interface SyntheticStoreOptions {
  /** Seed of the noise (the truth does not depend on it). Default 1. */
  seed?: number;
  /** First day, ISO `YYYY-MM-DD`. Default `'2022-01-01'`. */
  start?: string;
  /** Number of days, 14–36,600. Default 1,095 (three years). */
  days?: number;
  /** The trend on the first day. Default 200. */
  level?: number;
  /** The trend's slope from the first day, in units a day. Default 0.05. */
  slope?: number;
  /**
   * Where the slope changes, in date order, each inside the series. Default `2022-10-01` → 0.2 and
   * `2023-11-01` → −0.05, those of them that fall inside the series.
   */
  changepoints?: readonly StoreChangepoint[];
  /**
   * The weekly pattern, Monday to Sunday (7 numbers). It is centred (its mean is taken off, and
   * belongs to the trend), so only the differences between days matter. Default
   * `[-10, -15, -10, 0, 20, 40, -25]` (mean 0).
   */
  weekly?: readonly number[];
  /** Amplitude of the yearly wave A·cos(2π(d − peak)/365.25), d the day of the year. Default 25. */
  yearlyAmplitude?: number;
  /** Day of the year (1–366) on which the yearly wave peaks. Default 196 (15 July). */
  yearlyPeakDay?: number;
  /**
   * Holidays and promotions; they replace the default ones. Effects of events on the same day add
   * up. Default: `black-friday`, `christmas` and `promotion` (see {@link defaultStoreEvents}).
   */
  events?: readonly StoreEvent[];
  /** Standard deviation of the normal noise, ≥ 0 (of each day's noise, whatever `noiseAutocorrelation`). Default 10. */
  noiseSd?: number;
  /**
   * Lag-one autocorrelation φ of the noise, in (−1, 1): ε_t = φ ε_{t−1} + u_t, an AR(1) started in its
   * stationary distribution. 0 (the default) is independent noise; near 1 the noise wanders in long
   * spells, which a model with a fixed trend and season cannot follow but the naïve methods can.
   */
  noiseAutocorrelation?: number;
}

/** The true components, one number per day: `values[i]` is their sum. */
export interface StoreTruth {
  trend: number[];
  weekly: number[];
  yearly: number[];
  /** All events together. */
  holidays: number[];
  /** Each event's effect by day, by name. */
  events: Record<string, number[]>;
  noise: number[];
}

/** Synthetic daily sales: plain data (it crosses the worker boundary by structured clone). */
export interface SyntheticStoreSales {
  /** The options used, every default filled in. */
  options: Required<SyntheticStoreOptions>;
  /** ISO dates, one a day from `start`. */
  dates: string[];
  /** Units sold each day: trend + weekly + yearly + holidays + noise. */
  values: number[];
  truth: StoreTruth;
  /**
   * The events with their windows, in the shape `fitProphet`'s `holidays` option takes (a `StoreEvent`
   * is a `ProphetHoliday` with its true `effects` added), dates limited to the series' span.
   */
  holidays: Required<StoreEvent>[];
}

export const syntheticStoreDefaults = {
  seed: 1,
  start: '2022-01-01',
  days: 1095,
  level: 200,
  slope: 0.05,
  changepoints: [
    { date: '2022-10-01', slope: 0.2 },
    { date: '2023-11-01', slope: -0.05 },
  ] as readonly StoreChangepoint[],
  weekly: [-10, -15, -10, 0, 20, 40, -25] as readonly number[],
  yearlyAmplitude: 25,
  yearlyPeakDay: 196,
  noiseSd: 10,
  noiseAutocorrelation: 0,
} as const;

const DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NAME = /^[A-Za-z0-9_-]+$/;
/** Names of the components (ours and Prophet's columns), which an event may not take. */
const RESERVED = new Set([
  'trend',
  'weekly',
  'yearly',
  'daily',
  'holidays',
  'noise',
  'additive_terms',
  'multiplicative_terms',
  'zeros',
  'yhat',
  'ds',
  'y',
  'cap',
  'floor',
]);

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` date; `what` names it in the error. */
function dayNumber(date: unknown, what: string): number {
  const m = typeof date === 'string' ? ISO_DAY.exec(date) : null;
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || !Number.isFinite(t) || new Date(t).getUTCDate() !== Number(m[3]) || Number(m[2]) > 12)
    throw new RangeError(
      `invalid ${what}: ${JSON.stringify(date)} (must be an ISO date such as '2022-01-01')`,
    );
  return t / DAY;
}

const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** Day number of the n-th (1-based) given weekday (0 = Sunday … 6 = Saturday) of a month (0-based). */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = Date.UTC(year, month, 1) / DAY;
  const offset = (weekday - new Date(first * DAY).getUTCDay() + 7) % 7;
  return first + offset + 7 * (n - 1);
}

/**
 * The default store's events for the years `from`…`to`: `black-friday` (the day after the fourth
 * Thursday of November; window 0…+3 to Cyber Monday, effects 150, 90, 60, 80), `christmas` (25
 * December; window −3…0, shoppers come before and the store closes early: 30, 45, 60, −120) and
 * `promotion` (the first Thursday of March, June and September; window 0…+3, effects 40, 50, 50, 30).
 */
export function defaultStoreEvents(from: number, to: number): StoreEvent[] {
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  return [
    {
      name: 'black-friday',
      dates: years.map((y) => isoDay(nthWeekday(y, 10, 4, 4) + 1)),
      lowerWindow: 0,
      upperWindow: 3,
      effects: [150, 90, 60, 80],
    },
    {
      name: 'christmas',
      dates: years.map((y) => `${y}-12-25`),
      lowerWindow: -3,
      upperWindow: 0,
      effects: [30, 45, 60, -120],
    },
    {
      name: 'promotion',
      dates: years.flatMap((y) => [2, 5, 8].map((m) => isoDay(nthWeekday(y, m, 4, 1)))),
      lowerWindow: 0,
      upperWindow: 3,
      effects: [40, 50, 50, 30],
    },
  ];
}

/** Generates the store's daily sales; the same options give the same series. */
export function syntheticStoreSales(options: SyntheticStoreOptions = {}): SyntheticStoreSales {
  const o = resolveOptions(options);
  const first = dayNumber(o.start, 'start');
  const n = o.days;
  const rng = new SeededRandom(o.seed);
  const dates = Array.from({ length: n }, (_, i) => isoDay(first + i));

  // Trend: continuous and piecewise linear, its slope changing at each changepoint.
  const breaks = o.changepoints.map((c) => ({
    at: dayNumber(c.date, 'changepoint date') - first,
    slope: c.slope,
  }));
  const trend = new Array<number>(n);
  let value = o.level;
  let slope = o.slope;
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      while (next < breaks.length && breaks[next].at <= i - 1) slope = breaks[next++].slope;
      value += slope; // the slope in force on day i − 1 carries the trend to day i
    }
    trend[i] = value;
  }

  // Weekly pattern, centred; getUTCDay counts from Sunday, the option from Monday.
  const meanWeek = o.weekly.reduce((s, x) => s + x, 0) / 7;
  const weekly = dates.map((_, i) => o.weekly[(new Date((first + i) * DAY).getUTCDay() + 6) % 7] - meanWeek);

  // Yearly wave, by day of the year (1 January = 1) on Prophet's period of 365.25 days.
  const yearly = dates.map((_, i) => {
    const d = new Date((first + i) * DAY);
    const dayOfYear = first + i - Date.UTC(d.getUTCFullYear(), 0, 1) / DAY + 1;
    return o.yearlyAmplitude * Math.cos((2 * Math.PI * (dayOfYear - o.yearlyPeakDay)) / 365.25);
  });

  // Events: each day of each window gets its effect; overlapping effects add up.
  const holidays = new Array<number>(n).fill(0);
  const byEvent: Record<string, number[]> = {};
  const table: Required<StoreEvent>[] = [];
  for (const e of o.events) {
    const effect = new Array<number>(n).fill(0);
    const inSpan: string[] = [];
    for (const date of e.dates) {
      const at = dayNumber(date, `events "${e.name}" date`) - first;
      if (at >= 0 && at < n) inSpan.push(date);
      for (let k = e.lowerWindow; k <= e.upperWindow; k++) {
        const i = at + k;
        if (i >= 0 && i < n) effect[i] += e.effects[k - e.lowerWindow];
      }
    }
    effect.forEach((x, i) => (holidays[i] += x));
    byEvent[e.name] = effect;
    table.push({ ...e, dates: inSpan, effects: [...e.effects] });
  }

  // AR(1) noise with stationary sd noiseSd: the innovations have sd noiseSd·√(1 − φ²).
  const phi = o.noiseAutocorrelation;
  const innovationSd = o.noiseSd * Math.sqrt(1 - phi * phi);
  const noise = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    if (o.noiseSd === 0) noise[i] = 0;
    else noise[i] = i === 0 ? rng.normal(0, o.noiseSd) : phi * noise[i - 1] + rng.normal(0, innovationSd);
  }
  const values = dates.map((_, i) => trend[i] + weekly[i] + yearly[i] + holidays[i] + noise[i]);
  return {
    options: o,
    dates,
    values,
    truth: { trend, weekly, yearly, holidays, events: byEvent, noise },
    holidays: table,
  };
}

function resolveOptions(options: SyntheticStoreOptions): Required<SyntheticStoreOptions> & {
  events: Required<StoreEvent>[];
} {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`syntheticStoreSales takes an options object, got ${String(options)}`);
  const d = syntheticStoreDefaults;
  const seed = options.seed ?? d.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);
  const start = options.start ?? d.start;
  const first = dayNumber(start, 'start');
  const days = options.days ?? d.days;
  if (!Number.isInteger(days) || days < 14 || days > 36_600)
    throw new RangeError(`invalid days: ${days} (must be an integer in 14…36600)`);
  const finite = (name: string, v: number) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new RangeError(`invalid ${name}: ${String(v)} (must be a finite number)`);
  };
  const level = options.level ?? d.level;
  finite('level', level);
  const slope = options.slope ?? d.slope;
  finite('slope', slope);

  // The default changepoints apply where they fall inside the series; given ones must.
  const givenChangepoints: readonly StoreChangepoint[] =
    options.changepoints ??
    d.changepoints.filter((c) => {
      const at = dayNumber(c.date, 'changepoint date');
      return at > first && at < first + days;
    });
  if (!Array.isArray(givenChangepoints as unknown))
    throw new TypeError('changepoints must be an array of { date, slope }');
  const changepoints = givenChangepoints.map((c) => ({ ...c }));
  let previous = first;
  changepoints.forEach((c, i) => {
    const at = dayNumber(c?.date, `changepoints[${i}].date`);
    if (at <= previous || at >= first + days)
      throw new RangeError(
        `invalid changepoints[${i}].date: ${c.date} (must be after ${i === 0 ? 'start' : 'the previous changepoint'} and before the last day, ${isoDay(first + days - 1)})`,
      );
    previous = at;
    finite(`changepoints[${i}].slope`, c.slope);
  });

  const givenWeekly: readonly number[] = options.weekly ?? d.weekly;
  if (!Array.isArray(givenWeekly as unknown))
    throw new RangeError(
      `invalid weekly: ${String(givenWeekly)} (must be 7 finite numbers, Monday to Sunday)`,
    );
  const weekly = [...givenWeekly];
  if (weekly.length !== 7 || !weekly.every((x) => typeof x === 'number' && Number.isFinite(x)))
    throw new RangeError(
      `invalid weekly: [${weekly.join(', ')}] (must be 7 finite numbers, Monday to Sunday)`,
    );
  const yearlyAmplitude = options.yearlyAmplitude ?? d.yearlyAmplitude;
  finite('yearlyAmplitude', yearlyAmplitude);
  if (yearlyAmplitude < 0)
    throw new RangeError(
      `invalid yearlyAmplitude: ${yearlyAmplitude} (must be ≥ 0; move yearlyPeakDay instead)`,
    );
  const yearlyPeakDay = options.yearlyPeakDay ?? d.yearlyPeakDay;
  if (!(typeof yearlyPeakDay === 'number' && yearlyPeakDay >= 1 && yearlyPeakDay <= 366))
    throw new RangeError(`invalid yearlyPeakDay: ${yearlyPeakDay} (must be a day of the year, 1…366)`);
  const noiseSd = options.noiseSd ?? d.noiseSd;
  finite('noiseSd', noiseSd);
  if (noiseSd < 0) throw new RangeError(`invalid noiseSd: ${noiseSd} (must be ≥ 0)`);
  const noiseAutocorrelation = options.noiseAutocorrelation ?? d.noiseAutocorrelation;
  if (!(typeof noiseAutocorrelation === 'number' && noiseAutocorrelation > -1 && noiseAutocorrelation < 1))
    throw new RangeError(
      `invalid noiseAutocorrelation: ${noiseAutocorrelation} (must be in (−1, 1); 0 for independent noise)`,
    );

  const firstYear = new Date(first * DAY).getUTCFullYear();
  const lastYear = new Date((first + days - 1) * DAY).getUTCFullYear();
  const given: readonly StoreEvent[] = options.events ?? defaultStoreEvents(firstYear, lastYear);
  if (!Array.isArray(given as unknown))
    throw new TypeError('events must be an array of { name, dates, effects, … }');
  const seen = new Set<string>();
  const events = given.map((e, i): Required<StoreEvent> => {
    const what = `events[${i}]`;
    if (
      typeof e?.name !== 'string' ||
      !NAME.test(e.name) ||
      e.name.includes('_delim_') ||
      RESERVED.has(e.name)
    )
      throw new RangeError(
        `invalid ${what}.name: ${JSON.stringify(e?.name)} (must be letters, digits, _ or -, without "_delim_", and not a component's name: ${[...RESERVED].join(', ')})`,
      );
    if (seen.has(e.name))
      throw new RangeError(`${what}: the name "${e.name}" is used twice; list all its dates in one event`);
    seen.add(e.name);
    const lowerWindow = e.lowerWindow ?? 0;
    const upperWindow = e.upperWindow ?? 0;
    if (!(Number.isInteger(lowerWindow) && lowerWindow <= 0))
      throw new RangeError(
        `invalid ${what}.lowerWindow: ${lowerWindow} (must be a whole number ≤ 0, days before)`,
      );
    if (!(Number.isInteger(upperWindow) && upperWindow >= 0))
      throw new RangeError(
        `invalid ${what}.upperWindow: ${upperWindow} (must be a whole number ≥ 0, days after)`,
      );
    const width = upperWindow - lowerWindow + 1;
    if (!Array.isArray(e.effects) || e.effects.length !== width || !e.effects.every(Number.isFinite))
      throw new RangeError(
        `invalid ${what}.effects: must be ${width} finite numbers, one for each day of the window ${lowerWindow}…${upperWindow}`,
      );
    if (!Array.isArray(e.dates) || e.dates.length === 0)
      throw new RangeError(`invalid ${what}.dates: event "${e.name}" needs at least one ISO date`);
    e.dates.forEach((date: string, j: number) => dayNumber(date, `${what}.dates[${j}]`));
    return { name: e.name, dates: [...e.dates], lowerWindow, upperWindow, effects: [...e.effects] };
  });
  return {
    seed,
    start,
    days,
    level,
    slope,
    changepoints,
    weekly,
    yearlyAmplitude,
    yearlyPeakDay,
    events,
    noiseSd,
    noiseAutocorrelation,
  };
}
