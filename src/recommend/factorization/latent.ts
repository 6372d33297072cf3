/**
 * What the latent-factor models share: a k-dimensional vector for every user and every item, the
 * score of a pair being (mostly) their dot product (Koren, Bell & Volinsky, "Matrix factorization
 * techniques for recommender systems", *IEEE Computer* 42(8), 2009). Vectors are stored row-major
 * in one Float64Array per side, so a model is plain data that crosses the worker boundary as it is.
 * Each model only says how it scores a user (`scoreX`); its `recommendX`, `explainX` and registry
 * entry are the same for all of them and are built here.
 */
import type { Interactions } from '../interaction-types.ts';
import type { Recommender } from '../recommender.ts';
import type { SeededRandom } from '../../stats/random.ts';
import { checkInteger, checkItem, checkSameShape, checkUser } from './checks.ts';
import { recommendFromScores, type RankedItem, type TopItemsOptions } from './top-items.ts';

/** The part every latent-factor model has. */
export interface LatentFactorModel {
  /** Which model, as the package's registry names it: `'implicit-als'`, `'bpr'`, … */
  method: string;
  /** Number k of latent factors. */
  factors: number;
  numUsers: number;
  numItems: number;
  /** numUsers × k, row-major: user u's vector is `userFactors[u·k … (u+1)·k)`. */
  userFactors: Float64Array;
  /** numItems × k, row-major: item i's vector is `itemFactors[i·k … (i+1)·k)`. */
  itemFactors: Float64Array;
}

/** One item behind a recommendation: "Because you bought `interactions.itemIds[item]`". */
export interface ItemExplanation {
  /** Dense index of an item the user has. */
  item: number;
  /** Cosine similarity of its factor vector with the recommended item's, in [−1, 1]. */
  similarity: number;
}

/** Options of every `explainX`. */
export interface FactorExplainOptions {
  /** How many of the user's items to return, an integer ≥ 1. Default 3. */
  count?: number;
}

/** A model's scores of one user (dense index) for every item: what each latent-factor model defines. */
export type FactorScorer<M extends LatentFactorModel> = (model: M, user: number) => Float64Array;

/** The `recommendX` of a latent-factor model: the k best items for a user, by dense index. */
export type FactorRecommend<M extends LatentFactorModel> = (
  model: M,
  interactions: Interactions,
  user: number,
  options?: TopItemsOptions,
) => RankedItem[];

/** The `explainX` of a latent-factor model ({@link explainByFactors}). */
export type FactorExplain<M extends LatentFactorModel> = (
  model: M,
  interactions: Interactions,
  user: number,
  item: number,
  options?: FactorExplainOptions,
) => ItemExplanation[];

/** A rows × cols matrix of independent N(0, sd²) draws, row by row. */
export function normalMatrix(rows: number, cols: number, sd: number, rng: SeededRandom): Float64Array {
  const m = new Float64Array(rows * cols);
  for (let j = 0; j < m.length; j++) m[j] = rng.normal(0, sd);
  return m;
}

/** x_u · y_i for every item i, into `out` (allocated when not given). */
export function dotScores(
  userFactors: Float64Array,
  itemFactors: Float64Array,
  k: number,
  user: number,
  out: Float64Array = new Float64Array(itemFactors.length / k),
): Float64Array {
  const xu = user * k;
  for (let i = 0, yi = 0; i < out.length; i++, yi += k) {
    let s = 0;
    for (let f = 0; f < k; f++) s += userFactors[xu + f] * itemFactors[yi + f];
    out[i] = s;
  }
  return out;
}

/** vᵀ f_r + bias + rowBias[r] for every row f_r of the row-major `factors` (k = v.length). */
export function scoreRows(
  factors: Float64Array,
  rowBias: Float64Array,
  v: Float64Array,
  bias: number,
): Float64Array {
  const k = v.length;
  const out = new Float64Array(rowBias.length);
  for (let r = 0; r < out.length; r++) {
    let s = bias + rowBias[r];
    for (let c = 0; c < k; c++) s += v[c] * factors[r * k + c];
    out[r] = s;
  }
  return out;
}

/**
 * Explains a recommendation of `item` to `user` by the user's own items closest to it in factor
 * space (cosine similarity of item vectors), most similar first; the item itself is left out.
 * This is the item-based reading of a factor model: it says which past items point the same way
 * as the recommendation, not how the score was computed.
 */
export function explainByFactors(
  model: LatentFactorModel,
  interactions: Interactions,
  user: number,
  item: number,
  { count = 3 }: FactorExplainOptions = {},
): ItemExplanation[] {
  checkSameShape(interactions, model.numUsers, model.numItems);
  checkUser(user, model.numUsers);
  checkItem(item, model.numItems);
  checkInteger('count', count, 1, 'the number of items to explain by');
  const { factors: k, itemFactors: y } = model;
  const norm = (i: number) => {
    let s = 0;
    for (let f = 0; f < k; f++) s += y[i * k + f] ** 2;
    return Math.sqrt(s);
  };
  const target = norm(item);
  const out: ItemExplanation[] = [];
  for (let p = interactions.userPtr[user]; p < interactions.userPtr[user + 1]; p++) {
    const j = interactions.userItems[p];
    if (j === item) continue;
    let dot = 0;
    for (let f = 0; f < k; f++) dot += y[j * k + f] * y[item * k + f];
    const denom = target * norm(j);
    out.push({ item: j, similarity: denom > 0 ? dot / denom : 0 });
  }
  out.sort((a, b) => b.similarity - a.similarity || a.item - b.item);
  return out.slice(0, count);
}

/**
 * The `recommendX` of the model that `score` scores: checks that `interactions` is the matrix the model
 * was fitted on, then takes the top k of the user's scores ({@link recommendFromScores}).
 */
export function recommendByFactors<M extends LatentFactorModel>(score: FactorScorer<M>): FactorRecommend<M> {
  return (model, interactions, user, options = {}) => {
    checkSameShape(interactions, model.numUsers, model.numItems);
    return recommendFromScores(score(model, user), interactions, user, options);
  };
}

/** A latent-factor model's registry entry, less what every such entry shares. */
export type LatentFactorEntry<M extends LatentFactorModel, O extends object> = Omit<
  Recommender<M, O>,
  'needsHistory' | 'numUsers' | 'score' | 'explain'
> & {
  /** The model's scores of a user for every item (its `scoreX`). */
  score: FactorScorer<M>;
};

/**
 * The registry entry of a latent-factor model: tied to the users it was fitted on, it needs their
 * history, scores every item (`recommend` leaves out the user's own), and explains a recommendation
 * by the user's items nearest to it in factor space ("because you bought X", {@link explainByFactors}).
 */
export function latentFactorRecommender<M extends LatentFactorModel, O extends object>(
  entry: LatentFactorEntry<M, O>,
): Recommender<M, O> {
  const { score, ...rest } = entry;
  return {
    ...rest,
    needsHistory: true,
    numUsers: (model) => model.numUsers,
    score: (model, _x, u, _user, out) => out.set(score(model, u)),
    explain: (model, x, u, j) =>
      explainByFactors(model, x, u, j).map((e) => ({
        kind: 'item',
        id: x.itemIds[e.item],
        weight: e.similarity,
      })),
  };
}
