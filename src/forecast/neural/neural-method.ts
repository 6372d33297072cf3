/**
 * `lstm` and `gru` in the registry's shape (`method-types.ts`) — but asynchronous, since TensorFlow.js
 * loads on first use and training yields to the event loop. The registry's `run` is synchronous, so
 * these are not in `forecastMethods` yet; `runLstmMethod` / `runGruMethod` are what an asynchronous
 * registry entry would call. Options are flat as `--param lstm.units=8` would set them; `window` 0
 * means the default (the period when it is > 1, else 12).
 */
import type { FittedModel, Forecast } from '../model.ts';
import type { MethodInput, MethodOptions } from '../method-types.ts';
import { fitRecurrent, forecastRecurrent } from './recurrent.ts';
import {
  recurrentDefaults,
  recurrentDifferences,
  type RecurrentCell,
  type RecurrentFit,
  type RecurrentOptions,
} from './recurrent-types.ts';

/** The options of `lstm` and `gru` with their defaults. */
export const recurrentMethodDefaults = {
  window: 0,
  units: recurrentDefaults.units,
  layers: recurrentDefaults.layers,
  epochs: recurrentDefaults.epochs,
  batch: recurrentDefaults.batch,
  learningRate: recurrentDefaults.learningRate,
  validation: recurrentDefaults.validation,
  patience: recurrentDefaults.patience,
  difference: recurrentDefaults.difference,
  seed: recurrentDefaults.seed,
  paths: recurrentDefaults.paths,
} as const satisfies MethodOptions;

/** The allowed words of the string options. */
export const recurrentMethodChoices = { difference: recurrentDifferences } as const;

/** What a caller may pass besides the options: live progress and an interrupt. */
export type RecurrentControl = Pick<RecurrentOptions, 'onEpoch' | 'signal'>;

async function runRecurrent(
  cell: RecurrentCell,
  input: MethodInput,
  options: MethodOptions,
  control: RecurrentControl,
): Promise<{ fit: RecurrentFit & FittedModel; forecast: Forecast }> {
  const o: Record<string, MethodOptions[string]> = { ...recurrentMethodDefaults, ...options };
  const num = (name: string): number => {
    const v = o[name];
    if (typeof v !== 'number')
      throw new RangeError(`${cell}.${name} must be a number, got ${JSON.stringify(v)}`);
    return v;
  };
  const difference = recurrentDifferences.find((d) => d === o.difference);
  if (difference === undefined)
    throw new RangeError(
      `${cell}.difference must be one of ${recurrentDifferences.join(', ')}, got ${JSON.stringify(o.difference)}`,
    );
  const window = num('window');
  const fit = await fitRecurrent(input.values, {
    cell,
    period: input.period,
    ...(window > 0 ? { window } : {}),
    units: num('units'),
    layers: num('layers'),
    epochs: num('epochs'),
    batch: num('batch'),
    learningRate: num('learningRate'),
    validation: num('validation'),
    patience: num('patience'),
    difference,
    seed: num('seed'),
    paths: num('paths'),
    ...control,
  });
  return { fit, forecast: await forecastRecurrent(fit, input.h, { level: input.level }) };
}

/** `lstm`: fits and forecasts in one (asynchronous) call. */
export function runLstmMethod(
  input: MethodInput,
  options: MethodOptions = {},
  control: RecurrentControl = {},
) {
  return runRecurrent('lstm', input, options, control);
}

/** `gru`: fits and forecasts in one (asynchronous) call. */
export function runGruMethod(
  input: MethodInput,
  options: MethodOptions = {},
  control: RecurrentControl = {},
) {
  return runRecurrent('gru', input, options, control);
}
