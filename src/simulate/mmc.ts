/**
 * The M/M/c queue in steady state: Poisson arrivals at rate λ, exponential service at rate μ per server,
 * c identical servers, one first-come-first-served line with unlimited room and no abandonment.
 *
 * - Erlang C, the probability that an arrival waits, from the Erlang B recursion
 *   B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)) and C = B / (1 − ρ(1 − B)), which never forms a^c or c!
 *   and so stays finite for thousands of servers (Gross, Shortle, Thompson & Harris, *Fundamentals of
 *   Queueing Theory*, 4th ed., 2008, §2.3; Kleinrock, *Queueing Systems* vol. 1, 1975, §3.5).
 * - Little's law links the means: Lq = λ·Wq, L = λ·W.
 * - The wait Wq has an atom 1 − C at 0 and, given that it is positive, is exponential with rate cμ − λ,
 *   so its quantiles are closed-form. The sojourn T = Wq + S (S the arrival's own exponential service)
 *   is exponential only when c = 1 (rate μ − λ); otherwise its survival function is
 *   P(T > t) = (1 − C)·e^{−μt} + C·P(E_θ + S > t), with θ = cμ − λ and E_θ + S hypoexponential, and its
 *   quantile is found by bisection on that cdf (Gross et al., §2.3, the sojourn-time distribution).
 */

/** Options of {@link mmc}: rates are per unit of time (any unit, used consistently). */
export interface MmcOptions {
  /** λ, the mean number of arrivals per unit of time, > 0. */
  arrivalRate: number;
  /** μ, the mean number of requests one server completes per unit of time (1 / mean service time), > 0. */
  serviceRate: number;
  /** c, the number of identical servers, an integer ≥ 1. */
  servers: number;
}

/** Steady-state measures of an M/M/c queue. Times are in the unit the rates use. */
export interface MmcResult {
  arrivalRate: number;
  serviceRate: number;
  servers: number;
  /** a = λ/μ, the offered load in erlangs (the mean number of busy servers). */
  offeredLoad: number;
  /** ρ = λ/(cμ), the share of time each server is busy, in (0, 1). */
  utilization: number;
  /** The probability that the system is empty. */
  p0: number;
  /** Erlang C: the probability that an arrival finds all servers busy and waits. */
  probWait: number;
  /** Mean number waiting (not in service). */
  lq: number;
  /** Mean wait before service starts. */
  wq: number;
  /** Mean sojourn (wait plus service): the latency a client sees. */
  w: number;
  /** Mean number in the system (waiting plus in service). */
  l: number;
  /** P(Wq ≤ t). */
  waitCdf: (t: number) => number;
  /** P(W ≤ t), the cdf of the sojourn time. */
  sojournCdf: (t: number) => number;
  /** The p-quantile of the wait, p in [0, 1) (0 while p ≤ 1 − probWait). */
  waitQuantile: (p: number) => number;
  /** The p-quantile of the sojourn time, p in [0, 1), by bisection on {@link MmcResult.sojournCdf}. */
  sojournQuantile: (p: number) => number;
}

/** Steady-state M/M/c measures; throws a RangeError when the queue is unstable (λ ≥ cμ). */
export function mmc(options: MmcOptions): MmcResult {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('mmc needs { arrivalRate, serviceRate, servers }');
  }
  const { arrivalRate: lambda, serviceRate: mu, servers: c } = options;
  if (!(lambda > 0 && Number.isFinite(lambda))) {
    throw new RangeError(`invalid arrivalRate: ${lambda} (must be a finite number > 0)`);
  }
  if (!(mu > 0 && Number.isFinite(mu))) {
    throw new RangeError(`invalid serviceRate: ${mu} (must be a finite number > 0, 1 / mean service time)`);
  }
  if (!Number.isInteger(c) || c < 1) {
    throw new RangeError(`invalid servers: ${c} (must be an integer ≥ 1)`);
  }
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) {
    throw new RangeError(
      `unstable queue: arrivalRate ${lambda} ≥ servers × serviceRate = ${c * mu} (utilization ${rho.toFixed(4)}); ` +
        `the queue grows without bound — add servers (at least ${Math.floor(a) + 1}) or raise serviceRate`,
    );
  }
  // Erlang B by its recursion, then Erlang C from it (no overflow for large c).
  let erlangB = 1;
  for (let k = 1; k <= c; k++) erlangB = (a * erlangB) / (k + a * erlangB);
  const probWait = erlangB / (1 - rho * (1 - erlangB));
  // 1/p0 = Σ_{k<c} a^k/k! + a^c/(c!(1 − ρ)), summed from logs (log-sum-exp) so that neither a^c nor c!
  // overflows and a tiny Erlang C does not underflow p0 to 0.
  const logTerms = new Float64Array(c + 1);
  for (let k = 1; k <= c; k++) logTerms[k] = logTerms[k - 1] + Math.log(a / k);
  logTerms[c] -= Math.log1p(-rho);
  let maxLog = -Infinity;
  for (let k = 0; k <= c; k++) maxLog = Math.max(maxLog, logTerms[k]);
  let scaled = 0;
  for (let k = 0; k <= c; k++) scaled += Math.exp(logTerms[k] - maxLog);
  const p0 = Math.exp(-maxLog - Math.log(scaled));
  const theta = c * mu - lambda;
  const wq = probWait / theta;
  const w = wq + 1 / mu;
  const checkT = (t: number, name: string): void => {
    if (Number.isNaN(t)) throw new RangeError(`invalid t for ${name}: NaN (must be a number)`);
  };
  const waitCdf = (t: number): number => {
    checkT(t, 'waitCdf');
    return t < 0 ? 0 : 1 - probWait * Math.exp(-theta * t);
  };
  const sojournSurvival = (t: number): number => {
    if (t <= 0) return 1;
    const eMu = Math.exp(-mu * t);
    // P(E_θ + S > t) = e^{−μt} + μ·(e^{−μt} − e^{−θt})/(θ − μ), written with expm1 so θ → μ is exact
    // (the limit is e^{−μt}(1 + μt), the Erlang-2 survival).
    const d = theta - mu;
    const x = d * t;
    const ratio = x === 0 ? t : (-Math.expm1(-x) / x) * t;
    const hypo = eMu + mu * eMu * ratio;
    return (1 - probWait) * eMu + probWait * hypo;
  };
  const sojournCdf = (t: number): number => {
    checkT(t, 'sojournCdf');
    return Math.min(1, Math.max(0, 1 - sojournSurvival(t)));
  };
  const checkP = (p: number, name: string): void => {
    if (!(p >= 0 && p < 1)) throw new RangeError(`invalid p for ${name}: ${p} (a probability in [0, 1))`);
  };
  const waitQuantile = (p: number): number => {
    checkP(p, 'waitQuantile');
    if (p <= 1 - probWait) return 0;
    return Math.log(probWait / (1 - p)) / theta;
  };
  const sojournQuantile = (p: number): number => {
    checkP(p, 'sojournQuantile');
    if (p === 0) return 0;
    if (c === 1) return -Math.log1p(-p) / (mu - lambda);
    // Bracket: T is stochastically below E_θ + S + (a second service), so doubling from the mean ends fast.
    const target = 1 - p;
    let lo = 0;
    let hi = w;
    while (sojournSurvival(hi) > target) {
      lo = hi;
      hi *= 2;
    }
    // Bisection to a relative width of 1e-14: ~50 steps, each a few exp calls.
    for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
      const mid = 0.5 * (lo + hi);
      if (sojournSurvival(mid) > target) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  return {
    arrivalRate: lambda,
    serviceRate: mu,
    servers: c,
    offeredLoad: a,
    utilization: rho,
    p0,
    probWait,
    lq: lambda * wq,
    wq,
    w,
    l: lambda * w,
    waitCdf,
    sojournCdf,
    waitQuantile,
    sojournQuantile,
  };
}
