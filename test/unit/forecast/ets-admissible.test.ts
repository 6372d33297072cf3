// The admissible region (Hyndman, Akram & Archibald 2008) and the Schur–Cohn root test that replaces
// R's polyroot, checked on polynomials built from known roots.
import { describe, expect, it } from 'vitest';
import { allRootsInsideUnitCircle, isAdmissible } from '../../../src/forecast/ets/admissible.ts';
import { SeededRandom } from '../../../src/stats/random.ts';

/** Real coefficients (constant first) of Π (z − rᵢ), complex roots given as conjugate pairs. */
function fromRoots(real: number[], pairs: [number, number][]): Float64Array {
  let c = [1];
  const times = (q: number[]) => {
    const out = new Array<number>(c.length + q.length - 1).fill(0);
    c.forEach((a, i) => q.forEach((b, j) => (out[i + j] += a * b)));
    c = out;
  };
  for (const r of real) times([-r, 1]);
  for (const [re, im] of pairs) times([re * re + im * im, -2 * re, 1]);
  return Float64Array.from(c);
}

describe('allRootsInsideUnitCircle (Schur–Cohn)', () => {
  it('agrees with the known roots of 2 000 random polynomials of degree 3–13', () => {
    const random = new SeededRandom(11);
    for (let trial = 0; trial < 2000; trial++) {
      const real = Array.from(
        { length: 1 + Math.floor(random.uniform() * 5) },
        () => 2.4 * random.uniform() - 1.2,
      );
      const pairs = Array.from({ length: 1 + Math.floor(random.uniform() * 4) }, (): [number, number] => {
        const radius = 1.2 * random.uniform();
        const angle = Math.PI * random.uniform();
        return [radius * Math.cos(angle), radius * Math.sin(angle)];
      });
      const moduli = [...real.map(Math.abs), ...pairs.map(([re, im]) => Math.hypot(re, im))];
      const largest = Math.max(...moduli);
      if (Math.abs(largest - 1) < 1e-6) continue; // too close to call in floating point
      const coefficients = fromRoots(real, pairs);
      expect(allRootsInsideUnitCircle(coefficients, coefficients.length - 1)).toBe(largest < 1);
    }
  });

  it('a root on the unit circle is not inside', () => {
    expect(allRootsInsideUnitCircle(fromRoots([1, 0.5], []), 2)).toBe(false);
    expect(allRootsInsideUnitCircle(fromRoots([0.5], [[0, 1]]), 3)).toBe(false);
  });
});

describe('isAdmissible', () => {
  const none = { hasBeta: false, hasGamma: false };
  it('simple exponential smoothing: 0 < α < 2', () => {
    expect(isAdmissible(1.5, 0, 0, 1, 1, none)).toBe(true);
    expect(isAdmissible(2.1, 0, 0, 1, 1, none)).toBe(false);
    expect(isAdmissible(-0.1, 0, 0, 1, 1, none)).toBe(false);
  });

  it('damped trend: α(φ − 1) < β < (1 + φ)(2 − α), 0 ≤ φ ≤ 1', () => {
    const trend = { hasBeta: true, hasGamma: false };
    expect(isAdmissible(0.5, 1.5, 0, 0.9, 1, trend)).toBe(true);
    expect(isAdmissible(0.5, 2.9, 0, 0.9, 1, trend)).toBe(false);
    expect(isAdmissible(0.5, 0.1, 0, 1.1, 1, trend)).toBe(false);
  });

  it('seasonal models: R’s fitted AirPassengers models are admissible; γ > 1 + 1/φ − α is not', () => {
    const season = { hasBeta: true, hasGamma: true };
    expect(isAdmissible(0.7458562698, 0.0188686066, 0.0002863569, 0.9792832274, 12, season)).toBe(true);
    expect(isAdmissible(0.3476609809, 0.0001505467, 0.6518502488, 1, 12, season)).toBe(true);
    expect(isAdmissible(0.5, 0.01, 1.6, 1, 12, season)).toBe(false);
    // Inside the easy inequalities but with a root outside the unit circle: max |z| = 1.0277 (numpy.roots).
    expect(isAdmissible(0.1, 0.09, 0.95, 0.98, 12, season)).toBe(false);
  });
});
