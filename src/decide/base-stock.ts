/**
 * The base-stock (order-up-to) level for periodic review with backorders and a lead time
 * (Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed., §4.3.3): each period, order up to S;
 * an order arrives L periods later, so the stock ordered now must cover the demand of L + 1 periods
 * (the protection interval). The optimal S is the newsvendor quantity for that demand with
 * overage = holding cost h and underage = stockout (backorder) cost p per unit per period.
 */
import { checkCost, checkDemand, checkWhole, type Demand } from './demand.ts';
import { newsvendor, type NewsvendorResult } from './newsvendor.ts';

/** Options of {@link baseStock}. */
export interface BaseStockOptions {
  /**
   * Demand of ONE period. For `empirical` demand give samples of the demand over the whole protection
   * interval (lead time + 1 periods, e.g. sums of a forecast's simulated paths) and `leadTime: 0`.
   */
  demand: Demand;
  /** Holding cost per unit on hand at the end of a period (h > 0). */
  holding: number;
  /** Backorder cost per unit short at the end of a period (p > 0). */
  stockout: number;
  /** Lead time in whole periods (default 0). */
  leadTime?: number;
  /** Evaluate this level instead of the optimal one. */
  level?: number;
}

/** The result of {@link baseStock}: per-period expected figures in steady state. */
export interface BaseStockResult {
  /** The order-up-to level S. */
  level: number;
  /** p / (p + h). */
  criticalRatio: number;
  /** h·E[on hand] + p·E[backorders] per period. */
  expectedCost: number;
  /** Demand over the protection interval of L + 1 periods. */
  protectionDemand: { mean: number; sd: number };
  /** S − mean protection-interval demand. */
  safetyStock: number;
  /** E[(S − D)⁺] at the end of a period. */
  expectedOnHand: number;
  /** E[(D − S)⁺] at the end of a period. */
  expectedBackorders: number;
  /** P(no backorder at the end of a period). */
  cycleServiceLevel: number;
  optimal: boolean;
  leadTime: number;
}

/** The optimal (or a given) base-stock level and its exact expected cost per period. */
export function baseStock(options: BaseStockOptions): BaseStockResult {
  const demand = checkDemand(options?.demand);
  const h = checkCost(options.holding, 'holding');
  const p = checkCost(options.stockout, 'stockout');
  const L = checkWhole(options.leadTime ?? 0, 'leadTime');
  const periods = L + 1;
  let protection: Demand;
  let sd: number;
  switch (demand.dist) {
    case 'normal':
      // Independent periods: mean and variance add up.
      protection = { dist: 'normal', mean: demand.mean * periods, sd: demand.sd * Math.sqrt(periods) };
      sd = protection.sd;
      break;
    case 'poisson':
      protection = { dist: 'poisson', mean: demand.mean * periods };
      sd = Math.sqrt(protection.mean);
      break;
    default: {
      if (L !== 0) {
        throw new RangeError(
          `baseStock with empirical demand needs samples of the protection-interval demand (lead time + 1 periods) and leadTime 0, got leadTime ${L}; sum L + 1 periods of each simulated path, or describe per-period demand as normal or poisson`,
        );
      }
      protection = demand;
      const n = demand.samples.length;
      const m = demand.samples.reduce((a, b) => a + b, 0) / n;
      sd = Math.sqrt(demand.samples.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(n - 1, 1));
    }
  }
  const nv: NewsvendorResult = newsvendor({
    demand: protection,
    overage: h,
    underage: p,
    quantity: options.level,
  });
  return {
    level: nv.quantity,
    criticalRatio: nv.criticalRatio,
    expectedCost: nv.expectedCost,
    protectionDemand: { mean: nv.demandMean, sd },
    safetyStock: nv.quantity - nv.demandMean,
    expectedOnHand: nv.expectedOverageUnits,
    expectedBackorders: nv.expectedUnderageUnits,
    cycleServiceLevel: nv.cycleServiceLevel,
    optimal: nv.optimal,
    leadTime: L,
  };
}
