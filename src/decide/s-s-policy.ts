/**
 * The optimal (s, S) policy for periodic review with backorders and Poisson demand, by the algorithm of
 * Zheng & Federgruen ("Finding optimal (s, S) policies is about as simple as evaluating a single
 * policy", *Operations Research* 39(4), 1991; Snyder & Shen, *Fundamentals of Supply Chain Theory*,
 * 2nd ed., §4.6): each period, if the inventory position is ≤ s, order up to S.
 *
 * Cost of a policy (ZF eq. (2)): with G(y) the expected holding and backorder cost of a period that
 * starts at inventory position y (the newsvendor cost of the demand over lead time + 1 periods) and
 * M(j) the expected number of periods until the cumulative demand reaches j (a renewal function:
 * M(0) = 0, M(j)(1 − p₀) = 1 + Σ_{l=1}^{j−1} p_l M(j − l)), the long-run cost per period is
 *
 *   c(s, S) = [K + Σ_{d=0}^{S−s−1} m(d)·G(S − d)] / M(S − s),   m(d) = M(d + 1) − M(d).
 *
 * The search starts at the minimiser y* of G, lowers s until c(s, y*) ≤ G(s), then raises S while
 * G(S) ≤ the best cost so far, moving s up whenever a better S is found (ZF §2). Exact up to the
 * floating-point evaluation of Poisson probabilities.
 */
import { checkCost, checkDemand, checkWhole, type PoissonDemand } from './demand.ts';
import { poissonLoss, poissonPmf } from './loss-functions.ts';
import { demandQuantile } from './newsvendor.ts';

/** Options of {@link sSPolicy}. */
export interface SSPolicyOptions {
  /** Demand of one period. */
  demand: PoissonDemand;
  /** Holding cost per unit on hand at the end of a period (h > 0). */
  holding: number;
  /** Backorder cost per unit short at the end of a period (p > 0). */
  stockout: number;
  /** Fixed cost per order (K > 0). */
  fixedCost: number;
  /** Lead time in whole periods (default 0). */
  leadTime?: number;
  /** Evaluate this reorder point (needs `S`). */
  s?: number;
  /** Evaluate this order-up-to level (needs `s`, S > s). */
  S?: number;
}

/** The result of {@link sSPolicy}: long-run expected figures per period. */
export interface SSPolicyResult {
  s: number;
  S: number;
  /** Holding + backorder + ordering cost per period. */
  expectedCost: number;
  expectedHoldingCost: number;
  expectedBackorderCost: number;
  expectedOrderingCost: number;
  /** 1/M(S − s): the probability of ordering in a period. */
  orderFrequency: number;
  /** The minimiser y* of the one-period cost G (the base-stock level without a fixed cost). */
  baseStockLevel: number;
  optimal: boolean;
}

interface Model {
  G(y: number): number;
  hold(y: number): number;
  back(y: number): number;
  /** m(d) for d = 0, 1, …, grown on demand. */
  m(d: number): number;
  M(j: number): number;
}

function model(mean: number, h: number, p: number, L: number): Model {
  const muL = mean * (L + 1);
  const pmf: number[] = [];
  const pj = (j: number) => {
    while (pmf.length <= j) pmf.push(poissonPmf(pmf.length, mean));
    return pmf[j];
  };
  const p0 = pj(0);
  if (!(p0 < 1)) throw new RangeError('demand.mean must be > 0 for an (s, S) policy');
  const ms: number[] = [1 / (1 - p0)];
  const Ms: number[] = [0, ms[0]];
  const m = (d: number) => {
    while (ms.length <= d) {
      const j = ms.length;
      let s = 0;
      for (let l = 1; l <= j; l++) s += pj(l) * ms[j - l];
      ms.push(s / (1 - p0));
      Ms.push(Ms[Ms.length - 1] + ms[j]);
    }
    return ms[d];
  };
  const cache = new Map<number, [number, number]>();
  const parts = (y: number): [number, number] => {
    let v = cache.get(y);
    if (!v) {
      const back = poissonLoss(y, muL);
      v = [h * (y - muL + back), p * back];
      cache.set(y, v);
    }
    return v;
  };
  return {
    G: (y) => {
      const [a, b] = parts(y);
      return a + b;
    },
    hold: (y) => parts(y)[0],
    back: (y) => parts(y)[1],
    m,
    M: (j) => {
      if (j > 0) m(j - 1);
      return Ms[j];
    },
  };
}

function cost(md: Model, s: number, S: number, f: (y: number) => number = md.G): number {
  let sum = 0;
  for (let d = 0; d < S - s; d++) sum += md.m(d) * f(S - d);
  return sum / md.M(S - s);
}

/** The optimal (or a given) (s, S) policy for Poisson demand, with its exact expected cost per period. */
export function sSPolicy(options: SSPolicyOptions): SSPolicyResult {
  const demand = checkDemand(options?.demand, ['poisson']) as PoissonDemand;
  const h = checkCost(options.holding, 'holding');
  const p = checkCost(options.stockout, 'stockout');
  const K = checkCost(options.fixedCost, 'fixedCost');
  const L = checkWhole(options.leadTime ?? 0, 'leadTime');
  if (!(demand.mean > 0))
    throw new RangeError(`demand.mean must be > 0 for an (s, S) policy, got ${demand.mean}`);
  const md = model(demand.mean, h, p, L);
  const c = (s: number, S: number) => K / md.M(S - s) + cost(md, s, S);
  const yStar = demandQuantile({ dist: 'poisson', mean: demand.mean * (L + 1) }, p / (p + h));

  let s: number;
  let S: number;
  let best: number;
  const given = options.s !== undefined || options.S !== undefined;
  if (given) {
    const { s: gs, S: gS } = options;
    if (!Number.isInteger(gs) || !Number.isInteger(gS) || gS! <= gs!)
      throw new RangeError(
        `s and S must be whole numbers with S > s, got s = ${String(gs)}, S = ${String(gS)}`,
      );
    s = gs!;
    S = gS!;
    best = c(s, S);
  } else {
    // Step 0: S⁰ = y*; lower s until c(s, S⁰) ≤ G(s).
    S = yStar;
    s = yStar - 1;
    while (c(s, S) > md.G(s)) s--;
    best = c(s, S);
    // Step 1: try larger S while G(S) ≤ the best cost (beyond that no S can improve, ZF §2).
    for (let trial = S + 1; md.G(trial) <= best; trial++) {
      if (c(s, trial) < best) {
        S = trial;
        while (c(s, S) <= md.G(s + 1)) s++;
        best = c(s, S);
      }
    }
  }
  const M = md.M(S - s);
  return {
    s,
    S,
    expectedCost: best,
    expectedHoldingCost: cost(md, s, S, md.hold),
    expectedBackorderCost: cost(md, s, S, md.back),
    expectedOrderingCost: K / M,
    orderFrequency: 1 / M,
    baseStockLevel: yStar,
    optimal: !given,
  };
}
