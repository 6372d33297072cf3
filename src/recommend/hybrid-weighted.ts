/**
 * Two ways to combine recommenders that score every item (Burke, "Hybrid recommender systems: survey
 * and experiments", *User Modeling and User-Adapted Interaction* 12(4), 2002, §3):
 *
 * - **weighted**: a weighted sum of the components' scores, each first put on a common scale;
 * - **switching**: one component per user, chosen by how much history the user has (a cold-start
 *   user gets popularity, a regular a factor model).
 *
 * Scores of different models live on different scales (a predicted rating, a dot product, a count,
 * a cosine), so a weighted sum of raw scores lets the widest scale win. {@link normalizeScores}
 * offers three fixes, each computed per user over that user's vector:
 * - `'minmax'`: (s − min)/(max − min) ∈ [0, 1]; a constant vector becomes all 0. Sensitive to one outlier.
 * - `'zscore'`: (s − mean)/sd with the sample sd, as R's `scale(x)`; a constant vector (or a single
 *   score) becomes all 0. Keeps the shape, unbounded.
 * - `'rank'`: the rank fraction (r − 1)/(n − 1) ∈ [0, 1], r = R's `rank(x)` (ties share their mean
 *   rank); only the order counts (a Borda count when the weights are equal).
 * - `'none'`: the raw scores, when they are already comparable.
 */

/** How component scores are put on a common scale before blending. */
export type ScoreNormalization = 'minmax' | 'zscore' | 'rank' | 'none';

/** Puts one score vector (one score per item) on the scale `method`. A new array is returned. */
export function normalizeScores(
  scores: ArrayLike<number>,
  method: ScoreNormalization = 'minmax',
  what = 'scores',
): Float64Array {
  const n = scores.length;
  const out = Float64Array.from(scores);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i])) {
      throw new RangeError(
        `${what}[${i}] is ${out[i]}: blending needs finite scores; pass the raw scores and exclude seen items after blending`,
      );
    }
  }
  if (n === 0 || method === 'none') return out;
  if (method === 'minmax') {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      min = Math.min(min, out[i]);
      max = Math.max(max, out[i]);
    }
    const range = max - min;
    for (let i = 0; i < n; i++) out[i] = range > 0 ? (out[i] - min) / range : 0;
  } else if (method === 'zscore') {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += out[i];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (out[i] - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    for (let i = 0; i < n; i++) out[i] = sd > 0 ? (out[i] - mean) / sd : 0;
  } else if (method === 'rank') {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => out[a] - out[b]);
    const ranked = new Float64Array(n);
    for (let lo = 0; lo < n;) {
      let hi = lo;
      while (hi + 1 < n && out[order[hi + 1]] === out[order[lo]]) hi++;
      const fraction = n > 1 ? (lo + hi) / 2 / (n - 1) : 0;
      for (let t = lo; t <= hi; t++) ranked[order[t]] = fraction;
      lo = hi + 1;
    }
    return ranked;
  } else {
    throw new RangeError(
      `invalid normalization: ${String(method)} (must be 'minmax', 'zscore', 'rank' or 'none')`,
    );
  }
  return out;
}

/** Options of {@link blendWeighted}. */
export interface WeightedBlendOptions {
  /** One weight ≥ 0 per component (not all 0); they need not sum to 1. Default: equal weights. */
  weights?: readonly number[];
  /** Scale applied to each component before weighting. Default `'minmax'`. */
  normalization?: ScoreNormalization;
}

/** The defaults of {@link blendWeighted}. */
export const weightedBlendDefaults = { normalization: 'minmax' } as const;

/**
 * Σ_c w_c · normalize(scores_c) / Σ_c w_c for one user: `components` are the score vectors of that
 * user from each recommender (same items, same order).
 */
export function blendWeighted(
  components: readonly ArrayLike<number>[],
  options: WeightedBlendOptions = {},
): Float64Array {
  const normalization = options.normalization ?? weightedBlendDefaults.normalization;
  const n = checkComponents(components);
  const weights = options.weights ?? components.map(() => 1);
  if (weights.length !== components.length) {
    throw new RangeError(
      `${weights.length} weights for ${components.length} components; give one weight per component`,
    );
  }
  const total = weights.reduce((s, w) => s + w, 0);
  if (!weights.every((w) => Number.isFinite(w) && w >= 0) || !(total > 0)) {
    throw new RangeError(`invalid weights: [${weights.join(', ')}] (must be finite, ≥ 0 and not all 0)`);
  }
  const out = new Float64Array(n);
  components.forEach((scores, c) => {
    if (weights[c] === 0) return;
    const z = normalizeScores(scores, normalization, `component ${c}`);
    for (let i = 0; i < n; i++) out[i] += (weights[c] / total) * z[i];
  });
  return out;
}

/** Options of {@link blendSwitching}. */
export interface SwitchingBlendOptions {
  /** How many interactions the user has (`userPtr[u+1] − userPtr[u]`; 0 for a new user). Required. */
  history: number;
  /**
   * The least history each component needs, one per component in increasing order, the first 0:
   * `[0, 5]` uses component 0 below 5 interactions and component 1 from 5 on. Required.
   */
  minHistory: readonly number[];
}

/** The switching blend's choice: the scores of the component used, and which one it was. */
export interface SwitchingBlend {
  scores: Float64Array;
  component: number;
}

/** Uses, for one user, the last component whose `minHistory` the user's history reaches. */
export function blendSwitching(
  components: readonly ArrayLike<number>[],
  { history, minHistory }: SwitchingBlendOptions,
): SwitchingBlend {
  checkComponents(components);
  if (!Number.isInteger(history) || history < 0) {
    throw new RangeError(
      `invalid history: ${history} (must be the user's number of interactions, an integer ≥ 0)`,
    );
  }
  const ok =
    Array.isArray(minHistory) &&
    minHistory.length === components.length &&
    minHistory[0] === 0 &&
    minHistory.every((m, c) => Number.isInteger(m) && (c === 0 || m >= minHistory[c - 1]));
  if (!ok) {
    throw new RangeError(
      `invalid minHistory: [${minHistory}] (one integer per component, increasing, the first 0, e.g. [0, 5] for popularity then a factor model)`,
    );
  }
  let component = 0;
  for (let c = 1; c < minHistory.length; c++) if (history >= minHistory[c]) component = c;
  return { scores: Float64Array.from(components[component]), component };
}

function checkComponents(components: readonly ArrayLike<number>[]): number {
  if (!Array.isArray(components) || components.length === 0) {
    throw new RangeError('no components: pass one score vector per recommender');
  }
  const n = components[0].length;
  components.forEach((s, c) => {
    if (s.length !== n) {
      throw new RangeError(
        `component ${c} scores ${s.length} items but component 0 scores ${n}; score the same items`,
      );
    }
  });
  return n;
}
