/**
 * Forecast means and variances of the class 3 models — multiplicative errors and multiplicative
 * season with no or additive (damped) trend: ETS(M,N,M), ETS(M,A,M), ETS(M,Ad,M) — as R's
 * `forecast.ets` (Hyndman et al. 2008, §6.4, eq. 6.3–6.5; Hyndman, Koehler, Ord & Snyder,
 * "Prediction intervals for exponential smoothing using two new classes of state space models",
 * *Journal of Forecasting* 24, 2005).
 *
 * The level-and-slope part and the seasonal part are tracked as the matrix Mₕ = E[xₕ^(ℓ,b) sₕ′] and
 * the covariance of its vectorisation Vₕ; beyond one season the mean includes a σ² correction, so
 * the point forecast is not the plain recursion.
 */
import { add, identity, kronecker, multiply, scale, transpose, vec, zeros, type Matrix } from './matrix.ts';
import type { LinearModelSpec, MeanAndVariance } from './linear-variance.ts';

/** The class 3 model: like the linear ones, but the season is multiplicative (so not a field). */
export type SeasonalModelSpec = Omit<LinearModelSpec, 'season'>;

export function class3(
  h: number,
  lastState: readonly number[],
  spec: SeasonalModelSpec,
  sigma2: number,
): MeanAndVariance {
  const { trend, m, alpha, beta, gamma } = spec;
  const p = lastState.length;
  const k = trend === 'N' ? 1 : 2;
  const h1: Matrix = [new Array<number>(k).fill(1)];
  const h2: Matrix = [[...new Array<number>(m - 1).fill(0), 1]];
  const f1: Matrix =
    trend === 'N'
      ? [[1]]
      : [
          [1, 1],
          [0, spec.damped ? spec.phi : 1],
        ];
  const g1: Matrix =
    trend === 'N'
      ? [[alpha]]
      : [
          [alpha, alpha],
          [beta, beta],
        ];
  const f2 = zeros(m, m);
  f2[0][m - 1] = 1;
  const shift = identity(m - 1);
  for (let i = 0; i < m - 1; i++) for (let j = 0; j < m - 1; j++) f2[i + 1][j] = shift[i][j];
  const g2 = zeros(m, m);
  g2[0][m - 1] = gamma;
  let mh = multiply(
    lastState.slice(0, p - m).map((v) => [v]),
    [lastState.slice(p - m)],
  );
  const size = k * m;
  let vh = zeros(size, size);
  const h21 = kronecker(h2, h1);
  const f21 = kronecker(f2, f1);
  const g21 = kronecker(g2, g1);
  const kk = add(kronecker(g2, f1), kronecker(f2, g1));
  const [h21t, f21t, g21t, kkt, f2t, g2t] = [h21, f21, g21, kk, f2, g2].map(transpose);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < h; i++) {
    const mu = multiply(multiply(h1, mh), transpose(h2))[0][0];
    mean.push(mu);
    const hvh = multiply(multiply(h21, vh), h21t)[0][0];
    variance.push((1 + sigma2) * hvh + sigma2 * mu * mu);
    const v = vec(mh);
    const vvt = multiply(v, transpose(v));
    vh = add(
      multiply(multiply(f21, vh), f21t),
      scale(
        add(
          multiply(multiply(f21, vh), g21t),
          multiply(multiply(g21, vh), f21t),
          multiply(multiply(kk, add(vh, vvt)), kkt),
          scale(multiply(multiply(g21, add(scale(vh, 3), scale(vvt, 2))), g21t), sigma2),
        ),
        sigma2,
      ),
    );
    mh = add(multiply(multiply(f1, mh), f2t), scale(multiply(multiply(g1, mh), g2t), sigma2));
  }
  return { mean, variance };
}
