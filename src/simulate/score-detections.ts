/**
 * How well a drift detector's alarms match the changes that really happened (when they are known,
 * as in a simulation): for each change point, the delay of the first alarm at or after it (and
 * before the next change, within `maxDelay`), and the alarms that detected nothing — raised before
 * the first change, or after a change had already been detected, or too late.
 */

/** What {@link scoreDetections} reports. */
export interface DetectionScore {
  /** Per change point: values from the change to its first alarm, or null when it was missed. */
  delays: (number | null)[];
  detected: number;
  missed: number;
  /** Alarms that were not the first detection of a change. */
  falseAlarms: number;
  /** The mean delay over the detected changes (NaN when none was). */
  meanDelay: number;
}

/** Options of {@link scoreDetections}. */
export interface ScoreOptions {
  /** An alarm later than this after a change does not count as detecting it (default: no limit). */
  maxDelay?: number;
}

/** Scores `alarms` (indices, ascending) against the true `changePoints` (indices, ascending). */
export function scoreDetections(
  alarms: readonly number[],
  changePoints: readonly number[],
  { maxDelay = Infinity }: ScoreOptions = {},
): DetectionScore {
  for (const [name, xs] of [
    ['alarms', alarms],
    ['changePoints', changePoints],
  ] as const) {
    xs.forEach((x, i) => {
      if (!Number.isInteger(x) || x < 0 || (i > 0 && x <= xs[i - 1]!))
        throw new RangeError(
          `scoreDetections: ${name} must be increasing whole numbers ≥ 0 (entry ${i} is ${x})`,
        );
    });
  }
  if (!(maxDelay >= 0)) throw new RangeError(`scoreDetections: maxDelay must be ≥ 0, got ${maxDelay}`);
  const used = new Set<number>();
  const delays = changePoints.map((c, j) => {
    const next = changePoints[j + 1] ?? Infinity;
    const first = alarms.find((a) => a >= c && a < next && a - c <= maxDelay);
    if (first === undefined) return null;
    used.add(first);
    return first - c;
  });
  const found = delays.filter((d): d is number => d !== null);
  return {
    delays,
    detected: found.length,
    missed: delays.length - found.length,
    falseAlarms: alarms.length - used.size,
    meanDelay: found.length ? found.reduce((s, d) => s + d, 0) / found.length : NaN,
  };
}
