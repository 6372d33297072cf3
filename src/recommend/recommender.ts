/**
 * The shape every recommender shares (see STYLE: one shape for every model).
 *
 * A recommender module exports `xDefaults`, `fitX(interactions, options) → XModel` (plain data with a
 * `method` tag), and a scorer; its entry in registry.ts ({@link Recommender}) is what the generic
 * `recommend` and `recommendAll` (recommend.ts) call. Users and items are named by their ids; the model
 * keeps indices into the interactions it was fitted on, so recommend with those same interactions (or
 * ones built with the same `users` and `items` lists, as the splits do).
 */
import type { Interactions } from './interaction-types.ts';
import type { ItemContent } from './item-content.ts';

/** What every fitted recommender carries. */
export interface RecommenderModelBase {
  /** Which recommender, e.g. `'item-knn'`; recommend dispatches on it. */
  method: string;
  /** Number of items of the interactions it was fitted on. */
  numItems: number;
}

/** One recommended item. */
export interface ScoredItem {
  item: string;
  score: number;
}

/** A user's list from {@link recommendAll}. */
export interface UserRecommendations {
  user: string;
  items: ScoredItem[];
  /** Whether the list is the cold-start fallback (the user had no history). */
  coldStart: boolean;
}

/** Options of `recommend` and `recommendAll`. */
export interface RecommendOptions {
  /** Length of the list, an integer ≥ 1. Default 10. */
  k?: number;
  /** `'seen'` leaves out the items the user already has in the interactions; `'none'` keeps them. Default `'seen'`. */
  exclude?: 'seen' | 'none';
  /**
   * A user with no history (unknown id, or no interactions) for a recommender that needs one:
   * `'popularity'` recommends the items with the most users; `'error'` throws. Default `'popularity'`.
   */
  coldStart?: 'popularity' | 'error';
}

export const recommendDefaults = { k: 10, exclude: 'seen', coldStart: 'popularity' } as const;

/** Why an item was recommended: the consumed items, neighbours or features that contributed most. */
export interface Explanation {
  user: string;
  item: string;
  /** The item's score for the user. */
  score: number;
  /** Contributions, largest first; `weight` is the part of the score each contributed. */
  because: { kind: 'item' | 'user' | 'feature'; id: string; weight: number }[];
}

/** The allowed words of each string option of `O` (TypeScript's union types do not exist at run time). */
export type OptionChoices<O> = { readonly [K in keyof O]?: readonly NonNullable<O[K]>[] };

/** The defaults and allowed words of a group of options (`nested` in {@link Recommender}). */
export interface OptionGroup<O> {
  defaults: Readonly<Partial<O>>;
  choices?: OptionChoices<O>;
}

/**
 * One recommender as the registry (registry.ts) lists it: its names, its documented options, and the
 * operations that `recommend`, `explain` and `predictRating` (recommend.ts) call on its models. `M` is
 * its fitted model, `O` its options. The operations take dense indices into the interactions the model
 * was fitted on; recommend.ts resolves the ids and checks the fit first.
 */
export interface Recommender<
  M extends RecommenderModelBase = RecommenderModelBase,
  O extends object = object,
> {
  /** The `method` of the models it fits, e.g. `'item-knn'`. */
  method: M['method'];
  /** Its name in `dplab recommend --algos`, e.g. `'itemknn'`; absent when the command does not run it. */
  cli?: string;
  /** What it is, for help texts and tables. */
  label: string;
  /** A baseline every other recommender should beat (leaderboards list baselines first). Default false. */
  baseline?: boolean;
  /** Its fit reads the items' content (`dplab recommend` then needs `--items`). Default false. */
  needsContent?: boolean;
  /** It scores from the user's history, so a user without one is a cold start. */
  needsHistory: boolean;
  /** Its documented defaults (the module's `xDefaults`): what `dplab recommend --param` can set. */
  defaults: Readonly<Partial<NoInfer<O>>>;
  /** The allowed words of its string options. */
  choices?: OptionChoices<NoInfer<O>>;
  /** Options that are option objects themselves (content-based's `tfidf`), with their defaults and words. */
  nested?: { readonly [K in keyof NoInfer<O>]?: OptionGroup<NonNullable<O[K]>> };
  /** Fits a model; `content` describes the items of `x` in `x.itemIds` order. */
  fit(x: Interactions, options?: O, content?: readonly ItemContent[]): M;
  /** The number of users a model is tied to (user-kNN and the latent-factor models keep per-user data). */
  numUsers?(model: M): number;
  /**
   * Fills `out` (one entry per item) with the scores of user index `u`, id `user` (−1 for a user not in
   * `x`, for recommenders that need no history); −∞ marks items it does not propose.
   */
  score(model: M, x: Interactions, u: number, user: string, out: Float64Array): void;
  /** What contributed to item j's score for user u; absent when the scores do not depend on the user's history. */
  explain?(model: M, x: Interactions, u: number, j: number): Explanation['because'];
  /** The predicted value (rating) of item j for user u; absent when the model predicts no ratings. */
  predict?(model: M, x: Interactions, u: number, j: number): number;
}

/**
 * A registry entry, typed by its model and options (the identity: it lets TypeScript check the entry's
 * operations against its model). Entries of different models share one list as `Recommender`: its
 * operations are methods, whose parameters TypeScript compares both ways, and registry.ts hands each
 * entry only the models whose `method` it names.
 */
export function recommender<M extends RecommenderModelBase, O extends object>(
  entry: Recommender<M, O>,
): Recommender<M, O> {
  return entry;
}

/** Checks and fills in the recommend options. */
export function resolveRecommendOptions(options: RecommendOptions = {}): Required<RecommendOptions> {
  const k = options.k ?? recommendDefaults.k;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`invalid k: ${k} (must be an integer ≥ 1)`);
  const exclude = options.exclude ?? recommendDefaults.exclude;
  if (exclude !== 'seen' && exclude !== 'none') {
    throw new RangeError(`invalid exclude: ${String(exclude)} (must be 'seen' or 'none')`);
  }
  const coldStart = options.coldStart ?? recommendDefaults.coldStart;
  if (coldStart !== 'popularity' && coldStart !== 'error') {
    throw new RangeError(`invalid coldStart: ${String(coldStart)} (must be 'popularity' or 'error')`);
  }
  return { k, exclude, coldStart };
}

/** Checks that a model fits the interactions it is used with. */
export function checkModelFits(model: RecommenderModelBase, x: Interactions, numUsers?: number): void {
  if (model.numItems !== x.itemIds.length) {
    throw new RangeError(
      `the ${model.method} model was fitted on ${model.numItems} items, these interactions have ${x.itemIds.length}; use the interactions it was fitted on (or build them with the same items list)`,
    );
  }
  if (numUsers !== undefined && numUsers !== x.userIds.length) {
    throw new RangeError(
      `the ${model.method} model was fitted on ${numUsers} users, these interactions have ${x.userIds.length}; use the interactions it was fitted on (or build them with the same users list)`,
    );
  }
}
