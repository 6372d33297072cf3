/**
 * The economic order quantity (Harris 1913; Snyder & Shen, *Fundamentals of Supply Chain Theory*,
 * 2nd ed., §3.2): with deterministic demand at rate λ, a fixed cost K per order and holding cost h per
 * unit per unit time, ordering Q at a time costs g(Q) = Kλ/Q + hQ/2 per unit time, minimised at
 * Q* = √(2Kλ/h) with g(Q*) = √(2Khλ).
 */
import { checkCost } from './demand.ts';

/** Options of {@link eoq}. */
export interface EoqOptions {
  /** Fixed cost per order (K > 0). */
  fixedCost: number;
  /** Holding cost per unit per unit time (h > 0). */
  holding: number;
  /** Demand per unit time (λ > 0). */
  demandRate: number;
  /** Evaluate this order quantity instead of the optimal one. */
  quantity?: number;
}

/** The result of {@link eoq}. */
export interface EoqResult {
  quantity: number;
  /** Ordering plus holding cost per unit time. */
  cost: number;
  orderingCost: number;
  holdingCost: number;
  /** Orders per unit time, λ/Q. */
  ordersPerTime: number;
  /** Time between orders, Q/λ. */
  cycleTime: number;
}

/** The economic order quantity and its cost per unit time (or the cost of a given quantity). */
export function eoq(options: EoqOptions): EoqResult {
  const K = checkCost(options?.fixedCost, 'fixedCost');
  const h = checkCost(options.holding, 'holding');
  const lambda = checkCost(options.demandRate, 'demandRate');
  const Q =
    options.quantity === undefined
      ? Math.sqrt((2 * K * lambda) / h)
      : checkCost(options.quantity, 'quantity');
  const orderingCost = (K * lambda) / Q;
  const holdingCost = (h * Q) / 2;
  return {
    quantity: Q,
    cost: orderingCost + holdingCost,
    orderingCost,
    holdingCost,
    ordersPerTime: lambda / Q,
    cycleTime: Q / lambda,
  };
}
