/**
 * Starting values of the initial states for the optimiser, R's heuristic (`forecast:::initstate`;
 * Hyndman et al. 2002 §2.6 and Hyndman et al. 2008 §5.2):
 * - seasonal states from a classical decomposition (`stats/decompose.ts`), or — with fewer than 3 periods — from the
 *   detrended data of a regression on a linear trend plus one Fourier pair; multiplicative indices
 *   are clipped at ≥ 0.01;
 * - level (and slope) from the mean of (a least-squares line through) the first max(10, 2m)
 *   seasonally adjusted observations.
 * Only m − 1 seasonal states are returned: the optimiser's last one is implied by normalisation.
 */
import { classicalDecomposition } from '../../stats/decompose.ts';
import { fitLine, leastSquares } from './least-squares.ts';
import type { SeasonType, TrendType } from './types.ts';

/** (ℓ₀, [b₀], [s₀ … s₋ₘ₊₂]): the free initial states the optimiser starts from. */
export function initialStates(
  y: ArrayLike<number>,
  m: number,
  trend: TrendType,
  season: SeasonType,
): number[] {
  const n = y.length;
  let seasonal: number[] = [];
  let adjusted: ArrayLike<number> = y;
  if (season !== 'N') {
    if (n < 4) throw new RangeError(`a seasonal ETS model needs at least 4 observations, got ${n}`);
    const detrended =
      n < 3 * m
        ? fourierDetrended(y, m, season)
        : classicalDecomposition(y, m, { type: additive(season) }).seasonal;
    // Positions 2 … m of the series, most recent first: states at times 0, −1, …, −m+2.
    for (let k = m - 1; k >= 1; k--) seasonal.push(detrended[k]);
    const sa = new Float64Array(n);
    if (season === 'A') {
      for (let t = 0; t < n; t++) sa[t] = y[t] - detrended[t];
    } else {
      seasonal = seasonal.map((s) => Math.max(s, 1e-2));
      const total = seasonal.reduce((a, b) => a + b, 0);
      if (total > m) {
        const divisor = seasonal.reduce((a, b) => a + (b + 1e-2), 0);
        seasonal = seasonal.map((s) => s / divisor);
      }
      for (let t = 0; t < n; t++) sa[t] = y[t] / Math.max(detrended[t], 1e-2);
    }
    adjusted = sa;
  } else {
    m = 1;
  }
  const maxn = Math.min(Math.max(10, 2 * m), n);
  const first = Array.from({ length: maxn }, (_, t) => adjusted[t]);
  if (trend === 'N') return [meanLikeR(first), ...seasonal];
  const [a, b] = fitLine(
    first.map((_, t) => t + 1),
    first,
  );
  if (trend === 'A') {
    // For multiplicative errors ℓ₀ + b₀ must not be 0: perturb just in case.
    if (Math.abs(a + b) < 1e-8) return [a * (1 + 1e-3), b * (1 - 1e-3), ...seasonal];
    return [a, b, ...seasonal];
  }
  // Multiplicative trend: the first fitted value and the ratio of the first two.
  let l0 = a + b;
  if (Math.abs(l0) < 1e-8) l0 = 1e-7;
  let b0 = (a + 2 * b) / l0;
  l0 = l0 / b0;
  if (Math.abs(b0) > 1e10) b0 = Math.sign(b0) * 1e10;
  if (l0 < 1e-8 || b0 < 1e-8) {
    l0 = Math.max(adjusted[0], 1e-3);
    b0 = Math.max(adjusted[1] / adjusted[0], 1e-3);
  }
  return [l0, b0, ...seasonal];
}

function additive(season: SeasonType): 'additive' | 'multiplicative' {
  return season === 'A' ? 'additive' : 'multiplicative';
}

/**
 * R's short-series fallback: `tslm(y ~ trend + fourier(y, 1))`, then y minus (÷) the fitted trend line
 * alone — a rough seasonal pattern that still contains the noise.
 */
function fourierDetrended(y: ArrayLike<number>, m: number, season: SeasonType): Float64Array {
  const n = y.length;
  const ones = new Float64Array(n).fill(1);
  const t = Float64Array.from({ length: n }, (_, i) => i + 1);
  const columns: Float64Array[] = [ones, t];
  // sinpi(2t/m) is identically 0 when m = 2: R drops that column.
  if (m > 2) columns.push(Float64Array.from(t, (ti) => sinpi((2 * ti) / m)));
  columns.push(Float64Array.from(t, (ti) => cospi((2 * ti) / m)));
  const [intercept, slope] = leastSquares(columns, y);
  return Float64Array.from({ length: n }, (_, i) => {
    const line = intercept + slope * (i + 1);
    return season === 'A' ? y[i] - line : y[i] / line;
  });
}

/** sin(πx) exact at multiples of ½, as R's `sinpi`. */
function sinpi(x: number): number {
  const r = ((x % 2) + 2) % 2;
  if (r === 0 || r === 1) return 0;
  if (r === 0.5) return 1;
  if (r === 1.5) return -1;
  return Math.sin(Math.PI * r);
}

/** cos(πx) exact at multiples of ½, as R's `cospi`. */
function cospi(x: number): number {
  const r = Math.abs(x) % 2;
  if (r === 0.5 || r === 1.5) return 0;
  if (r === 1) return -1;
  if (r === 0) return 1;
  return Math.cos(Math.PI * r);
}

/** R's `mean`: the sum divided by n, corrected by the mean residual (R accumulates in long double). */
function meanLikeR(values: readonly number[]): number {
  const n = values.length;
  let s = 0;
  for (const v of values) s += v;
  s /= n;
  if (!Number.isFinite(s)) return s;
  let t = 0;
  for (const v of values) t += v - s;
  return s + t / n;
}
