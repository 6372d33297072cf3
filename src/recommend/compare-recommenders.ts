/**
 * The built-in rule "always benchmark complex models against simple ones", for recommenders: every
 * comparison runs the most-popular and random baselines next to the models asked for, scores them all
 * with `evaluate` on the same test users, and says whether anything beat the baselines — which
 * popularity often wins (Cremonesi, Koren & Turrin, RecSys 2010; Ferrari Dacrema, Cremonesi & Jannach,
 * "Are we really making much progress?", RecSys 2019). Guardrails (recommender-split-checks.ts) flag a
 * test set that leaks training pairs, scores new users or items, or ignores time.
 *
 * The twin of `compareForecasts` in `dplab/forecast`: plain data out, one failing model one error row.
 */
import { evaluate, type EvaluationSummary } from './evaluate.ts';
import { fromTriplets } from './from-triplets.ts';
import type { Interactions } from './interaction-types.ts';
import { indexOfId } from './interactions.ts';
import type { ItemContent } from './item-content.ts';
import {
  contenders,
  type CompareRecommender,
  type RecommenderContender,
} from './compare-recommenders-models.ts';
import {
  checkColdStartUsers,
  checkPairOverlap,
  checkTimeOrder,
  checkUnknownItems,
  emptyTestWarning,
  requireSameItems,
  warmTestUsers,
  type RecommenderWarning,
} from './recommender-split-checks.ts';
import {
  compareBest,
  recommenderMetrics,
  recommenderVerdict,
  type RecommenderComparison,
  type RecommenderMetric,
} from './recommender-verdict.ts';

/** Defaults of {@link CompareRecommendersOptions}. */
export const compareRecommendersDefaults = {
  k: 10,
  metric: 'ndcg',
  seed: 1,
  users: 'warm',
} as const;

/** Options of {@link compareRecommenders}. */
export interface CompareRecommendersOptions {
  /** Length of each list and the cut-off of every metric, an integer ≥ 1. Default 10. */
  k?: number;
  /** The metric that ranks the rows and decides the verdict (higher is better). Default `'ndcg'`. */
  metric?: RecommenderMetric;
  /** Seed of the random baseline and of every model with a `seed` option not set. Default 1. */
  seed?: number;
  /**
   * Whom to score, among the test users with a relevant test pair: `'warm'`, those with a history in
   * train (as `dplab recommend`); `'all'`, new users too (models that need a history give them popular
   * items); or a list of test user ids. Default `'warm'`.
   */
  users?: 'warm' | 'all' | readonly string[];
  /** Test pairs with a value ≥ this are relevant (4 for 1–5 ratings). Default: every test pair. */
  relevance?: number;
  /** The items' descriptions, for the content-based and LightFM hybrid recommenders. Default: none. */
  content?: readonly ItemContent[];
}

/** One recommender's line of the leaderboard: `evaluate`'s summary over the scored users, and times. */
export interface RecommenderLeaderboardRow extends Omit<EvaluationSummary, 'users' | 'missing'> {
  /** The registry method (`'item-knn'`), the name given, or the custom recommender's name. */
  name: string;
  /** What it is, for tables (the registry's label; its options when set; the name for a custom one). */
  label: string;
  /** True for the popularity and random baselines (added to every comparison). */
  baseline: boolean;
  /** 1 for the highest main metric; ties share a rank (1, 2, 2, 4); `NaN` for a failed row or no scores. */
  rank: number;
  /** Wall time of the fit in ms (`performance.now`); `NaN` for a model given fitted or a custom one. */
  fitMs: number;
  /** Wall time of ranking every scored user's list in ms. */
  recommendMs: number;
  /** What the recommender threw; absent when it worked (then every score is `NaN`). */
  error?: string;
}

/** The result of {@link compareRecommenders}: plain data, safe for `structuredClone` and `postMessage`. */
export interface RecommenderLeaderboard {
  /** Tells a renderer what this is. */
  kind: 'recommender-leaderboard';
  /** The cut-off of the lists and metrics. */
  k: number;
  /** The metric that ranks the rows. */
  metric: RecommenderMetric;
  /** The relevance threshold, or `null` when every test pair is relevant. */
  relevance: number | null;
  /** The test users scored, in test order. */
  users: string[];
  /** Baselines first (popularity, random), then the models in the order given. */
  rows: RecommenderLeaderboardRow[];
  /** Name of the row with the highest main metric (the first of equals); `null` when nothing scored. */
  best: string | null;
  /** Whether the best non-baseline row scores higher than every baseline that worked. */
  beatsBaselines: boolean;
  /** The best model against the best baseline, with the standard error of the gap; `null` without both. */
  comparison: RecommenderComparison | null;
  /** What the leaderboard says, in a sentence or two. */
  verdict: string;
  /** Guardrails that fired (see `RecommenderWarning`): a leaking split, new users or items, an empty test. */
  warnings: RecommenderWarning[];
}

const optionNames = ['k', 'metric', 'seed', 'users', 'relevance', 'content'];

function checkInteractions(x: Interactions, name: string): void {
  const ok =
    typeof x === 'object' &&
    x !== null &&
    Array.isArray(x.userIds) &&
    Array.isArray(x.itemIds) &&
    x.userPtr instanceof Int32Array &&
    x.userItems instanceof Int32Array;
  if (!ok) {
    throw new TypeError(
      `${name} must be Interactions (from buildInteractions(rows) or a split such as randomSplit(x)), got ${x === null ? 'null' : typeof x}`,
    );
  }
}

/** The options, checked, with defaults filled in. */
function resolveOptions(options: CompareRecommendersOptions) {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(
      `options must be an object such as { k: 10, metric: 'ndcg' }, got ${String(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!optionNames.includes(key)) {
      throw new RangeError(`unknown option ${key}: compareRecommenders takes ${optionNames.join(', ')}`);
    }
  }
  const d = compareRecommendersDefaults;
  const { k = d.k, metric = d.metric, seed = d.seed, users = d.users, relevance, content } = options;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`invalid k: ${k} (must be an integer ≥ 1, e.g. 10)`);
  if (!recommenderMetrics.includes(metric)) {
    throw new RangeError(
      `invalid metric: ${JSON.stringify(metric)} (must be one of ${recommenderMetrics.map((m) => `'${m}'`).join(', ')})`,
    );
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);
  if (relevance !== undefined && (typeof relevance !== 'number' || Number.isNaN(relevance))) {
    throw new RangeError(
      `invalid relevance: ${relevance} (a number: test values ≥ it are relevant, e.g. 4 for ratings; omit it to count every test pair)`,
    );
  }
  if (users !== 'warm' && users !== 'all' && !Array.isArray(users)) {
    throw new RangeError(
      `invalid users: ${JSON.stringify(users)} (must be 'warm', 'all' or an array of test user ids)`,
    );
  }
  if (content !== undefined && !Array.isArray(content)) {
    throw new TypeError(`content must be an array of { id, text?, attributes? }, got ${typeof content}`);
  }
  return { k, metric, seed, users, relevance, content };
}

/** The test user indices asked for by `users` (an id list), checked. */
function askedUsers(users: readonly string[], test: Interactions): Set<number> {
  const asked = new Set<number>();
  users.forEach((id, n) => {
    const u = typeof id === 'string' ? indexOfId(test.userIds, id) : -1;
    if (u < 0) {
      throw new RangeError(
        `users[${n}] is ${JSON.stringify(id)}, not a user of the test set; list test user ids (test.userIds)`,
      );
    }
    if (asked.has(u)) throw new RangeError(`users[${n}]: '${id}' is listed twice; list each user once`);
    asked.add(u);
  });
  return asked;
}

/** `x` with only the rows of the flagged users (same user and item lists). */
function keepUsers(x: Interactions, keep: Uint8Array): Interactions {
  const us: number[] = [];
  const at: number[] = [];
  for (let u = 0; u < x.userIds.length; u++) {
    if (!keep[u]) continue;
    for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++) {
      us.push(u);
      at.push(p);
    }
  }
  return fromTriplets(
    x.userIds,
    x.itemIds,
    Int32Array.from(us),
    Int32Array.from(at, (p) => x.userItems[p]),
    Float64Array.from(at, (p) => x.userValues[p]),
    Float64Array.from(at, (p) => x.userTimes[p]),
  );
}

interface Selection {
  /** Flags of the scored test users. */
  scored: Uint8Array;
  warnings: RecommenderWarning[];
}

/** Which test users are scored, and the guardrails about who is. */
function selectUsers(
  train: Interactions,
  test: Interactions,
  users: 'warm' | 'all' | readonly string[],
  relevance: number,
): Selection {
  const warm = warmTestUsers(train, test);
  const relevant = Uint8Array.from({ length: test.userIds.length }, (_, u) => {
    for (let p = test.userPtr[u]; p < test.userPtr[u + 1]; p++) if (test.userValues[p] >= relevance) return 1;
    return 0;
  });
  if (Array.isArray(users) && users.length === 0) {
    throw new RangeError("users is empty: list at least one test user id, or pass 'warm' or 'all'");
  }
  const asked = Array.isArray(users) ? askedUsers(users, test) : null;
  const scored = relevant.map((r, u) => (r && (asked ? asked.has(u) : users === 'all' || warm[u]) ? 1 : 0));
  const restricted = keepUsers(test, scored);
  const warnings = checkColdStartUsers(train, asked ? restricted : test, {
    relevance,
    scored: users !== 'warm',
  });
  if (!scored.includes(1)) {
    const withRelevant = relevant.reduce((s, r) => s + r, 0);
    warnings.push(
      emptyTestWarning(
        test.userItems.length === 0
          ? { reason: 'no-interactions' }
          : withRelevant === 0
            ? { reason: 'none-relevant', relevance }
            : asked
              ? { reason: 'none-asked', users: asked.size }
              : { reason: 'all-cold', users: withRelevant },
      ),
    );
  }
  return { scored, warnings };
}

const now = () => performance.now();

type Scored = Omit<RecommenderLeaderboardRow, 'rank'> & { lists?: string[][] };

const failed = {
  precision: NaN,
  recall: NaN,
  hitRate: NaN,
  ndcg: NaN,
  map: NaN,
  mrr: NaN,
  coverage: NaN,
  diversity: NaN,
  novelty: NaN,
  popularity: NaN,
  exposureGini: NaN,
};

/** Fits, ranks and scores one contender; what it throws becomes its error. */
function run(
  c: RecommenderContender,
  users: string[],
  scoredTest: Interactions,
  train: Interactions,
  o: { k: number; relevance?: number },
): Scored {
  const { name, label, baseline } = c;
  let fitMs = NaN;
  let recommendMs = NaN;
  try {
    if (c.fit) {
      const start = now();
      try {
        c.fit();
      } finally {
        fitMs = now() - start;
      }
    }
    const start = now();
    let lists: string[][];
    try {
      lists = c.recommend(users, o.k);
    } finally {
      recommendMs = now() - start;
    }
    const recommendations = lists.map((items, n) => ({
      user: users[n],
      items: items.map((item) => ({ item })),
    }));
    // evaluate's own default similarity, groups and checks: the same numbers as calling it by hand.
    const {
      precision,
      recall,
      hitRate,
      ndcg,
      map,
      mrr,
      coverage,
      diversity,
      novelty,
      popularity,
      exposureGini,
    } = evaluate(recommendations, scoredTest, train, { k: o.k, relevance: o.relevance });
    const scores = {
      precision,
      recall,
      hitRate,
      ndcg,
      map,
      mrr,
      coverage,
      diversity,
      novelty,
      popularity,
      exposureGini,
    };
    return { name, label, baseline, ...scores, fitMs, recommendMs, lists };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { name, label, baseline, ...failed, fitMs, recommendMs, error };
  }
}

/**
 * Compares `models` with the popularity and random baselines (added unless among them, listed first):
 * each is fitted on `train` (unless given fitted), ranks its top-k list for every scored test user
 * (leaving out the user's training items) and is scored by `evaluate` against `test`. `train` and `test`
 * share one item list (split one set of interactions). A model that throws, or returns lists that are
 * not catalogue items, gets a row with its `error` and `NaN` scores; bad options throw at once.
 *
 * @example
 * const { train, test } = temporalSplit(x, { cut: '2011-11-01' });
 * compareRecommenders(train, test, ['item-knn', { method: 'implicit-als', options: { factors: 32 } }])
 */
export function compareRecommenders(
  train: Interactions,
  test: Interactions,
  models: readonly CompareRecommender[] = [],
  options: CompareRecommendersOptions = {},
): RecommenderLeaderboard {
  checkInteractions(train, 'train');
  checkInteractions(test, 'test');
  requireSameItems(train, test);
  const o = resolveOptions(options);
  const threshold = o.relevance ?? -Infinity;
  const list = contenders(models, { train, seed: o.seed, content: o.content });
  const { scored, warnings: who } = selectUsers(train, test, o.users, threshold);
  const scoredTest = keepUsers(test, scored);
  const users = test.userIds.filter((_, u) => scored[u]);
  const warnings = [
    ...checkPairOverlap(train, test, { relevance: threshold }),
    ...checkUnknownItems(train, test, { relevance: threshold }),
    ...checkTimeOrder(train, test, { relevance: threshold }),
    ...who,
  ];
  const results = list.map((c) => run(c, users, scoredTest, train, o));
  const score = (r: Scored) => r[o.metric];
  const worked = results.filter((r) => !Number.isNaN(score(r)));
  const rows = results.map(({ lists: _lists, ...r }): RecommenderLeaderboardRow => {
    const s = score(r);
    return { ...r, rank: Number.isNaN(s) ? NaN : 1 + worked.filter((w) => score(w) > s).length };
  });
  const top = worked.reduce<Scored | undefined>((b, r) => (b && score(b) >= score(r) ? b : r), undefined);
  const relevant = users.map((id) => {
    const u = indexOfId(scoredTest.userIds, id);
    const items = new Set<string>();
    for (let p = scoredTest.userPtr[u]; p < scoredTest.userPtr[u + 1]; p++) {
      if (scoredTest.userValues[p] >= threshold) items.add(scoredTest.itemIds[scoredTest.userItems[p]]);
    }
    return items;
  });
  const verdictRows = results.map((r) => ({
    name: r.name,
    baseline: r.baseline,
    score: score(r),
    lists: r.lists,
  }));
  const comparison = compareBest(verdictRows, relevant, o.metric, o.k);
  const challenger = worked.filter((r) => !r.baseline);
  const bestModel = challenger.reduce<number>((b, r) => Math.max(b, score(r)), -Infinity);
  return {
    kind: 'recommender-leaderboard',
    k: o.k,
    metric: o.metric,
    relevance: o.relevance ?? null,
    users,
    rows,
    best: top?.name ?? null,
    beatsBaselines: challenger.length > 0 && worked.every((r) => !r.baseline || bestModel > score(r)),
    comparison,
    verdict: recommenderVerdict({
      rows: verdictRows,
      comparison,
      metric: o.metric,
      k: o.k,
      users: users.length,
    }),
    warnings,
  };
}
