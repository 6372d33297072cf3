// The other optimisers and the seeded generator that the forecasting models use alongside Nelder–Mead.
import { describe, expect, it } from 'vitest';
import { brentMinimize } from '../../../src/stats/optim-brent.ts';
import { lbfgsb } from '../../../src/stats/optim-lbfgsb.ts';
import { SeededRandom } from '../../../src/stats/random.ts';

describe('lbfgsb', () => {
  it('optim(rep(3, 25), flb, method = "L-BFGS-B", lower = 2, upper = 4) → value 368.1059, x24 2.109093, x25 4 (R ?optim)', () => {
    const flb = (x: Float64Array): number => {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += (i === 0 ? 1 : 4) * (x[i] - (i === 0 ? 1 : x[i - 1]) ** 2) ** 2;
      return s;
    };
    const r = lbfgsb(flb, new Array<number>(25).fill(3), { lower: 2, upper: 4 });
    expect(r.value).toBeCloseTo(368.1059, 3);
    expect(r.x.slice(0, 23).every((v) => Math.abs(v - 2) < 1e-9)).toBe(true);
    expect(r.x[23]).toBeCloseTo(2.109093, 5);
    expect(r.x[24]).toBe(4);
    expect(r.converged).toBe(true);
  });

  it('Rosenbrock from (-1.2, 1) with R’s finite-difference gradient reaches (1, 1) to 1e-3', () => {
    const r = lbfgsb((x) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('uses an analytic gradient when given, and keeps the solution on an active bound', () => {
    const r = lbfgsb((x) => (x[0] + 1) ** 2 + (x[1] - 0.5) ** 2, [0.5, 0.9], {
      lower: [0, 0],
      upper: [1, 1],
      gradient: (x, g) => {
        g[0] = 2 * (x[0] + 1);
        g[1] = 2 * (x[1] - 0.5);
      },
    });
    expect(r.x[0]).toBe(0);
    expect(r.x[1]).toBeCloseTo(0.5, 6);
  });

  it('rejects crossed bounds and non-finite values', () => {
    expect(() => lbfgsb((x) => x[0], [0], { lower: 1, upper: 0 })).toThrow('invalid bounds for parameter 1');
    expect(() => lbfgsb(() => NaN, [0])).toThrow('L-BFGS-B needs finite values');
  });
});

describe('brentMinimize', () => {
  it('optimize(function(x) (x - 1/3)^2, c(0, 1)) → 0.3333333 (R ?optimize)', () => {
    const r = brentMinimize((x) => (x - 1 / 3) ** 2, 0, 1);
    expect(r.x).toBeCloseTo(1 / 3, 7);
  });

  it('finds a minimum at the end of the interval to within tol', () => {
    expect(brentMinimize((x) => x, 0, 1).x).toBeLessThan(2e-4);
  });

  it('rejects an empty interval', () => {
    expect(() => brentMinimize((x) => x, 1, 1)).toThrow('invalid interval');
  });
});

describe('SeededRandom', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
    expect(xa.every((u) => u >= 0 && u < 1)).toBe(true);
  });

  it('normal deviates have mean 0 and variance 1 (100 000 draws, 4 standard errors)', () => {
    const r = new SeededRandom(7);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(s2 / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('uniforms are uniform: each tenth of [0, 1) holds 10 % ± 0.5 % of 100 000 draws', () => {
    const r = new SeededRandom(1);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[Math.floor(r.uniform() * 10)]++;
    counts.forEach((c) => expect(Math.abs(c - 10_000)).toBeLessThan(500));
  });

  it('rejects a non-finite seed', () => {
    expect(() => new SeededRandom(NaN)).toThrow('invalid seed');
  });
});
