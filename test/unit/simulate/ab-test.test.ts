import { describe, expect, it } from 'vitest';
import { sampleSizeTwoProportions, simulateAbTest, twoProportionTest, welchTest } from 'dplab/simulate';

// R 4.2.2 references (values printed with options(digits = 12)).
describe('sampleSizeTwoProportions', () => {
  it('power.prop.test(p1 = 0.10, p2 = 0.12, power = 0.8) → n = 3840.84748 (tol = 1e-12: 3840.84748244)', () => {
    expect(sampleSizeTwoProportions(0.1, 0.12)).toBeCloseTo(3840.84748244, 6);
    expect(sampleSizeTwoProportions(0.12, 0.1)).toBeCloseTo(3840.84748244, 6);
  });
  it('power.prop.test(p1 = 0.05, p2 = 0.06, power = 0.9, sig.level = 0.01, tol = 1e-12) → 15464.6510477', () => {
    expect(sampleSizeTwoProportions(0.05, 0.06, { alpha: 0.01, power: 0.9 })).toBeCloseTo(15464.6510477, 5);
  });
  it('power.prop.test(p1 = 0.5, p2 = 0.4, power = 0.8, tol = 1e-12) → 387.338516699', () => {
    expect(sampleSizeTwoProportions(0.5, 0.4)).toBeCloseTo(387.338516699, 6);
  });
  it('rejects bad options', () => {
    expect(() => sampleSizeTwoProportions(0.1, 0.1)).toThrow(/zero difference/);
    expect(() => sampleSizeTwoProportions(0, 0.1)).toThrow(/invalid p1: 0/);
    expect(() => sampleSizeTwoProportions(0.1, 0.2, { power: 1 })).toThrow(/invalid power/);
    expect(() => sampleSizeTwoProportions(0.1, 0.2, { alpha: NaN })).toThrow(/invalid alpha/);
  });
});

describe('twoProportionTest', () => {
  // r <- prop.test(c(150, 120), c(1000, 1000), correct = FALSE): X-squared 3.85356454721,
  // p-value 0.0496403868654, conf.int 7.60288212978e-05 5.99239711787e-02.
  it('matches prop.test(c(150, 120), c(1000, 1000), correct = FALSE)', () => {
    const r = twoProportionTest(120, 1000, 150, 1000);
    expect(r.difference).toBeCloseTo(0.03, 12);
    expect(r.z * r.z).toBeCloseTo(3.85356454721, 9);
    expect(r.z).toBeGreaterThan(0);
    expect(r.pValue).toBeCloseTo(0.0496403868654, 10);
    expect(r.lower).toBeCloseTo(7.60288212978e-5, 10);
    expect(r.upper).toBeCloseTo(5.99239711787e-2, 10);
  });
  it('prop.test(c(120, 150), c(1000, 1000), correct = FALSE, conf.level = 0.9)$conf.int → -0.05511298825607 -0.00488701174393', () => {
    const r = twoProportionTest(150, 1000, 120, 1000, { level: 0.9 });
    expect(r.lower).toBeCloseTo(-0.05511298825607, 10);
    expect(r.upper).toBeCloseTo(-0.00488701174393, 10);
  });
  // Newcombe's method 10 from R's Wilson intervals: w1 <- prop.test(120, 1000, correct = FALSE)$conf.int,
  // w2 <- prop.test(150, 1000, correct = FALSE)$conf.int; d ± sqrt(...) → 1.3782434204e-05 0.060008258570127.
  it('Newcombe hybrid score interval from prop.test Wilson intervals', () => {
    const r = twoProportionTest(120, 1000, 150, 1000, { interval: 'newcombe' });
    expect(r.lower).toBeCloseTo(1.3782434204e-5, 10);
    expect(r.upper).toBeCloseTo(0.060008258570127, 10);
    expect(r.pValue).toBeCloseTo(0.0496403868654, 10);
  });
  it('edge cases: all failures gives NaN z, extreme counts stay finite', () => {
    expect(twoProportionTest(0, 10, 0, 10).z).toBeNaN();
    const r = twoProportionTest(0, 50, 50, 50);
    expect(r.pValue).toBeLessThan(1e-20);
    expect(r.pValue).toBeGreaterThan(0);
  });
  it('rejects bad counts and options', () => {
    expect(() => twoProportionTest(11, 10, 1, 10)).toThrow(/invalid successesA: 11/);
    expect(() => twoProportionTest(1, 0, 1, 10)).toThrow(/invalid nA: 0/);
    expect(() => twoProportionTest(1, 10, 1.5, 10)).toThrow(/invalid successesB/);
    expect(() => twoProportionTest(1, 10, 1, 10, { level: 95 })).toThrow(/invalid level: 95/);
  });
});

describe('welchTest', () => {
  // mk <- function(n, m, s) { set.seed(1); x <- rnorm(n); (x - mean(x)) / sd(x) * s + m }
  // t <- t.test(mk(55, 58.9, 25.4), mk(40, 52.3, 18.1)): t 1.47874933153, df 92.974284242,
  // p-value 0.142587416324, conf.int -2.26312471602 15.46312471602.
  it('matches t.test(b, a) on samples with the given means and sds', () => {
    const r = welchTest(52.3, 18.1, 40, 58.9, 25.4, 55);
    expect(r.difference).toBeCloseTo(6.6, 12);
    expect(r.t).toBeCloseTo(1.47874933153, 9);
    expect(r.df).toBeCloseTo(92.974284242, 8);
    expect(r.pValue).toBeCloseTo(0.142587416324, 9);
    expect(r.lower).toBeCloseTo(-2.26312471602, 8);
    expect(r.upper).toBeCloseTo(15.46312471602, 8);
  });
  it('rejects bad inputs', () => {
    expect(() => welchTest(1, 1, 1, 2, 1, 10)).toThrow(/invalid nA: 1/);
    expect(() => welchTest(1, -1, 5, 2, 1, 10)).toThrow(/invalid sdA/);
    expect(() => welchTest(1, 0, 5, 2, 0, 10)).toThrow(/both standard deviations are 0/);
    expect(() => welchTest(NaN, 1, 5, 2, 1, 10)).toThrow(/invalid meanA/);
  });
});

describe('simulateAbTest', () => {
  const arm = { ctr: 0.1, conversion: 0.2, orderValue: { mean: 40, sd: 15 } };
  const better = { ctr: 0.12, conversion: 0.2, orderValue: { mean: 40, sd: 15 } };
  it('is deterministic by seed and its counts are consistent', () => {
    const r = simulateAbTest({ visitors: 20_000, armA: arm, armB: better, seed: 7 });
    expect(simulateAbTest({ visitors: 20_000, armA: arm, armB: better, seed: 7 })).toEqual(r);
    expect(r.a.impressions + r.b.impressions).toBe(20_000);
    expect(r.a.clicks).toBeLessThanOrEqual(r.a.impressions);
    expect(r.a.orders).toBeLessThanOrEqual(r.a.clicks);
    expect(r.a.revenue / r.a.orders).toBeCloseTo(r.a.orderValueMean, 9);
  });
  it('recovers the rates and the order-value distribution in distribution', () => {
    const r = simulateAbTest({ visitors: 400_000, armA: arm, armB: better, split: 0.25, seed: 3 });
    expect(r.b.impressions / 400_000).toBeCloseTo(0.25, 2);
    expect(r.a.clicks / r.a.impressions).toBeCloseTo(0.1, 2);
    expect(r.b.clicks / r.b.impressions).toBeCloseTo(0.12, 2);
    expect(r.a.orders / r.a.clicks).toBeCloseTo(0.2, 1);
    expect(r.a.orderValueMean).toBeGreaterThan(39);
    expect(r.a.orderValueMean).toBeLessThan(41);
    expect(r.a.orderValueSd).toBeGreaterThan(14);
    expect(r.a.orderValueSd).toBeLessThan(16);
    const test = twoProportionTest(r.a.clicks, r.a.impressions, r.b.clicks, r.b.impressions);
    expect(test.lower).toBeLessThan(0.02);
    expect(test.upper).toBeGreaterThan(0.02);
    expect(test.pValue).toBeLessThan(1e-6);
  });
  it('a sample of the R size detects the difference about 80 % of the time', () => {
    const n = Math.ceil(sampleSizeTwoProportions(0.1, 0.12));
    const a = { ctr: 0.1, conversion: 0, orderValue: { mean: 1, sd: 0 } };
    const b = { ...a, ctr: 0.12 };
    let detected = 0;
    const runs = 200;
    for (let s = 1; s <= runs; s++) {
      const r = simulateAbTest({ visitors: 2 * n, armA: a, armB: b, seed: s });
      if (twoProportionTest(r.a.clicks, r.a.impressions, r.b.clicks, r.b.impressions).pValue < 0.05)
        detected++;
    }
    expect(detected / runs).toBeGreaterThan(0.7);
    expect(detected / runs).toBeLessThan(0.9);
  });
  it('rejects bad options', () => {
    expect(() => simulateAbTest({ visitors: 0, armA: arm, armB: arm })).toThrow(/invalid visitors: 0/);
    expect(() => simulateAbTest({ visitors: 10, armA: arm, armB: arm, split: 1 })).toThrow(
      /invalid split: 1/,
    );
    expect(() => simulateAbTest({ visitors: 10, armA: { ...arm, ctr: 1.2 }, armB: arm })).toThrow(
      /invalid armA.ctr: 1.2/,
    );
    expect(() =>
      simulateAbTest({ visitors: 10, armA: arm, armB: { ...arm, orderValue: { mean: -1, sd: 1 } } }),
    ).toThrow(/invalid armB.orderValue.mean: -1/);
  });
});
