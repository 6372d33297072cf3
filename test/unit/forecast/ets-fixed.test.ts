// Fixed-parameter ETS models: nothing is estimated, the recursions are only run.
// 1. R's own fits, re-run from R's reported parameters AND initial states (R's `ets(y, model = fit,
//    use.initial.values = TRUE)`): forecasts must equal R's to 1e-6 relative. Values from
//    test/fixtures/ref-ets/ref-<series>.json (R 4.2.2, forecast 8.20).
// 2. Tiny series worked by hand in the error-correction form of Hyndman et al. (2008), Table 2.3 —
//    a different algebraic form from R's, so an independent check — to 1e-12.
import { readFileSync } from 'node:fs';
import { lessonSeries } from '../read-fixture.ts';
import { describe, expect, it } from 'vitest';
import {
  fitEts,
  fitHolt,
  fitHoltWinters,
  fitSes,
  forecastEts,
  type EtsFit,
} from '../../../src/forecast/ets/index.ts';

const data = lessonSeries;
interface RefCall {
  r: string;
  model: string;
  forecast: number[];
  par: Record<string, number>;
  initstate: Record<string, number>;
  components: { error: 'A' | 'M'; trend: 'N' | 'A'; season: 'N' | 'A' | 'M'; damped: boolean };
}
interface Ref {
  frequency: number;
  n_train: number;
  h: number;
  calls: Record<string, RefCall>;
}
const reference = (name: string): Ref =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/ref-ets/ref-${name}.json`, import.meta.url), 'utf8'),
  ) as Ref;

/** R's initstate (l, b, s1 … sm; s1 the most recent) as `initialStates`. */
function statesOf(r: RefCall, m: number) {
  const season =
    r.components.season === 'N' ? undefined : Array.from({ length: m }, (_, k) => r.initstate[`s${k + 1}`]);
  return { level: r.initstate.l, trend: r.initstate.b, season };
}

const rerun: Record<string, (y: number[], m: number, r: RefCall) => EtsFit> = {
  ses: (y, _m, r) => fitSes(y, { alpha: r.par.alpha, initialLevel: r.initstate.l }),
  holt: (y, m, r) => fitHolt(y, { alpha: r.par.alpha, beta: r.par.beta, initialStates: statesOf(r, m) }),
  damped: (y, m, r) =>
    fitHolt(y, {
      damped: true,
      alpha: r.par.alpha,
      beta: r.par.beta,
      phi: r.par.phi,
      initialStates: statesOf(r, m),
    }),
  hw_add: (y, m, r) =>
    fitHoltWinters(y, {
      period: m,
      alpha: r.par.alpha,
      beta: r.par.beta,
      gamma: r.par.gamma,
      initialStates: statesOf(r, m),
    }),
  hw_mult: (y, m, r) =>
    fitHoltWinters(y, {
      period: m,
      seasonal: 'multiplicative',
      alpha: r.par.alpha,
      beta: r.par.beta,
      gamma: r.par.gamma,
      initialStates: statesOf(r, m),
    }),
  ets: (y, m, r) => {
    const { error, trend, season, damped } = r.components;
    return fitEts(y, {
      period: m,
      model: `${error}${trend}${season}`,
      damped,
      alpha: r.par.alpha,
      beta: r.par.beta,
      gamma: r.par.gamma,
      phi: r.par.phi,
      initialStates: statesOf(r, m),
    });
  },
};

for (const name of Object.keys(data)) {
  const ref = reference(name);
  const y = data[name].slice(0, ref.n_train);
  describe(`${name} with R's fitted parameters and initial states`, () => {
    for (const [key, run] of Object.entries(rerun)) {
      const r = ref.calls[key];
      it(`${r.r} (${r.model}), re-run: forecasts equal R's to 1e-6 relative`, () => {
        const fc = forecastEts(run(y, ref.frequency, r), ref.h);
        fc.mean.forEach((v, i) =>
          expect(Math.abs(v - r.forecast[i]) / Math.abs(r.forecast[i])).toBeLessThan(1e-6),
        );
      });
    }
  });
}

describe('recursions on tiny series, worked by hand (Hyndman et al. 2008, Table 2.3), to 1e-12', () => {
  it('ses(c(10, 12, 11, 13), alpha = 0.5) from ℓ₀ = 10: fitted 10 10 11 11, forecast 12', () => {
    const f = fitSes([10, 12, 11, 13], { alpha: 0.5, initialLevel: 10 });
    expect(f.fitted).toEqual([10, 10, 11, 11]);
    expect(f.residuals).toEqual([0, 2, 0, 2]);
    expect(forecastEts(f, 3).mean).toEqual([12, 12, 12]);
    // Constant-free −2 log L = n·log(SSE) = 4·log 8; σ² = SSE / (n − 2 parameters).
    expect(f.loglik).toBeCloseTo(-0.5 * 4 * Math.log(8), 12);
    expect(f.sigma2).toBeCloseTo(4, 12);
  });

  it('damped Holt (α .5, β .2, φ .9, ℓ₀ 9, b₀ 1): ℓ += φb + αe, b = φb + βe; ŷ_h = ℓ + (φ + … + φʰ)b', () => {
    const y = [10, 12, 13, 15, 16];
    const [alpha, beta, phi] = [0.5, 0.2, 0.9];
    let l = 9;
    let b = 1;
    const fitted: number[] = [];
    for (const yt of y) {
      const mu = l + phi * b;
      const e = yt - mu;
      fitted.push(mu);
      l = mu + alpha * e;
      b = phi * b + beta * e;
    }
    const expected = [1, 2, 3].map((h) => l + b * [1, 2, 3].slice(0, h).reduce((s, k) => s + phi ** k, 0));
    const f = fitHolt(y, { damped: true, alpha, beta, phi, initialStates: { level: 9, trend: 1 } });
    f.fitted.forEach((v, i) => expect(v).toBeCloseTo(fitted[i], 12));
    forecastEts(f, 3).mean.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  });

  it('additive Holt-Winters, m = 4 (α .4, β .1, γ .3): s_new = s₋ₘ + γe with e from ℓ + b + s₋ₘ', () => {
    const y = [12, 8, 15, 20, 14, 9, 17, 23];
    const [alpha, beta, gamma] = [0.4, 0.1, 0.3];
    let l = 13;
    let b = 0.5;
    const s = [4, 1, -3, -2]; // s[0] time 0 (most recent) … s[3] time −3
    const fitted: number[] = [];
    for (const yt of y) {
      const old = s[3];
      const mu = l + b + old;
      const e = yt - mu;
      fitted.push(mu);
      l = l + b + alpha * e;
      b = b + beta * e;
      s.unshift(old + gamma * e);
      s.pop();
    }
    const expected = [1, 2, 3, 4, 5].map((h) => l + h * b + s[(4 - (h % 4)) % 4]);
    const f = fitHoltWinters(y, {
      period: 4,
      alpha,
      beta,
      gamma,
      initialStates: { level: 13, trend: 0.5, season: [4, 1, -3, -2] },
    });
    f.fitted.forEach((v, i) => expect(v).toBeCloseTo(fitted[i], 12));
    forecastEts(f, 5).mean.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  });

  it('ETS(M,A,M), m = 4: ℓ = (ℓ + b)(1 + αε), b += β(ℓ + b)ε, s = s₋ₘ(1 + γε), ε relative', () => {
    const y = [120, 80, 150, 210, 140, 95, 170, 240, 150, 100, 185, 250];
    const [alpha, beta, gamma] = [0.3, 0.05, 0.2];
    let l = 140;
    let b = 2;
    const s = [1.4, 1.05, 0.6, 0.95];
    const fitted: number[] = [];
    let sse = 0;
    let logf = 0;
    for (const yt of y) {
      const old = s[3];
      const mu = (l + b) * old;
      const e = (yt - mu) / mu;
      fitted.push(mu);
      sse += e * e;
      logf += Math.log(mu);
      const q = l + b;
      l = q * (1 + alpha * e);
      b = b + beta * q * e;
      s.unshift(old * (1 + gamma * e));
      s.pop();
    }
    const f = fitEts(y, {
      period: 4,
      model: 'MAM',
      damped: false,
      alpha,
      beta,
      gamma,
      initialStates: { level: 140, trend: 2, season: [1.4, 1.05, 0.6, 0.95] },
    });
    f.fitted.forEach((v, i) => expect(v).toBeCloseTo(fitted[i], 10));
    // −2 log L without constants: n·log Σε² + 2·Σ log|ŷ| (Hyndman et al. 2008, eq. 5.3 without constants).
    expect(f.loglik).toBeCloseTo(-0.5 * (12 * Math.log(sse) + 2 * logf), 10);
    // σ² = Σε² / (n − 8 parameters: α, β, γ, ℓ₀, b₀ and 3 free seasonal states).
    expect(f.sigma2).toBeCloseTo(sse / 4, 12);
    // Up to one season ahead the class-3 mean is the plain recursion (ℓ + hb)·s.
    const expected = [1, 2, 3, 4].map((h) => (l + h * b) * s[4 - h]);
    forecastEts(f, 4).mean.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
  });
});
