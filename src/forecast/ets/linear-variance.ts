/**
 * Forecast means and variances in closed form for the linear and the multiplicative-error linear
 * ETS models, as R's `forecast.ets` computes them (Hyndman et al. 2008, §6.3):
 * - class 1 (additive errors, N/A/Ad trend, N/A season): ŷ_h = w′Fʰ⁻¹x, v_h = σ²(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²)
 *   with cⱼ = w′Fʲ⁻¹g (Table 6.1, eq. 6.1);
 * - class 2 (multiplicative errors, same trends and seasons): v_h = (1 + σ²)θ_h − ŷ_h² with
 *   θ_h = ŷ_h² + σ² Σⱼ cⱼ² θ_{h−j} (eq. 6.2).
 *
 * Like R 8.20, γ sits in the third row of g for every seasonal model. For ETS(A,N,A) and ETS(M,N,A),
 * which have no slope, that row is the second seasonal state rather than the first, so R's variance
 * (and therefore this one) picks up the (α + γ)² term one step early; with small γ this is negligible.
 */
import { identity, multiply, zeros, type Matrix } from './matrix.ts';

export interface LinearModelSpec {
  trend: 'N' | 'A';
  season: 'N' | 'A';
  damped: boolean;
  m: number;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface MeanAndVariance {
  mean: number[];
  variance: number[];
}

/** Class 1: additive errors. Also returns the cⱼ used by class 2. */
export function class1(
  h: number,
  lastState: readonly number[],
  spec: LinearModelSpec,
  sigma2: number,
): MeanAndVariance & { c: number[] } {
  const p = lastState.length;
  const { trend, season, damped, m } = spec;
  const phi = damped ? spec.phi : 1;
  const w: Matrix = zeros(1, p);
  w[0][0] = 1;
  if (season === 'A') w[0][p - 1] = 1;
  if (trend === 'A') w[0][1] = phi;
  const f = zeros(p, p);
  f[0][0] = 1;
  if (trend === 'A') f[0][1] = f[1][1] = phi;
  if (season === 'A') {
    f[p - m][p - 1] = 1;
    for (let k = 0; k < m - 1; k++) f[p - m + 1 + k][p - m + k] = 1;
  }
  const g = zeros(p, 1);
  g[0][0] = spec.alpha;
  if (trend === 'A') g[1][0] = spec.beta;
  if (season === 'A') g[2][0] = spec.gamma;
  const x = lastState.map((v) => [v]);
  const mean: number[] = [];
  const c: number[] = [];
  let wf = multiply(w, identity(p)); // w′Fʲ
  for (let i = 0; i < h; i++) {
    mean.push(multiply(wf, x)[0][0]);
    if (i < h - 1) {
      c.push(multiply(wf, g)[0][0]);
      wf = multiply(wf, f);
    }
  }
  const variance = [sigma2];
  let cumulative = 0;
  for (const cj of c) {
    cumulative += cj * cj;
    variance.push(sigma2 * (1 + cumulative));
  }
  return { mean, variance, c };
}

/** Class 2: multiplicative errors with additive (or no) trend and season. */
export function class2(
  h: number,
  lastState: readonly number[],
  spec: LinearModelSpec,
  sigma2: number,
): MeanAndVariance {
  const { mean, c } = class1(h, lastState, spec, sigma2);
  const theta = [mean[0] * mean[0]];
  for (let j = 1; j < h; j++) {
    let s = 0;
    for (let k = 0; k < j; k++) s += c[k] * c[k] * theta[j - 1 - k];
    theta.push(mean[j] * mean[j] + sigma2 * s);
  }
  return { mean, variance: theta.map((t, j) => (1 + sigma2) * t - mean[j] * mean[j]) };
}
