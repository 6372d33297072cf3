/**
 * Post-processing with group-specific thresholds (Hardt, Price & Srebro, "Equality of opportunity in
 * supervised learning", NeurIPS 2016; Fairlearn's `postprocessing.ThresholdOptimizer` is the randomised
 * version): keep the model's scores, but choose one threshold per group so that every group reaches the
 * same true positive rate (equal opportunity) or the same selection rate (demographic parity). Sweeping
 * the common target rate gives the data of a trade-off chart: disparity and accuracy per setting, and the
 * accuracy cost against the single threshold everyone had before.
 *
 * Thresholds here are deterministic (predict 1 when score ≥ threshold), so with tied scores a group can
 * exceed the target a little; Hardt et al. randomise at the threshold to hit it exactly.
 */
import {
  checkLengths,
  confusions,
  groupIndex,
  rates,
  toBinary,
  type GroupValue,
  type Label,
} from './classification-input.ts';

/** Input of {@link groupThresholds}. */
export interface GroupThresholdsInput {
  yTrue: readonly Label[];
  /** The model's scores (any scale: higher means more likely positive). */
  scores: readonly number[];
  sensitive: readonly GroupValue[];
  /** Which rate to equalise: `'tpr'` (equal opportunity, default) or `'selectionRate'` (demographic parity). */
  equalise?: 'tpr' | 'selectionRate';
  /** The common target rates to sweep. Default 0.05, 0.10, …, 0.95. */
  targets?: readonly number[];
  /** The single threshold of the unmitigated model, the baseline. Default 0.5. */
  threshold?: number;
}

/** How one group fares under a setting. */
export interface GroupAtThreshold {
  group: GroupValue;
  threshold: number;
  count: number;
  selectionRate: number;
  tpr: number;
  fpr: number;
  accuracy: number;
}

/** One setting of the sweep (or the baseline). */
export interface ThresholdSetting {
  /** The common target rate (null for the baseline's single threshold). */
  target: number | null;
  /** Threshold per group, keyed by `String(group)`. */
  thresholds: Record<string, number>;
  /** Accuracy over everyone. */
  accuracy: number;
  /** Baseline accuracy minus this accuracy: what the mitigation costs (negative if it gains). */
  accuracyCost: number;
  /** Largest minus smallest group rate of the equalised metric. */
  disparity: number;
  /** Largest minus smallest group selection rate. */
  demographicParityDifference: number;
  /** The worse of the TPR and FPR differences. */
  equalizedOddsDifference: number;
  groups: GroupAtThreshold[];
}

/** The result of {@link groupThresholds}: rows for a trade-off chart (x: disparity, y: accuracy). */
export interface GroupThresholdsResult {
  equalise: 'tpr' | 'selectionRate';
  baseline: ThresholdSetting;
  settings: ThresholdSetting[];
  /** The setting with the highest accuracy (the first on ties). */
  best: ThresholdSetting;
}

/** 1 where `scores[i] ≥ thresholds[String(sensitive[i])]`, else 0. */
export function applyGroupThresholds(
  scores: readonly number[],
  sensitive: readonly GroupValue[],
  thresholds: Record<string, number>,
): (0 | 1)[] {
  checkLengths('applyGroupThresholds', { scores, sensitive });
  return scores.map((s, i) => {
    const t = thresholds[String(sensitive[i])];
    if (t === undefined) {
      throw new RangeError(
        `applyGroupThresholds: no threshold for group "${String(sensitive[i])}"; the groups with one are ` +
          Object.keys(thresholds)
            .map((k) => `"${k}"`)
            .join(', '),
      );
    }
    return s >= t ? 1 : 0;
  });
}

/**
 * The threshold that selects at least a share `target` of `pool` (scores, any order): the
 * ⌈target·n⌉-th largest score. An empty pool (a group with no positives) keeps `fallback`.
 */
function thresholdFor(pool: number[], target: number, fallback: number): number {
  if (pool.length === 0) return fallback;
  const sorted = pool.slice().sort((a, b) => b - a);
  const m = Math.ceil(target * sorted.length - 1e-9);
  return m <= 0 ? Infinity : sorted[Math.min(m, sorted.length) - 1];
}

/** Sweeps group-specific thresholds that equalise TPR or selection rate, against one common threshold. */
export function groupThresholds(input: GroupThresholdsInput): GroupThresholdsResult {
  const { scores, sensitive } = input;
  const equalise = input.equalise ?? 'tpr';
  const base = input.threshold ?? 0.5;
  const targets = input.targets ?? Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100);
  checkLengths('groupThresholds', { yTrue: input.yTrue, scores, sensitive });
  if (equalise !== 'tpr' && equalise !== 'selectionRate') {
    throw new RangeError(`invalid equalise: ${String(equalise)} (must be 'tpr' or 'selectionRate')`);
  }
  if (!Number.isFinite(base)) throw new RangeError(`invalid threshold: ${base} (must be a finite number)`);
  if (targets.length === 0 || targets.some((t) => !(t >= 0 && t <= 1))) {
    throw new RangeError(
      `invalid targets: [${targets.join(', ')}] (must be a non-empty list of rates in [0, 1])`,
    );
  }
  scores.forEach((s, i) => {
    if (typeof s !== 'number' || !Number.isFinite(s)) {
      throw new TypeError(`scores[${i}] is ${String(s)} (must be a finite number)`);
    }
  });
  const yTrue = toBinary(input.yTrue, 'yTrue');
  const { groups, index } = groupIndex(sensitive);
  const pools = groups.map(() => [] as number[]);
  scores.forEach((s, i) => {
    if (equalise === 'selectionRate' || yTrue[i] === 1) pools[index[i]].push(s);
  });

  const evaluate = (
    target: number | null,
    perGroup: number[],
    baselineAccuracy: number,
  ): ThresholdSetting => {
    const yPred = Uint8Array.from(scores, (s, i) => (s >= perGroup[index[i]] ? 1 : 0));
    const counts = confusions(yTrue, yPred, index, groups.length);
    const groupRates = counts.groups.map(rates);
    const spread = (name: 'selectionRate' | 'tpr' | 'fpr'): number =>
      Math.max(...groupRates.map((r) => r[name])) - Math.min(...groupRates.map((r) => r[name]));
    const accuracy = rates(counts.overall).accuracy;
    const thresholds: Record<string, number> = {};
    groups.forEach((g, k) => (thresholds[String(g)] = perGroup[k]));
    return {
      target,
      thresholds,
      accuracy,
      accuracyCost: (Number.isNaN(baselineAccuracy) ? accuracy : baselineAccuracy) - accuracy,
      disparity: spread(equalise),
      demographicParityDifference: spread('selectionRate'),
      equalizedOddsDifference: Math.max(spread('tpr'), spread('fpr')),
      groups: groups.map((g, k) => ({
        group: g,
        threshold: perGroup[k],
        count: groupRates[k].count,
        selectionRate: groupRates[k].selectionRate,
        tpr: groupRates[k].tpr,
        fpr: groupRates[k].fpr,
        accuracy: groupRates[k].accuracy,
      })),
    };
  };

  const baseline = evaluate(
    null,
    groups.map(() => base),
    NaN,
  );
  const settings = targets.map((target) =>
    evaluate(
      target,
      pools.map((pool) => thresholdFor(pool, target, base)),
      baseline.accuracy,
    ),
  );
  const best = settings.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  return { equalise, baseline, settings, best };
}
