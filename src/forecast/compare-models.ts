/**
 * The models `compareForecasts` runs: registry names or hand-written forecasters, resolved to one
 * shape, with the three benchmarks every comparison includes put first.
 */
import { forecastMethod } from './registry.ts';

/**
 * A forecaster written by hand, e.g. `{ name: 'mine', forecast: (train, h) => Array(h).fill(train.at(-1)) }`.
 * A dplab model fits in one line: `{ name: 'hw', forecast: (y, h, m) => forecastEts(fitHoltWinters(y, { period: m }), h) }`.
 */
export interface CustomForecaster {
  /** Its name in the leaderboard: unique, and not `naive`, `snaive` or `naive2` (the benchmarks'). */
  name: string;
  /**
   * Forecasts the `h` steps after the end of `train` (a copy, so it may be changed), given the
   * seasonal `period`. Returns the `h` point forecasts, or an object whose `mean` holds them (a
   * dplab `Forecast`). Anything it throws becomes the model's `error` in the leaderboard.
   */
  forecast: (train: number[], h: number, period: number) => ArrayLike<number> | { mean: ArrayLike<number> };
}

/** A model to compare: a method name from `forecastMethods` (`'ets'`, `'theta'`, `'ses'`, …) or a {@link CustomForecaster}. */
export type CompareModel = string | CustomForecaster;

/** A model resolved for the comparison. */
export interface Contender {
  name: string;
  label: string;
  baseline: boolean;
  forecast: (train: number[], h: number) => number[];
}

/** The benchmarks added to every comparison, in this order (`snaive` only when period > 1). */
export const benchmarkNames: readonly string[] = ['naive', 'snaive', 'naive2'];

function registryContender(name: string, period: number, baseline: boolean): Contender {
  const m = forecastMethod(name);
  return {
    name,
    label: m.label,
    baseline,
    forecast: (values, h) => m.run({ values, period, h, level: [] }).forecast.mean,
  };
}

function customContender(model: CustomForecaster, period: number): Contender {
  const { name } = model;
  return {
    name,
    label: name,
    baseline: false,
    forecast: (train, h) => {
      const out = model.forecast(train, h, period);
      const mean = typeof out === 'object' && out !== null && 'mean' in out ? out.mean : out;
      if (typeof mean !== 'object' || mean === null || typeof mean.length !== 'number') {
        throw new TypeError(
          `${name} returned ${String(out)}; forecast(train, h, period) must return h numbers or { mean: [h numbers] }`,
        );
      }
      return Array.from(mean);
    },
  };
}

/**
 * The benchmarks (flagged `baseline`) followed by `models` in the order given; a benchmark named in
 * `models` is not repeated. Throws on an unknown method name, a malformed entry or a repeated name.
 */
export function contenders(models: readonly CompareModel[], period: number): Contender[] {
  if (!Array.isArray(models)) {
    throw new TypeError(
      `models must be an array of method names or { name, forecast } objects, got ${String(models)}`,
    );
  }
  const benchmarks = benchmarkNames.filter((name) => name !== 'snaive' || period > 1);
  const list = benchmarks.map((name) => registryContender(name, period, true));
  models.forEach((model, i) => {
    let c: Contender;
    if (typeof model === 'string') {
      if (benchmarks.includes(model)) return;
      c = registryContender(model, period, false);
    } else if (
      typeof model === 'object' &&
      model !== null &&
      typeof model.name === 'string' &&
      model.name !== '' &&
      typeof model.forecast === 'function'
    ) {
      if (benchmarkNames.includes(model.name)) {
        throw new RangeError(
          `models[${i}] is named "${model.name}", the name of a built-in benchmark; give your model another name`,
        );
      }
      c = customContender(model, period);
    } else {
      throw new TypeError(
        `models[${i}] must be a method name ('ets', 'theta', …) or { name: string, forecast(train, h, period) }`,
      );
    }
    if (list.some((d) => d.name === c.name)) {
      throw new RangeError(`models[${i}]: the name "${c.name}" is used twice; names must be unique`);
    }
    list.push(c);
  });
  return list;
}
