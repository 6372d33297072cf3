import { describe, expect, it } from 'vitest';
import {
  shopCategories,
  syntheticShop,
  trueRating,
  truePreference,
  truePreferenceMatrix,
  truePreferences,
} from 'dplab/data';
import { buildInteractions, giniIndex, temporalSplit } from 'dplab/recommend';

/** Within ±10 % of the real shop's value. */
const within10 = (actual: number, real: number) =>
  expect(Math.abs(actual - real) / real).toBeLessThanOrEqual(0.1);

describe('syntheticShop at full size matches the UCI Online Retail shop', () => {
  // Real values: shared/datasets-candidates/online-retail/README.md and the quantiles of its
  // interactions.csv.gz (items per customer: median 35, 90 % 143, 99 % 354, max 1,785; mean 1.45
  // invoices per pair; 1,813 customers buy after 2011-11-01, 20 % of them new).
  const shop = syntheticShop();
  const x = buildInteractions(shop.purchases, {
    users: shop.customers.map((c) => c.id),
    items: shop.items.map((i) => i.id),
  });
  const perCustomer = Array.from({ length: 4334 }, (_, u) => x.userPtr[u + 1] - x.userPtr[u]).sort(
    (a, b) => a - b,
  );
  const quantile = (p: number) => perCustomer[Math.floor(p * (perCustomer.length - 1))];

  it('has 4,334 customers, 3,659 items and density 1.68 %', () => {
    expect(shop.customers).toHaveLength(4334);
    expect(shop.items).toHaveLength(3659);
    expect(x.userItems.length).toBe(shop.purchases.length);
    within10(shop.purchases.length / (4334 * 3659), 0.0168);
  });

  it('has an item-popularity Gini of 0.59', () => {
    const popularity = Array.from({ length: 3659 }, (_, i) => x.itemPtr[i + 1] - x.itemPtr[i]);
    within10(giniIndex(popularity), 0.59);
  });

  it('has the heavy tail of items per customer, up to ~1,800', () => {
    within10(perCustomer[perCustomer.length - 1], 1800);
    within10(quantile(0.5), 35);
    within10(quantile(0.9), 143);
    within10(quantile(0.99), 354);
    expect(perCustomer[0]).toBe(1);
  });

  it('has repeat purchases and a cold start at 2011-11-01 as the real shop', () => {
    within10(shop.purchases.reduce((s, p) => s + (p.value ?? 0), 0) / shop.purchases.length, 1.45);
    const { train, test } = temporalSplit(x, { cut: '2011-11-01' });
    let after = 0;
    let fresh = 0;
    for (let u = 0; u < 4334; u++) {
      if (test.userPtr[u + 1] === test.userPtr[u]) continue;
      after++;
      if (train.userPtr[u + 1] === train.userPtr[u]) fresh++;
    }
    within10(after, 1813);
    within10(fresh / after, 0.2);
  });

  it('refuses the whole preference matrix at this size', () => {
    expect(() => truePreferenceMatrix(shop)).toThrow(
      'a 4334 × 3659 preference matrix is too large to hold; call truePreferences(shop, customer) per customer',
    );
    expect(truePreferences(shop, 4333)).toHaveLength(3659);
  });
});

describe('syntheticShop', () => {
  const shop = syntheticShop({ size: 'lesson', seed: 5 });

  it('is deterministic for a seed', () => {
    expect(syntheticShop({ size: 'lesson', seed: 5 })).toEqual(shop);
    expect(syntheticShop({ size: 'lesson', seed: 6 }).purchases).not.toEqual(shop.purchases);
    expect(structuredClone(shop)).toEqual(shop);
  });

  it('makes a lesson shop of 300 × 200 at density 5 %', () => {
    expect(shop.customers).toHaveLength(300);
    expect(shop.items).toHaveLength(200);
    expect(shop.purchases).toHaveLength(3000);
    expect(shop.options).toMatchObject({
      size: 'lesson',
      customers: 300,
      items: 200,
      density: 0.05,
      seed: 5,
    });
    expect(shop.customers[0].id).toBe('C001');
    expect(shop.items[199].id).toBe('I200');
  });

  it('describes items with their category’s words, and prices them', () => {
    for (const item of shop.items) {
      const words = item.description.toLowerCase().split(' ');
      const category = shopCategories.find((c) => c.name === item.category);
      expect(category).toBeDefined();
      expect(words.filter((w) => category?.words.includes(w))).toHaveLength(2);
      expect(item.price).toBeGreaterThan(0);
    }
    expect(shop.categories).toHaveLength(12);
  });

  it('dates every purchase within the year, after the customer arrived and the item launched', () => {
    const start = Date.parse('2010-12-01');
    const end = start + 374 * 86_400_000;
    const customer = new Map(shop.customers.map((c) => [c.id, c]));
    const item = new Map(shop.items.map((i) => [i.id, i]));
    for (const p of shop.purchases) {
      const t = p.time ?? NaN;
      expect(t).toBeGreaterThanOrEqual(
        Math.max(customer.get(p.user)?.since ?? NaN, item.get(p.item)?.since ?? NaN),
      );
      expect(t).toBeLessThan(end);
      expect(t % 86_400_000).toBe(0);
    }
  });

  it('rates a share of the purchases 1–5, following the true rating', () => {
    expect(shop.ratings.length / shop.purchases.length).toBeGreaterThan(0.15);
    expect(shop.ratings.length / shop.purchases.length).toBeLessThan(0.25);
    const bought = new Set(shop.purchases.map((p) => `${p.user}/${p.item}`));
    const index = (ids: { id: string }[]) => new Map(ids.map((d, k) => [d.id, k]));
    const c = index(shop.customers);
    const i = index(shop.items);
    let errors = 0;
    for (const r of shop.ratings) {
      expect(bought.has(`${r.user}/${r.item}`)).toBe(true);
      expect([1, 2, 3, 4, 5]).toContain(r.value);
      errors += Math.abs((r.value ?? NaN) - trueRating(shop, c.get(r.user) ?? -1, i.get(r.item) ?? -1));
    }
    // Noise sd 0.5 plus rounding: the mean absolute error stays well below one star.
    expect(errors / shop.ratings.length).toBeLessThan(0.6);
  });

  it('keeps the true preferences, which the purchases follow', () => {
    const m = truePreferenceMatrix(shop);
    expect(m).toHaveLength(300);
    expect(m[7][11]).toBe(truePreference(shop, 7, 11));
    expect(Array.from(truePreferences(shop, 7))).toEqual(Array.from(m[7]));
    // Customers buy items they prefer: bought items rank in the top half of their own preferences.
    const c = new Map(shop.customers.map((d, k) => [d.id, k]));
    const i = new Map(shop.items.map((d, k) => [d.id, k]));
    let rankSum = 0;
    for (const p of shop.purchases) {
      const row = m[c.get(p.user) ?? -1];
      const v = row[i.get(p.item) ?? -1];
      rankSum += row.filter((w) => w > v).length / row.length;
    }
    expect(rankSum / shop.purchases.length).toBeLessThan(0.3);
  });

  it('rejects bad options and out-of-range indices', () => {
    expect(() => syntheticShop({ size: JSON.parse('"huge"') })).toThrow(
      "invalid size: huge (must be 'full' or 'lesson')",
    );
    expect(() => syntheticShop({ categories: 13 })).toThrow(
      'invalid categories: 13 (must be an integer in 1…12)',
    );
    expect(() => syntheticShop({ size: 'lesson', density: 0.7 })).toThrow('invalid density: 0.7');
    expect(() => syntheticShop({ customers: 10, items: 10, density: 0.01 })).toThrow(
      'density 0.01 cannot be reached with 10 customers and 10 items',
    );
    expect(() => syntheticShop({ start: 'someday' })).toThrow('invalid start: someday');
    expect(() => syntheticShop({ seed: Infinity })).toThrow('invalid seed: Infinity');
    expect(() => truePreference(shop, 300, 0)).toThrow(
      'invalid customer index: 300 (must be an integer in 0…299)',
    );
    expect(() => truePreference(shop, 0, -1)).toThrow('invalid item index: -1');
  });
});
