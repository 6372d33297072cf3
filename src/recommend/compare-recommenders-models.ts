/**
 * The recommenders `compareRecommenders` runs: registry names, registry methods with options, models
 * fitted already, or hand-written recommenders, resolved to one shape, with the popularity and random
 * baselines added when they are missing and listed first.
 */
import type { Interactions } from './interaction-types.ts';
import type { ItemContent } from './item-content.ts';
import { recommendAll } from './recommend.ts';
import { recommenderFitting, recommenders, type RecommenderModel } from './registry.ts';
import type { Recommender } from './recommender.ts';

/**
 * A registry recommender with options, e.g. `{ method: 'item-knn', options: { neighbours: 20 }, name: 'knn-20' }`.
 * It is fitted on `train` with `options` (its `seed`, if it has one, from the comparison's `seed` unless set).
 */
export interface RecommenderSpec {
  /** The registry's `method` (`'item-knn'`, `'implicit-als'`, …) or its CLI name (`'itemknn'`, `'als'`). */
  method: string;
  /** The options of its fit, e.g. `{ factors: 32 }`. Default: its documented defaults. */
  options?: Record<string, unknown>;
  /** Its name in the leaderboard, unique. Default: `method` (give one to compare a method with itself). */
  name?: string;
}

/**
 * A recommender written by hand, e.g.
 * `{ name: 'mine', recommend: (user, k, train) => recommend(model, train, user, { k }).map((s) => s.item) }`.
 */
export interface CustomRecommender {
  /** Its name in the leaderboard: unique, and not `popularity` or `random` (the baselines'). */
  name: string;
  /**
   * The best `k` items for `user`, best first, as item ids or `{ item }` objects (`recommend`'s output
   * fits). Leave out the user's items in `train`, as `recommend` does: a recommender that proposes them
   * gains hits only where the test set leaks training pairs. Anything it throws, or a list that is not
   * an array of catalogue items without repeats, becomes the model's `error` in the leaderboard.
   */
  recommend: (user: string, k: number, train: Interactions) => readonly (string | { item: string })[];
}

/**
 * A recommender to compare: a registry name (`'item-knn'`, or the CLI's `'itemknn'`; fitted on train with
 * its defaults), a {@link RecommenderSpec}, a model already fitted on `train` (`fitItemKnn(train)`; named
 * by its method), or a {@link CustomRecommender}.
 */
export type CompareRecommender = string | RecommenderSpec | RecommenderModel | CustomRecommender;

/** A recommender resolved for the comparison. */
export interface RecommenderContender {
  name: string;
  label: string;
  baseline: boolean;
  /** Fits on the comparison's train set; absent when the model came fitted (or is hand-written). */
  fit?: () => void;
  /** The top-k item ids of each user, in the order of `users`. */
  recommend: (users: readonly string[], k: number) => string[][];
}

/** The baselines added to every comparison, in this order: Cremonesi, Koren & Turrin (RecSys 2010). */
export const baselineNames: readonly string[] = ['popularity', 'random'];

/** What the contenders need from the comparison. */
export interface ContenderContext {
  train: Interactions;
  /** The seed of the random baseline and of every model whose options have a `seed`. */
  seed: number;
  /** The items' content, for recommenders that read it (content-based, LightFM hybrid). */
  content?: readonly ItemContent[];
}

type Entry = Recommender<RecommenderModel>;

const methods = recommenders.map((r) => r.method);

function entryNamed(name: string, where: string): Entry {
  const entry = recommenders.find((r) => r.method === name || r.cli === name);
  if (!entry) {
    throw new RangeError(
      `${where}: unknown recommender "${name}": choose from ${methods.join(', ')} (or the CLI names ${recommenders
        .flatMap((r) => (r.cli ? [r.cli] : []))
        .join(', ')})`,
    );
  }
  return entry;
}

/** Every item of `train` with its content, in `train.itemIds` order; items not described get no text. */
function contentFor(train: Interactions, content: readonly ItemContent[]): ItemContent[] {
  const byId = new Map(content.map((c) => [c.id, c]));
  return train.itemIds.map((id) => byId.get(id) ?? { id, text: '' });
}

/** The lists of a fitted registry model: `recommendAll`, which leaves out the users' training items. */
const listsOf = (model: RecommenderModel, train: Interactions) => (users: readonly string[], k: number) =>
  recommendAll(model, train, users, { k }).map((r) => r.items.map((s) => s.item));

function describe(options: Record<string, unknown>): string {
  return Object.entries(options)
    .map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

function registryContender(
  entry: Entry,
  options: Record<string, unknown> | undefined,
  name: string,
  ctx: ContenderContext,
  where: string,
): RecommenderContender {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new TypeError(
      `${where}: options must be an object such as { neighbours: 20 }, got ${String(options)}`,
    );
  }
  if (entry.needsContent && ctx.content === undefined) {
    throw new TypeError(
      `${where}: ${entry.method} reads the items' content: pass { content: [{ id, text, attributes }, …] } in the options`,
    );
  }
  // One seed for the whole comparison makes it reproducible, as dplab recommend --seed does.
  const seeded = 'seed' in entry.defaults && options?.seed === undefined;
  const fitOptions = { ...(seeded ? { seed: ctx.seed } : {}), ...options };
  const content = entry.needsContent && ctx.content ? contentFor(ctx.train, ctx.content) : undefined;
  let model: RecommenderModel | undefined;
  return {
    name,
    // The registry's label spells out the defaults ("50 neighbours"): with other options, list those instead.
    label: options && Object.keys(options).length > 0 ? `${entry.method}: ${describe(options)}` : entry.label,
    baseline: entry.baseline === true,
    fit: () => {
      model = entry.fit(ctx.train, fitOptions, content);
    },
    recommend: (users, k) => {
      if (!model) throw new Error(`${name} was not fitted`);
      return listsOf(model, ctx.train)(users, k);
    },
  };
}

function itemOf(entry: unknown, name: string, user: string, r: number): string {
  const item = typeof entry === 'object' && entry !== null && 'item' in entry ? entry.item : entry;
  if (typeof item !== 'string') {
    throw new TypeError(
      `${name} returned ${JSON.stringify(entry) ?? String(entry)} at rank ${r + 1} for user '${user}'; recommend(user, k, train) must return item ids or { item } objects`,
    );
  }
  return item;
}

function customContender(model: CustomRecommender, train: Interactions): RecommenderContender {
  const { name } = model;
  return {
    name,
    label: name,
    baseline: false,
    recommend: (users, k) =>
      users.map((user) => {
        const out: unknown = model.recommend(user, k, train);
        if (!Array.isArray(out)) {
          throw new TypeError(
            `${name} returned ${String(out)} for user '${user}'; recommend(user, k, train) must return an array of item ids (or { item } objects)`,
          );
        }
        return out.map((entry, r) => itemOf(entry, name, user, r));
      }),
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

const isCustom = (x: CompareRecommender): x is CustomRecommender =>
  isRecord(x) && typeof x.recommend === 'function';

// A fitted model carries the size of the catalogue it was fitted on; a spec does not.
const isFitted = (x: CompareRecommender): x is RecommenderModel =>
  isRecord(x) && typeof x.method === 'string' && typeof x.numItems === 'number';

const isSpec = (x: CompareRecommender): x is RecommenderSpec =>
  isRecord(x) && typeof x.method === 'string' && x.numItems === undefined;

const shapes =
  "a recommender name ('item-knn', …), { method, options?, name? }, a fitted model, or { name, recommend(user, k, train) }";

/** One entry of `models`, resolved, with the registry method it runs (`null` for a hand-written one). */
function resolve(
  model: CompareRecommender,
  ctx: ContenderContext,
  where: string,
): { c: RecommenderContender; method: string | null } {
  if (typeof model === 'string') {
    const entry = entryNamed(model, where);
    return { c: registryContender(entry, undefined, entry.method, ctx, where), method: entry.method };
  }
  if (isCustom(model)) {
    if (typeof model.name !== 'string' || model.name === '') {
      throw new TypeError(
        `${where} has a recommend function but no name; give it { name: 'mine', recommend }`,
      );
    }
    if (baselineNames.includes(model.name)) {
      throw new RangeError(
        `${where} is named "${model.name}", the name of a built-in baseline; give your recommender another name`,
      );
    }
    return { c: customContender(model, ctx.train), method: null };
  }
  if (isFitted(model)) {
    let entry: Entry;
    try {
      entry = recommenderFitting(model, ctx.train);
    } catch (e) {
      throw new RangeError(`${where}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const c = {
      name: entry.method,
      label: entry.label,
      baseline: entry.baseline === true,
      recommend: listsOf(model, ctx.train),
    };
    return { c, method: entry.method };
  }
  if (isSpec(model)) {
    const { name } = model;
    if (name !== undefined && (typeof name !== 'string' || name === '')) {
      throw new TypeError(`${where}: name must be a non-empty string, got ${JSON.stringify(name)}`);
    }
    const entry = entryNamed(model.method, where);
    if (name !== undefined && name !== entry.method && baselineNames.includes(name)) {
      throw new RangeError(
        `${where} (${entry.method}) is named "${name}", the name of a built-in baseline; give it another name`,
      );
    }
    return {
      c: registryContender(entry, model.options, name ?? entry.method, ctx, where),
      method: entry.method,
    };
  }
  throw new TypeError(`${where} must be ${shapes}`);
}

/**
 * The contenders of a comparison: `models` in the order given, with the popularity and random baselines
 * (flagged `baseline`, seeded by `ctx.seed`) added unless a model of that method is among them; baselines
 * first (popularity, then random), then the others. Throws on an unknown name, a malformed entry, a model
 * fitted on other interactions, or a repeated name.
 */
export function contenders(
  models: readonly CompareRecommender[],
  ctx: ContenderContext,
): RecommenderContender[] {
  if (!Array.isArray(models)) {
    throw new TypeError(`models must be an array, each entry ${shapes}; got ${String(models)}`);
  }
  const list: { c: RecommenderContender; method: string | null }[] = [];
  models.forEach((model, i) => {
    const where = `models[${i}]`;
    const resolved = resolve(model, ctx, where);
    const { name } = resolved.c;
    if (list.some((d) => d.c.name === name)) {
      throw new RangeError(
        `${where}: the name "${name}" is used twice; names must be unique: name one of them ({ method, options, name } or { name, recommend })`,
      );
    }
    list.push(resolved);
  });
  for (const method of baselineNames) {
    if (list.some((d) => d.method === method)) continue;
    list.push({ c: registryContender(entryNamed(method, method), undefined, method, ctx, method), method });
  }
  // Baselines first, in registry order; the rest keep the order given (Array.prototype.sort is stable).
  const order = (d: (typeof list)[number]) =>
    d.c.baseline && d.method !== null ? baselineNames.indexOf(d.method) : baselineNames.length;
  return list.sort((a, b) => order(a) - order(b)).map((d) => d.c);
}
