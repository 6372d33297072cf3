import { describe, expect, it } from 'vitest';
import { SeededRandom } from 'dplab/stats';
import {
  dpCount,
  dpMean,
  dpSum,
  estimateProportion,
  gaussianDelta,
  gaussianMechanism,
  gaussianSigma,
  laplaceMechanism,
  normalCdf,
  privacyAccountant,
  randomisedResponse,
  truthProbability,
} from 'dplab/responsible';

// Statistical checks draw N values from fixed seeds and accept |estimate − truth| ≤ 4 standard errors,
// the standard error derived from the distribution (a 4-SE miss has probability ≈ 6e-5 for a fixed seed;
// the seeds are fixed, so the tests are deterministic, and a variance 6 % off fails them).
const N = 20_000;

function meanAndVariance(x: number[]): { mean: number; variance: number } {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
  return { mean, variance };
}

describe('laplaceMechanism', () => {
  it('diffprivlib Laplace(epsilon=1, sensitivity=1).variance(0) → 2.0; scale Δ/ε', () => {
    const r = laplaceMechanism(0, { epsilon: 1, sensitivity: 1 });
    expect(r.variance).toBe(2);
    expect(laplaceMechanism(0, { epsilon: 0.5, sensitivity: 3 }).scale).toBe(6);
  });
  it('the empirical variance of the noise matches 2(Δ/ε)² (diffprivlib test_Laplace) within 4 SE', () => {
    const random = new SeededRandom(20240601);
    const b = 1 / 0.5;
    const draws = Array.from(
      { length: N },
      () => laplaceMechanism(10, { epsilon: 0.5, sensitivity: 1, random }).value,
    );
    const { mean, variance } = meanAndVariance(draws);
    // SE of the mean: √(2b²/N). SE of the sample variance: √((μ₄ − σ⁴)/N), μ₄ = 24b⁴ and σ⁴ = 4b⁴ for Laplace.
    expect(Math.abs(mean - 10)).toBeLessThan(4 * Math.sqrt((2 * b * b) / N));
    expect(Math.abs(variance - 2 * b * b)).toBeLessThan(4 * Math.sqrt((20 * b ** 4) / N));
    // Its median is the true value (diffprivlib test_zero_median), share below within 4·√(¼/N).
    expect(Math.abs(draws.filter((d) => d < 10).length / N - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / N));
  });
  it('the same seed gives the same noise; another seed other noise', () => {
    const a = laplaceMechanism(5, { epsilon: 1, sensitivity: 1, seed: 42 }).value;
    expect(laplaceMechanism(5, { epsilon: 1, sensitivity: 1, seed: 42 }).value).toBe(a);
    expect(laplaceMechanism(5, { epsilon: 1, sensitivity: 1, seed: 43 }).value).not.toBe(a);
  });
  it('rejects ε ≤ 0, negative sensitivity and non-finite values', () => {
    expect(() => laplaceMechanism(1, { epsilon: 0, sensitivity: 1 })).toThrow(
      /invalid epsilon: 0 \(must be a finite number > 0/,
    );
    expect(() => laplaceMechanism(1, { epsilon: -1, sensitivity: 1 })).toThrow(/invalid epsilon: -1/);
    expect(() => laplaceMechanism(1, { epsilon: 1, sensitivity: -1 })).toThrow(/invalid sensitivity: -1/);
    expect(() => laplaceMechanism(NaN, { epsilon: 1, sensitivity: 1 })).toThrow(/must be a finite number/);
  });
});

describe('dpCount, dpSum, dpMean', () => {
  it('sensitivities: count 1, sum upper − lower, mean (upper − lower)/n (diffprivlib tools.sum/mean)', () => {
    expect(dpCount(12, { epsilon: 0.1 }).scale).toBeCloseTo(10, 12);
    expect(dpSum([1, 2, 3], { epsilon: 1, bounds: [-5, 2] }).scale).toBe(7);
    expect(dpMean([1, 2, 3, 4], { epsilon: 2, bounds: [0, 10] }).scale).toBeCloseTo(10 / 4 / 2, 12);
  });
  it('dpMean is unbiased for the clipped mean: the mean of 5000 releases within 4 SE', () => {
    const values = [0.1, 0.4, 0.9, 0.3, 1.7, -0.2, 0.5, 0.6]; // clipped to [0, 1]: mean 0.475
    const random = new SeededRandom(7);
    const releases = Array.from({ length: 5000 }, () =>
      dpMean(values, { epsilon: 0.5, bounds: [0, 1], random }),
    );
    const b = releases[0].scale; // (1 − 0)/8/0.5 = 0.25
    expect(b).toBeCloseTo(0.25, 15);
    const { mean } = meanAndVariance(releases.map((r) => r.value));
    expect(Math.abs(mean - 0.475)).toBeLessThan(4 * Math.sqrt((2 * b * b) / releases.length));
  });
  it('dpCount is unbiased: the mean of 5000 releases of 40 within 4 SE', () => {
    const random = new SeededRandom(11);
    const xs = Array.from({ length: 5000 }, () => dpCount(40, { epsilon: 1, random }).value);
    expect(Math.abs(meanAndVariance(xs).mean - 40)).toBeLessThan(4 * Math.sqrt(2 / xs.length));
  });
  it('rejects empty input, bad bounds and bad counts', () => {
    expect(() => dpMean([], { epsilon: 1, bounds: [0, 1] })).toThrow(/at least one value/);
    expect(() => dpSum([1], { epsilon: 1, bounds: [1, 0] })).toThrow(/invalid bounds: \[1, 0\]/);
    expect(() => dpMean([1, NaN], { epsilon: 1, bounds: [0, 1] })).toThrow(/value 2 is NaN/);
    expect(() => dpCount(-1, { epsilon: 1 })).toThrow(/invalid count: -1/);
  });
});

describe('gaussianSigma and gaussianMechanism', () => {
  it('classic: σ = √(2 ln(1.25/δ))·Δ/ε (diffprivlib Gaussian; Dwork & Roth Thm A.1)', () => {
    // √(2 ln 125000) = 4.844805262...
    expect(gaussianSigma({ epsilon: 1, delta: 1e-5, sensitivity: 1, calibration: 'classic' })).toBeCloseTo(
      Math.sqrt(2 * Math.log(125000)),
      14,
    );
    expect(() => gaussianSigma({ epsilon: 2, delta: 1e-5, sensitivity: 1, calibration: 'classic' })).toThrow(
      /must be ≤ 1; use calibration 'analytic'/,
    );
  });
  it('analytic (Balle & Wang 2018 Thm 8): δ(σ) = δ at the σ returned, and it is below the classic σ', () => {
    for (const [epsilon, delta] of [
      [0.1, 1e-6],
      [0.5, 1e-5],
      [1, 1e-5],
      [4, 1e-3],
    ]) {
      const sigma = gaussianSigma({ epsilon, delta, sensitivity: 1 });
      expect(gaussianDelta(sigma, epsilon, 1)).toBeLessThanOrEqual(delta);
      expect(gaussianDelta(sigma, epsilon, 1) / delta).toBeGreaterThan(1 - 1e-9); // and the smallest such σ
      if (epsilon <= 1) {
        expect(sigma).toBeLessThan(gaussianSigma({ epsilon, delta, sensitivity: 1, calibration: 'classic' }));
      }
      // σ scales linearly with Δ.
      expect(gaussianSigma({ epsilon, delta, sensitivity: 3 })).toBeCloseTo(3 * sigma, 9);
    }
  });
  it('normalCdf agrees with R pnorm: pnorm(1.96) = 0.9750021048517795, pnorm(-8) = 6.220960574271785e-16', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-8) / 6.220960574271785e-16).toBeCloseTo(1, 10);
    expect(normalCdf(0)).toBe(0.5);
  });
  it('the empirical variance of the noise matches σ² within 4 SE; seeded', () => {
    const random = new SeededRandom(99);
    const options = { epsilon: 1, delta: 1e-5, sensitivity: 1, random };
    const sigma = gaussianSigma(options);
    const draws = Array.from({ length: N }, () => gaussianMechanism(0, options).value);
    const { mean, variance } = meanAndVariance(draws);
    expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt((sigma * sigma) / N));
    expect(Math.abs(variance - sigma * sigma)).toBeLessThan(4 * Math.sqrt(2 / N) * sigma * sigma);
    const once = { epsilon: 1, delta: 1e-5, sensitivity: 1, seed: 5 };
    expect(gaussianMechanism(1, once).value).toBe(gaussianMechanism(1, once).value);
  });
  it('rejects δ outside (0, 1) and ε ≤ 0', () => {
    for (const delta of [0, 1, -0.1, 1.5]) {
      expect(() => gaussianSigma({ epsilon: 1, delta, sensitivity: 1 })).toThrow(
        /invalid delta: .* \(must be in \(0, 1\)/,
      );
    }
    expect(() => gaussianMechanism(0, { epsilon: 0, delta: 1e-5, sensitivity: 1 })).toThrow(
      /invalid epsilon: 0/,
    );
  });
});

describe('privacyAccountant', () => {
  it('diffprivlib BudgetAccountant docstring: budget ε = 1.5, spends 1.0 and 0.25 → total 1.25', () => {
    const acc = privacyAccountant({ epsilon: 1.5, delta: 0 });
    acc.spend(1.0, 0, 'mean');
    expect(acc.spent()).toEqual({ epsilon: 1.0, delta: 0 });
    acc.spend(0.25, 0, 'std');
    expect(acc.spent()).toEqual({ epsilon: 1.25, delta: 0 });
    expect(acc.remaining().epsilon).toBeCloseTo(0.25, 15);
    expect(acc.history().map((s) => s.label)).toEqual(['mean', 'std']);
  });
  it('diffprivlib: an accountant with no budget tracks: two spends of 0.25 → 0.5, remaining (inf, 1.0)', () => {
    const acc = privacyAccountant();
    acc.spend(0.25);
    acc.spend(0.25);
    expect(acc.spent()).toEqual({ epsilon: 0.5, delta: 0 });
    expect(acc.remaining()).toEqual({ epsilon: Infinity, delta: 1 });
  });
  it('refuses a spend beyond the budget, saying what is left, and records nothing', () => {
    const acc = privacyAccountant({ epsilon: 1, delta: 1e-5 });
    acc.spend(0.7, 1e-6);
    expect(acc.canSpend(0.5)).toBe(false);
    expect(() => acc.spend(0.5)).toThrow(
      /privacy budget exceeded: spending \(ε = 0.5, δ = 0\) needs more than is left \(ε = 0.3/,
    );
    expect(() => acc.spend(0.1, 1e-4)).toThrow(/δ = 0.000009/);
    expect(acc.history()).toHaveLength(1);
    // Ten spends of 0.03 sum to 0.3 up to rounding and still fit.
    for (let i = 0; i < 10; i++) acc.spend(0.03);
    expect(acc.remaining().epsilon).toBeLessThan(1e-12);
  });
  it('rejects bad budgets and spends', () => {
    expect(() => privacyAccountant({ epsilon: 0 })).toThrow(/invalid epsilon budget: 0/);
    expect(() => privacyAccountant({ epsilon: 1, delta: 2 })).toThrow(/invalid delta budget: 2/);
    expect(() => privacyAccountant().spend(-1)).toThrow(/invalid epsilon: -1/);
  });
});

describe('randomisedResponse and estimateProportion', () => {
  it('truth probability e^ε/(1 + e^ε), as diffprivlib Binary: ε = ln 3 → 0.75', () => {
    expect(truthProbability(Math.log(3))).toBeCloseTo(0.75, 15);
    expect(() => truthProbability(0)).toThrow(/invalid epsilon: 0/);
  });
  it('reports flip at rate 1/(1 + e^ε), and π̂ is unbiased within 4 Warner standard errors', () => {
    const random = new SeededRandom(2024);
    const truth = Array.from({ length: N }, () => random.uniform() < 0.3);
    const reports = randomisedResponse(truth, { epsilon: 1, seed: 17 });
    const flips = reports.filter((r, i) => r !== truth[i]).length / N;
    const q = 1 / (1 + Math.E);
    expect(Math.abs(flips - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / N));
    const pi = truth.filter(Boolean).length / N;
    const est = estimateProportion(reports, { epsilon: 1 });
    // Conditional on the true answers, the SE is the randomisation part √(p(1 − p)/(n(2p − 1)²)) ≤ est.standardError.
    expect(Math.abs(est.estimate - pi)).toBeLessThan(4 * est.standardError);
    expect(est.standardError).toBeCloseTo(
      Math.sqrt((0.3 * 0.7) / N + ((1 - q) * q) / (N * (1 - 2 * q) ** 2)),
      3,
    );
  });
  it('the mean of 400 survey estimates is the true share within 4 SE (unbiasedness)', () => {
    const truth = Array.from({ length: 500 }, (_, i) => i % 5 === 0); // π = 0.2 exactly
    const random = new SeededRandom(3);
    const estimates = Array.from(
      { length: 400 },
      () =>
        estimateProportion(randomisedResponse(truth, { epsilon: 0.5, random }), { epsilon: 0.5 }).estimate,
    );
    const p = truthProbability(0.5);
    const se = Math.sqrt((p * (1 - p)) / (500 * (2 * p - 1) ** 2) / 400);
    expect(Math.abs(meanAndVariance(estimates).mean - 0.2)).toBeLessThan(4 * se);
  });
  it('same seed, same reports; rejects non-boolean answers and empty reports', () => {
    const truth = [true, false, true, true, false, false, true, false];
    expect(randomisedResponse(truth, { epsilon: 1, seed: 8 })).toEqual(
      randomisedResponse(truth, { epsilon: 1, seed: 8 }),
    );
    expect(() => randomisedResponse([1 as never], { epsilon: 1 })).toThrow(/answer 1 is 1/);
    expect(() => estimateProportion([], { epsilon: 1 })).toThrow(/at least one report/);
  });
});
