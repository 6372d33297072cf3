/**
 * The loess smoother inside STL: locally weighted regression of degree 0 or 1 with tricube weights,
 * evaluated every `jump` points and linearly interpolated in between.
 *
 * A port of the routines `stless` and `stlest` of Cleveland, Cleveland, McRae & Terpenning (1990),
 * "STL: A seasonal-trend decomposition procedure based on loess", *Journal of Official Statistics*
 * 6, 3–73, in the Fortran that R's `stats::stl` runs (netlib `stl`, converted to double precision
 * by B. D. Ripley). Arrays here are 1-based (index 0 unused) so the window arithmetic reads as in the
 * original.
 */

const c999 = 0.999;
const c001 = 0.001;

/** Robustness weights and whether to use them. */
export interface LoessWeights {
  use: boolean;
  /** 1-based robustness weights, used when `use` is true. */
  rw: Float64Array;
}

/**
 * The loess fit at abscissa `xs` from y[nleft..nright] (`stlest`); `undefined` when every weight is 0.
 * `w` is scratch space of length ≥ n + 1.
 */
export function loessAt(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  weights: LoessWeights,
): number | undefined {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  // A window longer than the series widens the bandwidth beyond the data (integer division, as in Fortran).
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = c999 * h;
  const h1 = c001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    w[j] = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      if (r <= h1) w[j] = 1;
      else {
        const u = r / h;
        const v = 1 - u * u * u;
        w[j] = v * v * v;
      }
      if (weights.use) w[j] *= weights.rw[j];
      a += w[j];
    }
  }
  if (a <= 0) return undefined;
  for (let j = nleft; j <= nright; j++) w[j] /= a;
  if (h > 0 && degree > 0) {
    // Local linear fit: reweight by 1 + b·(j − ā) with b = (xs − ā)/Σw(j − ā)².
    a = 0;
    for (let j = nleft; j <= nright; j++) a += w[j] * j;
    let b = xs - a;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j] * (j - a) * (j - a);
    if (Math.sqrt(c) > c001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j] *= b * (j - a) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j] * y[j];
  return ys;
}

/**
 * Smooths y[1..n] into ys[1..n] (`stless`): fits at every `jump`-th point and at n, linear
 * interpolation between them. Where a fit has no weight, the data value is kept.
 */
export function loessSmooth(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  jump: number,
  weights: LoessWeights,
  ys: Float64Array,
  work: Float64Array,
): void {
  if (n < 2) {
    ys[1] = y[1];
    return;
  }
  const step = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  const fit = (i: number) => {
    const v = loessAt(y, n, len, degree, i, nleft, nright, work, weights);
    ys[i] = v === undefined ? y[i] : v;
  };
  if (len >= n) {
    nleft = 1;
    nright = n;
    for (let i = 1; i <= n; i += step) fit(i);
  } else if (step === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nleft = 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      fit(i);
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += step) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fit(i);
    }
  }
  if (step === 1) return;
  for (let i = 1; i <= n - step; i += step) {
    const delta = (ys[i + step] - ys[i]) / step;
    for (let j = i + 1; j <= i + step - 1; j++) ys[j] = ys[i] + delta * (j - i);
  }
  const k = Math.trunc((n - 1) / step) * step + 1;
  if (k !== n) {
    // The last point, fitted with the window left by the loop above.
    fit(n);
    if (k !== n - 1) {
      const delta = (ys[n] - ys[k]) / (n - k);
      for (let j = k + 1; j <= n - 1; j++) ys[j] = ys[k] + delta * (j - k);
    }
  }
}
