import { describe, expect, it } from 'vitest';
import { sSPolicy } from 'dplab/decide';
import { expectNear } from './close.ts';

// References: Snyder & Shen (2nd ed.) Example 4.7 and Problem 4.31 with stockpyl's published values
// (tests/test_ss.py: s_s_cost_discrete, s_s_discrete_exact; 7 decimals), and the 24 instances of
// Zheng & Federgruen (1991, Operations Research 39(4), Table I: h = 1, p = 9, K = 64), costs to 3 decimals.
const ex47 = { demand: { dist: 'poisson', mean: 6 }, holding: 1, stockout: 4, fixedCost: 5 } as const;

describe('sSPolicy', () => {
  it('Example 4.7: costs of (4, 10) and (6, 18); optimum (4, 10)', () => {
    expectNear(sSPolicy({ ...ex47, s: 4, S: 10 }).expectedCost, 8.034111561471644, 1e-9, '(4, 10)');
    expectNear(sSPolicy({ ...ex47, s: 6, S: 18 }).expectedCost, 10.193798671644046, 1e-9, '(6, 18)');
    const r = sSPolicy(ex47);
    expect([r.s, r.S]).toEqual([4, 10]);
    expectNear(r.expectedCost, 8.034111561471644, 1e-9, 'optimum');
    expect(r.optimal).toBe(true);
    expectNear(
      r.expectedHoldingCost + r.expectedBackorderCost + r.expectedOrderingCost,
      r.expectedCost,
      1e-12,
    );
    expect(r.baseStockLevel).toBe(8);
  });

  it('Problem 4.31 (Poisson(4), h = 40, p = 125, K = 150): optimum (2, 7)', () => {
    const p = { demand: { dist: 'poisson', mean: 4 }, holding: 40, stockout: 125, fixedCost: 150 } as const;
    const r = sSPolicy(p);
    expect([r.s, r.S]).toEqual([2, 7]);
    expectNear(r.expectedCost, 223.5748295669688, 1e-9, 'optimum');
    expectNear(sSPolicy({ ...p, s: 4, S: 10 }).expectedCost, 262.2755613772775, 1e-9, '(4, 10)');
  });

  it('the 24 Zheng–Federgruen instances', () => {
    const mu = [
      10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 21, 22, 23, 24, 51, 52, 59, 61, 63, 64,
    ];
    const s = [6, 10, 14, 19, 23, 28, 33, 37, 42, 47, 52, 56, 62, 67, 15, 16, 17, 18, 43, 44, 51, 52, 54, 55];
    const S = [
      40, 49, 62, 56, 66, 77, 87, 97, 108, 118, 129, 75, 81, 86, 65, 68, 52, 54, 110, 112, 126, 131, 73, 74,
    ];
    const c = [
      35.022, 42.698, 49.173, 54.262, 57.819, 61.215, 64.512, 67.776, 70.975, 74.149, 77.306, 78.518, 79.037,
      79.554, 50.406, 51.632, 52.757, 53.518, 71.611, 72.246, 76.679, 77.929, 78.287, 78.402,
    ];
    mu.forEach((m, i) => {
      const r = sSPolicy({ demand: { dist: 'poisson', mean: m }, holding: 1, stockout: 9, fixedCost: 64 });
      expect([r.s, r.S], `mean ${m}`).toEqual([s[i], S[i]]);
      expect(Math.abs(r.expectedCost - c[i]), `mean ${m}`).toBeLessThan(5e-4);
    });
  });

  it('beats every policy on a grid (Example 4.7, and with a lead time of 2)', () => {
    for (const leadTime of [0, 2]) {
      const best = sSPolicy({ ...ex47, leadTime });
      for (let s = -2; s <= 25; s++)
        for (let S = s + 1; S <= 40; S++)
          expect(sSPolicy({ ...ex47, leadTime, s, S }).expectedCost).toBeGreaterThanOrEqual(
            best.expectedCost - 1e-12,
          );
    }
  });

  it('K → 0 gives the base-stock policy: S = y*, s = S − 1', () => {
    const r = sSPolicy({ ...ex47, fixedCost: 1e-9 });
    expect([r.s, r.S]).toEqual([7, 8]);
    expectNear(r.expectedCost, 3.570106945770946, 1e-7, 'Example 4.7 newsvendor cost');
  });

  it('rejects bad input', () => {
    expect(() => sSPolicy({ ...ex47, s: 5, S: 5 })).toThrow(/S > s/);
    expect(() => sSPolicy({ ...ex47, demand: { dist: 'normal', mean: 6, sd: 2 } as never })).toThrow(
      /demand must be one of \{ dist: 'poisson'/,
    );
    expect(() => sSPolicy({ ...ex47, holding: Number.NaN })).toThrow(/holding/);
  });
});
