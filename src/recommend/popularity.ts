/**
 * The most-popular recommender: every user gets the items with the most users (or the largest total
 * value), optionally counted only in a window of days before a cut date, so that "popular" means
 * "popular lately" (a strong baseline for top-N recommendation: Cremonesi, Koren & Turrin, "Performance
 * of recommender algorithms on top-N recommendation tasks", RecSys 2010).
 */
import type { Interactions } from './interactions.ts';
import type { RecommenderModelBase } from './recommender.ts';

/** Options of {@link fitPopularity}. */
export interface PopularityOptions {
  /** `'users'` counts the users of each item; `'value'` sums their values (e.g. purchase counts). Default `'users'`. */
  count?: 'users' | 'value';
  /** Count only interactions before this time (ms since the epoch or an ISO date). Default: all. */
  before?: number | string;
  /** With `before`: count only the last `window` days before it. Default: no limit. */
  window?: number;
}

export const popularityDefaults = { count: 'users' } as const;

/** A fitted most-popular recommender: one score per item index. */
export interface PopularityModel extends RecommenderModelBase {
  method: 'popularity';
  count: 'users' | 'value';
  /** The cut (ms) and window (days) used, or `null`. */
  before: number | null;
  window: number | null;
  /** Popularity of each item index. */
  scores: Float64Array;
}

/** Counts the popularity of every item. */
export function fitPopularity(x: Interactions, options: PopularityOptions = {}): PopularityModel {
  const count = options.count ?? popularityDefaults.count;
  if (count !== 'users' && count !== 'value') {
    throw new RangeError(`invalid count: ${String(count)} (must be 'users' or 'value')`);
  }
  const before = options.before === undefined ? null : toTime(options.before, 'before');
  const window = options.window ?? null;
  if (window !== null) {
    if (before === null) throw new RangeError('window needs a cut date: pass before as well');
    if (!(window > 0 && Number.isFinite(window))) {
      throw new RangeError(`invalid window: ${window} (a number of days > 0)`);
    }
  }
  const from = before !== null && window !== null ? before - window * 86_400_000 : -Infinity;
  const scores = new Float64Array(x.itemIds.length);
  for (let u = 0; u < x.userIds.length; u++) {
    for (let k = x.userPtr[u]; k < x.userPtr[u + 1]; k++) {
      if (before !== null) {
        const t = x.userTimes[k];
        if (Number.isNaN(t)) {
          throw new RangeError(
            `user '${x.userIds[u]}', item '${x.itemIds[x.userItems[k]]}' has no time: a popularity cut needs times on every interaction`,
          );
        }
        if (t >= before || t < from) continue;
      }
      scores[x.userItems[k]] += count === 'users' ? 1 : x.userValues[k];
    }
  }
  return { method: 'popularity', numItems: x.itemIds.length, count, before, window, scores };
}

/** Every user's scores: the items' popularity. */
export function scorePopularity(model: PopularityModel, out: Float64Array): void {
  out.set(model.scores);
}

/** A time given as ms since the epoch or an ISO date string, checked. */
export function toTime(t: number | string, name: string): number {
  const ms = typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(ms)) {
    throw new RangeError(
      `invalid ${name}: ${String(t)} (ms since the epoch, or an ISO date such as '2011-11-01')`,
    );
  }
  return ms;
}
