/**
 * The checks shared by the differential-privacy mechanisms: ε, δ and sensitivity in range, and the
 * random source (the project's seeded generator, so the same seed gives the same noise).
 */
import { SeededRandom } from '../stats/random.ts';

/** Where a mechanism's noise comes from. */
export interface NoiseSource {
  /** Seed of a new generator for this call. Default 1 (reproducible lessons; not a secret). */
  seed?: number;
  /** A generator to draw from instead (takes precedence over `seed`), to share one stream across calls. */
  random?: SeededRandom;
}

/** The generator a call draws from. */
export function noiseGenerator(source: NoiseSource): SeededRandom {
  return source.random ?? new SeededRandom(source.seed ?? 1);
}

/** Checks ε > 0 (finite). */
export function checkEpsilon(epsilon: number): void {
  if (typeof epsilon !== 'number' || !(epsilon > 0) || !Number.isFinite(epsilon)) {
    throw new RangeError(
      `invalid epsilon: ${epsilon} (must be a finite number > 0; smaller is more private)`,
    );
  }
}

/** Checks 0 < δ < 1. */
export function checkDelta(delta: number): void {
  if (typeof delta !== 'number' || !(delta > 0 && delta < 1)) {
    throw new RangeError(`invalid delta: ${delta} (must be in (0, 1), typically below 1/n, e.g. 1e-5)`);
  }
}

/** Checks Δ ≥ 0 (finite). */
export function checkSensitivity(sensitivity: number): void {
  if (typeof sensitivity !== 'number' || !(sensitivity >= 0) || !Number.isFinite(sensitivity)) {
    throw new RangeError(`invalid sensitivity: ${sensitivity} (must be a finite number ≥ 0)`);
  }
}

/** Checks a value to be released is a finite number. */
export function checkValue(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${what}: the value to privatise is ${String(value)} (must be a finite number)`);
  }
}
