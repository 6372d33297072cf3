/**
 * Seeded daily retail demand with a known truth: per product a base level, a weekly profile (busier
 * weekends), a yearly wave, promotions (a few days of lifted demand, unknown to the forecasters) and
 * over-dispersed counts (negative binomial around the true rate, as retail unit sales are).
 */
import { SeededRandom } from '../stats/random.ts';
import { randomNegativeBinomial } from './sampling.ts';

/** Options of {@link retailDemand}. */
export interface RetailDemandOptions {
  /** Number of products (default 5). */
  products?: number;
  /** Number of days (default 547: 182 of history and a year). */
  days?: number;
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Negative binomial size k: variance = rate + rate²/k (default 8; Infinity for Poisson counts). */
  dispersion?: number;
  /** Mean days between promotions of a product (default 45). */
  promotionEvery?: number;
}

/** One product's demand and the truth behind it. */
export interface RetailProductDemand {
  name: string;
  /** Average units a day before weekly, yearly and promotion effects. */
  base: number;
  /** Multipliers for day 0, 1, …, 6 of the week (mean 1); day 0 is the first simulated day. */
  weekly: number[];
  /** Relative amplitude of the yearly wave. */
  yearlyAmplitude: number;
  /** Per day: the promotion lift (1 when there is none). */
  promotion: number[];
  /** Per day: the true expected demand. */
  rate: number[];
  /** Per day: the units demanded (whole numbers). */
  demand: number[];
}

export const retailDemandDefaults = {
  products: 5,
  days: 547,
  seed: 1,
  dispersion: 8,
  promotionEvery: 45,
} as const satisfies Required<RetailDemandOptions>;

/** Generates daily demand for several products; the same seed gives the same demand everywhere. */
export function retailDemand(options: RetailDemandOptions = {}): RetailProductDemand[] {
  const o = { ...retailDemandDefaults, ...options };
  if (!Number.isInteger(o.products) || o.products < 1)
    throw new RangeError(`products must be a whole number ≥ 1, got ${o.products}`);
  if (!Number.isInteger(o.days) || o.days < 1)
    throw new RangeError(`days must be a whole number ≥ 1, got ${o.days}`);
  if (!(o.dispersion > 0))
    throw new RangeError(`dispersion must be > 0 (Infinity for Poisson), got ${o.dispersion}`);
  if (!(o.promotionEvery > 0))
    throw new RangeError(`promotionEvery must be > 0 days, got ${o.promotionEvery}`);
  const rng = new SeededRandom(o.seed);
  const out: RetailProductDemand[] = [];
  for (let p = 0; p < o.products; p++) {
    // Base levels spread over slow and fast movers (log-uniform 3 … 60 a day).
    const base = Math.exp(Math.log(3) + rng.uniform() * Math.log(20));
    const weekend = 1.2 + 0.5 * rng.uniform();
    const raw = [1, 0.9, 0.9, 1, 1.1, weekend, weekend * 0.95];
    const shift = Math.floor(rng.uniform() * 7);
    const mean = raw.reduce((a, b) => a + b, 0) / 7;
    const weekly = Array.from({ length: 7 }, (_, d) => raw[(d + shift) % 7] / mean);
    const yearlyAmplitude = 0.1 + 0.3 * rng.uniform();
    const phase = rng.uniform() * 365;
    const promotion = new Array<number>(o.days).fill(1);
    for (let t = Math.floor(rng.uniform() * o.promotionEvery); t < o.days;) {
      const length = 3 + Math.floor(rng.uniform() * 5);
      const lift = 1.5 + rng.uniform();
      for (let k = t; k < Math.min(t + length, o.days); k++) promotion[k] = lift;
      t += length + Math.max(7, Math.round(-o.promotionEvery * Math.log(1 - rng.uniform())));
    }
    const rate = new Array<number>(o.days);
    const demand = new Array<number>(o.days);
    for (let t = 0; t < o.days; t++) {
      rate[t] =
        base *
        weekly[t % 7] *
        (1 + yearlyAmplitude * Math.sin((2 * Math.PI * (t + phase)) / 365)) *
        promotion[t];
      demand[t] = randomNegativeBinomial(rng, rate[t], o.dispersion);
    }
    out.push({ name: `product ${p + 1}`, base, weekly, yearlyAmplitude, promotion, rate, demand });
  }
  return out;
}
