/**
 * A price experiment as a multi-armed bandit: customers arrive one at a time, each sees one of a few
 * candidate prices and buys with probability q(p) = min(1, q₀·(p/p₀)^ε) (constant elasticity around
 * a reference conversion q₀ at price p₀); the reward is the margin (p − c) of a sale. Policies:
 *
 * - `ab`: fixed equal allocation for the whole horizon (an A/B/n test that never stops);
 * - `epsilon-greedy`: the best price so far, a random one with probability ε (Sutton & Barto,
 *   *Reinforcement Learning*, 2nd ed., 2018, §2.2);
 * - `ucb1`: the highest mean + √(2 ln t / nᵢ) on rewards scaled to [0, 1] (Auer, Cesa-Bianchi &
 *   Fischer, "Finite-time analysis of the multiarmed bandit problem", *Machine Learning* 47, 2002);
 * - `thompson`: a Beta(1 + sales, 1 + non-sales) posterior per price, play the price whose sampled
 *   margin × conversion is highest (Thompson 1933; Russo et al., "A tutorial on Thompson sampling",
 *   *Found. Trends ML* 11(1), 2018, §3 for Bernoulli bandits with rewards scaled by the margin).
 *
 * Regret is the expected margin given up against always playing the best price, a known truth here.
 */
import { SeededRandom } from '../stats/random.ts';
import { checkCost } from './demand.ts';
import { randomGamma } from './sampling.ts';

export type BanditPolicy = 'ab' | 'epsilon-greedy' | 'ucb1' | 'thompson';
export const banditPolicies: readonly BanditPolicy[] = ['ab', 'epsilon-greedy', 'ucb1', 'thompson'];

/** Options of {@link priceExperiment}. */
export interface PriceExperimentOptions {
  policy: BanditPolicy;
  /** Candidate prices (the arms; apply price bounds by leaving prices out). Default 6, 8, 10, 12, 14. */
  prices?: readonly number[];
  /** Unit cost (default 5). */
  unitCost?: number;
  /** Price elasticity of the purchase probability (default −2.2). */
  elasticity?: number;
  /** Purchase probability at the reference price (default 0.3). */
  conversion?: number;
  /** Reference price (default 10). */
  referencePrice?: number;
  /** Customers (default 5000). */
  rounds?: number;
  /** Exploration probability of `epsilon-greedy` (default 0.1). */
  epsilon?: number;
  seed?: number;
  /** Record the cumulative regret every this many rounds (default rounds / 100, at least 1). */
  every?: number;
}

/** The result of {@link priceExperiment}. */
export interface PriceExperimentResult {
  policy: BanditPolicy;
  prices: number[];
  /** True purchase probability and expected margin per customer of each price. */
  conversion: number[];
  expectedMargin: number[];
  bestPrice: number;
  /** Customers shown each price. */
  pulls: number[];
  /** Σ price × sale, Σ margin × sale. */
  revenue: number;
  profit: number;
  /** Expected margin given up against the best price over all rounds. */
  regret: number;
  /** Cumulative regret after rounds `regretAt[k]`. */
  regretPath: number[];
  regretAt: number[];
  /** The price shown most often. */
  chosenPrice: number;
}

function randomBeta(rng: SeededRandom, a: number, b: number): number {
  const x = randomGamma(rng, a);
  return x / (x + randomGamma(rng, b));
}

/** Runs one seeded price experiment. */
export function priceExperiment(options: PriceExperimentOptions): PriceExperimentResult {
  const policy = options?.policy;
  if (!banditPolicies.includes(policy))
    throw new RangeError(`policy must be one of ${banditPolicies.join(', ')}, got ${String(policy)}`);
  const prices = [...(options.prices ?? [6, 8, 10, 12, 14])];
  const c = checkCost(options.unitCost ?? 5, 'unitCost', false);
  if (prices.length < 2 || !prices.every((p) => Number.isFinite(p) && p > c))
    throw new RangeError(
      `prices must be at least 2 numbers above the unit cost ${c}, got [${prices.join(', ')}]`,
    );
  const e = options.elasticity ?? -2.2;
  if (!(e < 0)) throw new RangeError(`elasticity must be < 0, got ${e}`);
  const q0 = options.conversion ?? 0.3;
  if (!(q0 > 0 && q0 <= 1)) throw new RangeError(`conversion must be in (0, 1], got ${q0}`);
  const p0 = checkCost(options.referencePrice ?? 10, 'referencePrice');
  const rounds = options.rounds ?? 5000;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new RangeError(`rounds must be a whole number ≥ 1, got ${rounds}`);
  const epsilon = options.epsilon ?? 0.1;
  if (!(epsilon >= 0 && epsilon <= 1)) throw new RangeError(`epsilon must be in [0, 1], got ${epsilon}`);
  const every = options.every ?? Math.max(1, Math.floor(rounds / 100));
  const rng = new SeededRandom(options.seed ?? 1);

  const k = prices.length;
  const conversion = prices.map((p) => Math.min(1, q0 * Math.pow(p / p0, e)));
  const margin = prices.map((p) => p - c);
  const expectedMargin = conversion.map((q, i) => q * margin[i]);
  const best = expectedMargin.indexOf(Math.max(...expectedMargin));
  const maxMargin = Math.max(...margin);
  const pulls = new Array<number>(k).fill(0);
  const sales = new Array<number>(k).fill(0);
  let revenue = 0;
  let profit = 0;
  let regret = 0;
  const regretPath: number[] = [];
  const regretAt: number[] = [];
  const argmax = (score: (i: number) => number) => {
    let bi = 0;
    let bv = -Infinity;
    for (let i = 0; i < k; i++) {
      const v = score(i);
      if (v > bv) {
        bv = v;
        bi = i;
      }
    }
    return bi;
  };
  for (let t = 0; t < rounds; t++) {
    let arm: number;
    const untried = pulls.indexOf(0);
    if (policy === 'ab') arm = t % k;
    else if (untried >= 0 && policy !== 'thompson') arm = untried;
    else if (policy === 'epsilon-greedy')
      arm =
        rng.uniform() < epsilon
          ? Math.floor(rng.uniform() * k)
          : argmax((i) => (sales[i] * margin[i]) / pulls[i]);
    else if (policy === 'ucb1')
      arm = argmax(
        (i) => (sales[i] * margin[i]) / pulls[i] / maxMargin + Math.sqrt((2 * Math.log(t)) / pulls[i]),
      );
    else arm = argmax((i) => margin[i] * randomBeta(rng, 1 + sales[i], 1 + pulls[i] - sales[i]));
    const sold = rng.uniform() < conversion[arm];
    pulls[arm]++;
    if (sold) {
      sales[arm]++;
      revenue += prices[arm];
      profit += margin[arm];
    }
    regret += expectedMargin[best] - expectedMargin[arm];
    if ((t + 1) % every === 0 || t === rounds - 1) {
      regretPath.push(regret);
      regretAt.push(t + 1);
    }
  }
  return {
    policy,
    prices,
    conversion,
    expectedMargin,
    bestPrice: prices[best],
    pulls,
    revenue,
    profit,
    regret,
    regretPath,
    regretAt,
    chosenPrice: prices[pulls.indexOf(Math.max(...pulls))],
  };
}
