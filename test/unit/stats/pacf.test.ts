import { describe, expect, it } from 'vitest';
import { acf, pacf } from 'dplab/stats';
import { expectClose, readSeries } from '../read-fixture.ts';
import { refFor } from './diagnostics-ref.ts';

// Reference: test/fixtures/ref/diagnostics.json, R 4.2.2 `pacf(x, lag.max = 24, plot = FALSE)$acf`
// (Durbin–Levinson on the biased ACF). Tolerance 1e-9 absolute (reached: ≤ 3e-13).
describe('pacf', () => {
  for (const name of ['AirPassengers', 'USAccDeaths', 'UKgas', 'ldeaths', 'Nile', 'co2']) {
    it(`pacf(${name}, lag.max = 24) matches R to 1e-9`, () => {
      const ref = refFor(name);
      expectClose(pacf(readSeries(name), ref.lag_max), ref.pacf, { abs: 1e-9 }, name);
    });
  }

  it('φ11 = r1 and φ22 = (r2 − r1²)/(1 − r1²)', () => {
    const x = readSeries('Nile');
    const r = acf(x, 2);
    const p = pacf(x, 2);
    expect(p[0]).toBeCloseTo(r[1], 14);
    expect(p[1]).toBeCloseTo((r[2] - r[1] ** 2) / (1 - r[1] ** 2), 14);
  });

  it('cuts maxLag at n − 1 as R, and needs two observations', () => {
    expect(pacf([1, 4, 2, 5], 10)).toHaveLength(3);
    expect(() => pacf([5])).toThrow('pacf needs at least 2 observations, got 1');
    expect(() => pacf([])).toThrow('pacf needs at least 2 observations, got 0');
    expect(() => pacf([1, 2, 3], 0)).toThrow('invalid maxLag: 0 (must be an integer ≥ 1)');
    expect(() => pacf([1, Infinity, 3])).toThrow('observation 2 is Infinity');
  });
});
