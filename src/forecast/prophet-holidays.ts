/**
 * Holidays and events in the Prophet-style model (Taylor & Letham 2018, §3.3): one indicator column
 * per holiday and day of its window, as R prophet's `make_holiday_features` — a date matches when it
 * falls on that calendar day (UTC), so every hour of a holiday shares its effect.
 */
import { DAY_MS, parseDate } from './prophet-dates.ts';
import { checkName } from './prophet-seasonality.ts';
import type { ProphetHoliday, ProphetHolidaySpec, ProphetMode } from './prophet-types.ts';

/** Checks the holidays and resolves their days, windows and prior scales. */
export function resolveHolidays(
  holidays: readonly ProphetHoliday[],
  priorScale: number,
  mode: ProphetMode,
): ProphetHolidaySpec[] {
  const seen = new Set<string>();
  return holidays.map((h, i) => {
    const what = `holidays[${i}]`;
    checkName(h.name, what);
    if (seen.has(h.name))
      throw new RangeError(`${what}: holiday "${h.name}" is given twice; list all its dates in one entry`);
    seen.add(h.name);
    const lowerWindow = h.lowerWindow ?? 0;
    const upperWindow = h.upperWindow ?? 0;
    if (!(Number.isInteger(lowerWindow) && lowerWindow <= 0))
      throw new RangeError(`${what}.lowerWindow is ${lowerWindow}: must be a whole number ≤ 0 (days before)`);
    if (!(Number.isInteger(upperWindow) && upperWindow >= 0))
      throw new RangeError(`${what}.upperWindow is ${upperWindow}: must be a whole number ≥ 0 (days after)`);
    const scale = h.priorScale ?? priorScale;
    if (!(scale > 0)) throw new RangeError(`${what}.priorScale is ${scale}: must be > 0`);
    if (!h.dates?.length) throw new RangeError(`${what}: holiday "${h.name}" has no dates`);
    const days = [
      ...new Set(h.dates.map((d, j) => Math.floor(parseDate(d, `${what}.dates[${j}]`) / DAY_MS))),
    ].sort((a, b) => a - b);
    return { name: h.name, days, lowerWindow, upperWindow, priorScale: scale, mode };
  });
}

/** Prophet's name of the column for `offset` days from a holiday: `name_delim_+0`, `name_delim_-1`. */
export function holidayColumnName(name: string, offset: number): string {
  return `${name}_delim_${offset < 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The indicator columns of one holiday at `times` (ms since 1970): one per day of its window, earliest first. */
export function holidayFeatures(
  times: readonly number[],
  holiday: ProphetHolidaySpec,
): { offset: number; values: number[] }[] {
  const days = new Set(holiday.days);
  const columns: { offset: number; values: number[] }[] = [];
  for (let offset = holiday.lowerWindow; offset <= holiday.upperWindow; offset++) {
    columns.push({
      offset,
      values: times.map((t) => (days.has(Math.floor(t / DAY_MS) - offset) ? 1 : 0)),
    });
  }
  return columns;
}
