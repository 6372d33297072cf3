/**
 * Seasonalities of the Prophet-style model: Fourier features (Taylor & Letham 2018, eq. 5; Harvey &
 * Shephard 1993) and the seasonalities a fit uses, switched on automatically as R prophet's
 * `set_auto_seasonalities` does.
 */
import { DAY_MS } from './prophet-dates.ts';
import type {
  ProphetMode,
  ProphetSeasonality,
  ProphetSeasonalitySpec,
  ProphetSeasonalitySwitch,
} from './prophet-types.ts';

/**
 * The 2·order Fourier columns of a seasonality of `period` days at `times` (ms since 1970):
 * sin(2π·1·t/P), cos(2π·1·t/P), sin(2π·2·t/P), …, with t in days since 1970-01-01 (R prophet's
 * `fourier_series`, so the phases match Prophet's).
 */
export function fourierFeatures(times: readonly number[], period: number, order: number): number[][] {
  const columns: number[][] = [];
  for (let j = 1; j <= order; j++) {
    const sin = new Array<number>(times.length);
    const cos = new Array<number>(times.length);
    for (let i = 0; i < times.length; i++) {
      const x = (2 * j * Math.PI * (times[i] / DAY_MS)) / period;
      sin[i] = Math.sin(x);
      cos[i] = Math.cos(x);
    }
    columns.push(sin, cos);
  }
  return columns;
}

/** The built-in seasonalities: name, period in days, default Fourier order. */
const builtIn = [
  { name: 'yearly', period: 365.25, order: 10 },
  { name: 'weekly', period: 7, order: 3 },
  { name: 'daily', period: 1, order: 4 },
] as const;

/** What {@link resolveSeasonalities} needs besides the dates. */
export interface SeasonalityChoice {
  yearly: ProphetSeasonalitySwitch;
  weekly: ProphetSeasonalitySwitch;
  daily: ProphetSeasonalitySwitch;
  custom: readonly ProphetSeasonality[];
  mode: ProphetMode;
  priorScale: number;
}

/**
 * The seasonalities of a fit, in Prophet's order (custom ones first, then yearly, weekly, daily), and
 * notes on those switched off. `'auto'` follows {@link autoSeasonalities}, and a custom seasonality
 * of the same name replaces the built-in one.
 */
export function resolveSeasonalities(
  times: readonly number[],
  choice: SeasonalityChoice,
): { seasonalities: ProphetSeasonalitySpec[]; notes: string[] } {
  const notes: string[] = [];
  const seasonalities = new Map<string, ProphetSeasonalitySpec>();
  for (const [i, s] of choice.custom.entries()) {
    const what = `seasonalities[${i}]`;
    checkName(s.name, what);
    if (!(Number.isFinite(s.period) && s.period > 0))
      throw new RangeError(`${what}.period is ${s.period}: must be a number of days > 0`);
    if (!(Number.isInteger(s.fourierOrder) && s.fourierOrder > 0))
      throw new RangeError(`${what}.fourierOrder is ${s.fourierOrder}: must be a whole number > 0`);
    const priorScale = s.priorScale ?? choice.priorScale;
    if (!(priorScale > 0)) throw new RangeError(`${what}.priorScale is ${priorScale}: must be > 0`);
    const mode = checkMode(s.mode ?? choice.mode, `${what}.mode`);
    if (seasonalities.has(s.name)) throw new RangeError(`${what}: seasonality "${s.name}" is given twice`);
    seasonalities.set(s.name, {
      name: s.name,
      period: s.period,
      fourierOrder: s.fourierOrder,
      priorScale,
      mode,
    });
  }
  const auto = autoSeasonalities(times);
  for (const b of builtIn) {
    const arg = choice[b.name];
    let order = 0;
    if (arg === 'auto') {
      if (seasonalities.has(b.name)) {
        notes.push(`Found custom seasonality named "${b.name}", disabling built-in ${b.name} seasonality.`);
      } else if (!auto[b.name]) {
        notes.push(`Disabling ${b.name} seasonality. Set ${b.name}Seasonality to true to override this.`);
      } else order = b.order;
    } else if (arg === true) order = b.order;
    else if (arg === false) order = 0;
    else if (typeof arg === 'number' && Number.isInteger(arg) && arg >= 0) order = arg;
    else
      throw new RangeError(
        `invalid ${b.name}Seasonality: ${JSON.stringify(arg)} (must be 'auto', true, false or a Fourier order ≥ 0)`,
      );
    if (order > 0) {
      seasonalities.set(b.name, {
        name: b.name,
        period: b.period,
        fourierOrder: order,
        priorScale: choice.priorScale,
        mode: choice.mode,
      });
    }
  }
  return { seasonalities: [...seasonalities.values()], notes };
}

/**
 * Which built-in seasonalities `'auto'` switches on for observations at `times` (ms since 1970):
 * yearly when they span ≥ 730 days; weekly when they span ≥ 14 days and the smallest gap is < 7 days;
 * daily when they span ≥ 2 days and the smallest gap is < 1 day (R prophet's `set_auto_seasonalities`).
 */
export function autoSeasonalities(times: readonly number[]): {
  yearly: boolean;
  weekly: boolean;
  daily: boolean;
} {
  const span = (times[times.length - 1] - times[0]) / DAY_MS;
  let minGap = Infinity;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] - times[i - 1]) / DAY_MS;
    if (gap > 0 && gap < minGap) minGap = gap;
  }
  return { yearly: span >= 730, weekly: span >= 14 && minGap < 7, daily: span >= 2 && minGap < 1 };
}

/** Names Prophet reserves for its own columns; a component may not use them. */
const reserved = new Set([
  'trend',
  'additive_terms',
  'multiplicative_terms',
  'holidays',
  'zeros',
  'extra_regressors_additive',
  'extra_regressors_multiplicative',
  'yhat',
  'ds',
  'y',
  'cap',
  'floor',
]);

/** Checks the name of a seasonality, holiday or regressor. */
export function checkName(name: string, what: string): void {
  if (typeof name !== 'string' || name.trim() === '')
    throw new RangeError(`${what}.name is ${JSON.stringify(name)}: must be a non-empty string`);
  if (name.includes('_delim_')) throw new RangeError(`${what}.name "${name}" must not contain "_delim_"`);
  if (reserved.has(name)) throw new RangeError(`${what}.name "${name}" is reserved (it names a component)`);
}

/** Checks a seasonality mode. */
export function checkMode(mode: unknown, what: string): ProphetMode {
  if (mode !== 'additive' && mode !== 'multiplicative')
    throw new RangeError(`invalid ${what}: ${JSON.stringify(mode)} (must be 'additive' or 'multiplicative')`);
  return mode;
}
