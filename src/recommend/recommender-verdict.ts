/**
 * What a recommender leaderboard says in words: the best model against the best baseline on the main
 * metric, by how much, and whether the gap is larger than chance over the users scored. Beating
 * popularity is not a given: tuned baselines match or beat many published top-N recommenders
 * (Cremonesi, Koren & Turrin, "Performance of recommender algorithms on top-N recommendation tasks",
 * RecSys 2010; Ferrari Dacrema, Cremonesi & Jannach, "Are we really making much progress? A worrying
 * analysis of recent neural recommendation approaches", RecSys 2019), so the verdict says so plainly.
 *
 * The gap is a paired comparison: the same users are scored by both models, so the standard error is
 * that of the mean per-user difference, sd / √n (the paired t-test's, which Smucker, Allan & Carterette,
 * "A comparison of statistical significance tests for information retrieval evaluation", CIKM 2007,
 * find agrees with randomisation tests on such metrics). A gap under two standard errors is called
 * chance (≈ 95 %, normal approximation).
 */
import {
  averagePrecisionAtK,
  hitRateAtK,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  reciprocalRank,
} from './metrics.ts';

/** The accuracy measures a comparison can rank by; all are "higher is better", averaged over users. */
export type RecommenderMetric = 'ndcg' | 'precision' | 'recall' | 'map' | 'hitRate' | 'mrr';

/** The metrics {@link RecommenderMetric} names, in the order tables show them. */
export const recommenderMetrics: readonly RecommenderMetric[] = [
  'ndcg',
  'precision',
  'recall',
  'map',
  'hitRate',
  'mrr',
];

const perUser: Record<
  RecommenderMetric,
  (list: string[], relevant: ReadonlySet<string>, k: number) => number
> = {
  ndcg: ndcgAtK,
  precision: precisionAtK,
  recall: recallAtK,
  map: averagePrecisionAtK,
  hitRate: hitRateAtK,
  mrr: reciprocalRank,
};

const names: Record<RecommenderMetric, string> = {
  ndcg: 'NDCG',
  precision: 'precision',
  recall: 'recall',
  map: 'MAP',
  hitRate: 'hit rate',
  mrr: 'MRR',
};

/** The metric as tables name it: `NDCG@10`, `precision@10`, … */
export const metricLabel = (metric: RecommenderMetric, k: number): string => `${names[metric]}@${k}`;

/** The best model against the best baseline, on the main metric, over the same users. */
export interface RecommenderComparison {
  /** Name of the best model that is not a baseline. */
  model: string;
  /** Name of the best baseline. */
  baseline: string;
  modelScore: number;
  baselineScore: number;
  /** `modelScore − baselineScore` (> 0: the model is better). */
  difference: number;
  /** `difference / baselineScore` (0.5: 50 % better); `NaN` when the baseline scores 0. */
  relative: number;
  /** Standard error of the mean per-user difference, sd / √n; `NaN` for fewer than two users. */
  standardError: number;
  /** Users scored. */
  users: number;
}

/** Scores and per-user lists of one leaderboard row, as the verdict needs them. */
export interface ScoredLists {
  name: string;
  baseline: boolean;
  /** The main metric; `NaN` when the row failed. */
  score: number;
  /** Each scored user's list, in the order of the users; absent when the row failed. */
  lists?: readonly string[][];
}

const best = <T extends ScoredLists>(rows: readonly T[]): T | undefined =>
  rows.reduce<T | undefined>(
    (b, r) => (Number.isNaN(r.score) || (b && b.score >= r.score) ? b : r),
    undefined,
  );

/**
 * The best model against the best baseline (the first of equals), with the standard error of their
 * per-user differences; `null` when either is missing or no user was scored.
 */
export function compareBest(
  rows: readonly ScoredLists[],
  relevant: readonly ReadonlySet<string>[],
  metric: RecommenderMetric,
  k: number,
): RecommenderComparison | null {
  const model = best(rows.filter((r) => !r.baseline));
  const baseline = best(rows.filter((r) => r.baseline));
  const a = model?.lists;
  const b = baseline?.lists;
  if (!model || !baseline || !a || !b || relevant.length === 0) return null;
  const score = perUser[metric];
  const d = relevant.map((rel, n) => score(a[n].slice(0, k), rel, k) - score(b[n].slice(0, k), rel, k));
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const difference = model.score - baseline.score;
  return {
    model: model.name,
    baseline: baseline.name,
    modelScore: model.score,
    baselineScore: baseline.score,
    difference,
    relative: baseline.score > 0 ? difference / baseline.score : NaN,
    standardError: n > 1 ? Math.sqrt(variance / n) : NaN,
    users: n,
  };
}

const fmt = (x: number) => String(Number(x.toPrecision(3)));
const pct = (x: number) => `${Number((100 * Math.abs(x)).toPrecision(2))} %`;

/** What {@link recommenderVerdict} reads. */
export interface VerdictInput {
  rows: readonly ScoredLists[];
  comparison: RecommenderComparison | null;
  metric: RecommenderMetric;
  k: number;
  /** Users scored. */
  users: number;
}

/** One or two sentences saying who won, by how much, and how sure that is. */
export function recommenderVerdict({ rows, comparison: c, metric, k, users }: VerdictInput): string {
  const m = metricLabel(metric, k);
  if (users === 0) return 'Nothing was scored: no test user to evaluate (see the warnings).';
  const top = best(rows);
  if (!top) return 'Every recommender failed: see the errors in the table.';
  const models = rows.filter((r) => !r.baseline);
  if (models.length === 0) {
    return `Only the baselines ran; the best is ${top.name} (${m} ${fmt(top.score)}). Add models to see whether they beat it.`;
  }
  const challenger = best(models);
  if (!challenger) return `Every model failed; the best baseline is ${top.name} (${m} ${fmt(top.score)}).`;
  if (!c)
    return `${challenger.name} scores ${m} ${fmt(challenger.score)}, but no baseline worked to compare it with.`;
  const noise = 2 * c.standardError;
  const over = `over ${c.users} user${c.users === 1 ? '' : 's'}`;
  if (c.difference > 0) {
    const by = Number.isFinite(c.relative) ? `, ${pct(c.relative)} better` : '';
    const head = `${c.model} beats every baseline on ${m}: ${fmt(c.modelScore)} against ${fmt(c.baselineScore)} for ${c.baseline} (+${fmt(c.difference)}${by})`;
    if (!(c.difference > noise)) {
      const se = Number.isFinite(c.standardError) ? ` (${fmt(c.standardError)})` : '';
      return `${head}, but the gap is less than two standard errors${se} ${over}: it may be chance. Score more users before calling it better.`;
    }
    return `${head}; the gap is ${fmt(c.difference / c.standardError)} standard errors ${over}.`;
  }
  const advice =
    'Simple baselines are often hard to beat (Cremonesi et al. 2010; Dacrema et al. 2019): tune the model, check the split, or keep the baseline.';
  if (c.difference === 0) {
    return `No model beats the baselines on ${m}: ${c.model} only ties with ${c.baseline} (${fmt(c.modelScore)}). ${advice}`;
  }
  const by = Number.isFinite(c.relative) ? ` (${pct(c.relative)} lower)` : '';
  const chance = -c.difference > noise ? '' : ', a gap within two standard errors';
  return `No model beats ${c.baseline} on ${m}: the best model, ${c.model}, reaches ${fmt(c.modelScore)} against ${fmt(c.baselineScore)}${by}${chance} ${over}. ${advice}`;
}
