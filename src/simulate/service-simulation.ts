/**
 * A discrete-event simulation of a data product served behind an API: requests arrive (steady, bursty
 * or replayed), may be answered from a cache, else wait in one first-come-first-served line for a pool of
 * identical servers (replicas, or the workers of an asynchronous queue), and may time out, be shed when
 * the line is long, fail, and be retried with exponential backoff.
 *
 * The event loop is the next-event time advance of Law (*Simulation Modeling and Analysis*, 5th ed.,
 * 2015, §1.3) over a binary heap ({@link EventHeap}). Every random stream is seeded from `seed`, and the
 * arrivals, service times, cache keys and retry jitter use separate streams, so two configurations run
 * with the same seed see the same traffic (common random numbers, Law §11.2): comparing 2 against 3
 * replicas then shows the effect of the replicas, not of different luck.
 *
 * With Poisson arrivals, exponential service, no cache, timeout, shedding or retries, the model is the
 * M/M/c queue of {@link mmc}; the tests check it against those formulas.
 *
 * Time-based statistics (utilisation, queue lengths, throughput) cover the window [warmup, duration];
 * per-request statistics cover the requests that first arrived in it, followed to their end (the run
 * continues after `duration` until every such request has finished, so nothing is censored).
 */
import { SeededRandom } from '../stats/random.ts';
import { arrivalProcess, type ArrivalSpec } from './arrivals.ts';
import { EventHeap } from './event-heap.ts';
import { serviceTimeSampler, type ServiceTimeSpec } from './service-time.ts';

/** A cache in front of the servers. Give `hitRate` (a fixed chance) or `keys` (a keyed TTL cache). */
export interface ServiceCacheOptions {
  /** Fixed probability that a request is a hit, in [0, 1]. Hits then carry no age. */
  hitRate?: number;
  /**
   * Number of distinct keys, an integer ≥ 1: each request asks for key k with Zipf probability ∝ 1/k^zipf;
   * a hit needs an entry written by an earlier successful backend response less than `ttl` ago. The hit
   * rate then follows from popularity and TTL (for Poisson traffic at rate λ a key of probability p hits
   * with chance λpT/(1 + λpT), the TTL-cache renewal argument of Jung, Berger & Balakrishnan, "Modeling
   * TTL-based Internet caches", INFOCOM 2003).
   */
  keys?: number;
  /** Zipf exponent of key popularity, ≥ 0 (0 = uniform). Default 1. */
  zipf?: number;
  /** Seconds an entry stays valid after it is written, > 0. Default Infinity (never expires). */
  ttl?: number;
  /** Seconds a hit takes to answer, ≥ 0 and below `timeout`. Default 0.001. */
  hitTime?: number;
}

/** An asynchronous job queue: requests are accepted into a queue and done by `workers`. */
export interface ServiceQueueOptions {
  /** Number of workers taking jobs, an integer ≥ 1 (they replace the replicas as the servers). */
  workers: number;
  /** Most jobs waiting (not in progress), an integer ≥ 0; further submissions are rejected. Default Infinity. */
  capacity?: number;
  /** Price of one worker for an hour. Default: `costPerReplicaHour`. */
  costPerWorkerHour?: number;
}

/** Options of {@link simulateService}. Times are in seconds, rates per second. */
export interface ServiceSimulationOptions {
  arrivals: ArrivalSpec;
  /** Service time of one backend call at instanceSpeed 1. Default `{ dist: 'exponential', mean: 0.05 }`. */
  service?: ServiceTimeSpec;
  /** Number of replicas serving requests side by side (horizontal scaling), an integer ≥ 1. Default 1. */
  replicas?: number;
  /** Vertical scaling: each service time is divided by this factor, > 0. Default 1. */
  instanceSpeed?: number;
  /** Probability that a backend call fails after its service time (a 5xx), in [0, 1]. Default 0. */
  errorRate?: number;
  cache?: ServiceCacheOptions;
  /**
   * Serve through an asynchronous queue with workers. The API's replicas only accept jobs (not modelled
   * as a bottleneck); latency is then the time until the job's result is ready. Default: none (synchronous).
   */
  queue?: ServiceQueueOptions;
  /**
   * Seconds the client waits for one attempt (with `queue`: a job's deadline), > 0. A request still
   * waiting at its deadline leaves the line; one already in service keeps its server busy until it ends,
   * and the result is discarded (counted in `wastedWork`). Default Infinity.
   */
  timeout?: number;
  /** Further attempts after a timeout, a shed or an error, an integer ≥ 0. Default 0. */
  retries?: number;
  /**
   * Base of the exponential backoff, seconds ≥ 0: retry k waits a uniform time in [0, base·2^(k−1)]
   * ("full jitter", Brooker, "Exponential backoff and jitter", AWS Architecture Blog, 2015). Default 0.1.
   */
  retryBackoff?: number;
  /** Load shedding: a request finding `maxQueue` (an integer ≥ 0) or more waiting is refused at once. */
  shedding?: { maxQueue: number };
  /** Price of one replica (of the chosen instance size) for an hour. Default 0.1. */
  costPerReplicaHour?: number;
  /** Seconds of simulated traffic, > warmup. Default 600 (for replay: the last arrival time). */
  duration?: number;
  /** Seconds at the start left out of the statistics (the transient from an empty system), ≥ 0. Default 0. */
  warmup?: number;
  /** Seconds between points of `series`, > 0. Default duration / 200. */
  sampleInterval?: number;
  /** Seed of every random stream. Default 1. */
  seed?: number;
}

export const serviceSimulationDefaults = {
  service: { dist: 'exponential', mean: 0.05 },
  replicas: 1,
  instanceSpeed: 1,
  errorRate: 0,
  timeout: Infinity,
  retries: 0,
  retryBackoff: 0.1,
  costPerReplicaHour: 0.1,
  duration: 600,
  warmup: 0,
  seed: 1,
  cache: { zipf: 1, ttl: Infinity, hitTime: 0.001 },
} as const;

/** Summary of a sample of durations (seconds); NaN when it is empty. Quantiles are type 7 (R's default). */
export interface DurationSummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One point of the sampled time series (state at time `t`; `arrivalRate` over the interval ending at `t`). */
export interface ServiceSeriesPoint {
  t: number;
  /** Requests waiting for a server. */
  queued: number;
  /** Servers busy. */
  busy: number;
  /** New requests per second over the preceding interval. */
  arrivalRate: number;
}

export interface ServiceSimulationResult {
  mode: 'sync' | 'async';
  /** Servers in the pool: replicas (sync) or workers (async). */
  servers: number;
  window: { start: number; end: number };
  /** New requests per second in the window, and the arrival process's long-run mean (NaN for replay). */
  offeredRate: number;
  meanArrivalRate: number;
  /** Requests that first arrived in the window, and what became of them. */
  requests: number;
  succeeded: number;
  failed: number;
  /** failed / requests. */
  errorRate: number;
  /** Failed requests by the cause of their last attempt. */
  failures: { timeout: number; shed: number; error: number };
  /** Attempts made by those requests (first tries plus retries), and the retries among them. */
  attempts: number;
  retries: number;
  /** Share of attempts that timed out, were shed, or failed in the backend. */
  timeoutRate: number;
  shedRate: number;
  backendErrorRate: number;
  /** Successful requests per second completed in the window. */
  throughput: number;
  /** From a request's first arrival to its successful response (retries included). */
  latency: DurationSummary;
  /** The sorted latencies of the successful requests (for histograms and other quantiles). */
  latencies: Float64Array;
  /** Time from an attempt's arrival to the start of its service, for attempts that reached a server. */
  wait: DurationSummary & { probWait: number };
  /** Cache outcome (null without a cache). Ages: seconds since the served entry was written (staleness). */
  cache: {
    hits: number;
    lookups: number;
    hitRate: number;
    meanAge: number;
    p95Age: number;
    maxAge: number;
  } | null;
  /** Time-average share of the servers that are busy. */
  utilization: number;
  /** Time-average and largest number waiting; time-average number in service or waiting. */
  meanQueueLength: number;
  maxQueueLength: number;
  meanInSystem: number;
  /** Share of busy server time spent on attempts whose client had already given up. */
  wastedWork: number;
  series: ServiceSeriesPoint[];
  /** Price of the pool for an hour, and per 1000 successful requests at the measured throughput. */
  costPerHour: number;
  costPer1000: number;
  /** Events the loop processed (a measure of the run's size). */
  events: number;
}

// Event kinds, packed into the heap's payload as kind + 8·index.
const ARRIVAL = 0;
const ATTEMPT = 1;
const DEPARTURE = 2;
const DEADLINE = 3;
const SAMPLE = 4;

// Attempt states.
const WAITING = 0;
const IN_SERVICE = 1;
const FINISHED = 2;
const ABANDONED = 3;

/** Runs the simulation; see {@link ServiceSimulationOptions} for the model and its defaults. */
export function simulateService(options: ServiceSimulationOptions): ServiceSimulationResult {
  const o = checkOptions(options);
  const seed = o.seed;
  const arrivalsRng = new SeededRandom(seed);
  const serviceRng = new SeededRandom(seed + 1_000_003);
  const cacheRng = new SeededRandom(seed + 2_000_006);
  const retryRng = new SeededRandom(seed + 3_000_009);
  const process = arrivalProcess(o.arrivals, arrivalsRng);
  const sampler = serviceTimeSampler(o.service);
  const { servers, duration, warmup, timeout, retries, retryBackoff, instanceSpeed, errorRate } = o;
  const windowLength = duration - warmup;

  // Cache state.
  const cache = o.cache;
  let zipfCdf: Float64Array | null = null;
  let writtenAt: Float64Array | null = null;
  if (cache !== null && cache.keys !== undefined) {
    zipfCdf = new Float64Array(cache.keys);
    let acc = 0;
    for (let k = 0; k < cache.keys; k++) zipfCdf[k] = acc += Math.pow(k + 1, -cache.zipf);
    for (let k = 0; k < cache.keys; k++) zipfCdf[k] /= acc;
    writtenAt = new Float64Array(cache.keys).fill(-Infinity);
  }
  const drawKey = (): number => {
    const cdf = zipfCdf as Float64Array;
    const u = cacheRng.uniform();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  // Requests (by index): first arrival, key, attempts so far, whether counted, outcome.
  const reqArrival: number[] = [];
  const reqKey: number[] = [];
  const reqTries: number[] = [];
  // Attempts (by index): request, start, service start, state.
  const attReq: number[] = [];
  const attStart: number[] = [];
  const attServiceStart: number[] = [];
  const attState: number[] = [];

  const line: number[] = [];
  let lineHead = 0;
  let queued = 0;
  let busy = 0;

  // Statistics.
  let requests = 0;
  let succeeded = 0;
  let failedTimeout = 0;
  let failedShed = 0;
  let failedError = 0;
  let attempts = 0;
  let retryCount = 0;
  let timeouts = 0;
  let sheds = 0;
  let backendErrors = 0;
  let completedInWindow = 0;
  const latencies: number[] = [];
  const waits: number[] = [];
  let waitedPositive = 0;
  let cacheLookups = 0;
  let cacheHits = 0;
  const ages: number[] = [];
  let busyArea = 0;
  let queueArea = 0;
  let maxQueue = 0;
  let wastedBusy = 0;
  let totalBusy = 0;
  let lastT = 0;
  let arrivalsSinceSample = 0;
  const series: ServiceSeriesPoint[] = [];

  const inWindow = (t: number): boolean => t >= warmup && t <= duration;
  // Accumulate the areas under busy(t) and queued(t) over [warmup, duration] up to time t.
  const advance = (t: number): void => {
    const a = Math.max(lastT, warmup);
    const b = Math.min(t, duration);
    if (b > a) {
      busyArea += busy * (b - a);
      queueArea += queued * (b - a);
    }
    lastT = t;
  };

  const heap = new EventHeap();
  let events = 0;
  // The sample at 0 goes first, so the series starts from the empty system.
  heap.push(0, SAMPLE);
  const firstArrival = process.next();
  if (firstArrival <= duration) heap.push(firstArrival, ARRIVAL);

  const finishRequest = (r: number, t: number, cause: 'ok' | 'timeout' | 'shed' | 'error'): void => {
    const counted = inWindow(reqArrival[r]);
    if (cause === 'ok') {
      if (t >= warmup && t <= duration) completedInWindow++;
      if (!counted) return;
      succeeded++;
      latencies.push(t - reqArrival[r]);
      return;
    }
    if (reqTries[r] <= retries) {
      // Retry k (k = 1, 2, …) after a uniform wait in [0, base·2^(k−1)].
      const k = reqTries[r];
      const delay = retryBackoff * Math.pow(2, k - 1) * retryRng.uniform();
      heap.push(t + delay, ATTEMPT + 8 * r);
      return;
    }
    if (!counted) return;
    if (cause === 'timeout') failedTimeout++;
    else if (cause === 'shed') failedShed++;
    else failedError++;
  };

  const startService = (a: number, t: number): void => {
    attState[a] = IN_SERVICE;
    attServiceStart[a] = t;
    busy++;
    const s = sampler.sample(serviceRng) / instanceSpeed;
    heap.push(t + s, DEPARTURE + 8 * a);
    if (inWindow(attStart[a])) {
      const w = t - attStart[a];
      waits.push(w);
      if (w > 0) waitedPositive++;
    }
  };

  const startAttempt = (r: number, t: number): void => {
    reqTries[r]++;
    const counted = inWindow(reqArrival[r]);
    if (counted) {
      attempts++;
      if (reqTries[r] > 1) retryCount++;
    }
    if (cache !== null) {
      if (counted) cacheLookups++;
      let hit: boolean;
      let age = NaN;
      if (writtenAt !== null) {
        age = t - writtenAt[reqKey[r]];
        hit = age < cache.ttl;
      } else {
        hit = cacheRng.uniform() < (cache.hitRate as number);
      }
      if (hit) {
        if (counted) {
          cacheHits++;
          if (!Number.isNaN(age)) ages.push(age);
        }
        finishRequest(r, t + cache.hitTime, 'ok');
        return;
      }
    }
    if (queued >= o.maxWaiting && busy >= servers) {
      if (counted) sheds++;
      finishRequest(r, t, 'shed');
      return;
    }
    const a = attReq.length;
    attReq.push(r);
    attStart.push(t);
    attServiceStart.push(NaN);
    attState.push(WAITING);
    if (timeout < Infinity) heap.push(t + timeout, DEADLINE + 8 * a);
    if (busy < servers) {
      startService(a, t);
    } else {
      line.push(a);
      queued++;
      if (inWindow(t) && queued > maxQueue) maxQueue = queued;
    }
  };

  const nextFromLine = (t: number): void => {
    while (lineHead < line.length) {
      const a = line[lineHead++];
      if (attState[a] !== WAITING) continue;
      queued--;
      startService(a, t);
      break;
    }
    if (lineHead > 4096 && lineHead * 2 > line.length) {
      line.splice(0, lineHead);
      lineHead = 0;
    }
  };

  while (heap.size > 0) {
    const t = heap.peekTime();
    const payload = heap.pop();
    events++;
    advance(t);
    const kind = payload % 8;
    const index = (payload - kind) / 8;
    if (kind === ARRIVAL) {
      const r = reqArrival.length;
      reqArrival.push(t);
      reqKey.push(zipfCdf !== null ? drawKey() : -1);
      reqTries.push(0);
      arrivalsSinceSample++;
      if (inWindow(t)) requests++;
      startAttempt(r, t);
      const next = process.next();
      if (next <= duration) heap.push(next, ARRIVAL);
    } else if (kind === ATTEMPT) {
      startAttempt(index, t);
    } else if (kind === DEPARTURE) {
      const a = index;
      busy--;
      const serviceTime = t - attServiceStart[a];
      totalBusy += serviceTime;
      const r = attReq[a];
      if (attState[a] === ABANDONED) {
        wastedBusy += serviceTime;
      } else {
        attState[a] = FINISHED;
        if (errorRate > 0 && serviceRng.uniform() < errorRate) {
          if (inWindow(reqArrival[r])) backendErrors++;
          finishRequest(r, t, 'error');
        } else {
          if (writtenAt !== null) writtenAt[reqKey[r]] = t;
          finishRequest(r, t, 'ok');
        }
      }
      nextFromLine(t);
    } else if (kind === DEADLINE) {
      const a = index;
      const state = attState[a];
      if (state === WAITING || state === IN_SERVICE) {
        if (state === WAITING) queued--;
        attState[a] = ABANDONED;
        const r = attReq[a];
        if (inWindow(reqArrival[r])) timeouts++;
        finishRequest(r, t, 'timeout');
      }
    } else {
      const interval = o.sampleInterval;
      series.push({ t, queued, busy, arrivalRate: t > 0 ? arrivalsSinceSample / interval : 0 });
      arrivalsSinceSample = 0;
      const next = t + interval;
      if (next <= duration * (1 + 1e-12)) heap.push(next, SAMPLE);
    }
  }

  const sortedLatencies = Float64Array.from(latencies).sort();
  const sortedWaits = Float64Array.from(waits).sort();
  const costPerHour =
    o.mode === 'async'
      ? o.replicas * o.costPerReplicaHour + servers * o.costPerWorkerHour
      : servers * o.costPerReplicaHour;
  const throughput = completedInWindow / windowLength;
  const failed = failedTimeout + failedShed + failedError;
  const perAttempt = (x: number): number => (attempts > 0 ? x / attempts : NaN);
  let cacheResult: ServiceSimulationResult['cache'] = null;
  if (cache !== null) {
    const sortedAges = Float64Array.from(ages).sort();
    const ageSummary = summarize(sortedAges);
    cacheResult = {
      hits: cacheHits,
      lookups: cacheLookups,
      hitRate: cacheLookups > 0 ? cacheHits / cacheLookups : NaN,
      meanAge: ageSummary.mean,
      p95Age: ageSummary.p95,
      maxAge: ageSummary.max,
    };
  }
  return {
    mode: o.mode,
    servers,
    window: { start: warmup, end: duration },
    offeredRate: requests / windowLength,
    meanArrivalRate: process.meanRate,
    requests,
    succeeded,
    failed,
    errorRate: requests > 0 ? failed / requests : NaN,
    failures: { timeout: failedTimeout, shed: failedShed, error: failedError },
    attempts,
    retries: retryCount,
    timeoutRate: perAttempt(timeouts),
    shedRate: perAttempt(sheds),
    backendErrorRate: perAttempt(backendErrors),
    throughput,
    latency: summarize(sortedLatencies),
    latencies: sortedLatencies,
    wait: { ...summarize(sortedWaits), probWait: waits.length > 0 ? waitedPositive / waits.length : NaN },
    cache: cacheResult,
    utilization: busyArea / (servers * windowLength),
    meanQueueLength: queueArea / windowLength,
    maxQueueLength: maxQueue,
    meanInSystem: (queueArea + busyArea) / windowLength,
    wastedWork: totalBusy > 0 ? wastedBusy / totalBusy : 0,
    series,
    costPerHour,
    costPer1000: throughput > 0 ? (costPerHour / (throughput * 3600)) * 1000 : NaN,
    events,
  };
}

/** Type-7 quantile (R's default) of sorted values. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function summarize(sorted: Float64Array): DurationSummary {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return {
    count: n,
    mean: n > 0 ? sum / n : NaN,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: n > 0 ? sorted[n - 1] : NaN,
  };
}

interface CheckedOptions {
  mode: 'sync' | 'async';
  arrivals: ArrivalSpec;
  service: ServiceTimeSpec;
  servers: number;
  replicas: number;
  instanceSpeed: number;
  errorRate: number;
  cache:
    | (Required<Omit<ServiceCacheOptions, 'hitRate' | 'keys'>> &
        Pick<ServiceCacheOptions, 'hitRate' | 'keys'>)
    | null;
  timeout: number;
  retries: number;
  retryBackoff: number;
  maxWaiting: number;
  costPerReplicaHour: number;
  costPerWorkerHour: number;
  duration: number;
  warmup: number;
  sampleInterval: number;
  seed: number;
}

function checkOptions(options: ServiceSimulationOptions): CheckedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError("simulateService needs options such as { arrivals: { kind: 'poisson', rate: 50 } }");
  }
  const d = serviceSimulationDefaults;
  if (options.arrivals === undefined) {
    throw new TypeError("arrivals is missing: give e.g. { kind: 'poisson', rate: 50 } (requests per second)");
  }
  const positive = (v: number, name: string, what: string): number => {
    if (!(v > 0) || Number.isNaN(v)) throw new RangeError(`invalid ${name}: ${v} (${what}, > 0)`);
    return v;
  };
  const nonNegative = (v: number, name: string, what: string): number => {
    if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`invalid ${name}: ${v} (${what}, finite, ≥ 0)`);
    return v;
  };
  const integer = (v: number, name: string, min: number, what: string): number => {
    if (!Number.isInteger(v) || v < min)
      throw new RangeError(`invalid ${name}: ${v} (${what}, an integer ≥ ${min})`);
    return v;
  };
  const probability = (v: number, name: string): number => {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`invalid ${name}: ${v} (a probability in [0, 1])`);
    return v;
  };
  const replicas = integer(options.replicas ?? d.replicas, 'replicas', 1, 'number of replicas');
  const instanceSpeed = positive(
    options.instanceSpeed ?? d.instanceSpeed,
    'instanceSpeed',
    'speed factor dividing service times',
  );
  if (!Number.isFinite(instanceSpeed))
    throw new RangeError(`invalid instanceSpeed: ${instanceSpeed} (must be finite)`);
  const errorRate = probability(options.errorRate ?? d.errorRate, 'errorRate');
  const timeout = positive(options.timeout ?? d.timeout, 'timeout', 'seconds a client waits per attempt');
  const retries = integer(options.retries ?? d.retries, 'retries', 0, 'further attempts per request');
  const retryBackoff = nonNegative(options.retryBackoff ?? d.retryBackoff, 'retryBackoff', 'seconds');
  const costPerReplicaHour = nonNegative(
    options.costPerReplicaHour ?? d.costPerReplicaHour,
    'costPerReplicaHour',
    'a price',
  );
  const seed = options.seed ?? d.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed} (must be a finite number)`);

  let duration = options.duration;
  if (duration === undefined) {
    if (options.arrivals.kind === 'replay') {
      const times = options.arrivals.times;
      duration =
        times !== null && typeof times === 'object' && times.length > 0 ? Number(times[times.length - 1]) : 0;
      if (!(duration > 0)) duration = 1;
    } else {
      duration = d.duration;
    }
  }
  if (!(duration > 0 && Number.isFinite(duration))) {
    throw new RangeError(`invalid duration: ${duration} (seconds of simulated traffic, finite, > 0)`);
  }
  const warmup = nonNegative(options.warmup ?? d.warmup, 'warmup', 'seconds left out at the start');
  if (warmup >= duration) {
    throw new RangeError(`invalid warmup: ${warmup} (must be below duration = ${duration})`);
  }
  const sampleInterval = positive(
    options.sampleInterval ?? duration / 200,
    'sampleInterval',
    'seconds between series points',
  );
  if (sampleInterval > duration) {
    throw new RangeError(`invalid sampleInterval: ${sampleInterval} (at most duration = ${duration})`);
  }

  let maxWaiting = Infinity;
  if (options.shedding !== undefined) {
    maxWaiting = integer(options.shedding?.maxQueue, 'shedding.maxQueue', 0, 'most requests waiting');
  }
  let mode: 'sync' | 'async' = 'sync';
  let servers = replicas;
  let costPerWorkerHour = costPerReplicaHour;
  if (options.queue !== undefined) {
    const q = options.queue;
    if (typeof q !== 'object' || q === null)
      throw new TypeError('queue must be an object { workers, capacity? }');
    mode = 'async';
    servers = integer(q.workers, 'queue.workers', 1, 'number of workers');
    if (q.capacity !== undefined && q.capacity !== Infinity) {
      maxWaiting = Math.min(maxWaiting, integer(q.capacity, 'queue.capacity', 0, 'most jobs waiting'));
    }
    costPerWorkerHour = nonNegative(
      q.costPerWorkerHour ?? costPerReplicaHour,
      'queue.costPerWorkerHour',
      'a price',
    );
  }

  let cache: CheckedOptions['cache'] = null;
  if (options.cache !== undefined) {
    const c = options.cache;
    if (typeof c !== 'object' || c === null)
      throw new TypeError('cache must be an object { hitRate } or { keys, ttl }');
    if ((c.hitRate === undefined) === (c.keys === undefined)) {
      throw new RangeError(
        'invalid cache: give exactly one of cache.hitRate (a fixed hit chance) or cache.keys (a keyed TTL cache)',
      );
    }
    const hitTime = nonNegative(c.hitTime ?? d.cache.hitTime, 'cache.hitTime', 'seconds a hit takes');
    if (hitTime >= timeout)
      throw new RangeError(`invalid cache.hitTime: ${hitTime} (must be below timeout = ${timeout})`);
    cache = {
      hitRate: c.hitRate === undefined ? undefined : probability(c.hitRate, 'cache.hitRate'),
      keys: c.keys === undefined ? undefined : integer(c.keys, 'cache.keys', 1, 'number of distinct keys'),
      zipf: nonNegative(c.zipf ?? d.cache.zipf, 'cache.zipf', 'Zipf exponent'),
      ttl: positive(c.ttl ?? d.cache.ttl, 'cache.ttl', 'seconds an entry stays valid'),
      hitTime,
    };
    if (c.hitRate !== undefined && c.ttl !== undefined) {
      throw new RangeError(
        'invalid cache.ttl: a TTL needs keys (cache.keys); with a fixed cache.hitRate there are no entries to expire',
      );
    }
  }
  // Validate the service and arrival specs up front so that errors name the option before any run.
  serviceTimeSampler(options.service ?? d.service);
  return {
    mode,
    arrivals: options.arrivals,
    service: options.service ?? d.service,
    servers,
    replicas,
    instanceSpeed,
    errorRate,
    cache,
    timeout,
    retries,
    retryBackoff,
    maxWaiting,
    costPerReplicaHour,
    costPerWorkerHour,
    duration,
    warmup,
    sampleInterval,
    seed,
  };
}
