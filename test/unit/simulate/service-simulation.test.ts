import { describe, expect, it } from 'vitest';
import { mmc, simulateService } from 'dplab/simulate';

const rel = (x: number, ref: number): number => Math.abs(x / ref - 1);

// Parity with the M/M/c formulas (Gross et al., Fundamentals of Queueing Theory, §2.2–2.3). The run
// lengths were chosen from the spread over six seeds: at these lengths the standard deviation of the
// mean sojourn is ≈ 0.4 % (M/M/1, ρ = 0.5, 200k requests) and ≈ 0.6 % (M/M/4, ρ = 0.75, 750k), so 2 %
// is more than 3σ; quantiles and the mean wait (a rarer event) get the wider tolerances stated.
describe('simulateService against mmc', () => {
  it('M/M/1, λ = 5/s, μ = 10/s: means within 2 %', () => {
    const m = mmc({ arrivalRate: 5, serviceRate: 10, servers: 1 });
    const s = simulateService({
      arrivals: { kind: 'poisson', rate: 5 },
      service: { dist: 'exponential', mean: 0.1 },
      duration: 40_000,
      warmup: 50,
      seed: 11,
    });
    expect(rel(s.latency.mean, m.w)).toBeLessThan(0.02);
    expect(rel(s.meanInSystem, m.l)).toBeLessThan(0.02);
    expect(rel(s.utilization, m.utilization)).toBeLessThan(0.02);
    expect(rel(s.wait.probWait, m.probWait)).toBeLessThan(0.02);
    expect(rel(s.wait.mean, m.wq)).toBeLessThan(0.04);
    // Sojourn ~ Exp(μ − λ): p-quantile −log(1 − p)/5.
    expect(rel(s.latency.p50, Math.log(2) / 5)).toBeLessThan(0.03);
    expect(rel(s.latency.p95, -Math.log(0.05) / 5)).toBeLessThan(0.03);
    expect(rel(s.latency.p99, -Math.log(0.01) / 5)).toBeLessThan(0.05);
    expect(rel(s.throughput, 5)).toBeLessThan(0.02);
  });
  it('M/M/4, λ = 30/s, μ = 10/s: means within 2 %, quantiles against the exact sojourn cdf', () => {
    const m = mmc({ arrivalRate: 30, serviceRate: 10, servers: 4 });
    const s = simulateService({
      arrivals: { kind: 'poisson', rate: 30 },
      service: { dist: 'exponential', mean: 0.1 },
      replicas: 4,
      duration: 25_000,
      warmup: 50,
      seed: 3,
    });
    expect(rel(s.latency.mean, m.w)).toBeLessThan(0.02);
    expect(rel(s.meanInSystem, m.l)).toBeLessThan(0.02);
    expect(rel(s.utilization, m.utilization)).toBeLessThan(0.02);
    expect(rel(s.wait.probWait, m.probWait)).toBeLessThan(0.02);
    expect(rel(s.wait.mean, m.wq)).toBeLessThan(0.05);
    expect(rel(s.meanQueueLength, m.lq)).toBeLessThan(0.05);
    expect(rel(s.latency.p50, m.sojournQuantile(0.5))).toBeLessThan(0.03);
    expect(rel(s.latency.p95, m.sojournQuantile(0.95))).toBeLessThan(0.03);
    expect(rel(s.latency.p99, m.sojournQuantile(0.99))).toBeLessThan(0.05);
    expect(rel(s.wait.p95, m.waitQuantile(0.95))).toBeLessThan(0.06);
  });
});

describe('simulateService, other closed forms', () => {
  it('M/D/1 matches Pollaczek–Khinchine: Wq = λE[S²]/(2(1 − ρ)) = 0.05 s at λ = 5, S = 0.1', () => {
    const s = simulateService({
      arrivals: { kind: 'poisson', rate: 5 },
      service: { dist: 'constant', mean: 0.1 },
      duration: 40_000,
      warmup: 50,
      seed: 5,
    });
    expect(rel(s.wait.mean, 0.05)).toBeLessThan(0.03);
    expect(rel(s.latency.mean, 0.15)).toBeLessThan(0.02);
  });
  it('shedding at maxQueue = 5 is M/M/1/6: blocking (1 − ρ)ρ^6/(1 − ρ^7) = 0.1018665597 at ρ = 0.9 (R)', () => {
    const s = simulateService({
      arrivals: { kind: 'poisson', rate: 9 },
      service: { dist: 'exponential', mean: 0.1 },
      shedding: { maxQueue: 5 },
      duration: 20_000,
      warmup: 50,
      seed: 2,
    });
    expect(s.shedRate).toBeGreaterThan(0.1018665597 * 0.95);
    expect(s.shedRate).toBeLessThan(0.1018665597 * 1.05);
    expect(s.maxQueueLength).toBe(5);
    expect(s.failures.shed).toBe(s.failed);
  });
  it('a keyed TTL cache hits at Σ pₖ·λpₖT/(1 + λpₖT) (Jung, Berger & Balakrishnan 2003)', () => {
    const keys = 200;
    const ttl = 5;
    const rate = 50;
    const s = simulateService({
      arrivals: { kind: 'poisson', rate },
      service: { dist: 'exponential', mean: 0.001 },
      replicas: 4,
      cache: { keys, zipf: 0.8, ttl, hitTime: 0.0005 },
      duration: 2000,
      seed: 4,
    });
    const w = Array.from({ length: keys }, (_, k) => Math.pow(k + 1, -0.8));
    const total = w.reduce((a, b) => a + b, 0);
    const expected = w.reduce((acc, wk) => {
      const p = wk / total;
      return acc + (p * (rate * p * ttl)) / (1 + rate * p * ttl);
    }, 0);
    const cache = s.cache!;
    expect(rel(cache.hitRate, expected)).toBeLessThan(0.01);
    // An entry is at most ttl old when served.
    expect(cache.maxAge).toBeLessThan(ttl);
    expect(cache.meanAge).toBeGreaterThan(0);
  });
  it('independent backend errors with 2 retries fail with probability errorRate³', () => {
    const s = simulateService({
      arrivals: { kind: 'poisson', rate: 20 },
      service: { dist: 'exponential', mean: 0.01 },
      errorRate: 0.2,
      retries: 2,
      retryBackoff: 0.05,
      duration: 5000,
      seed: 8,
    });
    expect(rel(s.errorRate, 0.008)).toBeLessThan(0.1); // 100k requests: sd of the count ≈ 3.5 %
    expect(rel(s.backendErrorRate, 0.2)).toBeLessThan(0.02);
    expect(s.retries).toBe(s.attempts - s.requests);
  });
  it('MMPP traffic arrives at the stationary mean Σπᵢλᵢ = 0.8·10 + 0.2·100 = 28/s', () => {
    // Leaving rates 1 and 4: π = (0.8, 0.2). The time-average share of state 1 has asymptotic variance
    // 2π₀π₁/(q₀ + q₁) per second = 0.064, so over 20 000 s the mean rate's sd is ≈ 90·0.0018 = 0.16/s
    // (0.6 %); 2 % is more than 3σ.
    const s = simulateService({
      arrivals: { kind: 'mmpp', rates: [10, 100], switchRates: [1, 4] },
      service: { dist: 'exponential', mean: 0.001 },
      replicas: 2,
      duration: 20_000,
      seed: 6,
    });
    expect(s.meanArrivalRate).toBeCloseTo(28, 12);
    expect(rel(s.offeredRate, 28)).toBeLessThan(0.02);
  });
  it('MMPP traffic is bursty: short intervals run near 100/s and near 10/s; a generator matrix works too', () => {
    const s = simulateService({
      arrivals: {
        kind: 'mmpp',
        rates: [10, 100, 40],
        switchRates: [
          [0, 0.2, 0.1],
          [0.5, 0, 0.5],
          [0.2, 0.2, 0],
        ],
      },
      service: { dist: 'exponential', mean: 0.001 },
      duration: 300,
      sampleInterval: 0.5,
      seed: 6,
    });
    const rates = s.series.slice(1).map((p) => p.arrivalRate);
    expect(Math.max(...rates)).toBeGreaterThan(70);
    expect(Math.min(...rates)).toBeLessThan(20);
    // Stationary law of that generator by hand, with π₀ = 1 before normalising: balance of state 2,
    // 0.4π₂ = 0.1π₀ + 0.5π₁, gives π₂ = 0.25 + 1.25π₁; balance of state 1, π₁ = 0.2π₀ + 0.2π₂, then
    // gives π₁ = 1/3 and π₂ = 2/3, so π = (0.5, 1/6, 1/3) and Σπᵢλᵢ = 5 + 16.67 + 13.33 = 35/s.
    expect(s.meanArrivalRate).toBeCloseTo(35, 12);
  });
});

describe('simulateService mechanics', () => {
  it('replayed arrivals, constant service, timeouts and retries follow the hand-worked timeline', () => {
    // Three requests at t = 0 on one replica, service 1 s, timeout 1.5 s, no retries:
    // #1 served 0–1 (latency 1); #2 served 1–2 but its client gives up at 1.5 (in service: wasted);
    // #3 still waiting at 1.5 leaves the line. The replica's 2 s of work: 1 s wasted.
    const s = simulateService({
      arrivals: { kind: 'replay', times: [0, 0, 0] },
      service: { dist: 'constant', mean: 1 },
      timeout: 1.5,
      duration: 1,
      sampleInterval: 0.5,
    });
    expect(s.requests).toBe(3);
    expect(s.succeeded).toBe(1);
    expect(s.failures).toEqual({ timeout: 2, shed: 0, error: 0 });
    expect(s.latency.max).toBe(1);
    expect(s.wastedWork).toBeCloseTo(0.5, 12);
    expect(s.series.map((p) => [p.t, p.queued, p.busy])).toEqual([
      [0, 0, 0],
      [0.5, 2, 1],
      [1, 1, 1],
    ]);
    // With one retry, no backoff and timeout 1.6: at 1.6 #2 (in service) and #3 (waiting) give up and
    // retry at once, #2 first. #2's retry starts at 2 when the wasted attempt ends and finishes at 3
    // (latency 3, before its deadline 3.2); #3's retry starts at 3, is still in service at 3.2, and
    // fails. Wasted: 1–2 and 3–4, half of the 4 s of work.
    const r = simulateService({
      arrivals: { kind: 'replay', times: [0, 0, 0] },
      service: { dist: 'constant', mean: 1 },
      timeout: 1.6,
      retries: 1,
      retryBackoff: 0,
      duration: 1,
    });
    expect(r.attempts).toBe(5);
    expect(r.retries).toBe(2);
    expect(Array.from(r.latencies)).toEqual([1, 3]);
    expect(r.failures).toEqual({ timeout: 1, shed: 0, error: 0 });
    expect(r.timeoutRate).toBeCloseTo(3 / 5, 12);
    expect(r.wastedWork).toBeCloseTo(0.5, 12);
  });
  it('instanceSpeed 2 is the same run as halving the mean service time', () => {
    const base = { arrivals: { kind: 'poisson', rate: 30 }, replicas: 2, duration: 200, seed: 9 } as const;
    const a = simulateService({
      ...base,
      service: { dist: 'lognormal', mean: 0.06, cv: 2 },
      instanceSpeed: 2,
    });
    const b = simulateService({ ...base, service: { dist: 'lognormal', mean: 0.03, cv: 2 } });
    expect(a.latency.mean).toBeCloseTo(b.latency.mean, 12);
    expect(a.latency.p99).toBeCloseTo(b.latency.p99, 12);
    expect(a.succeeded).toBe(b.succeeded);
  });
  it('common random numbers: more replicas see the same traffic and a shorter mean wait; same seed, same result', () => {
    const run = (replicas: number) =>
      simulateService({
        arrivals: { kind: 'poisson', rate: 50 },
        service: { dist: 'gamma', mean: 0.05, cv: 0.5 },
        replicas,
        costPerReplicaHour: 0.2,
        duration: 300,
        seed: 12,
      });
    const r3 = run(3);
    const r4 = run(4);
    expect(r4.requests).toBe(r3.requests);
    expect(r4.wait.mean).toBeLessThan(r3.wait.mean);
    expect(r3.costPerHour).toBeCloseTo(0.6, 12);
    expect(r4.costPerHour).toBeCloseTo(0.8, 12);
    expect(r4.costPer1000).toBeCloseTo((0.8 / (r4.throughput * 3600)) * 1000, 12);
    expect(run(3)).toEqual(r3);
  });
  it('async queue: workers are the servers, capacity rejects, cost counts replicas and workers', () => {
    const s = simulateService({
      arrivals: { kind: 'poisson', rate: 40 },
      service: { dist: 'exponential', mean: 0.1 },
      replicas: 2,
      queue: { workers: 3, capacity: 20, costPerWorkerHour: 0.05 },
      costPerReplicaHour: 0.1,
      duration: 600,
      seed: 1,
    });
    expect(s.mode).toBe('async');
    expect(s.servers).toBe(3);
    // Offered 4 erlangs to 3 workers: the queue fills and about a quarter of the jobs are refused.
    expect(s.shedRate).toBeGreaterThan(0.2);
    expect(s.maxQueueLength).toBe(20);
    expect(s.utilization).toBeGreaterThan(0.95);
    expect(s.costPerHour).toBeCloseTo(2 * 0.1 + 3 * 0.05, 12);
  });
  it('runs a lesson-sized load (10 min at 50 req/s, ~30k requests) with every feature on', () => {
    const options = {
      arrivals: { kind: 'poisson', rate: 50 },
      service: { dist: 'lognormal', mean: 0.05, cv: 1.5 },
      replicas: 4,
      cache: { hitRate: 0.3 },
      timeout: 1,
      retries: 2,
      shedding: { maxQueue: 100 },
      duration: 600,
    } as const;
    // Its time (target ≤ 200 ms) is measured by `npm run bench` (test/bench/lesson-compute.ts), not here.
    const s = simulateService(options);
    expect(s.requests).toBeGreaterThan(29_000);
    expect(s.series.length).toBe(201);
  });
  it('rejects bad options naming the option and the allowed values', () => {
    const arrivals = { kind: 'poisson', rate: 10 } as const;
    expect(() => simulateService({ arrivals, replicas: 0 })).toThrow(/invalid replicas: 0 .*integer ≥ 1/);
    expect(() => simulateService({ arrivals, instanceSpeed: -1 })).toThrow(/invalid instanceSpeed: -1/);
    expect(() => simulateService({ arrivals: { kind: 'poisson', rate: 0 } })).toThrow(
      /invalid arrivals.rate: 0/,
    );
    expect(() => simulateService({ arrivals: { kind: 'burst' } as never })).toThrow(
      /invalid arrivals.kind: burst \(one of poisson, mmpp, replay\)/,
    );
    expect(() => simulateService({ arrivals: { kind: 'replay', times: [1, 0] } })).toThrow(/sort the times/);
    expect(() => simulateService({ arrivals: { kind: 'mmpp', rates: [1, 2], switchRates: [1, 0] } })).toThrow(
      /invalid arrivals.switchRates\[1\]: 0/,
    );
    expect(() => simulateService({ arrivals, service: { dist: 'weibull', mean: 1 } as never })).toThrow(
      /invalid service.dist: weibull \(one of exponential, constant, lognormal, gamma, empirical\)/,
    );
    expect(() => simulateService({ arrivals, service: { dist: 'lognormal', mean: 1, cv: 0 } })).toThrow(
      /invalid service.cv: 0/,
    );
    expect(() => simulateService({ arrivals, cache: { hitRate: 0.5, keys: 10 } })).toThrow(/exactly one of/);
    expect(() => simulateService({ arrivals, cache: { hitRate: 1.5 } })).toThrow(
      /invalid cache.hitRate: 1.5/,
    );
    expect(() => simulateService({ arrivals, cache: { hitRate: 0.5, ttl: 10 } })).toThrow(/a TTL needs keys/);
    expect(() => simulateService({ arrivals, timeout: 0 })).toThrow(/invalid timeout: 0/);
    expect(() => simulateService({ arrivals, retries: 1.5 })).toThrow(/invalid retries: 1.5/);
    expect(() => simulateService({ arrivals, shedding: { maxQueue: -1 } })).toThrow(
      /invalid shedding.maxQueue/,
    );
    expect(() => simulateService({ arrivals, queue: { workers: 0 } })).toThrow(/invalid queue.workers: 0/);
    expect(() => simulateService({ arrivals, duration: 10, warmup: 10 })).toThrow(/invalid warmup: 10/);
    expect(() => simulateService({ arrivals, errorRate: 2 })).toThrow(/invalid errorRate: 2/);
    expect(() => simulateService({} as never)).toThrow(/arrivals is missing/);
  });
});
