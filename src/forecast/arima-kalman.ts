/**
 * The exact Gaussian likelihood of an ARIMA model by the Kalman filter, as R's `stats::arima` computes
 * it (C `ARIMA_Like`; Gardner, Harvey & Phillips, *Applied Statistics* 29(3), 1980; Harvey,
 * *Forecasting, Structural Time Series Models and the Kalman Filter*, 1989, §3.4; Durbin & Koopman,
 * *Time Series Analysis by State Space Methods*, 2nd ed., 2012, §4.3 and §5.6).
 *
 * State: the r = max(p, q + 1) ARMA states of Harvey's form, then the last d = d + D·m values of the
 * integrated series (R's `Delta` polynomial). Observation: yₜ = aₜ[0] + Σ δ_k aₜ[r + k]. The ARMA block
 * starts at its stationary covariance (arima-q0.ts), the integrated block at κ·I with κ = 1e6 (R's
 * `kappa`, an approximate diffuse prior), and — as R — a step whose prediction variance is ≥ 1e4 is
 * left out of the likelihood, which drops the first d observations. σ² is concentrated out: the filter
 * runs with unit innovation variance.
 *
 * The transition matrix is sparse (a companion block and a shift), so T·P·T′ is applied by rows and
 * columns rather than multiplied; for the airline model (rd = 27) one step costs ~3k flops. P is
 * symmetric, so only its upper triangle is computed (of T·P only the entries that triangle reads) and
 * the filter reads and writes only that triangle (mirrored once at the end for forecasting): P is
 * exactly symmetric, which R's full-matrix products leave it only to rounding (~1e-16 relative), and a
 * step costs about half as much.
 */
import { stationaryCovariance } from './arima-q0.ts';

/** An ARIMA model in state-space form with its current state (R's `makeARIMA` list). */
export interface ArimaStateSpace {
  /** Expanded AR coefficients φ (length p + m·P). */
  phi: Float64Array;
  /** Expanded MA coefficients θ (length q + m·Q). */
  theta: Float64Array;
  /** Differencing polynomial: (1 − B)^d (1 − Bᵐ)^D = 1 − Σ δ_k B^k, δ of length d + m·D. */
  delta: Float64Array;
  /** State a (length r + d) and its covariance P (row-major), after the last filtered observation. */
  a: Float64Array;
  P: Float64Array;
}

/** What one pass of the filter returns (R's `ARIMA_Like` value). */
export interface KalmanResult {
  /** Σ vₜ²/Fₜ over the steps counted. */
  ssq: number;
  /** Σ log Fₜ over the steps counted. */
  sumlog: number;
  /** Number of steps counted (Fₜ < 1e4). */
  nu: number;
  /** Standardised innovations vₜ/√Fₜ (every step), when asked for. */
  residuals?: number[];
}

/** The differencing polynomial's δ (R's `Delta`): (1 − B)^d (1 − Bᵐ)^D = 1 − Σ δ_k B^k. */
export function differencingPolynomial(d: number, D: number, m: number): Float64Array {
  let poly = [1];
  const times = (factor: number[]) => {
    const out = new Array<number>(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++)
      for (let j = 0; j < factor.length; j++) out[i + j] += poly[i] * factor[j];
    poly = out;
  };
  for (let i = 0; i < d; i++) times([1, -1]);
  const seasonal = new Array<number>(m + 1).fill(0);
  seasonal[0] = 1;
  seasonal[m] = -1;
  for (let i = 0; i < D; i++) times(seasonal);
  return Float64Array.from(poly.slice(1), (v) => -v);
}

/** The state-space model of (φ, θ, δ) with the initial state of R's `makeARIMA` (a = 0, P = Pₙ). */
export function arimaStateSpace(
  phi: Float64Array,
  theta: Float64Array,
  delta: Float64Array,
  kappa = 1e6,
): ArimaStateSpace {
  const r = Math.max(phi.length, theta.length + 1);
  const d = delta.length;
  const rd = r + d;
  const P = new Float64Array(rd * rd);
  const q0 = stationaryCovariance(phi, theta);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) P[i * rd + j] = q0[i * r + j];
  for (let i = r; i < rd; i++) P[i * rd + i] = kappa;
  return { phi, theta, delta, a: new Float64Array(rd), P };
}

/** The sparse structure of T shared by the filter and the forecasts. */
interface Structure {
  r: number;
  d: number;
  rd: number;
  p: number;
  q: number;
  phi: Float64Array;
  theta: Float64Array;
  /** Positions r + k of the non-zero δ_k in the state, and the δ_k. */
  zIdx: number[];
  zVal: number[];
}

function structure(model: ArimaStateSpace): Structure {
  const p = model.phi.length;
  const q = model.theta.length;
  const r = Math.max(p, q + 1);
  const d = model.delta.length;
  const zIdx: number[] = [];
  const zVal: number[] = [];
  model.delta.forEach((v, k) => {
    if (v !== 0) {
      zIdx.push(r + k);
      zVal.push(v);
    }
  });
  return { r, d, rd: r + d, p, q, phi: model.phi, theta: model.theta, zIdx, zVal };
}

/** anew = T a. */
function predictState(s: Structure, a: Float64Array, anew: Float64Array): void {
  const { r, d, p, phi, zIdx, zVal } = s;
  const a0 = a[0];
  for (let i = 0; i < r - 1; i++) anew[i] = a[i + 1];
  anew[r - 1] = 0;
  for (let i = 0; i < p; i++) anew[i] += phi[i] * a0;
  if (d > 0) {
    let t = a0;
    for (let k = 0; k < zIdx.length; k++) t += zVal[k] * a[zIdx[k]];
    for (let i = d - 1; i >= 1; i--) anew[r + i] = a[r + i - 1];
    anew[r] = t;
  }
}

/**
 * Pnew = T P T′ + R R′ for a symmetric P (row-major): the upper triangle, mirrored into the lower one
 * when `mirror` is set (the filter reads only the upper one); `mm` is rd×rd work space.
 */
function predictCovariance(
  s: Structure,
  P: Float64Array,
  Pnew: Float64Array,
  mm: Float64Array,
  mirror = true,
): void {
  const { r, d, rd, p, q, phi, theta, zIdx, zVal } = s;
  const nz = zIdx.length;
  // mm = T P, row by row; only the entries the upper triangle of mm T′ reads: row i from column i − 1
  // on, and column 0 in rows ≤ r. P is read in its upper triangle only (P[a][b] as P[b][a] for b < a).
  for (let i = 0; i < r; i++) {
    const row = i * rd;
    const c = i < p ? phi[i] : 0;
    const lo = i > 1 ? i - 1 : 0;
    if (i < r - 1) {
      const src = row + rd;
      const up = i + 1; // P[i + 1][j] for j < i + 1 is P[j][i + 1]
      if (c !== 0) {
        if (lo > 0) mm[row] = P[up] + c * P[0];
        for (let j = lo; j < up; j++) mm[row + j] = P[j * rd + up] + c * P[j];
        for (let j = up; j < rd; j++) mm[row + j] = P[src + j] + c * P[j];
      } else {
        if (lo > 0) mm[row] = P[up];
        for (let j = lo; j < up; j++) mm[row + j] = P[j * rd + up];
        for (let j = up; j < rd; j++) mm[row + j] = P[src + j];
      }
    } else if (c !== 0) {
      if (lo > 0) mm[row] = c * P[0];
      for (let j = lo; j < rd; j++) mm[row + j] = c * P[j];
    } else {
      mm.fill(0, row, row + rd);
    }
  }
  if (d > 0) {
    const row = r * rd;
    const lo = r - 1;
    mm[row] = P[0];
    for (let j = lo; j < rd; j++) mm[row + j] = P[j];
    for (let k = 0; k < nz; k++) {
      const z = zIdx[k];
      const src = z * rd;
      const c = zVal[k];
      if (lo > 0) mm[row] += c * P[z];
      for (let j = lo; j < z; j++) mm[row + j] += c * P[j * rd + z];
      for (let j = z; j < rd; j++) mm[row + j] += c * P[src + j];
    }
    for (let i = r + 1; i < rd; i++) {
      const row = i * rd;
      const src = row - rd;
      for (let j = i - 1; j < rd; j++) mm[row + j] = P[src + j];
    }
  }
  // Pnew = mm T′: the same structure applied to the columns of mm.
  const pr = Math.min(p, r - 1);
  // Only the upper triangle (j ≥ i): P stays exactly symmetric, and the lower one is mirrored below.
  for (let i = 0; i < rd; i++) {
    const row = i * rd;
    const m0 = mm[row];
    for (let j = i; j < pr; j++) Pnew[row + j] = mm[row + j + 1] + phi[j] * m0;
    for (let j = Math.max(i, pr); j < r - 1; j++) Pnew[row + j] = mm[row + j + 1];
    if (i <= r - 1) Pnew[row + r - 1] = p >= r ? phi[r - 1] * m0 : 0;
    if (d > 0) {
      if (i <= r) {
        let t = m0;
        for (let k = 0; k < nz; k++) t += zVal[k] * mm[row + zIdx[k]];
        Pnew[row + r] = t;
      }
      for (let j = Math.max(i, r + 1); j < rd; j++) Pnew[row + j] = mm[row + j - 1];
    }
  }
  // + R R′ with R = (1, θ₁, …, θ_q, 0, …).
  const nq = Math.min(q + 1, r);
  for (let i = 0; i < nq; i++) {
    const vi = i === 0 ? 1 : theta[i - 1];
    const row = i * rd;
    if (i === 0) Pnew[row] += vi;
    for (let j = Math.max(1, i); j < nq; j++) Pnew[row + j] += vi * theta[j - 1];
  }
  if (mirror) for (let i = 1; i < rd; i++) for (let j = 0; j < i; j++) Pnew[i * rd + j] = Pnew[j * rd + i];
}

/**
 * Runs the filter over `y` from the model's state, which it updates in place (as R's `ARIMA_Like`
 * changes `mod$a` and `mod$P`, so that forecasts start from the end of the series). The first step
 * uses P as the prediction covariance (R's `Pn`), later steps T·P·T′ + R·R′.
 *
 * (A steady-state shortcut — stop the covariance recursion once it has converged — was tried: it
 * rarely triggers before the end of a seasonal series, and where the likelihood is flat its tiny
 * discontinuities moved the optimum by ~1e-3, so the recursion runs in full, as R's.)
 */
export function arimaLikelihood(
  y: ArrayLike<number>,
  model: ArimaStateSpace,
  residuals = false,
): KalmanResult {
  const s = structure(model);
  const { rd, zIdx, zVal } = s;
  const nz = zIdx.length;
  const n = y.length;
  const a = model.a;
  const anew = new Float64Array(rd);
  const M = new Float64Array(rd);
  let P: Float64Array = model.P;
  let Pnew: Float64Array = new Float64Array(rd * rd);
  const mm = new Float64Array(rd * rd);
  const resid = residuals ? new Array<number>(n) : undefined;
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  for (let l = 0; l < n; l++) {
    predictState(s, a, anew);
    let v = y[l] - anew[0];
    for (let k = 0; k < nz; k++) v -= zVal[k] * anew[zIdx[k]];
    // Only the upper triangles of P and Pnew are read and written from here on.
    if (l > 0) predictCovariance(s, P, Pnew, mm, false);
    else Pnew.set(P);
    for (let i = 0; i < rd; i++) {
      const row = i * rd;
      let t = Pnew[i];
      for (let k = 0; k < nz; k++) {
        const z = zIdx[k];
        t += (z >= i ? Pnew[row + z] : Pnew[z * rd + i]) * zVal[k];
      }
      M[i] = t;
    }
    let gain = M[0];
    for (let k = 0; k < nz; k++) gain += zVal[k] * M[zIdx[k]];
    if (gain < 1e4) {
      nu++;
      ssq += (v * v) / gain;
      sumlog += Math.log(gain);
    }
    if (resid) resid[l] = v / Math.sqrt(gain);
    // Operations in R's order (M·v/F, M·M′/F), so that rounding follows R's.
    for (let i = 0; i < rd; i++) a[i] = anew[i] + (M[i] * v) / gain;
    for (let i = 0; i < rd; i++) {
      const row = i * rd;
      const mi = M[i];
      for (let j = i; j < rd; j++) Pnew[row + j] -= (mi * M[j]) / gain;
    }
    // The updated covariance becomes P; the old P's storage is reused for the next prediction.
    const t = P;
    P = Pnew;
    Pnew = t;
  }
  // The loop keeps the upper triangle; the state for forecasting gets the full matrix.
  for (let i = 1; i < rd; i++) for (let j = 0; j < i; j++) P[i * rd + j] = P[j * rd + i];
  if (P !== model.P) model.P.set(P);
  return { ssq, sumlog, nu, ...(resid ? { residuals: resid } : {}) };
}

/**
 * Forecasts from the model's state (R's `KalmanForecast`): for h = 1…n, a ← T a, P ← T P T′ + R R′,
 * mean Z′a and variance Z′PZ in units of σ². The model is not changed.
 */
export function arimaKalmanForecast(
  n: number,
  model: ArimaStateSpace,
): { mean: number[]; variance: number[] } {
  const s = structure(model);
  const { rd, zIdx, zVal } = s;
  let a: Float64Array = Float64Array.from(model.a);
  let anew: Float64Array = new Float64Array(rd);
  let P: Float64Array = Float64Array.from(model.P);
  let Pnew: Float64Array = new Float64Array(rd * rd);
  const mm = new Float64Array(rd * rd);
  const mean: number[] = [];
  const variance: number[] = [];
  const zi = [0, ...zIdx];
  const zv = [1, ...zVal];
  for (let h = 0; h < n; h++) {
    predictState(s, a, anew);
    [a, anew] = [anew, a];
    let f = 0;
    for (let k = 0; k < zi.length; k++) f += zv[k] * a[zi[k]];
    mean.push(f);
    predictCovariance(s, P, Pnew, mm);
    [P, Pnew] = [Pnew, P];
    let v = 0;
    for (let i = 0; i < zi.length; i++)
      for (let j = 0; j < zi.length; j++) v += zv[i] * zv[j] * P[zi[i] * rd + zi[j]];
    variance.push(v);
  }
  return { mean, variance };
}
