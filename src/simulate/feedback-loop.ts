/**
 * Feedback loops and filter bubbles (Chaney, Stewart & Engelhardt, "How algorithmic confounding in
 * recommendation systems increases homogeneity and decreases utility", RecSys 2018): simulated users
 * with known true utilities consume from the slates a recommender shows them, and the recommender
 * learns from what it induced.
 *
 * Truth: user and item vectors p_u, q_i ~ N(0, I_d), utility V_ui = logistic(spread·⟨p_u, q_i⟩/√d) in
 * (0, 1). Each step every user sees a slate of unconsumed items and consumes one, chosen with
 * probability ∝ exp(V_ui / temperature) (a multinomial logit, McFadden 1974); with probability
 * `organic` they instead pick from all unconsumed items by the same rule. Each item is consumed at most
 * once per user. The first `warmup` steps show random slates (Chaney's start-up period).
 *
 * Recommenders: `ideal` (true utility), `random`, `popularity` (consumption counts, updated
 * incrementally), `content` (user profile = sum of the consumed items' features, features = q_i plus
 * N(0, featureNoise²) noise, updated incrementally), `mf` (see feedback-mf.ts: 2 ALS sweeps
 * warm-started every `retrain` steps; between retrains the scores come from the last factors).
 * Knobs: `epsilon` (each slate position is a random unconsumed item with this probability), `diversity`
 * λ (maximal marginal relevance re-ranking, Carbonell & Goldstein, SIGIR 1998, feature cosine as
 * similarity), `reset` (share of users each step whose history the recommender ignores: they get the
 * popularity slate).
 */
import { giniIndex } from '../recommend/beyond-accuracy.ts';
import { SeededRandom } from '../stats/random.ts';
import { createDenseMf, sweepDenseMf } from './feedback-mf.ts';

export type FeedbackRecommender = 'ideal' | 'random' | 'popularity' | 'content' | 'mf';

/** Options of {@link simulateFeedbackLoop}. */
export interface FeedbackLoopOptions {
  /** Which recommender. Default `'popularity'`. */
  recommender?: FeedbackRecommender;
  /** Users, items, steps, integers ≥ 2, ≥ slate + steps, ≥ 1. Defaults 100, 500, 100. */
  users?: number;
  items?: number;
  steps?: number;
  /** Slate length. Default 10. */
  slate?: number;
  /** Latent dimension d of the truth (and of the MF). Default 8. */
  factors?: number;
  /** Spread of the utilities (larger = sharper preferences). Default 3. */
  spread?: number;
  /** Choice temperature, > 0. Default 0.1. */
  temperature?: number;
  /** Probability of an organic choice from the whole catalogue, in [0, 1]. Default 0.05. */
  organic?: number;
  /** Random-slate start-up steps, ≥ 0. Default 10. */
  warmup?: number;
  /** Exploration ε in [0, 1]. Default 0. */
  epsilon?: number;
  /** MMR λ in [0, 1] (0 = no re-ranking). Default 0. */
  diversity?: number;
  /** Share of users whose history is ignored each step, in [0, 1]. Default 0. */
  reset?: number;
  /** Standard deviation of the noise on the content features. Default 0.5. */
  featureNoise?: number;
  /** MF: retrain every this many steps. Default 10. */
  retrain?: number;
  /** Number of sampled user pairs for homogenisation. Default 500. */
  pairs?: number;
  /** Seed of the truth, the choices and the pairs (the truth depends on it only). Default 1. */
  seed?: number;
}

export const feedbackLoopDefaults = {
  recommender: 'popularity',
  users: 100,
  items: 500,
  steps: 100,
  slate: 10,
  factors: 8,
  spread: 3,
  temperature: 0.1,
  organic: 0.05,
  warmup: 10,
  epsilon: 0,
  diversity: 0,
  reset: 0,
  featureNoise: 0.5,
  retrain: 10,
  pairs: 500,
  seed: 1,
} as const;

/** What one step looked like (metrics after its consumption). */
export interface FeedbackStep {
  step: number;
  /** Mean Jaccard similarity of the consumption sets of the sampled user pairs. */
  homogenisation: number;
  /** Gini index of the items' consumption counts so far. */
  gini: number;
  /** Share of the catalogue shown in at least one slate this step. */
  coverage: number;
  /** Mean true utility of the items consumed this step. */
  utility: number;
}

export interface FeedbackLoopResult {
  recommender: FeedbackRecommender;
  steps: FeedbackStep[];
}

/** Runs one simulation; the same options give the same result. */
export function simulateFeedbackLoop(options: FeedbackLoopOptions = {}): FeedbackLoopResult {
  const o = resolve(options);
  const { users: U, items: I, factors: d, slate: S } = o;
  const truthRng = new SeededRandom(o.seed);
  const pu = new Float64Array(U * d);
  const qi = new Float64Array(I * d);
  for (let k = 0; k < pu.length; k++) pu[k] = truthRng.normal();
  for (let k = 0; k < qi.length; k++) qi[k] = truthRng.normal();
  const utility = new Float64Array(U * I);
  const weight = new Float64Array(U * I);
  for (let u = 0; u < U; u++) {
    for (let i = 0; i < I; i++) {
      let s = 0;
      for (let f = 0; f < d; f++) s += pu[u * d + f] * qi[i * d + f];
      const v = 1 / (1 + Math.exp((-o.spread * s) / Math.sqrt(d)));
      utility[u * I + i] = v;
      weight[u * I + i] = Math.exp(v / o.temperature);
    }
  }
  const features = new Float64Array(I * d);
  for (let k = 0; k < features.length; k++) features[k] = qi[k] + truthRng.normal(0, o.featureNoise);
  const norm = new Float64Array(I);
  for (let i = 0; i < I; i++) {
    let s = 0;
    for (let f = 0; f < d; f++) s += features[i * d + f] ** 2;
    norm[i] = Math.sqrt(s) || 1;
  }

  const rng = new SeededRandom(o.seed + 1);
  const pairA = new Int32Array(o.pairs);
  const pairB = new Int32Array(o.pairs);
  for (let k = 0; k < o.pairs; k++) {
    pairA[k] = Math.floor(rng.uniform() * U);
    pairB[k] = (pairA[k] + 1 + Math.floor(rng.uniform() * (U - 1))) % U;
  }
  const consumed = new Uint8Array(U * I);
  const count = new Float64Array(I);
  const size = new Int32Array(U);
  const profile = new Float64Array(U * d);
  const mf = o.recommender === 'mf' ? createDenseMf(U, I, d, 0.1, rng) : null;
  const scores = new Float64Array(I);
  const slate = new Int32Array(S);
  const shown = new Uint8Array(I);
  const pool = new Int32Array(Math.min(I, 5 * S));
  const mmr = new Float64Array(pool.length);
  const steps: FeedbackStep[] = [];

  for (let t = 0; t < o.steps; t++) {
    if (mf && t >= o.warmup && (t - o.warmup) % o.retrain === 0)
      sweepDenseMf(mf, consumed, t === o.warmup ? 10 : 2);
    shown.fill(0);
    let gained = 0;
    for (let u = 0; u < U; u++) {
      const row = u * I;
      const warm = t < o.warmup || o.recommender === 'random';
      if (!warm) {
        const ignored = o.reset > 0 && rng.uniform() < o.reset;
        score(o.recommender === 'ideal' || !ignored ? o.recommender : 'popularity', u);
        for (let i = 0; i < I; i++) if (consumed[row + i]) scores[i] = -Infinity;
        pickSlate();
      }
      for (let s = 0; s < S; s++) {
        if (warm || (o.epsilon > 0 && rng.uniform() < o.epsilon)) slate[s] = randomUnconsumed(u, s);
        shown[slate[s]] = 1;
      }
      // The choice: from the slate, or organically from every unconsumed item.
      let chosen = -1;
      if (rng.uniform() < o.organic) {
        let total = 0;
        for (let i = 0; i < I; i++) if (!consumed[row + i]) total += weight[row + i];
        let r = rng.uniform() * total;
        for (let i = 0; i < I && chosen < 0; i++)
          if (!consumed[row + i] && (r -= weight[row + i]) <= 0) chosen = i;
      } else {
        let total = 0;
        for (let s = 0; s < S; s++) total += weight[row + slate[s]];
        let r = rng.uniform() * total;
        for (let s = 0; s < S && chosen < 0; s++) if ((r -= weight[row + slate[s]]) <= 0) chosen = slate[s];
      }
      if (chosen < 0) chosen = slate[S - 1];
      consumed[row + chosen] = 1;
      count[chosen]++;
      size[u]++;
      for (let f = 0; f < d; f++) profile[u * d + f] += features[chosen * d + f] / norm[chosen];
      gained += utility[row + chosen];
    }
    let jaccard = 0;
    for (let k = 0; k < o.pairs; k++) {
      const a = pairA[k] * I;
      const b = pairB[k] * I;
      let both = 0;
      for (let i = 0; i < I; i++) both += consumed[a + i] & consumed[b + i];
      jaccard += both / (size[pairA[k]] + size[pairB[k]] - both);
    }
    let covered = 0;
    for (let i = 0; i < I; i++) covered += shown[i];
    steps.push({
      step: t + 1,
      homogenisation: jaccard / o.pairs,
      gini: giniIndex(count),
      coverage: covered / I,
      utility: gained / U,
    });
  }
  return { recommender: o.recommender, steps };

  function score(method: FeedbackRecommender, u: number): void {
    // One loop per method, so each stays monomorphic and branch-free.
    if (method === 'ideal') scores.set(utility.subarray(u * I, u * I + I));
    else if (method === 'popularity') scores.set(count);
    else {
      const a = method === 'content' ? profile : mf ? mf.p : profile;
      const b = method === 'content' ? features : mf ? mf.q : features;
      for (let i = 0; i < I; i++) {
        let s = 0;
        for (let f = 0; f < d; f++) s += a[u * d + f] * b[i * d + f];
        scores[i] = s;
      }
    }
  }

  /** The slate: the top S by score, or with λ > 0 MMR over the top 5·S. */
  function pickSlate(): void {
    const n = o.diversity > 0 ? pool.length : S;
    topN(n);
    if (o.diversity === 0) {
      slate.set(pool.subarray(0, S));
      return;
    }
    const hi = scores[pool[0]];
    const lo = scores[pool[n - 1]];
    const range = hi - lo || 1;
    for (let c = 0; c < n; c++) mmr[c] = -Infinity;
    for (let s = 0; s < S; s++) {
      let best = -1;
      let bestValue = -Infinity;
      for (let c = 0; c < n; c++) {
        const i = pool[c];
        if (i < 0) continue;
        let maxSim = s === 0 ? 0 : -Infinity;
        for (let r = 0; r < s; r++) {
          const j = slate[r];
          let dot = 0;
          for (let f = 0; f < d; f++) dot += features[i * d + f] * features[j * d + f];
          maxSim = Math.max(maxSim, dot / (norm[i] * norm[j]));
        }
        const value = (1 - o.diversity) * ((scores[i] - lo) / range) - o.diversity * maxSim;
        if (value > bestValue) {
          bestValue = value;
          best = c;
        }
      }
      slate[s] = pool[best];
      pool[best] = -1;
    }
  }

  /** The n highest scores' items into pool[0…n), best first (insertion into a sorted prefix). */
  function topN(n: number): void {
    let filled = 0;
    for (let i = 0; i < I; i++) {
      const v = scores[i];
      if (v === -Infinity) continue;
      if (filled === n && v <= scores[pool[n - 1]]) continue;
      let p = filled < n ? filled++ : n - 1;
      while (p > 0 && scores[pool[p - 1]] < v) {
        pool[p] = pool[p - 1];
        p--;
      }
      pool[p] = i;
    }
  }

  function randomUnconsumed(u: number, upTo: number): number {
    while (true) {
      const i = Math.floor(rng.uniform() * I);
      if (consumed[u * I + i]) continue;
      let dup = false;
      for (let s = 0; s < upTo; s++) if (slate[s] === i) dup = true;
      if (!dup) return i;
    }
  }
}

function resolve(options: FeedbackLoopOptions): Required<FeedbackLoopOptions> {
  const o = { ...feedbackLoopDefaults, ...options };
  const methods: readonly string[] = ['ideal', 'random', 'popularity', 'content', 'mf'];
  if (!methods.includes(o.recommender)) {
    throw new RangeError(`invalid recommender: ${String(o.recommender)} (one of ${methods.join(', ')})`);
  }
  const int = (name: keyof FeedbackLoopOptions, v: number, lo: number) => {
    if (!Number.isInteger(v) || v < lo)
      throw new RangeError(`invalid ${name}: ${v} (must be an integer ≥ ${lo})`);
  };
  int('users', o.users, 2);
  int('slate', o.slate, 1);
  int('steps', o.steps, 1);
  int('items', o.items, o.slate + o.steps);
  int('factors', o.factors, 1);
  int('warmup', o.warmup, 0);
  int('retrain', o.retrain, 1);
  int('pairs', o.pairs, 1);
  for (const name of ['organic', 'epsilon', 'diversity', 'reset'] as const) {
    if (!(o[name] >= 0 && o[name] <= 1))
      throw new RangeError(`invalid ${name}: ${o[name]} (must be in [0, 1])`);
  }
  for (const name of ['spread', 'temperature'] as const) {
    if (!(o[name] > 0 && Number.isFinite(o[name])))
      throw new RangeError(`invalid ${name}: ${o[name]} (must be > 0)`);
  }
  if (!(o.featureNoise >= 0)) throw new RangeError(`invalid featureNoise: ${o.featureNoise} (must be ≥ 0)`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`invalid seed: ${o.seed} (must be a finite number)`);
  return o;
}
