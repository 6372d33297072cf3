/**
 * The (r, Q) policy with continuous review and backorders (Snyder & Shen, *Fundamentals of Supply Chain
 * Theory*, 2nd ed., ch. 5): when the inventory position falls to r, order Q; the order arrives after a
 * lead time L. The inventory position is uniform on (r, r + Q] (Theorem 5.1), so the expected cost per
 * unit time is the newsvendor cost g(y) = h(y − μ_L) + (h + p)·n(y) of the lead-time demand averaged
 * over that range, plus ordering (eq. (5.7) and (5.48)):
 *
 *   normal:  g(r, Q) = [Kλ + ∫_r^{r+Q} g(y) dy] / Q = h(r − μ_L + Q/2) + (h + p)[n²(r) − n²(r + Q)]/Q + Kλ/Q
 *   Poisson: g(r, Q) = [Kλ + Σ_{y=r+1}^{r+Q} g(y)] / Q
 *
 * Methods:
 * - `exact` (default): minimises g(r, Q) itself. Normal: for each Q the best r solves
 *   n(r) − n(r + Q) = hQ/(h + p) (∂g/∂r = 0, i.e. g(r) = g(r + Q)); g is the average of a convex
 *   function over a window, hence jointly convex (Zipkin, *Foundations of Inventory Management*, 2000,
 *   ch. 6), so its minimum over r is convex in Q and Brent's method minimises it. Poisson: Federgruen & Zheng (1992, *Operations Research* 40(4)): the optimal
 *   window of Q + 1 positions extends the optimal window of Q by its cheaper neighbour, and the search
 *   stops when the average cost rises.
 * - `eoq-ss`: the textbook heuristic Q = EOQ, r = μ_L + z_α σ_L with α = p/(p + h) (§5.3.4).
 */
import { brentMinimize } from '../stats/optim-brent.ts';
import { checkCost, checkDemand, type NormalDemand, type PoissonDemand } from './demand.ts';
import { normalLoss, normalSecondLoss, poissonLoss } from './loss-functions.ts';
import { demandQuantile } from './newsvendor.ts';

/** Options of {@link reorderPoint}. */
export interface ReorderPointOptions {
  /** Demand per unit time (λ = mean; for normal, sd τ per unit time: lead-time sd τ√L). */
  demand: NormalDemand | PoissonDemand;
  /** Holding cost per unit per unit time (h > 0). */
  holding: number;
  /** Backorder cost per unit per unit time (p > 0). */
  stockout: number;
  /** Fixed cost per order (K > 0). */
  fixedCost: number;
  /** Lead time in the same time unit (≥ 0; may be fractional, e.g. 1/12 of a year). */
  leadTime: number;
  /** `exact` (default) or the `eoq-ss` heuristic. */
  method?: 'exact' | 'eoq-ss';
  /** Evaluate this reorder point (needs `Q` too; whole numbers for Poisson demand). */
  r?: number;
  /** Fix the order quantity: with `r`, evaluate (r, Q); alone, find the best r for this Q. */
  Q?: number;
}

/** The result of {@link reorderPoint}. */
export interface ReorderPointResult {
  r: number;
  Q: number;
  /** The exact expected cost per unit time of (r, Q), whatever method chose them. */
  expectedCost: number;
  /** `given`: r and Q were given; `best-r-for-Q`: Q was given and r optimised for it. */
  method: 'exact' | 'eoq-ss' | 'given' | 'best-r-for-Q';
  /** Demand during the lead time: mean λL and sd (τ√L, or √(λL) for Poisson). */
  leadTimeDemand: { mean: number; sd: number };
  /** r − λL. */
  safetyStock: number;
  /** The EOQ √(2Kλ/h), for comparison. */
  eoq: number;
  /** Expected on-hand inventory and backorders (time averages). */
  expectedOnHand: number;
  expectedBackorders: number;
  /** Orders per unit time, λ/Q. */
  ordersPerTime: number;
}

interface Problem {
  poisson: boolean;
  lambda: number;
  mu: number;
  sigma: number;
  h: number;
  p: number;
  K: number;
}

/** Expected backorders (time average) of (r, Q): the newsvendor shortage n(y) averaged over y. */
function backorders(pr: Problem, r: number, Q: number): number {
  if (pr.poisson) {
    let s = 0;
    for (let y = r + 1; y <= r + Q; y++) s += poissonLoss(y, pr.mu);
    return s / Q;
  }
  return (normalSecondLoss(r, pr.mu, pr.sigma) - normalSecondLoss(r + Q, pr.mu, pr.sigma)) / Q;
}

function evaluate(pr: Problem, r: number, Q: number) {
  const B = backorders(pr, r, Q);
  // Average inventory position is r + Q/2 (normal) or r + (Q + 1)/2 (positions r+1 … r+Q).
  const position = pr.poisson ? r + (Q + 1) / 2 : r + Q / 2;
  const onHand = position - pr.mu + B;
  return { cost: pr.h * onHand + pr.p * B + (pr.K * pr.lambda) / Q, onHand, B };
}

/** For a given Q (normal demand), the r that minimises g(r, Q): the root of n(r) − n(r + Q) = hQ/(h + p). */
function optimalReorderPointForQ(pr: Problem, Q: number): number {
  const target = (pr.h * Q) / (pr.h + pr.p);
  const f = (r: number) => normalLoss(r, pr.mu, pr.sigma) - normalLoss(r + Q, pr.mu, pr.sigma) - target;
  // f decreases in r from Q − target > 0 (r → −∞) to −target < 0 (r → ∞); bracket, then bisect.
  const scale = Math.max(pr.sigma, 1e-9 * Math.max(1, Math.abs(pr.mu)), Q);
  let lo = pr.mu - Q - scale;
  let hi = pr.mu + scale;
  while (f(lo) < 0) lo -= 2 * (hi - lo);
  while (f(hi) > 0) hi += 2 * (hi - lo);
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function exactNormal(pr: Problem): { r: number; Q: number } {
  const q0 = Math.sqrt((2 * pr.K * pr.lambda) / pr.h);
  const cost = (Q: number) => evaluate(pr, optimalReorderPointForQ(pr, Q), Q).cost;
  // The optimal Q is at least the EOQ (Zheng 1992, *Management Science* 38(1)); search from half of it
  // to a bound well above it.
  let upper = 4 * q0 + 4 * pr.sigma + 1;
  while (cost(upper) < cost(upper / 2)) upper *= 2;
  const best = brentMinimize(cost, q0 * 0.5, upper, { tol: 1e-10 * upper });
  return { r: optimalReorderPointForQ(pr, best.x), Q: best.x };
}

function newsvendorCost(pr: Problem, y: number): number {
  return pr.h * (y - pr.mu) + (pr.h + pr.p) * poissonLoss(y, pr.mu);
}

function exactPoisson(pr: Problem): { r: number; Q: number } {
  // Q = 1: the window is the single best position y* (the newsvendor optimum), so r = y* − 1.
  let r = demandQuantile({ dist: 'poisson', mean: pr.mu }, pr.p / (pr.p + pr.h)) - 1;
  let Q = 1;
  let sum = newsvendorCost(pr, r + 1);
  let avg = (pr.K * pr.lambda + sum) / Q;
  for (;;) {
    const left = newsvendorCost(pr, r);
    const right = newsvendorCost(pr, r + Q + 1);
    const nextR = left < right ? r - 1 : r;
    const nextSum = sum + Math.min(left, right);
    const nextAvg = (pr.K * pr.lambda + nextSum) / (Q + 1);
    if (nextAvg > avg) return { r, Q };
    r = nextR;
    Q++;
    sum = nextSum;
    avg = nextAvg;
  }
}

/** For a given Q (Poisson demand), the r whose window r+1 … r+Q has the smallest total newsvendor cost. */
function bestPoissonWindow(pr: Problem, Q: number): number {
  // g is convex, so the best window contains the newsvendor optimum y*; slide it across y*.
  const yStar = demandQuantile({ dist: 'poisson', mean: pr.mu }, pr.p / (pr.p + pr.h));
  let bestR = yStar - Q;
  let bestSum = Infinity;
  for (let r = yStar - Q; r <= yStar - 1; r++) {
    let s = 0;
    for (let y = r + 1; y <= r + Q; y++) s += newsvendorCost(pr, y);
    if (s < bestSum) {
      bestSum = s;
      bestR = r;
    }
  }
  return bestR;
}

/** The (r, Q) policy for normal or Poisson demand, with its exact expected cost per unit time. */
export function reorderPoint(options: ReorderPointOptions): ReorderPointResult {
  const demand = checkDemand(options?.demand, ['normal', 'poisson']) as NormalDemand | PoissonDemand;
  const h = checkCost(options.holding, 'holding');
  const p = checkCost(options.stockout, 'stockout');
  const K = checkCost(options.fixedCost, 'fixedCost');
  const L = checkCost(options.leadTime, 'leadTime', false);
  const method = options.method ?? 'exact';
  if (method !== 'exact' && method !== 'eoq-ss')
    throw new RangeError(`method must be 'exact' or 'eoq-ss', got ${String(method)}`);
  const lambda = demand.mean;
  if (!(lambda > 0)) throw new RangeError(`demand.mean must be > 0 for an (r, Q) policy, got ${lambda}`);
  const poisson = demand.dist === 'poisson';
  const mu = lambda * L;
  const sigma = poisson ? Math.sqrt(mu) : demand.sd * Math.sqrt(L);
  const pr: Problem = { poisson, lambda, mu, sigma, h, p, K };
  const q0 = Math.sqrt((2 * K * lambda) / h);

  let chosen: { r: number; Q: number };
  let used: ReorderPointResult['method'] = method;
  if (options.r === undefined && options.Q !== undefined) {
    const Q = checkCost(options.Q, 'Q');
    if (poisson && !Number.isInteger(Q))
      throw new RangeError(`Q must be a whole number for Poisson demand, got ${Q}`);
    chosen = { r: poisson ? bestPoissonWindow(pr, Q) : optimalReorderPointForQ(pr, Q), Q };
    used = 'best-r-for-Q';
  } else if (options.r !== undefined) {
    const { r, Q } = options;
    if (typeof r !== 'number' || !Number.isFinite(r))
      throw new RangeError(`r must be a finite number, got ${String(r)}`);
    checkCost(Q, 'Q');
    if (poisson && (!Number.isInteger(r) || !Number.isInteger(Q)))
      throw new RangeError(`r and Q must be whole numbers for Poisson demand, got r = ${r}, Q = ${Q}`);
    chosen = { r, Q: Q! };
    used = 'given';
  } else if (method === 'eoq-ss') {
    const alpha = p / (p + h);
    const Q = poisson ? Math.max(1, Math.round(q0)) : q0;
    const r = demandQuantile(
      poisson ? { dist: 'poisson', mean: mu } : { dist: 'normal', mean: mu, sd: sigma },
      alpha,
    );
    chosen = { r, Q };
  } else {
    chosen = poisson ? exactPoisson(pr) : exactNormal(pr);
  }
  const e = evaluate(pr, chosen.r, chosen.Q);
  return {
    r: chosen.r,
    Q: chosen.Q,
    expectedCost: e.cost,
    method: used,
    leadTimeDemand: { mean: mu, sd: sigma },
    safetyStock: chosen.r - mu,
    eoq: q0,
    expectedOnHand: e.onHand,
    expectedBackorders: e.B,
    ordersPerTime: lambda / chosen.Q,
  };
}
