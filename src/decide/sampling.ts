/**
 * Count and gamma deviates from the project's seeded generator (`stats/random.ts`), for simulated demand.
 *
 * - Poisson: inversion by sequential search (Devroye, *Non-Uniform Random Variate Generation*, 1986,
 *   §X.3.3), exact; a large mean is split into pieces of at most 30 (a sum of independent Poissons is
 *   Poisson), so e^{−λ} never underflows and the cost stays O(λ).
 * - Gamma: Marsaglia & Tsang, "A simple method for generating gamma variables", *ACM TOMS* 26(3), 2000;
 *   shape < 1 by their boost U^{1/a}.
 * - Negative binomial with mean μ and size k (variance μ + μ²/k): Poisson with a Gamma(k, μ/k) mean.
 */
import type { SeededRandom } from '../stats/random.ts';
import { randomGamma } from '../stats/random-gamma.ts';

/** A Poisson(mean) deviate. */
export function randomPoisson(rng: SeededRandom, mean: number): number {
  let total = 0;
  let rest = mean;
  while (rest > 0) {
    const lambda = Math.min(rest, 30);
    rest -= lambda;
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = rng.uniform();
    while (u > cdf && k < 1000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    total += k;
  }
  return total;
}

/** A Gamma(shape, scale) deviate (mean shape·scale): `randomGamma` of `dplab/stats`. */
export { randomGamma };

/** A negative binomial deviate with the given mean and size (Infinity: Poisson). */
export function randomNegativeBinomial(rng: SeededRandom, mean: number, size: number): number {
  if (mean <= 0) return 0;
  if (size === Infinity) return randomPoisson(rng, mean);
  return randomPoisson(rng, randomGamma(rng, size, mean / size));
}
