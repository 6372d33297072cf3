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
import { createDenseMf, sweepDenseMf, type DenseMf } from './feedback-mf.ts';

/** The recommenders the loop can run (see the file comment). */
export const feedbackRecommenders = ['ideal', 'random', 'popularity', 'content', 'mf'] as const;

export type FeedbackRecommender = (typeof feedbackRecommenders)[number];

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
  const truth = drawTruth(o);
  const rng = new SeededRandom(o.seed + 1);
  const pairs = samplePairs(o.users, o.pairs, rng);
  const sim = createSimulation(o, truth, rng);
  const steps: FeedbackStep[] = [];
  for (let t = 0; t < o.steps; t++) {
    if (sim.mf && t >= o.warmup && (t - o.warmup) % o.retrain === 0)
      sweepDenseMf(sim.mf, sim.consumed, t === o.warmup ? 10 : 2);
    sim.shown.fill(0);
    let gained = 0;
    for (let u = 0; u < o.users; u++) {
      showSlate(sim, u, t);
      const chosen = chooseItem(sim, u);
      consume(sim, u, chosen);
      gained += truth.utility[u * o.items + chosen];
    }
    steps.push(measureStep(sim, pairs, t, gained));
  }
  return { recommender: o.recommender, steps };
}

/** What the simulated users really like, and the noisy item features the content recommender sees. */
interface Truth {
  /** V_ui, users × items. */
  utility: Float64Array;
  /** exp(V_ui / temperature), the choice weights. */
  weight: Float64Array;
  /** Item features q_i + noise, items × d, and their norms. */
  features: Float64Array;
  norm: Float64Array;
}

/** Draws the truth from its own stream (seeded by `seed` only, so every recommender sees the same users). */
function drawTruth(o: Required<FeedbackLoopOptions>): Truth {
  const { users: U, items: I, factors: d } = o;
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
  return { utility, weight, features, norm };
}

/** The sampled pairs of distinct users whose consumption sets are compared (homogenisation). */
interface UserPairs {
  a: Int32Array;
  b: Int32Array;
}

function samplePairs(users: number, n: number, rng: SeededRandom): UserPairs {
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    a[k] = Math.floor(rng.uniform() * users);
    b[k] = (a[k] + 1 + Math.floor(rng.uniform() * (users - 1))) % users;
  }
  return { a, b };
}

/** The state of a run: what was consumed, what the recommenders learnt, and the per-user buffers. */
interface Simulation extends Truth {
  o: Required<FeedbackLoopOptions>;
  rng: SeededRandom;
  /** 0/1 per user × item, consumption counts per item, items consumed per user. */
  consumed: Uint8Array;
  count: Float64Array;
  size: Int32Array;
  /** The content recommender's user profiles: sums of the consumed items' unit features, users × d. */
  profile: Float64Array;
  mf: DenseMf | null;
  /** The current user's scores, slate, and the candidates of the MMR re-ranking. */
  scores: Float64Array;
  slate: Int32Array;
  pool: Int32Array;
  mmr: Float64Array;
  /** Items shown to anyone this step. */
  shown: Uint8Array;
}

function createSimulation(o: Required<FeedbackLoopOptions>, truth: Truth, rng: SeededRandom): Simulation {
  const { users: U, items: I, factors: d, slate: S } = o;
  const pool = new Int32Array(Math.min(I, 5 * S));
  return {
    ...truth,
    o,
    rng,
    consumed: new Uint8Array(U * I),
    count: new Float64Array(I),
    size: new Int32Array(U),
    profile: new Float64Array(U * d),
    mf: o.recommender === 'mf' ? createDenseMf(U, I, d, 0.1, rng) : null,
    scores: new Float64Array(I),
    slate: new Int32Array(S),
    pool,
    mmr: new Float64Array(pool.length),
    shown: new Uint8Array(I),
  };
}

/**
 * Fills `sim.slate` for user u at step t: random during the warm-up (and for `random`), else the
 * recommender's best unconsumed items (popularity's for a user whose history is ignored), each
 * position replaced by a random item with probability ε.
 */
function showSlate(sim: Simulation, u: number, t: number): void {
  const { o, rng, slate, scores, consumed, shown } = sim;
  const I = o.items;
  const warm = t < o.warmup || o.recommender === 'random';
  if (!warm) {
    const ignored = o.reset > 0 && rng.uniform() < o.reset;
    score(sim, o.recommender === 'ideal' || !ignored ? o.recommender : 'popularity', u);
    for (let i = 0; i < I; i++) if (consumed[u * I + i]) scores[i] = -Infinity;
    pickSlate(sim);
  }
  for (let s = 0; s < o.slate; s++) {
    if (warm || (o.epsilon > 0 && rng.uniform() < o.epsilon)) slate[s] = randomUnconsumed(sim, u, s);
    shown[slate[s]] = 1;
  }
}

/** The recommender's scores of every item for user u, into `sim.scores`. */
function score(sim: Simulation, method: FeedbackRecommender, u: number): void {
  const { o, scores, mf } = sim;
  const { items: I, factors: d } = o;
  // One loop per method, so each stays monomorphic and branch-free.
  if (method === 'ideal') scores.set(sim.utility.subarray(u * I, u * I + I));
  else if (method === 'popularity') scores.set(sim.count);
  else {
    const a = method === 'content' ? sim.profile : mf ? mf.p : sim.profile;
    const b = method === 'content' ? sim.features : mf ? mf.q : sim.features;
    for (let i = 0; i < I; i++) {
      let s = 0;
      for (let f = 0; f < d; f++) s += a[u * d + f] * b[i * d + f];
      scores[i] = s;
    }
  }
}

/** The slate: the top S by score, or with λ > 0 MMR over the top 5·S. */
function pickSlate(sim: Simulation): void {
  const { o, scores, slate, pool, mmr, features, norm } = sim;
  const { slate: S, diversity, factors: d } = o;
  const n = diversity > 0 ? pool.length : S;
  topN(sim, n);
  if (diversity === 0) {
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
      const value = (1 - diversity) * ((scores[i] - lo) / range) - diversity * maxSim;
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
function topN({ o, scores, pool }: Simulation, n: number): void {
  let filled = 0;
  for (let i = 0; i < o.items; i++) {
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

/** A random item user u has not consumed and that is not in slate[0…upTo). */
function randomUnconsumed({ o, rng, consumed, slate }: Simulation, u: number, upTo: number): number {
  while (true) {
    const i = Math.floor(rng.uniform() * o.items);
    if (consumed[u * o.items + i]) continue;
    let dup = false;
    for (let s = 0; s < upTo; s++) if (slate[s] === i) dup = true;
    if (!dup) return i;
  }
}

/** The item user u consumes: from the slate, or organically from every unconsumed item (multinomial logit). */
function chooseItem({ o, rng, consumed, weight, slate }: Simulation, u: number): number {
  const { items: I, slate: S } = o;
  const row = u * I;
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
  return chosen < 0 ? slate[S - 1] : chosen;
}

/** Records that user u consumed item i: counts for popularity, the profile for content. */
function consume(
  { o, consumed, count, size, profile, features, norm }: Simulation,
  u: number,
  i: number,
): void {
  const d = o.factors;
  consumed[u * o.items + i] = 1;
  count[i]++;
  size[u]++;
  for (let f = 0; f < d; f++) profile[u * d + f] += features[i * d + f] / norm[i];
}

/** The metrics after step t's consumption. */
function measureStep(
  { o, consumed, size, count, shown }: Simulation,
  pairs: UserPairs,
  t: number,
  gained: number,
): FeedbackStep {
  const I = o.items;
  let jaccard = 0;
  for (let k = 0; k < o.pairs; k++) {
    const a = pairs.a[k] * I;
    const b = pairs.b[k] * I;
    let both = 0;
    for (let i = 0; i < I; i++) both += consumed[a + i] & consumed[b + i];
    jaccard += both / (size[pairs.a[k]] + size[pairs.b[k]] - both);
  }
  let covered = 0;
  for (let i = 0; i < I; i++) covered += shown[i];
  return {
    step: t + 1,
    homogenisation: jaccard / o.pairs,
    gini: giniIndex(count),
    coverage: covered / I,
    utility: gained / o.users,
  };
}

function resolve(options: FeedbackLoopOptions): Required<FeedbackLoopOptions> {
  const o = { ...feedbackLoopDefaults, ...options };
  const methods: readonly string[] = feedbackRecommenders;
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
