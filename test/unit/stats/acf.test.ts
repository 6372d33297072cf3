import { describe, expect, it } from 'vitest';
import { acf, defaultMaxLag } from 'dplab/stats';
import { expectClose, readSeries } from '../read-fixture.ts';
import { refFor } from './diagnostics-ref.ts';

// Reference: test/fixtures/ref/diagnostics.json, R 4.2.2 `acf(x, lag.max = 24, plot = FALSE)$acf`.
// Tolerance 1e-9 absolute (reached: ≤ 2e-15).
describe('acf', () => {
  for (const name of ['AirPassengers', 'USAccDeaths', 'UKgas', 'ldeaths', 'Nile', 'co2']) {
    it(`acf(${name}, lag.max = 24) matches R to 1e-9`, () => {
      const ref = refFor(name);
      const r = acf(readSeries(name), ref.lag_max);
      expectClose(r, ref.acf, { abs: 1e-9 }, name);
    });
  }

  it("uses R's default lag.max = floor(10·log10(n)), at most n − 1", () => {
    expect(defaultMaxLag(144)).toBe(21);
    expect(acf(readSeries('AirPassengers'))).toHaveLength(22);
    expect(defaultMaxLag(5)).toBe(4);
    expect(acf([1, 3, 2], 10)).toHaveLength(3);
  });

  it('acf(1:4): hand-computed biased autocorrelations 1, 0.25, −0.3, −0.45', () => {
    // x − x̄ = (−1.5, −0.5, 0.5, 1.5); c0 = 5/4; c1 = (0.75 − 0.25 + 0.75)/4; c2 = (−0.75 − 0.75)/4; c3 = −2.25/4.
    const r = acf([1, 2, 3, 4], 3);
    [1, 0.25, -0.3, -0.45].forEach((v, k) => expect(r[k]).toBeCloseTo(v, 14));
  });

  it('one point gives [1] (as R); a constant series gives NaN everywhere (0/0, as R)', () => {
    expect(acf([7])).toEqual([1]);
    const r = acf([2, 2, 2, 2], 2);
    expect(r.every(Number.isNaN)).toBe(true);
  });

  it('is scale invariant for extreme magnitudes (1e-100 and 1e100)', () => {
    const x = readSeries('Nile');
    const base = acf(x, 10);
    expectClose(
      acf(
        x.map((v) => v * 1e100),
        10,
      ),
      base,
      { abs: 1e-12 },
      'x·1e100',
    );
    expectClose(
      acf(
        x.map((v) => v * 1e-100),
        10,
      ),
      base,
      { abs: 1e-12 },
      'x·1e-100',
    );
  });

  it('rejects empty input, NaN and a bad maxLag with a message that says what to do', () => {
    expect(() => acf([])).toThrow('acf needs at least 1 observation, got 0');
    expect(() => acf([1, NaN, 3])).toThrow('observation 2 is NaN: acf needs finite numbers');
    expect(() => acf([1, 2, 3], -1)).toThrow('invalid maxLag: -1');
    expect(() => acf([1, 2, 3], 1.5)).toThrow('invalid maxLag: 1.5');
  });
});
