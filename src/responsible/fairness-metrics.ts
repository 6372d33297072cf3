/**
 * Demographic parity and equalised odds as scalars, with `fairlearn.metrics`' definitions:
 *
 * - `demographicParityDifference`: the largest minus the smallest group selection rate
 *   (`method: 'between_groups'`, Fairlearn's default), or the largest |group − overall|
 *   (`'to_overall'`); `demographicParityRatio`: smallest / largest (or the smallest group/overall
 *   ratio, each taken ≤ 1).
 * - `equalizedOddsDifference`: the larger of the TPR difference and the FPR difference
 *   (`agg: 'worst_case'`, default) or their mean (`'mean'`); `equalizedOddsRatio`: the smaller of the
 *   TPR ratio and the FPR ratio (or their mean).
 *
 * A group with no actual positives has TPR 0 (and one with no negatives FPR 0), as in Fairlearn, which
 * can make these metrics look worse than the data supports; check `groupMetrics`' `positives` first.
 * A ratio whose largest rate is 0 is 0/0 = NaN, as in Fairlearn.
 */
import {
  checkLengths,
  confusions,
  groupIndex,
  rates,
  toBinary,
  type GroupValue,
  type Label,
  type Rates,
} from './classification-input.ts';

/** Options of the disparity metrics. */
export interface DisparityOptions {
  /** `'between_groups'` (default): between the extreme groups; `'to_overall'`: each group against everyone. */
  method?: 'between_groups' | 'to_overall';
}

/** Options of the equalised-odds metrics. */
export interface EqualizedOddsOptions extends DisparityOptions {
  /** `'worst_case'` (default): the worse of TPR and FPR; `'mean'`: their mean. */
  agg?: 'worst_case' | 'mean';
}

type RateName = 'selectionRate' | 'tpr' | 'fpr';

function groupRates(
  what: string,
  yTrue: readonly Label[],
  yPred: readonly Label[],
  sensitive: readonly GroupValue[],
): { groups: Rates[]; overall: Rates } {
  checkLengths(what, { yTrue, yPred, sensitive });
  const { groups, index } = groupIndex(sensitive);
  const counts = confusions(toBinary(yTrue, 'yTrue'), toBinary(yPred, 'yPred'), index, groups.length);
  return { groups: counts.groups.map(rates), overall: rates(counts.overall) };
}

function method(options: DisparityOptions): 'between_groups' | 'to_overall' {
  const m = options.method ?? 'between_groups';
  if (m !== 'between_groups' && m !== 'to_overall') {
    throw new RangeError(`invalid method: ${String(m)} (must be 'between_groups' or 'to_overall')`);
  }
  return m;
}

function agg(options: EqualizedOddsOptions): 'worst_case' | 'mean' {
  const a = options.agg ?? 'worst_case';
  if (a !== 'worst_case' && a !== 'mean') {
    throw new RangeError(`invalid agg: ${String(a)} (must be 'worst_case' or 'mean')`);
  }
  return a;
}

/** NaN-skipping extremes and mean, as pandas' `min`/`max`/`mean` (all NaN → NaN). */
function finite(values: number[]): number[] {
  return values.filter((v) => !Number.isNaN(v));
}
const least = (v: number[]): number => (finite(v).length === 0 ? NaN : Math.min(...finite(v)));
const most = (v: number[]): number => (finite(v).length === 0 ? NaN : Math.max(...finite(v)));
const mean = (v: number[]): number =>
  finite(v).length === 0 ? NaN : finite(v).reduce((s, x) => s + x, 0) / finite(v).length;

function difference(r: { groups: Rates[]; overall: Rates }, name: RateName, m: string): number {
  const values = r.groups.map((g) => g[name]);
  if (m === 'between_groups') return most(values) - least(values);
  return most(values.map((v) => Math.abs(v - r.overall[name])));
}

function ratio(r: { groups: Rates[]; overall: Rates }, name: RateName, m: string): number {
  const values = r.groups.map((g) => g[name]);
  if (m === 'between_groups') return least(values) / most(values);
  const base = r.overall[name];
  // Each group's ratio to the overall rate, inverted when above 1 (x/0 is ∞ → 0; 0/0 is NaN).
  return least(values.map((v) => (base === 0 ? (v === 0 ? NaN : 0) : v / base > 1 ? base / v : v / base)));
}

/** Largest minus smallest group selection rate (Fairlearn's `demographic_parity_difference`). */
export function demographicParityDifference(
  yTrue: readonly Label[],
  yPred: readonly Label[],
  sensitive: readonly GroupValue[],
  options: DisparityOptions = {},
): number {
  const m = method(options);
  return difference(groupRates('demographicParityDifference', yTrue, yPred, sensitive), 'selectionRate', m);
}

/** Smallest over largest group selection rate (Fairlearn's `demographic_parity_ratio`). */
export function demographicParityRatio(
  yTrue: readonly Label[],
  yPred: readonly Label[],
  sensitive: readonly GroupValue[],
  options: DisparityOptions = {},
): number {
  const m = method(options);
  return ratio(groupRates('demographicParityRatio', yTrue, yPred, sensitive), 'selectionRate', m);
}

/** The worse (or mean) of the TPR and FPR differences (Fairlearn's `equalized_odds_difference`). */
export function equalizedOddsDifference(
  yTrue: readonly Label[],
  yPred: readonly Label[],
  sensitive: readonly GroupValue[],
  options: EqualizedOddsOptions = {},
): number {
  const m = method(options);
  const a = agg(options);
  const r = groupRates('equalizedOddsDifference', yTrue, yPred, sensitive);
  const both = [difference(r, 'tpr', m), difference(r, 'fpr', m)];
  return a === 'worst_case' ? most(both) : mean(both);
}

/** The worse (or mean) of the TPR and FPR ratios (Fairlearn's `equalized_odds_ratio`). */
export function equalizedOddsRatio(
  yTrue: readonly Label[],
  yPred: readonly Label[],
  sensitive: readonly GroupValue[],
  options: EqualizedOddsOptions = {},
): number {
  const m = method(options);
  const a = agg(options);
  const r = groupRates('equalizedOddsRatio', yTrue, yPred, sensitive);
  const both = [ratio(r, 'tpr', m), ratio(r, 'fpr', m)];
  return a === 'worst_case' ? least(both) : mean(both);
}
