/**
 * What the recurrent forecasters (`lstm`, `gru`) take and return: their options with the defaults,
 * the per-epoch report, and the fitted model as plain data (weights as arrays), so a fit crosses the
 * worker boundary and can be stored. A file of its own so the training loop (`recurrent.ts`), the
 * network (`recurrent-network.ts`) and the registry adapter (`neural-method.ts`) import the shape, not
 * each other.
 */
import type { FittedModel } from '../model.ts';

/** The recurrent cell: long short-term memory (Hochreiter & Schmidhuber 1997) or gated recurrent unit (Cho et al. 2014). */
export type RecurrentCell = 'lstm' | 'gru';

export const recurrentCells: readonly RecurrentCell[] = ['lstm', 'gru'];

/**
 * What the network models: the series (`none`), its first differences y_t − y_{t−1} (`first`), or its
 * seasonal differences y_t − y_{t−m} (`seasonal`, needs a period > 1); `auto` is `seasonal` when the
 * period is > 1, else `first`. Differencing removes a trend the network, trained on a scaled window,
 * cannot extrapolate beyond the range it saw.
 */
export type RecurrentDifference = 'auto' | 'none' | 'first' | 'seasonal';

export const recurrentDifferences: readonly RecurrentDifference[] = ['auto', 'none', 'first', 'seasonal'];

/** One finished epoch, as `onEpoch` receives it. */
export interface RecurrentEpoch {
  /** 1, 2, … */
  epoch: number;
  /** Epochs asked for (training may stop before). */
  epochs: number;
  /** Mean squared error of the training batches during the epoch (scaled data), as Keras reports `loss`. */
  loss: number;
  /** Mean squared one-step error on the validation tail after the epoch (scaled data); `NaN` without one. */
  valLoss: number;
  /** Milliseconds since training started. */
  ms: number;
}

/** Options of {@link fitRecurrent}. */
export interface RecurrentOptions {
  /** The cell. Default `lstm`. */
  cell?: RecurrentCell;
  /** Seasonal period of the data (1 for none): the default window, and the lag of `seasonal` differencing. Default 1. */
  period?: number;
  /** Past values the network reads to predict the next one. Default the period when it is > 1, else 12. */
  window?: number;
  /** Units of each recurrent layer. Default 16. */
  units?: number;
  /** Stacked recurrent layers. Default 1. */
  layers?: number;
  /** Most epochs (passes over the training windows). Default 100. */
  epochs?: number;
  /** Windows per gradient step. Default 16. */
  batch?: number;
  /** Adam's step size (Kingma & Ba 2015). Default 0.01. */
  learningRate?: number;
  /**
   * Fraction of the windows, the latest ones, held out of training: early stopping watches their loss
   * and the intervals draw from their errors. 0 for none (then early stopping watches the training loss
   * and there are no intervals). Default 0.2.
   */
  validation?: number;
  /** Epochs without a lower monitored loss before training stops; the best epoch's weights are kept. 0: never stop early. Default 10. */
  patience?: number;
  /** Differencing before scaling. Default `auto` (see `recurrentDefaults` for why). */
  difference?: RecurrentDifference;
  /** Seed of the initial weights and of the simulated paths. Default 1. */
  seed?: number;
  /** Simulated paths for the prediction intervals. Default 100 (each costs a forward pass per step). */
  paths?: number;
  /** Called after every epoch and awaited: show progress, or abort through `signal`. */
  onEpoch?: (epoch: RecurrentEpoch) => void | Promise<void>;
  /** Stops training after the current batch; the fit keeps the best weights of the finished epochs. */
  signal?: AbortSignal;
}

/**
 * The defaults. `difference: 'auto'` (seasonal differences for seasonal data) was chosen on
 * AirPassengers (train the first 120 months, forecast 24, the other defaults, seeds 1–3; Node, CPU
 * backend): hold-out sMAPE 6.79 / 6.00 / 5.74 with seasonal differences, 8.40 / 11.21 / 6.58 with first
 * differences, 14.7 on the levels (batch 32, seed 1) — against seasonal naïve 17.01 and ETS 14.48
 * (R's `forecast`). Seasonal differences also stop early sooner (~27 epochs, ~3 s, against ~86, ~14 s).
 */
export const recurrentDefaults = {
  cell: 'lstm',
  period: 1,
  units: 16,
  layers: 1,
  epochs: 100,
  batch: 16,
  learningRate: 0.01,
  validation: 0.2,
  patience: 10,
  difference: 'auto',
  seed: 1,
  paths: 100,
} as const satisfies RecurrentOptions;

/** One weight array of the network, in the order of Keras's `get_weights()`. */
export interface RecurrentWeight {
  shape: number[];
  values: number[];
}

/** A fitted recurrent forecaster: the network's weights and everything needed to forecast with them. */
export interface RecurrentFit extends FittedModel {
  kind: 'recurrent';
  cell: RecurrentCell;
  window: number;
  units: number;
  layers: number;
  /** The differencing used (`auto` resolved). */
  difference: Exclude<RecurrentDifference, 'auto'>;
  /** The lag differenced at: 0 (none), 1, or the period. */
  lag: number;
  /** The modelled series is (z − center) / scale, z the (differenced) series; both from the training windows only. */
  center: number;
  scale: number;
  /** The data (needed to forecast). */
  values: number[];
  weights: RecurrentWeight[];
  /** Trainable numbers of the network (Keras's `count_params()`). */
  parameterCount: number;
  /** Wall time of training in milliseconds (building the network and the epochs). */
  trainingMs: number;
  /** One entry per finished epoch. */
  history: RecurrentEpoch[];
  /** Epoch whose weights were kept (lowest monitored loss); 0 when no epoch finished. */
  bestEpoch: number;
  /** Training stopped because the monitored loss had not improved for `patience` epochs. */
  stoppedEarly: boolean;
  /** Training stopped because `signal` was aborted. */
  interrupted: boolean;
  trainWindows: number;
  validationWindows: number;
  /** One-step errors on the validation tail, on the modelled (differenced, scaled) scale; empty without one. */
  validationErrors: number[];
  paths: number;
  seed: number;
}
