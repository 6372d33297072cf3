/**
 * Page–Hinkley and CUSUM against river's documented examples (the same streams, drawn by Python's
 * random.Random(12345) as the examples draw them: test/fixtures/ref-drift/), CUSUM's run lengths
 * against Montgomery's table, and the detection score on streams with a known change point.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/stats/random.ts';
import { cusum } from '../../../src/simulate/cusum.ts';
import { detectDrift } from '../../../src/simulate/drift-detector.ts';
import { pageHinkley } from '../../../src/simulate/page-hinkley.ts';
import { scoreDetections } from '../../../src/simulate/score-detections.ts';

const river = JSON.parse(
  readFileSync(new URL('../../fixtures/ref-drift/river-examples.json', import.meta.url), 'utf8'),
) as Record<'pageHinkley' | 'cusum', { stream: number[]; detectedAt: number[] }>;

describe('pageHinkley', () => {
  it("alarms where river's drift.PageHinkley() does on its docstring stream (index 1006)", () => {
    const { alarms } = detectDrift(river.pageHinkley.stream, pageHinkley());
    expect(alarms).toEqual(river.pageHinkley.detectedAt);
  });

  it('watches decreases when asked, and stays quiet on the reversed change when watching increases', () => {
    const falling = river.pageHinkley.stream.map((x) => 10 - x);
    expect(detectDrift(falling, pageHinkley()).alarms).toEqual([]);
    expect(detectDrift(falling, pageHinkley({ direction: 'down' })).alarms).toEqual(
      river.pageHinkley.detectedAt,
    );
    expect(detectDrift(falling, pageHinkley({ direction: 'both' })).alarms).toEqual(
      river.pageHinkley.detectedAt,
    );
  });

  it('says which option is wrong', () => {
    expect(() => pageHinkley({ threshold: 0 })).toThrow(/threshold must be > 0, got 0/);
    expect(() => pageHinkley({ alpha: 1.5 })).toThrow(/alpha must be in \(0, 1\]/);
    expect(() => pageHinkley({ direction: 'sideways' as 'up' })).toThrow(/'up', 'down' or 'both'/);
    expect(() => detectDrift([1, NaN], pageHinkley())).toThrow(/value 1 of the stream is NaN/);
  });
});

describe('cusum', () => {
  it("alarms where river's drift.CUSUM() does on its docstring stream (indices 201 and 251)", () => {
    const { alarms, threshold } = detectDrift(river.cusum.stream, cusum());
    expect(alarms).toEqual(river.cusum.detectedAt);
    expect(threshold[10]).toBeNaN(); // still learning the reference
    expect(threshold[40]).toBeGreaterThan(0);
  });

  // Montgomery, Introduction to Statistical Quality Control (6th ed.), Table 9.3: the tabular CUSUM
  // with k = 0.5, h = 5 has ARL₀ = 465 in control and ARL = 10.4 after a one-σ shift in the mean.
  // Seeded runs with the reference known; the tolerance is about 3 standard errors of each mean
  // (run lengths are roughly geometric, so their sd is about their mean: 465/√1500 ≈ 12; 10.4's
  // spread is narrower, ≈ 5/√3000 ≈ 0.1).
  function runLength(rng: SeededRandom, shift: number) {
    const d = cusum({ reference: { mean: 0, sd: 1 } });
    for (let t = 1; ; t++) if (d.update(rng.normal(shift, 1))) return t;
  }
  const meanRunLength = (runs: number, shift: number, seed: number) => {
    const rng = new SeededRandom(seed);
    let sum = 0;
    for (let r = 0; r < runs; r++) sum += runLength(rng, shift);
    return sum / runs;
  };

  it('has the in-control average run length of Montgomery’s table (465, k = 0.5, h = 5)', () => {
    expect(Math.abs(meanRunLength(1500, 0, 7) - 465)).toBeLessThan(36);
  });

  it('has the out-of-control average run length of Montgomery’s table (10.4 after a 1σ shift)', () => {
    expect(Math.abs(meanRunLength(3000, 1, 8) - 10.4)).toBeLessThan(0.35);
  });

  it('says which option is wrong', () => {
    expect(() => cusum({ slack: -1 })).toThrow(/slack must be ≥ 0, got -1/);
    expect(() => cusum({ minInstances: 1 })).toThrow(/minInstances must be a whole number ≥ 2/);
    expect(() => cusum({ reference: { mean: 0, sd: 0 } })).toThrow(/sd > 0/);
  });
});

describe('scoreDetections', () => {
  it('gives the delay to the first alarm after each change and counts the rest as false alarms', () => {
    const score = scoreDetections([5, 103, 110, 260], [100, 200, 300]);
    expect(score.delays).toEqual([3, 60, null]);
    expect(score).toMatchObject({ detected: 2, missed: 1, falseAlarms: 2 });
    expect(score.meanDelay).toBe(31.5);
    expect(scoreDetections([103, 260], [100, 200], { maxDelay: 50 }).delays).toEqual([3, null]);
    expect(() => scoreDetections([3, 2], [1])).toThrow(/alarms must be increasing/);
  });

  it('on a seeded error stream with a level shift, both detectors find it within a few dozen values', () => {
    const rng = new SeededRandom(3);
    const errors = Array.from({ length: 600 }, (_, t) => Math.abs(rng.normal(t >= 400 ? 3 : 0, 1)));
    for (const detector of [cusum({ direction: 'up' }), pageHinkley({ threshold: 20 })]) {
      const { alarms } = detectDrift(errors, detector);
      const score = scoreDetections(alarms, [400]);
      expect(score.detected).toBe(1);
      expect(score.delays[0]).toBeLessThan(40);
    }
  });
});
