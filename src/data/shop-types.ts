/**
 * The shape of a synthetic shop (synthetic-shop.ts generates it) and of the truth behind it
 * (true-preference.ts reads it): plain data, so a shop crosses the worker boundary by structured clone.
 */
import type { Interaction } from '../recommend/interaction-types.ts';

/** Options of {@link syntheticShop}. */
export interface SyntheticShopOptions {
  /** Seed of every random draw. Default 1. */
  seed?: number;
  /**
   * Preset sizes: `'full'` is the real shop (4,334 customers × 3,659 items, density 1.68 %);
   * `'lesson'` is 300 × 200 at density 5 % (10 items per customer on average), small enough to print
   * and to hold the whole preference matrix. Default `'full'`.
   */
  size?: 'full' | 'lesson';
  /** Number of customers (overrides the preset). */
  customers?: number;
  /** Number of items (overrides the preset). */
  items?: number;
  /** Share of all customer–item pairs that are bought, in (0, 0.5]. Default by `size`: 0.0168 or 0.05. */
  density?: number;
  /** Number of product categories, 1–12. Default 12. */
  categories?: number;
  /** Number of latent taste factors, 0–8 (each shows in the descriptions as a style word). Default 3. */
  factors?: number;
  /** Weight w of the latent factors in the utility. Default 1. */
  factorWeight?: number;
  /** Dirichlet parameter of the customers' category tastes: small = focused customers. Default 0.3. */
  tasteConcentration?: number;
  /** Standard deviation of the items' general appeal b: larger = more skewed popularity. Default 1.45. */
  appealSpread?: number;
  /** Share of purchases that get a 1–5 rating, in [0, 1]. Default 0.2. */
  ratedFraction?: number;
  /** First day of the year of data, an ISO date or ms since the epoch. Default '2010-12-01'. */
  start?: string | number;
  /** Number of days of data. Default 374 (to 2011-12-09, as the real shop). */
  days?: number;
}

export interface ShopCustomer {
  id: string;
  /** The day the customer arrived (ms since the epoch, midnight UTC). */
  since: number;
}

export interface ShopItem {
  id: string;
  category: string;
  /** Unit price in £. */
  price: number;
  /** Upper-case words as in the real shop, e.g. "VINTAGE RED CAKE STAND". */
  description: string;
  /** The day the item went on sale (ms since the epoch, midnight UTC). */
  since: number;
}

/** A generated shop: plain data (it crosses the worker boundary by structured clone). */
export interface SyntheticShop {
  /** The options used, every default filled in. */
  options: Required<Omit<SyntheticShopOptions, 'start'>> & { start: number };
  categories: string[];
  customers: ShopCustomer[];
  items: ShopItem[];
  /** One row per customer–item pair bought: value = number of purchases, time = the first one. */
  purchases: Interaction[];
  /** 1–5 ratings of a share of the purchases, time = the purchase day. */
  ratings: Interaction[];
  truth: ShopTruth;
}

/** The parameters of the choice model (see true-preference.ts), flat typed arrays (row-major), plain data. */
export interface ShopTruth {
  /** Number of categories k and latent factors d. */
  categories: number;
  factors: number;
  /** Weight w of the latent-factor term. */
  factorWeight: number;
  /** θ: customers × k, each row a probability vector (Dirichlet draws). */
  taste: Float64Array;
  /** p: customers × d, standard normal. */
  customerFactors: Float64Array;
  /** γ: price sensitivity of each customer (≥ 0). */
  priceSensitivity: Float64Array;
  /** Category index of each item. */
  itemCategory: Int32Array;
  /** b: general appeal of each item. */
  itemAppeal: Float64Array;
  /** q: items × d, normal with variance 1/d. */
  itemFactors: Float64Array;
  /** log(price / median price of the item's category). */
  itemLogRelativePrice: Float64Array;
  /** Rating model: a customer's rating bias, an item's quality (independent of its appeal). */
  ratingBias: Float64Array;
  itemQuality: Float64Array;
  /** Mean and standard deviation of each customer's personal utility u − b over all items. */
  personalMean: Float64Array;
  personalSd: Float64Array;
}
