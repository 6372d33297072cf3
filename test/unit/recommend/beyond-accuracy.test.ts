import { describe, expect, it } from 'vitest';
import {
  averagePopularity,
  catalogueCoverage,
  exposureGini,
  giniIndex,
  intraListDiversity,
  itemCosine,
  novelty,
} from 'dplab/recommend';
import { fromDense } from './reference.ts';

describe('beyond-accuracy measures, hand computed', () => {
  it('catalogue coverage: distinct recommended items / catalogue size', () => {
    expect(catalogueCoverage([['a', 'b'], ['b', 'c'], []], 5)).toBe(3 / 5);
    expect(catalogueCoverage([], 5)).toBe(0);
    expect(() => catalogueCoverage([], 0)).toThrow('invalid numItems: 0');
  });

  it('intra-list diversity: 1 − mean pairwise similarity', () => {
    const sim = (p: string, q: string) => ({ ab: 0.5, ac: 0.1, bc: 0.3 })[[p, q].sort().join('')] ?? 0;
    expect(intraListDiversity(['a', 'b', 'c'], sim)).toBeCloseTo(1 - 0.9 / 3, 15);
    expect(intraListDiversity(['a'], sim)).toBeNaN();
  });

  it('novelty: mean −log2 of the share of users, unseen items floored at one user', () => {
    const share = (i: string) => ({ a: 0.5, b: 0.25 })[i] ?? 0;
    expect(novelty(['a', 'b'], share, 8)).toBe(1.5);
    expect(novelty(['c'], share, 8)).toBe(3);
    expect(novelty([], share, 8)).toBeNaN();
  });

  it('average recommended popularity', () => {
    expect(averagePopularity(['a', 'b'], (i) => (i === 'a' ? 10 : 4))).toBe(7);
    expect(averagePopularity([], () => 1)).toBeNaN();
  });

  it('Gini index: Σ (2r − n − 1) x_(r) / (n Σ x)', () => {
    expect(giniIndex([1, 1, 1, 1])).toBe(0);
    expect(giniIndex([0, 0, 0, 1])).toBe(3 / 4);
    expect(giniIndex([4, 1, 3, 2])).toBe(10 / 40);
    expect(giniIndex([0, 0])).toBeNaN();
    expect(giniIndex([])).toBeNaN();
    expect(() => giniIndex([1, -1])).toThrow('value -1: the Gini index needs finite values ≥ 0');
  });

  it('Gini of exposure counts every catalogue item, unrecommended ones as 0', () => {
    // Exposure (2, 1, 0, 0): sorted (0, 0, 1, 2) → (1·1 + 3·2) / (4·3).
    expect(exposureGini([['a'], ['a'], ['b']], ['a', 'b', 'c', 'd'])).toBeCloseTo(7 / 12, 15);
    expect(() => exposureGini([['z']], ['a'])).toThrow("recommended item 'z' is not in the catalogue");
  });

  it('item cosine over the users who have both items', () => {
    const x = fromDense([
      [1, 1, 0],
      [1, 0, 0],
      [2, 2, 1],
    ]);
    const sim = itemCosine(x);
    expect(sim('i0', 'i1')).toBeCloseTo(5 / (Math.sqrt(6) * Math.sqrt(5)), 15);
    expect(sim('i1', 'i0')).toBe(sim('i0', 'i1'));
    expect(sim('i1', 'i2')).toBeCloseTo(2 / Math.sqrt(5), 15);
    expect(() => sim('i0', 'zz')).toThrow("item 'zz' is not in the interactions");
  });
});
