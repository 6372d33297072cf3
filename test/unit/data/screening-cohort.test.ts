/**
 * The screening cohort: seeded, the prevalence asked for, and a stored risk that is the true
 * posterior (it is calibrated: among patients with risk near r, a share r has the condition).
 */
import { describe, expect, it } from 'vitest';
import { screeningCohort } from '../../../src/data/screening-cohort.ts';

describe('screeningCohort', () => {
  const rows = screeningCohort({ patients: 60000 });

  it('is the same for the same seed and differs for another', () => {
    expect(screeningCohort({ patients: 500 })).toEqual(rows.slice(0, 500));
    expect(screeningCohort({ patients: 500, seed: 2 })).not.toEqual(rows.slice(0, 500));
  });

  it('has the prevalence asked for, within sampling error', () => {
    const n = rows.length;
    const share = rows.reduce((s, r) => s + r.condition, 0) / n;
    // Binomial standard error at p = 0.02, n = 60 000: 0.00057; allow 4 of them.
    expect(Math.abs(share - 0.02)).toBeLessThan(4 * Math.sqrt((0.02 * 0.98) / n));
    const rare = screeningCohort({ patients: 60000, prevalence: 0.005, seed: 4 });
    expect(Math.abs(rare.reduce((s, r) => s + r.condition, 0) / n - 0.005)).toBeLessThan(0.0012);
    // The mean of the true risk is the expected prevalence too.
    expect(Math.abs(rows.reduce((s, r) => s + r.risk, 0) / n - 0.02)).toBeLessThan(0.002);
  });

  it('stores a risk that is calibrated, and markers that differ for cases', () => {
    const bins = [0, 0.01, 0.05, 0.2, 1.01];
    for (let b = 0; b < bins.length - 1; b++) {
      const s = rows.filter((r) => r.risk >= bins[b]! && r.risk < bins[b + 1]!);
      const predicted = s.reduce((t, r) => t + r.risk, 0) / s.length;
      const observed = s.reduce((t, r) => t + r.condition, 0) / s.length;
      const se = Math.sqrt((predicted * (1 - predicted)) / s.length);
      expect(Math.abs(observed - predicted)).toBeLessThan(4 * se + 1e-9);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const cases = rows.filter((r) => r.condition === 1);
    const controls = rows.filter((r) => r.condition === 0);
    // log level: +0.8 for cases; imaging: +9; family history 0.30 against 0.12.
    const logMean = (rs: typeof rows) => mean(rs.map((r) => Math.log(r.biomarker)));
    expect(logMean(cases) - logMean(controls)).toBeGreaterThan(0.65);
    expect(logMean(cases) - logMean(controls)).toBeLessThan(0.95);
    expect(mean(cases.map((r) => r.imaging)) - mean(controls.map((r) => r.imaging))).toBeGreaterThan(7);
    expect(mean(cases.map((r) => +r.familyHistory))).toBeGreaterThan(0.24);
    expect(mean(controls.map((r) => +r.familyHistory))).toBeLessThan(0.13);
  });

  it('has a noisier biomarker in group B, so its log spread is wider there', () => {
    const sd = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
    };
    const logs = (g: 'A' | 'B') =>
      rows.filter((r) => r.group === g && r.condition === 0).map((r) => Math.log(r.biomarker));
    // 0.5 in A; √(0.5² + 0.5²) = 0.707 in B.
    expect(sd(logs('A'))).toBeCloseTo(0.5, 1);
    expect(sd(logs('B'))).toBeCloseTo(0.707, 1);
    const shareB = rows.filter((r) => r.group === 'B').length / rows.length;
    expect(Math.abs(shareB - 0.3)).toBeLessThan(0.01);
  });

  it('says what is wrong with bad options', () => {
    expect(() => screeningCohort({ patients: 0 })).toThrow(/patients must be a whole number ≥ 1/);
    expect(() => screeningCohort({ prevalence: 0.7 })).toThrow(/prevalence must be in \(0, 0.5\)/);
    expect(() => screeningCohort({ groupBShare: 2 })).toThrow(/groupBShare must be in \[0, 1\]/);
    expect(() => screeningCohort({ groupBNoise: -1 })).toThrow(/groupBNoise/);
  });
});
