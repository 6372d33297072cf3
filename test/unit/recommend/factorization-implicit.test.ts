// Implicit ALS and BPR on implicit feedback: planted clusters of users and items, one held-out item
// per user, ranked against the items the user never touched; determinism by seed, the CG and exact
// solvers agreeing, recommendations and explanations by index, and the errors.
import { describe, expect, it } from 'vitest';
import {
  explainBpr,
  explainImplicitAls,
  fitBpr,
  fitImplicitAls,
  implicitAlsDefaults,
  recommendBpr,
  recommendImplicitAls,
  scoreBpr,
  scoreImplicitAls,
} from '../../../src/recommend/factorization/index.ts';
import {
  buildInteractions,
  type Interaction,
  type Interactions,
} from '../../../src/recommend/interactions.ts';
import { positiveIndex, sampleNegative } from '../../../src/recommend/factorization/triple-sampler.ts';
import { SeededRandom } from '../../../src/stats/random.ts';

/**
 * 3 clusters of 30 users and 20 items. Each user buys 8 items of its own cluster (counts 1–3) and
 * one elsewhere; one own-cluster purchase per user is held out.
 */
function plantedClusters(seed: number) {
  const rng = new SeededRandom(seed);
  const clusters = 3;
  const usersPer = 30;
  const itemsPer = 20;
  const rows: Interaction[] = [];
  const heldOut: number[] = [];
  const pick = (n: number, from: number, size: number) => {
    const pool = Array.from({ length: size }, (_, t) => from + t);
    for (let t = 0; t < n; t++) {
      const s = t + Math.floor(rng.uniform() * (size - t));
      [pool[t], pool[s]] = [pool[s], pool[t]];
    }
    return pool.slice(0, n);
  };
  for (let u = 0; u < clusters * usersPer; u++) {
    const c = Math.floor(u / usersPer);
    const own = pick(9, c * itemsPer, itemsPer);
    heldOut.push(own[8]);
    const other =
      ((c + 1 + Math.floor(rng.uniform() * 2)) % clusters) * itemsPer + Math.floor(rng.uniform() * itemsPer);
    for (const i of [...own.slice(0, 8), other])
      rows.push({ user: `u${u}`, item: `i${i}`, value: 1 + Math.floor(rng.uniform() * 3) });
  }
  const users = Array.from({ length: clusters * usersPer }, (_, u) => `u${u}`);
  const items = Array.from({ length: clusters * itemsPer }, (_, i) => `i${i}`);
  return { train: buildInteractions(rows, { users, items }), heldOut };
}

/**
 * Mean over users of the AUC of the held-out item against the items the user has not touched, and
 * the hit rate at 10 (the held-out item in the top 10 of those).
 */
function rankQuality(train: Interactions, heldOut: number[], score: (u: number) => ArrayLike<number>) {
  let auc = 0;
  let hits = 0;
  for (let u = 0; u < heldOut.length; u++) {
    const s = score(u);
    const seen = new Set(train.userItems.subarray(train.userPtr[u], train.userPtr[u + 1]));
    const target = heldOut[u];
    let above = 0;
    let negatives = 0;
    for (let i = 0; i < s.length; i++) {
      if (seen.has(i) || i === target) continue;
      negatives++;
      if (s[target] > s[i]) above++;
      else if (s[target] === s[i]) above += 0.5;
    }
    auc += above / negatives;
    if (negatives - above < 10) hits++;
  }
  return { auc: auc / heldOut.length, hitRate: hits / heldOut.length };
}

const { train, heldOut } = plantedClusters(5);
const random = (() => {
  const rng = new SeededRandom(99);
  return rankQuality(train, heldOut, () => Float64Array.from({ length: 60 }, () => rng.uniform()));
})();

// Scores 1 for the user's own cluster, 0 elsewhere: the best a model can do, since the held-out item
// is a random one of the 12 unseen items of that cluster: AUC (39 + 11/2)/50 = 0.89.
const oracle = rankQuality(train, heldOut, (u) =>
  Float64Array.from({ length: 60 }, (_, i) => (Math.floor(i / 20) === Math.floor(u / 30) ? 1 : 0)),
);
describe('implicit ALS (Hu, Koren & Volinsky 2008) with CG row solves (Takács et al. 2011)', () => {
  const options = { factors: 3, iterations: 10, regularization: 1, alpha: 1, seed: 2 };
  const model = fitImplicitAls(train, options);

  it('ranks held-out items of planted clusters near the cluster oracle: AUC > 0.85 (oracle 0.89, random ≈ 0.5), hit rate @10 > 0.7', () => {
    const q = rankQuality(train, heldOut, (u) => scoreImplicitAls(model, u));
    expect(random.auc).toBeGreaterThan(0.4);
    expect(random.auc).toBeLessThan(0.6);
    expect(oracle.auc).toBeCloseTo(0.89, 10);
    expect(q.auc).toBeGreaterThan(0.85);
    expect(q.hitRate).toBeGreaterThan(0.7);
    expect(q.hitRate).toBeGreaterThan(2 * random.hitRate);
  });

  it('the loss falls from the first iteration to the last; exact (Cholesky) rows never raise it', () => {
    expect(model.loss[model.loss.length - 1]).toBeLessThan(model.loss[0]);
    const exact = fitImplicitAls(train, { ...options, solver: 'cholesky' });
    for (let t = 1; t < exact.loss.length; t++)
      expect(exact.loss[t]).toBeLessThanOrEqual(exact.loss[t - 1] * (1 + 1e-12));
  });

  it('with as many CG steps as factors, the CG fit matches the exact fit to 1e-6', () => {
    const small = { ...options, factors: 4, iterations: 3 };
    const cg = fitImplicitAls(train, { ...small, cgSteps: 12 });
    const exact = fitImplicitAls(train, { ...small, solver: 'cholesky' });
    for (let t = 0; t < cg.userFactors.length; t++)
      expect(Math.abs(cg.userFactors[t] - exact.userFactors[t])).toBeLessThan(1e-6);
    for (let t = 0; t < cg.itemFactors.length; t++)
      expect(Math.abs(cg.itemFactors[t] - exact.itemFactors[t])).toBeLessThan(1e-6);
  });

  it('same seed → identical factors; another seed → different ones; defaults as documented', () => {
    expect(fitImplicitAls(train, options)).toEqual(model);
    expect(fitImplicitAls(train, { ...options, seed: 3 }).userFactors).not.toEqual(model.userFactors);
    expect(implicitAlsDefaults).toMatchObject({ factors: 64, iterations: 15, cgSteps: 3 });
    expect(model.params).toEqual({ ...implicitAlsDefaults, ...options });
  });

  it('is plain data: a structured clone (the worker boundary) scores the same', () => {
    const copy = structuredClone(model);
    expect(copy).toEqual(model);
    expect(scoreImplicitAls(copy, 4)).toEqual(scoreImplicitAls(model, 4));
  });

  it('recommends unseen items of the user’s own cluster, explained by the user’s items of that cluster', () => {
    const list = recommendImplicitAls(model, train, 0, { k: 5 });
    expect(list.map((r) => Math.floor(r.item / 20))).toEqual([0, 0, 0, 0, 0]);
    const seen = new Set(train.userItems.subarray(train.userPtr[0], train.userPtr[1]));
    expect(list.every((r) => !seen.has(r.item))).toBe(true);
    expect(train.itemIds[list[0].item]).toBe(`i${list[0].item}`);
    const why = explainImplicitAls(model, train, 0, list[0].item);
    expect(why).toHaveLength(3);
    expect(why.every((w) => seen.has(w.item) && Math.floor(w.item / 20) === 0)).toBe(true);
    expect(why[0].similarity).toBeGreaterThan(0.5);
  });
});

describe('BPR-MF (Rendle et al. 2009)', () => {
  const options = { factors: 8, epochs: 40, learningRate: 0.05, regularization: 0.01, seed: 2 };
  const model = fitBpr(train, options);

  it('ranks held-out items of planted clusters near the cluster oracle: AUC > 0.85, hit rate @10 > 0.7', () => {
    const q = rankQuality(train, heldOut, (u) => scoreBpr(model, u));
    expect(q.auc).toBeGreaterThan(0.85);
    expect(q.hitRate).toBeGreaterThan(0.7);
    expect(q.hitRate).toBeGreaterThan(2 * random.hitRate);
  });

  it('the BPR loss falls well below ln 2 (chance)', () => {
    expect(model.loss[0]).toBeGreaterThan(0.5);
    expect(model.loss[model.loss.length - 1]).toBeLessThan(0.3);
  });

  it('same seed → identical factors; another seed → different ones', () => {
    const short = { ...options, epochs: 3 };
    expect(fitBpr(train, short)).toEqual(fitBpr(train, short));
    expect(fitBpr(train, { ...short, seed: 3 }).itemFactors).not.toEqual(fitBpr(train, short).itemFactors);
  });

  it('recommends by b_i + w_uᵀh_i, leaving out seen items; explains by the user’s items', () => {
    const list = recommendBpr(model, train, 31, { k: 3 });
    const scores = scoreBpr(model, 31);
    expect(list.map((r) => r.score)).toEqual(list.map((r) => scores[r.item]));
    expect(list.map((r) => Math.floor(r.item / 20))).toEqual([1, 1, 1]);
    expect(explainBpr(model, train, 31, list[0].item, { count: 1 })).toHaveLength(1);
  });

  it('a user who has every item gets no negatives and no updates (and no crash)', () => {
    const full = buildInteractions([
      { user: 'a', item: 'x' },
      { user: 'a', item: 'y' },
      { user: 'b', item: 'x' },
    ]);
    const m = fitBpr(full, { factors: 2, epochs: 5 });
    expect(m.loss.every(Number.isFinite)).toBe(true);
    expect(recommendBpr(m, full, 0)).toEqual([]);
  });
});

describe('negative sampling (LearnBPR)', () => {
  it('draws only items the user lacks, all of them, by rejection (sparse user) or directly (dense user)', () => {
    const x = buildInteractions(
      [
        ...['a', 'b', 'c', 'e'].map((item) => ({ user: 'dense', item })),
        { user: 'sparse', item: 'b' },
        { user: 'zero', item: 'a', value: 0 },
      ],
      { items: ['a', 'b', 'c', 'd', 'e', 'f'] },
    );
    const index = positiveIndex(x);
    expect([...index.ptr]).toEqual([0, 4, 5, 5]); // the stored zero is no positive
    const rng = new SeededRandom(1);
    const draws = (u: number) => new Set(Array.from({ length: 200 }, () => sampleNegative(index, u, rng)));
    expect([...draws(0)].sort()).toEqual([3, 5]);
    expect([...draws(1)].sort()).toEqual([0, 2, 3, 4, 5]);
    expect([...draws(2)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('errors', () => {
  it('factors < 1, cgSteps 0, a bad solver, negative alpha', () => {
    expect(() => fitImplicitAls(train, { factors: 0 })).toThrow(
      'invalid factors: 0 (must be an integer ≥ 1; 32–128 is usual)',
    );
    expect(() => fitBpr(train, { factors: -2 })).toThrow(/invalid factors: -2/);
    expect(() => fitImplicitAls(train, { cgSteps: 0 })).toThrow(/invalid cgSteps: 0/);
    // @ts-expect-error: not a solver
    expect(() => fitImplicitAls(train, { solver: 'lu' })).toThrow(
      "invalid solver: lu (must be 'cg' or 'cholesky')",
    );
    expect(() => fitImplicitAls(train, { alpha: -1 })).toThrow(
      /invalid alpha: -1 \(must be a finite number ≥ 0; usually 1–40\)/,
    );
  });

  it('NaN and negative strengths', () => {
    const bad = buildInteractions([{ user: 'a', item: 'x', value: -2 }]);
    expect(() => fitImplicitAls(bad)).toThrow(
      'value -2 for user "a", item "x": Implicit ALS needs finite strengths ≥ 0 (counts or 1); drop returns or clip negatives first',
    );
    bad.userValues[0] = NaN;
    expect(() => fitBpr(bad)).toThrow(/value NaN for user "a", item "x": BPR needs finite strengths/);
  });

  it('unknown user index, k < 1, empty interactions', () => {
    const model = fitImplicitAls(train, { factors: 2, iterations: 1 });
    expect(() => scoreImplicitAls(model, 90)).toThrow(/unknown user index: 90 \(must be an integer in 0…89/);
    expect(() => recommendImplicitAls(model, train, 0, { k: 0.5 })).toThrow(/invalid k: 0.5/);
    // @ts-expect-error: not an exclude option
    expect(() => recommendImplicitAls(model, train, 0, { exclude: 'all' })).toThrow(/invalid exclude: all/);
    expect(() => fitBpr(buildInteractions([]))).toThrow(/BPR needs at least one positive interaction/);
  });
});
