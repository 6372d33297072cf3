/**
 * Feature rows for the LightFM-style hybrid (`hybrid-lightfm.ts`): each user or item is a sparse,
 * weighted set of named features — its identity feature (`user:<id>`, `item:<id>`) and its
 * attributes or words — over a vocabulary of feature names fixed at fitting time. A new user or item
 * is described by the same names, without an identity feature the model has seen (Kula,
 * "Metadata embeddings for user and item cold-start recommendations", CBRecSys 2015, §3).
 */
import type { ItemContent } from './item-content.ts';
import { tokenize } from './tfidf.ts';

/** The features of one user or item: names (weight 1 each; repeats add up) or names with weights. */
export type FeatureList = readonly string[] | Readonly<Record<string, number>>;

/** Feature rows in compressed sparse row form: row r has features `index[ptr[r] … ptr[r+1])`. */
export interface FeatureRows {
  /** The vocabulary: feature j is `names[j]` (identity features first, then attributes in first-seen order). */
  names: string[];
  ptr: Int32Array;
  index: Int32Array;
  weight: Float64Array;
}

/** How rows are built. */
export interface FeatureRowOptions {
  /** Give every row its own identity feature. */
  identity: boolean;
  /** Scale each row's weights to sum to 1 (in absolute value), as LightFM's `Dataset(normalize=True)`. */
  normalize: boolean;
}

/**
 * The features of an item described by its content: each distinct word of its text (`word:<w>`), then
 * each categorical attribute (`<key>=<value>`); numeric attributes are left out.
 */
export function itemContentFeatures(content: ItemContent): string[] {
  const words = [...new Set(tokenize(content.text ?? ''))].map((w) => `word:${w}`);
  const attributes = Object.entries(content.attributes ?? {})
    .filter(([, v]) => typeof v === 'string')
    .map(([key, v]) => `${key}=${v}`);
  return [...words, ...attributes];
}

/** The identity feature name of a user or item id. */
export function identityFeature(side: 'user' | 'item', id: string): string {
  return `${side}:${id}`;
}

/**
 * Builds the rows of all users (or items) `ids` from their feature lists, aligned with `ids`.
 * `what` names the option in error messages (`'itemFeatures'`).
 */
export function buildFeatureRows(
  side: 'user' | 'item',
  ids: readonly string[],
  lists: readonly FeatureList[] | undefined,
  { identity, normalize }: FeatureRowOptions,
  what: string,
): FeatureRows {
  if (lists !== undefined && (!Array.isArray(lists) || lists.length !== ids.length)) {
    throw new RangeError(
      `${what} has ${Array.isArray(lists) ? lists.length : 'no'} entries but there are ${ids.length} ${side}s; give one list per ${side}, in interactions.${side}Ids order`,
    );
  }
  if (lists === undefined && !identity) {
    throw new RangeError(
      `without identity features every ${side} needs features: pass ${what} or keep ${side}Identity`,
    );
  }
  const names: string[] = identity ? ids.map((id) => identityFeature(side, id)) : [];
  const vocabulary = new Map(names.map((name, j) => [name, j]));
  const ptr = new Int32Array(ids.length + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let r = 0; r < ids.length; r++) {
    const row = new Map<number, number>();
    if (identity) row.set(r, 1);
    for (const [name, w] of entries(lists?.[r], `${what}[${r}] (${side} '${ids[r]}')`)) {
      let j = vocabulary.get(name);
      if (j === undefined) {
        j = names.length;
        names.push(name);
        vocabulary.set(name, j);
      }
      row.set(j, (row.get(j) ?? 0) + w);
    }
    const scale = normalize ? totalWeight(row.values()) : 1;
    for (const [j, w] of [...row].sort((a, b) => a[0] - b[0])) {
      if (w === 0) continue;
      index.push(j);
      weight.push(w / scale);
    }
    ptr[r + 1] = index.length;
  }
  return { names, ptr, index: Int32Array.from(index), weight: Float64Array.from(weight) };
}

/**
 * The row of a new user or item: its features looked up in `names`, weights normalised as at
 * fitting time. Unknown names are listed in `unknown` and otherwise ignored.
 */
export function featureRow(
  names: readonly string[],
  list: FeatureList,
  normalize: boolean,
  what = 'features',
): { index: number[]; weight: number[]; unknown: string[] } {
  const vocabulary = new Map(names.map((name, j) => [name, j]));
  const row = new Map<number, number>();
  const unknown: string[] = [];
  for (const [name, w] of entries(list, what)) {
    const j = vocabulary.get(name);
    if (j === undefined) unknown.push(name);
    else row.set(j, (row.get(j) ?? 0) + w);
  }
  const scale = normalize ? totalWeight(row.values()) : 1;
  const kept = [...row].filter(([, w]) => w !== 0).sort((a, b) => a[0] - b[0]);
  return { index: kept.map(([j]) => j), weight: kept.map(([, w]) => w / scale), unknown };
}

function entries(list: FeatureList | undefined, what: string): [string, number][] {
  if (list === undefined || list === null) return [];
  const pairs: [string, number][] = isNameList(list) ? list.map((name) => [name, 1]) : Object.entries(list);
  for (const [name, w] of pairs) {
    if (typeof name !== 'string' || !Number.isFinite(w)) {
      throw new RangeError(
        `${what}: feature ${String(name)} has weight ${w}; features are names (weight 1) or { name: finite weight }`,
      );
    }
  }
  return pairs;
}

function isNameList(list: FeatureList): list is readonly string[] {
  return Array.isArray(list);
}

function totalWeight(weights: Iterable<number>): number {
  let s = 0;
  for (const w of weights) s += Math.abs(w);
  return s > 0 ? s : 1;
}
