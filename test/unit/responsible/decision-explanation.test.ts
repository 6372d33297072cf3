/**
 * Per-decision explanations of a linear scorer, and permutation importance for a classifier.
 * The identity tested: for z = b + Σ wⱼxⱼ, Σⱼ wⱼ(xⱼ − x̄ⱼ) = z(x) − z(x̄) (logOdds − baseline), which
 * is also what `shap.LinearExplainer` returns for a linear model with independent features.
 */
import { describe, expect, it } from 'vitest';
import { averagePrecision, fitLogistic, predictLogistic, standardize } from '../../../src/classify/index.ts';
import { explainDecision } from '../../../src/responsible/decision-explanation.ts';
import { permutationImportance } from '../../../src/responsible/permutation-importance.ts';
import { SeededRandom } from '../../../src/stats/random.ts';

describe('explainDecision', () => {
  it('works a hand example: contributions w·(x − x̄), their sum, the score', () => {
    // z = 0.5 + 2·x₁ − 1·x₂; at x = (3, 0) against x̄ = (1, 2): 2·2 = 4 and −1·(−2) = 2,
    // z = 6.5, z(x̄) = 0.5 + 2 − 2 = 0.5, score = 1/(1 + e^−6.5) = 0.998498817743263.
    const e = explainDecision({
      fit: { weights: [2, -1], intercept: 0.5 },
      names: ['a', 'b'],
      means: [1, 2],
      row: [3, 0],
    });
    expect(e.logOdds).toBe(6.5);
    expect(e.baseline).toBe(0.5);
    expect(e.score).toBeCloseTo(0.998498817743263, 14);
    expect(e.contributions).toEqual([
      { feature: 'a', value: 3, contribution: 4 },
      { feature: 'b', value: 0, contribution: 2 },
    ]);
    expect(e.reasons).toEqual(['a = 3', 'b = 0']);
  });

  it('sums to logOdds − baseline for a fitted logistic model, and its score is predictLogistic’s', () => {
    const rng = new SeededRandom(3);
    const X = Array.from({ length: 400 }, () => [
      rng.normal(),
      rng.normal(0, 2),
      rng.uniform() < 0.3 ? 1 : 0,
    ]);
    const y = X.map((r) =>
      rng.uniform() < 1 / (1 + Math.exp(-(-1 + 1.5 * r[0]! - 0.4 * r[1]! + r[2]!))) ? 1 : 0,
    );
    const s = standardize(X);
    const Z = s.apply(X);
    const fit = fitLogistic(Z, y);
    for (const i of [0, 17, 250]) {
      const e = explainDecision({ fit, names: ['u', 'v', 'w'], means: [0, 0, 0], row: Z[i]!, values: X[i]! });
      const sum = e.contributions.reduce((t, c) => t + c.contribution, 0);
      expect(sum).toBeCloseTo(e.logOdds - e.baseline, 12);
      // Means of 0 on standardised features: the baseline is the intercept.
      expect(e.baseline).toBe(fit.intercept);
      expect(e.score).toBeCloseTo(predictLogistic(fit, [Z[i]!])[0]!, 14);
      // Values shown are the raw ones.
      expect(e.contributions.map((c) => c.value).sort()).toEqual([...X[i]!].sort());
    }
  });

  it('ranks contributions by size and gives reasons only for what raised the score, largest first', () => {
    const e = explainDecision({
      fit: { weights: [1, 1, 1, 1], intercept: 0 },
      names: ['amountRatio', 'newDevice', 'night', 'velocity'],
      means: [0, 0, 0, 0],
      row: [2, 0.5, -3, 1],
      values: [9.1, 1, 0, 4],
      phrases: {
        amountRatio: (v) => `amount ${v.toFixed(1)}× the customer's median`,
        newDevice: 'new device',
        night: 'at night',
      },
      top: 2,
    });
    expect(e.contributions.map((c) => c.feature)).toEqual(['night', 'amountRatio', 'velocity', 'newDevice']);
    expect(e.reasons).toEqual(["amount 9.1× the customer's median", 'velocity = 4']);
    const all = explainDecision({
      fit: { weights: [1, 1, 1, 1], intercept: 0 },
      names: ['a', 'b', 'c', 'd'],
      means: [0, 0, 0, 0],
      row: [2, 0.5, -3, 1],
      phrases: { b: 'new device' },
      top: 10,
    });
    expect(all.reasons).toEqual(['a = 2', 'd = 1', 'new device']);
  });

  it('says what is wrong with bad input', () => {
    const base = { fit: { weights: [1, 2], intercept: 0 }, names: ['a', 'b'], means: [0, 0], row: [1, 1] };
    expect(() => explainDecision({ ...base, names: ['a'] })).toThrow(
      /names must have one name per weight \(2\)/,
    );
    expect(() => explainDecision({ ...base, names: ['a', 'a'] })).toThrow(/distinct/);
    expect(() => explainDecision({ ...base, row: [1] })).toThrow(/row must have one number per weight/);
    expect(() => explainDecision({ ...base, means: [0, NaN] })).toThrow(/means\[1\] is NaN/);
    expect(() => explainDecision({ ...base, top: -1 })).toThrow(/top must be a whole number/);
    expect(() => explainDecision({ ...base, phrases: { c: 'x' } })).toThrow(/phrases has "c"/);
    expect(() => explainDecision({ ...base, fit: { weights: [1, 2], intercept: NaN } })).toThrow(TypeError);
  });
});

describe('permutationImportance (classifier)', () => {
  const rng = new SeededRandom(5);
  const rows = Array.from({ length: 300 }, () => [rng.normal(), rng.normal()]);
  const labels = rows.map((r) => (r[0]! + 0.5 * rng.normal() > 1 ? 1 : 0));
  const score = (X: readonly (readonly number[])[]) => X.map((r) => r[0]!);

  it('finds the feature the scorer uses and gives exactly 0 to one it ignores', () => {
    const imp = permutationImportance({
      score,
      rows,
      labels,
      names: ['x', 'noise'],
      metric: averagePrecision,
    });
    expect(imp.map((i) => i.feature)).toEqual(['x', 'noise']);
    expect(imp[0]!.baseline).toBeCloseTo(averagePrecision(labels, score(rows)), 14);
    expect(imp[0]!.drop).toBeGreaterThan(0.3);
    expect(imp[1]).toEqual({ feature: 'noise', baseline: imp[0]!.baseline, drop: 0, sd: 0 });
  });

  it('is the same for the same seed, differs for another, and leaves the rows unchanged', () => {
    const before = JSON.stringify(rows);
    const a = permutationImportance({
      score,
      rows,
      labels,
      names: ['x', 'n'],
      metric: averagePrecision,
      seed: 2,
    });
    const b = permutationImportance({
      score,
      rows,
      labels,
      names: ['x', 'n'],
      metric: averagePrecision,
      seed: 2,
    });
    const c = permutationImportance({
      score,
      rows,
      labels,
      names: ['x', 'n'],
      metric: averagePrecision,
      seed: 3,
    });
    expect(a).toEqual(b);
    expect(c[0]!.drop).not.toBe(a[0]!.drop);
    expect(JSON.stringify(rows)).toBe(before);
  });

  it('says what is wrong with bad input', () => {
    const base = { score, rows, labels, names: ['x', 'n'], metric: averagePrecision };
    expect(() => permutationImportance({ ...base, repeats: 0 })).toThrow(/repeats must be a whole number/);
    expect(() => permutationImportance({ ...base, names: ['x'] })).toThrow(/1 names for 2 feature columns/);
    expect(() => permutationImportance({ ...base, labels: [1] })).toThrow(/300 rows but 1 labels/);
    expect(() => permutationImportance({ ...base, score: () => [1] })).toThrow(
      /returned 1 scores for 300 rows/,
    );
  });
});
