/**
 * The function Nelder–Mead minimises for one ETS model, as `forecast`'s C++ `EtsTargetFunction`:
 * the parameter vector is (estimated α, β, γ, φ, then ℓ₀, [b₀], s₀ … s₋ₘ₊₂); the last seasonal
 * state is implied (Σs = 0 additive, Σs = m multiplicative). Outside the bounds, or with a negative
 * multiplicative seasonal state, the value is +∞ (Hyndman et al. 2008, §5.2).
 */
import { isAdmissible } from './admissible.ts';
import { ADD, etsCalc, EtsWorkspace, MULT, NONE, type ComponentCode } from './recursion.ts';
import type { Bounds, SmoothingParams } from './parameters.ts';
import type { EtsComponents, EtsOptCrit } from './types.ts';

/** Maps a component letter to R's integer code. */
export function componentCode(letter: 'N' | 'A' | 'M'): ComponentCode {
  return letter === 'N' ? NONE : letter === 'A' ? ADD : MULT;
}

/** Evaluates R's optimisation criterion; allocation-free after construction. */
export class EtsObjective {
  readonly ws: EtsWorkspace;
  private readonly state: Float64Array;
  private readonly error: ComponentCode;
  private readonly trend: ComponentCode;
  private readonly season: ComponentCode;
  private readonly optAlpha: boolean;
  private readonly optBeta: boolean;
  private readonly optGamma: boolean;
  private readonly optPhi: boolean;
  private readonly hasBeta: boolean;
  private readonly hasGamma: boolean;
  private readonly fixed: Required<SmoothingParams>;

  constructor(
    y: ArrayLike<number>,
    private readonly m: number,
    components: EtsComponents,
    fixed: SmoothingParams,
    private readonly lower: Bounds,
    private readonly upper: Bounds,
    private readonly optCrit: EtsOptCrit,
    private readonly nmse: number,
    private readonly bounds: 'both' | 'usual' | 'admissible',
  ) {
    this.error = componentCode(components.error);
    this.trend = componentCode(components.trend);
    this.season = componentCode(components.season);
    this.ws = new EtsWorkspace(y, m);
    this.state = new Float64Array(1 + (this.trend ? 1 : 0) + (this.season ? m : 0));
    this.optAlpha = fixed.alpha === undefined;
    this.optBeta = this.trend !== NONE && fixed.beta === undefined;
    this.optGamma = this.season !== NONE && fixed.gamma === undefined;
    this.optPhi = components.damped && fixed.phi === undefined;
    this.hasBeta = this.trend !== NONE;
    this.hasGamma = this.season !== NONE;
    this.fixed = {
      alpha: fixed.alpha ?? NaN,
      beta: this.trend === NONE ? 0 : (fixed.beta ?? NaN),
      gamma: this.season === NONE ? 0 : (fixed.gamma ?? NaN),
      phi: components.damped ? (fixed.phi ?? NaN) : 1,
    };
  }

  /** The criterion at `par`; +∞ where R's target function returns +∞. */
  evaluate(par: ArrayLike<number>): number {
    let j = 0;
    const alpha = this.optAlpha ? par[j++] : this.fixed.alpha;
    const beta = this.optBeta ? par[j++] : this.fixed.beta;
    const gamma = this.optGamma ? par[j++] : this.fixed.gamma;
    const phi = this.optPhi ? par[j++] : this.fixed.phi;
    if (!this.inBounds(alpha, beta, gamma, phi)) return Infinity;
    const { state, m } = this;
    const free = par.length - j;
    for (let k = 0; k < free; k++) state[k] = par[j + k];
    if (this.season !== NONE) {
      const first = this.trend !== NONE ? 2 : 1;
      let sum = 0;
      for (let k = first; k < free; k++) sum += state[k];
      state[free] = (this.season === MULT ? m : 0) - sum;
      if (this.season === MULT) {
        for (let k = first; k <= free; k++) if (state[k] < 0) return Infinity;
      }
    }
    const horizons =
      this.optCrit === 'lik' || this.optCrit === 'sigma' || this.optCrit === 'mae' ? 0 : this.nmse;
    let lik = etsCalc(
      this.ws,
      m,
      this.error,
      this.trend,
      this.season,
      alpha,
      beta,
      gamma,
      phi,
      state,
      this.optCrit === 'mse' ? 1 : horizons,
      null,
    );
    if (lik < -1e10) lik = -1e10; // avoid perfect fits
    if (Number.isNaN(lik) || Math.abs(lik + 99999) < 1e-7) return Infinity;
    return this.criterion(lik);
  }

  private criterion(lik: number): number {
    const { ws } = this;
    switch (this.optCrit) {
      case 'lik':
        return lik;
      case 'mse':
        return ws.amse[0];
      case 'amse': {
        let mean = 0;
        for (let i = 0; i < this.nmse; i++) mean += ws.amse[i] / this.nmse;
        return mean;
      }
      case 'sigma': {
        let mean = 0;
        for (let i = 0; i < ws.n; i++) mean += (ws.e[i] * ws.e[i]) / ws.n;
        return mean;
      }
      case 'mae': {
        let mean = 0;
        for (let i = 0; i < ws.n; i++) mean += Math.abs(ws.e[i]) / ws.n;
        return mean;
      }
    }
  }

  /** R's `check_params`: the usual bounds on the estimated parameters, then admissibility. */
  private inBounds(alpha: number, beta: number, gamma: number, phi: number): boolean {
    const { lower, upper } = this;
    if (this.bounds !== 'admissible') {
      if (this.optAlpha && (alpha < lower[0] || alpha > upper[0])) return false;
      if (this.optBeta && (beta < lower[1] || beta > alpha || beta > upper[1])) return false;
      if (this.optPhi && (phi < lower[3] || phi > upper[3])) return false;
      if (this.optGamma && (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])) return false;
    }
    if (this.bounds !== 'usual') {
      return isAdmissible(alpha, beta, gamma, phi, this.m, {
        hasBeta: this.hasBeta,
        hasGamma: this.hasGamma,
      });
    }
    return true;
  }
}
