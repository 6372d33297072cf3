import { describe, expect, it } from 'vitest';
import {
  defaultSegments,
  estimateElasticity,
  expectedProfit,
  guardrailCost,
  optimalPrice,
  priceExperiment,
  simulatePriceData,
} from 'dplab/decide';
import { expectNear } from './close.ts';

describe('pricing', () => {
  it('estimateElasticity matches R lm(log(units) ~ log(price)) on the seeded data', () => {
    // R 4.x on the rows of simulatePriceData({ seed: 3 }) written to CSV:
    // lm(log(units) ~ log(price), subset = segment == s & units > 0); summary()$coefficients; confint().
    const ref: Record<string, [number, number, number, number, number]> = {
      'bargain hunters': [
        11.470285276611452, -3.200786755636781, 0.06436338804586386, -3.328243786853192, -3.073329724420371,
      ],
      regulars: [
        8.880745599354755, -2.255414209988691, 0.07390874046809096, -2.401773637716369, -2.109054782261014,
      ],
      loyal: [
        6.559608316431562, -1.560548944538964, 0.1140964517625098, -1.786490981704772, -1.334606907373155,
      ],
    };
    const est = estimateElasticity(simulatePriceData({ seed: 3 }));
    expect(est.map((e) => e.segment)).toEqual(Object.keys(ref));
    for (const e of est) {
      const [a, b, se, lo, hi] = ref[e.segment];
      expectNear(e.intercept, a, 1e-10, `${e.segment} intercept`);
      expectNear(e.elasticity, b, 1e-10, `${e.segment} slope`);
      expectNear(e.standardError, se, 1e-10, `${e.segment} se`);
      expectNear(e.lower, lo, 1e-10, `${e.segment} lower`);
      expectNear(e.upper, hi, 1e-10, `${e.segment} upper`);
      // And the true elasticity lies in the interval.
      const truth = defaultSegments.find((s) => s.name === e.segment)!.elasticity;
      expect(truth).toBeGreaterThan(e.lower);
      expect(truth).toBeLessThan(e.upper);
    }
  });

  it('optimalPrice: the Lerner rule p* = c·ε/(1 + ε), a maximum of the profit', () => {
    const r = optimalPrice({ elasticity: -2, unitCost: 5, standardError: 0.1 });
    expectNear(r.price, 10, 1e-15, 'c·ε/(1+ε) = 5·2/1');
    const seg = { name: 's', elasticity: -2, scale: 50, referencePrice: 10 };
    for (const d of [-0.5, -0.01, 0.01, 0.5])
      expect(expectedProfit(seg, 10 + d, 5)).toBeLessThan(expectedProfit(seg, 10, 5));
    // ε ± 1.96·0.1 → prices 5·2.196/1.196 and 5·1.804/0.804.
    expectNear(r.lower, (5 * 2.1959963984540054) / 1.1959963984540054, 1e-12, 'lower');
    expectNear(r.upper, (5 * 1.8040036015459946) / 0.8040036015459946, 1e-12, 'upper');
    expect(optimalPrice({ elasticity: -0.8, unitCost: 5, bounds: [5, 20] })).toMatchObject({
      price: 20,
      bounded: true,
    });
    expect(() => optimalPrice({ elasticity: 1, unitCost: 5 })).toThrow(
      /elasticity must be a finite number < 0/,
    );
  });

  it('guardrailCost: one price for all matches R optimize(); bounds clamp; no guardrail costs nothing', () => {
    expect(guardrailCost({ unitCost: 5 }).cost).toBe(0);
    const same = guardrailCost({ unitCost: 5, samePrice: true });
    // R: optimize(total profit on log price, log(c(5, 500)), maximum = TRUE, tol = 1e-12)
    // → exp(maximum) = 7.979557470384098, objective 647.5262554842591.
    expectNear(same.constrained.prices[0], 7.979557470384098, 1e-6, 'common price');
    expectNear(same.constrained.profit, 647.5262554842591, 1e-10, 'profit');
    expect(same.cost).toBeGreaterThan(0);
    const bounded = guardrailCost({ unitCost: 5, bounds: [8, 12] });
    const [lo, mid, hi] = bounded.constrained.prices;
    expect([lo, hi]).toEqual([8, 12]);
    expectNear(mid, (5 * 2.2) / 1.2, 1e-14, 'regulars keep their Lerner price');
    expect(bounded.cost).toBeGreaterThan(0);
    expect(bounded.cost).toBeLessThan(same.cost);
  });
});

describe('priceExperiment', () => {
  it('keeps its books and is reproducible', () => {
    const r = priceExperiment({ policy: 'thompson', rounds: 3000, seed: 5 });
    expect(priceExperiment({ policy: 'thompson', rounds: 3000, seed: 5 })).toEqual(r);
    expect(r.pulls.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(r.regretAt.at(-1)).toBe(3000);
    for (let i = 1; i < r.regretPath.length; i++)
      expect(r.regretPath[i]).toBeGreaterThanOrEqual(r.regretPath[i - 1]);
    // The true best price: expected margin q(p)(p − 5) with q = 0.3(p/10)^−2.2 peaks at the Lerner price
    // 5·2.2/1.2 ≈ 9.17, so 10 is the best of 6, 8, 10, 12, 14.
    expect(r.bestPrice).toBe(10);
  });

  it('adaptive policies give up less than a fixed equal allocation', () => {
    // Regret of equal allocation is exactly linear: rounds × mean gap; every adaptive policy should beat
    // it on 20 000 customers, on each of three seeds.
    for (const seed of [1, 2, 3]) {
      const ab = priceExperiment({ policy: 'ab', rounds: 20_000, seed });
      const gap = ab.expectedMargin.reduce((a, m) => a + (Math.max(...ab.expectedMargin) - m), 0) / 5;
      expectNear(ab.regret, 20_000 * gap, 1e-9, 'A/B regret');
      for (const policy of ['epsilon-greedy', 'ucb1', 'thompson'] as const) {
        const r = priceExperiment({ policy, rounds: 20_000, seed });
        expect(r.regret, `${policy} seed ${seed}`).toBeLessThan(ab.regret);
      }
    }
  });

  it('rejects bad options', () => {
    expect(() => priceExperiment({ policy: 'greedy' as never })).toThrow(
      /policy must be one of ab, epsilon-greedy/,
    );
    expect(() => priceExperiment({ policy: 'ab', prices: [4, 8] })).toThrow(/above the unit cost 5/);
  });
});
