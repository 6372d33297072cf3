import { describe, expect, it } from 'vitest';
import { nelderMead, nelderMeadDefaults } from '../../../src/stats/nelder-mead.ts';

/** R's ?optim example: the Rosenbrock banana function. */
const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;

describe('nelderMead', () => {
  it('optim(c(-1.2, 1), fr) → par 1.000260 1.000506, value 8.825241e-08, 195 evaluations (R 4.2 ?optim)', () => {
    // Same simplex, same arithmetic: R's path is reproduced step for step, so the counts match exactly.
    const r = nelderMead(rosenbrock, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1.00026, 6);
    expect(r.x[1]).toBeCloseTo(1.000506, 6);
    expect(r.value / 8.825241e-8).toBeCloseTo(1, 6);
    expect(r.evaluations).toBe(195);
    expect(r.converged).toBe(true);
    expect(r.code).toBe(0);
  });

  it('finds the minimum of a shifted quadratic bowl to 1e-6', () => {
    const target = [3, -2, 0.5];
    const r = nelderMead((x) => target.reduce((s, t, i) => s + (i + 1) * (x[i] - t) ** 2, 0), [0, 0, 0], {
      maxit: 5000,
      reltol: 1e-14,
    });
    r.x.forEach((v, i) => expect(v).toBeCloseTo(target[i], 6));
    expect(r.value).toBeLessThan(1e-10);
  });

  it('starts from a simplex stepped by 10 % of the largest |x| (0.1 when x = 0), as R', () => {
    const seen: number[][] = [];
    nelderMead(
      (x) => {
        seen.push(Array.from(x));
        return x[0] ** 2 + x[1] ** 2;
      },
      [50, 2],
      { maxit: 3 },
    );
    expect(seen.slice(0, 3)).toEqual([
      [50, 2],
      [55, 2],
      [50, 7],
    ]);
    seen.length = 0;
    nelderMead((x) => (seen.push(Array.from(x)), x[0] ** 2), [0], { maxit: 2 });
    expect(seen[1]).toEqual([0.1]);
  });

  it('treats non-finite values as 1e35, so an infinite penalty works as a bound', () => {
    // Minimise (x − 2)² subject to x ≤ 1: the penalty keeps the search inside.
    const r = nelderMead((x) => (x[0] > 1 ? Infinity : (x[0] - 2) ** 2), [0], { maxit: 500 });
    expect(r.x[0]).toBeLessThanOrEqual(1);
    expect(r.x[0]).toBeCloseTo(1, 4);
  });

  it('stops after maxit function evaluations with code 1, as R', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], { maxit: 20 });
    expect(r.code).toBe(1);
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBeGreaterThan(20);
    expect(r.evaluations).toBeLessThanOrEqual(23);
  });

  it('has R’s defaults: reltol √ε, abstol −∞, maxit 500, coefficients 1, 0.5, 2', () => {
    expect(nelderMeadDefaults).toEqual({
      reltol: Math.sqrt(2.220446049250313e-16),
      abstol: -Infinity,
      maxit: 500,
      alpha: 1,
      beta: 0.5,
      gamma: 2,
    });
  });

  it('rejects a start where the function is not finite, and an empty start', () => {
    expect(() => nelderMead(() => NaN, [1])).toThrow('function cannot be evaluated at initial parameters');
    expect(() => nelderMead(() => 0, [])).toThrow('at least one parameter');
  });
});
