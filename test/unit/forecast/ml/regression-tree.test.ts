// CART and boosting against scikit-learn 1.2.1 where sklearn's result does not depend on its random
// stream (make-reference.py checks that): DecisionTreeRegressor and GradientBoostingRegressor on 200
// rows of 4 continuous features (no ties), predictions on 50 new rows; and DecisionTreeRegressor on the
// AirPassengers 12-lag design. Tolerance 1e-9 (same splits, same leaf means).
import { describe, expect, it } from 'vitest';
import { growBoost, boostDefaults } from '../../../../src/forecast/ml/gradient-boosting.ts';
import { lagDesign } from '../../../../src/forecast/ml/lag-features.ts';
import { growTree, predictTree, presortColumns } from '../../../../src/forecast/ml/regression-tree.ts';
import { SeededRandom } from '../../../../src/stats/random.ts';
import { ref, train } from './ml-reference.ts';

const { x, y, query, models } = ref.synthetic;
const ones = (n: number) => new Float64Array(n).fill(1);
const maxDiff = (a: readonly number[], b: readonly number[]) =>
  Math.max(...a.map((v, i) => Math.abs(v - b[i])));
const all = (n: number, depth = Infinity, leaf = 1) => ({
  maxDepth: depth,
  minSamplesSplit: 2,
  minSamplesLeaf: leaf,
  maxFeatures: n,
});

describe('regression tree = sklearn DecisionTreeRegressor', () => {
  // The sklearn trees whose result does not depend on random_state (the fixture keeps only those).
  const trees = { tree_depth4_leaf7: [4, 7], tree_depth6_leaf10: [6, 10] } as const;
  for (const [label, [depth, leaf]] of Object.entries(trees)) {
    it(`${label}: ${models[label].call}`, () => {
      const tree = growTree(presortColumns(x), y, ones(x.length), all(4, depth, leaf), new SeededRandom(3));
      expect(
        maxDiff(
          query.map((q) => predictTree(tree, q)),
          models[label].predict,
        ),
      ).toBeLessThan(1e-9);
    });
  }

  it('on the AirPassengers lag design (threshold midpoints between integer lags)', () => {
    const d = lagDesign(train, { period: 12 });
    for (const r of Object.values(ref.tree)) {
      const tree = growTree(presortColumns(d.rows), d.target, ones(d.rows.length), {
        ...all(12, r.params.max_depth, r.params.min_samples_leaf),
      });
      expect(tree.value).toHaveLength(r.nodes);
      expect(
        maxDiff(
          d.rows.map((row) => predictTree(tree, row)),
          r.fitted,
        ),
      ).toBeLessThan(1e-9);
    }
  });

  it('counts bootstrap repeats as weights: a row twice is a row of weight 2', () => {
    const rows = [[1], [2], [3], [4]];
    const target = [1, 2, 10, 11];
    const tree = growTree(presortColumns(rows), target, [2, 0, 1, 1], all(1, 1));
    expect(tree.threshold[0]).toBe(2); // midpoint of 1 and 3 (row 2 left out)
    expect(tree.value[0]).toBeCloseTo((2 * 1 + 10 + 11) / 4, 12);
  });
});

describe('gradient boosting = sklearn GradientBoostingRegressor', () => {
  const boosts = {
    gbt_leaf5: { minSamplesLeaf: 5 },
    gbt_leaf10: { minSamplesLeaf: 10 },
    gbt_depth2_lr03_leaf4: { trees: 60, depth: 2, learningRate: 0.3, minSamplesLeaf: 4 },
  } as const;
  for (const [label, options] of Object.entries(boosts)) {
    it(`${label}: ${models[label].call}`, () => {
      const o = { ...boostDefaults, ...options };
      const { model } = growBoost(x, y, o, 1);
      const p = query.map(
        (q) => model.init + o.learningRate * model.trees.reduce((s, t) => s + predictTree(t, q), 0),
      );
      expect(maxDiff(p, models[label].predict)).toBeLessThan(1e-9);
    });
  }
});
