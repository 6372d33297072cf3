/**
 * ETS model codes and names as `forecast::ets()` writes them (Hyndman et al. 2008, §2.1, Table 2.1):
 * the code `'MAM'` with `damped` gives `ETS(M,Ad,M)`.
 */
import type { EtsComponents, ErrorType, SeasonType, TrendType } from './types.ts';

/** The letters a code may hold at each position; `Z` is expanded by {@link candidateLetters}. */
export interface ParsedModelCode {
  error: ErrorType | 'Z';
  trend: TrendType | 'Z';
  season: SeasonType | 'Z';
}

/** Splits and checks a three-letter model code. */
export function parseModelCode(model: string): ParsedModelCode {
  if (typeof model !== 'string' || model.length !== 3) {
    throw new RangeError(
      `invalid model: ${String(model)} (must be three letters: error A/M/Z, trend N/A/M/Z, season N/A/M/Z, e.g. 'ZZZ' or 'MAM')`,
    );
  }
  const [error, trend, season] = model.toUpperCase();
  if (!isOneOf(error, ['A', 'M', 'Z'] as const)) {
    throw new RangeError(`invalid error type: ${error} in model ${model} (must be A, M or Z)`);
  }
  if (!isOneOf(trend, ['N', 'A', 'M', 'Z'] as const)) {
    throw new RangeError(`invalid trend type: ${trend} in model ${model} (must be N, A, M or Z)`);
  }
  if (!isOneOf(season, ['N', 'A', 'M', 'Z'] as const)) {
    throw new RangeError(`invalid season type: ${season} in model ${model} (must be N, A, M or Z)`);
  }
  return { error, trend, season };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return allowed.some((a) => a === value);
}

/** The model's name as R prints it, e.g. `ETS(M,Ad,M)`. */
export function etsMethodName({ error, trend, season, damped }: EtsComponents): string {
  return `ETS(${error},${trend}${damped ? 'd' : ''},${season})`;
}

/** True for the combinations R's `restrict = TRUE` forbids: infinite forecast variance. */
export function isRestricted(error: ErrorType, trend: TrendType, season: SeasonType): boolean {
  return (
    (error === 'A' && (trend === 'M' || season === 'M')) || (error === 'M' && trend === 'M' && season === 'A')
  );
}

/** Number of states in x: level, slope if trended, m seasonal states if seasonal. */
export function stateCount(trend: TrendType, season: SeasonType, m: number): number {
  return 1 + (trend === 'N' ? 0 : 1) + (season === 'N' ? 0 : m);
}
