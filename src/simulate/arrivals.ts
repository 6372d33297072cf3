/**
 * Arrival processes for {@link simulateService}: times in seconds from the start of the run.
 *
 * - poisson: exponential gaps at a constant rate (steady traffic).
 * - mmpp: a Markov-modulated Poisson process — a hidden continuous-time Markov chain switches between
 *   states, each with its own Poisson rate (bursty traffic; Fischer & Meier-Hellstern, "The
 *   Markov-modulated Poisson process (MMPP) cookbook", *Performance Evaluation* 18(2), 1993). It is
 *   simulated by competing exponentials: in state i the next event comes after Exp(λᵢ + qᵢ) and is an
 *   arrival with probability λᵢ / (λᵢ + qᵢ), else a switch.
 * - replay: given times, e.g. the timestamps of a request log.
 */
import type { SeededRandom } from '../stats/random.ts';

export type ArrivalSpec =
  | { kind: 'poisson'; rate: number }
  | {
      kind: 'mmpp';
      /** Arrival rate in each state, per second, ≥ 0 (at least one > 0). */
      rates: number[];
      /**
       * How the hidden state moves: either each state's rate of leaving (per second, > 0), the next state
       * then uniform among the others — for two states this is the usual 2-MMPP — or a full matrix whose
       * off-diagonal entry [i][j] ≥ 0 is the rate of jumping from i to j (diagonal ignored).
       */
      switchRates: number[] | number[][];
      /** State at time 0, an index into `rates`. Default 0. */
      initialState?: number;
    }
  | { kind: 'replay'; times: ArrayLike<number> };

export const arrivalKinds = ['poisson', 'mmpp', 'replay'] as const;

/** A checked arrival process: `next()` gives increasing times, Infinity once exhausted. */
export interface ArrivalProcess {
  /** The long-run mean rate (per second): λ, Σ πᵢλᵢ with π the chain's stationary law, or NaN for replay. */
  meanRate: number;
  next: () => number;
}

/** Checks an {@link ArrivalSpec} and returns its process, drawing from `rng`. */
export function arrivalProcess(spec: ArrivalSpec, rng: SeededRandom): ArrivalProcess {
  if (typeof spec !== 'object' || spec === null) {
    throw new TypeError("arrivals must be an object such as { kind: 'poisson', rate: 50 }");
  }
  if (spec.kind === 'poisson') {
    const rate = spec.rate;
    if (!(rate > 0 && Number.isFinite(rate))) {
      throw new RangeError(`invalid arrivals.rate: ${rate} (requests per second, a finite number > 0)`);
    }
    let t = 0;
    return { meanRate: rate, next: () => (t -= Math.log1p(-rng.uniform()) / rate) };
  }
  if (spec.kind === 'replay') {
    const times = spec.times;
    if (times === null || typeof times !== 'object' || typeof times.length !== 'number') {
      throw new RangeError('invalid arrivals.times: give an array of arrival times in seconds');
    }
    const copy = Float64Array.from(times);
    for (let i = 0; i < copy.length; i++) {
      if (!(copy[i] >= 0 && Number.isFinite(copy[i]))) {
        throw new RangeError(
          `invalid arrivals.times[${i}]: ${times[i]} (seconds from the start, finite, ≥ 0)`,
        );
      }
      if (i > 0 && copy[i] < copy[i - 1]) {
        throw new RangeError(
          `invalid arrivals.times[${i}]: ${times[i]} < times[${i - 1}] = ${times[i - 1]} (sort the times ascending)`,
        );
      }
    }
    let i = 0;
    return { meanRate: NaN, next: () => (i < copy.length ? copy[i++] : Infinity) };
  }
  if (spec.kind === 'mmpp') return mmppProcess(spec, rng);
  throw new RangeError(
    `invalid arrivals.kind: ${String((spec as { kind: unknown }).kind)} (one of ${arrivalKinds.join(', ')})`,
  );
}

function mmppProcess(spec: Extract<ArrivalSpec, { kind: 'mmpp' }>, rng: SeededRandom): ArrivalProcess {
  const { rates, switchRates } = spec;
  if (!Array.isArray(rates) || rates.length < 2) {
    throw new RangeError('invalid arrivals.rates: give an array of at least two per-state rates');
  }
  const n = rates.length;
  rates.forEach((r, i) => {
    if (!(r >= 0 && Number.isFinite(r))) {
      throw new RangeError(`invalid arrivals.rates[${i}]: ${r} (requests per second, finite, ≥ 0)`);
    }
  });
  if (!rates.some((r) => r > 0)) throw new RangeError('invalid arrivals.rates: all are 0 (no traffic)');
  if (!Array.isArray(switchRates) || switchRates.length !== n) {
    throw new RangeError(`invalid arrivals.switchRates: give ${n} leaving rates or an ${n}×${n} matrix`);
  }
  // Generator off-diagonals q[i][j].
  const q: number[][] = [];
  if (switchRates.every((x) => typeof x === 'number')) {
    (switchRates as number[]).forEach((r, i) => {
      if (!(r > 0 && Number.isFinite(r))) {
        throw new RangeError(
          `invalid arrivals.switchRates[${i}]: ${r} (rate of leaving state ${i}, per second, > 0)`,
        );
      }
      q.push(rates.map((_, j) => (j === i ? 0 : r / (n - 1))));
    });
  } else {
    (switchRates as number[][]).forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== n) {
        throw new RangeError(`invalid arrivals.switchRates[${i}]: must be a row of ${n} rates`);
      }
      q.push(
        row.map((r, j) => {
          if (j === i) return 0;
          if (!(r >= 0 && Number.isFinite(r))) {
            throw new RangeError(`invalid arrivals.switchRates[${i}][${j}]: ${r} (a rate per second, ≥ 0)`);
          }
          return r;
        }),
      );
    });
  }
  const leave = q.map((row) => row.reduce((s, x) => s + x, 0));
  const pi = stationary(q, leave);
  if (pi === null) {
    throw new RangeError(
      'invalid arrivals.switchRates: the hidden chain must be irreducible (every state reachable)',
    );
  }
  const initial = spec.initialState ?? 0;
  if (!Number.isInteger(initial) || initial < 0 || initial >= n) {
    throw new RangeError(`invalid arrivals.initialState: ${initial} (an integer in [0, ${n - 1}])`);
  }
  let state = initial;
  let t = 0;
  const next = (): number => {
    for (;;) {
      const total = rates[state] + leave[state];
      t -= Math.log1p(-rng.uniform()) / total;
      const u = rng.uniform() * total;
      if (u < rates[state]) return t;
      // A switch: pick j with probability q[state][j] / leave[state].
      let acc = rates[state];
      const row = q[state];
      let j = 0;
      for (; j < n - 1; j++) {
        acc += row[j];
        if (u < acc) break;
      }
      state = j;
    }
  };
  return { meanRate: pi.reduce((s, p, i) => s + p * rates[i], 0), next };
}

/** Solves πQ = 0, Σπ = 1 by Gaussian elimination with partial pivoting; null if singular (reducible). */
function stationary(q: number[][], leave: number[]): number[] | null {
  const n = q.length;
  // Rows: the balance equations Σ_i π_i Q[i][j] = 0 for j < n − 1, then the normalisation.
  const m: number[][] = [];
  for (let j = 0; j < n - 1; j++) m.push([...q.map((row, i) => (i === j ? -leave[i] : row[j])), 0]);
  m.push([...new Array<number>(n).fill(1), 1]);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    if (Math.abs(m[piv][col]) < 1e-14) return null;
    [m[col], m[piv]] = [m[piv], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let k = col; k <= n; k++) m[r][k] -= f * m[col][k];
    }
  }
  const pi = m.map((row, i) => row[n] / row[i]);
  return pi.every((p) => p > 0) ? pi : null;
}
