import { describe, expect, it } from 'vitest';
import { byItem, byUser, neighbourLists, pairSimilarity, type SimilarityMeasure } from 'dplab/recommend';
import { fromDense, reference } from './reference.ts';

const ref = reference.similarity;
const x = fromDense(ref.ratings);
const items = byItem(x);
const users = byUser(x);
const measures: [SimilarityMeasure, (number | null)[][]][] = [
  ['cosine', ref.cosine.values],
  ['pearson', ref.pearson.values],
  ['adjusted-cosine', ref.adjustedCosine.values],
];

/** The dense similarity matrix implied by neighbour lists (0 where a pair is not listed). */
function listed(lists: ReturnType<typeof neighbourLists>, n: number): number[][] {
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let a = 0; a < n; a++) {
    for (let p = lists.ptr[a]; p < lists.ptr[a + 1]; p++) m[a][lists.index[p]] = lists.weight[p];
  }
  return m;
}

describe('item similarities on a 6 × 5 rating matrix', () => {
  for (const [measure, expected] of measures) {
    it(`${measure} matches ${measure === 'cosine' ? 'sklearn cosine_similarity(R.T)' : 'the numpy reference (co-rated users)'}`, () => {
      for (let i = 0; i < 5; i++) {
        for (let j = 0; j < 5; j++) {
          if (i === j) continue;
          expect(pairSimilarity(items, users, i, j, { similarity: measure })).toBeCloseTo(
            expected[i][j] ?? NaN,
            12,
          );
        }
      }
      // The sparse walk gives the same values; only positive similarities are listed.
      const got = listed(neighbourLists(items, users, { similarity: measure, neighbours: 4 }), 5);
      for (let i = 0; i < 5; i++) {
        for (let j = 0; j < 5; j++) {
          const e = expected[i][j] ?? 0;
          expect(got[i][j]).toBeCloseTo(i !== j && e > 0 ? e : 0, 12);
        }
      }
    });
  }

  it('user cosine matches sklearn cosine_similarity(R)', () => {
    const got = listed(neighbourLists(users, items, { neighbours: 5 }), 6);
    for (let u = 0; u < 6; u++) {
      for (let v = 0; v < 6; v++)
        expect(got[u][v]).toBeCloseTo(u === v ? 0 : (ref.userCosine.values[u][v] ?? 0), 12);
    }
  });

  it('shrinks by n / (n + λ), n the co-rated users (Koren 2008)', () => {
    const lists = listed(neighbourLists(items, users, { neighbours: 4, shrinkage: 2 }), 5);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        if (i === j) continue;
        const n = ref.overlap[i][j];
        const e = ((ref.cosine.values[i][j] ?? 0) * n) / (n + 2);
        expect(lists[i][j]).toBeCloseTo(e, 12);
        expect(pairSimilarity(items, users, i, j, { shrinkage: 2 })).toBeCloseTo(e, 12);
      }
    }
  });

  it('keeps the k most similar, best first, ties to the smaller index', () => {
    const lists = neighbourLists(items, users, { neighbours: 2 });
    // Item 0: cosine 0.688 with item 4, 0.632 with item 1 (sklearn values above).
    expect(Array.from(lists.index.subarray(lists.ptr[0], lists.ptr[1]))).toEqual([4, 1]);
    const tie = fromDense([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    const t = neighbourLists(byItem(tie), byUser(tie), { neighbours: 1 });
    expect(Array.from(t.index)).toEqual([1, 0, 0]);
    expect(Array.from(t.weight)).toEqual([1, 1, 1].map((v) => expect.closeTo(v, 14)));
  });

  it('gives 0 for centred measures on 0/1 data and for vectors without overlap', () => {
    const binary = fromDense([
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
    for (const similarity of ['pearson', 'adjusted-cosine'] as const) {
      expect(pairSimilarity(byItem(binary), byUser(binary), 0, 1, { similarity })).toBe(0);
      expect(neighbourLists(byItem(binary), byUser(binary), { similarity }).index.length).toBe(0);
    }
    expect(pairSimilarity(byItem(binary), byUser(binary), 0, 2)).toBe(0);
  });

  it('rejects bad options', () => {
    expect(() => neighbourLists(items, users, { neighbours: 0 })).toThrow(
      'invalid neighbours: 0 (must be an integer ≥ 1',
    );
    expect(() => neighbourLists(items, users, { shrinkage: -1 })).toThrow('invalid shrinkage: -1');
    expect(() => neighbourLists(items, users, { similarity: JSON.parse('"jaccard"') })).toThrow(
      "invalid similarity: jaccard (must be 'cosine', 'pearson' or 'adjusted-cosine')",
    );
  });
});
