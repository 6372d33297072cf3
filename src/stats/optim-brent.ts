/**
 * One-dimensional minimisation on an interval, R's `optimize()` (the C routine `Brent_fmin`):
 * golden-section search with parabolic interpolation (Brent, *Algorithms for Minimization without
 * Derivatives*, Prentice-Hall 1973, ch. 5, procedure `localmin`). `stats::HoltWinters` uses it when a
 * single smoothing parameter is estimated.
 */

/** Options of {@link brentMinimize}. */
export interface BrentOptions {
  /** Tolerance on x. Default `.Machine$double.eps^0.25` ≈ 1.22e-4, R's default. */
  tol?: number;
}

export const brentDefaults: Required<BrentOptions> = { tol: Math.pow(2.220446049250313e-16, 0.25) };

/** The result of {@link brentMinimize}: R's `$minimum` and `$objective`. */
export interface BrentResult {
  x: number;
  value: number;
  evaluations: number;
}

/** Minimises `fn` on [lower, upper]; finds a local minimum, never evaluating at the end points. */
export function brentMinimize(
  fn: (x: number) => number,
  lower: number,
  upper: number,
  options: BrentOptions = {},
): BrentResult {
  const { tol } = { ...brentDefaults, ...options };
  if (!(lower < upper))
    throw new RangeError(`invalid interval: [${lower}, ${upper}] (lower must be < upper)`);
  const c = (3 - Math.sqrt(5)) * 0.5; // squared inverse of the golden ratio
  const eps = Math.sqrt(2.220446049250313e-16);
  let a = lower;
  let b = upper;
  let v = a + c * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = fn(x);
  let evaluations = 1;
  let fv = fx;
  let fw = fx;
  const tol3 = tol / 3;
  for (;;) {
    const xm = (a + b) * 0.5;
    const tol1 = eps * Math.abs(x) + tol3;
    const t2 = tol1 * 2;
    if (Math.abs(x - xm) <= t2 - (b - a) * 0.5) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      // Fit a parabola through x, v, w.
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    let u: number;
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x; // golden-section step
      d = c * e;
    } else {
      d = p / q; // parabolic step, not too close to the ends
      u = x + d;
      if (u - a < t2 || b - u < t2) {
        d = tol1;
        if (x >= xm) d = -d;
      }
    }
    // Never evaluate closer than tol1 to x.
    if (Math.abs(d) >= tol1) u = x + d;
    else if (d > 0) u = x + tol1;
    else u = x - tol1;
    const fu = fn(u);
    evaluations++;
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: fx, evaluations };
}
