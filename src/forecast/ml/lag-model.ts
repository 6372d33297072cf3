/**
 * The pipeline every lag forecaster shares: build the design (`lag-features.ts`), fit one model per
 * step (direct) or one one-step model (recursive), hold the latest rows out of a second fit to measure
 * honest errors and permutation importances, and forecast — feeding forecasts back as lags
 * (recursive) or reading each step's model (direct), then summing differenced forecasts back onto the
 * last value.
 *
 * Intervals (normal unless simulated):
 * - `linear`, recursive: the model is a linear recursion, so the h-step error is Σ ψ_j ε_{n+h−j} with
 *   ψ its impulse response (computed by forecasting once more with a unit shock at step 1):
 *   var_h = σ² Σ_{j<h} ψ_j², σ² = RSS/(rows − coefficients) — the AR forecast variance.
 * - `linear`, direct: σ_k² of step k's model (with a differenced target, the steps' variances are
 *   summed, which ignores their correlation).
 * - trees, recursive: `paths` simulated futures, each step's forecast plus an error drawn from the
 *   validation tail's one-step errors, fed back; the interval is their quantiles (type 7).
 * - trees, direct: normal with σ_k² the mean squared validation error of step k's model.
 * Without a validation tail the trees give no intervals (their in-sample errors are not honest).
 */
import { SeededRandom } from '../../stats/random.ts';
import { normalQuantile } from '../../stats/normal-quantile.ts';
import {
  checkHorizon,
  checkLevels,
  checkPeriod,
  checkSeries,
  type Forecast,
  type ForecastOptions,
  type PredictionInterval,
} from '../model.ts';
import { designOf, featureRow, lagFeatureSpec, targetSeries, type LagFeatureSpec } from './lag-features.ts';
import {
  lagModelDefaults,
  lagStrategies,
  type LagModelFit,
  type LagModelOptions,
  type LagStepModel,
} from './lag-model-types.ts';
import { permutationImportance } from './permutation-importance.ts';
import { predictTree } from './regression-tree.ts';

/** How one model kind fits a design; the pipeline does the rest. */
export interface LagLearner {
  kind: LagModelFit['kind'];
  /** The method name of fits, e.g. `Random forest`. */
  method: string;
  /** Settings for the spec, e.g. `100 trees`. */
  settings: string;
  /** Whether importances are computed unless the options say otherwise. */
  importanceByDefault: boolean;
  /** Fewest rows a fit needs for `p` features (a smaller validation head is skipped). */
  minRows(p: number): number;
  /**
   * Fits `rows` → `target` with generator seed `seed`. `monitor` (held-out rows) may choose the size
   * of the model, returned as `rounds`; `rounds` fixes it.
   */
  fit(
    rows: number[][],
    target: number[],
    seed: number,
    control: { monitor?: { rows: number[][]; target: number[] }; rounds?: number },
  ): { model: LagStepModel; rounds?: number };
  /** Numbers for `params` (coefficients by feature name, sizes). */
  params(model: LagStepModel, features: readonly string[]): Record<string, number>;
}

/** A step model's prediction for one row. */
export function predictStep(model: LagStepModel, row: ArrayLike<number>): number {
  switch (model.type) {
    case 'linear': {
      let s = model.intercept;
      for (let j = 0; j < model.coefficients.length; j++) s += model.coefficients[j] * row[j];
      return s;
    }
    case 'forest': {
      let s = 0;
      for (const tree of model.trees) s += predictTree(tree, row);
      return s / model.trees.length;
    }
    case 'boost': {
      let s = 0;
      for (const tree of model.trees) s += predictTree(tree, row);
      return model.init + model.learningRate * s;
    }
  }
}

// Seeds of the separate random steps, so that each is reproducible on its own.
const HEAD_SEED = 1_000_003;
const IMPORTANCE_SEED = 2_000_003;
const PATH_SEED = 3_000_017;

/** Fits a lag forecaster of kind `learner` to `values` (oldest first). */
export function fitLagModel(
  values: ArrayLike<number>,
  options: LagModelOptions,
  learner: LagLearner,
): LagModelFit {
  const o = { ...lagModelDefaults, ...options };
  const name = `${learner.kind}`;
  const y = checkSeries(values, { minLength: 3, model: name });
  const period = checkPeriod(o.period ?? 1);
  if (!lagStrategies.includes(o.strategy))
    throw new RangeError(
      `invalid strategy: ${JSON.stringify(o.strategy)} (must be ${lagStrategies.join(' or ')})`,
    );
  if (!(o.validation >= 0 && o.validation < 1))
    throw new RangeError(`invalid validation: ${o.validation} (must be a fraction in [0, 1), e.g. 0.2)`);
  if (!Number.isInteger(o.paths) || o.paths < 0)
    throw new RangeError(`invalid paths: ${o.paths} (must be a whole number ≥ 0)`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`invalid seed: ${o.seed} (must be a finite number)`);
  const steps = o.strategy === 'direct' ? checkHorizon(o.horizon ?? Math.max(6, 2 * period)) : 1;
  const importance = o.importance ?? learner.importanceByDefault;
  const featureOptions = {
    period,
    lags: o.lags,
    rollingMeans: o.rollingMeans,
    calendar: o.calendar,
    fourier: o.fourier,
    difference: o.difference,
    dates: o.dates,
  };
  const models: LagStepModel[] = [];
  const validationErrors: number[][] = [];
  const stepSigma2: number[] = [];
  let design1: ReturnType<typeof designOf> | undefined;
  let importances: LagModelFit['importance'] = [];
  let validationRows = 0;
  for (let k = 1; k <= steps; k++) {
    const spec = lagFeatureSpec(y.length, { ...featureOptions, horizon: k });
    const design = designOf(y, spec);
    const p = spec.names.length;
    const rows = design.rows.length;
    if (rows < learner.minRows(p))
      throw new RangeError(
        `${name} needs at least ${learner.minRows(p)} rows for ${p} features, the series gives ${rows}${k > 1 ? ` at step ${k}` : ''}: use fewer lags or calendar features, or a longer series`,
      );
    const seed = o.seed + k - 1;
    const tail = Math.round(o.validation * rows);
    let rounds: number | undefined;
    let errors: number[] = [];
    if (tail >= 2 && rows - tail >= learner.minRows(p)) {
      const cut = rows - tail;
      const monitor = { rows: design.rows.slice(cut), target: design.target.slice(cut) };
      const head = learner.fit(design.rows.slice(0, cut), design.target.slice(0, cut), seed + HEAD_SEED, {
        monitor,
      });
      rounds = head.rounds;
      errors = monitor.rows.map((row, r) => monitor.target[r] - predictStep(head.model, row));
      if (k === 1) {
        validationRows = tail;
        if (importance)
          importances = permutationImportance(
            (row) => predictStep(head.model, row),
            monitor.rows,
            monitor.target,
            spec.names,
            { repeats: o.importanceRepeats, seed: o.seed + IMPORTANCE_SEED },
          ).sort((a, b) => b.increase - a.increase);
      }
    }
    const { model } = learner.fit(design.rows, design.target, seed, { rounds });
    models.push(model);
    validationErrors.push(errors);
    if (model.type === 'linear') {
      let rss = 0;
      design.rows.forEach((row, r) => (rss += (design.target[r] - predictStep(model, row)) ** 2));
      stepSigma2.push(rss / Math.max(1, rows - p - 1));
    } else stepSigma2.push(errors.length ? errors.reduce((s, e) => s + e * e, 0) / errors.length : NaN);
    if (k === 1) design1 = design;
  }
  const design = design1!;
  const fitted = new Array<number>(y.length).fill(NaN);
  design.rows.forEach((row, r) => {
    const t = design.index[r];
    const f = predictStep(models[0], row);
    fitted[t] = design.spec.difference ? y[t - 1] + f : f;
  });
  const params: Record<string, number> = {
    ...learner.params(models[0], design.names),
    rows: design.rows.length,
  };
  for (const imp of importances) params[`importance.${imp.feature}`] = imp.increase;
  return {
    kind: learner.kind,
    method: learner.method,
    spec: `${learner.kind}(${learner.settings}; ${describeFeatures(design.spec)}${o.strategy === 'direct' ? `; direct, ${steps} steps` : ''})`,
    period,
    n: y.length,
    params,
    fitted,
    residuals: y.map((v, t) => v - fitted[t]),
    sigma2: stepSigma2[0],
    features: [...design.names],
    design: design.spec,
    strategy: o.strategy,
    values: y,
    rows: design.rows.length,
    steps: models,
    importance: importances,
    validationRows,
    validationErrors,
    stepSigma2,
    paths: o.paths,
    seed: o.seed,
  };
}

/** The features in words, e.g. `lags 1-12, season one-hot, differenced`. */
export function describeFeatures(spec: LagFeatureSpec): string {
  const parts: string[] = [];
  const l = spec.lags;
  if (l.length) {
    const run = l.every((v, i) => v === l[0] + i);
    parts.push(run && l.length > 2 ? `lags ${l[0]}-${l[l.length - 1]}` : `lags ${l.join(',')}`);
  }
  if (spec.rollingMeans.length) parts.push(`means ${spec.rollingMeans.join(',')}`);
  if (spec.calendar !== 'none') parts.push(`${spec.calendar} one-hot`);
  if (spec.fourier) parts.push(`${spec.fourier} Fourier pairs`);
  if (spec.difference) parts.push('differenced');
  return parts.join(', ');
}

/** Forecasts `h` steps with intervals (see the file comment for how each model gets them). */
export function forecastLagModel(fit: LagModelFit, h: number, options: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const levels = checkLevels(options.level);
  if (fit.strategy === 'direct' && h > fit.steps.length)
    throw new RangeError(
      `this ${fit.kind} model was fitted for ${fit.steps.length} direct steps, so it cannot forecast ${h}; refit with horizon ≥ ${h} (or the recursive strategy)`,
    );
  const spec = fit.design;
  const z = targetSeries(fit.values, spec);
  const nz = z.length;
  const last = fit.values[fit.values.length - 1];
  const toLevel = (path: readonly number[]): number[] => {
    if (!spec.difference) return [...path];
    let s = last;
    return path.map((d) => (s += d));
  };
  const row: number[] = [];
  let zMean: number[];
  if (fit.strategy === 'recursive') zMean = recursivePath(fit.steps[0], spec, z, h, row);
  else
    zMean = Array.from({ length: h }, (_, j) =>
      predictStep(fit.steps[j], featureRow({ ...spec, horizon: j + 1 }, z, nz + j, row)),
    );
  const mean = toLevel(zMean);
  let intervals: PredictionInterval[] = [];
  const normal = (sd: number[]) =>
    levels.map((level) => {
      const q = -normalQuantile(0.5 - level / 200);
      return { level, lower: mean.map((m, i) => m - q * sd[i]), upper: mean.map((m, i) => m + q * sd[i]) };
    });
  const summed = (variances: number[]) => {
    let acc = 0;
    return variances.map((v) => Math.sqrt(spec.difference ? (acc += v) : v));
  };
  if (fit.kind === 'linear' && fit.strategy === 'recursive') {
    const shocked = [...z];
    const zs = recursivePath(fit.steps[0], spec, shocked, h, row, 1);
    const psi = toLevel(zs.map((v, j) => v - zMean[j])).map((v) => v - last * spec.difference);
    let acc = 0;
    const sd = psi.map((v) => Math.sqrt(fit.sigma2 * (acc += v * v)));
    intervals = normal(sd);
  } else if (fit.strategy === 'direct') {
    const sd = summed(fit.stepSigma2.slice(0, h));
    if (sd.every(Number.isFinite)) intervals = normal(sd);
  } else if (fit.validationErrors[0].length && fit.paths > 0) {
    intervals = simulatedIntervals(fit, z, h, levels, toLevel, row);
  }
  return { method: fit.method, mean, intervals };
}

/** Recursive forecasts of the target: each step's prediction becomes a lag of the next (plus `shock` at step 1). */
function recursivePath(
  model: LagStepModel,
  spec: LagFeatureSpec,
  z: readonly number[],
  h: number,
  row: number[],
  shock = 0,
): number[] {
  const path = [...z];
  const out: number[] = [];
  for (let j = 0; j < h; j++) {
    const f = predictStep(model, featureRow(spec, path, path.length, row)) + (j === 0 ? shock : 0);
    path.push(f);
    out.push(f);
  }
  return out;
}

function simulatedIntervals(
  fit: LagModelFit,
  z: readonly number[],
  h: number,
  levels: number[],
  toLevel: (path: readonly number[]) => number[],
  row: number[],
): PredictionInterval[] {
  const errors = fit.validationErrors[0];
  const random = new SeededRandom(fit.seed + PATH_SEED);
  const bySteps: number[][] = Array.from({ length: h }, () => []);
  const model = fit.steps[0];
  for (let s = 0; s < fit.paths; s++) {
    const path = [...z];
    const future: number[] = [];
    for (let j = 0; j < h; j++) {
      const e = errors[Math.floor(random.uniform() * errors.length)];
      const f = predictStep(model, featureRow(fit.design, path, path.length, row)) + e;
      path.push(f);
      future.push(f);
    }
    toLevel(future).forEach((v, j) => bySteps[j].push(v));
  }
  bySteps.forEach((v) => v.sort((a, b) => a - b));
  return levels.map((level) => ({
    level,
    lower: bySteps.map((v) => quantile7(v, 0.5 - level / 200)),
    upper: bySteps.map((v) => quantile7(v, 0.5 + level / 200)),
  }));
}

/** R's type-7 quantile of sorted values. */
function quantile7(sorted: readonly number[], p: number): number {
  const x = (sorted.length - 1) * p;
  const lo = Math.floor(x);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (x - lo) * (sorted[hi] - sorted[lo]);
}
