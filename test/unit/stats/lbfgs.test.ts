// L-BFGS as Stan's optimiser runs it (src/stats/lbfgs.ts). Known minima, Stan's stopping rules, a kink,
// a function undefined on part of the line, and the errors. Step-by-step agreement with Stan itself is
// checked on Prophet's objective in test/unit/forecast/prophet-parity.test.ts.
import { describe, expect, it } from 'vitest';
import { lbfgs, lbfgsDefaults } from '../../../src/stats/lbfgs.ts';

/** Rosenbrock's function and its gradient; minimum 0 at (1, 1). */
function rosenbrock(x: Float64Array, g: Float64Array): number {
  const [a, b] = [x[0], x[1]];
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
}

describe('lbfgs', () => {
  it('finds the minimum of Rosenbrock’s function from (−1.2, 1)', () => {
    // Stan's rules stop on the objective (relative change 2.2e-12, relative gradient 2.2e-9), so x is
    // only as close as f allows; with those rules off, the gradient norm rule gives x to 1e-8.
    const r = lbfgs(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.value).toBeLessThan(1e-9);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-4);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-4);
    expect(r.gradient).toHaveLength(2);
    const tight = lbfgs(rosenbrock, [-1.2, 1], { tolObj: 0, tolRelObj: 0, tolRelGrad: 0, tolParam: 0 });
    expect(tight.message).toBe('Convergence detected: gradient norm is below tolerance');
    expect(Math.abs(tight.x[0] - 1)).toBeLessThan(1e-8);
    expect(Math.abs(tight.x[1] - 1)).toBeLessThan(1e-8);
  });

  it('solves a 50-dimensional ill-conditioned quadratic: x* = A⁻¹b with A = diag(1…1000)', () => {
    const n = 50;
    const a = Array.from({ length: n }, (_, i) => 1 + (999 * i) / (n - 1));
    const b = Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const r = lbfgs((x, g) => {
      let f = 0;
      for (let i = 0; i < n; i++) {
        g[i] = a[i] * x[i] - b[i];
        f += 0.5 * a[i] * x[i] * x[i] - b[i] * x[i];
      }
      return f;
    }, new Array<number>(n).fill(0));
    expect(r.converged).toBe(true);
    // Stan's relative-gradient rule stops at (x − x*)ᵀA(x − x*) ≈ 2.2e-9·max(|f|, 1): x to ~1e-4.
    for (let i = 0; i < n; i++) expect(Math.abs(r.x[i] - b[i] / a[i])).toBeLessThan(1e-4);
    const tight = lbfgs(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < n; i++) {
          g[i] = a[i] * x[i] - b[i];
          f += 0.5 * a[i] * x[i] * x[i] - b[i] * x[i];
        }
        return f;
      },
      new Array<number>(n).fill(0),
      { tolObj: 0, tolRelObj: 0, tolRelGrad: 0, tolParam: 0 },
    );
    for (let i = 0; i < n; i++) expect(Math.abs(tight.x[i] - b[i] / a[i])).toBeLessThan(1e-8);
  });

  it('ends as Stan does at a pure kink: no step meets the curvature condition, the line search fails', () => {
    // (x − 2)²/2 + 3|x| has its minimum at the kink x = 0. Along −f′ from x ∈ (0, 0.2) the slope is
    // either steeper than 0.9 × the starting slope (x > 0) or positive (x < 0): no strong-Wolfe step
    // exists. Stan stops with this message (and R prophet then retries with Newton's method).
    const r = lbfgs(
      (x, g) => {
        g[0] = x[0] - 2 + 3 * Math.sign(x[0]);
        return (x[0] - 2) ** 2 / 2 + 3 * Math.abs(x[0]);
      },
      [5],
    );
    expect(r.converged).toBe(false);
    expect(r.message).toBe(
      'Line search failed to achieve a sufficient decrease, no more progress can be made',
    );
    expect(r.x[0]).toBeGreaterThan(0);
    expect(r.x[0]).toBeLessThan(0.2);
    expect(r.value).toBeLessThan(2.2);
  });

  it('steps back where the function is undefined: x − log x, minimum at 1, from 20', () => {
    // The first long steps land at x ≤ 0, where f is NaN; the line search halves back into the domain.
    const r = lbfgs(
      (x, g) => {
        g[0] = 1 - 1 / x[0];
        return x[0] > 0 ? x[0] - Math.log(x[0]) : NaN;
      },
      [20],
      { initStep: 100 },
    );
    expect(r.converged).toBe(true);
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-5);
  });

  it('uses Stan’s defaults and reports the iteration limit in Stan’s words', () => {
    expect(lbfgsDefaults).toEqual({
      memory: 5,
      maxit: 10000,
      initStep: 1e-3,
      tolObj: 1e-12,
      tolRelObj: 1e4,
      tolGrad: 1e-8,
      tolRelGrad: 1e7,
      tolParam: 1e-8,
    });
    const r = lbfgs(rosenbrock, [-1.2, 1], { maxit: 3 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(r.message).toBe('Maximum number of iterations hit, may not be at an optima');
  });

  it('stops at once when the start is a minimum (gradient norm below tolGrad)', () => {
    const r = lbfgs(
      (x, g) => {
        g[0] = 2 * x[0];
        return x[0] * x[0];
      },
      [0],
    );
    expect(r.iterations).toBe(1);
    expect(r.x).toEqual([0]);
  });

  it('needs a finite value and gradient at the start', () => {
    expect(() => lbfgs(() => NaN, [1])).toThrow(
      'L-BFGS needs a finite value and gradient at the starting point',
    );
    expect(() =>
      lbfgs(
        (_x, g) => {
          g[0] = Infinity;
          return 1;
        },
        [1],
      ),
    ).toThrow('L-BFGS needs a finite value and gradient at the starting point');
  });
});
