import { describe, expect, it } from 'vitest';
import { SeededRandom } from 'dplab/stats';
import {
  applyGroupThresholds,
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  equalizedOddsRatio,
  groupMetrics,
  groupThresholds,
  type Label,
} from 'dplab/responsible';

// Fairlearn's user guide, docs/user_guide/assessment/perform_fairness_assessment.rst and
// common_fairness_metrics.rst (fairlearn/fairlearn at ebf8fa75), the same 18 people in both.
const yTrue: Label[] = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
const yPred: Label[] = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
const sf = ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a', 'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c'];

describe('groupMetrics (Fairlearn user guide, MetricFrame with tpr, fpr, sel, count)', () => {
  const r = groupMetrics({ yTrue, yPred, sensitive: sf });
  it('mf.by_group: a 0.5/1.0/0.75/4, b 0.6/0.0/0.5/6, c 0.4/0.666667/0.5/8', () => {
    const byGroup = Object.fromEntries(
      r.groups.map((g) => [g.group, [g.tpr, g.fpr, g.selectionRate, g.count]]),
    );
    expect(byGroup.a).toEqual([0.5, 1, 0.75, 4]);
    expect(byGroup.b).toEqual([0.6, 0, 0.5, 6]);
    expect(byGroup.c[0]).toBeCloseTo(0.4, 15);
    expect(byGroup.c[1]).toBeCloseTo(0.666667, 6);
    expect(byGroup.c.slice(2)).toEqual([0.5, 8]);
  });
  it('mf.overall: tpr 0.5, fpr 0.666667, sel 0.555556, count 18', () => {
    expect(r.overall.tpr).toBe(0.5);
    expect(r.overall.fpr).toBeCloseTo(0.666667, 6);
    expect(r.overall.selectionRate).toBeCloseTo(0.555556, 6);
    expect(r.overall.count).toBe(18);
    // Precision and accuracy from the same confusion counts (tp 6, fp 4, tn 2, fn 6), by hand.
    expect(r.overall.precision).toBeCloseTo(0.6, 15);
    expect(r.overall.accuracy).toBeCloseTo(8 / 18, 15);
    expect([r.overall.positives, r.overall.negatives]).toEqual([12, 6]);
  });
  it('calibration by score bin: counts, mean score and share positive per bin', () => {
    const m = groupMetrics({
      yTrue: [0, 1, 1, 0, 1, 1],
      yPred: [0, 1, 1, 0, 1, 1],
      sensitive: ['x', 'x', 'x', 'y', 'y', 'y'],
      scores: [0.1, 0.15, 0.9, 0.2, 0.7, 1],
      bins: 2,
    });
    expect(m.groups[0].calibration).toEqual([
      { lower: 0, upper: 0.5, count: 2, meanScore: 0.125, positiveRate: 0.5 },
      { lower: 0.5, upper: 1, count: 1, meanScore: 0.9, positiveRate: 1 },
    ]);
    expect(m.groups[1].calibration?.[1]).toEqual({
      lower: 0.5,
      upper: 1,
      count: 2,
      meanScore: 0.85,
      positiveRate: 1,
    });
    expect(m.overall.calibration?.map((b) => b.count)).toEqual([3, 3]);
    const empty = groupMetrics({ yTrue: [1], yPred: [1], sensitive: ['x'], scores: [0.95], bins: 2 });
    expect(empty.groups[0].calibration?.[0]).toEqual({
      lower: 0,
      upper: 0.5,
      count: 0,
      meanScore: null,
      positiveRate: null,
    });
  });
  it('a group with no positives has TPR 0 and one with no negatives FPR 0 (Fairlearn TestSingleValueArrays)', () => {
    // fairlearn test_base_metrics.py: true_positive_rate(zeros, zeros) == 0, false_positive_rate(zeros, zeros) == 0.
    const m = groupMetrics({ yTrue: [0, 0, 1, 1], yPred: [0, 0, 1, 1], sensitive: ['n', 'n', 'p', 'p'] });
    expect([m.groups[0].tpr, m.groups[0].fpr, m.groups[0].positives]).toEqual([0, 0, 0]);
    expect([m.groups[1].tpr, m.groups[1].fpr, m.groups[1].negatives]).toEqual([1, 0, 0]);
    expect(m.groups[0].precision).toBe(0); // no predicted positives: scikit-learn's zero_division → 0
  });
  it('rejects mismatched lengths, empty input, bad labels and scores', () => {
    expect(() => groupMetrics({ yTrue: [0, 1], yPred: [0], sensitive: ['a', 'b'] })).toThrow(
      'groupMetrics: mismatched lengths (yTrue 2, yPred 1, sensitive 2); they must describe the same people in the same order',
    );
    expect(() => groupMetrics({ yTrue: [], yPred: [], sensitive: [] })).toThrow(/at least one observation/);
    expect(() => groupMetrics({ yTrue: [2 as never], yPred: [0], sensitive: ['a'] })).toThrow(
      /yTrue\[0\] is 2/,
    );
    expect(() => groupMetrics({ yTrue: [1], yPred: [1], sensitive: ['a'], scores: [1.2] })).toThrow(
      /scores\[0\] is 1.2/,
    );
  });
});

describe('demographic parity and equalised odds (fairlearn.metrics, user guide examples)', () => {
  it('demographic_parity_difference → 0.25, demographic_parity_ratio → 0.66666...', () => {
    expect(demographicParityDifference(yTrue, yPred, sf)).toBeCloseTo(0.25, 15);
    expect(demographicParityRatio(yTrue, yPred, sf)).toBeCloseTo(2 / 3, 15);
  });
  it('equalized_odds_difference → 1.0, equalized_odds_ratio → 0.0', () => {
    expect(equalizedOddsDifference(yTrue, yPred, sf)).toBe(1);
    expect(equalizedOddsRatio(yTrue, yPred, sf)).toBe(0);
  });
  it("method 'to_overall': mf.difference(method='to_overall') sel 0.194444, tpr 0.1, fpr 0.666667", () => {
    expect(demographicParityDifference(yTrue, yPred, sf, { method: 'to_overall' })).toBeCloseTo(0.194444, 6);
    // equalized_odds_difference = max(tpr 0.1, fpr 0.666667)
    expect(equalizedOddsDifference(yTrue, yPred, sf, { method: 'to_overall' })).toBeCloseTo(0.666667, 6);
  });
  it("method 'to_overall': mf.ratio(method='to_overall') sel 0.740741, tpr 0.8, fpr 0.0", () => {
    expect(demographicParityRatio(yTrue, yPred, sf, { method: 'to_overall' })).toBeCloseTo(0.740741, 6);
    expect(equalizedOddsRatio(yTrue, yPred, sf, { method: 'to_overall' })).toBe(0);
    expect(equalizedOddsRatio(yTrue, yPred, sf, { method: 'to_overall', agg: 'mean' })).toBeCloseTo(0.4, 15);
  });
  it("agg 'mean': the mean of mf.difference() tpr 0.20 and fpr 1.00 → 0.6; of mf.ratio() 0.666667 and 0 → 0.333333", () => {
    expect(equalizedOddsDifference(yTrue, yPred, sf, { agg: 'mean' })).toBeCloseTo(0.6, 15);
    expect(equalizedOddsRatio(yTrue, yPred, sf, { agg: 'mean' })).toBeCloseTo(1 / 3, 15);
  });
  it('a ratio whose largest rate is 0 is NaN (0/0, as pandas gives it)', () => {
    expect(demographicParityRatio([0, 1], [0, 0], ['a', 'b'])).toBeNaN();
    expect(demographicParityDifference([0, 1], [0, 0], ['a', 'b'])).toBe(0);
  });
  it('accepts booleans; rejects bad options and mismatched lengths', () => {
    expect(demographicParityDifference([true, false], [true, false], ['a', 'b'])).toBe(1);
    expect(() => equalizedOddsDifference(yTrue, yPred, sf, { agg: 'worst' as never })).toThrow(
      "invalid agg: worst (must be 'worst_case' or 'mean')",
    );
    expect(() => demographicParityRatio(yTrue, yPred, sf, { method: 'overall' as never })).toThrow(
      /invalid method/,
    );
    expect(() => demographicParityDifference(yTrue, yPred, sf.slice(1))).toThrow(/mismatched lengths/);
  });
});

describe('groupThresholds', () => {
  it('hand example: target TPR 0.5 picks each group’s 2nd-highest positive score', () => {
    const r = groupThresholds({
      yTrue: [1, 1, 1, 1, 0, 1, 1, 1, 1, 0],
      scores: [0.9, 0.8, 0.7, 0.6, 0.65, 0.5, 0.4, 0.3, 0.2, 0.1],
      sensitive: ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'],
      targets: [0.5],
    });
    expect(r.settings[0].thresholds).toEqual({ a: 0.8, b: 0.4 });
    expect(r.settings[0].groups.map((g) => g.tpr)).toEqual([0.5, 0.5]);
    expect(r.settings[0].disparity).toBe(0);
    // Baseline 0.5: a predicts 1 for its four ≥ 0.5 positives and the 0.65 negative; b only for 0.5.
    expect(r.baseline.groups.map((g) => g.tpr)).toEqual([1, 0.25]);
    expect(r.baseline.accuracy).toBeCloseTo(6 / 10, 15);
    // With thresholds a 0.8, b 0.4: correct are a 0.9, 0.8, the 0.65 negative; b 0.5, 0.4, the 0.1 negative.
    expect(r.settings[0].accuracy).toBeCloseTo(6 / 10, 15);
    expect(r.settings[0].accuracyCost).toBeCloseTo(0, 15);
    expect(applyGroupThresholds([0.85, 0.45], ['a', 'b'], r.settings[0].thresholds)).toEqual([1, 1]);
  });
  it('on seeded synthetic scores: every setting equalises TPR up to one positive, and costs accuracy', () => {
    const random = new SeededRandom(31);
    const n = 4000;
    const sensitive = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'minority' : 'majority'));
    const yTrue = sensitive.map(() => (random.uniform() < 0.4 ? 1 : 0) as Label);
    // The minority's scores are shifted down: at one threshold it gets a lower TPR.
    const scores = yTrue.map((y, i) => {
      const z = (y === 1 ? 1 : -1) + random.normal() - (sensitive[i] === 'minority' ? 0.8 : 0);
      return 1 / (1 + Math.exp(-z));
    });
    const r = groupThresholds({ yTrue, scores, sensitive });
    expect(r.settings).toHaveLength(19);
    expect(r.baseline.disparity).toBeGreaterThan(0.2);
    const positives = Math.min(
      ...['majority', 'minority'].map((g) => yTrue.filter((y, i) => y === 1 && sensitive[i] === g).length),
    );
    for (const s of r.settings) {
      for (const g of s.groups) expect(g.tpr).toBeGreaterThanOrEqual(s.target! - 1e-12);
      expect(s.disparity).toBeLessThanOrEqual(1 / positives + 1e-12); // no tied scores: within one positive
      expect(s.accuracyCost).toBeCloseTo(r.baseline.accuracy - s.accuracy, 15);
    }
    expect(r.best.accuracy).toBe(Math.max(...r.settings.map((s) => s.accuracy)));
    // Applying the reported thresholds reproduces the setting's metrics.
    const yPred = applyGroupThresholds(scores, sensitive, r.best.thresholds);
    expect(equalizedOddsDifference(yTrue, yPred, sensitive)).toBeCloseTo(r.best.equalizedOddsDifference, 15);
    expect(demographicParityDifference(yTrue, yPred, sensitive)).toBeCloseTo(
      r.best.demographicParityDifference,
      15,
    );
  });
  it("equalise 'selectionRate' gives every group the target selection rate", () => {
    const random = new SeededRandom(5);
    const sensitive = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 'x' : 'y'));
    const scores = sensitive.map((g) => random.uniform() * (g === 'x' ? 0.6 : 1));
    const yTrue = scores.map((s) => (random.uniform() < s ? 1 : 0) as Label);
    const r = groupThresholds({ yTrue, scores, sensitive, equalise: 'selectionRate', targets: [0.2, 0.5] });
    for (const s of r.settings) {
      for (const g of s.groups)
        expect(Math.abs(g.selectionRate - s.target!)).toBeLessThanOrEqual(1 / g.count + 1e-12);
    }
  });
  it('rejects bad input', () => {
    expect(() => groupThresholds({ yTrue: [1], scores: [0.5, 0.2], sensitive: ['a'] })).toThrow(
      /mismatched lengths/,
    );
    expect(() =>
      groupThresholds({ yTrue: [1], scores: [0.5], sensitive: ['a'], equalise: 'fpr' as never }),
    ).toThrow(/invalid equalise: fpr/);
    expect(() => groupThresholds({ yTrue: [1], scores: [0.5], sensitive: ['a'], targets: [1.5] })).toThrow(
      /invalid targets/,
    );
    expect(() => applyGroupThresholds([0.3], ['z'], { a: 0.5 })).toThrow(
      /no threshold for group "z"; the groups with one are "a"/,
    );
  });
});
