/**
 * Recurrent-network forecasters (`lstm`, `gru`) in TensorFlow.js, loaded on first use. Exported
 * through `dplab/forecast`; `fitRecurrent` and `forecastRecurrent` are asynchronous.
 */
export { fitRecurrent, forecastRecurrent } from './recurrent.ts';
export {
  recurrentCells,
  recurrentDefaults,
  recurrentDifferences,
  type RecurrentCell,
  type RecurrentDifference,
  type RecurrentEpoch,
  type RecurrentFit,
  type RecurrentOptions,
  type RecurrentWeight,
} from './recurrent-types.ts';
export {
  recurrentMethodChoices,
  recurrentMethodDefaults,
  runGruMethod,
  runLstmMethod,
  type RecurrentControl,
} from './neural-method.ts';
