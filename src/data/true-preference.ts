/**
 * The truth behind a synthetic shop: every customer's preference for every item, which the shop's
 * purchases were sampled from, so lessons can compare a recommender's list with what the customer
 * really prefers (something no real data set can show).
 *
 * The preference is a utility on the log scale (a multinomial-logit choice model, McFadden 1974):
 * customer c buys item i with probability proportional to exp(u(c, i)), where
 *
 *     u(c, i) = log θ_c[category(i)] + b_i + w·⟨p_c, q_i⟩ − γ_c·log(price_i / median price of its category)
 *
 * θ_c is the customer's taste over categories, b_i the item's general appeal (its popularity), p_c
 * and q_i latent taste factors of dimension `factors` scaled by w, γ_c the customer's price
 * sensitivity. Purchases are drawn without replacement in proportion to exp(u) (see synthetic-shop.ts).
 */
import type { ShopTruth, SyntheticShop } from './shop-types.ts';

/** The mean rating before noise and rounding (see {@link trueRating}). */
export const ratingMean = 2.9;
/** How strongly a rating follows the customer's personal fit with the item (per standard deviation). */
export const ratingFitWeight = 0.8;

/** u(c, i) for every item i of customer index c, into `out` (allocated when not given). */
export function truePreferences(shop: SyntheticShop, customer: number, out?: Float64Array): Float64Array {
  const t = shop.truth;
  const n = t.itemCategory.length;
  checkCustomer(t, customer);
  const row = out ?? new Float64Array(n);
  const { categories: k, factors: d, factorWeight: w } = t;
  const logTaste = new Float64Array(k);
  for (let c = 0; c < k; c++) logTaste[c] = Math.log(t.taste[customer * k + c]);
  const p = t.customerFactors.subarray(customer * d, customer * d + d);
  const gamma = t.priceSensitivity[customer];
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let f = 0; f < d; f++) dot += p[f] * t.itemFactors[i * d + f];
    row[i] = logTaste[t.itemCategory[i]] + t.itemAppeal[i] + w * dot - gamma * t.itemLogRelativePrice[i];
  }
  return row;
}

/** u(c, i) of one customer index and one item index. */
export function truePreference(shop: SyntheticShop, customer: number, item: number): number {
  const t = shop.truth;
  checkCustomer(t, customer);
  checkItem(t, item);
  const { categories: k, factors: d } = t;
  let dot = 0;
  for (let f = 0; f < d; f++) dot += t.customerFactors[customer * d + f] * t.itemFactors[item * d + f];
  return (
    Math.log(t.taste[customer * k + t.itemCategory[item]]) +
    t.itemAppeal[item] +
    t.factorWeight * dot -
    t.priceSensitivity[customer] * t.itemLogRelativePrice[item]
  );
}

/**
 * The whole customers × items preference matrix, one `Float64Array` per customer. Meant for lesson
 * shops; above 10 million cells it refuses, because per-customer {@link truePreferences} is cheaper.
 */
export function truePreferenceMatrix(shop: SyntheticShop): Float64Array[] {
  const m = shop.customers.length;
  const n = shop.items.length;
  if (m * n > 1e7) {
    throw new RangeError(
      `a ${m} × ${n} preference matrix is too large to hold; call truePreferences(shop, customer) per customer`,
    );
  }
  return Array.from({ length: m }, (_, c) => truePreferences(shop, c));
}

/**
 * The expected rating of item i by customer c before noise and rounding, clamped to [1, 5]:
 * 2.9 + bias_c + quality_i + 0.8·(personal fit standardised over the customer's catalogue), where
 * the personal fit is u(c, i) − b_i (the utility without the item's general appeal).
 */
export function trueRating(shop: SyntheticShop, customer: number, item: number): number {
  const t = shop.truth;
  const z =
    (truePreference(shop, customer, item) - t.itemAppeal[item] - t.personalMean[customer]) /
    t.personalSd[customer];
  const r = ratingMean + t.ratingBias[customer] + t.itemQuality[item] + ratingFitWeight * z;
  return Math.min(5, Math.max(1, r));
}

function checkCustomer(t: ShopTruth, c: number): void {
  const m = t.priceSensitivity.length;
  if (!Number.isInteger(c) || c < 0 || c >= m) {
    throw new RangeError(`invalid customer index: ${c} (must be an integer in 0…${m - 1})`);
  }
}

function checkItem(t: ShopTruth, i: number): void {
  const n = t.itemCategory.length;
  if (!Number.isInteger(i) || i < 0 || i >= n) {
    throw new RangeError(`invalid item index: ${i} (must be an integer in 0…${n - 1})`);
  }
}
