import { describe, expect, it } from 'vitest';
import { retailDemand, simulateInventory, type Forecaster, type InventoryMetrics } from 'dplab/decide';

function checkBooks(m: InventoryMetrics): void {
  expect(m.sold + m.lost).toBe(m.demanded);
  expect(m.fillRate).toBeCloseTo(m.sold / m.demanded, 12);
  expect(m.totalCost).toBeCloseTo(m.holdingCost + m.stockoutCost + m.orderingCost, 8);
  for (const r of [m.fillRate, m.stockoutRate, m.cycleServiceLevel]) {
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
  }
}

describe('simulateInventory', () => {
  it('is reproducible and its books balance', () => {
    const a = simulateInventory({ seed: 4, days: 140 });
    expect(simulateInventory({ seed: 4, days: 140 })).toEqual(a);
    expect(a.products).toHaveLength(5);
    for (const p of a.products) {
      for (const run of [p.forecast, p.naive]) {
        checkBooks(run.metrics);
        expect(run.onHand.every((v) => v >= 0)).toBe(true);
        expect(run.onHand).toHaveLength(140);
        expect(run.metrics.averageInventory).toBeCloseTo(run.onHand.reduce((x, y) => x + y, 0) / 140, 9);
        expect(run.metrics.orders).toBe(run.ordered.filter((q) => q > 0).length);
        expect(run.metrics.lost).toBe(run.lost.reduce((x, y) => x + y, 0));
      }
      // Both policies face the same demand.
      expect(p.forecast.metrics.demanded).toBe(p.naive.metrics.demanded);
      expect(p.leadTime).toBeGreaterThanOrEqual(2);
      expect(p.leadTime).toBeLessThanOrEqual(6);
    }
    checkBooks(a.total.forecast);
    checkBooks(a.total.naive);
  });

  it('with error-quantile safety stock, hits roughly the target cycle service level', () => {
    // The errors policy aims at α = 2 / (2 + 0.05·7) ≈ 0.851 of review cycles without lost sales.
    const r = simulateInventory({ seed: 1 });
    expect(r.serviceLevel).toBeCloseTo(2 / 2.35, 12);
    expect(Math.abs(r.total.forecast.cycleServiceLevel - r.serviceLevel)).toBeLessThan(0.06);
    // A higher target buys more service with more stock.
    const high = simulateInventory({ seed: 1, serviceLevel: 0.97 });
    expect(high.total.forecast.fillRate).toBeGreaterThan(r.total.forecast.fillRate);
    expect(high.total.forecast.averageInventory).toBeGreaterThan(r.total.forecast.averageInventory);
  });

  it('takes a plain forecaster function: an oracle never runs short once its first orders arrive', () => {
    // 20 days beyond the simulated ones, so the oracle can see the last protection interval.
    const demand = retailDemand({ seed: 2, days: 182 + 200 + 20 });
    let product = 0;
    // Knows the coming demand of the product being simulated (products run in order, each from day 182).
    const oracle: Forecaster = (history, h) => {
      if (history.length === 182 && seen.has(product)) product++;
      seen.add(product);
      return {
        mean: demand[product].demand.slice(history.length, history.length + h),
        sd: new Array<number>(h).fill(0),
      };
    };
    const seen = new Set<number>();
    const r = simulateInventory({
      demand,
      days: 200,
      window: 10_000,
      warmupOrigins: 0,
      forecaster: oracle,
      safetyStock: 'intervals',
    });
    for (const p of r.products) {
      // Orders placed from day 0 arrive from day L; the stock on hand covers (or not) the first L days.
      expect(p.forecast.lost.slice(p.leadTime).every((v) => v === 0)).toBe(true);
      checkBooks(p.forecast.metrics);
    }
    expect(r.total.forecast.fillRate).toBeGreaterThan(r.total.naive.fillRate);
    // A forecaster that returns too few values is an error, not a silent zero order.
    expect(() => simulateInventory({ days: 28, forecaster: () => ({ mean: [1] }) })).toThrow(
      /the forecaster must return \{ mean \} with \d+ finite numbers/,
    );
  });

  it('runs dplab/forecast methods by name, and says which names exist', () => {
    const r = simulateInventory({
      seed: 3,
      days: 84,
      products: 2,
      forecaster: 'theta',
      safetyStock: 'intervals',
    });
    checkBooks(r.total.forecast);
    expect(() => simulateInventory({ forecaster: 'nope' })).toThrow(/unknown method "nope": choose from/);
    expect(() => simulateInventory({ safetyStock: 'max' as never })).toThrow(
      /safetyStock must be 'errors' or 'intervals'/,
    );
    expect(() => simulateInventory({ reviewEvery: 0 })).toThrow(/reviewEvery must be a whole number ≥ 1/);
    expect(() => simulateInventory({ demand: [{ name: 'x', demand: [1, 2, 3] }] })).toThrow(
      /must have history \+ days = 547 values/,
    );
  });

  it('accepts given demand and lead times; zero lead time works', () => {
    const demand = [{ name: 'flat', demand: new Array<number>(182 + 70).fill(10) }];
    const r = simulateInventory({
      demand,
      days: 70,
      leadTime: 0,
      forecaster: 'naive',
      safetyStock: 'intervals',
    });
    // Constant demand of 10 forecast exactly: never short, after the first cycle.
    expect(r.products[0].forecast.metrics.lost).toBe(0);
    expect(r.products[0].leadTime).toBe(0);
  });
});
