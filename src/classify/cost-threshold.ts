/**
 * Choosing where to flag by what mistakes cost: with a price on a missed positive (a fraud let
 * through, a case not screened) and on a false alarm (a good customer blocked, a healthy patient
 * recalled), the threshold that minimises the total cost on a validation set, then judged on data it
 * did not see. The threshold is one of the scores ("flag when score ≥ t"), or +∞ (flag nothing).
 */

/** The prices of the two mistakes. */
export interface MistakeCosts {
  /** Cost of a positive that is not flagged. */
  falseNegative: number;
  /** Cost of a negative that is flagged. */
  falsePositive: number;
}

/** What flagging at one threshold does. */
export interface ThresholdOutcome {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  /** Share flagged. */
  flagRate: number;
  cost: number;
}

function checkCosts(costs: MistakeCosts) {
  if (!(costs?.falseNegative >= 0) || !(costs?.falsePositive >= 0))
    throw new RangeError('costs need falseNegative and falsePositive, each a number ≥ 0');
}

/** The outcome of flagging every score ≥ `threshold`. */
export function outcomeAt(
  yTrue: readonly number[],
  scores: readonly number[],
  threshold: number,
  costs: MistakeCosts,
): ThresholdOutcome {
  checkCosts(costs);
  if (yTrue.length !== scores.length)
    throw new RangeError(`${yTrue.length} labels but ${scores.length} scores`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  yTrue.forEach((y, i) => {
    const flagged = scores[i]! >= threshold;
    if (y === 1 && flagged) tp++;
    else if (y === 1) fn++;
    else if (flagged) fp++;
    else tn++;
  });
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: tp + fp ? tp / (tp + fp) : NaN,
    recall: tp + fn ? tp / (tp + fn) : NaN,
    flagRate: yTrue.length ? (tp + fp) / yTrue.length : NaN,
    cost: fn * costs.falseNegative + fp * costs.falsePositive,
  };
}

/**
 * The threshold with the lowest total cost on (`yTrue`, `scores`), and the outcome at every distinct
 * threshold (highest first) for a cost curve.
 */
export function costThreshold(yTrue: readonly number[], scores: readonly number[], costs: MistakeCosts) {
  checkCosts(costs);
  if (yTrue.length !== scores.length)
    throw new RangeError(`${yTrue.length} labels but ${scores.length} scores`);
  // One sweep down the sorted scores: at each distinct score, everything at or above it is flagged.
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const positives = yTrue.reduce((s, y) => s + (y === 1 ? 1 : 0), 0);
  const negatives = yTrue.length - positives;
  const outcome = (threshold: number, tp: number, fp: number): ThresholdOutcome => ({
    threshold,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: positives - tp,
    trueNegatives: negatives - fp,
    precision: tp + fp ? tp / (tp + fp) : NaN,
    recall: positives ? tp / positives : NaN,
    flagRate: yTrue.length ? (tp + fp) / yTrue.length : NaN,
    cost: (positives - tp) * costs.falseNegative + fp * costs.falsePositive,
  });
  const curve: ThresholdOutcome[] = [outcome(Infinity, 0, 0)];
  let tp = 0;
  let fp = 0;
  order.forEach((i, k) => {
    if (yTrue[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) curve.push(outcome(scores[i]!, tp, fp));
  });
  const best = curve.reduce((a, b) => (b.cost < a.cost ? b : a));
  return { best, curve };
}
