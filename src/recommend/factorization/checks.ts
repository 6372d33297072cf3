/**
 * Checks shared by the factorisation recommenders: options, the interaction matrix, user indices and
 * list lengths. Each error says what was wrong and what to do, as everywhere in dplab.
 */
import type { Interactions } from '../interactions.ts';

/** An integer option ≥ `min`, e.g. `invalid factors: 0 (must be an integer ≥ 1; 10–100 is usual)`. */
export function checkInteger(name: string, value: number, min: number, hint = ''): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`invalid ${name}: ${value} (must be an integer ≥ ${min}${hint ? `; ${hint}` : ''})`);
  }
  return value;
}

/** A finite number option > 0 (or ≥ 0 when `zero` is allowed). */
export function checkPositive(name: string, value: number, { zero = false, hint = '' } = {}): number {
  if (!Number.isFinite(value) || value < 0 || (!zero && value === 0)) {
    throw new RangeError(
      `invalid ${name}: ${value} (must be a finite number ${zero ? '≥' : '>'} 0${hint ? `; ${hint}` : ''})`,
    );
  }
  return value;
}

/** A finite seed for {@link SeededRandom}. */
export function checkSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);
  return seed;
}

/**
 * Checks that `interactions` is a consistent sparse matrix and that every value is finite; with
 * `nonNegative`, also ≥ 0 (implicit feedback is a strength, not a rating).
 */
export function checkInteractions(
  interactions: Interactions,
  model: string,
  { nonNegative = false }: { nonNegative?: boolean } = {},
): void {
  const numUsers = interactions?.userIds?.length;
  const numItems = interactions?.itemIds?.length;
  if (numUsers === undefined || numItems === undefined || !(interactions.userPtr instanceof Int32Array)) {
    throw new TypeError(`${model} needs an Interactions object; build one with buildInteractions(rows)`);
  }
  const nnz = interactions.userItems.length;
  if (
    interactions.userPtr.length !== numUsers + 1 ||
    interactions.itemPtr.length !== numItems + 1 ||
    interactions.userPtr[numUsers] !== nnz ||
    interactions.itemPtr[numItems] !== nnz ||
    interactions.userValues.length !== nnz ||
    interactions.itemUsers.length !== nnz ||
    interactions.itemValues.length !== nnz
  ) {
    throw new RangeError(
      `inconsistent Interactions: ${numUsers} users, ${numItems} items, ${nnz} entries but pointer arrays of other lengths; build it with buildInteractions(rows)`,
    );
  }
  const values = interactions.userValues;
  for (let u = 0; u < numUsers; u++) {
    for (let p = interactions.userPtr[u]; p < interactions.userPtr[u + 1]; p++) {
      const v = values[p];
      if (!Number.isFinite(v) || (nonNegative && v < 0)) {
        const item = interactions.itemIds[interactions.userItems[p]];
        const what = nonNegative
          ? 'finite strengths ≥ 0 (counts or 1); drop returns or clip negatives first'
          : 'finite ratings; drop or impute missing ratings first';
        throw new RangeError(
          `value ${v} for user "${interactions.userIds[u]}", item "${item}": ${model} needs ${what}`,
        );
      }
    }
  }
}

/** A dense user index in 0…numUsers−1. */
export function checkUser(user: number, numUsers: number): number {
  if (!Number.isInteger(user) || user < 0 || user >= numUsers) {
    throw new RangeError(
      `unknown user index: ${user} (must be an integer in 0…${numUsers - 1}; map ids to indices with interactions.userIds.indexOf(id))`,
    );
  }
  return user;
}

/** A dense item index in 0…numItems−1. */
export function checkItem(item: number, numItems: number): number {
  if (!Number.isInteger(item) || item < 0 || item >= numItems) {
    throw new RangeError(
      `unknown item index: ${item} (must be an integer in 0…${numItems - 1}; map ids to indices with interactions.itemIds.indexOf(id))`,
    );
  }
  return item;
}

/** The interactions passed to recommend/explain must be the matrix the model was fitted on. */
export function checkSameShape(interactions: Interactions, numUsers: number, numItems: number): void {
  if (interactions.userIds.length !== numUsers || interactions.itemIds.length !== numItems) {
    throw new RangeError(
      `the model was fitted on ${numUsers} users × ${numItems} items but these interactions have ${interactions.userIds.length} × ${interactions.itemIds.length}; pass the interactions the model was fitted on, or refit`,
    );
  }
}
