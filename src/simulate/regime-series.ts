/**
 * A seeded monthly-style series with one regime change at a known time, for lessons on drift: a
 * level plus a linear trend plus a sine season plus Gaussian noise, where from `change.at` on the
 * level jumps, the trend's slope changes, or the season's amplitude changes (by `change.size`).
 * The truth (the series without noise) is returned beside the values.
 */
import { SeededRandom } from '../stats/random.ts';

/** Options of {@link regimeSeries}. */
export interface RegimeSeriesOptions {
  /** Number of values (default 240). */
  length?: number;
  /** Season length (default 12; 1 for none). */
  period?: number;
  /** Starting level (default 100). */
  level?: number;
  /** Change of the level per step before the change (default 0.2). */
  slope?: number;
  /** Amplitude of the sine season (default 10). */
  amplitude?: number;
  /** Standard deviation of the noise (default 3). */
  noise?: number;
  /** The regime change: what changes, from which index, by how much (default a level shift of +25 at 160). */
  change?: { kind: 'level' | 'slope' | 'amplitude'; at: number; size: number };
  seed?: number;
}

export const regimeSeriesDefaults = {
  length: 240,
  period: 12,
  level: 100,
  slope: 0.2,
  amplitude: 10,
  noise: 3,
  change: { kind: 'level', at: 160, size: 25 },
  seed: 1,
} as const;

/** What {@link regimeSeries} makes. */
export interface RegimeSeries {
  values: number[];
  /** The values without noise. */
  truth: number[];
  /** The index of the first value of the new regime. */
  changePoint: number;
  period: number;
}

/** A series with one known regime change; see the module comment. */
export function regimeSeries(options: RegimeSeriesOptions = {}): RegimeSeries {
  const o = { ...regimeSeriesDefaults, ...options };
  const { length, period, level, slope, amplitude, noise, change, seed } = o;
  if (!Number.isInteger(length) || length < 2)
    throw new RangeError(`regimeSeries: length must be a whole number ≥ 2, got ${length}`);
  if (!Number.isInteger(period) || period < 1)
    throw new RangeError(`regimeSeries: period must be a whole number ≥ 1, got ${period}`);
  if (!(noise >= 0)) throw new RangeError(`regimeSeries: noise must be ≥ 0, got ${noise}`);
  for (const [name, v] of Object.entries({ level, slope, amplitude, size: change.size }))
    if (!Number.isFinite(v)) throw new RangeError(`regimeSeries: ${name} must be a finite number, got ${v}`);
  if (!['level', 'slope', 'amplitude'].includes(change.kind))
    throw new RangeError(
      `regimeSeries: change.kind must be 'level', 'slope' or 'amplitude', got "${change.kind}"`,
    );
  if (!Number.isInteger(change.at) || change.at < 1 || change.at >= length)
    throw new RangeError(
      `regimeSeries: change.at must be a whole number in 1…${length - 1}, got ${change.at}`,
    );
  const rng = new SeededRandom(seed);
  const truth: number[] = [];
  const values: number[] = [];
  for (let t = 0; t < length; t++) {
    const after = t >= change.at;
    const since = t - change.at;
    let y = level + slope * t;
    if (after && change.kind === 'level') y += change.size;
    if (after && change.kind === 'slope') y += change.size * since;
    const a = after && change.kind === 'amplitude' ? amplitude + change.size : amplitude;
    if (period > 1) y += a * Math.sin((2 * Math.PI * t) / period);
    truth.push(y);
    values.push(y + noise * rng.normal());
  }
  return { values, truth, changePoint: change.at, period };
}
