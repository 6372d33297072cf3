// The pieces of the ARIMA fit, each against R 4.2.2 (values printed by R, the call beside each) or an
// independent computation: the PACF map and its Jacobian, the seasonal expansion, the differencing
// polynomial, the stationary state covariance, root checks, maInvert, BFGS and its Hessian, CSS.
import { describe, expect, it } from 'vitest';
import { bfgs, optimHessian } from '../../../src/forecast/arima-bfgs.ts';
import { conditionalSumOfSquares } from '../../../src/forecast/arima-css.ts';
import { estimateArima, estimateVarCoef } from '../../../src/forecast/arima-estimate.ts';
import { arStationary, maInvert } from '../../../src/forecast/arima-invert.ts';
import {
  arimaLikelihood,
  arimaStateSpace,
  differencingPolynomial,
} from '../../../src/forecast/arima-kalman.ts';
import { stationaryCovariance } from '../../../src/forecast/arima-q0.ts';
import { resolveArima } from '../../../src/forecast/arima-options.ts';
import { modulus, polynomialRoots } from '../../../src/forecast/arima-roots.ts';
import {
  expandArma,
  gradTrans,
  invPartrans,
  invTransPars,
  partrans,
  undoPars,
} from '../../../src/forecast/arima-transform.ts';

/** Q₀ solving Q = T Q T′ + R R′ by vec(Q) = (I − T⊗T)⁻¹ vec(RR′) (dense Gaussian elimination). */
function lyapunov(phi: number[], theta: number[]): number[] {
  const r = Math.max(phi.length, theta.length + 1);
  const T = Array.from({ length: r }, (_, i) =>
    Array.from({ length: r }, (_, j) => (j === 0 && i < phi.length ? phi[i] : 0) + (j === i + 1 ? 1 : 0)),
  );
  const R = Array.from({ length: r }, (_, i) => (i === 0 ? 1 : (theta[i - 1] ?? 0)));
  const n = r * r;
  const A = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => {
      const [i, j, k, l] = [Math.floor(a / r), a % r, Math.floor(b / r), b % r];
      return (a === b ? 1 : 0) - T[i][k] * T[j][l];
    }),
  );
  const x = Array.from({ length: n }, (_, a) => R[Math.floor(a / r)] * R[a % r]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(A[i][c]) > Math.abs(A[p][c])) p = i;
    [A[c], A[p]] = [A[p], A[c]];
    [x[c], x[p]] = [x[p], x[c]];
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = A[i][c] / A[c][c];
      for (let j = c; j < n; j++) A[i][j] -= f * A[c][j];
      x[i] -= f * x[c];
    }
  }
  return x.map((v, i) => v / A[i][i]);
}

describe('PACF map (R: .Call(stats:::C_ARIMA_transPars / _Invtrans / _Gradtrans, …))', () => {
  it('partrans is tanh then Durbin–Levinson, and invPartrans undoes it', () => {
    // One coefficient: φ = tanh(x).
    expect(partrans([0.5])[0]).toBeCloseTo(Math.tanh(0.5), 15);
    // Two: φ₂ = tanh(x₂), φ₁ = tanh(x₁)(1 − tanh(x₂)).
    const [a, b] = [Math.tanh(0.3), Math.tanh(-0.7)];
    const phi = partrans([0.3, -0.7]);
    expect(phi[0]).toBeCloseTo(a - b * a, 15);
    expect(phi[1]).toBeCloseTo(b, 15);
    const raw = [0.8, -0.4, 0.25, 1.1];
    invPartrans(partrans(raw)).forEach((v, i) => expect(v).toBeCloseTo(raw[i], 12));
  });

  it('maps any reals to a stationary AR polynomial', () => {
    for (const raw of [
      [3, -3, 2],
      [-5, 4],
      [0.1, 0.2, 0.3, 0.4, 0.5],
    ])
      expect(arStationary(partrans(raw))).toBe(true);
  });

  it('undoPars / invTransPars touch only the AR and seasonal AR blocks', () => {
    const o = { p: 1, q: 1, P: 1, Q: 1, m: 12 };
    const par = [0.4, 0.3, -0.6, -0.5, 7];
    const out = undoPars(par, o);
    expect(out).toEqual([Math.tanh(0.4), 0.3, Math.tanh(-0.6), -0.5, 7]);
    invTransPars(out, o).forEach((v, i) => expect(v).toBeCloseTo(par[i], 14));
  });

  it('gradTrans is the forward-difference Jacobian with step 1e-3 (as C ARIMA_Gradtrans)', () => {
    const o = { p: 1, q: 0, P: 0, Q: 0, m: 1 };
    const A = gradTrans([0.5, 2], o);
    expect(A[0][0]).toBeCloseTo((Math.tanh(0.501) - Math.tanh(0.5)) / 1e-3, 12);
    expect(A[1]).toEqual([0, 1]);
    expect(A[0][1]).toBe(0);
  });
});

describe('expandArma (R: ARIMA_transPars(…, trans = FALSE))', () => {
  it('multiplies out (1 − φB)(1 − ΦB¹²) and (1 + θB)(1 + ΘB¹²)', () => {
    const { phi, theta } = expandArma([0.5, 0.4, 0.3, -0.6], { p: 1, q: 1, P: 1, Q: 1, m: 12 }, false);
    expect(phi).toHaveLength(13);
    expect(phi[0]).toBe(0.5);
    expect(phi[11]).toBe(0.3);
    expect(phi[12]).toBeCloseTo(-0.15, 15);
    expect(theta[0]).toBe(0.4);
    expect(theta[11]).toBe(-0.6);
    expect(theta[12]).toBeCloseTo(-0.24, 15);
    expect([...phi.slice(1, 11), ...theta.slice(1, 11)].every((v) => v === 0)).toBe(true);
  });
});

describe('differencingPolynomial (R: arima()’s Delta)', () => {
  it('(1 − B)(1 − B¹²) gives δ₁ = 1, δ₁₂ = 1, δ₁₃ = −1', () => {
    const delta = differencingPolynomial(1, 1, 12);
    expect(delta).toHaveLength(13);
    expect(delta[0]).toBe(1);
    expect(delta[11]).toBe(1);
    expect(delta[12]).toBe(-1);
  });
  it('(1 − B)² gives 2, −1', () => {
    expect(Array.from(differencingPolynomial(2, 0, 1))).toEqual([2, -1]);
  });
});

describe('stationaryCovariance (R: .Call(stats:::C_getQ0, phi, theta))', () => {
  it('matches getQ0(c(0.5, -0.2), c(0.4, 0.3, 0.1)) printed by R', () => {
    // print(.Call(stats:::C_getQ0, c(0.5, -0.2), c(0.4, 0.3, 0.1)), digits = 17), first two rows
    const r = [
      [2.153151260504202, 0.42473739495798318, 0.39, 0.1],
      [0.42473739495798318, 0.19012605042016828, 0.13, 0.04],
    ];
    const Q = stationaryCovariance(Float64Array.from([0.5, -0.2]), Float64Array.from([0.4, 0.3, 0.1]));
    r.forEach((row, i) => row.forEach((v, j) => expect(Q[i * 4 + j]).toBeCloseTo(v, 14)));
  });

  it('solves Q = T Q T′ + R R′ for seasonal AR and MA polynomials, pure MA and pure AR', () => {
    const cases: [number[], number[]][] = [
      [
        [0.3, ...new Array(10).fill(0), 0.5, -0.15],
        [0.4, ...new Array(10).fill(0), 0.3, 0.12],
      ],
      [[], [0.4, 0.3]],
      [[0.99], []],
      [[1.5, -0.56], [-0.9]],
    ];
    for (const [phi, theta] of cases) {
      const Q = stationaryCovariance(Float64Array.from(phi), Float64Array.from(theta));
      const L = lyapunov(phi, theta);
      const scale = Math.max(...L.map(Math.abs));
      L.forEach((v, i) => expect(Math.abs(Q[i] - v) / scale).toBeLessThan(1e-12));
    }
  });
});

describe('polynomialRoots (R: polyroot)', () => {
  it('finds real and complex roots', () => {
    // polyroot(c(6, -5, 1)) = 2, 3; polyroot(c(1, 0, 1)) = ±i
    const real = polynomialRoots([6, -5, 1])
      .map(([re]) => re)
      .sort();
    expect(real[0]).toBeCloseTo(2, 12);
    expect(real[1]).toBeCloseTo(3, 12);
    const complex = polynomialRoots([1, 0, 1]);
    complex.forEach((z) => expect(modulus(z)).toBeCloseTo(1, 12));
    expect(complex.map(([, im]) => Math.sign(im)).sort()).toEqual([-1, 1]);
  });
  it('copes with a degree-26 expanded seasonal polynomial', () => {
    // 1 + θ(B)Θ(B¹²) with θ = 0.5, Θ = (−0.6, 0.2): roots of each factor are known in modulus.
    const { theta } = expandArma([0.5, -0.6, 0.2], { p: 0, q: 1, P: 0, Q: 2, m: 12 }, false);
    const roots = polynomialRoots([1, ...theta]);
    expect(roots).toHaveLength(25);
    // |roots of 1 + 0.5z| = 2; roots of 1 − 0.6w + 0.2w² have |w|² = 5, so |z| = 5^(1/24).
    const mods = roots.map(modulus).sort((a, b) => a - b);
    mods.slice(0, 24).forEach((m) => expect(m).toBeCloseTo(Math.pow(5, 1 / 24), 9));
    expect(mods[24]).toBeCloseTo(2, 9);
  });
});

describe('arStationary and maInvert (stats::arima’s arCheck and maInvert)', () => {
  it('arCheck: all roots of 1 − Σ φᵢzⁱ outside the unit circle', () => {
    expect(arStationary([0.5])).toBe(true);
    expect(arStationary([1.2])).toBe(false);
    expect(arStationary([1.5, -0.56])).toBe(true); // roots 1.25 and 1.43
    expect(arStationary([0.5, 0.6])).toBe(false);
    expect(arStationary([0, 0])).toBe(true);
  });
  it('maInvert flips roots inside the unit circle and keeps the autocovariances', () => {
    expect(maInvert([2])).toEqual([0.5]);
    expect(maInvert([0.5, 0])).toEqual([0.5, 0]);
    // 1 + 2.5z + z² = (1 + 2z)(1 + 0.5z): the root −1/2 becomes −2, giving (1 + 0.5z)² = 1 + z + 0.25z².
    const inv = maInvert([2.5, 1]);
    expect(inv[0]).toBeCloseTo(1, 12);
    expect(inv[1]).toBeCloseTo(0.25, 12);
    // A complex pair inside the unit circle: 1 + z + 2z² (|z|² = 1/2).
    const c = maInvert([1, 2]);
    expect(polynomialRoots([1, ...c]).every((z) => modulus(z) > 1)).toBe(true);
    // Autocorrelation at lag 1, θ₁(1 + θ₂)/(1 + θ₁² + θ₂²), and lag 2, θ₂/(1 + θ₁² + θ₂²), are kept.
    const rho = ([a, b]: number[]) => [(a * (1 + b)) / (1 + a * a + b * b), b / (1 + a * a + b * b)];
    rho(c).forEach((v, i) => expect(v).toBeCloseTo(rho([1, 2])[i], 12));
  });
});

describe('bfgs and optimHessian (R: optim(method = "BFGS", hessian = TRUE))', () => {
  const rosenbrock = (x: number[]) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;

  it('optim(c(-1.2, 1), fr, method = "BFGS"): same point, value and counts as R', () => {
    const r = bfgs(rosenbrock, [-1.2, 1]);
    // R: par 0.99980443323139745 0.99960838062348123, value 3.8273827561079511e-08, counts 118 38
    expect(r.x[0]).toBeCloseTo(0.99980443323139745, 10);
    expect(r.x[1]).toBeCloseTo(0.99960838062348123, 10);
    expect(r.value).toBeCloseTo(3.8273827561079511e-8, 15);
    expect([r.evaluations, r.gradients]).toEqual([118, 38]);
    expect(r.code).toBe(0);
  });

  it('with parscale = c(2, 0.5) and hessian = TRUE: same point and Hessian as R', () => {
    const parscale = [2, 0.5];
    const r = bfgs(rosenbrock, [-1.2, 1], { parscale });
    // R: par 0.99918946797823327 0.99837951499901156, counts 95 37
    expect(r.x[0]).toBeCloseTo(0.99918946797823327, 10);
    expect(r.x[1]).toBeCloseTo(0.99837951499901156, 10);
    expect([r.evaluations, r.gradients]).toEqual([95, 37]);
    const H = optimHessian(rosenbrock, r.x, { parscale });
    // R: 800.70570550272896 −399.67578719126459 / 199.99999999997817
    expect(H[0][0]).toBeCloseTo(800.70570550272896, 6);
    expect(H[0][1]).toBeCloseTo(-399.67578719126459, 6);
    expect(H[1][0]).toBe(H[0][1]);
    expect(H[1][1]).toBeCloseTo(199.99999999997817, 6);
  });

  it('stops at maxit with code 1 and refuses a non-finite start', () => {
    expect(bfgs(rosenbrock, [-1.2, 1], { maxit: 3 }).code).toBe(1);
    expect(() => bfgs(() => NaN, [0])).toThrow(/not finite/);
  });
});

describe('conditional sum of squares and the Kalman filter', () => {
  it('CSS of an AR(1) on a short series, by hand', () => {
    // w = y (no differencing); e₂ = y₂ − 0.5y₁, e₃ = y₃ − 0.5y₂ with ncond = 1.
    const y = [1, 2, 4];
    const { sigma2, residuals } = conditionalSumOfSquares(y, { d: 0, D: 0, m: 1 }, [0.5], [], 1, true);
    expect(residuals).toEqual([0, 1.5, 3]);
    expect(sigma2).toBeCloseTo((1.5 ** 2 + 3 ** 2) / 2, 15);
  });

  it('the exact likelihood of a stationary AR(1) equals the closed form', () => {
    // −2 log L (σ² = 1): y₁²(1 − φ²) − log(1 − φ²) + Σ (yₜ − φyₜ₋₁)² (+ constants).
    const phi = 0.6;
    const y = [0.3, -1.2, 0.8, 2.1, -0.4];
    const res = arimaLikelihood(
      y,
      arimaStateSpace(Float64Array.from([phi]), new Float64Array(0), new Float64Array(0)),
    );
    let ssq = y[0] ** 2 * (1 - phi * phi);
    for (let t = 1; t < y.length; t++) ssq += (y[t] - phi * y[t - 1]) ** 2;
    expect(res.ssq).toBeCloseTo(ssq, 12);
    expect(res.sumlog).toBeCloseTo(-Math.log(1 - phi * phi), 12);
    expect(res.nu).toBe(5);
  });

  it('a random walk leaves out the first (diffuse) step, as R: nu = n − d', () => {
    const y = [5, 6, 4, 7];
    const res = arimaLikelihood(
      y,
      arimaStateSpace(new Float64Array(0), new Float64Array(0), differencingPolynomial(1, 0, 1)),
    );
    expect(res.nu).toBe(3);
    // With κ = 1e6 the steps after the first are the differences, up to O(1/κ).
    expect(res.ssq).toBeCloseTo(1 + 4 + 9, 4);
  });

  it('the sparse, symmetric filter equals a dense one: T·P·T′ + R·R′ and P − M·M′/F as matrices', () => {
    // ARIMA(2,1,1)(1,1,1)[12] on an irregular series: every block of the state (AR, MA, seasonal
    // differencing) is filled. The dense filter is Durbin & Koopman (2012), §4.3, written out plainly.
    const y = Array.from({ length: 60 }, (_, t) => 10 + 0.2 * t + 3 * Math.sin(t / 1.9) + ((t * 7) % 5));
    const { phi, theta } = expandArma([0.4, -0.3, 0.5, 0.2, -0.6], { p: 2, q: 1, P: 1, Q: 1, m: 12 }, false);
    const delta = differencingPolynomial(1, 1, 12);
    const model = arimaStateSpace(phi, theta, delta);
    const r = Math.max(phi.length, theta.length + 1);
    const rd = r + delta.length;
    const T = Array.from({ length: rd }, () => new Array<number>(rd).fill(0));
    for (let i = 0; i < r; i++) {
      if (i < phi.length) T[i][0] = phi[i];
      if (i + 1 < r) T[i][i + 1] = 1;
    }
    T[r][0] = 1;
    delta.forEach((v, k) => (T[r][r + k] = v));
    for (let k = 1; k < delta.length; k++) T[r + k][r + k - 1] = 1;
    const Z = Array.from({ length: rd }, (_, i) => (i === 0 ? 1 : i >= r ? delta[i - r] : 0));
    const R = Array.from({ length: rd }, (_, i) =>
      i === 0 ? 1 : i <= theta.length && i < r ? theta[i - 1] : 0,
    );
    let a = new Array<number>(rd).fill(0);
    let P = Array.from({ length: rd }, (_, i) => Array.from({ length: rd }, (_, j) => model.P[i * rd + j]));
    const mul = (A: number[][], B: number[][]) =>
      A.map((row) => B[0].map((_, j) => row.reduce((s, v, k) => s + v * B[k][j], 0)));
    const Tt = T[0].map((_, j) => T.map((row) => row[j]));
    let ssq = 0;
    let sumlog = 0;
    let nu = 0;
    y.forEach((yt, t) => {
      a = T.map((row) => row.reduce((s, v, k) => s + v * a[k], 0));
      if (t > 0) P = mul(mul(T, P), Tt).map((row, i) => row.map((v, j) => v + R[i] * R[j]));
      const M = P.map((row) => row.reduce((s, v, k) => s + v * Z[k], 0));
      const F = M.reduce((s, v, k) => s + v * Z[k], 0);
      const v = yt - Z.reduce((s, z, k) => s + z * a[k], 0);
      if (F < 1e4) {
        nu++;
        ssq += (v * v) / F;
        sumlog += Math.log(F);
      }
      a = a.map((ai, i) => ai + (M[i] * v) / F);
      P = P.map((row, i) => row.map((pij, j) => pij - (M[i] * M[j]) / F));
    });
    const res = arimaLikelihood(y, model);
    expect(res.nu).toBe(nu);
    expect(Math.abs(res.ssq - ssq) / ssq).toBeLessThan(1e-9);
    expect(Math.abs(res.sumlog - sumlog) / Math.abs(sumlog)).toBeLessThan(1e-9);
    for (let i = 0; i < rd; i++) {
      expect(Math.abs(model.a[i] - a[i])).toBeLessThan(1e-6 * (1 + Math.abs(a[i])));
      for (let j = 0; j < rd; j++) {
        expect(Math.abs(model.P[i * rd + j] - P[i][j])).toBeLessThan(1e-6 * (1 + Math.abs(P[i][j])));
        expect(model.P[i * rd + j]).toBe(model.P[j * rd + i]);
      }
    }
  });
});

describe('standard errors computed later (as autoArima does for the models it keeps)', () => {
  it('estimateVarCoef gives exactly the var.coef of hessian: true, also with rotated regressors', () => {
    const y = Array.from(
      { length: 72 },
      (_, t) => 50 + 0.5 * t + 8 * Math.sin((2 * Math.PI * t) / 12) + ((t * 13) % 7),
    );
    const x1 = y.map((_, t) => Math.cos(t / 3));
    const x2 = y.map((_, t) => ((t * 5) % 11) - 5);
    for (const options of [
      { period: 12, order: [1, 1, 1] as const, seasonal: [0, 1, 1] as const },
      { period: 12, order: [1, 0, 0] as const, seasonal: [1, 0, 0] as const, xreg: [x1, x2] },
      { period: 12, order: [1, 1, 0] as const, seasonal: [0, 1, 0] as const, method: 'CSS' as const },
    ]) {
      const spec = resolveArima(y, options);
      const full = estimateArima(spec, { hessian: true });
      const later = estimateArima(spec, { hessian: false });
      expect(later.varCoef).toBeUndefined();
      expect(later.coef).toEqual(full.coef);
      expect(estimateVarCoef(spec, later)).toEqual(full.varCoef);
    }
  });
});
