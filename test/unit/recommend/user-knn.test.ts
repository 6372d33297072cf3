import { describe, expect, it } from 'vitest';
import { explain, fitUserKnn, predictRating, recommend } from 'dplab/recommend';
import { fromDense } from './reference.ts';

// User cosines by hand: s(0,1) = 2/√6, s(0,2) = 1/2, s(1,2) = 2/√6, s(1,3) = 1/√6, s(2,3) = 1/2.
const x = fromDense([
  [1, 1, 0, 0],
  [1, 1, 1, 0],
  [0, 1, 1, 0],
  [0, 0, 1, 1],
]);

describe('user-kNN', () => {
  it('stores the top-k neighbours of every user', () => {
    const m = fitUserKnn(x, { neighbours: 2 });
    const of = (u: number) => Array.from(m.lists.index.subarray(m.lists.ptr[u], m.lists.ptr[u + 1]));
    expect([of(0), of(1), of(2), of(3)]).toEqual([
      [1, 2],
      [0, 2],
      [1, 0],
      [2, 1],
    ]);
    expect(m.numUsers).toBe(4);
  });

  it('scores items by the summed similarity of the neighbours who have them', () => {
    const m = fitUserKnn(x);
    expect(recommend(m, x, 'u0')).toEqual([
      { item: 'i2', score: expect.closeTo(2 / Math.sqrt(6) + 1 / 2, 14) },
    ]);
    expect(recommend(m, x, 'u3')).toEqual([
      { item: 'i1', score: expect.closeTo(1 / 2 + 1 / Math.sqrt(6), 14) },
      { item: 'i0', score: expect.closeTo(1 / Math.sqrt(6), 14) },
    ]);
    // One neighbour: user 3's nearest is user 2 (1/2 > 1/√6), who has item 1 only besides item 2.
    expect(recommend(fitUserKnn(x, { neighbours: 1 }), x, 'u3').map((s) => s.item)).toEqual(['i1']);
  });

  it('explains by the neighbours who have the item', () => {
    expect(explain(fitUserKnn(x), x, 'u0', 'i2').because).toEqual([
      { kind: 'user', id: 'u1', weight: expect.closeTo(2 / Math.sqrt(6), 14) },
      { kind: 'user', id: 'u2', weight: expect.closeTo(0.5, 14) },
    ]);
  });

  it('predicts ratings as user mean + weighted deviations (Resnick et al. 1994, hand computed)', () => {
    const r = fromDense([
      [5, 3, 0],
      [4, 2, 5],
      [0, 1, 4],
    ]);
    // User means 4, 11/3, 2.5; s(2,1) = 22/(√17·√45), s(2,0) = 3/(√17·√34).
    const s21 = 22 / (Math.sqrt(17) * Math.sqrt(45));
    const s20 = 3 / (Math.sqrt(17) * Math.sqrt(34));
    const expected = 2.5 + (s21 * (4 - 11 / 3) + s20 * (5 - 4)) / (s21 + s20);
    expect(predictRating(fitUserKnn(r), r, 'u2', 'i0')).toBeCloseTo(expected, 13);
    expect(expected).toBeCloseTo(2.92374, 4);
  });

  it('must be used with the interactions it was fitted on', () => {
    const m = fitUserKnn(x);
    const other = fromDense([
      [1, 0, 0, 1],
      [0, 1, 0, 0],
    ]);
    expect(() => recommend(m, other, 'u0')).toThrow(
      'the user-knn model was fitted on 4 users, these interactions have 2; use the interactions it was fitted on',
    );
    expect(() => predictRating(m, x, 'u0', 'nothing')).toThrow("unknown item 'nothing'");
  });
});
