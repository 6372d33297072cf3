/**
 * Linear regression on lag features: least squares as scikit-learn's `LinearRegression()`, or with a
 * ridge penalty as `Ridge(alpha = ridge)` — min ‖y − b₀ − Xb‖² + ridge·‖b‖², the intercept not
 * penalised and no scaling of the features.
 *
 * Solved by Householder QR (`stats/ols.ts`); the ridge penalty by appending √ridge·I rows (zero in the
 * intercept column, target 0), whose least-squares solution is exactly the ridge estimate (Hoerl &
 * Kennard, *Technometrics* 12(1), 1970; the augmentation trick: Hastie, Tibshirani & Friedman,
 * *The Elements of Statistical Learning*, 2nd ed., Exercise 3.12).
 */
import { ols } from '../../stats/ols.ts';
import type { Forecast, ForecastOptions } from '../model.ts';
import { fitLagModel, forecastLagModel, type LagLearner } from './lag-model.ts';
import type { LagModelFit, LagModelOptions, LinearStepModel } from './lag-model-types.ts';

/** Options of {@link fitLinear}. */
export interface LinearOptions extends LagModelOptions {
  /** Ridge penalty λ ≥ 0 on the coefficients (not the intercept). Default 0 (ordinary least squares). */
  ridge?: number;
}

export const linearDefaults = { ridge: 0 } as const satisfies LinearOptions;

/** Least squares of `target` on `rows` with an intercept and penalty `ridge`. */
export function fitLeastSquares(
  rows: readonly (readonly number[])[],
  target: readonly number[],
  ridge = 0,
): LinearStepModel {
  if (!(ridge >= 0 && Number.isFinite(ridge)))
    throw new RangeError(`invalid ridge: ${ridge} (must be a number ≥ 0; 0 is ordinary least squares)`);
  const n = rows.length;
  const p = n ? rows[0].length : 0;
  const extra = ridge > 0 ? p : 0;
  const columns = [new Array<number>(n + extra).fill(1)];
  for (let j = 0; j < p; j++) {
    const c = new Array<number>(n + extra).fill(0);
    for (let i = 0; i < n; i++) c[i] = rows[i][j];
    if (extra) c[n + j] = Math.sqrt(ridge);
    columns.push(c);
  }
  for (let j = 0; j < extra; j++) columns[0][n + j] = 0;
  const y = [...target, ...new Array<number>(extra).fill(0)];
  let coefficients: number[];
  try {
    coefficients = ols(columns, y).coefficients;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RangeError(
      `linear: the features cannot be separated (${message}); use a ridge penalty (ridge > 0), fewer lags or fewer calendar features`,
      { cause: error },
    );
  }
  return { type: 'linear', intercept: coefficients[0], coefficients: coefficients.slice(1) };
}

function linearLearner(ridge: number): LagLearner {
  return {
    kind: 'linear',
    method: ridge > 0 ? 'Ridge regression' : 'Linear regression',
    settings: ridge > 0 ? `ridge ${ridge}` : 'least squares',
    importanceByDefault: false,
    // More rows than coefficients (features + intercept), unless the penalty makes it well posed.
    minRows: (p) => (ridge > 0 ? 2 : p + 2),
    fit: (rows, target) => ({ model: fitLeastSquares(rows, target, ridge) }),
    params: (model, features) => {
      const m = model as LinearStepModel;
      return {
        intercept: m.intercept,
        ...Object.fromEntries(features.map((f, j) => [`coef.${f}`, m.coefficients[j]])),
      };
    },
  };
}

/** Fits a linear model on lag features to `values` (oldest first). */
export function fitLinear(values: ArrayLike<number>, options: LinearOptions = {}): LagModelFit {
  const { ridge } = { ...linearDefaults, ...options };
  return fitLagModel(values, options, linearLearner(ridge));
}

/** Forecasts and intervals h steps ahead (see `lag-model.ts`). */
export function forecastLinear(fit: LagModelFit, h: number, options: ForecastOptions = {}): Forecast {
  return forecastLagModel(fit, h, options);
}
