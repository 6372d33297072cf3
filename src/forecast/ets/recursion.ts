/**
 * The ETS recursions: one-step forecasts, errors, state updates and the likelihood, exactly as
 * `forecast`'s C routine `etscalc` computes them (Hyndman et al. 2008, §2.5 Table 2.3 for the
 * equations, §5.1 for the likelihood).
 *
 * Two details of R's implementation that change numbers and are kept here:
 * - the seasonal update uses y − (ℓₜ₋₁ + φbₜ₋₁) (or y / …), not the new level;
 * - the slope update is written bₜ = φbₜ₋₁ + (β/α)(Δℓ − φbₜ₋₁), i.e. β is R's β* = αβ.
 *
 * The likelihood is R's constant-free −2·log L: n·log(Σεₜ²) (+ 2·Σ log|ŷₜ| for multiplicative errors).
 * This loop allocates nothing; the seasonal states live in a ring buffer.
 */

export const NONE = 0;
export const ADD = 1;
export const MULT = 2;
/** Component codes as in R's C code: 0 none, 1 additive, 2 multiplicative. */
export type ComponentCode = 0 | 1 | 2;

const TOL = 1.0e-10;
const HUGEN = 1.0e10;

/** Buffers for {@link etsCalc}, allocated once per series and reused for every evaluation. */
export class EtsWorkspace {
  readonly n: number;
  readonly y: Float64Array;
  /** Innovations εₜ. */
  readonly e: Float64Array;
  /** One-step forecasts ŷₜ. */
  readonly fitted: Float64Array;
  /** Mean squared h-step errors for h = 1…nmse (R's `amse`). */
  readonly amse = new Float64Array(30);
  readonly denom = new Float64Array(30);
  readonly f = new Float64Array(30);
  /** Seasonal states, a ring buffer. */
  readonly ring: Float64Array;

  constructor(y: ArrayLike<number>, m: number) {
    this.n = y.length;
    this.y = Float64Array.from(y);
    this.e = new Float64Array(this.n);
    this.fitted = new Float64Array(this.n);
    this.ring = new Float64Array(Math.max(1, m));
  }
}

/**
 * Runs the model from initial state `x0` = (ℓ₀, [b₀], [s₀ … s₋ₘ₊₁]) over the workspace's series and
 * returns −2·log L without constants, `NaN` when a forecast is undefined (negative multiplicative slope).
 * Fills `ws.e`, `ws.fitted`, `ws.amse[0 … nmse−1]`, and, when given, `states` ((n+1) rows of x).
 */
export function etsCalc(
  ws: EtsWorkspace,
  m: number,
  error: ComponentCode,
  trend: ComponentCode,
  season: ComponentCode,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  x0: ArrayLike<number>,
  nmse: number,
  states: Float64Array | null,
): number {
  const { n, y, e, fitted, amse, denom, f, ring } = ws;
  if (season === NONE || m < 1) m = 1;
  const horizons = Math.min(nmse, 30);
  const p = 1 + (trend > NONE ? 1 : 0) + (season > NONE ? m : 0);
  const sOffset = trend > NONE ? 2 : 1;
  let l = x0[0];
  let b = trend > NONE ? x0[1] : 0;
  let head = 0; // logical seasonal state k lives at ring[(head + k) % m]
  if (season > NONE) for (let k = 0; k < m; k++) ring[k] = x0[sOffset + k];
  if (states !== null) for (let k = 0; k < p; k++) states[k] = x0[k];
  for (let j = 0; j < horizons; j++) amse[j] = denom[j] = 0;
  const damped = Math.abs(phi - 1.0) >= TOL;
  let sse = 0;
  let logf = 0;
  for (let i = 0; i < n; i++) {
    const oldl = l;
    const oldb = b;
    // Forecasts for horizons 1 … max(1, nmse) from the current state.
    const nf = horizons > 1 ? horizons : 1;
    let phistar = phi;
    for (let j = 0; j < nf; j++) {
      let fj: number;
      if (trend === NONE) fj = oldl;
      else if (trend === ADD) fj = oldl + phistar * oldb;
      else if (oldb < 0) fj = NaN;
      else fj = oldl * Math.pow(oldb, phistar);
      if (season > NONE) {
        let k = m - 1 - j;
        while (k < 0) k += m;
        const s = ring[(head + k) % m];
        fj = season === ADD ? fj + s : fj * s;
      }
      f[j] = fj;
      if (j < nf - 1) phistar = damped ? phistar + Math.pow(phi, j + 1) : phistar + 1.0;
    }
    const f0 = f[0];
    fitted[i] = f0;
    if (Number.isNaN(f0)) return NaN;
    const yi = y[i];
    const ei = error === ADD ? yi - f0 : (yi - f0) / f0;
    e[i] = ei;
    for (let j = 0; j < horizons; j++) {
      if (i + j < n) {
        denom[j] += 1.0;
        const tmp = y[i + j] - f[j];
        amse[j] = (amse[j] * (denom[j] - 1.0) + tmp * tmp) / denom[j];
      }
    }
    // State update.
    let q: number;
    let phib: number;
    if (trend === NONE) {
      q = oldl;
      phib = 0;
    } else if (trend === ADD) {
      phib = phi * oldb;
      q = oldl + phib;
    } else if (!damped) {
      phib = oldb;
      q = oldl * oldb;
    } else {
      phib = Math.pow(oldb, phi);
      q = oldl * phib;
    }
    const oldestIndex = (head + m - 1) % m;
    const olds = season > NONE ? ring[oldestIndex] : 0;
    let pp: number;
    if (season === NONE) pp = yi;
    else if (season === ADD) pp = yi - olds;
    else pp = Math.abs(olds) < TOL ? HUGEN : yi / olds;
    l = q + alpha * (pp - q);
    if (trend > NONE) {
      let r: number;
      if (trend === ADD) r = l - oldl;
      else r = Math.abs(oldl) < TOL ? HUGEN : l / oldl;
      b = phib + (beta / alpha) * (r - phib);
    }
    if (season > NONE) {
      let t: number;
      if (season === ADD) t = yi - q;
      else t = Math.abs(q) < TOL ? HUGEN : yi / q;
      ring[oldestIndex] = olds + gamma * (t - olds);
      head = oldestIndex;
    }
    if (states !== null) {
      const row = (i + 1) * p;
      states[row] = l;
      if (trend > NONE) states[row + 1] = b;
      if (season > NONE) for (let k = 0; k < m; k++) states[row + sOffset + k] = ring[(head + k) % m];
    }
    sse += ei * ei;
    logf += Math.log(Math.abs(f0));
  }
  let lik = n * Math.log(sse);
  if (error === MULT) lik += 2 * logf;
  return lik;
}
