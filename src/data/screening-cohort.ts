/**
 * A seeded screening cohort with a known truth, for lessons where a missed case costs far more than
 * a false alarm (screening for a rare condition) and where a test can work less well for one group.
 *
 * How it is made. Each patient has an age (whole years, uniform from 30 to 79) and a group (`'A'` or
 * `'B'`, B with probability `groupBShare`). The condition is drawn first, with log-odds
 * a + 0.04·(age − 55) + 0.3·[group B], where a is solved so that the cohort's expected prevalence is
 * exactly `prevalence`. Then three markers are drawn given the condition:
 * - `biomarker` (a blood level, log-normal): log level ~ N(log 4 + 0.8·case, 0.5²); in group B the
 *   assay is noisier (an extra N(0, `groupBNoise`²) error on the log scale), so it separates cases less
 *   well there: the kind of hidden measurement gap a fairness audit should find;
 * - `imaging` (a score): N(40 + 9·case, 10²);
 * - `familyHistory`: true with probability 0.12, or 0.30 for cases.
 * Because the markers are independent given the condition, the true probability of the condition
 * given everything observed (`risk`) follows from Bayes' rule, and is stored with every patient: the
 * best any model could do.
 */
import { SeededRandom } from '../stats/random.ts';

/** One patient. */
export interface ScreeningPatient {
  id: number;
  age: number;
  group: 'A' | 'B';
  /** Blood level of the marker (units of the assay), > 0. */
  biomarker: number;
  imaging: number;
  familyHistory: boolean;
  /** The truth: 1 if the patient has the condition. */
  condition: 0 | 1;
  /** The truth: P(condition | age, group, markers) under the generating model. */
  risk: number;
}

/** Options of {@link screeningCohort}. */
export interface ScreeningCohortOptions {
  patients?: number;
  /** Expected share with the condition (default 0.02). */
  prevalence?: number;
  /** Share of group B (default 0.3). */
  groupBShare?: number;
  /** Extra standard deviation of the biomarker's log in group B (default 0.5; 0 for an assay that is as good in both). */
  groupBNoise?: number;
  seed?: number;
}

export const screeningCohortDefaults = {
  patients: 5000,
  prevalence: 0.02,
  groupBShare: 0.3,
  groupBNoise: 0.5,
  seed: 1,
} as const;

/** The generating model's constants (see the module comment), exported so a lesson can show them. */
export const screeningTruth = {
  ageSlope: 0.04,
  groupBLogOdds: 0.3,
  biomarkerLogMean: Math.log(4),
  biomarkerCaseShift: 0.8,
  biomarkerLogSd: 0.5,
  imagingMean: 40,
  imagingCaseShift: 9,
  imagingSd: 10,
  familyHistoryControls: 0.12,
  familyHistoryCases: 0.3,
} as const;

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const logit = (p: number) => Math.log(p / (1 - p));

/** The intercept a whose expected prevalence over ages 30–79 and the group mix is `prevalence` (bisection; the prevalence rises with a). */
function solveIntercept(prevalence: number, groupBShare: number): number {
  const T = screeningTruth;
  const expected = (a: number) => {
    let s = 0;
    for (let age = 30; age < 80; age++) {
      const z = a + T.ageSlope * (age - 55);
      s += (1 - groupBShare) * sigmoid(z) + groupBShare * sigmoid(z + T.groupBLogOdds);
    }
    return s / 50;
  };
  let lo = logit(prevalence) - 5;
  let hi = logit(prevalence) + 5;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < prevalence) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const normalLogDensity = (x: number, mean: number, sd: number) =>
  -0.5 * ((x - mean) / sd) ** 2 - Math.log(sd);

/** Patients in id order; see the module comment. */
export function screeningCohort(options: ScreeningCohortOptions = {}): ScreeningPatient[] {
  const o = { ...screeningCohortDefaults, ...options };
  if (!Number.isInteger(o.patients) || o.patients < 1)
    throw new RangeError(`screeningCohort: patients must be a whole number ≥ 1, got ${o.patients}`);
  if (!(o.prevalence > 0 && o.prevalence < 0.5))
    throw new RangeError(`screeningCohort: prevalence must be in (0, 0.5), got ${o.prevalence}`);
  if (!(o.groupBShare >= 0 && o.groupBShare <= 1))
    throw new RangeError(`screeningCohort: groupBShare must be in [0, 1], got ${o.groupBShare}`);
  if (!(o.groupBNoise >= 0 && o.groupBNoise <= 3))
    throw new RangeError(`screeningCohort: groupBNoise must be in [0, 3], got ${o.groupBNoise}`);
  if (!Number.isFinite(o.seed))
    throw new RangeError(`screeningCohort: seed must be a finite number, got ${o.seed}`);
  const T = screeningTruth;
  const a = solveIntercept(o.prevalence, o.groupBShare);
  const rng = new SeededRandom(o.seed);
  return Array.from({ length: o.patients }, (_, id) => {
    const age = 30 + Math.floor(rng.uniform() * 50);
    const group = rng.uniform() < o.groupBShare ? 'B' : 'A';
    const prior = a + T.ageSlope * (age - 55) + (group === 'B' ? T.groupBLogOdds : 0);
    const condition = rng.uniform() < sigmoid(prior) ? 1 : 0;
    const logSd = group === 'B' ? Math.hypot(T.biomarkerLogSd, o.groupBNoise) : T.biomarkerLogSd;
    const logLevel = rng.normal(T.biomarkerLogMean + T.biomarkerCaseShift * condition, logSd);
    const imaging = rng.normal(T.imagingMean + T.imagingCaseShift * condition, T.imagingSd);
    const pHistory = condition ? T.familyHistoryCases : T.familyHistoryControls;
    const familyHistory = rng.uniform() < pHistory;
    // Bayes' rule on the log-odds scale: prior log-odds plus each marker's log-likelihood ratio.
    const llr =
      normalLogDensity(logLevel, T.biomarkerLogMean + T.biomarkerCaseShift, logSd) -
      normalLogDensity(logLevel, T.biomarkerLogMean, logSd) +
      normalLogDensity(imaging, T.imagingMean + T.imagingCaseShift, T.imagingSd) -
      normalLogDensity(imaging, T.imagingMean, T.imagingSd) +
      (familyHistory
        ? Math.log(T.familyHistoryCases / T.familyHistoryControls)
        : Math.log((1 - T.familyHistoryCases) / (1 - T.familyHistoryControls)));
    return {
      id,
      age,
      group,
      biomarker: Math.exp(logLevel),
      imaging,
      familyHistory,
      condition,
      risk: sigmoid(prior + llr),
    };
  });
}
