// Optimised ETS fits against R 4.2.2 + forecast 8.20 on four lesson series (hold-out: the last h points).
// References: test/fixtures/ref-ets/ref-<series>.json, each value next to the R call that produced it.
// The brief's targets are "same model, AICc within 0.5 %, forecasts within 2 %". Because the optimiser
// (R's nmmin), starting values, bounds and recursions are reproduced step for step, the fits agree with
// R to rounding error, and the tests lock that in: log-likelihood and AICc to 1e-8 relative, smoothing
// parameters to 1e-6 absolute, initial level to 1e-6 relative, forecasts to 1e-6 relative.
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
  loglik: number;
  aicc: number;
  sigma2: number;
  mse: number;
  npar_ic: number;
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

const fits: Record<string, (y: number[], m: number) => EtsFit> = {
  ses: (y) => fitSes(y),
  holt: (y) => fitHolt(y),
  damped: (y) => fitHolt(y, { damped: true }),
  hw_add: (y, m) => fitHoltWinters(y, { period: m, seasonal: 'additive' }),
  hw_mult: (y, m) => fitHoltWinters(y, { period: m, seasonal: 'multiplicative' }),
  ets: (y, m) => fitEts(y, { period: m }),
};

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

for (const name of Object.keys(data)) {
  const ref = reference(name);
  const y = data[name].slice(0, ref.n_train);
  describe(`${name}: y <- ts(head(${name}, ${ref.n_train}), frequency = ${ref.frequency})`, () => {
    for (const [key, fit] of Object.entries(fits)) {
      const r = ref.calls[key];
      it(`${r.r} → ${r.model}: loglik, AICc 1e-8; α β γ φ 1e-6; forecasts 1e-6 relative`, () => {
        const f = fit(y, ref.frequency);
        expect(f.method).toBe(r.model);
        expect(relative(f.loglik, r.loglik)).toBeLessThan(1e-8);
        expect(relative(f.aicc, r.aicc)).toBeLessThan(1e-8);
        expect(relative(f.sigma2, r.sigma2)).toBeLessThan(1e-6);
        expect(relative(f.mse, r.mse)).toBeLessThan(1e-6);
        expect(f.nparams).toBe(r.npar_ic);
        for (const p of ['alpha', 'beta', 'gamma', 'phi']) {
          if (r.par[p] === undefined) expect(f.params[p]).toBeUndefined();
          else expect(Math.abs(f.params[p] - r.par[p])).toBeLessThan(1e-6);
        }
        expect(relative(f.initialStates.l0, r.initstate.l)).toBeLessThan(1e-6);
        const fc = forecastEts(f, ref.h);
        expect(fc.mean).toHaveLength(ref.h);
        fc.mean.forEach((v, i) => expect(relative(v, r.forecast[i])).toBeLessThan(1e-6));
      });
    }
  });
}

describe('forecast::ets(AirPassengers[1:120]) and the local optimum of ETS(A,A,A)', () => {
  const y = data.AirPassengers.slice(0, 120);

  it('hw(y, "additive") stops where R stops: α ≈ 1, γ ≈ 0, loglik −603.957 (R is reproduced, local optimum included)', () => {
    const f = fitHoltWinters(y, { period: 12 });
    expect(f.params.alpha).toBeGreaterThan(0.9998);
    expect(f.params.gamma).toBeLessThan(2e-4);
    expect(f.loglik).toBeCloseTo(-603.956955871761, 6);
  });

  it('a better optimum exists: statsmodels’ α .2368, γ .7631 (β at its bound 1e-4) gives loglik ≈ −581.4 > −603.96', () => {
    // FORECAST-NOTES: "at statsmodels' parameters R's own likelihood is −581.39". The initial states are
    // re-estimated here, so the value differs from R's in the second decimal; the point is the gap of 22.
    const f = fitEts(y, {
      period: 12,
      model: 'AAA',
      damped: false,
      alpha: 0.23677557164097432,
      beta: 1e-4,
      gamma: 0.7631481059161899,
    });
    expect(f.loglik).toBeGreaterThan(-582);
    expect(f.loglik).toBeLessThan(-581);
  });
});
