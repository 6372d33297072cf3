// Weighted and switching hybrids of score vectors (Burke 2002), and the score normalisations.
import { describe, expect, it } from 'vitest';
import {
  fitImplicitAls,
  recommendFromScores,
  scoreImplicitAls,
} from '../../../src/recommend/factorization/index.ts';
import { blendSwitching, blendWeighted, normalizeScores } from '../../../src/recommend/hybrid-weighted.ts';
import { buildInteractions } from '../../../src/recommend/interactions.ts';

describe('normalizeScores', () => {
  it('minmax: (1, 3, 5) → (0, 0.5, 1); a constant vector → 0', () => {
    expect([...normalizeScores([1, 3, 5])]).toEqual([0, 0.5, 1]);
    expect([...normalizeScores([2, 2], 'minmax')]).toEqual([0, 0]);
  });

  it('zscore: R scale(c(1, 3, 5)) → (−1, 0, 1); one score → 0', () => {
    expect([...normalizeScores([1, 3, 5], 'zscore')]).toEqual([-1, 0, 1]);
    expect([...normalizeScores([7], 'zscore')]).toEqual([0]);
  });

  it('rank: R (rank(c(10, 20, 20, 5)) − 1)/3 → (1/3, 5/6, 5/6, 0), ties sharing their mean rank', () => {
    const r = normalizeScores([10, 20, 20, 5], 'rank');
    [1 / 3, 5 / 6, 5 / 6, 0].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 15));
    expect([...normalizeScores([4], 'rank')]).toEqual([0]);
  });

  it('none copies; empty stays empty; extreme magnitudes keep their order', () => {
    const raw = [3, -1];
    const out = normalizeScores(raw, 'none');
    expect([...out]).toEqual(raw);
    expect(normalizeScores([], 'zscore')).toHaveLength(0);
    expect([...normalizeScores([1e300, -1e300, 0])]).toEqual([1, 0, 0.5]);
  });

  it('rejects NaN and ±∞ with the position, and unknown methods', () => {
    expect(() => normalizeScores([1, NaN])).toThrow(
      'scores[1] is NaN: blending needs finite scores; pass the raw scores and exclude seen items after blending',
    );
    expect(() => blendWeighted([[1], [-Infinity]])).toThrow(/component 1\[0\] is -Infinity/);
    // @ts-expect-error: not a normalisation
    expect(() => normalizeScores([1, 2], 'softmax')).toThrow(/invalid normalization: softmax/);
  });
});

describe('blendWeighted', () => {
  it('(3·minmax(1, 2, 3) + minmax(30, 10, 20))/4 = (0.25, 0.375, 0.875)', () => {
    const s = blendWeighted(
      [
        [1, 2, 3],
        [30, 10, 20],
      ],
      { weights: [3, 1] },
    );
    [0.25, 0.375, 0.875].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 15));
  });

  it('equal weights on ranks is a Borda count; a zero weight ignores its component', () => {
    const borda = blendWeighted(
      [
        [3, 2, 1],
        [1, 3, 2],
      ],
      { normalization: 'rank' },
    );
    expect([...borda]).toEqual([0.5, 0.75, 0.25]);
    expect([
      ...blendWeighted(
        [
          [1, 2],
          [9, 1],
        ],
        { weights: [1, 0] },
      ),
    ]).toEqual([0, 1]);
  });

  it('blends implicit ALS with popularity; the result recommends through recommendFromScores', () => {
    const x = buildInteractions([
      { user: 'a', item: 'p' },
      { user: 'a', item: 'q' },
      { user: 'b', item: 'p' },
      { user: 'b', item: 'r' },
      { user: 'c', item: 's' },
    ]);
    const als = fitImplicitAls(x, { factors: 2, iterations: 5, alpha: 1, regularization: 0.1 });
    const popularity = Array.from({ length: 4 }, (_, i) => x.itemPtr[i + 1] - x.itemPtr[i]);
    const blended = blendWeighted([scoreImplicitAls(als, 2), popularity], { weights: [1, 1] });
    const list = recommendFromScores(blended, x, 2, { k: 3 });
    expect(list.map((r) => x.itemIds[r.item])).not.toContain('s');
    expect(list).toHaveLength(3);
    expect(x.itemIds[list[0].item]).toBe('p'); // the most popular item wins when c's factors say little
  });

  it('errors: no components, different lengths, weights', () => {
    expect(() => blendWeighted([])).toThrow('no components: pass one score vector per recommender');
    expect(() => blendWeighted([[1, 2], [1]])).toThrow(/component 1 scores 1 items but component 0 scores 2/);
    expect(() => blendWeighted([[1], [2]], { weights: [1] })).toThrow(
      '1 weights for 2 components; give one weight per component',
    );
    expect(() => blendWeighted([[1], [2]], { weights: [0, 0] })).toThrow(/invalid weights: \[0, 0\]/);
    expect(() => blendWeighted([[1], [2]], { weights: [1, -1] })).toThrow(
      /must be finite, ≥ 0 and not all 0/,
    );
  });
});

describe('blendSwitching', () => {
  const popularity = [5, 1, 3];
  const factors = [0.1, 0.9, 0.2];
  const options = { minHistory: [0, 5] };

  it('a new user (history 0) and a light one (4) get component 0; from 5 on, component 1', () => {
    expect(blendSwitching([popularity, factors], { ...options, history: 0 })).toEqual({
      scores: Float64Array.from(popularity),
      component: 0,
    });
    expect(blendSwitching([popularity, factors], { ...options, history: 4 }).component).toBe(0);
    const heavy = blendSwitching([popularity, factors], { ...options, history: 5 });
    expect(heavy.component).toBe(1);
    expect([...heavy.scores]).toEqual(factors);
    heavy.scores[0] = 99;
    expect(factors[0]).toBe(0.1); // a copy
  });

  it('errors: history, minHistory', () => {
    expect(() => blendSwitching([popularity], { history: -1, minHistory: [0] })).toThrow(
      /invalid history: -1/,
    );
    expect(() => blendSwitching([popularity, factors], { history: 1, minHistory: [1, 5] })).toThrow(
      /invalid minHistory: \[1,5\] \(one integer per component, increasing, the first 0/,
    );
    expect(() => blendSwitching([popularity, factors], { history: 1, minHistory: [0, 5, 9] })).toThrow(
      /invalid minHistory/,
    );
    expect(() => blendSwitching([popularity, factors], { history: 1, minHistory: [0, -1] })).toThrow(
      /invalid minHistory/,
    );
  });
});
