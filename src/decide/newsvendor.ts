/**
 * The newsvendor problem (Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed., §4.3): stock q
 * before a random demand D; each unit left over costs `overage` (cₒ, e.g. holding, or purchase cost −
 * salvage value), each unit short costs `underage` (cᵤ, e.g. stockout penalty, or lost margin).
 * The expected cost g(q) = cₒ·E[(q − D)⁺] + cᵤ·E[(D − q)⁺] is minimised at the critical ratio
 * α = cᵤ / (cᵤ + cₒ): q* = F⁻¹(α) (Theorem 4.1), the smallest whole q with F(q) ≥ α for discrete demand.
 * Costs are exact, from the loss functions (`loss-functions.ts`), not simulated.
 */
import { normalQuantile } from '../stats/normal-quantile.ts';
import { checkCost, checkDemand, type Demand } from './demand.ts';
import { normalCdf, normalLoss, poissonCdf, poissonLoss } from './loss-functions.ts';

/** Options of {@link newsvendor}. */
export interface NewsvendorOptions {
  demand: Demand;
  /** Cost of each unit left over after demand (cₒ > 0). */
  overage: number;
  /** Cost of each unit of demand not met (cᵤ > 0). */
  underage: number;
  /** Evaluate this quantity instead of the optimal one (whole number for Poisson demand). */
  quantity?: number;
}

/** What stocking `quantity` against the demand gives, exactly. */
export interface StockOutcome {
  quantity: number;
  /** E[(q − D)⁺]: units left over. */
  expectedOverageUnits: number;
  /** E[(D − q)⁺]: units short (the first-order loss n(q)). */
  expectedUnderageUnits: number;
  /** E[min(D, q)]: units sold. */
  expectedSales: number;
  /** P(D ≤ q): the probability of no stockout (type-1 service). */
  cycleServiceLevel: number;
  /** E[min(D, q)] / E[D]: the fraction of demand met (type-2 service); NaN when E[D] = 0. */
  fillRate: number;
}

/** The result of {@link newsvendor}. */
export interface NewsvendorResult extends StockOutcome {
  /** cᵤ / (cᵤ + cₒ). */
  criticalRatio: number;
  /** cₒ·E[(q − D)⁺] + cᵤ·E[(D − q)⁺]. */
  expectedCost: number;
  /** Whether `quantity` is the optimum (false when a quantity was given to evaluate). */
  optimal: boolean;
  /** E[D]. */
  demandMean: number;
}

/** The mean of a demand distribution. */
export function demandMean(demand: Demand): number {
  if (demand.dist !== 'empirical') return demand.mean;
  let s = 0;
  for (const v of demand.samples) s += v;
  return s / demand.samples.length;
}

/** The smallest quantity q with P(D ≤ q) ≥ α: the newsvendor optimum for critical ratio α. */
export function demandQuantile(demand: Demand, alpha: number): number {
  switch (demand.dist) {
    case 'normal':
      return demand.mean + demand.sd * normalQuantile(alpha);
    case 'poisson': {
      // Start near the normal approximation and step to the smallest k with F(k) ≥ α.
      const m = demand.mean;
      let k = Math.max(0, Math.floor(m + Math.sqrt(m) * normalQuantile(alpha)));
      while (k > 0 && poissonCdf(k - 1, m) >= alpha) k--;
      while (poissonCdf(k, m) < alpha) k++;
      return k;
    }
    default: {
      // R's quantile(samples, alpha, type = 1): the inverse of the empirical distribution function.
      const sorted = Float64Array.from(demand.samples).sort();
      const k = Math.max(1, Math.ceil(alpha * sorted.length - 1e-12));
      return sorted[Math.min(k, sorted.length) - 1];
    }
  }
}

/** Expected leftovers, shortages, sales and service when stocking `q` against `demand` (exact). */
export function stockOutcome(demand: Demand, q: number): StockOutcome {
  const mean = demandMean(demand);
  let short: number;
  let csl: number;
  switch (demand.dist) {
    case 'normal':
      short = normalLoss(q, demand.mean, demand.sd);
      csl = demand.sd === 0 ? (q >= demand.mean ? 1 : 0) : normalCdf((q - demand.mean) / demand.sd);
      break;
    case 'poisson':
      short = poissonLoss(q, demand.mean);
      csl = poissonCdf(q, demand.mean);
      break;
    default: {
      let s = 0;
      let below = 0;
      for (const d of demand.samples) {
        if (d > q) s += d - q;
        else below++;
      }
      short = s / demand.samples.length;
      csl = below / demand.samples.length;
    }
  }
  const over = q - mean + short;
  const sales = mean - short;
  return {
    quantity: q,
    expectedOverageUnits: Math.max(over, 0),
    expectedUnderageUnits: short,
    expectedSales: sales,
    cycleServiceLevel: csl,
    fillRate: mean > 0 ? sales / mean : NaN,
  };
}

/**
 * The optimal stocking quantity for one period of random demand, and its exact expected cost.
 * With `quantity` given, evaluates that quantity instead.
 */
export function newsvendor(options: NewsvendorOptions): NewsvendorResult {
  const demand = checkDemand(options?.demand);
  const co = checkCost(options.overage, 'overage');
  const cu = checkCost(options.underage, 'underage');
  const alpha = cu / (cu + co);
  const given = options.quantity;
  if (given !== undefined) {
    if (typeof given !== 'number' || !Number.isFinite(given))
      throw new RangeError(`quantity must be a finite number, got ${String(given)}`);
    if (demand.dist === 'poisson' && !Number.isInteger(given))
      throw new RangeError(`quantity must be a whole number for Poisson demand, got ${given}`);
  }
  const q = given ?? demandQuantile(demand, alpha);
  const outcome = stockOutcome(demand, q);
  return {
    criticalRatio: alpha,
    ...outcome,
    expectedCost: co * outcome.expectedOverageUnits + cu * outcome.expectedUnderageUnits,
    optimal: given === undefined,
    demandMean: demandMean(demand),
  };
}
