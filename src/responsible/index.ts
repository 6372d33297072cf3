/**
 * `dplab/responsible`: privacy and fairness for the lessons. k-anonymity and l-diversity with
 * generalisation and suppression (as pycanon defines them); differential privacy: the Laplace and
 * Gaussian mechanisms, counts, bounded sums and means, randomised response and a budget accountant
 * (as diffprivlib documents them); group metrics, Fairlearn's disparity metrics, and group-specific
 * thresholds as a mitigation with its accuracy cost.
 */
export type { Row, RowsInput } from './table-rows.ts';
export {
  kAnonymity,
  kAnonymityDefaults,
  type AnonymityGroup,
  type KAnonymityOptions,
  type KAnonymityResult,
} from './k-anonymity.ts';
export {
  lDiversity,
  type DiversityGroup,
  type LDiversityOptions,
  type LDiversityResult,
} from './l-diversity.ts';
export {
  ageBand,
  truncatePostcode,
  coarsenDate,
  generalise,
  suppress,
  type AgeBandOptions,
  type DateUnit,
  type SuppressOptions,
  type SuppressResult,
} from './generalise.ts';
export type { NoiseSource } from './privacy-checks.ts';
export {
  laplaceMechanism,
  laplaceNoise,
  dpCount,
  dpSum,
  dpMean,
  type BoundedOptions,
  type DpCountOptions,
  type LaplaceOptions,
  type NoisyRelease,
} from './laplace.ts';
export {
  gaussianMechanism,
  gaussianSigma,
  gaussianDelta,
  normalCdf,
  type GaussianCalibration,
  type GaussianOptions,
  type GaussianSigmaOptions,
} from './gaussian.ts';
export {
  privacyAccountant,
  type Budget,
  type BudgetSpend,
  type PrivacyAccountant,
  type PrivacyAccountantOptions,
} from './privacy-accountant.ts';
export {
  randomisedResponse,
  estimateProportion,
  truthProbability,
  type ProportionEstimate,
  type RandomisedResponseOptions,
} from './randomised-response.ts';
export type { GroupValue, Label } from './classification-input.ts';
export {
  groupMetrics,
  type CalibrationBin,
  type GroupMetric,
  type GroupMetricsInput,
  type GroupMetricsResult,
} from './group-metrics.ts';
export {
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  equalizedOddsRatio,
  type DisparityOptions,
  type EqualizedOddsOptions,
} from './fairness-metrics.ts';
export {
  groupThresholds,
  applyGroupThresholds,
  type GroupAtThreshold,
  type GroupThresholdsInput,
  type GroupThresholdsResult,
  type ThresholdSetting,
} from './group-thresholds.ts';
export {
  explainDecision,
  type Contribution,
  type DecisionExplanation,
  type ExplainDecisionInput,
  type LinearScorer,
  type ReasonPhrase,
} from './decision-explanation.ts';
export {
  permutationImportance,
  type ClassifierImportance,
  type PermutationImportanceInput,
} from './permutation-importance.ts';
export {
  auditLog,
  verifyAuditTrail,
  fnv1a64,
  canonicalJson,
  genesisHash,
  type AuditEntry,
  type AuditLog,
  type AuditQuery,
  type AuditRecord,
  type AuditVerification,
} from './audit-log.ts';
