/**
 * `linear`, `forest` and `boost` as methods of the forecasting registry (`dplab forecast --models
 * linear,forest,boost`): their options as `--param forest.trees=200` sets them, and one call that
 * fits and forecasts. The feature options are flat here: `lags` 0 means the default (m when m > 1,
 * else 4), `rolling` a single rolling-mean window (0 none); the direct strategy fits the horizon asked.
 */
import type { FittedModel, Forecast } from '../model.ts';
import type { MethodInput, MethodOptions } from '../method-types.ts';
import { boostDefaults, fitBoost } from './gradient-boosting.ts';
import { lagCalendars } from './lag-features.ts';
import { forecastLagModel } from './lag-model.ts';
import {
  lagModelDefaults,
  lagStrategies,
  type LagModelFit,
  type LagModelOptions,
} from './lag-model-types.ts';
import { fitLinear, linearDefaults } from './linear.ts';
import { fitForest, forestDefaults } from './random-forest.ts';

const featureDefaults = {
  lags: 0,
  rolling: 0,
  calendar: 'none',
  fourier: 0,
  difference: 0,
  strategy: lagModelDefaults.strategy,
  validation: lagModelDefaults.validation,
  seed: lagModelDefaults.seed,
} as const;

/** The allowed words of the string options (the same for the three methods). */
export const lagMethodChoices = { calendar: lagCalendars, strategy: lagStrategies } as const;

export const linearMethodDefaults = {
  ...featureDefaults,
  ridge: linearDefaults.ridge,
  importance: false,
} as const satisfies MethodOptions;

export const forestMethodDefaults = {
  ...featureDefaults,
  ...forestDefaults,
  importance: true,
  paths: lagModelDefaults.paths,
} as const satisfies MethodOptions;

export const boostMethodDefaults = {
  ...featureDefaults,
  ...boostDefaults,
  importance: true,
  paths: lagModelDefaults.paths,
} as const satisfies MethodOptions;

type Run = { fit: FittedModel; forecast: Forecast };

/** The common options of `options` (with `defaults` for absent ones) as a lag model's options. */
function commonOptions(
  method: string,
  input: MethodInput,
  o: Record<string, MethodOptions[string]>,
): LagModelOptions {
  const num = (name: string): number => {
    const v = o[name];
    if (typeof v !== 'number')
      throw new RangeError(`${method}.${name} must be a number, got ${JSON.stringify(v)}`);
    return v;
  };
  const word = <T extends string>(name: string, allowed: readonly T[]): T => {
    const found = allowed.find((a) => a === o[name]);
    if (found === undefined)
      throw new RangeError(
        `${method}.${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(o[name])}`,
      );
    return found;
  };
  if (typeof o.importance !== 'boolean')
    throw new RangeError(`${method}.importance must be true or false, got ${JSON.stringify(o.importance)}`);
  const lags = num('lags');
  const rolling = num('rolling');
  return {
    period: input.period,
    ...(lags > 0 ? { lags } : {}),
    rollingMeans: rolling > 0 ? [rolling] : [],
    calendar: word('calendar', lagCalendars),
    fourier: num('fourier'),
    difference: num('difference'),
    strategy: word('strategy', lagStrategies),
    horizon: input.h,
    validation: num('validation'),
    importance: o.importance,
    seed: num('seed'),
    ...('paths' in o ? { paths: num('paths') } : {}),
    ...(input.dates ? { dates: input.dates } : {}),
  };
}

function run(fit: LagModelFit, input: MethodInput): Run {
  return { fit, forecast: forecastLagModel(fit, input.h, { level: input.level }) };
}

/** `linear`: least squares (or ridge) on lag features. */
export function runLinearMethod(input: MethodInput, options: MethodOptions = {}): Run {
  const o = { ...linearMethodDefaults, ...options };
  return run(
    fitLinear(input.values, { ...commonOptions('linear', input, o), ridge: o.ridge as number }),
    input,
  );
}

/** `forest`: random forest on lag features. */
export function runForestMethod(input: MethodInput, options: MethodOptions = {}): Run {
  const o = { ...forestMethodDefaults, ...options };
  const fit = fitForest(input.values, {
    ...commonOptions('forest', input, o),
    trees: o.trees as number,
    maxDepth: o.maxDepth as number,
    minSamplesSplit: o.minSamplesSplit as number,
    minSamplesLeaf: o.minSamplesLeaf as number,
    maxFeatures: o.maxFeatures as number,
    bootstrap: o.bootstrap as boolean,
  });
  return run(fit, input);
}

/** `boost`: gradient-boosted trees on lag features. */
export function runBoostMethod(input: MethodInput, options: MethodOptions = {}): Run {
  const o = { ...boostMethodDefaults, ...options };
  const fit = fitBoost(input.values, {
    ...commonOptions('boost', input, o),
    trees: o.trees as number,
    depth: o.depth as number,
    learningRate: o.learningRate as number,
    subsample: o.subsample as number,
    minSamplesLeaf: o.minSamplesLeaf as number,
    earlyStopping: o.earlyStopping as number,
  });
  return run(fit, input);
}
