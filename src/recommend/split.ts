/**
 * Train/test splits of interactions for offline evaluation (Shani & Gunawardana, "Evaluating
 * recommendation systems", *Recommender Systems Handbook*, 2011, §8.2.2; Campos, Díez & Cantador,
 * "Time-aware recommender systems: a comprehensive survey and analysis of existing evaluation
 * protocols", *UMUAI* 24, 2014). Both parts keep the full user and item id lists, so a model fitted on
 * `train` recommends with `train` and is scored against `test` by the same indices.
 */
import { SeededRandom } from '../stats/random.ts';
import {
  buildInteractions,
  fromTriplets,
  type DuplicatePolicy,
  type Interaction,
  type Interactions,
} from './interactions.ts';
import { toTime } from './popularity.ts';

/** The two parts; same `userIds` and `itemIds`. */
export interface InteractionSplit {
  train: Interactions;
  test: Interactions;
}

/** Options of {@link randomSplit}. */
export interface RandomSplitOptions {
  /** Share of the interactions held out, in (0, 1); the count is rounded up, as scikit-learn's `test_size`. Default 0.2. */
  test?: number;
  /** Seed of the draw. Default 1. */
  seed?: number;
}

/** Holds out a seeded random share of all interactions. Ignores time: the test set mixes past and future. */
export function randomSplit(x: Interactions, options: RandomSplitOptions = {}): InteractionSplit {
  const test = checkShare(options.test ?? 0.2, 'test');
  const rng = new SeededRandom(checkSeed(options.seed ?? 1));
  const n = x.userItems.length;
  const m = Math.ceil(test * n);
  // Partial Fisher–Yates: the first m positions of a random permutation go to test.
  const order = Int32Array.from({ length: n }, (_, k) => k);
  const inTest = new Uint8Array(n);
  for (let k = 0; k < m; k++) {
    const r = k + Math.floor(rng.uniform() * (n - k));
    const t = order[k];
    order[k] = order[r];
    order[r] = t;
    inTest[order[k]] = 1;
  }
  return partition(x, inTest);
}

/** Options of {@link temporalSplit}. */
export interface TemporalSplitOptions {
  /** The cut: interactions before it train, at or after it test. ms since the epoch or an ISO date. Required. */
  cut: number | string;
  /**
   * Keep in test only user–item pairs not already in train (repeat purchases dropped). Default true.
   * Applies to rows; `Interactions` hold one time per pair, so each pair is wholly on one side.
   */
  newPairsOnly?: boolean;
  /** With rows: how repeated pairs within each side are merged (see `buildInteractions`). Default `'sum'`. */
  duplicate?: DuplicatePolicy;
}

/**
 * Splits at a date: the past trains, the future tests, as a deployed recommender would be used. Takes
 * `Interactions` (split by each pair's time) or raw rows (split row by row, then merged on each side).
 */
export function temporalSplit(
  data: Interactions | readonly Interaction[],
  options: TemporalSplitOptions,
): InteractionSplit {
  if (options?.cut === undefined)
    throw new RangeError("temporalSplit needs a cut, e.g. { cut: '2011-11-01' }");
  const cut = toTime(options.cut, 'cut');
  const newPairsOnly = options.newPairsOnly ?? true;
  if (!isRows(data)) {
    const inTest = new Uint8Array(data.userItems.length);
    for (let u = 0; u < data.userIds.length; u++) {
      for (let k = data.userPtr[u]; k < data.userPtr[u + 1]; k++) {
        const t = data.userTimes[k];
        if (Number.isNaN(t))
          throw missingTime(data.userIds[u], data.itemIds[data.userItems[k]], 'temporalSplit');
        inTest[k] = t >= cut ? 1 : 0;
      }
    }
    return partition(data, inTest);
  }
  const all = buildInteractions(data, { duplicate: options.duplicate });
  const before: Interaction[] = [];
  const after: Interaction[] = [];
  data.forEach((row, r) => {
    if (row.time === undefined)
      throw new RangeError(`row ${r + 1} has no time; temporalSplit needs one on every row`);
    (row.time < cut ? before : after).push(row);
  });
  const lists = { users: all.userIds, items: all.itemIds, duplicate: options.duplicate };
  const train = buildInteractions(before, lists);
  const seen = new Set(before.map((row) => `${row.user}\u0000${row.item}`));
  const test = buildInteractions(
    newPairsOnly ? after.filter((row) => !seen.has(`${row.user}\u0000${row.item}`)) : after,
    lists,
  );
  return { train, test };
}

/** Options of {@link leaveLastOut}. */
export interface LeaveLastOutOptions {
  /** Interactions held out per user, an integer ≥ 1. Default 1. */
  n?: number;
}

/**
 * Holds out each user's last n interactions by time (ties: the larger item index last). Users with n or
 * fewer interactions stay wholly in train, so every test user has a history.
 */
export function leaveLastOut(x: Interactions, options: LeaveLastOutOptions = {}): InteractionSplit {
  const n = options.n ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid n: ${n} (must be an integer ≥ 1)`);
  const inTest = new Uint8Array(x.userItems.length);
  for (let u = 0; u < x.userIds.length; u++) {
    const a = x.userPtr[u];
    const b = x.userPtr[u + 1];
    if (b - a <= n) continue;
    const positions: number[] = [];
    for (let k = a; k < b; k++) {
      if (Number.isNaN(x.userTimes[k]))
        throw missingTime(x.userIds[u], x.itemIds[x.userItems[k]], 'leaveLastOut');
      positions.push(k);
    }
    positions.sort((p, q) => x.userTimes[p] - x.userTimes[q] || x.userItems[p] - x.userItems[q]);
    for (const k of positions.slice(-n)) inTest[k] = 1;
  }
  return partition(x, inTest);
}

/** Options of {@link coldStartSplit}. */
export interface ColdStartSplitOptions {
  /** Hold out whole users (new customers) or whole items (new products). Default `'user'`. */
  by?: 'user' | 'item';
  /** Share of the users (or items) with interactions held out, in (0, 1), rounded up. Default 0.2. */
  test?: number;
  /** Seed of the draw. Default 1. */
  seed?: number;
}

/** Holds out every interaction of a seeded random share of the users (or items): they are unknown in train. */
export function coldStartSplit(x: Interactions, options: ColdStartSplitOptions = {}): InteractionSplit {
  const by = options.by ?? 'user';
  if (by !== 'user' && by !== 'item')
    throw new RangeError(`invalid by: ${String(by)} (must be 'user' or 'item')`);
  const test = checkShare(options.test ?? 0.2, 'test');
  const rng = new SeededRandom(checkSeed(options.seed ?? 1));
  const ptr = by === 'user' ? x.userPtr : x.itemPtr;
  const active: number[] = [];
  for (let a = 0; a + 1 < ptr.length; a++) if (ptr[a + 1] > ptr[a]) active.push(a);
  const m = Math.ceil(test * active.length);
  for (let k = 0; k < m; k++) {
    const r = k + Math.floor(rng.uniform() * (active.length - k));
    [active[k], active[r]] = [active[r], active[k]];
  }
  const held = new Uint8Array(ptr.length - 1);
  for (const a of active.slice(0, m)) held[a] = 1;
  const inTest = new Uint8Array(x.userItems.length);
  for (let u = 0; u < x.userIds.length; u++) {
    for (let k = x.userPtr[u]; k < x.userPtr[u + 1]; k++)
      inTest[k] = held[by === 'user' ? u : x.userItems[k]];
  }
  return partition(x, inTest);
}

/** Splits the CSR entries of `x` by a 0/1 mask over them. */
function partition(x: Interactions, inTest: Uint8Array): InteractionSplit {
  const part = (want: number): Interactions => {
    let n = 0;
    for (const f of inTest) if (f === want) n++;
    const u = new Int32Array(n);
    const i = new Int32Array(n);
    const v = new Float64Array(n);
    const t = new Float64Array(n);
    let c = 0;
    for (let user = 0; user < x.userIds.length; user++) {
      for (let k = x.userPtr[user]; k < x.userPtr[user + 1]; k++) {
        if (inTest[k] !== want) continue;
        u[c] = user;
        i[c] = x.userItems[k];
        v[c] = x.userValues[k];
        t[c++] = x.userTimes[k];
      }
    }
    return fromTriplets(x.userIds, x.itemIds, u, i, v, t);
  };
  return { train: part(0), test: part(1) };
}

function isRows(data: Interactions | readonly Interaction[]): data is readonly Interaction[] {
  return Array.isArray(data);
}

function checkShare(p: number, name: string): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`invalid ${name}: ${p} (a share between 0 and 1, e.g. 0.2)`);
  return p;
}

function checkSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);
  return seed;
}

function missingTime(user: string, item: string, fn: string): RangeError {
  return new RangeError(
    `user '${user}', item '${item}' has no time; ${fn} needs times on every interaction (or use randomSplit)`,
  );
}
