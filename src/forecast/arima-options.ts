/**
 * `fitArima`'s options checked and resolved: the orders, the regressors (intercept, drift, `xreg`, in
 * R's column order) and the length the series needs. Each error says what is wrong and what to do.
 */
import { checkPeriod, checkSeries } from './model.ts';
import {
  arimaDefaults,
  type ArimaMethod,
  type ArimaOptions,
  type ArimaOrder,
  type ArimaOrderTriple,
} from './arima-types.ts';

/** Options after checking, with the regressors as columns. */
export interface ResolvedArima {
  y: number[];
  order: ArimaOrder;
  method: ArimaMethod;
  transformPars: boolean;
  kappa: number;
  maxit: number;
  /** An intercept column is estimated (include.mean with d + D = 0). */
  mean: boolean;
  drift: boolean;
  /** Regressor columns in R's order: intercept, drift, `xreg`; and their names. */
  columns: number[][];
  names: string[];
  /** Number of user regressors. */
  nxreg: number;
}

const methods: readonly ArimaMethod[] = ['CSS-ML', 'ML', 'CSS'];

function checkTriple(
  name: string,
  v: ArimaOrderTriple | undefined,
  fallback: ArimaOrderTriple,
): ArimaOrderTriple {
  const t = v ?? fallback;
  if (!Array.isArray(t) || t.length !== 3 || !t.every((x) => Number.isInteger(x) && x >= 0)) {
    throw new RangeError(
      `invalid ${name}: ${JSON.stringify(v)} (must be three whole numbers ≥ 0: ${name === 'order' ? '[p, d, q]' : '[P, D, Q]'})`,
    );
  }
  return t;
}

/** Checks `values` and `options`; throws a RangeError naming the problem. */
export function resolveArima(values: ArrayLike<number>, options: ArimaOptions = {}): ResolvedArima {
  // Options given as `undefined` take their defaults (the registry passes absent --param values so).
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts = { ...arimaDefaults, ...(defined as ArimaOptions) };
  const m = checkPeriod(opts.period);
  const [p, d, q] = checkTriple('order', options.order, arimaDefaults.order);
  const seasonalGiven = options.seasonal !== undefined;
  const [P, D, Q] = checkTriple('seasonal', options.seasonal, m >= 2 ? [0, 1, 1] : [0, 0, 0]);
  if (m < 2 && seasonalGiven && P + D + Q > 0) {
    throw new RangeError(
      `a seasonal order (${P},${D},${Q}) needs period ≥ 2, got period ${m}; give the period (12 monthly, 4 quarterly) or seasonal [0, 0, 0]`,
    );
  }
  if (!methods.includes(opts.method)) {
    throw new RangeError(
      `invalid method: ${JSON.stringify(opts.method)} (must be one of ${methods.join(', ')})`,
    );
  }
  if (!(opts.kappa > 0)) throw new RangeError(`invalid kappa: ${opts.kappa} (must be > 0)`);
  if (!Number.isInteger(opts.maxit) || opts.maxit < 0)
    throw new RangeError(`invalid maxit: ${opts.maxit} (must be a whole number ≥ 0)`);
  const order: ArimaOrder = { p, d, q, P, D, Q, m };
  if (opts.includeDrift && d + D > 1) {
    throw new RangeError(
      `a drift needs d + D ≤ 1 (the model differences ${d + D} times, which removes a linear trend already); set includeDrift: false`,
    );
  }
  const model = `ARIMA(${p},${d},${q})${P + D + Q > 0 ? `(${P},${D},${Q})[${m}]` : ''}`;
  const y = checkSeries(values, { minLength: 1, model });
  const n = y.length;
  const mean = opts.includeMean && d + D === 0;
  const columns: number[][] = [];
  const names: string[] = [];
  if (mean) {
    columns.push(new Array<number>(n).fill(1));
    names.push('intercept');
  }
  if (opts.includeDrift) {
    columns.push(Array.from({ length: n }, (_, t) => t + 1));
    names.push('drift');
  }
  const xreg = options.xreg ?? [];
  xreg.forEach((column, j) => {
    if (column.length !== n)
      throw new RangeError(
        `xreg column ${j + 1} has ${column.length} values, the series ${n}; they must match`,
      );
    const bad = column.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      throw new RangeError(
        `xreg column ${j + 1}, row ${bad + 1} is ${column[bad]}: regressors must be finite`,
      );
    columns.push(Array.from(column));
  });
  const xregNames = options.xregNames ?? (xreg.length === 1 ? ['xreg'] : xreg.map((_, j) => `xreg${j + 1}`));
  if (xregNames.length !== xreg.length)
    throw new RangeError(`xregNames has ${xregNames.length} names for ${xreg.length} xreg columns`);
  names.push(...xregNames);
  // The CSS start conditions on d + D·m + p + P·m values; the fit needs more residuals than coefficients.
  const ncoef = p + q + P + Q + columns.length;
  const ncond = d + D * m + p + P * m;
  if (n - ncond <= ncoef) {
    throw new RangeError(
      `series too short for ${model}: ${n} observation${n === 1 ? '' : 's'}, need more than ${ncond + ncoef} ` +
        `(${d + D * m} lost to differencing, ${p + P * m} to the AR lags, ${ncoef} coefficient${ncoef === 1 ? '' : 's'}); use a longer series or a smaller order`,
    );
  }
  return {
    y,
    order,
    method: opts.method,
    transformPars: opts.transformPars,
    kappa: opts.kappa,
    maxit: opts.maxit,
    mean,
    drift: opts.includeDrift,
    columns,
    names,
    nxreg: xreg.length,
  };
}
