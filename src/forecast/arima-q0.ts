/**
 * The stationary covariance Q₀ of the ARMA part of the state vector, the initial state covariance of
 * the exact likelihood (R's `getQ0`, "Gardner1980": Gardner, Harvey & Phillips, "Algorithm AS 154",
 * *Applied Statistics* 29(3), 1980, which solves Q₀ = T Q₀ T′ + R R′ by Givens regression).
 *
 * The same matrix is computed here from the process's autocovariances, which is cheaper for the
 * sparse polynomials of seasonal models: with state aₜ[i] = Σ_{k>i} φ_k x_{t+i−k} + Σ_{k≥i} θ_k e_{t+i−k}
 * (Harvey's form, θ₀ = 1, σ² = 1),
 *   Cov(a[i], a[j]) = ΣΣ φ_kφ_l γ(k−i−l+j) + ΣΣ φ_kθ_l ψ(l−j−k+i) + ΣΣ θ_kφ_l ψ(k−i−l+j) + Σ θ_{i+s}θ_{j+s},
 * with γ the autocovariances and ψ the MA(∞) weights (Brockwell & Davis, *Time Series: Theory and
 * Methods*, 2nd ed., 1991, §3.3, method 2). It agrees with R's `getQ0` to rounding (~1e-14).
 */

/** Q₀ as an r×r row-major matrix, r = max(p, q + 1), for AR coefficients `phi` and MA `theta`. */
export function stationaryCovariance(phi: ArrayLike<number>, theta: ArrayLike<number>): Float64Array {
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const P = new Float64Array(r * r);
  // Φ_k (k = 1…r) and Θ_k (k = 0…r−1), with their non-zero indices.
  const Phi = new Float64Array(r + 1);
  for (let k = 1; k <= p; k++) Phi[k] = phi[k - 1];
  const Theta = new Float64Array(r);
  Theta[0] = 1;
  for (let k = 1; k <= q; k++) Theta[k] = theta[k - 1];
  const phiNz: number[] = [];
  for (let k = 1; k <= r; k++) if (Phi[k] !== 0) phiNz.push(k);
  const thetaNz: number[] = [];
  for (let k = 0; k < r; k++) if (Theta[k] !== 0) thetaNz.push(k);

  // ψ weights ψ_0…ψ_{r}: ψ_n = Θ_n + Σ Φ_k ψ_{n−k}.
  const psi = new Float64Array(r + 1);
  for (let n = 0; n <= r; n++) {
    let s = n < r ? Theta[n] : 0;
    for (const k of phiNz) if (k <= n) s += Phi[k] * psi[n - k];
    psi[n] = s;
  }
  const psiAt = (n: number): number => (n < 0 ? 0 : psi[n]);

  if (phiNz.length === 0) {
    // Pure MA: only the last sum, Σ_s Θ_{i+s} Θ_{j+s}.
    for (let i = 0; i < r; i++) {
      for (let j = i; j < r; j++) {
        let s = 0;
        for (let k = j; k < r; k++) s += Theta[i + k - j] * Theta[k];
        P[i * r + j] = P[j * r + i] = s;
      }
    }
    return P;
  }

  const gamma = autocovariances(Phi, p, Theta, psi, r);
  const g = (h: number): number => gamma[h < 0 ? -h : h];
  for (let i = 0; i < r; i++) {
    for (let j = i; j < r; j++) {
      let s = 0;
      for (const k of phiNz) {
        if (k <= i) continue;
        for (const l of phiNz) if (l > j) s += Phi[k] * Phi[l] * g(k - i - l + j);
        for (const l of thetaNz) if (l >= j) s += Phi[k] * Theta[l] * psiAt(l - j - k + i);
      }
      for (const k of thetaNz) {
        if (k < i) continue;
        for (const l of phiNz) if (l > j) s += Theta[k] * Phi[l] * psiAt(k - i - l + j);
        // Same innovation: k − i = l − j.
        const l = k - i + j;
        if (l < r) s += Theta[k] * Theta[l];
      }
      P[i * r + j] = P[j * r + i] = s;
    }
  }
  return P;
}

/**
 * γ(0…r) of the ARMA process (σ² = 1): γ(0…p) from the p + 1 linear equations
 * γ(k) − Σ Φ_j γ(|k − j|) = Σ_{j≥k} Θ_j ψ_{j−k}, the rest by the recursion.
 */
function autocovariances(
  Phi: Float64Array,
  p: number,
  Theta: Float64Array,
  psi: Float64Array,
  r: number,
): Float64Array {
  const q = r - 1;
  const rhs = (k: number): number => {
    let s = 0;
    for (let j = k; j <= q; j++) s += Theta[j] * psi[j - k];
    return s;
  };
  const n = p + 1;
  const A = new Float64Array(n * n);
  const b = new Float64Array(n);
  for (let k = 0; k <= p; k++) {
    A[k * n + k] += 1;
    for (let j = 1; j <= p; j++) A[k * n + Math.abs(k - j)] -= Phi[j];
    b[k] = rhs(k);
  }
  solveInPlace(A, b, n);
  const gamma = new Float64Array(r + 1);
  for (let k = 0; k <= Math.min(p, r); k++) gamma[k] = b[k];
  for (let k = p + 1; k <= r; k++) {
    let s = rhs(k);
    for (let j = 1; j <= p; j++) s += Phi[j] * gamma[k - j];
    gamma[k] = s;
  }
  return gamma;
}

/** Solves A x = b (n×n, row-major) by Gaussian elimination with partial pivoting; x overwrites b. */
function solveInPlace(A: Float64Array, b: Float64Array, n: number): void {
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(A[i * n + c]) > Math.abs(A[pivot * n + c])) pivot = i;
    if (A[pivot * n + c] === 0)
      throw new RangeError('the AR part is not stationary (singular autocovariance system)');
    if (pivot !== c) {
      for (let j = 0; j < n; j++) {
        const t = A[c * n + j];
        A[c * n + j] = A[pivot * n + j];
        A[pivot * n + j] = t;
      }
      const t = b[c];
      b[c] = b[pivot];
      b[pivot] = t;
    }
    const d = A[c * n + c];
    for (let i = c + 1; i < n; i++) {
      const f = A[i * n + c] / d;
      if (f === 0) continue;
      for (let j = c; j < n; j++) A[i * n + j] -= f * A[c * n + j];
      b[i] -= f * b[c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= A[i * n + j] * b[j];
    b[i] = s / A[i * n + i];
  }
}
