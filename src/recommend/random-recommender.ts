/**
 * The random recommender: each user gets a random list, the floor any recommender must beat and the
 * reference for coverage and novelty. Deterministic: the list depends only on the seed and the user id.
 */
import { SeededRandom } from '../stats/random.ts';
import type { Interactions } from './interactions.ts';
import type { RecommenderModelBase } from './recommender.ts';

/** Options of {@link fitRandom}. */
export interface RandomOptions {
  /** Seed of the lists. Default 1. */
  seed?: number;
}

export const randomDefaults = { seed: 1 } as const;

export interface RandomModel extends RecommenderModelBase {
  method: 'random';
  seed: number;
}

/** "Fits" the random recommender: it only remembers the seed and the number of items. */
export function fitRandom(x: Interactions, options: RandomOptions = {}): RandomModel {
  const seed = options.seed ?? randomDefaults.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);
  return { method: 'random', numItems: x.itemIds.length, seed };
}

/** Uniform scores in [0, 1) drawn from a stream seeded by the model's seed and the user id. */
export function scoreRandom(model: RandomModel, user: string, out: Float64Array): void {
  const rng = new SeededRandom((Math.trunc(model.seed) ^ hashString(user)) >>> 0);
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform();
}

/** FNV-1a hash of a string's UTF-16 code units (32-bit). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
