/**
 * Randomised response (Warner, "Randomized response: a survey technique for eliminating evasive answer
 * bias", *JASA* 60, 1965), in its ε-DP form (Dwork & Roth 2014, §3.2; diffprivlib's `mechanisms.Binary`):
 * each person reports their true yes/no answer with probability p = e^ε/(1 + e^ε) and the opposite one
 * otherwise. The ratio of the two answers' probabilities is p/(1 − p) = e^ε, so each report is ε-DP.
 * The share of true "yes" π is recovered from the observed share λ by π̂ = (λ − (1 − p))/(2p − 1),
 * unbiased with variance π(1 − π)/n + p(1 − p)/(n(2p − 1)²) (Warner 1965, eq. 5).
 */
import { checkEpsilon, noiseGenerator, type NoiseSource } from './privacy-checks.ts';

/** Options of {@link randomisedResponse} and {@link estimateProportion}. */
export interface RandomisedResponseOptions extends NoiseSource {
  /** The privacy parameter ε > 0 of each report. */
  epsilon: number;
}

/** The probability a report tells the truth: e^ε/(1 + e^ε). */
export function truthProbability(epsilon: number): number {
  checkEpsilon(epsilon);
  return 1 / (1 + Math.exp(-epsilon));
}

/** Each true answer reported truthfully with probability e^ε/(1 + e^ε), flipped otherwise. */
export function randomisedResponse(
  answers: readonly boolean[],
  options: RandomisedResponseOptions,
): boolean[] {
  const p = truthProbability(options.epsilon);
  const random = noiseGenerator(options);
  return answers.map((a, i) => {
    if (typeof a !== 'boolean') {
      throw new TypeError(`randomisedResponse: answer ${i + 1} is ${String(a)} (must be true or false)`);
    }
    return random.uniform() < p ? a : !a;
  });
}

/** The estimate of the true share of `true` answers from randomised reports. */
export interface ProportionEstimate {
  /** π̂, unbiased; it can fall outside [0, 1] in small samples. */
  estimate: number;
  /** Its standard error, from Warner's variance with π̂ in place of π (clamped to [0, 1]). */
  standardError: number;
  /** The observed share of `true` reports λ. */
  observed: number;
}

/** π̂ = (λ − (1 − p))/(2p − 1) from the reports, with its standard error. */
export function estimateProportion(
  reports: readonly boolean[],
  options: { epsilon: number },
): ProportionEstimate {
  const p = truthProbability(options.epsilon);
  const n = reports.length;
  if (n === 0) throw new RangeError('estimateProportion needs at least one report, got none');
  const observed = reports.filter(Boolean).length / n;
  const estimate = (observed - (1 - p)) / (2 * p - 1);
  const pi = Math.min(1, Math.max(0, estimate));
  const variance = (pi * (1 - pi)) / n + (p * (1 - p)) / (n * (2 * p - 1) ** 2);
  return { estimate, standardError: Math.sqrt(variance), observed };
}
