/**
 * User–item interactions as sparse matrices, the input of every recommender.
 *
 * Users and items are dense integer indices (0…numUsers−1, 0…numItems−1) with their external ids
 * kept alongside, so algorithms work on typed arrays and results can name ids. The matrix is held
 * twice, in compressed sparse row form by user (CSR) and by item (CSC), because neighbourhood and
 * factorisation methods walk it both ways. Values are ratings (explicit feedback) or counts / 1
 * (implicit feedback). Plain data: it crosses the worker boundary by structured clone.
 *
 * Within a row the items are in increasing index order, within a column the users are, so two rows
 * (or columns) can be intersected by a merge walk and an entry found by binary search.
 */

import { fromTriplets } from './from-triplets.ts';
import type { DuplicatePolicy, Interaction, Interactions } from './interaction-types.ts';

export { fromTriplets };
export type { DuplicatePolicy, Interaction, Interactions } from './interaction-types.ts';

/** Options of {@link buildInteractions}. */
export interface BuildInteractionsOptions {
  /**
   * The user ids and their order (index = position). Default: the ids in the order they are first seen
   * in `rows`. When given, a row whose user is not in the list is an error; users without rows are kept
   * (empty rows), so train and test sets built with the same lists share one index.
   */
  users?: readonly string[];
  /** The item ids and their order, as `users`. Default: first-seen order. */
  items?: readonly string[];
  /**
   * Several rows of one pair: `'sum'` adds the values and keeps the earliest time (the pair's first
   * interaction, as a purchase count with its first date); `'last'` keeps the value and time of the
   * last row in input order; `'max'` keeps the largest value and that row's time. Default `'sum'`.
   */
  duplicate?: DuplicatePolicy;
}

/** Builds the sparse matrices from rows of (user, item, value = 1, time). */
export function buildInteractions(
  rows: readonly Interaction[],
  options: BuildInteractionsOptions = {},
): Interactions {
  const duplicate = options.duplicate ?? 'sum';
  if (duplicate !== 'sum' && duplicate !== 'last' && duplicate !== 'max') {
    throw new RangeError(`invalid duplicate: ${String(duplicate)} (must be 'sum', 'last' or 'max')`);
  }
  if (!Array.isArray(rows)) throw new TypeError('rows must be an array of { user, item, value?, time? }');
  const users = new IdIndex('user', options.users);
  const items = new IdIndex('item', options.items);
  const n = rows.length;
  const u = new Int32Array(n);
  const i = new Int32Array(n);
  const v = new Float64Array(n);
  const t = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    u[r] = users.index(row?.user, r);
    i[r] = items.index(row?.item, r);
    const value = row.value ?? 1;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(
        `row ${r + 1} (user '${row.user}', item '${row.item}'): value is ${String(value)}; values must be finite numbers (omit value for 1)`,
      );
    }
    const time = row.time ?? NaN;
    if (row.time !== undefined && (typeof time !== 'number' || !Number.isFinite(time))) {
      throw new RangeError(
        `row ${r + 1} (user '${row.user}', item '${row.item}'): time is ${String(row.time)}; give milliseconds since the epoch (Date.parse(…)) or omit it`,
      );
    }
    v[r] = value;
    t[r] = time;
  }
  return fromTriplets(users.ids, items.ids, u, i, v, t, duplicate);
}

/**
 * A sparse matrix in one orientation: vector a has entries `index[ptr[a] … ptr[a+1])` with values
 * `value[…]`, indices increasing. {@link byUser} and {@link byItem} view `Interactions` this way.
 */
export interface SparseVectors {
  ptr: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

/** The users' rows (CSR) as sparse vectors over items. */
export const byUser = (x: Interactions): SparseVectors => ({
  ptr: x.userPtr,
  index: x.userItems,
  value: x.userValues,
});
/** The items' columns (CSC) as sparse vectors over users. */
export const byItem = (x: Interactions): SparseVectors => ({
  ptr: x.itemPtr,
  index: x.itemUsers,
  value: x.itemValues,
});

/** Number of users (rows). */
export const numUsers = (x: Interactions): number => x.userIds.length;
/** Number of items (columns). */
export const numItems = (x: Interactions): number => x.itemIds.length;
/** Number of stored user–item pairs. */
export const numInteractions = (x: Interactions): number => x.userItems.length;

/** The items, values and times of user index `u` (views into `x`, not copies). */
export function userRow(
  x: Interactions,
  u: number,
): { items: Int32Array; values: Float64Array; times: Float64Array } {
  checkIndex(u, x.userIds.length, 'user');
  const a = x.userPtr[u];
  const b = x.userPtr[u + 1];
  return {
    items: x.userItems.subarray(a, b),
    values: x.userValues.subarray(a, b),
    times: x.userTimes.subarray(a, b),
  };
}

/** The users and values of item index `i` (views into `x`, not copies). */
export function itemColumn(x: Interactions, i: number): { users: Int32Array; values: Float64Array } {
  checkIndex(i, x.itemIds.length, 'item');
  const a = x.itemPtr[i];
  const b = x.itemPtr[i + 1];
  return { users: x.itemUsers.subarray(a, b), values: x.itemValues.subarray(a, b) };
}

/** The value of the pair (u, i), or 0 when absent (binary search in the sorted row). */
export function valueAt(x: Interactions, u: number, i: number): number {
  const k = findInRow(x, u, i);
  return k < 0 ? 0 : x.userValues[k];
}

/** The position of item i in user u's CSR row, or −1. */
export function findInRow(x: Interactions, u: number, i: number): number {
  let lo = x.userPtr[u];
  let hi = x.userPtr[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = x.userItems[mid];
    if (m === i) return mid;
    if (m < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const indexCache = new WeakMap<readonly string[], Map<string, number>>();

/** The index of an id in `ids` (a user or item id list), or −1; the lookup map is built once per list. */
export function indexOfId(ids: readonly string[], id: string): number {
  let map = indexCache.get(ids);
  if (!map) {
    map = new Map(ids.map((d, k) => [d, k]));
    indexCache.set(ids, map);
  }
  return map.get(id) ?? -1;
}

function checkIndex(k: number, n: number, what: string): void {
  if (!Number.isInteger(k) || k < 0 || k >= n) {
    throw new RangeError(
      `invalid ${what} index: ${k} (must be an integer in 0…${n - 1}; map ids with indexOfId)`,
    );
  }
}

/** Maps ids to indices: given (fixed list) or first-seen. */
class IdIndex {
  readonly ids: string[];
  private readonly map = new Map<string, number>();
  private readonly fixed: boolean;
  constructor(
    private readonly what: 'user' | 'item',
    given?: readonly string[],
  ) {
    this.fixed = given !== undefined;
    this.ids = given ? [...given] : [];
    this.ids.forEach((id, k) => {
      if (typeof id !== 'string' || id === '') {
        throw new RangeError(
          `options.${what}s[${k}] is ${JSON.stringify(id)}: ids must be non-empty strings`,
        );
      }
      if (this.map.has(id)) throw new RangeError(`options.${what}s lists '${id}' twice; ids must be unique`);
      this.map.set(id, k);
    });
  }
  index(id: unknown, row: number): number {
    if (typeof id !== 'string' || id === '') {
      throw new RangeError(
        `row ${row + 1}: ${this.what} is ${JSON.stringify(id)}; ids must be non-empty strings (convert numbers with String(…), drop rows without a ${this.what})`,
      );
    }
    const k = this.map.get(id);
    if (k !== undefined) return k;
    if (this.fixed) {
      throw new RangeError(
        `row ${row + 1}: ${this.what} '${id}' is not in options.${this.what}s; add it there or drop the row`,
      );
    }
    this.map.set(id, this.ids.length);
    this.ids.push(id);
    return this.ids.length - 1;
  }
}
