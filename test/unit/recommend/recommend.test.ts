import { describe, expect, it } from 'vitest';
import {
  explain,
  fitBpr,
  fitExplicitAls,
  fitFunkSvd,
  fitImplicitAls,
  fitItemKnn,
  fitPopularity,
  predictRating,
  recommend,
  recommendAll,
  topK,
  TopKHeap,
} from 'dplab/recommend';
import { fromDense } from './reference.ts';

const x = fromDense([
  [1, 1, 0, 0],
  [1, 1, 1, 0],
  [0, 1, 1, 0],
  [0, 0, 1, 1],
]);

describe('topK', () => {
  it('keeps the k best, ties to the smaller index, non-finite scores never', () => {
    expect(topK([3, 1, 3, NaN, -Infinity, Infinity, 2], 3)).toEqual([
      { index: 0, score: 3 },
      { index: 2, score: 3 },
      { index: 6, score: 2 },
    ]);
    expect(topK([1, 2], 5)).toEqual([
      { index: 1, score: 2 },
      { index: 0, score: 1 },
    ]);
    const heap = new TopKHeap(2);
    for (const [i, s] of [
      [5, 1],
      [4, 1],
      [3, 1],
    ])
      heap.push(i, s);
    expect(heap.sorted().map((e) => e.index)).toEqual([3, 4]);
    expect(heap.size).toBe(2);
  });
});

describe('recommend and recommendAll', () => {
  it('recommend for every user of the interactions by default, in order', () => {
    const all = recommendAll(fitItemKnn(x), x);
    expect(all.map((r) => r.user)).toEqual(['u0', 'u1', 'u2', 'u3']);
    expect(all[0].items).toEqual(recommend(fitItemKnn(x), x, 'u0'));
    expect(structuredClone(all)).toEqual(all);
  });

  it('rejects bad options and mismatched interactions', () => {
    const m = fitPopularity(x);
    expect(() => recommend(m, x, 'u0', { k: 0 })).toThrow('invalid k: 0 (must be an integer ≥ 1)');
    expect(() => recommend(m, x, 'u0', { exclude: JSON.parse('"bought"') })).toThrow(
      "invalid exclude: bought (must be 'seen' or 'none')",
    );
    expect(() => recommend(m, x, 'u0', { coldStart: JSON.parse('"random"') })).toThrow(
      'invalid coldStart: random',
    );
    const smaller = fromDense([[1, 1]]);
    expect(() => recommend(m, smaller, 'u0')).toThrow(
      'the popularity model was fitted on 4 items, these interactions have 2',
    );
    expect(() => recommendAll(m, x, JSON.parse('[3]'))).toThrow('user ids are strings, got number 3');
  });
});

describe('recommend, explain and predictRating with the latent-factor models', () => {
  // Two taste clusters: users 0–2 buy items 0–2, users 3–5 buy items 3–5; each user misses one.
  const clusters = fromDense([
    [1, 1, 0, 0, 0, 0],
    [1, 0, 1, 0, 0, 0],
    [0, 1, 1, 0, 0, 0],
    [0, 0, 0, 1, 1, 0],
    [0, 0, 0, 1, 0, 1],
    [0, 0, 0, 0, 1, 1],
  ]);

  it('implicit ALS and BPR recommend the missing item of the user’s own cluster, by id', () => {
    for (const model of [
      fitImplicitAls(clusters, { factors: 2, iterations: 15, seed: 1 }),
      fitBpr(clusters, { factors: 2, epochs: 400, seed: 1 }),
    ]) {
      const [top] = recommend(model, clusters, clusters.userIds[0], { k: 1 });
      expect(top.item, model.method).toBe(clusters.itemIds[2]);
      const why = explain(model, clusters, clusters.userIds[0], clusters.itemIds[2]);
      expect(why.because.map((b) => b.kind)).toEqual(why.because.map(() => 'item'));
      expect(why.because.every((b) => [clusters.itemIds[0], clusters.itemIds[1]].includes(b.id))).toBe(true);
    }
  });

  it('a user the model was not fitted on gets the documented popularity fallback, or a clear error', () => {
    const model = fitImplicitAls(clusters, { factors: 2, iterations: 5, seed: 1 });
    expect(() => recommend(model, clusters, 'nobody', { k: 2, coldStart: 'error' })).toThrow(/nobody/);
  });

  it('ALS-WR predicts the mean rating for a user with no training ratings (not 0)', () => {
    const ratings = fromDense([
      [5, 3, 0],
      [4, 0, 2],
      [0, 0, 0],
    ]);
    const model = fitExplicitAls(ratings, { factors: 2, iterations: 10, seed: 1 });
    expect(model.globalMean).toBeCloseTo(14 / 4, 12);
    expect(predictRating(model, ratings, ratings.userIds[2], ratings.itemIds[0])).toBeCloseTo(3.5, 12);
    expect(predictRating(model, ratings, ratings.userIds[0], ratings.itemIds[0])).toBeGreaterThan(3.5);
  });

  it('Funk SVD predicts ratings through predictRating', () => {
    const model = fitFunkSvd(clusters, { factors: 2, epochs: 200, seed: 1 });
    const r = predictRating(model, clusters, clusters.userIds[0], clusters.itemIds[0]);
    expect(r).toBeGreaterThan(0.5);
    expect(r).toBeLessThan(1.5);
  });
});
