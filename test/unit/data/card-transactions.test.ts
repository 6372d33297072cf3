/**
 * The synthetic card transactions: seeded, about the fraud rate asked for, patterns that drift as
 * documented, and features computed from each customer's past only.
 */
import { describe, expect, it } from 'vitest';
import { cardTransactions } from '../../../src/data/card-transactions.ts';

describe('cardTransactions', () => {
  const rows = cardTransactions({ customers: 200, days: 90 });

  it('is the same for the same seed and differs for another', () => {
    expect(cardTransactions({ customers: 200, days: 90 })).toEqual(rows);
    expect(cardTransactions({ customers: 200, days: 90, seed: 2 })).not.toEqual(rows);
  });

  it('has about the fraud rate asked for, and the mix of patterns drifts at driftAt', () => {
    const frauds = rows.filter((r) => r.fraud === 1);
    expect(frauds.length / rows.length).toBeGreaterThan(0.004);
    expect(frauds.length / rows.length).toBeLessThan(0.006);
    const share = (rs: typeof rows) =>
      rs.filter((r) => r.pattern === 'card-testing').length / Math.max(1, rs.filter((r) => r.fraud).length);
    // 1 in 10 episodes is card testing before the middle of the period, 9 in 10 after; in rows (a
    // card-testing episode has more of them) the share rises from about a half to almost all.
    const all = cardTransactions();
    const early = share(all.filter((r) => r.day < 60));
    const late = share(all.filter((r) => r.day >= 60));
    expect(late).toBeGreaterThan(0.85);
    expect(late - early).toBeGreaterThan(0.3);
    expect(rows.every((r) => (r.fraud === 1) === (r.pattern !== null))).toBe(true);
  });

  it('computes each feature from the customer’s earlier transactions only', () => {
    expect(rows.map((r) => r.minute)).toEqual([...rows.map((r) => r.minute)].sort((a, b) => a - b));
    const byCustomer = new Map<number, typeof rows>();
    for (const r of rows) byCustomer.set(r.customer, [...(byCustomer.get(r.customer) ?? []), r]);
    for (const history of [...byCustomer.values()].slice(0, 40)) {
      history.forEach((r, i) => {
        const before = history.slice(0, i);
        expect(r.velocity1h).toBe(before.filter((p) => p.minute >= r.minute - 60).length);
        expect(r.newDevice).toBe(before.length > 0 && !before.some((p) => p.device === r.device));
        const amounts = before.map((p) => p.amount).sort((a, b) => a - b);
        const n = amounts.length;
        const median =
          n === 0 ? NaN : n % 2 ? amounts[(n - 1) / 2]! : (amounts[n / 2 - 1]! + amounts[n / 2]!) / 2;
        expect(r.amountRatio).toBeCloseTo(n === 0 ? 1 : r.amount / median, 3);
        expect(r.day).toBe(Math.floor(r.minute / 1440));
      });
    }
  });

  it('makes frauds look different, as documented: new devices, night hours, bursts', () => {
    const takeovers = rows.filter((r) => r.pattern === 'account-takeover');
    const tests = rows.filter((r) => r.pattern === 'card-testing');
    expect(takeovers.every((r) => r.hour >= 1 && r.hour <= 5)).toBe(true);
    expect(tests.every((r) => r.category === 'online')).toBe(true);
    expect(tests.filter((r) => r.velocity1h >= 3).length).toBeGreaterThan(tests.length / 3);
    const genuine = rows.filter((r) => r.fraud === 0);
    expect(genuine.filter((r) => r.velocity1h >= 3).length / genuine.length).toBeLessThan(0.01);
  });

  it('says which option is wrong', () => {
    expect(() => cardTransactions({ customers: 0 })).toThrow(/customers must be a whole number ≥ 1, got 0/);
    expect(() => cardTransactions({ fraudRate: 0.7 })).toThrow(/fraudRate must be in \[0, 0.5\)/);
    expect(() => cardTransactions({ driftAt: 2 })).toThrow(/driftAt must be in \[0, 1\]/);
  });
});
