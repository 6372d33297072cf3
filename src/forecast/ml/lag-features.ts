/**
 * The design matrix of a machine-learning forecaster: each row predicts one value of the series from
 * what was known some steps before it — lags, rolling means of lags — and from the calendar of the
 * value predicted (one-hot season, month or weekday; Fourier terms), which is known in advance.
 *
 * - Target: the series, or its first differences z_t = y_t − y_{t−1} (`difference: 1`); lags and
 *   rolling means are taken of the target, and forecasts of z are summed back onto the last value.
 * - Horizon k (`horizon`): a row whose target is at time t uses only the target up to t − k, so the
 *   model it trains is the "direct" k-step model, and its rows are the ones a k-step forecast can
 *   honestly learn from. Lag ℓ of the options is lag ℓ + k − 1 of the target (names say the real lag).
 * - Calendar features use the index t of the value predicted in the *original* series, so the
 *   one-hot season of a differenced series is that of y_t, not of its position in z. The one-hot
 *   drops its first level (season 1, January, Monday), as `OneHotEncoder(drop='first')`, so a model
 *   with an intercept is of full rank.
 *
 * This is the design of the scikit-learn reference (test/fixtures/ref-ml): `[y_{t−1}, …, y_{t−L}]`
 * plus the one-hot of (t mod m) without its first column; rows with incomplete lags dropped; no scaling.
 */
import { inferStep, parseDate, stepDates, type DateStep } from '../prophet-dates.ts';

/** Options of {@link lagDesign}. */
export interface LagFeatureOptions {
  /** Seasonal period m (for the default lags, `calendar: 'season'` and Fourier terms). Default 1. */
  period?: number;
  /** Lags: a count L (lags 1…L) or a list of lags. Default: m when m > 1, else 4 (the reference's rule). */
  lags?: number | readonly number[];
  /** Windows w of rolling means of the target, each the mean of lags 1…w. Default none. */
  rollingMeans?: readonly number[];
  /**
   * One-hot calendar of the value predicted: `season` (t mod m, needs m > 1), `month` or `weekday`
   * (need `dates`), or `none`. Default `none`.
   */
  calendar?: LagCalendar;
  /** Fourier pairs sin(2πjt/m), cos(2πjt/m), j = 1…K of the seasonal period. Default 0. */
  fourier?: number;
  /** 0: model the series; 1: model its first differences. Default 0. */
  difference?: number;
  /** Steps between the last value a row may use and its target (1 = one-step ahead). Default 1. */
  horizon?: number;
  /** ISO dates of the values (for `calendar: 'month' | 'weekday'`); later dates continue their spacing. */
  dates?: readonly string[];
}

export type LagCalendar = 'none' | 'season' | 'month' | 'weekday';

export const lagCalendars: readonly LagCalendar[] = ['none', 'season', 'month', 'weekday'];

/** The resolved feature recipe: everything needed to build a row for any time, past or future. */
export interface LagFeatureSpec {
  period: number;
  lags: number[];
  rollingMeans: number[];
  calendar: LagCalendar;
  fourier: number;
  difference: number;
  horizon: number;
  /** Month (0–11) or weekday (0 = Monday) of each observed value, for `month`/`weekday`; else empty. */
  calendarLevels: number[];
  /** The last date and the step of the dates (UTC ms), to continue the calendar into the forecasts. */
  lastTime?: number;
  dateStep?: DateStep;
  /** Feature names, in column order. */
  names: string[];
}

/** The design matrix: one row per target a model at this horizon can use. */
export interface LagDesign {
  spec: LagFeatureSpec;
  /** Feature names, in column order. */
  names: string[];
  /** The rows, oldest first. */
  rows: number[][];
  /** The target of each row (y_t, or z_t when differenced). */
  target: number[];
  /** The index t in the original series of each row's target. */
  index: number[];
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const weekdayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function wholeNumber(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min)
    throw new RangeError(`invalid ${name}: ${v} (must be a whole number ≥ ${min})`);
  return v;
}

/** Resolves the options for a series of `n` values. Throws a RangeError naming the option that is wrong. */
export function lagFeatureSpec(n: number, options: LagFeatureOptions = {}): LagFeatureSpec {
  const period = wholeNumber('period', options.period ?? 1, 1);
  const lagsOption = options.lags ?? (period > 1 ? period : 4);
  const lags =
    typeof lagsOption === 'number'
      ? Array.from({ length: wholeNumber('lags', lagsOption, 0) }, (_, i) => i + 1)
      : [...lagsOption].map((l) => wholeNumber('lag', l, 1));
  if (new Set(lags).size !== lags.length) throw new RangeError(`lags repeat a lag: ${lags.join(', ')}`);
  const rollingMeans = [...(options.rollingMeans ?? [])].map((w) => wholeNumber('rolling mean window', w, 1));
  const calendar = options.calendar ?? 'none';
  if (!lagCalendars.includes(calendar))
    throw new RangeError(
      `invalid calendar: ${JSON.stringify(calendar)} (must be ${lagCalendars.join(', ')})`,
    );
  if (calendar === 'season' && period < 2)
    throw new RangeError(
      'calendar "season" needs a seasonal period ≥ 2; give the period or use calendar "none"',
    );
  const fourier = wholeNumber('fourier', options.fourier ?? 0, 0);
  if (fourier > 0 && 2 * fourier > period)
    throw new RangeError(
      `fourier ${fourier} needs a seasonal period ≥ ${2 * fourier} (got ${period}); use at most ${Math.floor(period / 2)} pairs`,
    );
  const difference = options.difference ?? 0;
  if (difference !== 0 && difference !== 1)
    throw new RangeError(`invalid difference: ${difference} (must be 0 or 1)`);
  const horizon = wholeNumber('horizon', options.horizon ?? 1, 1);
  let calendarLevels: number[] = [];
  let lastTime: number | undefined;
  let dateStep: DateStep | undefined;
  if (calendar === 'month' || calendar === 'weekday') {
    const dates = options.dates;
    if (!dates || dates.length !== n)
      throw new RangeError(
        `calendar "${calendar}" needs the dates of the ${n} values${dates ? ` (got ${dates.length})` : ''}; give dates or use calendar "season"`,
      );
    const times = dates.map((d, i) => parseDate(d, `dates[${i}]`));
    calendarLevels = times.map((t) => calendarLevel(calendar, t));
    lastTime = times[n - 1];
    dateStep = n > 1 ? inferStep(times) : { ms: 86_400_000 };
  }
  const shift = horizon - 1;
  const names = [
    ...lags.map((l) => `lag${l + shift}`),
    ...rollingMeans.map((w) => (shift ? `mean${w}_lag${horizon}` : `mean${w}`)),
    ...calendarNames(calendar, period),
    ...Array.from({ length: fourier }, (_, j) => [`sin${j + 1}`, `cos${j + 1}`]).flat(),
  ];
  if (names.length === 0)
    throw new RangeError('no features: give lags, rolling means, a calendar or Fourier terms');
  return {
    period,
    lags,
    rollingMeans,
    calendar,
    fourier,
    difference,
    horizon,
    calendarLevels,
    ...(dateStep ? { lastTime, dateStep } : {}),
    names,
  };
}

function calendarLevel(calendar: 'month' | 'weekday', time: number): number {
  const d = new Date(time);
  return calendar === 'month' ? d.getUTCMonth() : (d.getUTCDay() + 6) % 7;
}

/** The month or weekday of original index t, continuing the dates' step past the data. */
function levelAt(spec: LagFeatureSpec, t: number): number {
  if (t < spec.calendarLevels.length) return spec.calendarLevels[t];
  const [time] = stepDates(spec.lastTime!, spec.dateStep!, 1, t - spec.calendarLevels.length + 1);
  return calendarLevel(spec.calendar as 'month' | 'weekday', time);
}

function calendarNames(calendar: LagCalendar, period: number): string[] {
  switch (calendar) {
    case 'season':
      return Array.from({ length: period - 1 }, (_, i) => `season${i + 2}`);
    case 'month':
      return monthNames.slice(1);
    case 'weekday':
      return weekdayNames.slice(1);
    default:
      return [];
  }
}

/** How many earlier target values a row needs (its largest lag, counting the horizon). */
export function lookback(spec: LagFeatureSpec): number {
  return Math.max(0, ...spec.lags, ...spec.rollingMeans) + spec.horizon - 1;
}

/** The target series: the values, or their first differences. */
export function targetSeries(values: readonly number[], spec: LagFeatureSpec): number[] {
  return spec.difference ? values.slice(1).map((v, i) => v - values[i]) : [...values];
}

/**
 * The features of the row whose target is `z[i]`, read from `z` (the target series, which may hold
 * forecasts beyond the data). Calendar features use the original index i + difference.
 */
export function featureRow(
  spec: LagFeatureSpec,
  z: ArrayLike<number>,
  i: number,
  out: number[] = [],
): number[] {
  const shift = spec.horizon - 1;
  let c = 0;
  for (const l of spec.lags) out[c++] = z[i - l - shift];
  for (const w of spec.rollingMeans) {
    let s = 0;
    for (let j = 1; j <= w; j++) s += z[i - j - shift];
    out[c++] = s / w;
  }
  const t = i + spec.difference;
  if (spec.calendar !== 'none') {
    const levels = spec.calendar === 'season' ? spec.period : spec.calendar === 'month' ? 12 : 7;
    const level = spec.calendar === 'season' ? t % spec.period : levelAt(spec, t);
    for (let k = 1; k < levels; k++) out[c++] = level === k ? 1 : 0;
  }
  for (let j = 1; j <= spec.fourier; j++) {
    const angle = (2 * Math.PI * j * t) / spec.period;
    out[c++] = Math.sin(angle);
    out[c++] = Math.cos(angle);
  }
  out.length = c;
  return out;
}

/**
 * The design matrix of `values` (oldest first) for `options`: every row whose features are complete.
 * Throws when no row is left (the series is too short for the lags and horizon).
 */
export function lagDesign(values: ArrayLike<number>, options: LagFeatureOptions = {}): LagDesign {
  const y = Array.from(values);
  const spec = lagFeatureSpec(y.length, options);
  return designOf(y, spec);
}

/** {@link lagDesign} for a resolved recipe. */
export function designOf(values: readonly number[], spec: LagFeatureSpec): LagDesign {
  const z = targetSeries(values, spec);
  const first = lookback(spec);
  if (first >= z.length)
    throw new RangeError(
      `${values.length} values leave no rows for lags up to ${first}${spec.difference ? ' of the differenced series' : ''}: use fewer lags, a shorter horizon or a longer series`,
    );
  const rows: number[][] = [];
  const target: number[] = [];
  const index: number[] = [];
  for (let i = first; i < z.length; i++) {
    rows.push(featureRow(spec, z, i));
    target.push(z[i]);
    index.push(i + spec.difference);
  }
  return { spec, names: spec.names, rows, target, index };
}

/**
 * The design as table rows for a lesson (`display(designTable(d))`): `t` (1-based time of the
 * target), the features by name, and `target`.
 */
export function designTable(design: LagDesign): Record<string, number>[] {
  return design.rows.map((row, r) => {
    const record: Record<string, number> = { t: design.index[r] + 1 };
    design.names.forEach((name, j) => (record[name] = row[j]));
    record.target = design.target[r];
    return record;
  });
}
