/**
 * The Holt–Winters filtering loop of `stats::HoltWinters` (R's C routine `HoltWinters`; Winters 1960,
 * Hyndman et al. 2008, §2.1): from observation `startTime` on, the forecast ŷ = ℓ + b (+ or ×) s is
 * compared with y, then
 *   ℓ = α(y − s) + (1 − α)(ℓ + b)      (y / s when multiplicative)
 *   b = β(ℓ − ℓ₋₁) + (1 − β)b
 *   s = γ(y − ℓ) + (1 − γ)s             (y / ℓ when multiplicative; the *new* level)
 */

export interface HoltWintersFilterSettings {
  /** First observation filtered, 1-based (m + 1 seasonal, 3 with trend, 2 without). */
  startTime: number;
  additive: boolean;
  period: number;
  doTrend: boolean;
  doSeason: boolean;
  level: number;
  trend: number;
  season: readonly number[];
  /** Keep the one-step forecasts (`xhat`); the optimiser only needs the SSE. */
  record: boolean;
}

export interface HoltWintersFilterResult {
  sse: number;
  /** One-step forecasts by observation index (0-based); filled from `startTime − 1` when recorded. */
  xhat: number[];
  /** Final level, slope and the m seasonal coefficients for the next m periods. */
  a: number;
  b: number;
  s: number[];
}

export function runHoltWintersFilter(
  x: readonly number[],
  alpha: number,
  beta: number,
  gamma: number,
  settings: HoltWintersFilterSettings,
): HoltWintersFilterResult {
  const { startTime, additive, period: f, doTrend, doSeason, record } = settings;
  const xl = x.length;
  const len = xl - startTime + 1;
  const level = new Float64Array(len + 1);
  const trend = new Float64Array(len + 1);
  const season = new Float64Array(len + f);
  level[0] = settings.level;
  if (doTrend) trend[0] = settings.trend;
  if (doSeason) for (let i = 0; i < f; i++) season[i] = settings.season[i];
  const xhats: number[] = record ? new Array<number>(xl).fill(NaN) : [];
  let sse = 0;
  for (let i = startTime - 1; i < xl; i++) {
    const i0 = i - startTime + 2;
    const s0 = i0 + f - 1;
    let xhat = level[i0 - 1] + (doTrend ? trend[i0 - 1] : 0);
    const stmp = doSeason ? season[s0 - f] : additive ? 0 : 1;
    if (additive) xhat += stmp;
    else xhat *= stmp;
    if (record) xhats[i] = xhat;
    const res = x[i] - xhat;
    sse += res * res;
    if (additive) level[i0] = alpha * (x[i] - stmp) + (1 - alpha) * (level[i0 - 1] + trend[i0 - 1]);
    else level[i0] = alpha * (x[i] / stmp) + (1 - alpha) * (level[i0 - 1] + trend[i0 - 1]);
    if (doTrend) trend[i0] = beta * (level[i0] - level[i0 - 1]) + (1 - beta) * trend[i0 - 1];
    if (doSeason) {
      if (additive) season[s0] = gamma * (x[i] - level[i0]) + (1 - gamma) * stmp;
      else season[s0] = gamma * (x[i] / level[i0]) + (1 - gamma) * stmp;
    }
  }
  return {
    sse,
    xhat: xhats,
    a: level[len],
    b: trend[len],
    s: doSeason ? Array.from(season.subarray(len, len + f)) : [],
  };
}
