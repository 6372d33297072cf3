import { describe, expect, it } from 'vitest';
import { classicalDecomposition } from 'dplab/stats';
import { expectClose, readSeries } from '../read-fixture.ts';
import { refFor } from './diagnostics-ref.ts';

// Reference: test/fixtures/ref/diagnostics.json, R 4.2.2 `decompose(x, type)`: trend, random, figure.
// Tolerance 1e-9 relative to the series' scale (reached: ≤ 6e-12 absolute, 3e-15 relative).
describe('classicalDecomposition', () => {
  for (const name of ['AirPassengers', 'USAccDeaths', 'UKgas']) {
    for (const type of ['additive', 'multiplicative'] as const) {
      it(`decompose(${name}, "${type}") matches R to 1e-9`, () => {
        const ref = refFor(name);
        const expected = type === 'additive' ? ref.decompose_additive : ref.decompose_multiplicative;
        if (!expected) throw new Error('fixture lacks decompose');
        const y = readSeries(name);
        const scale = Math.max(...y.map(Math.abs));
        const d = classicalDecomposition(y, ref.frequency, { type });
        const tol = type === 'additive' ? { abs: 1e-9 * scale } : { abs: 1e-9 };
        expectClose(d.trend, expected.trend, { abs: 1e-9 * scale }, 'trend');
        expectClose(d.figure, expected.figure, tol, 'figure');
        expectClose(d.remainder, expected.random, tol, 'random');
        expectClose(
          d.seasonal,
          y.map((_, t) => expected.figure[t % ref.frequency]),
          tol,
          'seasonal',
        );
      });
    }
  }

  it('normalises the figure: sum 0 (additive), mean 1 (multiplicative)', () => {
    const y = readSeries('AirPassengers');
    const add = classicalDecomposition(y, 12).figure;
    const mult = classicalDecomposition(y, 12, { type: 'multiplicative' }).figure;
    expect(Math.abs(add.reduce((s, v) => s + v, 0))).toBeLessThan(1e-10);
    expect(mult.reduce((s, v) => s + v, 0) / 12).toBeCloseTo(1, 14);
  });

  it('an odd period uses the plain centred m-MA: decompose(ts(x, frequency = 3))', () => {
    // Trend at t = 2 is mean(x[1..3]); figure positions count from the first observation.
    const x = [1, 5, 3, 2, 6, 4, 3, 7, 5];
    const d = classicalDecomposition(x, 3);
    expect(d.trend[0]).toBeNaN();
    expect(d.trend[1]).toBeCloseTo(3, 14);
    expect(d.trend[8]).toBeNaN();
    // Detrended x − T at positions 2..8 are 2, 0, −2, 1, −1, −2, ... → figure means by position.
    expect(d.figure.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 14);
  });

  it('rejects too-short series, bad periods, NaN and non-positive data for multiplicative', () => {
    expect(() => classicalDecomposition([1, 2, 3, 4, 5], 3)).toThrow(
      'a classical decomposition needs at least two full periods (6 observations for period 3), got 5',
    );
    expect(() => classicalDecomposition([], 2)).toThrow('needs at least 1 observation, got 0');
    expect(() => classicalDecomposition([1, 2, 3, 4], 1)).toThrow(
      'invalid period: 1 (must be an integer ≥ 2',
    );
    expect(() => classicalDecomposition([1, 2, 3, 4], 2.5)).toThrow('invalid period: 2.5');
    expect(() => classicalDecomposition([1, NaN, 3, 4], 2)).toThrow('observation 2 is NaN');
    expect(() => classicalDecomposition([1, 0, 3, 4], 2, { type: 'multiplicative' })).toThrow(
      'observation 2 is 0: a multiplicative decomposition needs positive data',
    );
  });

  it('handles extreme magnitudes: decompose(x·1e12) = 1e12·decompose(x) (additive)', () => {
    const y = readSeries('USAccDeaths');
    const a = classicalDecomposition(y, 12);
    const b = classicalDecomposition(
      y.map((v) => v * 1e12),
      12,
    );
    expectClose(
      b.figure,
      a.figure.map((v) => v * 1e12),
      { rel: 1e-9 },
      'figure',
    );
  });
});
