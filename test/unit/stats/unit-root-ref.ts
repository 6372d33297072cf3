/**
 * The shape of test/fixtures/ref/unit-root-ref.json: R's unit-root tests, ndiffs and nsdiffs on the 11
 * series of ../shared/datasets-candidates/ref/diagnostics.json, written by unit-root-ref.R (R 4.2.2,
 * forecast 8.20, urca 1.3-3, tseries 0.10-53). `calls` in the file names the R call behind each field.
 */
import { readFileSync } from 'node:fs';

interface KpssRef {
  statistic: number;
  lag: number;
  cval?: number[];
  p_value?: number;
}

interface TestRef {
  statistic: number;
  lag?: number;
  lags?: number;
  cval: number[];
  p_value: number;
}

interface OcsbRef {
  statistic: number;
  critical: number;
  lag: number;
}

export interface UnitRootRef {
  frequency: number;
  n: number;
  values: number[];
  ur_kpss: Record<'mu_short' | 'mu_long' | 'mu_nil' | 'tau_short' | 'tau_long' | 'mu_lag5', KpssRef>;
  kpss_test: Record<'level' | 'trend' | 'level_long', KpssRef>;
  ndiffs_kpss_steps: { d: number; statistic: number; lag: number; p_value: number }[];
  ndiffs: Record<string, number>;
  adf_test: { statistic: number; lag: number; p_value: number };
  adf_test_k0: { statistic: number; lag: number; p_value: number };
  ur_df: Record<string, TestRef>;
  ur_pp: Record<'constant' | 'trend', TestRef>;
  seas_heuristic?: number;
  ocsb?: Record<'aic_3' | 'fixed_0' | 'bic_3' | 'fixed_2' | 'aicc_3', OcsbRef>;
  nsdiffs?: { seas: number; ocsb: number };
  /** The integers of ../shared/datasets-candidates/ref/diagnostics.json, copied by the script. */
  diagnostics_json: { ndiffs_kpss: number; ndiffs_adf: number; nsdiffs_seas?: number; nsdiffs_ocsb?: number };
}

interface UnitRootFile {
  meta: Record<string, string>;
  calls: Record<string, string>;
  edge: Record<string, number> & { ocsb_critical: number[] };
  datasets: Record<string, UnitRootRef>;
}

const file = JSON.parse(
  readFileSync(new URL('../../fixtures/ref/unit-root-ref.json', import.meta.url), 'utf8'),
) as UnitRootFile;

/** Every series, by R's name. */
export const unitRootRefs = file.datasets;

/** R's answers on constructed edge cases (see `edge` in unit-root-ref.R). */
export const unitRootEdge = file.edge;

/** The seasonal series (frequency > 1). */
export const seasonalRefs = Object.entries(unitRootRefs).filter(([, r]) => r.frequency > 1);

/** Expects |actual − expected| ≤ rel·|expected|, with a message naming the R value. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
