/**
 * The negative log posterior of the Prophet-style model and its gradient — the objective of Prophet's
 * Stan program (`stan/prophet.stan`, R prophet 1.0), on the scaled data:
 *
 *   k, m ~ N(0, 5),  δⱼ ~ Laplace(0, τ),  σ_obs ~ N⁺(0, 0.5),  βⱼ ~ N(0, σⱼ),
 *   y ~ N(g(t) · (1 + X·(β∘s_m)) + X·(β∘s_a), σ_obs),
 *
 * with g the piecewise linear, logistic or flat trend. Constants are dropped, as Stan's optimiser
 * does (`log_prob` with `propto`, no Jacobian), so the minimum is the MAP estimate. σ_obs is optimised
 * as u = log σ_obs, Stan's unconstrained parameter for a `<lower=0>` variable.
 *
 * Parameters are packed as θ = [k, m, δ₁…δ_S, log σ_obs, β₁…β_K], Stan's order.
 */
import type { ProphetGrowth } from './prophet-types.ts';

/** The scaled data of a fit (Stan's `data` block). */
export interface ProphetObjectiveData {
  growth: ProphetGrowth;
  /** Scaled times, increasing. */
  t: ArrayLike<number>;
  /** (y − floor) / yScale. */
  y: ArrayLike<number>;
  /** (cap − floor) / yScale (logistic growth only). */
  cap?: ArrayLike<number>;
  /** Scaled changepoint times, increasing. */
  changepoints: ArrayLike<number>;
  /** Regression matrix, row-major n × K. */
  X: ArrayLike<number>;
  K: number;
  /** 1 where column j is additive (s_a), multiplicative (s_m). */
  additive: ArrayLike<number>;
  multiplicative: ArrayLike<number>;
  /** Prior standard deviations of β. */
  sigmas: ArrayLike<number>;
  /** Laplace scale of δ (changepoint prior scale). */
  tau: number;
}

/** Index helpers for θ. */
export function prophetLayout(S: number, K: number) {
  return { k: 0, m: 1, delta: 2, logSigma: 2 + S, beta: 3 + S, size: 3 + S + K };
}

/**
 * The objective as one function computing f(θ) and writing ∇f(θ) into `g` (what `lbfgs` takes);
 * it returns +∞ where the logistic trend is undefined (a segment rate of 0). A linear trend with only
 * additive columns is evaluated from sufficient statistics (below) unless `sufficientStatistics` is
 * false; otherwise each evaluation runs over all observations.
 */
export function prophetObjective(
  data: ProphetObjectiveData,
  { sufficientStatistics = true }: { sufficientStatistics?: boolean } = {},
): (theta: Float64Array, g: Float64Array) => number {
  const { K, tau, growth } = data;
  let allAdditive = true;
  for (let j = 0; j < K; j++) if (!data.additive[j]) allAdditive = false;
  if (sufficientStatistics && growth === 'linear' && allAdditive) return additiveLinearObjective(data);
  // Monomorphic typed copies keep the hot loops fast; X is split by mode so each row is read once.
  const t = Float64Array.from(data.t);
  const y = Float64Array.from(data.y);
  const cps = Float64Array.from(data.changepoints);
  const n = t.length;
  const S = cps.length;
  const at = prophetLayout(S, K);
  const addCols: number[] = [];
  const mulCols: number[] = [];
  for (let j = 0; j < K; j++) {
    if (data.additive[j]) addCols.push(j);
    else if (data.multiplicative[j]) mulCols.push(j);
  }
  const Ka = addCols.length;
  const Km = mulCols.length;
  // Columns stored one after another: the loops below run down long columns.
  const Xa = new Float64Array(n * Ka);
  const Xm = new Float64Array(n * Km);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < Ka; j++) Xa[j * n + i] = data.X[i * K + addCols[j]];
    for (let j = 0; j < Km; j++) Xm[j * n + i] = data.X[i * K + mulCols[j]];
  }
  const inverseVariance = Float64Array.from(data.sigmas, (s) => 1 / (s * s));
  // first[c]: the first observation at or after changepoint c (t and the changepoints are sorted).
  const first = new Int32Array(S + 1);
  for (let c = 0, i = 0; c < S; c++) {
    while (i < n && t[i] < cps[c]) i++;
    first[c] = i;
  }
  first[S] = n;
  if (growth === 'logistic' && !data.cap) throw new RangeError('logistic growth needs a capacity');
  const cap = Float64Array.from(data.cap ?? []);
  const trend = new Float64Array(n);
  const xa = new Float64Array(n);
  const xm = new Float64Array(n);
  const w = new Float64Array(n);
  const betaA = new Float64Array(Ka);
  const betaM = new Float64Array(Km);
  const gA = new Float64Array(Ka);
  const gM = new Float64Array(Km);
  const eTrend = new Float64Array(n);
  // Logistic work arrays: rates, offsets and their adjoints per segment (S + 1 segments).
  const rate = new Float64Array(S + 1);
  const offset = new Float64Array(S + 1);
  const rateBar = new Float64Array(S + 1);
  const offsetBar = new Float64Array(S + 1);
  const slope = new Float64Array(n);

  return (theta, g) => {
    const k = theta[at.k];
    const m = theta[at.m];
    const u = theta[at.logSigma];
    const sigma = Math.exp(u);
    const sigma2 = sigma * sigma;

    // Trend.
    if (growth === 'linear') {
      let r = k;
      let o = m;
      for (let c = -1; c < S; c++) {
        if (c >= 0) {
          r += theta[at.delta + c];
          o -= cps[c] * theta[at.delta + c];
        }
        for (let i = c < 0 ? 0 : first[c]; i < first[c + 1]; i++) trend[i] = r * t[i] + o;
      }
    } else if (growth === 'logistic') {
      rate[0] = k;
      offset[0] = m;
      for (let s = 1; s <= S; s++) {
        rate[s] = rate[s - 1] + theta[at.delta + s - 1];
        const q = cps[s - 1] - offset[s - 1];
        offset[s] = cps[s - 1] - (q * rate[s - 1]) / rate[s];
      }
      for (let s = 0; s <= S; s++) {
        for (let i = s === 0 ? 0 : first[s - 1]; i < first[s]; i++) {
          const p = 1 / (1 + Math.exp(-rate[s] * (t[i] - offset[s])));
          trend[i] = cap[i] * p;
          slope[i] = cap[i] * p * (1 - p);
        }
      }
    } else {
      trend.fill(m);
    }

    // Seasonal part and residuals; w holds ∂f/∂μᵢ for now.
    for (let j = 0; j < Ka; j++) betaA[j] = theta[at.beta + addCols[j]];
    for (let j = 0; j < Km; j++) betaM[j] = theta[at.beta + mulCols[j]];
    xa.fill(0);
    xm.fill(0);
    for (let j = 0; j < Ka; j++) {
      const b = betaA[j];
      for (let i = 0, col = j * n; i < n; i++) xa[i] += Xa[col + i] * b;
    }
    for (let j = 0; j < Km; j++) {
      const b = betaM[j];
      for (let i = 0, col = j * n; i < n; i++) xm[i] += Xm[col + i] * b;
    }
    let ssr = 0;
    for (let i = 0; i < n; i++) {
      const r = y[i] - (trend[i] * (1 + xm[i]) + xa[i]);
      ssr += r * r;
      w[i] = -r / sigma2;
    }

    let f = (k * k) / 50 + (m * m) / 50 + 2 * sigma2 + n * u + ssr / (2 * sigma2);
    for (let c = 0; c < S; c++) f += Math.abs(theta[at.delta + c]) / tau;
    for (let j = 0; j < K; j++) {
      const b = theta[at.beta + j];
      f += 0.5 * b * b * inverseVariance[j];
    }
    if (!Number.isFinite(f)) return Infinity;

    // ∂f/∂β: Xᵀe for additive columns, Xᵀ(e∘trend) for multiplicative ones.
    for (let j = 0; j < Ka; j++) {
      let sum = 0;
      for (let i = 0, col = j * n; i < n; i++) sum += Xa[col + i] * w[i];
      gA[j] = sum;
    }
    if (Km > 0) {
      for (let i = 0; i < n; i++) eTrend[i] = w[i] * trend[i];
      for (let j = 0; j < Km; j++) {
        let sum = 0;
        for (let i = 0, col = j * n; i < n; i++) sum += Xm[col + i] * eTrend[i];
        gM[j] = sum;
      }
    }
    for (let j = 0; j < K; j++) g[at.beta + j] = theta[at.beta + j] * inverseVariance[j];
    for (let j = 0; j < Ka; j++) g[at.beta + addCols[j]] += gA[j];
    for (let j = 0; j < Km; j++) g[at.beta + mulCols[j]] += gM[j];
    g[at.logSigma] = 4 * sigma2 + n - ssr / sigma2;
    // ∂f/∂trendᵢ.
    for (let i = 0; i < n; i++) w[i] *= 1 + xm[i];

    if (growth === 'linear') {
      let sw = 0;
      let swt = 0;
      // Walk backwards: suffix sums of w and w·t give each δ's gradient.
      for (let c = S - 1; c >= -1; c--) {
        for (let i = first[c + 1] - 1; i >= (c < 0 ? 0 : first[c]); i--) {
          sw += w[i];
          swt += w[i] * t[i];
        }
        if (c >= 0) {
          const d = theta[at.delta + c];
          g[at.delta + c] = swt - cps[c] * sw + Math.sign(d) / tau;
        }
      }
      g[at.k] = swt + k / 25;
      g[at.m] = sw + m / 25;
    } else if (growth === 'logistic') {
      for (let s = 0; s <= S; s++) {
        let rb = 0;
        let ob = 0;
        for (let i = s === 0 ? 0 : first[s - 1]; i < first[s]; i++) {
          const dz = w[i] * slope[i];
          rb += dz * (t[i] - offset[s]);
          ob -= dz * rate[s];
        }
        rateBar[s] = rb;
        offsetBar[s] = ob;
      }
      // Back through offset[s] = c − (c − offset[s−1])·rate[s−1]/rate[s].
      for (let s = S; s >= 1; s--) {
        const q = cps[s - 1] - offset[s - 1];
        const ratio = rate[s - 1] / rate[s];
        offsetBar[s - 1] += offsetBar[s] * ratio;
        rateBar[s - 1] -= (offsetBar[s] * q) / rate[s];
        rateBar[s] += (offsetBar[s] * q * ratio) / rate[s];
      }
      // rate[s] = k + δ₁ + … + δ_s.
      let suffix = 0;
      for (let s = S; s >= 1; s--) {
        suffix += rateBar[s];
        const d = theta[at.delta + s - 1];
        g[at.delta + s - 1] = suffix + Math.sign(d) / tau;
      }
      g[at.k] = suffix + rateBar[0] + k / 25;
      g[at.m] = offsetBar[0] + m / 25;
    } else {
      let sw = 0;
      for (let i = 0; i < n; i++) sw += w[i];
      for (let c = 0; c < S; c++) g[at.delta + c] = Math.sign(theta[at.delta + c]) / tau;
      g[at.k] = k / 25;
      g[at.m] = sw + m / 25;
    }
    return f;
  };
}

/**
 * The objective of a linear, all-additive model from sufficient statistics: the model is then linear
 * in (k, m, δ, β), and the trend is linear in t on each of the S + 1 segments between changepoints, so
 * the sum of squares and the whole gradient follow from per-segment sums (of 1, t, t², y, y·t, Xᵢ,
 * Xᵢ·t) and XᵀX, Xᵀy, yᵀy, computed once. An evaluation costs O(S·K + K²) instead of O(n·K): for
 * three years of daily data, about 20 times less.
 *
 * The price is cancellation: the sum of squares is a difference of terms about yᵀy/SSR times larger
 * (≈ 3·10³ for noise of 1 % of the scale), so it carries ~1e-12 relative error where the direct sum
 * carries ~1e-15 — still far below Stan's relative stopping tolerance on f (2.2e-12 · |f|, and
 * SSR/2σ² ≈ n/2 is no larger than |f|).
 */
function additiveLinearObjective(
  data: ProphetObjectiveData,
): (theta: Float64Array, g: Float64Array) => number {
  const { K, tau } = data;
  const t = data.t;
  const y = data.y;
  const X = data.X;
  const cps = Float64Array.from(data.changepoints);
  const n = t.length;
  const S = cps.length;
  const at = prophetLayout(S, K);
  const B = at.beta;
  const D = at.delta;
  const inverseVariance = Float64Array.from(data.sigmas, (s) => 1 / (s * s));

  // Segment s holds the observations with cps[s−1] ≤ t < cps[s] (segment 0: before the first).
  const segments = S + 1;
  const N = new Float64Array(segments);
  const T1 = new Float64Array(segments);
  const T2 = new Float64Array(segments);
  const Y0 = new Float64Array(segments);
  const Y1 = new Float64Array(segments);
  const X0 = new Float64Array(segments * K);
  const X1 = new Float64Array(segments * K);
  const G = new Float64Array(K * K);
  const Xy = new Float64Array(K);
  let yy = 0;
  for (let i = 0, s = 0; i < n; i++) {
    while (s < S && t[i] >= cps[s]) s++;
    const ti = t[i];
    const yi = y[i];
    N[s] += 1;
    T1[s] += ti;
    T2[s] += ti * ti;
    Y0[s] += yi;
    Y1[s] += yi * ti;
    yy += yi * yi;
    const row = i * K;
    for (let j = 0; j < K; j++) {
      const x = X[row + j];
      X0[s * K + j] += x;
      X1[s * K + j] += x * ti;
      Xy[j] += x * yi;
      for (let l = j; l < K; l++) G[j * K + l] += x * X[row + l];
    }
  }
  for (let j = 0; j < K; j++) for (let l = 0; l < j; l++) G[j * K + l] = G[l * K + j];

  const rate = new Float64Array(segments);
  const offset = new Float64Array(segments);
  const xb0 = new Float64Array(segments);
  const xb1 = new Float64Array(segments);
  const Xtrend = new Float64Array(K);
  const Gbeta = new Float64Array(K);
  const E0 = new Float64Array(segments);
  const E1 = new Float64Array(segments);

  return (theta, g) => {
    const k = theta[at.k];
    const m = theta[at.m];
    const u = theta[at.logSigma];
    const sigma = Math.exp(u);
    const sigma2 = sigma * sigma;
    rate[0] = k;
    offset[0] = m;
    for (let s = 1; s < segments; s++) {
      const d = theta[D + s - 1];
      rate[s] = rate[s - 1] + d;
      offset[s] = offset[s - 1] - cps[s - 1] * d;
    }
    // Per segment: Σ trend², Σ y·trend, and Xᵀtrend; Σ (Xβ)ᵢ and Σ (Xβ)ᵢ·tᵢ.
    let tt = 0;
    let yt = 0;
    Xtrend.fill(0);
    for (let s = 0; s < segments; s++) {
      const r = rate[s];
      const o = offset[s];
      tt += r * r * T2[s] + 2 * r * o * T1[s] + o * o * N[s];
      yt += r * Y1[s] + o * Y0[s];
      let b0 = 0;
      let b1 = 0;
      for (let j = 0, row = s * K; j < K; j++) {
        const x0 = X0[row + j];
        const x1 = X1[row + j];
        Xtrend[j] += r * x1 + o * x0;
        const b = theta[B + j];
        b0 += x0 * b;
        b1 += x1 * b;
      }
      xb0[s] = b0;
      xb1[s] = b1;
    }
    let bGb = 0;
    let yXb = 0;
    let tXb = 0;
    for (let j = 0; j < K; j++) {
      let sum = 0;
      for (let l = 0, row = j * K; l < K; l++) sum += G[row + l] * theta[B + l];
      Gbeta[j] = sum;
      const b = theta[B + j];
      bGb += b * sum;
      yXb += Xy[j] * b;
      tXb += Xtrend[j] * b;
    }
    const ssr = Math.max(0, yy + tt + bGb - 2 * yt - 2 * yXb + 2 * tXb);

    let f = (k * k) / 50 + (m * m) / 50 + 2 * sigma2 + n * u + ssr / (2 * sigma2);
    for (let c = 0; c < S; c++) f += Math.abs(theta[D + c]) / tau;
    for (let j = 0; j < K; j++) {
      const b = theta[B + j];
      f += 0.5 * b * b * inverseVariance[j];
    }
    if (!Number.isFinite(f)) return Infinity;

    // ∂f/∂β = β/σⱼ² − Xᵀr/σ², with Xᵀr = Xᵀy − Xᵀtrend − XᵀXβ.
    for (let j = 0; j < K; j++)
      g[B + j] = theta[B + j] * inverseVariance[j] - (Xy[j] - Xtrend[j] - Gbeta[j]) / sigma2;
    g[at.logSigma] = 4 * sigma2 + n - ssr / sigma2;
    // Per segment, Σ eᵢ and Σ eᵢ·tᵢ with eᵢ = −rᵢ/σ² = ∂f/∂trendᵢ.
    for (let s = 0; s < segments; s++) {
      const r = rate[s];
      const o = offset[s];
      E0[s] = -(Y0[s] - (r * T1[s] + o * N[s]) - xb0[s]) / sigma2;
      E1[s] = -(Y1[s] - (r * T2[s] + o * T1[s]) - xb1[s]) / sigma2;
    }
    let sw = 0;
    let swt = 0;
    for (let s = segments - 1; s >= 0; s--) {
      sw += E0[s];
      swt += E1[s];
      if (s >= 1) {
        const c = s - 1;
        g[D + c] = swt - cps[c] * sw + Math.sign(theta[D + c]) / tau;
      }
    }
    g[at.k] = swt + k / 25;
    g[at.m] = sw + m / 25;
    return f;
  };
}
