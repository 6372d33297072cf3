import { describe, expect, it } from 'vitest';
import { syntheticShop } from 'dplab/data';
import { buildInteractions, fitContentBased, fitItemKnn, fitPopularity } from 'dplab/recommend';
import { coldStartCurve, recommenderAlgorithm, type ColdStartRow } from 'dplab/simulate';

// A small shop where taste matters more than general appeal (appealSpread 0.5), so personalisation pays.
const shop = syntheticShop({ seed: 3, size: 'lesson', density: 0.08, appealSpread: 0.5 });
const x = buildInteractions(shop.purchases, {
  users: shop.customers.map((c) => c.id),
  items: shop.items.map((i) => i.id),
});
const content = shop.items.map((i) => ({
  id: i.id,
  text: i.description,
  attributes: { category: i.category },
}));
const algorithms = [
  recommenderAlgorithm('popularity', (t) => fitPopularity(t)),
  recommenderAlgorithm('item-knn', (t) => fitItemKnn(t)),
  recommenderAlgorithm('content', (t) => fitContentBased(t, content)),
];
const rows = coldStartCurve(x, algorithms, { reveal: [0, 1, 2, 5, 10], users: 60 });
const at = (algorithm: string, n: number): ColdStartRow => {
  const row = rows.find((r) => r.algorithm === algorithm && r.n === n);
  if (!row) throw new Error(`no row ${algorithm} ${n}`);
  return row;
};

describe('coldStartCurve', () => {
  it('returns one plain row per algorithm and n, deterministic by seed', () => {
    expect(rows).toHaveLength(15);
    expect(rows.every((r) => r.users === 60)).toBe(true);
    expect(structuredClone(rows)).toEqual(rows);
    expect(coldStartCurve(x, algorithms.slice(0, 1), { reveal: [0, 10], users: 60 })).toEqual(
      rows.filter((r) => r.algorithm === 'popularity' && (r.n === 0 || r.n === 10)),
    );
  });
  it('at n = 0 every recommender falls back to popularity', () => {
    expect(at('item-knn', 0).ndcg).toBe(at('popularity', 0).ndcg);
    expect(at('content', 0).ndcg).toBe(at('popularity', 0).ndcg);
  });
  it('popularity is flat in n, item-kNN improves with n, content beats kNN at n = 1', () => {
    const pop = rows.filter((r) => r.algorithm === 'popularity').map((r) => r.precision);
    expect(Math.max(...pop) - Math.min(...pop)).toBeLessThan(0.03);
    expect(at('item-knn', 10).ndcg).toBeGreaterThan(at('item-knn', 1).ndcg + 0.02);
    expect(at('item-knn', 10).precision).toBeGreaterThan(at('popularity', 10).precision);
    expect(at('content', 1).ndcg).toBeGreaterThan(at('item-knn', 1).ndcg);
    expect(at('content', 1).precision).toBeGreaterThan(at('item-knn', 1).precision);
  });
  it('rejects bad options', () => {
    expect(() => coldStartCurve(x, algorithms, { reveal: [] })).toThrow(/reveal is empty/);
    expect(() => coldStartCurve(x, algorithms, { reveal: [-1] })).toThrow(/invalid reveal value: -1/);
    expect(() => coldStartCurve(x, algorithms, { users: 0 })).toThrow(/invalid users: 0/);
    expect(() => coldStartCurve(x, algorithms, { k: 0 })).toThrow(/invalid k: 0/);
    expect(() => coldStartCurve(x, [])).toThrow(/no algorithms/);
    expect(() => coldStartCurve(x, algorithms, { reveal: [1000] })).toThrow(/no user has more than 1000/);
  });
});
