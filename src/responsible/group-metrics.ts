/**
 * Per-group classification metrics, as a `fairlearn.metrics.MetricFrame` with count, selection rate,
 * TPR, FPR, precision and accuracy would show them (its `by_group` and `overall`), plus calibration by
 * score bin: within each bin of predicted scores, the share of actual positives (a reliability diagram
 * per group; Kleinberg, Mullainathan & Raghavan 2017 discuss why calibration and equalised odds conflict).
 */
import {
  checkLengths,
  confusions,
  groupIndex,
  rates,
  toBinary,
  type GroupValue,
  type Label,
  type Rates,
} from './classification-input.ts';

/** Input of {@link groupMetrics}. */
export interface GroupMetricsInput {
  yTrue: readonly Label[];
  yPred: readonly Label[];
  sensitive: readonly GroupValue[];
  /** Predicted probabilities in [0, 1], for calibration by bin. */
  scores?: readonly number[];
  /** Number of equal-width score bins on [0, 1]. Default 10. */
  bins?: number;
}

/** One score bin of a group's calibration. */
export interface CalibrationBin {
  /** The bin's lower edge (inclusive). */
  lower: number;
  /** Its upper edge (exclusive, except 1 for the last bin). */
  upper: number;
  /** People whose score falls in the bin. */
  count: number;
  /** Their mean score (null when the bin is empty). */
  meanScore: number | null;
  /** The share of them who are actually positive (null when empty). */
  positiveRate: number | null;
}

/** The metrics of one group (or of everyone). */
export interface GroupMetric extends Rates {
  /** The group's value of the sensitive feature (`null` for `overall`). */
  group: GroupValue;
  /** Actual positives in the group. */
  positives: number;
  /** Actual negatives in the group. */
  negatives: number;
  /** Calibration by score bin, when scores were given. */
  calibration?: CalibrationBin[];
}

/** The result of {@link groupMetrics}. */
export interface GroupMetricsResult {
  /** One entry per group, in order of first appearance. */
  groups: GroupMetric[];
  /** The same metrics over everyone. */
  overall: GroupMetric;
}

/** Count, selection rate, TPR, FPR, precision, accuracy (and calibration) per group and overall. */
export function groupMetrics(input: GroupMetricsInput): GroupMetricsResult {
  const { yTrue, yPred, sensitive, scores } = input;
  const binCount = input.bins ?? 10;
  checkLengths('groupMetrics', { yTrue, yPred, sensitive, scores });
  if (!Number.isInteger(binCount) || binCount < 1) {
    throw new RangeError(`invalid bins: ${binCount} (must be an integer ≥ 1)`);
  }
  const t = toBinary(yTrue, 'yTrue');
  const p = toBinary(yPred, 'yPred');
  const { groups, index } = groupIndex(sensitive);
  const counts = confusions(t, p, index, groups.length);
  const calibration = scores === undefined ? undefined : calibrate(scores, t, index, groups.length, binCount);
  const metric = (group: GroupValue, k: number): GroupMetric => {
    const c = k < 0 ? counts.overall : counts.groups[k];
    const m: GroupMetric = { group, ...rates(c), positives: c.tp + c.fn, negatives: c.fp + c.tn };
    if (calibration !== undefined) m.calibration = calibration[k < 0 ? groups.length : k];
    return m;
  };
  return { groups: groups.map((g, k) => metric(g, k)), overall: metric(null, -1) };
}

/** Calibration bins per group, and for everyone in the last slot. */
function calibrate(
  scores: readonly number[],
  yTrue: Uint8Array,
  index: Int32Array,
  groupCount: number,
  binCount: number,
): CalibrationBin[][] {
  const sums = Array.from({ length: groupCount + 1 }, () =>
    Array.from({ length: binCount }, () => ({ count: 0, score: 0, positives: 0 })),
  );
  scores.forEach((s, i) => {
    if (typeof s !== 'number' || !(s >= 0 && s <= 1)) {
      throw new RangeError(`scores[${i}] is ${String(s)} (scores must be probabilities in [0, 1])`);
    }
    const b = Math.min(binCount - 1, Math.floor(s * binCount));
    for (const k of [index[i], groupCount]) {
      const cell = sums[k][b];
      cell.count++;
      cell.score += s;
      cell.positives += yTrue[i];
    }
  });
  return sums.map((row) =>
    row.map((cell, b) => ({
      lower: b / binCount,
      upper: (b + 1) / binCount,
      count: cell.count,
      meanScore: cell.count === 0 ? null : cell.score / cell.count,
      positiveRate: cell.count === 0 ? null : cell.positives / cell.count,
    })),
  );
}
