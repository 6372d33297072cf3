import { describe, expect, it } from 'vitest';
import { evaluate, evaluateRatings, fitItemKnn, fitPopularity, predictRating, rmse } from 'dplab/recommend';
import { fromDense } from './reference.ts';

// Train: u0 has i0, i1; u1 has i0; u2 nothing (cold); u3 has i0, i1, i2. Test: u0 i2 (5), i3 (2); u1 i1; u2 i0.
const train = fromDense([
  [1, 1, 0, 0, 0],
  [1, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [1, 1, 1, 0, 0],
]);
const test = fromDense([
  [0, 0, 5, 2, 0],
  [0, 4, 0, 0, 0],
  [3, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
]);
const lists = [
  { user: 'u0', items: [{ item: 'i2' }, { item: 'i4' }, { item: 'i3' }] },
  { user: 'u1', items: [{ item: 'i2' }, { item: 'i1' }] },
  { user: 'u3', items: [{ item: 'i4' }] },
];
const ndcgU0 = 1 / (1 + 1 / Math.log2(3));
const ndcgU1 = 1 / Math.log2(3);

describe('evaluate', () => {
  it('averages accuracy over the test users, a missing list counting as empty (hand computed)', () => {
    const e = evaluate(lists, test, train, { k: 2 });
    expect(e.k).toBe(2);
    expect(e.users).toBe(3);
    expect(e.missing).toBe(1);
    expect(e.precision).toBeCloseTo(1 / 3, 15);
    expect(e.recall).toBeCloseTo(0.5, 15);
    expect(e.hitRate).toBeCloseTo(2 / 3, 15);
    expect(e.ndcg).toBeCloseTo((ndcgU0 + ndcgU1) / 3, 15);
    expect(e.map).toBeCloseTo(1 / 3, 15);
    expect(e.mrr).toBeCloseTo(0.5, 15);
  });

  it('measures coverage, diversity, novelty, popularity and exposure of the truncated lists', () => {
    const e = evaluate(lists, test, train, { k: 2 });
    // Lists u0 [i2, i4], u1 [i2, i1], u2 []: items i1, i2, i4 of 5.
    expect(e.coverage).toBe(3 / 5);
    // Train users per item: i0 3, i1 2, i2 1, i3 0, i4 0 (of 4 users); cos(i2, i1) = 1/√2, cos(i2, i4) = 0.
    expect(e.diversity).toBeCloseTo((1 + (1 - Math.SQRT1_2)) / 2, 15);
    expect(e.novelty).toBeCloseTo((2 + 1.5) / 2, 15);
    expect(e.popularity).toBeCloseTo((0.5 + 1.5) / 2, 15);
    // Exposure (0, 1, 2, 0, 1): sorted (0, 0, 1, 1, 2) → (0·1 + 2·1 + 4·2) / (5·4).
    expect(e.exposureGini).toBeCloseTo(0.5, 15);
  });

  it('reports the same per activity group: cold, then thirds of train history', () => {
    const e = evaluate(lists, test, train, { k: 2 });
    expect(Object.keys(e.groups)).toEqual(['cold', 'medium', 'heavy']);
    expect(e.groups.cold).toMatchObject({ users: 1, missing: 1, precision: 0, recall: 0 });
    expect(e.groups.medium).toMatchObject({ users: 1, precision: 0.5, recall: 1, mrr: 0.5 });
    expect(e.groups.heavy.ndcg).toBeCloseTo(ndcgU0, 15);
    const byName = evaluate(lists, test, train, { k: 2, groups: (u) => (u === 'u0' ? 'a' : 'b') });
    expect(Object.keys(byName.groups)).toEqual(['a', 'b']);
    expect(byName.groups.b.users).toBe(2);
  });

  it('counts as relevant only test values ≥ relevance, and uses a given similarity', () => {
    const e = evaluate(lists, test, train, { k: 2, relevance: 4, similarity: () => 0.25 });
    // Relevant: u0 {i2}, u1 {i1}; u2's rating 3 is not relevant, so u2 is not evaluated.
    expect(e.users).toBe(2);
    expect(e.recall).toBe(1);
    expect(e.diversity).toBe(0.75);
  });

  it('needs one item list for train and test, and a valid k', () => {
    const other = fromDense([[1, 1]]);
    expect(() => evaluate(lists, other, train)).toThrow('test and train have different item lists');
    expect(() => evaluate(lists, test, train, { k: 0 })).toThrow('invalid k: 0');
    expect(() => evaluate([{ user: 'u0', items: [{ item: 'zz' }] }], test, train)).toThrow(
      "recommended item 'zz' is not in the catalogue",
    );
  });
});

describe('evaluateRatings', () => {
  it('is the RMSE and MAE of the model’s predictions of the test ratings', () => {
    const ratings = fromDense([
      [5, 3, 0, 4],
      [4, 2, 5, 0],
      [1, 1, 4, 2],
    ]);
    const heldOut = fromDense([
      [0, 0, 4, 0],
      [0, 0, 0, 3],
      [0, 0, 0, 0],
    ]);
    const m = fitItemKnn(ratings);
    const p = [predictRating(m, ratings, 'u0', 'i2'), predictRating(m, ratings, 'u1', 'i3')];
    const r = evaluateRatings(m, ratings, heldOut);
    expect(r.n).toBe(2);
    expect(r.rmse).toBeCloseTo(rmse([4, 3], p), 15);
    expect(r.mae).toBeCloseTo((Math.abs(4 - p[0]) + Math.abs(3 - p[1])) / 2, 15);
    expect(() => evaluateRatings(fitPopularity(ratings), ratings, heldOut)).toThrow(
      'popularity models predict no ratings',
    );
  });
});
