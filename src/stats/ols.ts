/**
 * Ordinary least squares, as R's `lm(y ~ 0 + X)` with `summary()` and `logLik()`: the regressions
 * behind the unit-root tests (ADF, Phillips–Perron, OCSB).
 *
 * Solved by Householder QR (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.3), the
 * factorisation R's `lm` uses (LINPACK `dqrdc2`), so the fit is as accurate as R's. The design is
 * given by columns; put a column of ones in it for an intercept. Unlike R, which drops aliased
 * columns (coefficient `NA`), a design of less than full rank is an error here.
 */

/** A least-squares fit; every array is in the order of the design's columns. */
export interface OlsFit {
  coefficients: number[];
  standardErrors: number[];
  /** coefficient / standard error: R's `summary(fit)$coefficients[, "t value"]`. */
  tValues: number[];
  residuals: number[];
  /** Residual sum of squares. */
  rss: number;
  /** Observations n. */
  n: number;
  /** Residual degrees of freedom, n − number of coefficients. */
  dfResidual: number;
  /** R's `logLik(fit)`: −n/2·(log 2π + 1 − log n + log RSS). */
  logLik: number;
}

/**
 * Fits y = X·β + e by least squares. `columns` holds the regressors, each as long as `y`.
 * Throws when there are no more observations than coefficients, or when the columns are collinear.
 */
export function ols(columns: readonly (readonly number[])[], y: readonly number[]): OlsFit {
  const n = y.length;
  const p = columns.length;
  for (const c of columns) {
    if (c.length !== n) throw new RangeError(`ols: a column has ${c.length} values, y has ${n}`);
  }
  if (n <= p) {
    throw new RangeError(`ols: ${n} observations for ${p} coefficients (needs more observations)`);
  }
  const a = columns.map((c) => Array.from(c));
  const qty = Array.from(y);
  const diag = new Array<number>(p);
  for (let j = 0; j < p; j++) {
    const col = a[j];
    let norm0 = 0;
    for (const v of columns[j]) norm0 += v * v;
    norm0 = Math.sqrt(norm0);
    let norm = 0;
    for (let i = j; i < n; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm);
    // R's lm treats a column as aliased when what is left of it after projecting out the earlier
    // ones is below tol = 1e-7 of its norm.
    if (!(norm > 1e-7 * norm0)) {
      throw new RangeError(`ols: column ${j + 1} is collinear with the others (or zero)`);
    }
    const alpha = col[j] > 0 ? -norm : norm;
    col[j] -= alpha;
    // v = col[j..n), H = I − 2vvᵀ/vᵀv, vᵀv = 2·norm·(norm + |x_j|) = −2·alpha·v_j.
    const vtv = -alpha * col[j];
    const reflect = (target: number[]): void => {
      let dot = 0;
      for (let i = j; i < n; i++) dot += col[i] * target[i];
      const s = dot / vtv;
      for (let i = j; i < n; i++) target[i] -= s * col[i];
    };
    for (let k = j + 1; k < p; k++) reflect(a[k]);
    reflect(qty);
    diag[j] = alpha;
  }
  // R is upper triangular: R[j][k] = a[k][j] for k > j, R[j][j] = diag[j].
  const r = (j: number, k: number): number => (j === k ? diag[j] : a[k][j]);
  const coefficients = new Array<number>(p);
  for (let j = p - 1; j >= 0; j--) {
    let s = qty[j];
    for (let k = j + 1; k < p; k++) s -= r(j, k) * coefficients[k];
    coefficients[j] = s / diag[j];
  }
  const residuals = y.map((v, i) => {
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += columns[j][i] * coefficients[j];
    return v - fitted;
  });
  let rss = 0;
  for (const e of residuals) rss += e * e;
  const dfResidual = n - p;
  const sigma2 = rss / dfResidual;
  // (XᵀX)⁻¹ = R⁻¹R⁻ᵀ; only its diagonal is needed: Σ_k (R⁻¹)_{jk}².
  const rInv = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let k = 0; k < p; k++) {
    rInv[k][k] = 1 / diag[k];
    for (let j = k - 1; j >= 0; j--) {
      let s = 0;
      for (let i = j + 1; i <= k; i++) s += r(j, i) * rInv[i][k];
      rInv[j][k] = -s / diag[j];
    }
  }
  const standardErrors = rInv.map((row) => Math.sqrt(sigma2 * row.reduce((s, v) => s + v * v, 0)));
  return {
    coefficients,
    standardErrors,
    tValues: coefficients.map((b, j) => b / standardErrors[j]),
    residuals,
    rss,
    n,
    dfResidual,
    logLik: -(n / 2) * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss)),
  };
}

/** R's `AIC(fit, k = penalty)`: −2·logLik + penalty·(coefficients + 1), σ counted as a parameter. */
export function olsInformationCriterion(fit: OlsFit, penalty = 2): number {
  return -2 * fit.logLik + penalty * (fit.coefficients.length + 1);
}
