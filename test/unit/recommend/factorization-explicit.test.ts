// Funk SVD and ALS-WR on ratings: recovery of a planted rank-2 matrix from 40 % of its entries,
// determinism by seed, recommendations and explanations by index, and the errors.
import { describe, expect, it } from 'vitest';
import {
  explainExplicitAls,
  explainFunkSvd,
  fitExplicitAls,
  fitFunkSvd,
  predictFunkSvd,
  recommendExplicitAls,
  recommendFunkSvd,
  scoreExplicitAls,
  scoreFunkSvd,
} from '../../../src/recommend/factorization/index.ts';
import { buildInteractions, type Interaction } from '../../../src/recommend/interactions.ts';
import { SeededRandom } from '../../../src/stats/random.ts';

interface Rating {
  u: number;
  i: number;
  r: number;
}

/** r_ui = a_uᵀ b_i with a_u, b_i ~ N(0, I₂): 40 % of the entries to train on, 10 % held out. */
function plantedRank2(seed: number, numUsers = 60, numItems = 50) {
  const rng = new SeededRandom(seed);
  const a = Array.from({ length: numUsers }, () => [rng.normal(), rng.normal()]);
  const b = Array.from({ length: numItems }, () => [rng.normal(), rng.normal()]);
  const rows: Interaction[] = [];
  const heldOut: Rating[] = [];
  for (let u = 0; u < numUsers; u++) {
    for (let i = 0; i < numItems; i++) {
      const r = a[u][0] * b[i][0] + a[u][1] * b[i][1];
      const draw = rng.uniform();
      if (draw < 0.4) rows.push({ user: `u${u}`, item: `i${i}`, value: r });
      else if (draw < 0.5) heldOut.push({ u, i, r });
    }
  }
  const users = Array.from({ length: numUsers }, (_, u) => `u${u}`);
  const items = Array.from({ length: numItems }, (_, i) => `i${i}`);
  return { train: buildInteractions(rows, { users, items }), heldOut, rows };
}

const rmse = (ratings: Rating[], predict: (u: number, i: number) => number) =>
  Math.sqrt(ratings.reduce((s, { u, i, r }) => s + (r - predict(u, i)) ** 2, 0) / ratings.length);

const { train, heldOut, rows } = plantedRank2(11);
const mean = rows.reduce((s, r) => s + (r.value ?? 0), 0) / rows.length;
const baseline = rmse(heldOut, () => mean); // ≈ 1.4: the spread of the planted ratings

describe('Funk SVD (Koren, Bell & Volinsky 2009, eq. 5)', () => {
  const options = { factors: 2, epochs: 300, learningRate: 0.02, regularization: 0.001, seed: 3 };
  const model = fitFunkSvd(train, options);

  it('recovers held-out entries of a planted rank-2 matrix: RMSE < 0.1, under a tenth of the mean predictor', () => {
    const error = rmse(heldOut, (u, i) => predictFunkSvd(model, u, i));
    expect(baseline).toBeGreaterThan(1);
    expect(error).toBeLessThan(0.1);
    expect(error).toBeLessThan(baseline / 10);
  });

  it('training RMSE falls over the epochs; μ is the mean training rating', () => {
    expect(model.rmse).toHaveLength(300);
    expect(model.rmse[299]).toBeLessThan(model.rmse[0] / 5);
    expect(model.globalMean).toBeCloseTo(mean, 12);
  });

  it('same seed → identical factors; another seed → different ones', () => {
    const again = fitFunkSvd(train, { ...options, epochs: 5 });
    expect(fitFunkSvd(train, { ...options, epochs: 5 })).toEqual(again);
    expect(fitFunkSvd(train, { ...options, epochs: 5, seed: 4 }).userFactors).not.toEqual(again.userFactors);
  });

  it('scoreFunkSvd is predictFunkSvd for every item; recommend ranks by it and leaves out the rated items', () => {
    const scores = scoreFunkSvd(model, 5);
    expect(scores[7]).toBeCloseTo(predictFunkSvd(model, 5, 7), 12);
    const list = recommendFunkSvd(model, train, 5, { k: 4 });
    const rated = new Set(train.userItems.subarray(train.userPtr[5], train.userPtr[6]));
    expect(list).toHaveLength(4);
    for (const { item, score } of list) {
      expect(rated.has(item)).toBe(false);
      expect(score).toBe(scores[item]);
    }
    const best = Math.max(...[...scores].filter((_, i) => !rated.has(i)));
    expect(list[0].score).toBe(best);
    expect(recommendFunkSvd(model, train, 5, { k: 50, exclude: 'none' })).toHaveLength(50);
  });

  it('explains by the user’s rated items nearest in factor space, most similar first', () => {
    const why = explainFunkSvd(model, train, 5, 0, { count: 2 });
    expect(why).toHaveLength(2);
    expect(why[0].similarity).toBeGreaterThanOrEqual(why[1].similarity);
    const rated = [...train.userItems.subarray(train.userPtr[5], train.userPtr[6])];
    expect(rated).toContain(why[0].item);
  });
});

describe('explicit ALS-WR (Zhou et al. 2008)', () => {
  const options = { factors: 2, iterations: 20, regularization: 0.001, seed: 3 };
  const model = fitExplicitAls(train, options);
  const predict = (u: number, i: number) => scoreExplicitAls(model, u)[i];

  it('recovers held-out entries of a planted rank-2 matrix: RMSE < 0.05', () => {
    expect(rmse(heldOut, predict)).toBeLessThan(0.05);
  });

  it('the regularised objective never increases (each half-step is an exact minimisation)', () => {
    for (let t = 1; t < model.loss.length; t++)
      expect(model.loss[t]).toBeLessThanOrEqual(model.loss[t - 1] * (1 + 1e-12));
    expect(model.rmse[model.rmse.length - 1]).toBeLessThan(0.05);
  });

  it('same seed → identical factors; another seed → different ones', () => {
    expect(fitExplicitAls(train, options)).toEqual(model);
    expect(fitExplicitAls(train, { ...options, seed: 4 }).itemFactors).not.toEqual(model.itemFactors);
  });

  it('a user with no ratings gets a zero vector, so all-zero scores', () => {
    const sparse = buildInteractions(
      [
        { user: 'a', item: 'x', value: 4 },
        { user: 'a', item: 'y', value: 2 },
      ],
      {
        users: ['a', 'b'],
      },
    );
    const m = fitExplicitAls(sparse, { factors: 2, iterations: 2 });
    expect([...scoreExplicitAls(m, 1)]).toEqual([0, 0]);
    expect(recommendExplicitAls(m, sparse, 0)).toEqual([]);
    expect(explainExplicitAls(m, sparse, 0, 0)).toEqual([{ item: 1, similarity: expect.any(Number) }]);
  });
});

describe('errors', () => {
  it('factors < 1, epochs 0, bad learning rate', () => {
    expect(() => fitFunkSvd(train, { factors: 0 })).toThrow(
      'invalid factors: 0 (must be an integer ≥ 1; 10–100 is usual)',
    );
    expect(() => fitExplicitAls(train, { factors: 1.5 })).toThrow(/invalid factors: 1.5/);
    expect(() => fitFunkSvd(train, { epochs: 0 })).toThrow(/invalid epochs: 0/);
    expect(() => fitFunkSvd(train, { learningRate: -1 })).toThrow(
      /invalid learningRate: -1 \(must be a finite number > 0/,
    );
    expect(() => fitExplicitAls(train, { regularization: 0 })).toThrow(/invalid regularization: 0/);
  });

  it('NaN ratings name the user and item', () => {
    const bad = buildInteractions([{ user: 'a', item: 'x', value: 1 }]);
    bad.userValues[0] = NaN;
    expect(() => fitFunkSvd(bad)).toThrow(
      'value NaN for user "a", item "x": Funk SVD needs finite ratings; drop or impute missing ratings first',
    );
    expect(() => fitExplicitAls(bad)).toThrow(/Explicit ALS needs finite ratings/);
  });

  it('empty ratings, a learning rate that diverges', () => {
    expect(() => fitFunkSvd(buildInteractions([]))).toThrow(/needs at least one rating/);
    expect(() => fitFunkSvd(train, { learningRate: 5, epochs: 3 })).toThrow(/diverged .*lower learningRate/);
  });

  it('unknown user index, k < 1, other interactions', () => {
    const model = fitFunkSvd(train, { factors: 2, epochs: 1 });
    expect(() => scoreFunkSvd(model, 60)).toThrow(
      'unknown user index: 60 (must be an integer in 0…59; map ids to indices with interactions.userIds.indexOf(id))',
    );
    expect(() => recommendFunkSvd(model, train, -1)).toThrow(/unknown user index: -1/);
    expect(() => recommendFunkSvd(model, train, 0, { k: 0 })).toThrow(
      'invalid k: 0 (must be an integer ≥ 1; the number of items to recommend)',
    );
    expect(() => recommendFunkSvd(model, plantedRank2(1, 60, 40).train, 0)).toThrow(
      /fitted on 60 users × 50 items but these interactions have 60 × 40/,
    );
    expect(() => explainFunkSvd(model, train, 0, 50)).toThrow(/unknown item index: 50/);
  });
});
