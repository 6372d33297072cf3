import { describe, expect, it } from 'vitest';
import {
  bprDefaults,
  explain,
  fitBpr,
  implicitAlsDefaults,
  itemContentFeatures,
  neighbourDefaults,
  recommend,
  recommendBpr,
  recommenderOf,
  recommenders,
  scoreBpr,
  type ItemContent,
  type RecommenderModel,
} from 'dplab/recommend';
import { fromDense } from './reference.ts';

const x = fromDense([
  [1, 1, 0, 0, 1],
  [1, 1, 1, 0, 0],
  [0, 1, 1, 0, 1],
  [0, 0, 1, 1, 0],
  [1, 0, 0, 1, 1],
]);
const content: ItemContent[] = x.itemIds.map((id, i) => ({
  id,
  text: i % 2 ? 'red mug' : 'blue plate',
  attributes: { colour: i % 2 ? 'red' : 'blue', price: i + 1 },
}));

describe('the recommender registry', () => {
  it('names the algorithms of dplab recommend exactly as before, in order, baselines first', () => {
    expect(recommenders.flatMap((r) => r.cli ?? [])).toEqual([
      'pop',
      'random',
      'itemknn',
      'userknn',
      'als',
      'bpr',
      'content',
      'hybrid',
    ]);
    expect(recommenders.filter((r) => r.baseline).map((r) => r.method)).toEqual(['popularity', 'random']);
    const methods = recommenders.map((r) => r.method);
    expect(new Set(methods).size).toBe(methods.length);
  });

  it('keeps each entry’s defaults those of the library', () => {
    const byCli = (name: string) => recommenders.find((r) => r.cli === name)!;
    expect(byCli('als').defaults).toBe(implicitAlsDefaults);
    expect(byCli('bpr').defaults).toBe(bprDefaults);
    expect(byCli('itemknn').defaults).toBe(neighbourDefaults);
    expect(byCli('als').label).toBe('implicit ALS, 64 factors, 15 iterations');
  });

  it('fits every entry’s model, which finds its entry again by method and ranks with it', () => {
    for (const entry of recommenders) {
      const model: RecommenderModel = entry.fit(x, {}, content);
      expect(model.method).toBe(entry.method);
      expect(recommenderOf(model)).toBe(entry);
      const list = recommend(model, x, x.userIds[0], { k: 2 });
      expect(list.length).toBeGreaterThan(0);
      // Never the user's own items.
      for (const s of list) expect(['i0', 'i1', 'i4']).not.toContain(s.item);
      if (entry.explain)
        expect(explain(model, x, x.userIds[0], list[0].item).because.length).toBeGreaterThan(0);
    }
  });

  it('gives the hybrid the content’s words and categorical attributes as item features', () => {
    expect(
      itemContentFeatures({ id: 'a', text: 'Red red MUG', attributes: { colour: 'red', price: 2 } }),
    ).toEqual(['word:red', 'word:mug', 'colour=red']);
    const hybrid = recommenders.find((r) => r.cli === 'hybrid')!;
    const model = hybrid.fit(x, { factors: 2, epochs: 2 }, content);
    expect('itemFeatures' in model && model.itemFeatures.names).toContain('word:mug');
  });

  it('says which models it knows when given something else', () => {
    // @ts-expect-error a model the registry does not know is reported at run time too
    expect(() => recommend({ method: 'svd', numItems: 5 }, x, 'u1')).toThrow(
      /not a fitted recommender: method "svd" \(one of popularity, random, item-knn, .*lightfm-hybrid\)/,
    );
  });
});

describe('recommendByFactors (every recommendX of a latent-factor model)', () => {
  it('ranks the model’s scores by dense index, leaving out the user’s items unless asked', () => {
    const model = fitBpr(x, { factors: 2, epochs: 3 });
    const scores = scoreBpr(model, 1);
    const best = [3, 4].sort((a, b) => scores[b] - scores[a] || a - b);
    expect(recommendBpr(model, x, 1, { k: 2 }).map((r) => r.item)).toEqual(best);
    expect(recommendBpr(model, x, 1, { k: 5, exclude: 'none' })).toHaveLength(5);
    expect(() => recommendBpr({ ...model, numUsers: 1 }, x, 0)).toThrow(
      /the model was fitted on 1 users × 5 items but these interactions have 5 × 5/,
    );
  });
});
