import { describe, expect, it } from 'vitest';
import { syntheticShop } from 'dplab/data';
import { buildInteractions, fitContentBased, fitItemKnn, fitPopularity } from 'dplab/recommend';
import { coldStartItemCurve, recommenderAlgorithm, type ColdStartItemRow } from 'dplab/simulate';

const shop = syntheticShop({ size: 'lesson', seed: 1 });
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
const options = { reveal: [0, 1, 2, 5, 10], items: 30 };
const rows = coldStartItemCurve(x, algorithms, options);
const at = (algorithm: string, n: number): ColdStartItemRow => {
  const row = rows.find((r) => r.algorithm === algorithm && r.n === n);
  if (!row) throw new Error(`no row ${algorithm} ${n}`);
  return row;
};

describe('coldStartItemCurve', () => {
  it('returns one plain row per algorithm and n, deterministic by seed', () => {
    expect(rows).toHaveLength(15);
    expect(rows.every((r) => r.items === 30 && r.users > 0 && r.users === rows[0].users)).toBe(true);
    for (const r of rows) {
      for (const v of [r.recall, r.ndcg, r.coverage]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    expect(structuredClone(rows)).toEqual(rows);
    expect(coldStartItemCurve(x, algorithms, options)).toEqual(rows);
    expect(coldStartItemCurve(x, algorithms.slice(1, 2), { ...options, reveal: [0, 10] })).toEqual(
      rows.filter((r) => r.algorithm === 'item-knn' && (r.n === 0 || r.n === 10)),
    );
    const other = coldStartItemCurve(x, algorithms.slice(2), { ...options, reveal: [0], seed: 2 });
    expect(other[0]).not.toEqual(at('content', 0));
  });
  it('popularity and item-kNN cannot recommend a new item at n = 0, content-based can', () => {
    expect(at('popularity', 0).coverage).toBeLessThan(0.05);
    expect(at('item-knn', 0).coverage).toBe(0);
    expect(at('item-knn', 0).recall).toBe(0);
    expect(at('content', 0).coverage).toBeGreaterThan(0.5);
    expect(at('content', 0).recall).toBeGreaterThan(0.05);
  });
  it('item-kNN improves with n, popularity stays blind to the new items', () => {
    expect(at('item-knn', 1).coverage).toBeGreaterThan(0);
    expect(at('item-knn', 10).coverage).toBeGreaterThan(at('item-knn', 1).coverage);
    expect(at('item-knn', 10).recall).toBeGreaterThan(at('item-knn', 1).recall + 0.005);
    expect(at('item-knn', 10).ndcg).toBeGreaterThan(at('item-knn', 1).ndcg);
    expect(at('popularity', 10).coverage).toBeLessThan(0.05);
  });
  it('rejects bad options', () => {
    expect(() => coldStartItemCurve(x, algorithms, { reveal: [] })).toThrow(/reveal is empty/);
    expect(() => coldStartItemCurve(x, algorithms, { reveal: [1.5] })).toThrow(/invalid reveal value: 1.5/);
    expect(() => coldStartItemCurve(x, algorithms, { items: 0 })).toThrow(/invalid items: 0/);
    expect(() => coldStartItemCurve(x, algorithms, { k: 0 })).toThrow(/invalid k: 0/);
    expect(() => coldStartItemCurve(x, algorithms, { seed: NaN })).toThrow(/invalid seed: NaN/);
    expect(() => coldStartItemCurve(x, [])).toThrow(/no algorithms/);
    expect(() => coldStartItemCurve(x, algorithms, { reveal: [1000] })).toThrow(/no item has more than 1000/);
  });
});
