/**
 * Service-time distributions for {@link simulateService}, each given by its mean (and coefficient of
 * variation cv = sd / mean where the family has one), so that configurations compare at equal load.
 *
 * - exponential: the M in M/M/c (cv = 1).
 * - constant: deterministic, the D in M/D/c (cv = 0).
 * - lognormal: σ² = log(1 + cv²), μ = log(mean) − σ²/2 — heavy right tail, typical of API latencies.
 * - gamma: shape k = 1/cv², scale mean/k, drawn by Marsaglia & Tsang ("A simple method for generating
 *   gamma variables", *ACM TOMS* 26(3), 2000), with the U^{1/k} boost for k < 1 (their §6).
 * - empirical: resampled uniformly from measured service times (a bootstrap of a latency log).
 */
import type { SeededRandom } from '../stats/random.ts';
import { randomGamma } from '../stats/random-gamma.ts';

export type ServiceTimeSpec =
  | { dist: 'exponential'; mean: number }
  | { dist: 'constant'; mean: number }
  | { dist: 'lognormal'; mean: number; cv?: number }
  | { dist: 'gamma'; mean: number; cv?: number }
  | { dist: 'empirical'; samples: ArrayLike<number> };

/** The kinds {@link ServiceTimeSpec} accepts. */
export const serviceTimeKinds = ['exponential', 'constant', 'lognormal', 'gamma', 'empirical'] as const;

/** A sampler with the moments of its distribution (E[S] and E[S²], for Pollaczek–Khinchine checks). */
export interface ServiceTimeSampler {
  mean: number;
  secondMoment: number;
  sample: (rng: SeededRandom) => number;
}

/** Checks a {@link ServiceTimeSpec} (cv defaults to 1) and returns its sampler; `name` prefixes errors. */
export function serviceTimeSampler(spec: ServiceTimeSpec, name = 'service'): ServiceTimeSampler {
  if (typeof spec !== 'object' || spec === null) {
    throw new TypeError(`${name} must be an object such as { dist: 'exponential', mean: 0.05 }`);
  }
  const dist = spec.dist;
  if (!(serviceTimeKinds as readonly string[]).includes(dist)) {
    throw new RangeError(`invalid ${name}.dist: ${String(dist)} (one of ${serviceTimeKinds.join(', ')})`);
  }
  if (spec.dist === 'empirical') {
    const xs = spec.samples;
    if (xs === null || typeof xs !== 'object' || typeof xs.length !== 'number' || xs.length < 1) {
      throw new RangeError(`invalid ${name}.samples: give at least one measured service time`);
    }
    const values = Float64Array.from(xs);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!(v >= 0 && Number.isFinite(v))) {
        throw new RangeError(
          `invalid ${name}.samples[${i}]: ${xs[i]} (service times must be finite and ≥ 0)`,
        );
      }
      s1 += v;
      s2 += v * v;
    }
    const n = values.length;
    return {
      mean: s1 / n,
      secondMoment: s2 / n,
      sample: (rng) => values[Math.floor(rng.uniform() * n)],
    };
  }
  const mean = spec.mean;
  if (!(mean > 0 && Number.isFinite(mean))) {
    throw new RangeError(`invalid ${name}.mean: ${mean} (a mean service time in seconds, > 0)`);
  }
  if (spec.dist === 'exponential') {
    return { mean, secondMoment: 2 * mean * mean, sample: (rng) => -mean * Math.log1p(-rng.uniform()) };
  }
  if (spec.dist === 'constant') return { mean, secondMoment: mean * mean, sample: () => mean };
  const cv = spec.cv ?? 1;
  if (!(cv > 0 && Number.isFinite(cv))) {
    throw new RangeError(`invalid ${name}.cv: ${cv} (coefficient of variation sd/mean, a finite number > 0)`);
  }
  const secondMoment = mean * mean * (1 + cv * cv);
  if (spec.dist === 'lognormal') {
    const sigma2 = Math.log1p(cv * cv);
    const mu = Math.log(mean) - sigma2 / 2;
    const sigma = Math.sqrt(sigma2);
    return { mean, secondMoment, sample: (rng) => Math.exp(rng.normal(mu, sigma)) };
  }
  const shape = 1 / (cv * cv);
  const scale = mean / shape;
  return { mean, secondMoment, sample: (rng) => randomGamma(rng, shape, scale) };
}
