import { describe, expect, it } from 'vitest';
import { reorderPoint } from 'dplab/decide';
import { expectNear } from './close.ts';

// References: Snyder & Shen, Fundamentals of Supply Chain Theory (2nd ed.), ch. 5 worked examples and
// problems, with stockpyl's published values (tests/test_rq.py: r_q_cost, r_q_optimal_r_for_q,
// r_q_eoqss_approximation, r_q_cost_poisson, r_q_poisson_exact; asserted there to 7 decimals).
const ex51 = {
  demand: { dist: 'normal', mean: 1300, sd: 150 },
  holding: 0.225,
  stockout: 7.5,
  fixedCost: 8,
  leadTime: 1 / 12,
} as const;
const pr51 = {
  demand: { dist: 'normal', mean: 800, sd: 40 },
  holding: 3.1,
  stockout: 45,
  fixedCost: 50,
  leadTime: 0.010958904109589041,
} as const;
const pr53 = {
  demand: { dist: 'normal', mean: 192, sd: 17.4 },
  holding: 0.21428571428571427,
  stockout: 40,
  fixedCost: 85,
  leadTime: 3,
} as const;

describe('reorderPoint (normal demand)', () => {
  it('Example 5.1: exact cost of given (r, Q)', () => {
    expectNear(
      reorderPoint({ ...ex51, r: 126.8, Q: 328.5 }).expectedCost,
      78.071162509282942,
      1e-9,
      '(126.8, 328.5)',
    );
    expectNear(
      reorderPoint({ ...ex51, r: 100, Q: 250 }).expectedCost,
      87.346478028174985,
      1e-9,
      '(100, 250)',
    );
    expect(reorderPoint({ ...ex51, r: 100, Q: 250 }).method).toBe('given');
  });

  it('Problem 5.1: exact cost of given (r, Q)', () => {
    expectNear(
      reorderPoint({ ...pr51, r: -1.9859, Q: 166.95 }).expectedCost,
      484.2110418415538,
      1e-9,
      'P5.1 a',
    );
    expectNear(reorderPoint({ ...pr51, r: 100, Q: 250 }).expectedCost, 830.3219178082192, 1e-9, 'P5.1 b');
  });

  it('the best r for a given Q (Example 5.1, Problems 5.1 and 5.3)', () => {
    const cases: [typeof ex51 | typeof pr51 | typeof pr53, number, number][] = [
      [ex51, 318, 127.7880348669655],
      [ex51, 150, 147.1949581740714],
      [ex51, 750, 99.85377339616528],
      [pr51, 318, -11.727678833180178],
      [pr51, 150, -0.885130303271656],
      [pr51, 750, -39.569675038859785],
      [pr53, 318, 612.1331312304716],
      [pr53, 150, 622.5171783526781],
      [pr53, 750, 598.4126476551643],
    ];
    // stockpyl solves with tol = 1e-6, so its r agrees to ~1e-6.
    for (const [p, Q, r] of cases) {
      const got = reorderPoint({ ...p, Q });
      expect(got.method).toBe('best-r-for-Q');
      expectNear(got.r, r, 2e-6, `r(${Q})`);
    }
  });

  it('Example 5.1 exact optimum: the book reports r = 126.8, Q = 328.5, g = 78.07', () => {
    const r = reorderPoint(ex51);
    expect(r.method).toBe('exact');
    expect(Math.abs(r.r - 126.8)).toBeLessThan(0.1);
    expect(Math.abs(r.Q - 328.5)).toBeLessThan(0.1);
    // No worse than the book's rounded solution, and a local minimum.
    expect(r.expectedCost).toBeLessThanOrEqual(78.071162509282942);
    expect(Math.abs(r.expectedCost - 78.07)).toBeLessThan(0.005); // the book rounds to 2 decimals
    for (const [dr, dQ] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
      [1, 1],
      [-1, -1],
    ]) {
      expect(reorderPoint({ ...ex51, r: r.r + dr, Q: r.Q + dQ }).expectedCost).toBeGreaterThan(
        r.expectedCost,
      );
    }
    // The cost splits into its parts.
    expectNear(
      0.225 * r.expectedOnHand + 7.5 * r.expectedBackorders + (8 * 1300) / r.Q,
      r.expectedCost,
      1e-12,
    );
    expect(r.Q).toBeGreaterThanOrEqual(r.eoq);
  });

  it('Example 5.5 (EOQ + SS): r = 190.337, Q = 304.047', () => {
    const r = reorderPoint({ ...ex51, method: 'eoq-ss' });
    expectNear(r.r, 190.3369965715624, 1e-9, 'stockpyl r_q_eoqss_approximation r');
    expectNear(r.Q, 304.0467800264368, 1e-12, 'Q');
    // The heuristic costs more than the exact optimum.
    expect(r.expectedCost).toBeGreaterThan(reorderPoint(ex51).expectedCost);
  });

  it('rejects bad input', () => {
    expect(() => reorderPoint({ ...ex51, method: 'eil' as never })).toThrow(
      /method must be 'exact' or 'eoq-ss'/,
    );
    expect(() => reorderPoint({ ...ex51, fixedCost: 0 })).toThrow(/fixedCost must be a finite number > 0/);
    expect(() => reorderPoint({ ...ex51, demand: { dist: 'empirical', samples: [1] } as never })).toThrow(
      /demand must be one of \{ dist: 'normal'/,
    );
  });
});

describe('reorderPoint (Poisson demand)', () => {
  const ex58 = {
    demand: { dist: 'poisson', mean: 1.5 },
    holding: 20,
    stockout: 150,
    fixedCost: 100,
    leadTime: 2,
  } as const;
  const pr52 = {
    demand: { dist: 'poisson', mean: 12 },
    holding: 4,
    stockout: 28,
    fixedCost: 4,
    leadTime: 0.5,
  } as const;

  it('Example 5.8: costs of given policies and the Federgruen–Zheng optimum (3, 5)', () => {
    expectNear(reorderPoint({ ...ex58, r: 3, Q: 5 }).expectedCost, 107.92358063314975, 1e-9, '(3, 5)');
    expectNear(reorderPoint({ ...ex58, r: 8, Q: 12 }).expectedCost, 242.5281637662021, 1e-9, '(8, 12)');
    const r = reorderPoint(ex58);
    expect([r.r, r.Q]).toEqual([3, 5]);
    expectNear(r.expectedCost, 107.92358063314975, 1e-9, 'optimum cost');
  });

  it('Problem 5.2: optimum (6, 7) and the cost of (3, 9)', () => {
    const r = reorderPoint(pr52);
    expect([r.r, r.Q]).toEqual([6, 7]);
    expectNear(r.expectedCost, 28.241312842169155, 1e-9, 'optimum cost');
    expectNear(reorderPoint({ ...pr52, r: 3, Q: 9 }).expectedCost, 34.264154469469503, 1e-9, '(3, 9)');
  });

  it('the exact optimum beats every (r, Q) on a grid', () => {
    const best = reorderPoint(pr52).expectedCost;
    for (let r = -2; r <= 14; r++)
      for (let Q = 1; Q <= 20; Q++)
        expect(reorderPoint({ ...pr52, r, Q }).expectedCost).toBeGreaterThanOrEqual(best - 1e-12);
    // And the best r for the optimal Q is the optimal r.
    expect(reorderPoint({ ...pr52, Q: 7 }).r).toBe(6);
  });

  it('needs whole numbers', () => {
    expect(() => reorderPoint({ ...ex58, r: 2.5, Q: 5 })).toThrow(/whole numbers for Poisson/);
  });
});
