/**
 * Pricing with a known truth: a seeded market of customer segments with constant-elasticity demand
 * E[units] = scale·(price / referencePrice)^elasticity, the log-log regression that estimates each
 * segment's elasticity (its slope, with R `lm`'s standard error, via `stats/ols.ts`), the
 * profit-maximising price and its uncertainty, and what guardrails (price bounds, one price for all
 * segments) cost in expected profit.
 *
 * With constant elasticity ε < −1 and unit cost c, profit (p − c)·A·p^ε peaks at the Lerner-rule price
 * p* = c·ε/(1 + ε) (the inverse-elasticity or Lerner rule, Lerner 1934, *Rev. Econ. Stud.* 1(3)); for
 * ε ≥ −1 demand is inelastic and profit grows without bound, so the price is set by its upper bound.
 */
import { ols } from '../stats/ols.ts';
import { normalQuantile } from '../stats/normal-quantile.ts';
import { studentTQuantile } from '../stats/student-t.ts';
import { SeededRandom } from '../stats/random.ts';
import { checkCost } from './demand.ts';
import { randomPoisson } from './sampling.ts';

/** One customer segment of the market. */
export interface PriceSegment {
  name: string;
  /** Constant price elasticity of demand (< 0). */
  elasticity: number;
  /** Expected units a day at `referencePrice`. */
  scale: number;
  referencePrice: number;
}

/** Expected units a day of `segment` at `price`. */
export function expectedUnits(segment: PriceSegment, price: number): number {
  return segment.scale * Math.pow(price / segment.referencePrice, segment.elasticity);
}

/** Expected profit a day of `segment` at `price` with unit cost `unitCost`. */
export function expectedProfit(segment: PriceSegment, price: number, unitCost: number): number {
  return (price - unitCost) * expectedUnits(segment, price);
}

/** The default market: three segments with different sensitivity to price. */
export const defaultSegments: readonly PriceSegment[] = [
  { name: 'bargain hunters', elasticity: -3.2, scale: 60, referencePrice: 10 },
  { name: 'regulars', elasticity: -2.2, scale: 40, referencePrice: 10 },
  { name: 'loyal', elasticity: -1.5, scale: 20, referencePrice: 10 },
];

/** Options of {@link simulatePriceData}. */
export interface PriceDataOptions {
  segments?: readonly PriceSegment[];
  /** Days of data (default 120). */
  days?: number;
  /** Prices tried: each day each segment sees one of these at random (default 7 … 13). */
  prices?: readonly number[];
  seed?: number;
}

/** One day of one segment. */
export interface PriceObservation {
  day: number;
  segment: string;
  price: number;
  units: number;
}

/** Seeded sales data: random prices from a grid, Poisson units around the true demand curve. */
export function simulatePriceData(options: PriceDataOptions = {}): PriceObservation[] {
  const segments = options.segments ?? defaultSegments;
  const days = options.days ?? 120;
  const prices = options.prices ?? [7, 8, 9, 10, 11, 12, 13];
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`days must be a whole number ≥ 1, got ${days}`);
  if (!prices.length || !prices.every((p) => p > 0)) throw new RangeError('prices must be positive numbers');
  const rng = new SeededRandom(options.seed ?? 1);
  const rows: PriceObservation[] = [];
  for (let day = 0; day < days; day++) {
    for (const s of segments) {
      const price = prices[Math.floor(rng.uniform() * prices.length)];
      rows.push({ day, segment: s.name, price, units: randomPoisson(rng, expectedUnits(s, price)) });
    }
  }
  return rows;
}

/** The elasticity estimate of one segment. */
export interface ElasticityEstimate {
  segment: string;
  /** Slope of log(units) on log(price). */
  elasticity: number;
  standardError: number;
  /** 95% confidence interval (t distribution with the residual degrees of freedom). */
  lower: number;
  upper: number;
  /** Intercept of the log-log line. */
  intercept: number;
  /** Observations used (days with zero units are dropped: log 0 is undefined). */
  n: number;
  dropped: number;
}

/**
 * Per segment, the least-squares fit log(units) = a + ε·log(price), as R's
 * `lm(log(units) ~ log(price), subset = units > 0)`. Dropping zero days biases ε̂ towards 0 when
 * counts are small; the count of dropped days says how much that matters.
 */
export function estimateElasticity(rows: readonly PriceObservation[]): ElasticityEstimate[] {
  const bySegment = new Map<string, PriceObservation[]>();
  for (const r of rows) {
    if (!(r.price > 0))
      throw new RangeError(`price must be > 0, got ${r.price} (day ${r.day}, ${r.segment})`);
    const list = bySegment.get(r.segment) ?? [];
    list.push(r);
    bySegment.set(r.segment, list);
  }
  return [...bySegment].map(([segment, list]) => {
    const used = list.filter((r) => r.units > 0);
    if (used.length < 3 || new Set(used.map((r) => r.price)).size < 2) {
      throw new RangeError(
        `segment ${segment}: needs at least 3 days with sales at 2 or more prices, got ${used.length} days`,
      );
    }
    const fit = ols(
      [used.map(() => 1), used.map((r) => Math.log(r.price))],
      used.map((r) => Math.log(r.units)),
    );
    const t = studentTQuantile(0.975, fit.dfResidual);
    const [a, e] = fit.coefficients;
    const se = fit.standardErrors[1];
    return {
      segment,
      elasticity: e,
      standardError: se,
      lower: e - t * se,
      upper: e + t * se,
      intercept: a,
      n: used.length,
      dropped: list.length - used.length,
    };
  });
}

/** Options of {@link optimalPrice}. */
export interface OptimalPriceOptions {
  elasticity: number;
  /** Standard error of the elasticity (default 0: known exactly). */
  standardError?: number;
  unitCost: number;
  /** Allowed prices [min, max] (default [unitCost, 100·unitCost]). */
  bounds?: readonly [number, number];
  /** Level of the price interval from the elasticity's uncertainty (default 0.95). */
  level?: number;
}

/** The result of {@link optimalPrice}. */
export interface OptimalPriceResult {
  /** Lerner-rule price for the point estimate, within the bounds. */
  price: number;
  /** Prices for the ends of the elasticity's interval (ε ± z·se), within the bounds. */
  lower: number;
  upper: number;
  /** Whether a bound is binding at the point estimate. */
  bounded: boolean;
}

function lerner(e: number, c: number, [lo, hi]: readonly [number, number]): number {
  const p = e < -1 ? (c * e) / (1 + e) : Infinity;
  return Math.min(hi, Math.max(lo, p));
}

/** The profit-maximising price under constant elasticity, and its range under the elasticity's uncertainty. */
export function optimalPrice(options: OptimalPriceOptions): OptimalPriceResult {
  const e = options?.elasticity;
  if (typeof e !== 'number' || !Number.isFinite(e) || e >= 0)
    throw new RangeError(`elasticity must be a finite number < 0, got ${String(e)}`);
  const c = checkCost(options.unitCost, 'unitCost');
  const se = checkCost(options.standardError ?? 0, 'standardError', false);
  const bounds = options.bounds ?? [c, 100 * c];
  if (!(bounds[0] > 0 && bounds[0] < bounds[1]))
    throw new RangeError(`bounds must be 0 < min < max, got [${bounds.join(', ')}]`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const z = normalQuantile(0.5 + level / 2);
  // A more elastic (more negative) ε gives a lower price: p* = c·ε/(1 + ε) increases in ε on (−∞, −1).
  const price = lerner(e, c, bounds);
  const a = lerner(e - z * se, c, bounds);
  const b = lerner(Math.min(e + z * se, 0), c, bounds);
  return {
    price,
    lower: Math.min(a, b),
    upper: Math.max(a, b),
    bounded: price === bounds[0] || price === bounds[1],
  };
}

/** Options of {@link guardrailCost}. */
export interface GuardrailOptions {
  segments?: readonly PriceSegment[];
  unitCost: number;
  /** Allowed prices [min, max]. */
  bounds?: readonly [number, number];
  /** One price for every segment (default false). */
  samePrice?: boolean;
}

/** The result of {@link guardrailCost}: expected daily profit with and without the guardrails. */
export interface GuardrailResult {
  /** Per-segment Lerner prices without guardrails, and the prices the guardrails allow. */
  unconstrained: { prices: number[]; profit: number };
  constrained: { prices: number[]; profit: number };
  /** Profit given up per day (≥ 0) and as a share of the unconstrained profit. */
  cost: number;
  share: number;
}

/**
 * What price bounds and a one-price-for-all rule cost in expected profit, against the true demand.
 * The common price maximises the summed profit by golden-section search on log price (the summed
 * profit of constant-elasticity segments is unimodal in practice; a grid guards the start).
 */
export function guardrailCost(options: GuardrailOptions): GuardrailResult {
  const segments = options?.segments ?? defaultSegments;
  const c = checkCost(options.unitCost, 'unitCost');
  const bounds = options.bounds ?? [c, 100 * c];
  if (!(bounds[0] > 0 && bounds[0] < bounds[1]))
    throw new RangeError(`bounds must be 0 < min < max, got [${bounds.join(', ')}]`);
  const free = segments.map((s) => lerner(s.elasticity, c, [c, 1e6 * c]));
  const freeProfit = segments.reduce((a, s, i) => a + expectedProfit(s, free[i], c), 0);
  let prices: number[];
  if (options.samePrice) {
    const total = (p: number) => segments.reduce((a, s) => a + expectedProfit(s, p, c), 0);
    // A grid on log price, then golden-section refinement around its best point.
    const [lo, hi] = [Math.log(bounds[0]), Math.log(bounds[1])];
    let best = lo;
    for (let k = 0; k <= 400; k++) {
      const x = lo + ((hi - lo) * k) / 400;
      if (total(Math.exp(x)) > total(Math.exp(best))) best = x;
    }
    let a = Math.max(lo, best - (hi - lo) / 400);
    let b = Math.min(hi, best + (hi - lo) / 400);
    const g = (Math.sqrt(5) - 1) / 2;
    for (let k = 0; k < 100; k++) {
      const x1 = b - g * (b - a);
      const x2 = a + g * (b - a);
      if (total(Math.exp(x1)) >= total(Math.exp(x2))) b = x2;
      else a = x1;
    }
    prices = segments.map(() => Math.exp((a + b) / 2));
  } else {
    prices = free.map((p) => Math.min(bounds[1], Math.max(bounds[0], p)));
  }
  const profit = segments.reduce((a, s, i) => a + expectedProfit(s, prices[i], c), 0);
  return {
    unconstrained: { prices: free, profit: freeProfit },
    constrained: { prices, profit },
    cost: freeProfit - profit,
    share: (freeProfit - profit) / freeProfit,
  };
}
