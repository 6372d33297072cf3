import { describe, expect, it } from 'vitest';
import { randomGamma, randomNegativeBinomial, randomPoisson, retailDemand } from 'dplab/decide';
import { SeededRandom } from 'dplab/stats';

function moments(x: number[]): { mean: number; variance: number } {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  return { mean, variance: x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1) };
}

// Moments of 40 000 draws against the distribution's, within 4 standard errors (a false alarm has
// probability ≈ 6e-5 per check; the seed makes the draws fixed anyway).
describe('seeded samplers', () => {
  const n = 40_000;
  it('Poisson: mean = variance = λ, small and split-up large λ', () => {
    for (const lambda of [0.7, 4, 75]) {
      const rng = new SeededRandom(3);
      const { mean, variance } = moments(Array.from({ length: n }, () => randomPoisson(rng, lambda)));
      expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
      // Var(s²)/λ² ≈ (μ₄ − σ⁴)/(nλ²) = (2 + 1/λ)/n for the Poisson (μ₄ = λ + 3λ²).
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(4 * Math.sqrt((2 + 1 / lambda) / n));
    }
  });

  it('gamma: mean kθ, variance kθ²', () => {
    for (const shape of [0.5, 2, 8]) {
      const rng = new SeededRandom(5);
      const { mean, variance } = moments(Array.from({ length: n }, () => randomGamma(rng, shape, 2)));
      expect(Math.abs(mean - 2 * shape)).toBeLessThan(4 * Math.sqrt((4 * shape) / n));
      // Var(s²)/σ⁴ ≈ (2 + excess kurtosis)/n, excess kurtosis 6/k for the gamma.
      expect(Math.abs(variance / (4 * shape) - 1)).toBeLessThan(4 * Math.sqrt((2 + 6 / shape) / n));
    }
  });

  it('negative binomial: variance μ + μ²/k', () => {
    const rng = new SeededRandom(9);
    const { mean, variance } = moments(Array.from({ length: n }, () => randomNegativeBinomial(rng, 20, 8)));
    expect(Math.abs(mean - 20)).toBeLessThan(4 * Math.sqrt(70 / n));
    expect(Math.abs(variance / 70 - 1)).toBeLessThan(0.06);
  });
});

describe('retailDemand', () => {
  it('is reproducible, and its counts follow the true rates', () => {
    const a = retailDemand({ seed: 11, days: 400 });
    expect(retailDemand({ seed: 11, days: 400 })).toEqual(a);
    expect(retailDemand({ seed: 12, days: 400 })[0].demand).not.toEqual(a[0].demand);
    expect(a).toHaveLength(5);
    for (const p of a) {
      expect(p.demand.every((d) => Number.isInteger(d) && d >= 0)).toBe(true);
      expect(p.weekly.reduce((x, y) => x + y, 0) / 7).toBeCloseTo(1, 12);
      const rate = p.rate.reduce((x, y) => x + y, 0);
      const sold = p.demand.reduce((x, y) => x + y, 0);
      // Sum of 400 NB(rate, 8) counts: sd ≤ √(Σ(rate + rate²/8)).
      const sd = Math.sqrt(p.rate.reduce((x, r) => x + r + (r * r) / 8, 0));
      expect(Math.abs(sold - rate)).toBeLessThan(4 * sd);
      expect(p.promotion.some((l) => l > 1)).toBe(true);
    }
  });

  it('rejects bad options', () => {
    expect(() => retailDemand({ products: 0 })).toThrow(/products must be a whole number ≥ 1/);
    expect(() => retailDemand({ dispersion: 0 })).toThrow(/dispersion must be > 0/);
  });
});
