/**
 * Smoothing-parameter bounds, starting values and checks, as `forecast::ets()` sets them (Hyndman et
 * al. 2008, §5.2 and §10.1): 1e-4 ≤ α ≤ 0.9999, 1e-4 ≤ β ≤ α, 1e-4 ≤ γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98
 * ("usual"), and/or the admissible region ("admissible"; both by default).
 */
import { isAdmissible } from './admissible.ts';
import type { TrendType, SeasonType } from './types.ts';

/** Smoothing parameters; `undefined` when the model has none or it is to be estimated. */
export interface SmoothingParams {
  alpha?: number;
  beta?: number;
  gamma?: number;
  phi?: number;
}

export type Bounds = [number, number, number, number];

/**
 * Narrows the bounds for the parameters still to estimate when others are fixed, as R does:
 * a fixed α caps β at α and γ at 1 − α; a fixed β raises α's lower bound; a fixed γ caps α at 1 − γ.
 */
export function narrowBounds(fixed: SmoothingParams, lower: Bounds, upper: Bounds): [Bounds, Bounds] {
  const lo: Bounds = [...lower];
  const up: Bounds = [...upper];
  if (fixed.alpha !== undefined) {
    up[1] = Math.min(fixed.alpha, up[1]);
    up[2] = Math.min(1 - fixed.alpha, up[2]);
  }
  if (fixed.beta !== undefined) lo[0] = Math.max(fixed.beta, lo[0]);
  if (fixed.gamma !== undefined) up[0] = Math.min(1 - fixed.gamma, up[0]);
  return [lo, up];
}

/**
 * Starting values of the parameters to estimate (R's `initparam`): α a fifth of its range divided by
 * m, β 10 % of its range (below α), γ 5 % (below 1 − α), φ 99 % (≈ 0.978).
 */
export function startingParams(
  fixed: SmoothingParams,
  trend: TrendType,
  season: SeasonType,
  damped: boolean,
  lower: Bounds,
  upper: Bounds,
  m: number,
): SmoothingParams {
  const up: Bounds = [...upper];
  const start: SmoothingParams = {};
  let alpha = fixed.alpha;
  if (alpha === undefined) {
    alpha = lower[0] + (0.2 * (upper[0] - lower[0])) / m;
    if (alpha > 1 || alpha < 0) alpha = lower[0] + 2e-3;
    start.alpha = alpha;
  }
  if (trend !== 'N' && fixed.beta === undefined) {
    up[1] = Math.min(up[1], alpha);
    let beta = lower[1] + 0.1 * (up[1] - lower[1]);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
    start.beta = beta;
  }
  if (season !== 'N' && fixed.gamma === undefined) {
    up[2] = Math.min(up[2], 1 - alpha);
    let gamma = lower[2] + 0.05 * (up[2] - lower[2]);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
    start.gamma = gamma;
  }
  if (damped && fixed.phi === undefined) {
    let phi = lower[3] + 0.99 * (up[3] - lower[3]);
    if (phi < 0 || phi > 1) phi = up[3] - 1e-3;
    start.phi = phi;
  }
  return start;
}

/**
 * R's `check.param`: are these parameters (fixed or starting values) inside the bounds? Returns the
 * reason when not, `null` when they are.
 */
export function paramProblem(
  p: SmoothingParams,
  lower: Bounds,
  upper: Bounds,
  bounds: 'both' | 'usual' | 'admissible',
  m: number,
): string | null {
  const { alpha, beta, gamma, phi } = p;
  if (bounds !== 'admissible') {
    if (alpha !== undefined && (alpha < lower[0] || alpha > upper[0])) {
      // A fixed γ lowers α's upper bound to 1 − γ (R's bounds); say so rather than blame α alone.
      const coupled =
        gamma !== undefined && alpha > 1 - gamma ? `: with gamma = ${gamma}, alpha + gamma must be ≤ 1` : '';
      return `alpha = ${alpha} is outside its bounds [${lower[0]}, ${upper[0]}]${coupled}`;
    }
    if (beta !== undefined && (beta < lower[1] || beta > upper[1] || (alpha !== undefined && beta > alpha))) {
      return `beta = ${beta} is outside its bounds [${lower[1]}, min(${upper[1]}, alpha)]`;
    }
    if (phi !== undefined && (phi < lower[3] || phi > upper[3])) {
      return `phi = ${phi} is outside its bounds [${lower[3]}, ${upper[3]}]`;
    }
    if (
      gamma !== undefined &&
      (gamma < lower[2] || gamma > upper[2] || (alpha !== undefined && gamma > 1 - alpha))
    ) {
      return `gamma = ${gamma} is outside its bounds [${lower[2]}, min(${upper[2]}, 1 - alpha)]`;
    }
  }
  if (bounds !== 'usual' && alpha !== undefined) {
    const flags = { hasBeta: beta !== undefined, hasGamma: gamma !== undefined };
    if (!isAdmissible(alpha, beta ?? 0, gamma ?? 0, phi ?? 1, m, flags)) {
      return `alpha = ${alpha}${beta === undefined ? '' : `, beta = ${beta}`}${gamma === undefined ? '' : `, gamma = ${gamma}`}${phi === undefined ? '' : `, phi = ${phi}`} are not admissible (the model would not be forecastable)`;
    }
  }
  return null;
}
