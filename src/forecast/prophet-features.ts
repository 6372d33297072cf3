/**
 * The regression matrix X of the Prophet-style model, as R prophet's `make_all_seasonality_features`:
 * Fourier columns of each seasonality, indicator columns of each holiday window, then each extra
 * regressor (standardised as `initialize_scales` does), each column with its prior scale and mode.
 */
import { holidayColumnName, holidayFeatures } from './prophet-holidays.ts';
import { checkMode, checkName, fourierFeatures } from './prophet-seasonality.ts';
import type {
  ProphetColumn,
  ProphetHolidaySpec,
  ProphetMode,
  ProphetRegressor,
  ProphetRegressorSpec,
  ProphetSeasonalitySpec,
} from './prophet-types.ts';

/** What the columns are made from. */
export interface ProphetFeatureSpec {
  seasonalities: readonly ProphetSeasonalitySpec[];
  holidays: readonly ProphetHolidaySpec[];
  regressors: readonly ProphetRegressorSpec[];
}

/** X at `times`, row-major (n × columns.length), and what each column is. */
export interface ProphetFeatures {
  columns: ProphetColumn[];
  X: Float64Array;
}

/** Builds X at `times`; `regressorValues` holds each regressor's raw values at those times. */
export function prophetFeatures(
  times: readonly number[],
  spec: ProphetFeatureSpec,
  regressorValues: Readonly<Record<string, readonly number[]>>,
): ProphetFeatures {
  const columns: ProphetColumn[] = [];
  const values: ArrayLike<number>[] = [];
  for (const s of spec.seasonalities) {
    fourierFeatures(times, s.period, s.fourierOrder).forEach((v, j) => {
      columns.push({
        name: `${s.name}_delim_${j + 1}`,
        component: s.name,
        kind: 'seasonality',
        mode: s.mode,
        priorScale: s.priorScale,
      });
      values.push(v);
    });
  }
  for (const h of spec.holidays) {
    for (const { offset, values: v } of holidayFeatures(times, h)) {
      columns.push({
        name: holidayColumnName(h.name, offset),
        component: h.name,
        kind: 'holiday',
        mode: h.mode,
        priorScale: h.priorScale,
      });
      values.push(v);
    }
  }
  for (const r of spec.regressors) {
    const raw = regressorValues[r.name];
    if (!raw) throw new RangeError(`regressor "${r.name}" has no values for the predicted dates`);
    if (raw.length !== times.length)
      throw new RangeError(`regressor "${r.name}" has ${raw.length} values for ${times.length} dates`);
    columns.push({
      name: r.name,
      component: r.name,
      kind: 'regressor',
      mode: r.mode,
      priorScale: r.priorScale,
    });
    values.push(
      raw.map((x, i) => {
        if (!Number.isFinite(x))
          throw new RangeError(
            `regressor "${r.name}" value ${i + 1} is ${x}: regressors need finite numbers`,
          );
        return (x - r.mu) / r.std;
      }),
    );
  }
  const n = times.length;
  const K = columns.length;
  const X = new Float64Array(n * K);
  for (let j = 0; j < K; j++) {
    const v = values[j];
    for (let i = 0; i < n; i++) X[i * K + j] = v[i];
  }
  return { columns, X };
}

/**
 * Checks the extra regressors given to a fit (one finite value per observation) and sets how each is
 * standardised: by mean and standard deviation (n − 1), unless it is binary 0/1 (with `'auto'`) or
 * constant.
 */
export function resolveRegressors(
  regressors: readonly ProphetRegressor[],
  n: number,
  priorScale: number,
  mode: ProphetMode,
  taken: ReadonlySet<string>,
): ProphetRegressorSpec[] {
  const seen = new Set<string>();
  return regressors.map((r, i) => {
    const what = `regressors[${i}]`;
    checkName(r.name, what);
    if (seen.has(r.name) || taken.has(r.name))
      throw new RangeError(`${what}: the name "${r.name}" is already used by another component`);
    seen.add(r.name);
    if (!r.values || r.values.length !== n)
      throw new RangeError(
        `${what}: regressor "${r.name}" has ${r.values?.length ?? 0} values for ${n} observations`,
      );
    r.values.forEach((x, j) => {
      if (!Number.isFinite(x))
        throw new RangeError(
          `${what}: regressor "${r.name}" value ${j + 1} is ${x}; regressors need finite numbers`,
        );
    });
    const scale = r.priorScale ?? priorScale;
    if (!(scale > 0)) throw new RangeError(`${what}.priorScale is ${scale}: must be > 0`);
    const regressorMode = checkMode(r.mode ?? mode, `${what}.mode`);
    const distinct = new Set(r.values);
    let standardize = r.standardize ?? 'auto';
    if (standardize !== 'auto' && typeof standardize !== 'boolean')
      throw new RangeError(
        `${what}.standardize is ${JSON.stringify(standardize)}: must be 'auto', true or false`,
      );
    if (distinct.size < 2) standardize = false;
    if (standardize === 'auto') standardize = !(distinct.size === 2 && distinct.has(0) && distinct.has(1));
    let mu = 0;
    let std = 1;
    if (standardize) {
      mu = r.values.reduce((a, b) => a + b, 0) / n;
      std = Math.sqrt(r.values.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1));
    }
    return { name: r.name, priorScale: scale, mode: regressorMode, mu, std };
  });
}
