/**
 * Cold start with the LightFM-style hybrid (`hybrid-lightfm.ts`): a NEW user or item, known only by
 * its features, is the weighted sum of those features' embeddings and biases (Kula 2015, eq. 1–2),
 * so it can be scored against everyone the model knows — which users a new product suits, which
 * products a new customer may want — before it has a single interaction.
 */
import { topItems, type RankedItem } from './factorization/top-items.ts';
import { scoreRows } from './factorization/latent.ts';
import { featureRow, type FeatureList } from './hybrid-lightfm-features.ts';
import type { LightFmModel } from './hybrid-lightfm.ts';

/** A new user's or item's embedding and bias from its features; `unknown` lists the features not seen in fitting. */
export interface LightFmRepresentation {
  vector: Float64Array;
  bias: number;
  unknown: string[];
}

/**
 * Places a new user (`side` `'user'`) or item from its features alone. Throws when none of them
 * was seen in fitting, since the model would have nothing to go on.
 */
export function representLightFm(
  model: LightFmModel,
  side: 'user' | 'item',
  features: FeatureList,
): LightFmRepresentation {
  const rows = side === 'user' ? model.userFeatures : model.itemFeatures;
  const e = side === 'user' ? model.userFeatureEmbeddings : model.itemFeatureEmbeddings;
  const b = side === 'user' ? model.userFeatureBias : model.itemFeatureBias;
  const row = featureRow(rows.names, features, model.params.normalize, `new ${side} features`);
  if (row.index.length === 0) {
    throw new RangeError(
      `none of the new ${side}'s features (${row.unknown.join(', ') || 'none given'}) was seen in fitting; give it features that fitted ${side}s have`,
    );
  }
  const k = model.factors;
  const vector = new Float64Array(k);
  let bias = 0;
  row.index.forEach((f, t) => {
    for (let c = 0; c < k; c++) vector[c] += row.weight[t] * e[f * k + c];
    bias += row.weight[t] * b[f];
  });
  return { vector, bias, unknown: row.unknown };
}

/** Scores of a NEW item (known only by its features) for every known user: who would like it. */
export function scoreLightFmNewItem(model: LightFmModel, features: FeatureList): Float64Array {
  const { vector, bias } = representLightFm(model, 'item', features);
  return scoreRows(model.userFactors, model.userBias, vector, bias);
}

/** Scores of every known item for a NEW user known only by its features. */
export function scoreLightFmNewUser(model: LightFmModel, features: FeatureList): Float64Array {
  const { vector, bias } = representLightFm(model, 'user', features);
  return scoreRows(model.itemFactors, model.itemBias, vector, bias);
}

/** The k items ranked highest for a NEW user known only by its features (nothing to exclude). */
export function recommendLightFmNewUser(
  model: LightFmModel,
  features: FeatureList,
  { k = 10 }: { k?: number } = {},
): RankedItem[] {
  return topItems(scoreLightFmNewUser(model, features), k);
}
