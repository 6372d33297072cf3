/**
 * The shape every drift detector in `dplab/simulate` has (`pageHinkley`, `cusum`), and running one
 * over a whole stream. A detector reads a stream one value at a time — typically a model's forecast
 * errors, as a monitoring job sees them — and raises an alarm when the stream's level seems to have
 * moved. After an alarm it starts afresh with the next value, as river's detectors do, so one change
 * can raise a second alarm once the detector has relearned the new level.
 */

/** A drift detector: feed it values in order. */
export interface DriftDetector {
  /** Reads the next value; `true` when this value raises an alarm. */
  update(x: number): boolean;
  /** The detector's test statistic after the last value (what it compares with its threshold). */
  readonly statistic: number;
  /** The threshold the statistic is compared with (in the stream's units once known, else NaN). */
  readonly threshold: number;
  /** Forgets everything, as a new detector. */
  reset(): void;
}

/** What {@link detectDrift} found. */
export interface DriftRun {
  /** Indices of the values that raised an alarm. */
  alarms: number[];
  /** The statistic after each value, for a chart against the threshold. */
  statistic: number[];
  /** The threshold after each value (it is NaN while a detector still learns the stream's scale). */
  threshold: number[];
}

/** Runs `detector` over `values` from its current state; returns where it raised alarms. */
export function detectDrift(values: readonly number[], detector: DriftDetector): DriftRun {
  const alarms: number[] = [];
  const statistic = new Array<number>(values.length);
  const threshold = new Array<number>(values.length);
  values.forEach((x, i) => {
    if (!Number.isFinite(x)) {
      throw new RangeError(`value ${i} of the stream is ${x}; a drift detector needs finite numbers`);
    }
    if (detector.update(x)) alarms.push(i);
    statistic[i] = detector.statistic;
    threshold[i] = detector.threshold;
  });
  return { alarms, statistic, threshold };
}
