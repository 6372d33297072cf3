import { describe, expect, it } from 'vitest';
import {
  averagePrecisionAtK,
  hitRateAtK,
  mae,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  reciprocalRank,
  rmse,
} from 'dplab/recommend';
import { reference } from './reference.ts';

const list = ['a', 'b', 'c', 'd', 'e'];
const relevant = new Set(['b', 'e', 'x']);

describe('ranking metrics, hand computed', () => {
  it('precision, recall and hit rate at k', () => {
    expect(precisionAtK(list, relevant, 5)).toBe(2 / 5);
    expect(precisionAtK(list, relevant, 2)).toBe(1 / 2);
    // A list shorter than k still divides by k.
    expect(precisionAtK(['b'], relevant, 4)).toBe(1 / 4);
    expect(recallAtK(list, relevant, 5)).toBe(2 / 3);
    expect(recallAtK(list, ['b', 'e', 'x'], 1)).toBe(0);
    expect(hitRateAtK(list, relevant, 1)).toBe(0);
    expect(hitRateAtK(list, relevant, 2)).toBe(1);
  });

  it('NDCG@k with binary relevance and a log2(rank + 1) discount', () => {
    // Hits at ranks 2 and 5; the ideal list has 3 relevant items on top.
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(6);
    expect(ndcgAtK(list, relevant, 5)).toBeCloseTo(dcg / (1 + 1 / Math.log2(3) + 1 / Math.log2(4)), 15);
    // At k = 1 the ideal list has one item.
    expect(ndcgAtK(['b', 'a'], relevant, 1)).toBe(1);
    expect(ndcgAtK(['a', 'b'], relevant, 1)).toBe(0);
  });

  it('AP@k divides by min(k, |relevant|) (ml_metrics apk); reciprocal rank of the first hit', () => {
    expect(averagePrecisionAtK(list, relevant, 5)).toBeCloseTo((1 / 2 + 2 / 5) / 3, 15);
    expect(averagePrecisionAtK(list, relevant, 2)).toBeCloseTo(1 / 2 / 2, 15);
    expect(averagePrecisionAtK(['b', 'e'], ['b', 'e'], 10)).toBe(1);
    expect(reciprocalRank(list, relevant)).toBe(1 / 2);
    expect(reciprocalRank(list, relevant, 1)).toBe(0);
    expect(reciprocalRank([], relevant)).toBe(0);
  });

  it('returns NaN without relevant items, where the measure is undefined', () => {
    expect(recallAtK(list, [], 5)).toBeNaN();
    expect(ndcgAtK(list, [], 5)).toBeNaN();
    expect(averagePrecisionAtK(list, [], 5)).toBeNaN();
    expect(reciprocalRank(list, [])).toBeNaN();
    expect(precisionAtK(list, [], 5)).toBe(0);
  });

  it('rejects bad k and repeated items', () => {
    expect(() => precisionAtK(list, relevant, 0)).toThrow('invalid k: 0 (must be an integer ≥ 1)');
    expect(() => ndcgAtK(list, relevant, 2.5)).toThrow('invalid k: 2.5');
    expect(() => recallAtK(['a', 'b', 'a'], relevant, 3)).toThrow("the list repeats 'a' (rank 3)");
  });
});

describe('ranking metrics against scikit-learn', () => {
  // Reference: sklearn-reference.json; the recommended items get descending scores, the others 0.
  for (const c of reference.ndcg) {
    it(`ndcg_score([y_true], [y_score], k=${c.k}) for relevant ${c.relevant.join(',')}`, () => {
      expect(ndcgAtK(c.recommended, c.relevant, c.k)).toBeCloseTo(c.ndcg, 14);
    });
  }
  // average_precision_score on a ranking of all 10 items equals AP@10.
  for (const c of reference.averagePrecision) {
    it(`average_precision_score(y_true, y_score) for relevant ${c.relevant.join(',')}`, () => {
      expect(averagePrecisionAtK(c.ranking, c.relevant, 10)).toBeCloseTo(c.ap, 14);
    });
  }
});

describe('rating errors', () => {
  it('RMSE and MAE by hand', () => {
    expect(rmse([3, 4, 5], [2.5, 4, 6])).toBeCloseTo(Math.sqrt(1.25 / 3), 15);
    expect(mae([3, 4, 5], [2.5, 4, 6])).toBe(0.5);
    expect(rmse([4], [4])).toBe(0);
  });

  it('rejects empty, unequal and non-finite input', () => {
    expect(() => rmse([], [])).toThrow('no ratings');
    expect(() => mae([1, 2], [1])).toThrow('actual and predicted differ in length (2 and 1)');
    expect(() => rmse([1, NaN], [1, 2])).toThrow('pair 2 is (NaN, 2)');
  });
});
