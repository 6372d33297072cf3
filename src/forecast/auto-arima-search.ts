/**
 * The two order searches of `autoArima`, as forecast 8.20's `auto.arima` (stepwise) and `search.arima`
 * (full) run them (Hyndman & Khandakar 2008, §3.2; R/newarima2.R).
 *
 * Stepwise: fit (p,d,q)(P,D,Q) = (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) — with
 * the constant when one is allowed — and the null model without it; keep the best. Then, from the best,
 * try its neighbours in R's order: P ∓ 1, Q ∓ 1, (P, Q) ∓ 1 together, p ∓ 1, q ∓ 1, (p, q) ∓ 1 together,
 * then the constant switched. The first neighbour that improves becomes the current model and the
 * neighbourhood is searched again from the start; the search ends when no unfitted neighbour improves
 * or after `nmodels` fits. In an approximate search the models are then refitted exactly, best
 * approximate criterion first, until one is accepted.
 *
 * Full: every model with p + q + P + Q ≤ `maxOrder` (with and without the constant); the best by the
 * criterion (the first one fitted among ties). An approximate full search refits its best model
 * exactly, and searches again without approximation when that refit is rejected.
 */
import {
  fitCandidate,
  type Candidate,
  type CandidateContext,
  type CandidateOrder,
} from './auto-arima-candidate.ts';
import type { AutoArimaModel } from './auto-arima-types.ts';

/** What a search needs besides the candidates' shared context. */
export interface SearchSettings {
  maxp: number;
  maxq: number;
  maxP: number;
  maxQ: number;
  maxOrder: number;
  startp: number;
  startq: number;
  startP: number;
  startQ: number;
  nmodels: number;
  /** A constant (drift or mean) is allowed. */
  constant: boolean;
  approximation: boolean;
  /** The estimation method of the exact refits (R: CSS-ML unless `method` was given). */
  exactMethod: CandidateContext['method'];
}

/** The search's outcome: the best candidate (undefined when every fit failed) and the models tried. */
export interface SearchResult {
  best?: Candidate;
  models: AutoArimaModel[];
}

/** The Hyndman–Khandakar stepwise search. */
export function stepwiseSearch(ctx: CandidateContext, s: SearchSettings): SearchResult {
  const { m } = ctx;
  const models: AutoArimaModel[] = [];
  // R's `results` matrix: every model tried, with its criterion.
  const tried: { c: CandidateOrder; ic: number }[] = [];
  const fit = (c: CandidateOrder): Candidate => {
    const candidate = fitCandidate(ctx, c, 'search');
    models.push(candidate.row);
    tried.push({ c, ic: candidate.row.ic });
    return candidate;
  };
  const isNew = (c: CandidateOrder) =>
    !tried.some(
      ({ c: t }) => t.p === c.p && t.q === c.q && t.P === c.P && t.Q === c.Q && t.constant === c.constant,
    );

  let startp = s.startp;
  let startq = s.startq;
  let startP = s.startP;
  let startQ = s.startQ;
  if (ctx.y.length < 10) {
    startp = Math.min(startp, 1);
    startq = Math.min(startq, 1);
    startP = 0;
    startQ = 0;
  }
  let current: CandidateOrder = {
    p: Math.min(startp, s.maxp),
    q: Math.min(startq, s.maxq),
    P: Math.min(startP, s.maxP),
    Q: Math.min(startQ, s.maxQ),
    constant: s.constant,
  };
  let best = fit(current);
  // As R, an improvement moves (p, q, P, Q) but keeps the constant, except when the constant itself is
  // switched: after the null model without constant wins, the search goes on with the constant.
  const consider = (c: CandidateOrder, switchConstant = false): boolean => {
    const candidate = fit(c);
    if (candidate.row.ic < best.row.ic) {
      best = candidate;
      current = switchConstant ? c : { ...c, constant: current.constant };
      return true;
    }
    return false;
  };
  const seasonalAr = m > 1 && s.maxP > 0 ? 1 : 0;
  const seasonalMa = m > 1 && s.maxQ > 0 ? 1 : 0;
  consider({ p: 0, q: 0, P: 0, Q: 0, constant: s.constant });
  if (s.maxp > 0 || s.maxP > 0)
    consider({ p: s.maxp > 0 ? 1 : 0, q: 0, P: seasonalAr, Q: 0, constant: s.constant });
  if (s.maxq > 0 || s.maxQ > 0)
    consider({ p: 0, q: s.maxq > 0 ? 1 : 0, P: 0, Q: seasonalMa, constant: s.constant });
  if (s.constant) consider({ p: 0, q: 0, P: 0, Q: 0, constant: false });

  // The neighbourhood in R's order, as changes to (p, q, P, Q); each applies only within the limits.
  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  const within = (c: CandidateOrder) =>
    c.p >= 0 &&
    c.q >= 0 &&
    c.P >= 0 &&
    c.Q >= 0 &&
    c.p <= s.maxp &&
    c.q <= s.maxq &&
    c.P <= s.maxP &&
    c.Q <= s.maxQ;
  let startk = -1;
  search: while (startk < tried.length && tried.length < s.nmodels) {
    startk = tried.length;
    for (const [dp, dq, dP, dQ] of moves) {
      const c = { ...current, p: current.p + dp, q: current.q + dq, P: current.P + dP, Q: current.Q + dQ };
      if (!within(c) || !isNew(c)) continue;
      // R counts the model first and stops without fitting it once the count passes nmodels.
      if (tried.length + 1 > s.nmodels) break search;
      if (consider(c)) continue search;
    }
    // allowdrift || allowmean: try the current orders with the constant switched.
    if (s.constant) {
      const c = { ...current, constant: !current.constant };
      if (isNew(c)) {
        if (tried.length + 1 > s.nmodels) break;
        consider(c, true);
      }
    }
  }

  if (s.approximation && best.fitted) {
    // Refit exactly, best approximate criterion first (ties in the order tried), until one is accepted.
    const exact: CandidateContext = { ...ctx, method: s.exactMethod, offset: 0 };
    const order = tried.map((t, i) => ({ ...t, i })).sort((a, b) => a.ic - b.ic || a.i - b.i);
    // When none is, R keeps the approximate (CSS) fit.
    for (const { c } of order) {
      const candidate = fitCandidate(exact, c, 'refit');
      models.push(candidate.row);
      if (candidate.row.ic < Infinity) {
        best = candidate;
        break;
      }
    }
  }
  return { best: best.fitted && best.row.ic < Infinity ? best : undefined, models };
}

/** The full search over p + q + P + Q ≤ maxOrder (R's `search.arima`). */
export function fullSearch(ctx: CandidateContext, s: SearchSettings): SearchResult {
  const models: AutoArimaModel[] = [];
  const run = (context: CandidateContext): Candidate | undefined => {
    let best: Candidate | undefined;
    for (let p = 0; p <= s.maxp; p++)
      for (let q = 0; q <= s.maxq; q++)
        for (let P = 0; P <= s.maxP; P++)
          for (let Q = 0; Q <= s.maxQ; Q++) {
            if (p + q + P + Q > s.maxOrder) continue;
            for (let K = 0; K <= (s.constant ? 1 : 0); K++) {
              const candidate = fitCandidate(context, { p, q, P, Q, constant: K === 1 }, 'search');
              models.push(candidate.row);
              if (candidate.row.ic < (best?.row.ic ?? Infinity)) best = candidate;
            }
          }
    return best;
  };
  let best = run(ctx);
  if (best && s.approximation) {
    const exact: CandidateContext = { ...ctx, method: s.exactMethod, offset: 0 };
    const { p, q, P, Q } = best.row.order;
    const refit = fitCandidate(exact, { p, q, P, Q, constant: best.row.constant }, 'refit');
    models.push(refit.row);
    best = refit.row.ic < Infinity ? refit : run(exact);
  }
  return { best, models };
}
