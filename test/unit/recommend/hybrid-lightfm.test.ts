// The LightFM-style hybrid (Kula 2015): users and items as sums of feature embeddings, so new items
// and new users are placed from their features alone.
import { describe, expect, it } from 'vitest';
import {
  explainLightFm,
  fitLightFm,
  lightFmDefaults,
  recommendLightFm,
  scoreLightFm,
} from '../../../src/recommend/hybrid-lightfm.ts';
import {
  recommendLightFmNewUser,
  representLightFm,
  scoreLightFmNewItem,
  scoreLightFmNewUser,
} from '../../../src/recommend/hybrid-lightfm-cold-start.ts';
import { buildFeatureRows, featureRow } from '../../../src/recommend/hybrid-lightfm-features.ts';
import { buildInteractions, type Interaction } from '../../../src/recommend/interactions.ts';
import { SeededRandom } from '../../../src/stats/random.ts';

/**
 * 40 items, 20 red and 20 blue, each also a mug or a lamp; 30 users of segment a buy 6 red items,
 * 30 of segment b 6 blue ones.
 */
function shop(seed: number) {
  const rng = new SeededRandom(seed);
  const items = Array.from({ length: 40 }, (_, i) => `i${i}`);
  const users = Array.from({ length: 60 }, (_, u) => `u${u}`);
  const itemFeatures = items.map((_, i) => [i < 20 ? 'red' : 'blue', rng.uniform() < 0.5 ? 'mug' : 'lamp']);
  const userFeatures = users.map((_, u) => [u < 30 ? 'segment:a' : 'segment:b']);
  const rows: Interaction[] = [];
  users.forEach((user, u) => {
    const from = u < 30 ? 0 : 20;
    const chosen = new Set<number>();
    while (chosen.size < 6) chosen.add(from + Math.floor(rng.uniform() * 20));
    for (const i of chosen) rows.push({ user, item: items[i] });
  });
  return { x: buildInteractions(rows, { users, items }), itemFeatures, userFeatures };
}

/** The fraction of (segment-a user, segment-b user) pairs the scores order a above b. */
function segmentAuc(scores: ArrayLike<number>): number {
  let above = 0;
  for (let a = 0; a < 30; a++)
    for (let b = 30; b < 60; b++) above += scores[a] > scores[b] ? 1 : scores[a] === scores[b] ? 0.5 : 0;
  return above / 900;
}

const { x, itemFeatures, userFeatures } = shop(4);
const options = { itemFeatures, userFeatures, factors: 8, epochs: 40, seed: 1 };
const model = fitLightFm(x, options);

describe('fitLightFm', () => {
  it('recommends a known user items of the colour their segment buys', () => {
    const a = recommendLightFm(model, x, 0, { k: 5 }).map((r) => r.item);
    const b = recommendLightFm(model, x, 45, { k: 5 }).map((r) => r.item);
    expect(a.every((i) => i < 20)).toBe(true);
    expect(b.every((i) => i >= 20)).toBe(true);
    const seen = new Set(x.userItems.subarray(x.userPtr[0], x.userPtr[1]));
    expect(a.some((i) => seen.has(i))).toBe(false);
  });

  it('a NEW item known only as "red" scores the users who buy red items first (AUC > 0.95)', () => {
    const scores = scoreLightFmNewItem(model, ['red']);
    expect(scores).toHaveLength(60);
    expect(segmentAuc(scores)).toBeGreaterThan(0.95);
    expect(segmentAuc(scoreLightFmNewItem(model, ['blue', 'mug']))).toBeLessThan(0.05);
  });

  it('a NEW user known only by segment b is recommended blue items', () => {
    const list = recommendLightFmNewUser(model, ['segment:b'], { k: 5 });
    expect(list).toHaveLength(5);
    expect(list.every((r) => r.item >= 20)).toBe(true);
    expect(scoreLightFmNewUser(model, { 'segment:a': 2 })[0]).toBeGreaterThan(
      scoreLightFmNewUser(model, { 'segment:a': 2 })[30],
    );
  });

  it('the logistic loss and feature-only items (no identity) place the new item as well', () => {
    const logistic = fitLightFm(x, { ...options, loss: 'logistic' });
    expect(segmentAuc(scoreLightFmNewItem(logistic, ['red']))).toBeGreaterThan(0.95);
    const featuresOnly = fitLightFm(x, { ...options, itemIdentity: false, userIdentity: false });
    expect([...featuresOnly.itemFeatures.names].sort()).toEqual(['blue', 'lamp', 'mug', 'red']);
    expect(segmentAuc(scoreLightFmNewItem(featuresOnly, ['red']))).toBeGreaterThan(0.95);
  });

  it('the loss falls; a known item scores as the sum of its features; same seed → identical model', () => {
    expect(model.loss[model.loss.length - 1]).toBeLessThan(model.loss[0]);
    const known = representLightFm(model, 'item', ['item:i3', ...itemFeatures[3]]);
    for (let c = 0; c < 8; c++) expect(known.vector[c]).toBeCloseTo(model.itemFactors[3 * 8 + c], 12);
    expect(scoreLightFm(model, 2)[3]).toBeCloseTo(
      model.userBias[2] +
        model.itemBias[3] +
        [...known.vector].reduce((s, v, c) => s + v * model.userFactors[2 * 8 + c], 0),
      12,
    );
    expect(fitLightFm(x, { ...options, epochs: 2 })).toEqual(fitLightFm(x, { ...options, epochs: 2 }));
    expect(fitLightFm(x, { ...options, epochs: 2, seed: 2 }).itemFeatureEmbeddings).not.toEqual(
      fitLightFm(x, { ...options, epochs: 2 }).itemFeatureEmbeddings,
    );
    expect(model.params).toEqual({ ...lightFmDefaults, factors: 8, epochs: 40, seed: 1 });
  });

  it('is plain data: a structured clone places new items the same', () => {
    const copy = structuredClone(model);
    expect(copy).toEqual(model);
    expect(scoreLightFmNewItem(copy, ['red'])).toEqual(scoreLightFmNewItem(model, ['red']));
  });

  it('explains by the user’s items nearest in the learned item space', () => {
    const top = recommendLightFm(model, x, 0, { k: 1 })[0].item;
    const why = explainLightFm(model, x, 0, top, { count: 2 });
    expect(why).toHaveLength(2);
    expect(why.every((w) => w.item < 20)).toBe(true);
  });
});

describe('feature rows', () => {
  it('identity features first, then attributes in first-seen order; rows normalised to sum 1', () => {
    const rows = buildFeatureRows(
      'item',
      ['p', 'q'],
      [['red', 'mug'], { red: 3 }],
      { identity: true, normalize: true },
      'itemFeatures',
    );
    expect(rows.names).toEqual(['item:p', 'item:q', 'red', 'mug']);
    expect([...rows.ptr]).toEqual([0, 3, 5]);
    expect([...rows.index]).toEqual([0, 2, 3, 1, 2]);
    expect([...rows.weight]).toEqual([1 / 3, 1 / 3, 1 / 3, 0.25, 0.75]);
  });

  it('a new row ignores unknown names and reports them; repeats add up', () => {
    expect(featureRow(['a', 'b'], ['b', 'zz', 'b'], false)).toEqual({
      index: [1],
      weight: [2],
      unknown: ['zz'],
    });
  });
});

describe('errors', () => {
  it('features not aligned with the ids, none at all without identity, bad weights', () => {
    expect(() => fitLightFm(x, { itemFeatures: [['red']] })).toThrow(
      'itemFeatures has 1 entries but there are 40 items; give one list per item, in interactions.itemIds order',
    );
    expect(() => fitLightFm(x, { userIdentity: false })).toThrow(
      /every user needs features: pass userFeatures or keep userIdentity/,
    );
    expect(() =>
      buildFeatureRows('item', ['p'], [{ red: NaN }], { identity: true, normalize: true }, 'itemFeatures'),
    ).toThrow(/itemFeatures\[0\] \(item 'p'\): feature red has weight NaN/);
  });

  it('a new item with no known feature, bad options, unknown user, k < 1', () => {
    expect(() => scoreLightFmNewItem(model, ['green'])).toThrow(
      "none of the new item's features (green) was seen in fitting; give it features that fitted items have",
    );
    expect(() => fitLightFm(x, { factors: 0 })).toThrow(/invalid factors: 0/);
    // @ts-expect-error: not a loss
    expect(() => fitLightFm(x, { loss: 'warp' })).toThrow("invalid loss: warp (must be 'bpr' or 'logistic')");
    expect(() => scoreLightFm(model, 60)).toThrow(/unknown user index: 60/);
    expect(() => recommendLightFmNewUser(model, ['segment:a'], { k: 0 })).toThrow(/invalid k: 0/);
  });
});
