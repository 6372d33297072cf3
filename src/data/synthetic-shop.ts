/**
 * A seeded synthetic shop for the recommender lessons: customers with latent tastes, items with a
 * category, a price and a description, purchases with dates over a year, some 1–5 ratings, and the
 * true preference of every customer for every item (see true-preference.ts for the choice model).
 *
 * The defaults are calibrated to the UCI Online Retail data (Chen, Sain & Guo 2012; 4,334 customers,
 * 3,659 items, 266,221 customer–item pairs, density 1.68 %, item-popularity Gini 0.59, the heaviest
 * customers with ~1,800 items):
 * - Items per customer follow the real shop's quantiles, log n ≈ a + 1.208 z − 0.0898 z² in the normal
 *   score z (a quadratic fitted to the 4,334 sorted counts), scaled so the total hits `density`; the
 *   quantile ranks are shuffled over the customers, so the totals do not depend on the seed. One
 *   customer in 2,000 is a wholesaler buying 48 % of the catalogue, as the real shop's two heaviest.
 * - Item appeal b ~ N(0, 1.45²) gives an item-popularity Gini of ≈ 0.60 at full size.
 * - Dates: 25 % of customers are there from the first day, the others arrive uniformly over the year;
 *   each shops on the arrival day and on ⌊√n·U⌉ more days spread over an active period of exponential
 *   length (mean 1,000 days); 75 % of items are on sale from the first day, the others launch uniformly
 *   over the year, and a customer buys only items on sale by their last visit, each on one of their
 *   visits after its launch. With a cut at 2011-11-01 this gives what the real shop shows: ≈ 40 % of
 *   the customers buy after the cut (real 42 %), ≈ 20 % of those have no history before it (real 20 %),
 *   ≈ 22 % of the pairs are new after it (real 17 %).
 * - A purchase is repeated with probability 0.31 each time (mean 1.45 purchases a pair, as the real
 *   shop's invoices per pair); 20 % of the purchases are rated (see true-preference.ts for the model).
 */
import { SeededRandom } from '../stats/random.ts';
import { dirichletDeviate, smallestIndices } from './draws.ts';
import { itemsPerCustomer, purchaseDay, visitDays } from './shop-activity.ts';
import { colourWords, shopCategories, styleWords } from './shop-vocabulary.ts';
import type { ShopCustomer, ShopItem, ShopTruth, SyntheticShop, SyntheticShopOptions } from './shop-types.ts';
import { ratingFitWeight, ratingMean, truePreferences } from './true-preference.ts';

export const syntheticShopDefaults = {
  seed: 1,
  size: 'full',
  categories: 12,
  factors: 3,
  factorWeight: 1,
  tasteConcentration: 0.3,
  appealSpread: 1.45,
  ratedFraction: 0.2,
  start: '2010-12-01',
  days: 374,
} as const;

const presets = {
  full: { customers: 4334, items: 3659, density: 0.0168 },
  lesson: { customers: 300, items: 200, density: 0.05 },
} as const;

const day = 86_400_000;

/** Generates a shop; the same options and seed give the same shop. */
export function syntheticShop(options: SyntheticShopOptions = {}): SyntheticShop {
  const o = resolveOptions(options);
  const rng = new SeededRandom(o.seed);
  const { customers: m, items: n, categories: k, factors: d } = o;
  const cats = shopCategories.slice(0, k);

  // Items: category, appeal, latent factors, price, description, launch day.
  const itemCategory = new Int32Array(n);
  const itemAppeal = new Float64Array(n);
  const itemFactors = new Float64Array(n * d);
  const itemLogRelativePrice = new Float64Array(n);
  const itemQuality = new Float64Array(n);
  const items: ShopItem[] = [];
  const width = String(n).length;
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rng.uniform() * k);
    itemCategory[i] = c;
    itemAppeal[i] = rng.normal(0, o.appealSpread);
    let style = 0;
    for (let f = 0; f < d; f++) {
      const q = rng.normal(0, 1 / Math.sqrt(d));
      itemFactors[i * d + f] = q;
      if (Math.abs(q) > Math.abs(itemFactors[i * d + style])) style = f;
    }
    const logRel = rng.normal(0, 0.5);
    itemLogRelativePrice[i] = logRel;
    itemQuality[i] = rng.normal(0, 0.4);
    const words = cats[c].words;
    const a = Math.floor(rng.uniform() * words.length);
    const b = (a + 1 + Math.floor(rng.uniform() * (words.length - 1))) % words.length;
    const colour = colourWords[Math.floor(rng.uniform() * colourWords.length)];
    const styleWord = d > 0 ? styleWords[style][itemFactors[i * d + style] >= 0 ? 0 : 1] : '';
    items.push({
      id: `I${String(i + 1).padStart(width, '0')}`,
      category: cats[c].name,
      price: Math.max(0.01, Math.round(cats[c].medianPrice * Math.exp(logRel) * 100) / 100),
      description: [styleWord, colour, words[a], words[b]]
        .filter((w) => w !== '')
        .join(' ')
        .toUpperCase(),
      since: o.start + (rng.uniform() < 0.75 ? 0 : Math.floor(rng.uniform() * o.days)) * day,
    });
  }

  // Customers: taste over categories, latent factors, price sensitivity, rating bias, arrival day.
  const taste = new Float64Array(m * k);
  const customerFactors = new Float64Array(m * d);
  const priceSensitivity = new Float64Array(m);
  const ratingBias = new Float64Array(m);
  const customers: ShopCustomer[] = [];
  const cwidth = String(m).length;
  for (let u = 0; u < m; u++) {
    taste.set(dirichletDeviate(rng, o.tasteConcentration, k), u * k);
    for (let f = 0; f < d; f++) customerFactors[u * d + f] = rng.normal();
    priceSensitivity[u] = Math.abs(rng.normal(0.5, 0.3));
    ratingBias[u] = rng.normal(0, 0.3);
    const since = o.start + (rng.uniform() < 0.25 ? 0 : Math.floor(rng.uniform() * o.days)) * day;
    customers.push({ id: `C${String(u + 1).padStart(cwidth, '0')}`, since });
  }
  const activity = itemsPerCustomer(o.customers, o.items, o.density, rng);

  const truth: ShopTruth = {
    categories: k,
    factors: d,
    factorWeight: o.factorWeight,
    taste,
    customerFactors,
    priceSensitivity,
    itemCategory,
    itemAppeal,
    itemFactors,
    itemLogRelativePrice,
    ratingBias,
    itemQuality,
    personalMean: new Float64Array(m),
    personalSd: new Float64Array(m),
  };
  const shop: SyntheticShop = {
    options: o,
    categories: cats.map((c) => c.name),
    customers,
    items,
    purchases: [],
    ratings: [],
    truth,
  };

  // Purchases: n_c distinct items drawn with probability ∝ exp(u) without replacement, by the
  // exponential race (the n smallest of E_i / exp(u_i), E_i ~ Exp(1); Efraimidis & Spirakis 2006).
  const utility = new Float64Array(n);
  const keys = new Float64Array(n);
  const end = o.start + o.days * day;
  for (let u = 0; u < m; u++) {
    truePreferences(shop, u, utility);
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < n; i++) {
      const personal = utility[i] - itemAppeal[i];
      sum += personal;
      sum2 += personal * personal;
      keys[i] = -Math.log(1 - rng.uniform()) * Math.exp(-utility[i]);
    }
    // Only items on sale by the customer's last visit can be bought.
    const visits = visitDays(customers[u].since, end, activity[u], rng);
    const last = visits[visits.length - 1];
    let available = n;
    for (let i = 0; i < n; i++) {
      if (items[i].since > last) {
        keys[i] = Infinity;
        available--;
      }
    }
    const mean = sum / n;
    truth.personalMean[u] = mean;
    truth.personalSd[u] = Math.sqrt(Math.max(sum2 / n - mean * mean, 1e-12));
    for (const i of smallestIndices(keys, Math.min(activity[u], available)).sort()) {
      const time = purchaseDay(visits, items[i].since, rng);
      let count = 1;
      while (rng.uniform() < 0.31) count++; // repeat purchases: geometric, mean 1.45 as the real shop
      const purchase = { user: customers[u].id, item: items[i].id, value: count, time };
      shop.purchases.push(purchase);
      if (rng.uniform() < o.ratedFraction) {
        const z = (utility[i] - itemAppeal[i] - mean) / truth.personalSd[u];
        const latent = ratingMean + ratingBias[u] + itemQuality[i] + ratingFitWeight * z + rng.normal(0, 0.5);
        const value = Math.min(5, Math.max(1, Math.round(latent)));
        shop.ratings.push({ user: purchase.user, item: purchase.item, value, time });
      }
    }
  }
  return shop;
}

function resolveOptions(options: SyntheticShopOptions): SyntheticShop['options'] {
  const size = options.size ?? syntheticShopDefaults.size;
  if (size !== 'full' && size !== 'lesson')
    throw new RangeError(`invalid size: ${String(size)} (must be 'full' or 'lesson')`);
  const preset = presets[size];
  const d = syntheticShopDefaults;
  const o = {
    seed: options.seed ?? d.seed,
    size,
    customers: options.customers ?? preset.customers,
    items: options.items ?? preset.items,
    density: options.density ?? preset.density,
    categories: options.categories ?? d.categories,
    factors: options.factors ?? d.factors,
    factorWeight: options.factorWeight ?? d.factorWeight,
    tasteConcentration: options.tasteConcentration ?? d.tasteConcentration,
    appealSpread: options.appealSpread ?? d.appealSpread,
    ratedFraction: options.ratedFraction ?? d.ratedFraction,
    start: options.start ?? d.start,
    days: options.days ?? d.days,
  };
  const int = (name: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new RangeError(`invalid ${name}: ${v} (must be an integer in ${lo}…${hi})`);
  };
  const pos = (name: string, v: number) => {
    if (!(v > 0 && Number.isFinite(v)))
      throw new RangeError(`invalid ${name}: ${v} (must be a positive number)`);
  };
  if (!Number.isFinite(o.seed)) throw new RangeError(`invalid seed: ${o.seed} (must be a finite number)`);
  int('customers', o.customers, 1, 1e6);
  int('items', o.items, 2, 1e6);
  int('categories', o.categories, 1, shopCategories.length);
  int('factors', o.factors, 0, styleWords.length);
  int('days', o.days, 1, 36_600);
  pos('tasteConcentration', o.tasteConcentration);
  pos('appealSpread', o.appealSpread);
  if (!(o.factorWeight >= 0)) throw new RangeError(`invalid factorWeight: ${o.factorWeight} (must be ≥ 0)`);
  if (!(o.density > 0 && o.density <= 0.5))
    throw new RangeError(`invalid density: ${o.density} (must be in (0, 0.5])`);
  if (!(o.ratedFraction >= 0 && o.ratedFraction <= 1)) {
    throw new RangeError(`invalid ratedFraction: ${o.ratedFraction} (must be in [0, 1])`);
  }
  const start = typeof o.start === 'number' ? o.start : Date.parse(o.start);
  if (!Number.isFinite(start))
    throw new RangeError(
      `invalid start: ${String(o.start)} (an ISO date such as '2010-12-01' or ms since the epoch)`,
    );
  return { ...o, start: Math.floor(start / day) * day };
}
