import { describe, expect, it } from 'vitest';
import { baseStock, eoq, newsvendor } from 'dplab/decide';
import { SeededRandom } from 'dplab/stats';
import { expectNear } from './close.ts';

// References: Snyder & Shen, Fundamentals of Supply Chain Theory (2nd ed.) worked examples, with the
// values stockpyl 1.x publishes for them (tests/test_newsvendor.py, test_eoq.py; instance data in
// src/stockpyl/datasets/stockpyl_instances.json). stockpyl asserts 7 decimals; we ask 1e-9 relative.
const ex41 = { demand: { dist: 'normal', mean: 50, sd: 8 }, overage: 0.18, underage: 0.7 } as const;

describe('newsvendor', () => {
  it('Example 4.1/4.3 (normal demand): S* = 56.6040, g(S*) = 1.9976', () => {
    const r = newsvendor(ex41);
    expectNear(r.criticalRatio, 0.7 / 0.88, 1e-15, 'critical ratio');
    expectNear(r.quantity, 56.603955927433887, 1e-9, 'stockpyl newsvendor_normal S*');
    expectNear(r.expectedCost, 1.997605193176645, 1e-9, 'stockpyl newsvendor_normal cost');
    expect(r.optimal).toBe(true);
    // The cost splits into its parts, and P(D ≤ S*) is the critical ratio.
    expectNear(0.18 * r.expectedOverageUnits + 0.7 * r.expectedUnderageUnits, r.expectedCost, 1e-12);
    expectNear(r.cycleServiceLevel, r.criticalRatio, 1e-12);
    expectNear(r.expectedSales + r.expectedUnderageUnits, 50, 1e-12);
  });

  it('Example 4.3 evaluated at S = 40 and S = 60', () => {
    expectNear(newsvendor({ ...ex41, quantity: 40 }).expectedCost, 7.356131552870388, 1e-9, 'S = 40');
    expectNear(newsvendor({ ...ex41, quantity: 60 }).expectedCost, 2.156131552870387, 1e-9, 'S = 60');
    expect(newsvendor({ ...ex41, quantity: 40 }).optimal).toBe(false);
  });

  it('Example 4.2 (revenue 1, cost 0.3, salvage 0.12): the same quantity as 4.1', () => {
    // cₒ = purchase − salvage = 0.18, cᵤ = revenue − purchase = 0.7.
    const r = newsvendor({ demand: ex41.demand, overage: 0.3 - 0.12, underage: 1 - 0.3 });
    expectNear(r.quantity, 56.603955927433887, 1e-9, 'Example 4.2 S*');
  });

  it('Problem 4.1 (h = 43, p = 79, N(900, 60²))', () => {
    const p = { demand: { dist: 'normal', mean: 900, sd: 60 }, overage: 43, underage: 79 } as const;
    const r = newsvendor(p);
    expectNear(r.quantity, 922.7214038234755, 1e-9, 'S*');
    expectNear(r.expectedCost, 2718.196781782411, 1e-9, 'cost');
    expectNear(newsvendor({ ...p, quantity: 1040 }).expectedCost, 6044.298415188692, 1e-9, 'S = 1040');
    expectNear(newsvendor({ ...p, quantity: 922 }).expectedCost, 2718.393552026199, 1e-9, 'S = 922');
  });

  it('Example 4.7 without fixed cost (Poisson(6), h = 1, p = 4): S* = 8', () => {
    const p = { demand: { dist: 'poisson', mean: 6 }, overage: 1, underage: 4 } as const;
    const r = newsvendor(p);
    expect(r.quantity).toBe(8);
    expectNear(r.expectedCost, 3.570106945770946, 1e-9, 'cost');
    expectNear(newsvendor({ ...p, quantity: 5 }).expectedCost, 6.590296024616344, 1e-9, 'S = 5');
    // Discrete optimality: both neighbours cost more.
    expect(newsvendor({ ...p, quantity: 7 }).expectedCost).toBeGreaterThan(r.expectedCost);
    expect(newsvendor({ ...p, quantity: 9 }).expectedCost).toBeGreaterThan(r.expectedCost);
  });

  it('Problem 4.8(a) (Poisson(18), h = 200, p = 270): S* = 19', () => {
    const p = { demand: { dist: 'poisson', mean: 18 }, overage: 200, underage: 270 } as const;
    const r = newsvendor(p);
    expect(r.quantity).toBe(19);
    expectNear(r.expectedCost, 786.0884409351115, 1e-9, 'cost');
    expectNear(newsvendor({ ...p, quantity: 13 }).expectedCost, 1445.751062891969, 1e-9, 'S = 13');
  });

  it('empirical demand: R quantile(type = 1) and the exact sample-average cost', () => {
    const samples = [3, 1, 4, 1, 5, 9, 2, 6];
    const r = newsvendor({ demand: { dist: 'empirical', samples }, overage: 0.18, underage: 0.7 });
    // R: quantile(c(3,1,4,1,5,9,2,6), 0.7/0.88, type = 1) → 6.
    expect(r.quantity).toBe(6);
    // By hand: leftovers (5+5+4+3+2+1)/8 = 2.5, shortage 3/8; cost 0.18·2.5 + 0.7·0.375.
    expectNear(r.expectedOverageUnits, 2.5, 1e-15);
    expectNear(r.expectedUnderageUnits, 0.375, 1e-15);
    expectNear(r.expectedCost, 0.7125, 1e-15);
    expect(r.cycleServiceLevel).toBe(7 / 8);
  });

  it('empirical samples of normal demand approach the normal solution', () => {
    const rng = new SeededRandom(42);
    const samples = Array.from({ length: 40_000 }, () => rng.normal(50, 8));
    const r = newsvendor({ demand: { dist: 'empirical', samples }, overage: 0.18, underage: 0.7 });
    // Sampling error of the 0.795 quantile ≈ 8·√(α(1−α)/n)/φ(z) ≈ 0.07; of the cost ≈ 0.01.
    expect(Math.abs(r.quantity - 56.604)).toBeLessThan(0.3);
    expect(Math.abs(r.expectedCost - 1.9976)).toBeLessThan(0.05);
  });

  it('rejects bad input with messages that say what to give', () => {
    expect(() => newsvendor({ ...ex41, overage: -2 })).toThrow(/overage must be a finite number > 0/);
    expect(() => newsvendor({ ...ex41, demand: { dist: 'gamma' } as never })).toThrow(
      /demand must be one of/,
    );
    expect(() =>
      newsvendor({ demand: { dist: 'poisson', mean: 6 }, overage: 1, underage: 4, quantity: 6.5 }),
    ).toThrow(/whole number for Poisson/);
    expect(() => newsvendor({ ...ex41, demand: { dist: 'empirical', samples: [] } })).toThrow(/non-empty/);
    expect(() => newsvendor({ ...ex41, demand: { dist: 'normal', mean: 50, sd: -1 } })).toThrow(/demand.sd/);
  });
});

describe('baseStock', () => {
  it('Example 4.4 (L = 4, N(50, 8²) per period): S* = 264.767, g = 4.4668', () => {
    const p = { demand: ex41.demand, holding: 0.18, stockout: 0.7, leadTime: 4 };
    const r = baseStock(p);
    expectNear(r.level, 264.7668943741548, 1e-9, 'stockpyl newsvendor_normal(lead_time=4)');
    expectNear(r.expectedCost, 4.466781004149578, 1e-9, 'cost');
    expectNear(r.protectionDemand.mean, 250, 1e-15);
    expectNear(r.protectionDemand.sd, 8 * Math.sqrt(5), 1e-15);
    expectNear(r.safetyStock, r.level - 250, 1e-12);
    expectNear(baseStock({ ...p, level: 180 }).expectedCost, 49.000164748034095, 1e-9, 'S = 180');
  });

  it('Snyder, SCMO Problem 4.19 (Poisson(18), L = 4, h = 0.08, p = 1.25): S* = 105', () => {
    const r = baseStock({
      demand: { dist: 'poisson', mean: 18 },
      holding: 0.08,
      stockout: 1.25,
      leadTime: 4,
    });
    expect(r.level).toBe(105);
    expectNear(r.expectedCost, 1.5450188691551778, 1e-9, 'cost');
  });

  it('needs protection-interval samples for empirical demand with a lead time', () => {
    expect(() =>
      baseStock({ demand: { dist: 'empirical', samples: [1, 2] }, holding: 1, stockout: 2, leadTime: 3 }),
    ).toThrow(/protection-interval demand/);
    expect(() => baseStock({ demand: ex41.demand, holding: 1, stockout: 2, leadTime: 1.5 })).toThrow(
      /leadTime must be a whole number/,
    );
  });
});

describe('eoq', () => {
  it('Example 3.1 (K = 8, h = 0.225, λ = 1300): Q* = 304.047, g = 68.4105', () => {
    const r = eoq({ fixedCost: 8, holding: 0.225, demandRate: 1300 });
    expectNear(r.quantity, 304.0467800264368, 1e-12, 'stockpyl economic_order_quantity');
    expectNear(r.cost, 68.410525505948272, 1e-12, 'cost');
    expectNear(
      eoq({ fixedCost: 8, holding: 0.225, demandRate: 1300, quantity: 250 }).cost,
      69.725,
      1e-12,
      'Q=250',
    );
  });
});
