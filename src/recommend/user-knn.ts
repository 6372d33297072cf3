/**
 * User-based neighbourhood collaborative filtering: users are similar when they have the same items,
 * and a user is recommended what their most similar users have (Resnick et al., "GroupLens", CSCW 1994;
 * Herlocker, Konstan, Borchers & Riedl, "An algorithmic framework for performing collaborative
 * filtering", SIGIR 1999).
 *
 * Fit: the top-k neighbours of every user by {@link neighbourLists} over the users' item rows. Score:
 * score(u, j) = Σ s(u, v) over the neighbours v that have j; items no neighbour has are not candidates.
 * Ratings: r̂(u, j) = μ_u + Σ s(u, v)·(r_vj − μ_v) / Σ |s(u, v)| over the neighbours who rated j (Resnick
 * et al. 1994), μ_u when none did.
 */
import { byItem, byUser, findInRow, type Interactions } from './interactions.ts';
import { meansOrGlobal } from './item-knn.ts';
import type { Explanation, RecommenderModelBase } from './recommender.ts';
import {
  neighbourLists,
  resolveNeighbourOptions,
  type NeighbourLists,
  type NeighbourOptions,
  type SimilarityMeasure,
} from './similarity.ts';

/** Options of {@link fitUserKnn}: the measure, neighbours kept per user (default 50) and shrinkage (default 0). */
export type UserKnnOptions = NeighbourOptions;

/** A fitted user-kNN model: the neighbour lists of every user index of the interactions it was fitted on. */
export interface UserKnnModel extends RecommenderModelBase {
  method: 'user-knn';
  numUsers: number;
  similarity: SimilarityMeasure;
  neighbours: number;
  shrinkage: number;
  /** The top-k neighbours of each user, most similar first (positive similarities only). */
  lists: NeighbourLists;
  /** Mean value of each user (the overall mean for users without history), for rating prediction. */
  userMeans: Float64Array;
}

/** Computes the neighbour lists. */
export function fitUserKnn(x: Interactions, options: UserKnnOptions = {}): UserKnnModel {
  const o = resolveNeighbourOptions(options);
  return {
    method: 'user-knn',
    numItems: x.itemIds.length,
    numUsers: x.userIds.length,
    ...o,
    lists: neighbourLists(byUser(x), byItem(x), o),
    userMeans: meansOrGlobal(byUser(x)),
  };
}

/** score(u, j) = Σ s(u, v) over the neighbours v that have j; −∞ for items no neighbour has. */
export function scoreUserKnn(model: UserKnnModel, x: Interactions, u: number, out: Float64Array): void {
  out.fill(-Infinity);
  const { ptr, index, weight } = model.lists;
  for (let q = ptr[u]; q < ptr[u + 1]; q++) {
    const v = index[q];
    for (let p = x.userPtr[v]; p < x.userPtr[v + 1]; p++) {
      const j = x.userItems[p];
      out[j] = out[j] === -Infinity ? weight[q] : out[j] + weight[q];
    }
  }
}

/** The neighbours who have item j, most similar first. */
export function explainUserKnn(
  model: UserKnnModel,
  x: Interactions,
  u: number,
  j: number,
): Explanation['because'] {
  const { ptr, index, weight } = model.lists;
  const because: Explanation['because'] = [];
  for (let q = ptr[u]; q < ptr[u + 1]; q++) {
    if (findInRow(x, index[q], j) >= 0)
      because.push({ kind: 'user', id: x.userIds[index[q]], weight: weight[q] });
  }
  return because;
}

/** Predicted value (rating) of item j for user u (see the file comment). */
export function predictUserKnn(model: UserKnnModel, x: Interactions, u: number, j: number): number {
  const { ptr, index, weight } = model.lists;
  let num = 0;
  let den = 0;
  for (let q = ptr[u]; q < ptr[u + 1]; q++) {
    const v = index[q];
    const k = findInRow(x, v, j);
    if (k < 0) continue;
    num += weight[q] * (x.userValues[k] - model.userMeans[v]);
    den += Math.abs(weight[q]);
  }
  return model.userMeans[u] + (den > 0 ? num / den : 0);
}
