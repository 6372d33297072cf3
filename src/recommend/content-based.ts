/**
 * Content-based recommendation: items are described by their text and attributes, a user by the mean
 * description of what they have, and items are ranked by how close their description is to the user's
 * (Pazzani & Billsus, "Content-based recommendation systems", in *The Adaptive Web*, LNCS 4321, 2007;
 * Lops, de Gemmis & Semeraro, *Recommender Systems Handbook*, 2011, ch. 3).
 *
 * Item profile: the TF-IDF vector of its text (unit length) times `textWeight`, next to its attributes
 * times `attributeWeight` — a categorical attribute as a one-hot feature `key=value`, a numeric one as its
 * z-score over the items (feature `key (z)`), the attribute block scaled to unit length — and the whole
 * profile scaled to unit length. User profile: the mean of the profiles of the user's items, weighted by 1
 * or by the interaction values. Score: the cosine of user and item profiles.
 */
import type { Interactions, SparseVectors } from './interactions.ts';
import type { ItemContent } from './item-content.ts';
import type { Explanation, RecommenderModelBase } from './recommender.ts';
import { fitTfidf, tokenize, transformTfidf, type TfidfModel, type TfidfOptions } from './tfidf.ts';

/** Options of {@link fitContentBased}. */
export interface ContentBasedOptions {
  /** The TF-IDF of the text (scikit-learn's defaults). */
  tfidf?: TfidfOptions;
  /** Weight of the text block, ≥ 0. Default 1. */
  textWeight?: number;
  /** Weight of the attribute block, ≥ 0. Default 1. */
  attributeWeight?: number;
  /** User profile: `'binary'` averages the items' profiles, `'value'` weights them by the interaction values. Default `'binary'`. */
  weighting?: 'binary' | 'value';
}

export const contentBasedDefaults = { textWeight: 1, attributeWeight: 1, weighting: 'binary' } as const;

/** A fitted content-based recommender: a unit-length profile per item index. */
export interface ContentBasedModel extends RecommenderModelBase {
  method: 'content-based';
  weighting: 'binary' | 'value';
  /** Feature names: the TF-IDF vocabulary, then `key=value` and `key (z)` attribute features. */
  features: string[];
  /** Item profiles, one sparse row per item index (features increasing). */
  profiles: SparseVectors;
  /** The fitted TF-IDF of the texts (`null` when no item has text). */
  tfidf: TfidfModel | null;
}

/** Builds the item profiles; `content` must describe every item of `x` (matched by id, any order). */
export function fitContentBased(
  x: Interactions,
  content: readonly ItemContent[],
  options: ContentBasedOptions = {},
): ContentBasedModel {
  const textWeight = options.textWeight ?? contentBasedDefaults.textWeight;
  const attributeWeight = options.attributeWeight ?? contentBasedDefaults.attributeWeight;
  const weighting = options.weighting ?? contentBasedDefaults.weighting;
  for (const [name, w] of [
    ['textWeight', textWeight],
    ['attributeWeight', attributeWeight],
  ] as const) {
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`invalid ${name}: ${w} (must be ≥ 0)`);
  }
  if (weighting !== 'binary' && weighting !== 'value') {
    throw new RangeError(`invalid weighting: ${String(weighting)} (must be 'binary' or 'value')`);
  }
  const byId = new Map(content.map((c) => [c.id, c]));
  const items = x.itemIds.map((id) => {
    const c = byId.get(id);
    if (!c)
      throw new RangeError(
        `item '${id}' of the interactions has no content; give every item a row (text may be '')`,
      );
    return c;
  });
  const docs = items.map((c) => c.text ?? '');
  // No words at all (attributes only): no text block.
  const tfidf = docs.some((d) => tokenize(d).length > 0) ? fitTfidf(docs, options.tfidf) : null;
  const text = tfidf ? transformTfidf(tfidf, docs) : emptyRows(docs.length);
  const vocabulary = tfidf?.vocabulary ?? [];
  const { features: attrFeatures, rows: attrRows } = attributeBlock(items);
  const features = [...vocabulary, ...attrFeatures];
  const offset = vocabulary.length;
  const ptr = new Int32Array(items.length + 1);
  const index: number[] = [];
  const value: number[] = [];
  items.forEach((_, i) => {
    const cols: number[] = [];
    const vals: number[] = [];
    for (let p = text.ptr[i]; p < text.ptr[i + 1]; p++) {
      cols.push(text.index[p]);
      vals.push(textWeight * text.value[p]);
    }
    const a = attrRows[i];
    const aNorm = l2(a.map(([, v]) => v));
    for (const [f, v] of a) {
      cols.push(offset + f);
      vals.push(aNorm > 0 ? (attributeWeight * v) / aNorm : 0);
    }
    const norm = l2(vals);
    cols.forEach((c, k) => {
      index.push(c);
      value.push(norm > 0 ? vals[k] / norm : 0);
    });
    ptr[i + 1] = index.length;
  });
  return {
    method: 'content-based',
    numItems: x.itemIds.length,
    weighting,
    features,
    profiles: { ptr, index: Int32Array.from(index), value: Float64Array.from(value) },
    tfidf,
  };
}

/** The user's profile: the (weighted) mean of their items' profiles, dense over the features. */
export function userProfile(model: ContentBasedModel, x: Interactions, u: number): Float64Array {
  const profile = new Float64Array(model.features.length);
  const { ptr, index, value } = model.profiles;
  let total = 0;
  for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++) {
    const i = x.userItems[p];
    const w = model.weighting === 'value' ? x.userValues[p] : 1;
    total += w;
    for (let q = ptr[i]; q < ptr[i + 1]; q++) profile[index[q]] += w * value[q];
  }
  if (total !== 0) for (let f = 0; f < profile.length; f++) profile[f] /= total;
  return profile;
}

/** Cosine of the user's profile with every item's profile (0 when the profile is empty). */
export function scoreContentBased(
  model: ContentBasedModel,
  x: Interactions,
  u: number,
  out: Float64Array,
): void {
  const profile = userProfile(model, x, u);
  const norm = l2(profile);
  const { ptr, index, value } = model.profiles;
  for (let i = 0; i < out.length; i++) {
    let dot = 0;
    for (let q = ptr[i]; q < ptr[i + 1]; q++) dot += profile[index[q]] * value[q];
    out[i] = norm > 0 ? dot / norm : 0;
  }
}

/** The features that contributed most to item j's cosine for user u (each its share of the score). */
export function explainContentBased(
  model: ContentBasedModel,
  x: Interactions,
  u: number,
  j: number,
): Explanation['because'] {
  const profile = userProfile(model, x, u);
  const norm = l2(profile);
  const { ptr, index, value } = model.profiles;
  const because: Explanation['because'] = [];
  for (let q = ptr[j]; q < ptr[j + 1]; q++) {
    const w = norm > 0 ? (profile[index[q]] * value[q]) / norm : 0;
    if (w !== 0) because.push({ kind: 'feature', id: model.features[index[q]], weight: w });
  }
  return because.sort((a, b) => b.weight - a.weight);
}

/** One-hot categorical and z-scored numeric attribute features. */
function attributeBlock(items: ItemContent[]): { features: string[]; rows: [number, number][][] } {
  const numeric = new Map<string, { sum: number; sum2: number; n: number }>();
  const categorical = new Set<string>();
  for (const c of items) {
    for (const [key, v] of Object.entries(c.attributes ?? {})) {
      if (typeof v === 'number') {
        if (!Number.isFinite(v))
          throw new RangeError(
            `item '${c.id}': attribute ${key} is ${v}; give a finite number or leave it out`,
          );
        const s = numeric.get(key) ?? { sum: 0, sum2: 0, n: 0 };
        s.sum += v;
        s.sum2 += v * v;
        s.n++;
        numeric.set(key, s);
      } else categorical.add(`${key}=${v}`);
    }
  }
  const features = [...[...categorical].sort(), ...[...numeric.keys()].sort().map((k) => `${k} (z)`)];
  const column = new Map(features.map((f, k) => [f, k]));
  const rows = items.map((c) => {
    const row: [number, number][] = [];
    for (const [key, v] of Object.entries(c.attributes ?? {})) {
      if (typeof v === 'number') {
        const s = numeric.get(key) ?? { sum: 0, sum2: 0, n: 1 };
        const mean = s.sum / s.n;
        const sd = Math.sqrt(Math.max(s.sum2 / s.n - mean * mean, 0));
        row.push([column.get(`${key} (z)`) ?? 0, sd > 0 ? (v - mean) / sd : 0]);
      } else row.push([column.get(`${key}=${v}`) ?? 0, 1]);
    }
    return row.sort((a, b) => a[0] - b[0]);
  });
  return { features, rows };
}

function l2(v: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k] * v[k];
  return Math.sqrt(s);
}

function emptyRows(n: number): SparseVectors {
  return { ptr: new Int32Array(n + 1), index: new Int32Array(0), value: new Float64Array(0) };
}
