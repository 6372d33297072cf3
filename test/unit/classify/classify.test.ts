/**
 * Logistic regression and the curves against scikit-learn 1.2.1 on one seeded data set
 * (test/fixtures/ref-classify/sklearn-classify.json, its calls recorded there), and the cost-based
 * threshold against a count by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  costThreshold,
  fitLogistic,
  outcomeAt,
  precisionAtK,
  precisionRecallCurve,
  predictLogistic,
  rocAuc,
  rocCurve,
} from '../../../src/classify/index.ts';

const ref = JSON.parse(
  readFileSync(new URL('../../fixtures/ref-classify/sklearn-classify.json', import.meta.url), 'utf8'),
) as {
  X: number[][];
  y: number[];
  logistic: Record<string, { coef: number[]; intercept: number; proba: number[] }>;
  curves: {
    scores: number[];
    roc: { fpr: number[]; tpr: number[]; thresholds: (number | null)[] };
    auc: number;
    pr: { precision: number[]; recall: number[]; thresholds: number[] };
    ap: number;
  };
};

const near = (actual: number[], expected: number[], tol: number) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!), `index ${i}`).toBeLessThanOrEqual(tol));
};

describe('fitLogistic', () => {
  // LogisticRegression(C, solver='newton-cg', tol=1e-12): the same penalised optimum. 1e-7 on the
  // coefficients and probabilities (scikit-learn's default lbfgs stops about 2e-6 away from it).
  it.each(['1.0', '0.1'])('matches LogisticRegression(C=%s) coefficients and probabilities to 1e-7', (C) => {
    const fit = fitLogistic(ref.X, ref.y, { C: Number(C) });
    near(fit.weights, ref.logistic[C]!.coef, 1e-7);
    expect(Math.abs(fit.intercept - ref.logistic[C]!.intercept)).toBeLessThan(1e-7);
    near(predictLogistic(fit, ref.X), ref.logistic[C]!.proba, 1e-7);
  });

  it('says what is wrong with the data', () => {
    expect(() => fitLogistic([[1], [2]], [0, 2])).toThrow(/label 1 is 2; labels must be 0 or 1/);
    expect(() => fitLogistic([[1], [2]], [1, 1])).toThrow(/both classes/);
    expect(() => fitLogistic([[1], [2, 3]], [0, 1])).toThrow(/row 1 has 2 features, row 0 has 1/);
    expect(() => fitLogistic([[1]], [0, 1])).toThrow(/1 rows of features but 2 labels/);
    expect(() => fitLogistic([[1], [2]], [0, 1], { C: 0 })).toThrow(/C must be > 0/);
  });
});

describe('curves', () => {
  const { scores, roc, auc, pr, ap } = ref.curves;

  it('rocCurve and rocAuc match roc_curve(drop_intermediate=False) and roc_auc_score (1e-12)', () => {
    const ours = rocCurve(ref.y, scores);
    near(ours.fpr, roc.fpr, 1e-12);
    near(ours.tpr, roc.tpr, 1e-12);
    // scikit-learn 1.2 puts max(score) + 1 first where newer versions (and we) put +∞.
    expect(ours.thresholds[0]).toBe(Infinity);
    near(ours.thresholds.slice(1), roc.thresholds.slice(1) as number[], 1e-12);
    expect(Math.abs(rocAuc(ref.y, scores) - auc)).toBeLessThan(1e-12);
  });

  it('precisionRecallCurve and averagePrecision match precision_recall_curve and average_precision_score (1e-12)', () => {
    const ours = precisionRecallCurve(ref.y, scores);
    near(ours.precision, pr.precision, 1e-12);
    near(ours.recall, pr.recall, 1e-12);
    near(ours.thresholds, pr.thresholds, 1e-12);
    expect(Math.abs(averagePrecision(ref.y, scores) - ap)).toBeLessThan(1e-12);
  });

  it('precisionAtK counts the true positives among the k highest scores', () => {
    expect(precisionAtK([0, 1, 1, 0], [0.9, 0.8, 0.1, 0.2], 2)).toBe(0.5);
    expect(() => precisionAtK([0, 1], [0.1, 0.2], 3)).toThrow(/k must be a whole number from 1 to 2/);
  });
});

describe('costThreshold', () => {
  it('picks the threshold with the lowest total cost, as counting every threshold by hand does', () => {
    const y = [1, 0, 1, 0, 0, 1, 0, 0];
    const s = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
    const costs = { falseNegative: 10, falsePositive: 1 };
    const { best, curve } = costThreshold(y, s, costs);
    // Flag at 0.3: catches all three positives, with three false alarms (0.8, 0.6, 0.4): cost 3.
    expect(best.threshold).toBe(0.3);
    expect(best.cost).toBe(3);
    expect(curve).toHaveLength(s.length + 1);
    for (const point of curve) expect(point).toEqual(outcomeAt(y, s, point.threshold, costs));
    // Missing a case is now cheaper than a false alarm: flag only the surest one (two misses, 1.0).
    const cheapMisses = costThreshold(y, s, { falseNegative: 0.5, falsePositive: 1 }).best;
    expect([cheapMisses.threshold, cheapMisses.cost]).toEqual([0.9, 1]);
    expect(() => costThreshold(y, s, { falseNegative: -1, falsePositive: 1 })).toThrow(/each a number ≥ 0/);
  });
});
