/**
 * Dates for the Prophet-style model, all in UTC milliseconds since 1970 (R prophet reads dates as
 * GMT): reading `Date`s and ISO strings, synthetic dates for a series without them, the spacing of a
 * series, the dates of a horizon (calendar months as R's `seq(…, by = "month")`), and ISO output.
 */
import type { ProphetDate, ProphetSpacing } from './prophet-types.ts';

export const DAY_MS = 86_400_000;

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Milliseconds since 1970 (UTC) of a `Date` or an ISO string; `what` names it in the error. */
export function parseDate(date: ProphetDate, what: string): number {
  if (date instanceof Date) {
    const t = date.getTime();
    if (!Number.isFinite(t)) throw new RangeError(`${what} is an invalid Date`);
    return t;
  }
  const match = typeof date === 'string' ? ISO.exec(date.trim()) : null;
  if (!match) {
    throw new RangeError(
      `${what} is ${JSON.stringify(date)}: expected a Date or an ISO date such as 1949-01-01 or 2020-03-01 12:00:00`,
    );
  }
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    throw new RangeError(`${what} is ${JSON.stringify(date)}: not a valid date`);
  let t = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number(frac || 0) * 1000);
  if (new Date(t).getUTCDate() !== day)
    throw new RangeError(`${what} is ${JSON.stringify(date)}: that day does not exist`);
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return t;
}

/** How far apart consecutive dates are: whole calendar months, or a fixed number of milliseconds. */
export type DateStep = { months: number } | { ms: number };

/** The step of a named spacing. */
export function spacingStep(spacing: ProphetSpacing): DateStep {
  switch (spacing) {
    case 'hour':
      return { ms: 3_600_000 };
    case 'day':
      return { ms: DAY_MS };
    case 'week':
      return { ms: 7 * DAY_MS };
    case 'month':
      return { months: 1 };
    case 'quarter':
      return { months: 3 };
    case 'year':
      return { months: 12 };
    default:
      throw new RangeError(
        `invalid spacing: ${JSON.stringify(spacing)} (must be hour, day, week, month, quarter or year)`,
      );
  }
}

/**
 * The step of observed dates, from the median gap: 28–31 days is a month, 89–92 a quarter, 365–366 a
 * year (calendar steps, so months keep their day); any other gap is used as it is.
 */
export function inferStep(times: readonly number[]): DateStep {
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .sort((a, b) => a - b);
  const gap = gaps[Math.floor(gaps.length / 2)];
  const days = gap / DAY_MS;
  if (days >= 28 && days <= 31) return { months: 1 };
  if (days >= 89 && days <= 92) return { months: 3 };
  if (days >= 365 && days <= 366) return { months: 12 };
  return { ms: gap };
}

/** `count` dates after `from`, `step` apart (month steps as R's `seq.POSIXt`: Jan 31 + 1 month = Mar 3). */
export function stepDates(from: number, step: DateStep, count: number, first = 1): number[] {
  if ('ms' in step) return Array.from({ length: count }, (_, j) => from + (j + first) * step.ms);
  const d = new Date(from);
  return Array.from({ length: count }, (_, j) =>
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + (j + first) * step.months,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

/** `n` dates from `start`, `spacing` apart: the dates of a series given without them. */
export function syntheticTimes(start: ProphetDate, spacing: ProphetSpacing, n: number): number[] {
  const first = parseDate(start, 'start');
  return [first, ...stepDates(first, spacingStep(spacing), n - 1)];
}

/** ISO strings of `times`: `YYYY-MM-DD` when all fall on midnight, else `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatDates(times: readonly number[]): string[] {
  const dateOnly = times.every((t) => t % DAY_MS === 0);
  return times.map((t) => {
    const iso = new Date(t).toISOString();
    return dateOnly ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
  });
}
