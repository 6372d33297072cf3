import { describe, expect, it } from 'vitest';
import { explain, fitItemKnn, predictRating, recommend, recommendAll } from 'dplab/recommend';
import { fromDense } from './reference.ts';

// Four users, four items (1 = bought). Item cosines by hand: s(0,1) = 2/√6, s(0,2) = 1/√6,
// s(1,2) = 2/3, s(2,3) = 1/√3; items 0 and 1 share no user with item 3.
const x = fromDense([
  [1, 1, 0, 0],
  [1, 1, 1, 0],
  [0, 1, 1, 0],
  [0, 0, 1, 1],
]);

describe('item-kNN', () => {
  it('stores the top-k neighbours of every item', () => {
    const m = fitItemKnn(x, { neighbours: 3 });
    const of = (i: number) => Array.from(m.lists.index.subarray(m.lists.ptr[i], m.lists.ptr[i + 1]));
    expect([of(0), of(1), of(2), of(3)]).toEqual([[1, 2], [0, 2], [1, 3, 0], [2]]);
    expect(m.lists.weight[0]).toBeCloseTo(2 / Math.sqrt(6), 14);
    expect(structuredClone(m)).toEqual(m);
  });

  it('scores unseen items by the summed similarity to the user’s items (Deshpande & Karypis 2004)', () => {
    const m = fitItemKnn(x);
    const r = recommend(m, x, 'u0', { k: 5 });
    // Item 2: s(0,2) + s(1,2) = 1/√6 + 2/3; item 3 is in no neighbour list of items 0 and 1.
    expect(r.map((s) => s.item)).toEqual(['i2']);
    expect(r[0].score).toBeCloseTo(1 / Math.sqrt(6) + 2 / 3, 14);
    const u3 = recommend(m, x, 'u3');
    expect(u3.map((s) => s.item)).toEqual(['i1', 'i0']);
    expect(u3.map((s) => s.score)).toEqual([2 / 3, 1 / Math.sqrt(6)].map((v) => expect.closeTo(v, 14)));
  });

  it('uses only the k nearest neighbours of each consumed item', () => {
    const m = fitItemKnn(x, { neighbours: 1 });
    // N(2) = {1}, N(3) = {2} (seen): user 3 gets item 1 only.
    expect(recommend(m, x, 'u3')).toEqual([{ item: 'i1', score: expect.closeTo(2 / 3, 14) }]);
  });

  it("keeps seen items with exclude: 'none'", () => {
    const r = recommend(fitItemKnn(x), x, 'u0', { exclude: 'none' });
    expect(r.map((s) => s.item)).toEqual(['i2', 'i0', 'i1']);
    expect(r[1].score).toBeCloseTo(2 / Math.sqrt(6), 14);
  });

  it('explains a recommendation by the consumed items that contributed', () => {
    const e = explain(fitItemKnn(x), x, 'u0', 'i2');
    expect(e.score).toBeCloseTo(1 / Math.sqrt(6) + 2 / 3, 14);
    expect(e.because).toEqual([
      { kind: 'item', id: 'i1', weight: expect.closeTo(2 / 3, 14) },
      { kind: 'item', id: 'i0', weight: expect.closeTo(1 / Math.sqrt(6), 14) },
    ]);
    expect(explain(fitItemKnn(x), x, 'u0', 'i2', { n: 1 }).because).toHaveLength(1);
  });

  it('predicts ratings as item mean + weighted deviations (hand computed)', () => {
    const r = fromDense([
      [5, 3, 0],
      [4, 2, 5],
      [0, 1, 4],
    ]);
    const m = fitItemKnn(r);
    // Item means 4.5, 2, 4.5; s(2,1) = 14/(√14·√41), s(2,0) = 20/41.
    const s21 = 14 / (Math.sqrt(14) * Math.sqrt(41));
    const s20 = 20 / 41;
    const expected = 4.5 + (s21 * (3 - 2) + s20 * (5 - 4.5)) / (s21 + s20);
    expect(predictRating(m, r, 'u0', 'i2')).toBeCloseTo(expected, 13);
    expect(expected).toBeCloseTo(5.27251, 4);
  });

  it('falls back to popularity for users without history, or throws when asked to', () => {
    const y = fromDense([
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
    const m = fitItemKnn(y);
    const all = recommendAll(m, y, ['u2', 'nobody', 'u0'], { k: 2 });
    expect(all.map((r) => r.coldStart)).toEqual([true, true, false]);
    expect(all[0].items).toEqual([
      { item: 'i1', score: 2 },
      { item: 'i0', score: 1 },
    ]);
    expect(all[2].items.map((s) => s.item)).toEqual(['i2']);
    expect(() => recommend(m, y, 'u2', { coldStart: 'error' })).toThrow(
      "user 'u2' has no history (cold start); pass { coldStart: 'popularity' }",
    );
    expect(() => recommend(m, y, 'nobody', { coldStart: 'error' })).toThrow("unknown user 'nobody'");
    expect(() => explain(m, y, 'u2', 'i0')).toThrow("user 'u2' has no history");
  });
});
