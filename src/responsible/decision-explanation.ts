/**
 * Why one automated decision came out as it did, for a linear scorer such as a logistic regression.
 * On the log-odds scale the model is additive, z = b + Σⱼ wⱼ·xⱼ, so each feature's share of the
 * decision can be read exactly against a reference point: the contribution of feature j is
 * wⱼ·(xⱼ − x̄ⱼ), where x̄ is the training mean. They add up to
 *
 *   Σⱼ wⱼ·(xⱼ − x̄ⱼ) = z(x) − z(x̄),
 *
 * the row's log-odds minus the log-odds of an "average" row. For a linear model this is also what
 * SHAP's linear explainer returns with independent features (Lundberg & Lee, "A unified approach to
 * interpreting model predictions", NeurIPS 2017, the linear case; `shap.LinearExplainer`). The
 * features with the largest positive contributions become plain-language reasons, the way credit
 * and fraud teams write "principal reasons" for an adverse decision.
 *
 * The model is taken structurally (weights and an intercept), so any linear scorer works, including
 * a fit of `fitLogistic` from `dplab/classify`. When the model was fitted on standardised features,
 * pass the standardised row and means of 0 (the standardised training means), and the raw values as
 * `values` for the phrases.
 */

/** A linear scorer on the log-odds scale: z = intercept + Σ weights[j]·x[j]. */
export interface LinearScorer {
  weights: readonly number[];
  intercept: number;
}

/** How a feature reads as a reason: fixed words, or words made from the feature's (raw) value. */
export type ReasonPhrase = string | ((value: number) => string);

/** Input of {@link explainDecision}. */
export interface ExplainDecisionInput {
  fit: LinearScorer;
  /** One name per weight. */
  names: readonly string[];
  /** The reference point x̄, usually the training means of the features as the model saw them. */
  means: readonly number[];
  /** The row to explain, as the model sees it (scaled if the model was fitted on scaled features). */
  row: readonly number[];
  /** The values shown to people and passed to the phrases (default `row`), e.g. the unscaled row. */
  values?: readonly number[];
  /** Words per feature name; a feature without one reads as `name = value`. */
  phrases?: Readonly<Record<string, ReasonPhrase>>;
  /** How many reasons at most (default 3). */
  top?: number;
}

/** One feature's part in a decision. */
export interface Contribution {
  feature: string;
  /** The value shown to people (`values[j]`, or `row[j]`). */
  value: number;
  /** wⱼ·(xⱼ − x̄ⱼ) on the log-odds scale: > 0 pushed the score up. */
  contribution: number;
}

/** The explanation of one decision. */
export interface DecisionExplanation {
  /** The probability, 1 / (1 + e^(−logOdds)). */
  score: number;
  logOdds: number;
  /** The log-odds of the reference row x̄; logOdds − baseline = Σ contributions. */
  baseline: number;
  /** Every feature, largest |contribution| first (ties in the order of `names`). */
  contributions: Contribution[];
  /** Up to `top` phrases for the features that raised the score most, largest first. */
  reasons: string[];
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function checkVector(name: string, xs: readonly number[] | undefined, p: number) {
  if (!Array.isArray(xs) || xs.length !== p)
    throw new RangeError(
      `explainDecision: ${name} must have one number per weight (${p}), got ${Array.isArray(xs) ? xs.length : typeof xs}`,
    );
  xs.forEach((v, j) => {
    if (!Number.isFinite(v))
      throw new RangeError(`explainDecision: ${name}[${j}] is ${v}; it must be finite`);
  });
}

/** Formats a value for the default reason `name = value`. */
const show = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000));

/** The contributions of each feature to one row's score and the reasons they give; see the module comment. */
export function explainDecision(input: ExplainDecisionInput): DecisionExplanation {
  const { fit, names, means, row, values = row, phrases = {}, top = 3 } = input;
  if (!fit || !Array.isArray(fit.weights) || !Number.isFinite(fit.intercept))
    throw new TypeError('explainDecision: fit must have weights (numbers) and a finite intercept');
  const p = fit.weights.length;
  checkVector('fit.weights', fit.weights, p);
  if (!Array.isArray(names) || names.length !== p)
    throw new RangeError(`explainDecision: names must have one name per weight (${p}), got ${names?.length}`);
  if (new Set(names).size !== p) throw new RangeError('explainDecision: names must be distinct');
  checkVector('means', means, p);
  checkVector('row', row, p);
  checkVector('values', values, p);
  if (!Number.isInteger(top) || top < 0)
    throw new RangeError(`explainDecision: top must be a whole number ≥ 0, got ${top}`);
  for (const key of Object.keys(phrases))
    if (!names.includes(key))
      throw new RangeError(
        `explainDecision: phrases has "${key}", which is not one of names (${names.join(', ')})`,
      );

  let logOdds = fit.intercept;
  let baseline = fit.intercept;
  const contributions: Contribution[] = names.map((feature, j) => {
    const w = fit.weights[j]!;
    logOdds += w * row[j]!;
    baseline += w * means[j]!;
    return { feature, value: values[j]!, contribution: w * (row[j]! - means[j]!) };
  });
  // A stable sort keeps ties in the order of names, so the same row always reads the same.
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  const reasons = contributions
    .filter((c) => c.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, top)
    .map((c) => {
      const phrase = phrases[c.feature];
      if (typeof phrase === 'function') return phrase(c.value);
      return phrase ?? `${c.feature} = ${show(c.value)}`;
    });
  return { score: sigmoid(logOdds), logOdds, baseline, contributions, reasons };
}
