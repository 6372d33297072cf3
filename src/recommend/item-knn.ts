/**
 * Item-based neighbourhood collaborative filtering: items are similar when the same users have them,
 * and a user is recommended the items most similar to what they already have.
 *
 * Fit: the top-k neighbours of every item by {@link neighbourLists} (cosine, Pearson or adjusted cosine
 * over the items' user columns, with optional shrinkage). Score: the top-N rule of Deshpande & Karypis,
 * "Item-based top-N recommendation algorithms", *ACM TOIS* 22(1), 2004: score(u, j) = Σ s(i, j) over the
 * user's items i that have j among their neighbours; items no neighbour list reaches are not candidates.
 * Ratings: r̂(u, j) = μ_j + Σ s(j, i)·(r_ui − μ_i) / Σ |s(j, i)| over j's neighbours i the user rated, μ the
 * item means (Sarwar et al., WWW 2001, §3.2.1, with mean-centring as in Koren 2008 §2.2); μ_j when none.
 */
import { byItem, byUser, findInRow, type Interactions, type SparseVectors } from './interactions.ts';
import type { Explanation, RecommenderModelBase } from './recommender.ts';
import {
  neighbourLists,
  resolveNeighbourOptions,
  vectorMeans,
  type NeighbourLists,
  type NeighbourOptions,
  type SimilarityMeasure,
} from './similarity.ts';

/** Options of {@link fitItemKnn}: the measure, neighbours kept per item (default 50) and shrinkage (default 0). */
export type ItemKnnOptions = NeighbourOptions;

/** A fitted item-kNN model: the neighbour lists of every item index. */
export interface ItemKnnModel extends RecommenderModelBase {
  method: 'item-knn';
  similarity: SimilarityMeasure;
  neighbours: number;
  shrinkage: number;
  /** The top-k neighbours of each item, most similar first (positive similarities only). */
  lists: NeighbourLists;
  /** Mean value of each item (over its users; the overall mean for items without users), for rating prediction. */
  itemMeans: Float64Array;
}

/** Computes the neighbour lists. */
export function fitItemKnn(x: Interactions, options: ItemKnnOptions = {}): ItemKnnModel {
  const o = resolveNeighbourOptions(options);
  return {
    method: 'item-knn',
    numItems: x.itemIds.length,
    ...o,
    lists: neighbourLists(byItem(x), byUser(x), o),
    itemMeans: meansOrGlobal(byItem(x)),
  };
}

/** The mean of each vector, the mean of all values for empty vectors (items or users without history). */
export function meansOrGlobal(v: SparseVectors): Float64Array {
  const means = vectorMeans(v);
  const global = v.value.length > 0 ? v.value.reduce((s, y) => s + y, 0) / v.value.length : 0;
  for (let a = 0; a < means.length; a++) if (v.ptr[a + 1] === v.ptr[a]) means[a] = global;
  return means;
}

/** score(u, j) = Σ s(i, j) over the user's items i; −∞ for items no list reaches. */
export function scoreItemKnn(model: ItemKnnModel, x: Interactions, u: number, out: Float64Array): void {
  out.fill(-Infinity);
  const { ptr, index, weight } = model.lists;
  for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++) {
    const i = x.userItems[p];
    for (let q = ptr[i]; q < ptr[i + 1]; q++) {
      const j = index[q];
      out[j] = out[j] === -Infinity ? weight[q] : out[j] + weight[q];
    }
  }
}

/** The user's items that contributed to item j's score, largest similarity first. */
export function explainItemKnn(
  model: ItemKnnModel,
  x: Interactions,
  u: number,
  j: number,
): Explanation['because'] {
  const { ptr, index, weight } = model.lists;
  const because: Explanation['because'] = [];
  for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++) {
    const i = x.userItems[p];
    for (let q = ptr[i]; q < ptr[i + 1]; q++) {
      if (index[q] === j) because.push({ kind: 'item', id: x.itemIds[i], weight: weight[q] });
    }
  }
  return because.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
}

/** Predicted value (rating) of item j for user u (see the file comment). */
export function predictItemKnn(model: ItemKnnModel, x: Interactions, u: number, j: number): number {
  const { ptr, index, weight } = model.lists;
  let num = 0;
  let den = 0;
  for (let q = ptr[j]; q < ptr[j + 1]; q++) {
    const i = index[q];
    const k = findInRow(x, u, i);
    if (k < 0) continue;
    num += weight[q] * (x.userValues[k] - model.itemMeans[i]);
    den += Math.abs(weight[q]);
  }
  return model.itemMeans[j] + (den > 0 ? num / den : 0);
}
