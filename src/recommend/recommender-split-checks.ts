/**
 * Guardrails for judging recommenders offline: does the test set hold what the models could not have
 * seen, and who and what does it score? A recommender is judged on interactions that are not in its
 * training data, ideally later ones (Shani & Gunawardana, "Evaluating recommendation systems",
 * *Recommender Systems Handbook*, 2011, §8.2.2; Campos, Díez & Cantador, "Time-aware recommender
 * systems: a comprehensive survey and analysis of existing evaluation protocols", *UMUAI* 24, 2014;
 * Ji et al., "A critical study on data leakage in recommender system offline evaluation", *ACM TOIS*
 * 41(3), 2023).
 *
 * Each check returns warnings for the student (empty when all is well) rather than throwing: a lesson
 * can show a bad split and what it does to the scores. `compareRecommenders` reports them. The checks
 * count the relevant test pairs (value ≥ `relevance`), the ones the scores are computed from.
 */
import { findInRow, indexOfId, type Interactions } from './interactions.ts';

/**
 * What a {@link RecommenderWarning} is about:
 * - `'train-test-overlap'`: test pairs that are also in train (the user already has the item);
 * - `'cold-start-users'`: test users with no history in train;
 * - `'unknown-items'`: test pairs of items nobody has in train;
 * - `'empty-test'`: no test user is scored, so there are no scores;
 * - `'random-split'`: test pairs older than their own user's training data (the split ignores time);
 * - `'time-leak'`: test pairs older than someone else's training data (per-user splits such as leave-last-out).
 */
export type RecommenderWarningCode =
  'train-test-overlap' | 'cold-start-users' | 'unknown-items' | 'empty-test' | 'random-split' | 'time-leak';

/** One guardrail that fired. */
export interface RecommenderWarning {
  code: RecommenderWarningCode;
  /** How many test pairs (users for `'cold-start-users'`) it concerns; 0 for `'empty-test'`. */
  count: number;
  /** `count` as a share of the relevant test pairs (of the test users for `'cold-start-users'`), in [0, 1]. */
  share: number;
  /** What looks wrong, why it distorts the scores and what to do, in a sentence or three. */
  message: string;
}

/** Options of the checks. */
export interface SplitCheckOptions {
  /** Test pairs with a value ≥ this are relevant (scored). Default: all. */
  relevance?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const percent = (share: number) => `${Number((100 * share).toPrecision(2))} %`;
/**
 * "All 12 test pairs", "The one test pair" or "3 of the 12 test pairs (25 %)", to start a sentence
 * (`capital`) or not; {@link verb} agrees with it.
 */
function ofTotal(n: number, total: number, word: string, capital = true): string {
  const text =
    n !== total
      ? `${n} of the ${plural(total, word)} (${percent(n / total)})`
      : total === 1
        ? `The one ${word}`
        : `All ${plural(total, word)}`;
  return capital ? text : text.replace(/^(All|The)/, (w) => w.toLowerCase());
}

/** The verb agreeing with a count: `verb(1, 'is', 'are')` is `'is'`. */
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Throws unless train and test list the same items in the same order (one index for both). */
export function requireSameItems(train: Interactions, test: Interactions): void {
  const same =
    test.itemIds.length === train.itemIds.length && test.itemIds.every((id, i) => id === train.itemIds[i]);
  if (!same) {
    throw new RangeError(
      `test and train have different item lists (${test.itemIds.length} and ${train.itemIds.length} items); split one set of interactions, or build both with the same items list`,
    );
  }
}

/** Calls `visit(u, p)` for each relevant test pair: user index u of `test`, position p in its CSR. */
function forEachRelevant(
  test: Interactions,
  relevance: number,
  visit: (u: number, p: number) => void,
): number {
  let n = 0;
  for (let u = 0; u < test.userIds.length; u++) {
    for (let p = test.userPtr[u]; p < test.userPtr[u + 1]; p++) {
      if (test.userValues[p] >= relevance) {
        n++;
        visit(u, p);
      }
    }
  }
  return n;
}

/** The index in `train` of each test user (−1 when train does not list the id). */
const trainIndexOf = (train: Interactions, test: Interactions) =>
  Int32Array.from(test.userIds, (id) => indexOfId(train.userIds, id));

/**
 * Warns `'train-test-overlap'` when relevant test pairs are also in train. `recommend` leaves each
 * user's training items out of the list, so such pairs can never be hit and pull every model's scores
 * down, while a recommender that repeats training items would hit them for free: either way the scores
 * stop measuring what users do next. Train and test must share their item list.
 */
export function checkPairOverlap(
  train: Interactions,
  test: Interactions,
  options: SplitCheckOptions = {},
): RecommenderWarning[] {
  requireSameItems(train, test);
  const where = trainIndexOf(train, test);
  let shared = 0;
  const total = forEachRelevant(test, options.relevance ?? -Infinity, (u, p) => {
    if (where[u] >= 0 && findInRow(train, where[u], test.userItems[p]) >= 0) shared++;
  });
  if (shared === 0) return [];
  const lead =
    shared === total
      ? `Every test pair (${total}) is also in train: is the test set the training data?`
      : `${ofTotal(shared, total, 'test pair')} ${verb(shared, 'is', 'are')} also in train: the user already has that item in the training data.`;
  return [
    {
      code: 'train-test-overlap',
      count: shared,
      share: shared / total,
      message: `${lead} recommend leaves a user's training items out, so no model can hit those pairs and every score is pulled down, while a recommender that repeats training items would hit them for free; the scores no longer measure what users do next. Split so that each user–item pair is on one side only: temporalSplit(x, { cut }), randomSplit(x) or leaveLastOut(x).`,
    },
  ];
}

/** Whether each user of `test` has a history in `train` (a 0/1 flag per test user index). */
export function warmTestUsers(train: Interactions, test: Interactions): Uint8Array {
  const where = trainIndexOf(train, test);
  return Uint8Array.from(where, (t) => (t >= 0 && train.userPtr[t + 1] > train.userPtr[t] ? 1 : 0));
}

/**
 * Warns `'cold-start-users'` when test users with a relevant pair have no history in train. With
 * `scored: false` (compareRecommenders' default, `users: 'warm'`) they are left out of the scores;
 * with `scored: true` they are in, and the models that need a history give them popular items.
 */
export function checkColdStartUsers(
  train: Interactions,
  test: Interactions,
  options: SplitCheckOptions & { scored?: boolean } = {},
): RecommenderWarning[] {
  const warm = warmTestUsers(train, test);
  const users = new Set<number>();
  forEachRelevant(test, options.relevance ?? -Infinity, (u) => users.add(u));
  let cold = 0;
  for (const u of users) if (!warm[u]) cold++;
  if (cold === 0) return [];
  const lead = `${ofTotal(cold, users.size, 'test user')} ${verb(cold, 'has', 'have')} no history in train (cold start)`;
  const message = options.scored
    ? `${lead} and are scored: recommenders that need a history give them the most popular items, which makes every model look more like popularity. Compare on returning users (users: 'warm', the default) and study new users on their own (coldStartSplit).`
    : `${lead}: they are left out of the scores, which describe returning users only. Pass { users: 'all' } to score them too (models that need a history then recommend popular items to them), or study new users on their own (coldStartSplit).`;
  return [{ code: 'cold-start-users', count: cold, share: cold / users.size, message }];
}

/**
 * Warns `'unknown-items'` when relevant test pairs are of items that nobody has in train: models that
 * learn from interactions cannot rank them (popularity scores them 0; neighbours and factors have
 * nothing to go on), so recall and NDCG cannot reach 1 — the item cold-start problem.
 */
export function checkUnknownItems(
  train: Interactions,
  test: Interactions,
  options: SplitCheckOptions = {},
): RecommenderWarning[] {
  requireSameItems(train, test);
  const items = new Set<number>();
  let first = Infinity;
  let pairs = 0;
  const total = forEachRelevant(test, options.relevance ?? -Infinity, (_u, p) => {
    const i = test.userItems[p];
    if (train.itemPtr[i + 1] === train.itemPtr[i]) {
      pairs++;
      items.add(i);
      first = Math.min(first, i);
    }
  });
  if (pairs === 0) return [];
  return [
    {
      code: 'unknown-items',
      count: pairs,
      share: pairs / total,
      message: `${ofTotal(pairs, total, 'test pair')} ${verb(pairs, 'is', 'are')} of ${plural(items.size, 'item')} nobody has in train (new items, such as '${test.itemIds[first]}'): a model that learns from interactions cannot rank them (popularity scores them 0, neighbours and factors have nothing to go on), so no model reaches a recall of 1. This is the item cold-start problem: report it, or add a content-based or hybrid model, which reads the items' descriptions.`,
    },
  ];
}

/**
 * Checks a split by the interactions' times, when every pair of both sets has one: warns
 * `'random-split'` when relevant test pairs are older than their own user's latest training pair (the
 * split ignores time), else `'time-leak'` when they are older than the latest training pair overall
 * (each user's test follows their own training data, but the models learn from others' later
 * behaviour, as with leave-last-out: Ji et al. 2023). Pairs also in train are left to
 * {@link checkPairOverlap}. Returns nothing when times are missing.
 */
export function checkTimeOrder(
  train: Interactions,
  test: Interactions,
  options: SplitCheckOptions = {},
): RecommenderWarning[] {
  requireSameItems(train, test);
  if (train.userTimes.some(Number.isNaN) || test.userTimes.some(Number.isNaN) || train.userTimes.length === 0)
    return [];
  const where = trainIndexOf(train, test);
  const latest = (t: number) => {
    let m = -Infinity;
    for (let p = train.userPtr[t]; p < train.userPtr[t + 1]; p++) m = Math.max(m, train.userTimes[p]);
    return m;
  };
  const userLatest = Float64Array.from(where, (t) => (t >= 0 ? latest(t) : -Infinity));
  const overall = train.userTimes.reduce((a, b) => Math.max(a, b), -Infinity);
  let own = 0;
  let anyone = 0;
  const total = forEachRelevant(test, options.relevance ?? -Infinity, (u, p) => {
    // A pair in both sets is the overlap check's to report, not a matter of time.
    if (where[u] >= 0 && findInRow(train, where[u], test.userItems[p]) >= 0) return;
    const t = test.userTimes[p];
    if (t < userLatest[u]) own++;
    if (t < overall) anyone++;
  });
  if (own > 0) {
    return [
      {
        code: 'random-split',
        count: own,
        share: own / total,
        message: `${ofTotal(own, total, 'test pair')} happened before their user's last training interaction: the split ignores time (a random split), so the models learn from each user's future. A deployed recommender only knows the past, so these scores are optimistic; split at a date instead, e.g. temporalSplit(x, { cut: '2011-11-01' }).`,
      },
    ];
  }
  if (anyone > 0) {
    return [
      {
        code: 'time-leak',
        count: anyone,
        share: anyone / total,
        message: `Each user's test pairs come after their own training data, but ${ofTotal(anyone, total, 'test pair', false)} happened before the last training interaction of someone else: the models learned from later behaviour (and later popularity) than a deployed recommender could know. For an estimate of live performance, split at one date, e.g. temporalSplit(x, { cut: '2011-11-01' }).`,
      },
    ];
  }
  return [];
}

/** Why nothing is scored, for {@link emptyTestWarning}. */
export type EmptyTestReason =
  | { reason: 'no-interactions' }
  | { reason: 'none-relevant'; relevance: number }
  | { reason: 'all-cold'; users: number }
  | { reason: 'none-asked'; users: number };

/** The `'empty-test'` warning: nothing is scored, so every score is NaN. */
export function emptyTestWarning(why: EmptyTestReason): RecommenderWarning {
  const message =
    why.reason === 'no-interactions'
      ? 'The test set has no interactions, so nothing is scored: split the data first, e.g. randomSplit(x, { test: 0.2 }) or temporalSplit(x, { cut }).'
      : why.reason === 'none-relevant'
        ? `No test interaction has a value ≥ ${why.relevance} (the relevance option), so nothing is scored: lower relevance, or check the test values.`
        : why.reason === 'all-cold'
          ? `${why.users === 1 ? 'The one test user is' : `All ${why.users} test users are`} new (no history in train) and users: 'warm' leaves them out, so nothing is scored: pass { users: 'all' }, or split so that test users have a history (leaveLastOut, temporalSplit).`
          : `None of the ${plural(why.users, 'user')} asked for has a relevant test interaction, so nothing is scored: choose users from the test set.`;
  return { code: 'empty-test', count: 0, share: 0, message };
}
