/**
 * An inventory simulation for several products with seeded retail demand (`retail-demand.ts`): periodic
 * review every R days, lead time L days, lost sales, holding, stockout and ordering costs. Two
 * order-up-to policies face the same demand:
 *
 * - `forecast`: at each review, a forecaster (any function, or a `dplab/forecast` method by name)
 *   forecasts the L + R days the order must cover (the protection interval: this order arrives after L
 *   days, the next one R days later); order up to the forecast total plus a safety stock for the target
 *   service level α, taken either from the empirical α-quantile of past protection-interval forecast
 *   errors (`errors`, the default; rolling-origin errors over the history warm it up) or from the
 *   forecast's own sd or interval, √(Σ sdⱼ²)·z_α (`intervals`; treats the steps' errors as independent,
 *   which understates the spread of models whose errors accumulate, such as ETS).
 * - `naive`: forecast each day's demand by the mean of the last review period, order up to
 *   (1 + safetyFactor) times the protection-interval forecast.
 *
 * Each day: the orders due arrive, a review (every R days) places an order up to S on the inventory
 * position (on hand + on order), demand is served from stock and the rest is lost. Forecasters see the
 * demand itself (not censored sales), a simplification a lesson can question.
 */
import { normalQuantile } from '../stats/normal-quantile.ts';
import { SeededRandom } from '../stats/random.ts';
import { checkCost } from './demand.ts';
import { forecasterFromMethod, forecastSd, type Forecaster } from './forecaster.ts';
import { retailDemand, type RetailProductDemand } from './retail-demand.ts';

/** Options of {@link simulateInventory}. */
export interface InventorySimulationOptions {
  /** Number of products when `demand` is not given (default 5). */
  products?: number;
  /** Days simulated (default 365). */
  days?: number;
  /** Days of demand history before the first simulated day (default 182). */
  history?: number;
  /** Seed of the demand and the lead times (default 1). */
  seed?: number;
  /** Your own demand per product (each `history + days` long); default `retailDemand` with `seed`. */
  demand?: readonly Pick<RetailProductDemand, 'name' | 'demand'>[];
  /** Lead time in days, one per product or one for all (default: seeded, 2 … 6 days). */
  leadTime?: number | readonly number[];
  /** Days between reviews (default 7). */
  reviewEvery?: number;
  /** Holding cost per unit on hand at the end of a day (default 0.05). */
  holding?: number;
  /** Cost per unit of demand lost (default 2). */
  stockout?: number;
  /** Fixed cost per order placed (default 10). */
  orderCost?: number;
  /** The forecast policy's forecaster: a function or a `dplab/forecast` method name (default `'snaive'`). */
  forecaster?: Forecaster | string;
  /** Seasonal period given to a named method (default 7). */
  period?: number;
  /** Days of history the forecaster sees at each review (default 182). */
  window?: number;
  /**
   * Where the forecast policy's safety stock comes from (default `errors`: the α-quantile of the realised
   * protection-interval errors once 4 are known, the forecast's sd until then).
   */
  safetyStock?: 'errors' | 'intervals';
  /**
   * Target cycle service level α of the forecast policy. Default stockout / (stockout + holding·reviewEvery):
   * the newsvendor ratio of one review cycle, where a unit too many is carried about R more days (a
   * heuristic for lost sales; the defaults give 2 / (2 + 0.35) ≈ 0.85).
   */
  serviceLevel?: number;
  /** Rolling-origin forecasts over the history that seed the `errors` safety stock (default 8). */
  warmupOrigins?: number;
  /** The naïve policy's fixed safety factor (default 0.25: order up to 125% of its forecast). */
  naiveSafetyFactor?: number;
}

export const inventorySimulationDefaults = {
  products: 5,
  days: 365,
  history: 182,
  seed: 1,
  reviewEvery: 7,
  holding: 0.05,
  stockout: 2,
  orderCost: 10,
  forecaster: 'snaive',
  period: 7,
  window: 182,
  safetyStock: 'errors',
  warmupOrigins: 8,
  naiveSafetyFactor: 0.25,
} as const;

/** How one policy did (for one product, or summed over products). */
export interface InventoryMetrics {
  /** Share of product-days with demand lost. */
  stockoutRate: number;
  /** Units sold / units demanded. */
  fillRate: number;
  /** Share of review cycles without any demand lost. */
  cycleServiceLevel: number;
  /** Mean units on hand at the end of a day (summed over products in totals). */
  averageInventory: number;
  /** Units sold per year / average inventory. */
  turnover: number;
  demanded: number;
  sold: number;
  lost: number;
  orders: number;
  holdingCost: number;
  stockoutCost: number;
  orderingCost: number;
  totalCost: number;
}

/** One product's run under one policy: its metrics and its days. */
export interface PolicyRun {
  metrics: InventoryMetrics;
  /** End-of-day units on hand. */
  onHand: number[];
  /** Units lost each day. */
  lost: number[];
  /** Units ordered each day (0 on other days). */
  ordered: number[];
  /** The order-up-to level of each review. */
  orderUpTo: number[];
}

export interface ProductRun {
  name: string;
  leadTime: number;
  /** Demand on the simulated days. */
  demand: number[];
  forecast: PolicyRun;
  naive: PolicyRun;
}

/** The result of {@link simulateInventory}. */
export interface InventorySimulation {
  products: ProductRun[];
  /** Both policies over all products. */
  total: { forecast: InventoryMetrics; naive: InventoryMetrics };
  /** The service level the forecast policy aimed at. */
  serviceLevel: number;
  reviewEvery: number;
  days: number;
}

interface Costs {
  h: number;
  p: number;
  K: number;
}

/** Runs one order-up-to policy over days start … start + days − 1 of `demand`. */
function run(
  demand: readonly number[],
  start: number,
  days: number,
  L: number,
  R: number,
  costs: Costs,
  initial: number,
  orderUpTo: (t: number) => number,
): PolicyRun {
  let onHand = initial;
  const pipeline = new Array<number>(days + L + 1).fill(0);
  let onOrder = 0;
  const out: PolicyRun = {
    metrics: undefined as unknown as InventoryMetrics,
    onHand: [],
    lost: [],
    ordered: [],
    orderUpTo: [],
  };
  let demanded = 0;
  let sold = 0;
  let lostTotal = 0;
  let orders = 0;
  let stockoutDays = 0;
  let cycles = 0;
  let goodCycles = 0;
  let cycleLost = false;
  let inventorySum = 0;
  for (let i = 0; i < days; i++) {
    onHand += pipeline[i];
    onOrder -= pipeline[i];
    let q = 0;
    if (i % R === 0) {
      if (i > 0) {
        cycles++;
        if (!cycleLost) goodCycles++;
      }
      cycleLost = false;
      const S = orderUpTo(start + i);
      out.orderUpTo.push(S);
      q = Math.max(0, Math.ceil(S - onHand - onOrder));
      if (q > 0) {
        orders++;
        onOrder += q;
        if (L === 0) {
          onHand += q;
          onOrder -= q;
        } else pipeline[i + L] += q;
      }
    }
    const d = demand[start + i];
    const s = Math.min(onHand, d);
    onHand -= s;
    demanded += d;
    sold += s;
    lostTotal += d - s;
    if (d > s) {
      stockoutDays++;
      cycleLost = true;
    }
    inventorySum += onHand;
    out.onHand.push(onHand);
    out.lost.push(d - s);
    out.ordered.push(q);
  }
  cycles++;
  if (!cycleLost) goodCycles++;
  const averageInventory = inventorySum / days;
  const holdingCost = costs.h * inventorySum;
  const stockoutCost = costs.p * lostTotal;
  const orderingCost = costs.K * orders;
  out.metrics = {
    stockoutRate: stockoutDays / days,
    fillRate: demanded > 0 ? sold / demanded : 1,
    cycleServiceLevel: goodCycles / cycles,
    averageInventory,
    turnover: averageInventory > 0 ? (sold * 365) / days / averageInventory : Infinity,
    demanded,
    sold,
    lost: lostTotal,
    orders,
    holdingCost,
    stockoutCost,
    orderingCost,
    totalCost: holdingCost + stockoutCost + orderingCost,
  };
  return out;
}

/** Pools per-product metrics of one policy: sums of units and costs; stockout rate and CSL are product means. */
function pool(runs: readonly PolicyRun[], days: number): InventoryMetrics {
  const sum = (f: (m: InventoryMetrics) => number) => runs.reduce((a, r) => a + f(r.metrics), 0);
  const demanded = sum((m) => m.demanded);
  const sold = sum((m) => m.sold);
  const averageInventory = sum((m) => m.averageInventory);
  const holdingCost = sum((m) => m.holdingCost);
  const stockoutCost = sum((m) => m.stockoutCost);
  const orderingCost = sum((m) => m.orderingCost);
  return {
    stockoutRate: sum((m) => m.stockoutRate) / runs.length,
    fillRate: demanded > 0 ? sold / demanded : 1,
    cycleServiceLevel: sum((m) => m.cycleServiceLevel) / runs.length,
    averageInventory,
    turnover: averageInventory > 0 ? (sold * 365) / days / averageInventory : Infinity,
    demanded,
    sold,
    lost: sum((m) => m.lost),
    orders: sum((m) => m.orders),
    holdingCost,
    stockoutCost,
    orderingCost,
    totalCost: holdingCost + stockoutCost + orderingCost,
  };
}

function whole(v: number, name: string, min: number): number {
  if (!Number.isInteger(v) || v < min)
    throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${v}`);
  return v;
}

/** Type-1 empirical quantile (R's `quantile(x, a, type = 1)`). */
function empiricalQuantile(x: readonly number[], a: number): number {
  const s = Float64Array.from(x).sort();
  return s[Math.min(s.length, Math.max(1, Math.ceil(a * s.length - 1e-12))) - 1];
}

/** Simulates the forecast-driven and the naïve order-up-to policies on the same seeded demand. */
export function simulateInventory(options: InventorySimulationOptions = {}): InventorySimulation {
  const o = { ...inventorySimulationDefaults, ...options };
  const days = whole(o.days, 'days', 1);
  const history = whole(o.history, 'history', 1);
  const R = whole(o.reviewEvery, 'reviewEvery', 1);
  const windowDays = whole(o.window, 'window', 1);
  const warmup = whole(o.warmupOrigins, 'warmupOrigins', 0);
  const costs: Costs = {
    h: checkCost(o.holding, 'holding'),
    p: checkCost(o.stockout, 'stockout'),
    K: checkCost(o.orderCost, 'orderCost', false),
  };
  const safetyFactor = checkCost(o.naiveSafetyFactor, 'naiveSafetyFactor', false);
  if (o.safetyStock !== 'errors' && o.safetyStock !== 'intervals')
    throw new RangeError(`safetyStock must be 'errors' or 'intervals', got ${String(o.safetyStock)}`);
  const alpha = o.serviceLevel ?? costs.p / (costs.p + costs.h * R);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`serviceLevel must be in (0, 1), got ${alpha}`);
  const z = normalQuantile(alpha);
  const forecaster: Forecaster =
    typeof o.forecaster === 'function'
      ? o.forecaster
      : forecasterFromMethod(o.forecaster, { period: o.period });

  const products = o.demand ?? retailDemand({ products: o.products, days: history + days, seed: o.seed });
  products.forEach((p, i) => {
    if (!p || !Array.isArray(p.demand) || p.demand.length < history + days)
      throw new RangeError(
        `demand[${i}].demand must have history + days = ${history + days} values, got ${p?.demand?.length}`,
      );
  });
  const leadRng = new SeededRandom(o.seed + 7919);
  const leadTimes = products.map((_, i) => {
    const given = typeof o.leadTime === 'number' ? o.leadTime : o.leadTime?.[i];
    return given === undefined ? 2 + Math.floor(leadRng.uniform() * 5) : whole(given, `leadTime[${i}]`, 0);
  });

  const runs: ProductRun[] = products.map((product, i) => {
    const y = product.demand;
    const L = leadTimes[i];
    const h = L + R;
    const total = (from: number) => {
      let s = 0;
      for (let k = from; k < from + h; k++) s += y[k];
      return s;
    };
    const forecastAt = (t: number) => {
      const f = forecaster(y.slice(Math.max(0, t - windowDays), t), h);
      if (!f || !Array.isArray(f.mean) || f.mean.length < h || !f.mean.slice(0, h).every(Number.isFinite)) {
        throw new RangeError(
          `the forecaster must return { mean } with ${h} finite numbers (lead time ${L} + review ${R} days) for ${product.name} at day ${t}, got ${JSON.stringify(f?.mean)}`,
        );
      }
      let mean = 0;
      for (let k = 0; k < h; k++) mean += Math.max(0, f.mean[k]);
      return { mean, sd: forecastSd(f) };
    };
    // Realised protection-interval errors: from rolling origins over the history, then from each review.
    const errors: number[] = [];
    for (let k = warmup; k >= 1; k--) {
      const t = history - h - (k - 1) * R;
      if (t - 1 < 2 * o.period) continue;
      errors.push(total(t) - forecastAt(t).mean);
    }
    const pending: { t: number; mean: number }[] = [];
    const forecastUpTo = (t: number) => {
      while (pending.length && pending[0].t + h <= t) {
        const done = pending.shift()!;
        errors.push(total(done.t) - done.mean);
      }
      const f = forecastAt(t);
      pending.push({ t, mean: f.mean });
      let safety: number;
      if (o.safetyStock === 'errors' && errors.length >= 4) safety = empiricalQuantile(errors, alpha);
      else if (f.sd) safety = z * Math.sqrt(f.sd.slice(0, h).reduce((a, s) => a + s * s, 0));
      else safety = 0;
      return Math.max(0, f.mean + safety);
    };
    const naiveUpTo = (t: number) => {
      let s = 0;
      for (let k = t - R; k < t; k++) s += y[k];
      return (1 + safetyFactor) * (s / R) * h;
    };
    // Both start with the naïve order-up-to level on hand, nothing on order.
    const initial = Math.round(naiveUpTo(history));
    return {
      name: product.name,
      leadTime: L,
      demand: y.slice(history, history + days),
      forecast: run(y, history, days, L, R, costs, initial, forecastUpTo),
      naive: run(y, history, days, L, R, costs, initial, naiveUpTo),
    };
  });
  return {
    products: runs,
    total: {
      forecast: pool(
        runs.map((r) => r.forecast),
        days,
      ),
      naive: pool(
        runs.map((r) => r.naive),
        days,
      ),
    },
    serviceLevel: alpha,
    reviewEvery: R,
    days,
  };
}
