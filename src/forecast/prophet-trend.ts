/**
 * The trend g(t) of the Prophet-style model (Taylor & Letham 2018, §3.1), on scaled time t ∈ [0, 1]
 * over the history: where the potential changepoints go (R prophet's `set_changepoints`), the
 * piecewise-linear and piecewise-logistic curves (`piecewise_linear`, `piecewise_logistic`), and the
 * starting values of the fit (`linear_growth_init`, `logistic_growth_init`, `flat_growth_init`).
 */

/** Rounds half to even, as R's `round` and NumPy's `round` do. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Indices (0-based) of the observations that become potential changepoints: `count` of them spread
 * evenly over the first `range` share of the n observations — `round(seq(1, floor(n·range),
 * length.out = count + 1))[-1]` in R. When count + 1 exceeds floor(n·range), it is cut to
 * floor(n·range) − 1, as Prophet does; the second value says how many were used.
 */
export function changepointIndices(
  n: number,
  count: number,
  range: number,
): { indices: number[]; used: number } {
  const size = Math.floor(n * range);
  const used = count + 1 > size ? Math.max(size - 1, 0) : count;
  if (used <= 0) return { indices: [], used: 0 };
  const by = (size - 1) / used;
  return { indices: Array.from({ length: used }, (_, j) => roundHalfEven(1 + (j + 1) * by) - 1), used };
}

/**
 * The piecewise-linear trend (eq. 4): rate k + Σ δⱼ and offset m − Σ sⱼδⱼ over the changepoints sⱼ ≤ t,
 * so the curve stays continuous.
 */
export function piecewiseLinear(
  t: ArrayLike<number>,
  deltas: ArrayLike<number>,
  k: number,
  m: number,
  changepoints: ArrayLike<number>,
): number[] {
  const out = new Array<number>(t.length);
  for (let i = 0; i < t.length; i++) {
    let rate = k;
    let offset = m;
    for (let s = 0; s < changepoints.length; s++) {
      if (t[i] >= changepoints[s]) {
        rate += deltas[s];
        offset -= changepoints[s] * deltas[s];
      }
    }
    out[i] = rate * t[i] + offset;
  }
  return out;
}

/**
 * The offsets of the piecewise-logistic trend (eq. 3): γⱼ = (sⱼ − m − Σ_{l<j} γₗ)(1 − kⱼ/kⱼ₊₁) with kⱼ the
 * rate before changepoint j, which keep the curve continuous.
 */
export function logisticGammas(
  k: number,
  m: number,
  deltas: ArrayLike<number>,
  changepoints: ArrayLike<number>,
): number[] {
  const gammas = new Array<number>(changepoints.length);
  let rate = k;
  let offset = m;
  for (let j = 0; j < changepoints.length; j++) {
    const next = rate + deltas[j];
    gammas[j] = (changepoints[j] - offset) * (1 - rate / next);
    offset += gammas[j];
    rate = next;
  }
  return gammas;
}

/** The piecewise-logistic trend (eq. 3): cap / (1 + exp(−(k + Σδ)(t − (m + Σγ)))). */
export function piecewiseLogistic(
  t: ArrayLike<number>,
  cap: ArrayLike<number>,
  deltas: ArrayLike<number>,
  k: number,
  m: number,
  changepoints: ArrayLike<number>,
): number[] {
  const gammas = logisticGammas(k, m, deltas, changepoints);
  const out = new Array<number>(t.length);
  for (let i = 0; i < t.length; i++) {
    let rate = k;
    let offset = m;
    for (let s = 0; s < changepoints.length; s++) {
      if (t[i] >= changepoints[s]) {
        rate += deltas[s];
        offset += gammas[s];
      }
    }
    out[i] = cap[i] / (1 + Math.exp(-rate * (t[i] - offset)));
  }
  return out;
}

/** The data the starting values are computed from (scaled). */
export interface GrowthInitData {
  t: ArrayLike<number>;
  y: ArrayLike<number>;
  cap?: ArrayLike<number>;
}

/** Rate and offset of the line through the first and last observations (`linear_growth_init`). */
export function linearGrowthInit({ t, y }: GrowthInitData): [k: number, m: number] {
  const last = t.length - 1;
  const k = (y[last] - y[0]) / (t[last] - t[0]);
  return [k, y[0] - k * t[0]];
}

/**
 * Rate and offset of the logistic curve through the first and last observations, each first moved
 * into [1 %, 99 %] of its capacity (`logistic_growth_init`).
 */
export function logisticGrowthInit({ t, y, cap }: GrowthInitData): [k: number, m: number] {
  if (!cap) throw new RangeError('logistic growth needs a capacity');
  const last = t.length - 1;
  const T = t[last] - t[0];
  const [c0, c1] = [cap[0], cap[last]];
  const y0 = Math.max(0.01 * c0, Math.min(0.99 * c0, y[0]));
  const y1 = Math.max(0.01 * c1, Math.min(0.99 * c1, y[last]));
  let r0 = c0 / y0;
  const r1 = c1 / y1;
  if (Math.abs(r0 - r1) <= 0.01) r0 *= 1.05;
  const l0 = Math.log(r0 - 1);
  const l1 = Math.log(r1 - 1);
  return [(l0 - l1) / T, (l0 * T) / (l0 - l1)];
}

/** No growth, the offset at the mean (`flat_growth_init`). */
export function flatGrowthInit({ y }: GrowthInitData): [k: number, m: number] {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i];
  return [0, sum / y.length];
}
