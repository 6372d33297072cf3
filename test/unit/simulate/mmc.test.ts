import { describe, expect, it } from 'vitest';
import { mmc } from 'dplab/simulate';

// References computed in R 4.x from a different route than the implementation: Erlang C from the
// Poisson identity B = dpois(c, a) / ppois(c, a), C = B / (1 − ρ(1 − B)); p0 from the direct sum;
// sojourn quantiles by uniroot on the convolution cdf computed with integrate() (rel.tol 1e-13).
describe('mmc', () => {
  it("Westbay Engineers' Erlang-C worked example: 360 calls per half hour, 4-minute calls, 55 agents", () => {
    // λ = 12 / min, μ = 1/4 per min, a = 48 erlangs. R: C = 0.238700936378009, Wq = 0.136400535073148 min
    // (ASA ≈ 8.2 s), service level within 15 s = 1 − C·exp(−(55 − 48)·0.25/4) = 0.84588309217058.
    const r = mmc({ arrivalRate: 12, serviceRate: 0.25, servers: 55 });
    expect(r.offeredLoad).toBeCloseTo(48, 12);
    expect(r.utilization).toBeCloseTo(48 / 55, 12);
    expect(r.probWait).toBeCloseTo(0.238700936378009, 12);
    expect(r.wq).toBeCloseTo(0.136400535073148, 12);
    expect(r.wq * 60).toBeCloseTo(8.18, 2);
    expect(r.waitCdf(0.25)).toBeCloseTo(0.84588309217058, 12);
    expect(r.p0).toBeCloseTo(1.31220633064733e-21, 33);
    expect(r.lq).toBeCloseTo(1.63680642087778, 11);
    expect(r.l).toBeCloseTo(49.6368064208778, 10);
  });
  it('call centre: one call a minute, 3-minute service, 5 agents (R: C 0.236151603498542, p0 0.0466472303206997)', () => {
    const r = mmc({ arrivalRate: 1, serviceRate: 1 / 3, servers: 5 });
    expect(r.probWait).toBeCloseTo(0.236151603498542, 12);
    expect(r.p0).toBeCloseTo(0.0466472303206997, 12);
    expect(r.lq).toBeCloseTo(0.354227405247813, 12);
    expect(r.w).toBeCloseTo(3.35422740524781, 11);
  });
  it('M/M/1 closed forms: p0 = 1 − ρ, C = ρ, Lq = ρ²/(1 − ρ), W = 1/(μ − λ), sojourn ~ Exp(μ − λ)', () => {
    const r = mmc({ arrivalRate: 40, serviceRate: 50, servers: 1 });
    expect(r.p0).toBeCloseTo(0.2, 14);
    expect(r.probWait).toBeCloseTo(0.8, 14);
    expect(r.lq).toBeCloseTo(3.2, 12);
    expect(r.w).toBeCloseTo(0.1, 14);
    expect(r.l).toBeCloseTo(4, 12);
    for (const p of [0.5, 0.9, 0.99]) expect(r.sojournQuantile(p)).toBeCloseTo(-Math.log(1 - p) / 10, 13);
    // The general convolution cdf (used for c > 1) must reduce to the exponential when c = 1.
    for (const t of [0.01, 0.1, 0.5]) expect(r.sojournCdf(t)).toBeCloseTo(1 - Math.exp(-10 * t), 13);
    // Wait: atom 1 − ρ at 0, then C·exp(−(μ − λ)t).
    expect(r.waitQuantile(0.2)).toBe(0);
    expect(r.waitQuantile(0.9)).toBeCloseTo(Math.log(0.8 / 0.1) / 10, 13);
  });
  it('M/M/2 closed forms (a = 1): C = 2ρ²/(1 + ρ) = 1/3, Lq = 2ρ³/(1 − ρ²) = 1/3, p0 = (1 − ρ)/(1 + ρ)', () => {
    const r = mmc({ arrivalRate: 1, serviceRate: 1, servers: 2 });
    expect(r.probWait).toBeCloseTo(1 / 3, 14);
    expect(r.lq).toBeCloseTo(1 / 3, 14);
    expect(r.p0).toBeCloseTo(1 / 3, 14);
    expect(r.w).toBeCloseTo(4 / 3, 14);
  });
  it('sojourn quantiles match R (uniroot on the integrated convolution), c = 4 and c = 55', () => {
    const r4 = mmc({ arrivalRate: 35, serviceRate: 10, servers: 4 });
    expect(r4.probWait).toBeCloseTo(0.737861094038107, 12);
    expect(r4.p0).toBeCloseTo(0.0147510755992624, 12);
    const ref4: [number, number][] = [
      [0.5, 0.18979895390963],
      [0.9, 0.533827064736297],
      [0.95, 0.674754808638063],
      [0.99, 0.99842520435097],
    ];
    for (const [p, q] of ref4) {
      expect(r4.sojournQuantile(p)).toBeCloseTo(q, 9);
      expect(r4.sojournCdf(q)).toBeCloseTo(p, 10);
    }
    const r55 = mmc({ arrivalRate: 12, serviceRate: 0.25, servers: 55 });
    const ref55: [number, number][] = [
      [0.5, 2.92674064226596],
      [0.9, 9.36639028370058],
      [0.95, 12.1389791251532],
      [0.99, 18.5767307767818],
    ];
    for (const [p, q] of ref55) expect(r55.sojournQuantile(p)).toBeCloseTo(q, 8);
  });
  it('sojourn when cμ − λ = μ (the Erlang-2 limit): R 0.0974411605189929 and 0.5665960683793', () => {
    const r = mmc({ arrivalRate: 10, serviceRate: 10, servers: 2 });
    expect(r.sojournQuantile(0.5)).toBeCloseTo(0.0974411605189929, 10);
    expect(r.sojournQuantile(0.99)).toBeCloseTo(0.5665960683793, 10);
  });
  it('wait quantiles: −log((1 − p)/C)/(cμ − λ) above the atom, as R', () => {
    const r4 = mmc({ arrivalRate: 35, serviceRate: 10, servers: 4 });
    expect(r4.waitQuantile(0.5)).toBeCloseTo(0.0778294978004431, 12);
    expect(r4.waitQuantile(0.99)).toBeCloseTo(0.860234098886072, 12);
    const r55 = mmc({ arrivalRate: 12, serviceRate: 0.25, servers: 55 });
    expect(r55.waitQuantile(0.5)).toBe(0);
    expect(r55.waitQuantile(0.95)).toBeCloseTo(0.893250543275777, 12);
    expect(r55.waitCdf(-1)).toBe(0);
    expect(r55.waitCdf(0)).toBeCloseTo(1 - r55.probWait, 14);
  });
  it('stays finite for many servers and for a tiny load', () => {
    const big = mmc({ arrivalRate: 950, serviceRate: 1, servers: 1000 });
    expect(big.probWait).toBeGreaterThan(0);
    expect(big.probWait).toBeLessThan(1);
    expect(Number.isFinite(big.sojournQuantile(0.99))).toBe(true);
    // a = 0.01, c = 100: Erlang C underflows but p0 = e^{−a} to machine precision.
    const tiny = mmc({ arrivalRate: 0.01, serviceRate: 1, servers: 100 });
    expect(tiny.p0).toBeCloseTo(Math.exp(-0.01), 14);
    expect(tiny.w).toBeCloseTo(1, 12);
  });
  it('rejects unstable and invalid inputs with messages that say what to do', () => {
    expect(() => mmc({ arrivalRate: 40, serviceRate: 10, servers: 4 })).toThrow(
      /unstable queue: arrivalRate 40 ≥ servers × serviceRate = 40 .*add servers \(at least 5\)/,
    );
    expect(() => mmc({ arrivalRate: 50, serviceRate: 10, servers: 1 })).toThrow(RangeError);
    expect(() => mmc({ arrivalRate: 0, serviceRate: 10, servers: 1 })).toThrow(/invalid arrivalRate: 0/);
    expect(() => mmc({ arrivalRate: 1, serviceRate: NaN, servers: 1 })).toThrow(/invalid serviceRate: NaN/);
    expect(() => mmc({ arrivalRate: 1, serviceRate: 10, servers: 1.5 })).toThrow(/invalid servers: 1.5/);
    const r = mmc({ arrivalRate: 1, serviceRate: 10, servers: 1 });
    expect(() => r.waitQuantile(1)).toThrow(/invalid p for waitQuantile: 1/);
    expect(() => r.sojournQuantile(-0.1)).toThrow(/invalid p for sojournQuantile/);
  });
});
