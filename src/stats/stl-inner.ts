/**
 * The STL iterations (`stl`, `stlstp`, `stlss`, `stlfts`, `stlma`, `stlrwt` of Cleveland et al. 1990,
 * in the Fortran that R's `stats::stl` runs). 1-based arrays, as in the original; see
 * `loess-smooth.ts` for the loess itself and `stl.ts` for the options and R's defaults.
 */
import { partialSort } from './partial-sort.ts';
import { loessAt, loessSmooth, type LoessWeights } from './loess-smooth.ts';

/** The windows, degrees, jumps and iteration counts an STL fit used. */
export interface StlParameters {
  period: number;
  windows: { seasonal: number; trend: number; lowpass: number };
  degrees: { seasonal: 0 | 1; trend: 0 | 1; lowpass: 0 | 1 };
  jumps: { seasonal: number; trend: number; lowpass: number };
  inner: number;
  outer: number;
}

const c999 = 0.999;
const c001 = 0.001;

/** Windows are at least 3 and odd; the period at least 2 (as the Fortran driver enforces). */
function oddAtLeast3(w: number): number {
  const v = Math.max(3, w);
  return v % 2 === 0 ? v + 1 : v;
}

/** Runs the inner and outer loops; returns 0-based seasonal, trend and robustness weights. */
export function runStl(
  values: number[],
  p: StlParameters,
): { seasonal: number[]; trend: number[]; weights: number[] } {
  const n = values.length;
  const np = Math.max(2, p.period);
  const ns = oddAtLeast3(p.windows.seasonal);
  const nt = oddAtLeast3(p.windows.trend);
  const nl = oddAtLeast3(p.windows.lowpass);
  const y = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) y[i] = values[i - 1];
  const season = new Float64Array(n + 1);
  const trend = new Float64Array(n + 1);
  const weights: LoessWeights = { use: false, rw: new Float64Array(n + 1) };
  const m = n + 2 * np + 1;
  const work = Array.from({ length: 5 }, () => new Float64Array(m));
  for (let k = 0; ; k++) {
    for (let j = 0; j < p.inner; j++) {
      for (let i = 1; i <= n; i++) work[0][i] = y[i] - trend[i];
      cycleSubseries(work[0], n, np, ns, p.degrees.seasonal, p.jumps.seasonal, weights, work[1]);
      lowPass(work[1], n + 2 * np, np, work[2], work[0]);
      loessSmooth(work[2], n, nl, p.degrees.lowpass, p.jumps.lowpass, noWeights(n), work[0], work[4]);
      for (let i = 1; i <= n; i++) season[i] = work[1][np + i] - work[0][i];
      for (let i = 1; i <= n; i++) work[0][i] = y[i] - season[i];
      loessSmooth(work[0], n, nt, p.degrees.trend, p.jumps.trend, weights, trend, work[2]);
    }
    if (k + 1 > p.outer) break;
    for (let i = 1; i <= n; i++) work[0][i] = trend[i] + season[i];
    robustnessWeights(y, n, work[0], weights.rw);
    weights.use = true;
  }
  if (p.outer <= 0) weights.rw.fill(1);
  return {
    seasonal: Array.from(season.subarray(1)),
    trend: Array.from(trend.subarray(1)),
    weights: Array.from(weights.rw.subarray(1)),
  };
}

function noWeights(n: number): LoessWeights {
  return { use: false, rw: new Float64Array(n + 1) };
}

/**
 * Smooths each cycle-subseries with loess and extends it one cycle at both ends (`stlss`);
 * the result, of length n + 2·np, goes to season[1..n + 2np].
 */
function cycleSubseries(
  y: Float64Array,
  n: number,
  np: number,
  ns: number,
  degree: number,
  jump: number,
  weights: LoessWeights,
  season: Float64Array,
): void {
  const sub = new Float64Array(n + 1);
  const subWeights: LoessWeights = { use: weights.use, rw: new Float64Array(n + 1) };
  const smooth = new Float64Array(n + 3);
  const fitted = new Float64Array(n + 1);
  const scratch = new Float64Array(n + 1);
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) sub[i] = y[(i - 1) * np + j];
    if (weights.use) for (let i = 1; i <= k; i++) subWeights.rw[i] = weights.rw[(i - 1) * np + j];
    loessSmooth(sub, k, ns, degree, jump, subWeights, fitted, scratch);
    for (let i = 1; i <= k; i++) smooth[i + 1] = fitted[i];
    const before = loessAt(sub, k, ns, degree, 0, 1, Math.min(ns, k), scratch, subWeights);
    smooth[1] = before === undefined ? smooth[2] : before;
    const after = loessAt(sub, k, ns, degree, k + 1, Math.max(1, k - ns + 1), k, scratch, subWeights);
    smooth[k + 2] = after === undefined ? smooth[k + 1] : after;
    for (let i = 1; i <= k + 2; i++) season[(i - 1) * np + j] = smooth[i];
  }
}

/** The low-pass filter: moving averages of lengths np, np and 3 (`stlfts`); x has n points, out gets n − 2np + 2. */
function lowPass(x: Float64Array, n: number, np: number, out: Float64Array, work: Float64Array): void {
  movingAverage(x, n, np, out);
  movingAverage(out, n - np + 1, np, work);
  movingAverage(work, n - 2 * np + 2, 3, out);
}

/** Running mean of length len (`stlma`), with the running-sum update of the original. */
function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  const newn = n - len + 1;
  let v = 0;
  for (let i = 1; i <= len; i++) v += x[i];
  ave[1] = v / len;
  for (let j = 2, k = len, m = 0; j <= newn; j++) {
    k++;
    m++;
    v = v - x[m] + x[k];
    ave[j] = v / len;
  }
}

/**
 * Bisquare robustness weights from the remainders, scaled by 6·median|remainder| (`stlrwt`); the
 * "median" is what R's `psort` leaves at the middle positions (see `partial-sort.ts`).
 */
function robustnessWeights(y: Float64Array, n: number, fit: Float64Array, rw: Float64Array): void {
  const abs = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) abs[i] = Math.abs(y[i] - fit[i]);
  const mid1 = Math.trunc(n / 2) + 1;
  const mid2 = n - mid1 + 1;
  partialSort(abs, n, [mid1, mid2]);
  const cmad = 3 * (abs[mid1] + abs[mid2]);
  const c9 = c999 * cmad;
  const c1 = c001 * cmad;
  for (let i = 1; i <= n; i++) {
    const r = Math.abs(y[i] - fit[i]);
    if (r <= c1) rw[i] = 1;
    else if (r <= c9) {
      const u = r / cmad;
      const v = 1 - u * u;
      rw[i] = v * v;
    } else rw[i] = 0;
  }
}
