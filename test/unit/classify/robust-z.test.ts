/**
 * Robust z-scores against R (`median`, `mad`: values recorded beside each expectation) and the
 * anomaly score they give on the seeded card transactions.
 */
import { describe, expect, it } from 'vitest';
import { anomalyScore, averagePrecision, fitRobustZ, robustZ } from '../../../src/classify/index.ts';
import { cardTransactions } from '../../../src/data/card-transactions.ts';

const x = [2, 4, 4, 5, 7, 9, 10, 12, 15, 40];
const y = [1, 1, 2, 3, 5, 8, 13, 21, 34, 55];
const rows = x.map((v, i) => [v, y[i]!]);

describe('robust z-scores', () => {
  it("learn R's median() and mad() (1e-12)", () => {
    const fit = fitRobustZ(rows);
    // R 4.x: median(x) 8, mad(x) 5.9304; median(y) 6.5, mad(y) 8.1543.
    expect(fit.medians).toEqual([8, 6.5]);
    expect(fit.scales[0]).toBeCloseTo(5.9304, 12);
    expect(fit.scales[1]).toBeCloseTo(8.1543, 12);
    // R: (40 - median(x)) / mad(x) = 5.395926; (55 - median(y)) / mad(y) = 5.947782.
    const z = robustZ(fit, [[40, 55]])[0]!;
    expect(z[0]).toBeCloseTo(5.395926, 6);
    expect(z[1]).toBeCloseTo(5.947782, 6);
    expect(anomalyScore(fit, [[40, 55]])[0]).toBeCloseTo(5.947782, 6);
    expect(anomalyScore(fit, [[40, 55]], { combine: 'rms' })[0]).toBeCloseTo(
      Math.sqrt((5.395926 ** 2 + 5.947782 ** 2) / 2),
      5,
    );
  });

  it('keep a mostly constant flag finite, and say what is wrong with the input', () => {
    const fit = fitRobustZ([[0], [0], [0], [1]]);
    expect(Number.isFinite(robustZ(fit, [[1]])[0]![0]!)).toBe(true);
    expect(fitRobustZ([[3], [3]]).scales).toEqual([1]);
    expect(() => fitRobustZ([])).toThrow(/no rows/);
    expect(() => robustZ(fitRobustZ(rows), [[1]])).toThrow(/row 0 has 1 features, expected 2/);
    expect(() => anomalyScore(fitRobustZ(rows), [[1, 2]], { combine: 'sum' as 'max' })).toThrow(
      /'max' or 'rms'/,
    );
  });

  it('rank the frauds of the card transactions far above chance without a single label', () => {
    const cards = cardTransactions({ customers: 200, days: 60 });
    const features = cards.map((r) => [Math.log(r.amountRatio), r.velocity1h, r.newDevice ? 1 : 0]);
    const fit = fitRobustZ(features.slice(0, Math.floor(features.length / 2)));
    const labels = cards.map((r) => r.fraud);
    const ap = averagePrecision(labels, anomalyScore(fit, features));
    const prevalence = labels.reduce((s: number, v) => s + v, 0) / labels.length;
    // Chance is the prevalence (about 0.005); the unsupervised score does far better.
    expect(ap).toBeGreaterThan(20 * prevalence);
  });
});
