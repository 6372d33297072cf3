/**
 * The parameter maps of R's `stats::arima` (C `ARIMA_transPars`, `ARIMA_Invtrans`, `ARIMA_Gradtrans`,
 * `ARIMA_undoPars`): AR coefficients are optimised as unconstrained reals that map onto the stationary
 * region through the partial autocorrelations (Jones, "Maximum likelihood fitting of ARMA models to
 * time series with missing observations", *Technometrics* 22(3), 1980; Monahan, *Biometrika* 71(2),
 * 1984): tanh sends each real to a PACF in (−1, 1) and the Durbin–Levinson recursion turns the PACFs
 * into AR coefficients. MA coefficients are not transformed (R enforces invertibility afterwards, see
 * `arima-invert.ts`). The multiplicative seasonal model is expanded into one AR and one MA polynomial.
 */

/** Orders of a multiplicative seasonal ARMA, as R's `arma` vector (p, q, P, Q, m). */
export interface ArmaOrders {
  p: number;
  q: number;
  P: number;
  Q: number;
  /** Seasonal period (1 when there is no season). */
  m: number;
}

/** PACFs in raw (unconstrained) form → AR coefficients: tanh, then Durbin–Levinson (R's `partrans`). */
export function partrans(raw: ArrayLike<number>, offset = 0, length = raw.length - offset): number[] {
  const out = new Array<number>(length);
  for (let j = 0; j < length; j++) out[j] = Math.tanh(raw[offset + j]);
  const work = out.slice();
  for (let j = 1; j < length; j++) {
    const a = out[j];
    for (let k = 0; k < j; k++) work[k] -= a * out[j - k - 1];
    for (let k = 0; k < j; k++) out[k] = work[k];
  }
  return out;
}

/** The inverse of {@link partrans}: AR coefficients (stationary) → raw PACFs (R's `invpartrans`). */
export function invPartrans(phi: ArrayLike<number>, offset = 0, length = phi.length - offset): number[] {
  const out = new Array<number>(length);
  for (let j = 0; j < length; j++) out[j] = phi[offset + j];
  const work = out.slice();
  for (let j = length - 1; j > 0; j--) {
    const a = out[j];
    for (let k = 0; k < j; k++) work[k] = (out[k] + a * out[j - k - 1]) / (1 - a * a);
    for (let k = 0; k < j; k++) out[k] = work[k];
  }
  return out.map(Math.atanh);
}

/**
 * Coefficients (ar, ma, sar, sma, then regression) with the AR and seasonal AR parts mapped by
 * {@link partrans} (R's `ARIMA_undoPars`); the others are copied.
 */
export function undoPars(par: ArrayLike<number>, o: ArmaOrders): number[] {
  const out = Array.from(par);
  if (o.p > 0) out.splice(0, o.p, ...partrans(par, 0, o.p));
  if (o.P > 0) out.splice(o.p + o.q, o.P, ...partrans(par, o.p + o.q, o.P));
  return out;
}

/** The inverse of {@link undoPars} (R's `ARIMA_Invtrans`). */
export function invTransPars(par: ArrayLike<number>, o: ArmaOrders): number[] {
  const out = Array.from(par);
  if (o.p > 0) out.splice(0, o.p, ...invPartrans(par, 0, o.p));
  if (o.P > 0) out.splice(o.p + o.q, o.P, ...invPartrans(par, o.p + o.q, o.P));
  return out;
}

/**
 * The expanded polynomials of the multiplicative model: φ(B)Φ(Bᵐ) = 1 − Σ phi_i Bⁱ and
 * θ(B)Θ(Bᵐ) = 1 + Σ theta_i Bⁱ, from (ar, ma, sar, sma), first mapped by {@link undoPars} when
 * `transform` is set (R's `ARIMA_transPars`).
 */
export function expandArma(
  par: ArrayLike<number>,
  o: ArmaOrders,
  transform: boolean,
): { phi: Float64Array; theta: Float64Array } {
  const c = transform ? undoPars(par, o) : par;
  const { p, q, P, Q, m } = o;
  const phi = new Float64Array(p + m * P);
  const theta = new Float64Array(q + m * Q);
  for (let i = 0; i < p; i++) phi[i] = c[i];
  for (let i = 0; i < q; i++) theta[i] = c[p + i];
  for (let j = 0; j < P; j++) {
    const s = c[p + q + j];
    phi[(j + 1) * m - 1] += s;
    for (let i = 0; i < p; i++) phi[(j + 1) * m + i] -= c[i] * s;
  }
  for (let j = 0; j < Q; j++) {
    const s = c[p + q + P + j];
    theta[(j + 1) * m - 1] += s;
    for (let i = 0; i < q; i++) theta[(j + 1) * m + i] += c[p + i] * s;
  }
  return { phi, theta };
}

/**
 * ∂(undoPars(par))ⱼ/∂parᵢ by forward differences with step 1e-3, exactly as R's `ARIMA_Gradtrans`
 * (whose step decides the delta-method standard errors of AR coefficients). Row i, column j; identity
 * outside the AR blocks. `n` is the number of coefficients (regression ones included).
 */
export function gradTrans(par: ArrayLike<number>, o: ArmaOrders): number[][] {
  const n = par.length;
  const eps = 1e-3;
  const A = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)),
  );
  const block = (offset: number, len: number) => {
    if (len === 0) return;
    const w1 = Array.from({ length: len }, (_, i) => par[offset + i]);
    const w2 = partrans(w1);
    for (let i = 0; i < len; i++) {
      w1[i] += eps;
      const w3 = partrans(w1);
      for (let j = 0; j < len; j++) A[offset + i][offset + j] = (w3[j] - w2[j]) / eps;
      w1[i] -= eps;
    }
  };
  block(0, o.p);
  block(o.p + o.q, o.P);
  return A;
}
