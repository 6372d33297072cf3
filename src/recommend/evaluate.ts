/**
 * One call that scores recommendation lists against a test set: accuracy (precision, recall, hit rate,
 * NDCG, MAP, MRR at k) averaged over the test users, and beyond-accuracy qualities (coverage, diversity,
 * novelty, popularity, exposure inequality) of the same users' lists, overall and per user group — by
 * default groups of activity in train, since a recommender can serve heavy users well and light users
 * badly (Ekstrand et al., "All the cool kids, how do they fit in?", FAT* 2018).
 */
import {
  averagePopularity,
  catalogueCoverage,
  exposureGini,
  intraListDiversity,
  itemCosine,
  novelty,
} from './beyond-accuracy.ts';
import { indexOfId, type Interactions } from './interactions.ts';
import {
  averagePrecisionAtK,
  hitRateAtK,
  mae,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  reciprocalRank,
  rmse,
} from './metrics.ts';
import { recommenderFitting, type RecommenderModel } from './registry.ts';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Cut-off k, an integer ≥ 1; lists are truncated to it. Default 10. */
  k?: number;
  /** Test interactions with a value ≥ this are relevant (e.g. 4 for ratings). Default: all. */
  relevance?: number;
  /** Item similarity for intra-list diversity. Default: cosine of the items' user columns in `train`. */
  similarity?: (a: string, b: string) => number;
  /**
   * The group of each user, for per-group results. Default: by number of items in train, `'cold'` (none),
   * then `'light'`, `'medium'`, `'heavy'` (thirds of the other test users).
   */
  groups?: (user: string) => string;
}

/** Metrics of a set of users (all test users, or one group). NaN when no user qualifies. */
export interface EvaluationSummary {
  /** Users evaluated: those with at least one relevant test interaction. */
  users: number;
  /** Of those, how many had no list in the recommendations (they count as empty lists). */
  missing: number;
  precision: number;
  recall: number;
  hitRate: number;
  ndcg: number;
  map: number;
  mrr: number;
  /** Share of the catalogue in at least one of these users' lists. */
  coverage: number;
  /** Mean intra-list diversity (lists of ≥ 2 items). */
  diversity: number;
  /** Mean novelty in bits (−log2 of the share of train users who have the item). */
  novelty: number;
  /** Mean number of train users of a recommended item. */
  popularity: number;
  /** Gini index of how often each catalogue item is recommended. */
  exposureGini: number;
}

export interface Evaluation extends EvaluationSummary {
  k: number;
  /** The same metrics per user group, by group name. */
  groups: Record<string, EvaluationSummary>;
}

/** A recommendation list per user; `recommendAll`'s output fits. */
export type RecommendationLists = readonly { user: string; items: readonly { item: string }[] }[];

/** Scores the lists against `test`; `train` gives popularity, activity and the default similarity. */
export function evaluate(
  recommendations: RecommendationLists,
  test: Interactions,
  train: Interactions,
  options: EvaluateOptions = {},
): Evaluation {
  const k = options.k ?? 10;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`invalid k: ${k} (must be an integer ≥ 1)`);
  const threshold = options.relevance ?? -Infinity;
  checkSameItems(test, train);
  const lists = new Map<string, string[]>();
  for (const r of recommendations)
    lists.set(
      r.user,
      r.items.slice(0, k).map((s) => s.item),
    );
  const similarity = options.similarity ?? itemCosine(train);
  const users = train.userIds.length;
  const count = (item: string) => {
    const i = indexOfId(train.itemIds, item);
    if (i < 0) throw new RangeError(`recommended item '${item}' is not in the catalogue`);
    return train.itemPtr[i + 1] - train.itemPtr[i];
  };
  const share = (item: string) => count(item) / users;
  const history = (user: string) => {
    const u = indexOfId(train.userIds, user);
    return u < 0 ? 0 : train.userPtr[u + 1] - train.userPtr[u];
  };
  const evaluated: { user: string; relevant: Set<string> }[] = [];
  for (let u = 0; u < test.userIds.length; u++) {
    const relevant = new Set<string>();
    for (let p = test.userPtr[u]; p < test.userPtr[u + 1]; p++) {
      if (test.userValues[p] >= threshold) relevant.add(test.itemIds[test.userItems[p]]);
    }
    if (relevant.size > 0) evaluated.push({ user: test.userIds[u], relevant });
  }
  const summarise = (group: typeof evaluated): EvaluationSummary => {
    const per = group.map(({ user, relevant }) => {
      const list = lists.get(user) ?? [];
      return {
        list,
        missing: lists.has(user) ? 0 : 1,
        precision: precisionAtK(list, relevant, k),
        recall: recallAtK(list, relevant, k),
        hitRate: hitRateAtK(list, relevant, k),
        ndcg: ndcgAtK(list, relevant, k),
        map: averagePrecisionAtK(list, relevant, k),
        mrr: reciprocalRank(list, relevant, k),
        diversity: intraListDiversity(list, similarity),
        novelty: novelty(list, share, users),
        popularity: averagePopularity(list, count),
      };
    });
    const mean = (key: Exclude<keyof (typeof per)[number], 'list'>) => meanDefined(per.map((p) => p[key]));
    const shown = per.map((p) => p.list);
    return {
      users: group.length,
      missing: per.reduce((s, p) => s + p.missing, 0),
      precision: mean('precision'),
      recall: mean('recall'),
      hitRate: mean('hitRate'),
      ndcg: mean('ndcg'),
      map: mean('map'),
      mrr: mean('mrr'),
      coverage: group.length > 0 ? catalogueCoverage(shown, train.itemIds.length) : NaN,
      diversity: mean('diversity'),
      novelty: mean('novelty'),
      popularity: mean('popularity'),
      exposureGini: group.length > 0 ? exposureGini(shown, train.itemIds) : NaN,
    };
  };
  const groupOf =
    options.groups ??
    activityGroups(
      evaluated.map((e) => e.user),
      history,
    );
  const byGroup = new Map<string, typeof evaluated>();
  for (const e of evaluated) {
    const g = groupOf(e.user);
    const members = byGroup.get(g);
    if (members) members.push(e);
    else byGroup.set(g, [e]);
  }
  const groups: Record<string, EvaluationSummary> = {};
  for (const [name, members] of [...byGroup].sort(
    ([a], [b]) => groupOrder(a) - groupOrder(b) || (a < b ? -1 : 1),
  )) {
    groups[name] = summarise(members);
  }
  return { k, ...summarise(evaluated), groups };
}

/** What {@link evaluateRatings} returns. */
export interface RatingEvaluation {
  rmse: number;
  mae: number;
  /** Test ratings predicted. */
  n: number;
}

/** RMSE and MAE of a model's rating predictions for every test interaction (users in `train`'s index). */
export function evaluateRatings(
  model: RecommenderModel,
  train: Interactions,
  test: Interactions,
): RatingEvaluation {
  const entry = recommenderFitting(model, train);
  checkSameItems(test, train);
  const actual: number[] = [];
  const predicted: number[] = [];
  for (let u = 0; u < test.userIds.length; u++) {
    const tu = indexOfId(train.userIds, test.userIds[u]);
    for (let p = test.userPtr[u]; p < test.userPtr[u + 1]; p++) {
      if (tu < 0)
        throw new RangeError(`test user '${test.userIds[u]}' is not in train; split with the same user list`);
      if (!entry.predict)
        throw new RangeError(`${model.method} models predict no ratings; use item-knn or user-knn`);
      actual.push(test.userValues[p]);
      predicted.push(entry.predict(model, train, tu, test.userItems[p]));
    }
  }
  return { rmse: rmse(actual, predicted), mae: mae(actual, predicted), n: actual.length };
}

/** The default groups: 'cold' for no train history, else thirds of the histories of the evaluated users. */
function activityGroups(users: string[], history: (user: string) => number): (user: string) => string {
  const warm = users
    .map(history)
    .filter((h) => h > 0)
    .sort((a, b) => a - b);
  const q1 = warm[Math.floor(warm.length / 3)] ?? 0;
  const q2 = warm[Math.floor((2 * warm.length) / 3)] ?? 0;
  return (user) => {
    const h = history(user);
    return h === 0 ? 'cold' : h < q1 ? 'light' : h < q2 ? 'medium' : 'heavy';
  };
}

const groupOrder = (g: string) => ['cold', 'light', 'medium', 'heavy'].indexOf(g) + 1 || 99;

function meanDefined(values: number[]): number {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    s += v;
    n++;
  }
  return n > 0 ? s / n : NaN;
}

function checkSameItems(test: Interactions, train: Interactions): void {
  const same =
    test.itemIds.length === train.itemIds.length && test.itemIds.every((id, i) => id === train.itemIds[i]);
  if (!same) {
    throw new RangeError(
      'test and train have different item lists; split one set of interactions (or build both with the same items)',
    );
  }
}
