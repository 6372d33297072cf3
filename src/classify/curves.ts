/**
 * Threshold-free measures of a scorer, as scikit-learn computes them: the ROC curve and its area
 * (`roc_curve(drop_intermediate=False)`, `roc_auc_score`), the precision–recall curve and average
 * precision (`precision_recall_curve`, `average_precision_score`), and precision at k. Tied scores
 * move together: a threshold either flags all of them or none.
 */

function check(name: string, yTrue: readonly number[], scores: readonly number[]) {
  if (yTrue.length !== scores.length)
    throw new RangeError(`${name}: ${yTrue.length} labels but ${scores.length} scores`);
  if (yTrue.length === 0) throw new RangeError(`${name}: no labels`);
  yTrue.forEach((v, i) => {
    if (v !== 0 && v !== 1) throw new RangeError(`${name}: label ${i} is ${v}; labels must be 0 or 1`);
  });
  scores.forEach((s, i) => {
    if (!Number.isFinite(s)) throw new RangeError(`${name}: score ${i} is ${s}`);
  });
}

/** Cumulative true and false positives at each distinct score, highest first. */
function sweep(yTrue: readonly number[], scores: readonly number[]) {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  order.forEach((i, k) => {
    if (yTrue[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      thresholds.push(scores[i]!);
      tps.push(tp);
      fps.push(fp);
    }
  });
  return { thresholds, tps, fps, positives: tp, negatives: fp };
}

/** The ROC curve: false- and true-positive rates for "flag when score ≥ threshold", the first point (0, 0) at threshold +∞. */
export function rocCurve(yTrue: readonly number[], scores: readonly number[]) {
  check('rocCurve', yTrue, scores);
  const s = sweep(yTrue, scores);
  if (s.positives === 0 || s.negatives === 0)
    throw new RangeError('rocCurve: the labels need both classes, 0 and 1');
  return {
    fpr: [0, ...s.fps.map((f) => f / s.negatives)],
    tpr: [0, ...s.tps.map((t) => t / s.positives)],
    thresholds: [Infinity, ...s.thresholds],
  };
}

/** The area under the ROC curve (trapezoids, so ties count half, as `roc_auc_score`). */
export function rocAuc(yTrue: readonly number[], scores: readonly number[]): number {
  const { fpr, tpr } = rocCurve(yTrue, scores);
  let area = 0;
  for (let i = 1; i < fpr.length; i++) area += ((fpr[i]! - fpr[i - 1]!) * (tpr[i]! + tpr[i - 1]!)) / 2;
  return area;
}

/**
 * The precision–recall curve, ordered as scikit-learn (1.2) returns it: every distinct score as a
 * threshold, rising, recall falling, and a last point (precision 1, recall 0) with no threshold.
 */
export function precisionRecallCurve(yTrue: readonly number[], scores: readonly number[]) {
  check('precisionRecallCurve', yTrue, scores);
  const s = sweep(yTrue, scores);
  if (s.positives === 0) throw new RangeError('precisionRecallCurve: there is no positive label');
  const last = s.tps.length - 1;
  const precision: number[] = [];
  const recall: number[] = [];
  const thresholds: number[] = [];
  for (let k = last; k >= 0; k--) {
    precision.push(s.tps[k]! / (s.tps[k]! + s.fps[k]!));
    recall.push(s.tps[k]! / s.positives);
    thresholds.push(s.thresholds[k]!);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds };
}

/** Average precision: Σ (Rₙ − Rₙ₋₁) Pₙ over the thresholds, as `average_precision_score` (no interpolation). */
export function averagePrecision(yTrue: readonly number[], scores: readonly number[]): number {
  const { precision, recall } = precisionRecallCurve(yTrue, scores);
  let ap = 0;
  for (let i = 0; i < precision.length - 1; i++) ap += (recall[i]! - recall[i + 1]!) * precision[i]!;
  return ap;
}

/** The share of true positives among the k highest scores (ties broken by position, first wins). */
export function precisionAtK(yTrue: readonly number[], scores: readonly number[], k: number): number {
  check('precisionAtK', yTrue, scores);
  if (!Number.isInteger(k) || k < 1 || k > scores.length)
    throw new RangeError(`precisionAtK: k must be a whole number from 1 to ${scores.length}, got ${k}`);
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.slice(0, k).reduce((s, i) => s + yTrue[i]!, 0) / k;
}
