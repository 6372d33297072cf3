/**
 * Recurrent-network forecasters (`lstm`, `gru`) trained with TensorFlow.js: a small LSTM or GRU reads
 * the last `window` values of the differenced, standardised series and predicts the next one; forecasts
 * feed each prediction back as the newest value (recursive multi-step).
 *
 * Training (as Keras's `model.fit(..., shuffle=False, validation_split=…)` with
 * `EarlyStopping(patience, restore_best_weights=True)`): Adam on the mean squared error, mini-batches
 * in time order (no shuffling, so nothing random happens after the seeded initialisation), the latest
 * `validation` fraction of the windows held out. After every epoch the validation loss is measured;
 * the weights of the epoch with the lowest one are kept, and training stops after `patience` epochs
 * without a new lowest. `onEpoch` is awaited after each epoch, and after each epoch the loop also
 * yields to the event loop (a macrotask, when 16 ms have passed since the last), so a page can draw
 * progress and an abort message can arrive; `signal` stops training before the next batch and keeps
 * the best finished epoch (an unfinished epoch is dropped).
 *
 * Intervals are simulated, not normal: `paths` futures, each step the network's prediction plus an
 * error drawn (with replacement, seeded) from the validation tail's one-step errors, fed back; the
 * interval is their quantiles (R's type 7) — as the tree models of `ml/lag-model.ts` do. The point
 * forecast is the path without errors. Without a validation tail there are no intervals (in-sample
 * errors of a network are not honest). They are too narrow: one-step validation errors miss the
 * network's own error in the dynamics it feeds back (on AirPassengers' last 24 months the 95 %
 * interval held 6–8 of the 24 values).
 *
 * The default differencing (`auto`: seasonal for seasonal data) and the figures behind it are in
 * `recurrentDefaults`.
 */
import { SeededRandom } from '../../stats/random.ts';
import {
  checkHorizon,
  checkLevels,
  checkPeriod,
  checkSeries,
  type Forecast,
  type ForecastOptions,
} from '../model.ts';
import { quantile7 } from '../prophet-uncertainty.ts';
import {
  buildNetwork,
  loadTf,
  predictWindows,
  readWeights,
  writeWeights,
  type RecurrentArchitecture,
  type Tf,
} from './recurrent-network.ts';
import {
  recurrentCells,
  recurrentDefaults,
  recurrentDifferences,
  type RecurrentEpoch,
  type RecurrentFit,
  type RecurrentOptions,
  type RecurrentWeight,
} from './recurrent-types.ts';
import { differenced, recurrentWindows, undifference, windowArrays } from './windows.ts';

type Tensor = ReturnType<Tf['tensor']>;

function whole(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min)
    throw new RangeError(`invalid ${name}: ${v} (must be a whole number ≥ ${min})`);
  return v;
}

function word<T extends string>(name: string, v: unknown, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === v);
  if (found === undefined)
    throw new RangeError(`invalid ${name}: ${JSON.stringify(v)} (must be one of ${allowed.join(', ')})`);
  return found;
}

/** The options with their defaults, checked; the message names the option and what it must be. */
function settings(options: RecurrentOptions) {
  const o = { ...recurrentDefaults, ...options };
  const cell = word('cell', o.cell, recurrentCells);
  const period = checkPeriod(o.period);
  const window = whole('window', o.window ?? (period > 1 ? period : 12), 1);
  const asked = word('difference', o.difference, recurrentDifferences);
  const difference = asked === 'auto' ? (period > 1 ? 'seasonal' : 'first') : asked;
  if (difference === 'seasonal' && period === 1)
    throw new RangeError(
      "invalid difference: 'seasonal' needs a seasonal period > 1; give period (e.g. 12 for monthly data) or use 'first'",
    );
  if (!(o.learningRate > 0 && Number.isFinite(o.learningRate)))
    throw new RangeError(`invalid learningRate: ${o.learningRate} (must be a number > 0, e.g. 0.01)`);
  if (!(o.validation >= 0 && o.validation < 1))
    throw new RangeError(`invalid validation: ${o.validation} (must be a fraction in [0, 1), e.g. 0.2)`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`invalid seed: ${o.seed} (must be a finite number)`);
  if (o.onEpoch !== undefined && typeof o.onEpoch !== 'function')
    throw new TypeError('onEpoch must be a function (epoch) => void');
  return {
    cell,
    period,
    window,
    difference,
    lag: difference === 'none' ? 0 : difference === 'first' ? 1 : period,
    units: whole('units', o.units, 1),
    layers: whole('layers', o.layers, 1),
    epochs: whole('epochs', o.epochs, 1),
    batch: whole('batch', o.batch, 1),
    learningRate: o.learningRate,
    validation: o.validation,
    patience: whole('patience', o.patience, 0),
    seed: o.seed,
    paths: whole('paths', o.paths, 0),
    onEpoch: o.onEpoch,
    signal: o.signal,
  };
}

const cellNames = { lstm: 'LSTM', gru: 'GRU' } as const;
const differenceNames = {
  none: 'levels',
  first: 'first differences',
  seasonal: 'seasonal differences',
} as const;

/**
 * Fits an LSTM or GRU forecaster to `values` (see the module comment). Asynchronous: it loads
 * TensorFlow.js on first use and yields while training.
 */
export async function fitRecurrent(
  values: ArrayLike<number>,
  options: RecurrentOptions = {},
): Promise<RecurrentFit> {
  const s = settings(options);
  const model = `${cellNames[s.cell]}`;
  const y = checkSeries(values, { minLength: s.lag + s.window + 2, model });
  const data = recurrentWindows(y, s);
  const { scaled, count, train } = data;
  const held = count - train;

  const tf = await loadTf();
  const start = performance.now();
  const arch: RecurrentArchitecture = s;
  const network = buildNetwork(tf, arch);
  const optimizer = tf.train.adam(s.learningRate);
  network.compile({ optimizer, loss: 'meanSquaredError' });
  const parameterCount = network.countParams();

  const tensors: Tensor[] = [];
  const keep = <T extends Tensor>(t: T): T => {
    tensors.push(t);
    return t;
  };
  // The training windows in time order, cut into batches once (the order never changes).
  const trainData = windowArrays(scaled, s.window, 0, train);
  const batches: { x: Tensor; y: Tensor; size: number }[] = [];
  for (let b = 0; b < train; b += s.batch) {
    const size = Math.min(s.batch, train - b);
    batches.push({
      x: keep(
        tf.tensor3d(trainData.inputs.subarray(b * s.window, (b + size) * s.window), [size, s.window, 1]),
      ),
      y: keep(tf.tensor2d(trainData.targets.subarray(b, b + size), [size, 1])),
      size,
    });
  }
  const valData = windowArrays(scaled, s.window, train, count);

  const history: RecurrentEpoch[] = [];
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: RecurrentWeight[] | undefined;
  let waited = 0;
  let stoppedEarly = false;
  let interrupted = false;
  let lastYield = performance.now();
  try {
    for (let epoch = 1; epoch <= s.epochs; epoch++) {
      let sum = 0;
      for (const batch of batches) {
        if (s.signal?.aborted) break;
        const loss = await network.trainOnBatch(batch.x, batch.y);
        sum += (typeof loss === 'number' ? loss : loss[0]) * batch.size;
      }
      // An abort before the epoch finished: the partial epoch is not recorded.
      if (s.signal?.aborted) {
        interrupted = true;
        break;
      }
      const loss = sum / train;
      const valLoss = held
        ? meanSquaredError(predictWindows(tf, network, valData.inputs, held, s.window), valData.targets)
        : NaN;
      const event: RecurrentEpoch = { epoch, epochs: s.epochs, loss, valLoss, ms: performance.now() - start };
      history.push(event);
      const monitored = held ? valLoss : loss;
      if (!Number.isFinite(monitored)) {
        if (!bestWeights)
          throw new RangeError(
            `${model} training diverged (loss ${monitored} at epoch ${epoch}): lower learningRate (now ${s.learningRate}) or check the data's scale`,
          );
        break;
      }
      if (monitored < best) {
        best = monitored;
        bestEpoch = epoch;
        bestWeights = readWeights(network);
        waited = 0;
      } else {
        waited++;
      }
      await s.onEpoch?.(event);
      if (s.patience > 0 && waited >= s.patience) {
        stoppedEarly = true;
        break;
      }
      if (s.signal?.aborted) {
        interrupted = true;
        break;
      }
      // Let the event loop run (an abort message, a progress repaint) about once a frame.
      if (performance.now() - lastYield >= 16) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = performance.now();
      }
    }
    if (bestWeights) writeWeights(tf, network, bestWeights);
    const weights = bestWeights ?? readWeights(network);
    const all = windowArrays(scaled, s.window, 0, count);
    const predicted = predictWindows(tf, network, all.inputs, count, s.window);
    const trainingMs = performance.now() - start;
    return assemble(
      y,
      s,
      data,
      { weights, predicted, targets: all.targets, parameterCount, trainingMs },
      {
        history,
        bestEpoch,
        stoppedEarly,
        interrupted,
      },
    );
  } finally {
    for (const t of tensors) t.dispose();
    network.dispose();
    optimizer.dispose();
  }
}

function meanSquaredError(predicted: ArrayLike<number>, target: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < target.length; i++) s += (predicted[i] - target[i]) ** 2;
  return s / target.length;
}

/** The fit as plain data: fitted values and residuals on the data's scale, validation errors on the model's. */
function assemble(
  y: number[],
  s: ReturnType<typeof settings>,
  data: ReturnType<typeof recurrentWindows>,
  net: {
    weights: RecurrentWeight[];
    predicted: Float32Array;
    targets: Float32Array;
    parameterCount: number;
    trainingMs: number;
  },
  run: Pick<RecurrentFit, 'history' | 'bestEpoch' | 'stoppedEarly' | 'interrupted'>,
): RecurrentFit {
  const { center, scale, count, train } = data;
  const fitted = new Array<number>(y.length).fill(NaN);
  // Window i predicts z at i + window, which is y at i + window + lag.
  for (let i = 0; i < count; i++) {
    const t = i + s.window + s.lag;
    fitted[t] = net.predicted[i] * scale + center + (s.lag ? y[t - s.lag] : 0);
  }
  const residuals = y.map((v, t) => v - fitted[t]);
  const validationErrors: number[] = [];
  for (let i = train; i < count; i++) validationErrors.push(net.targets[i] - net.predicted[i]);
  // σ² of one-step errors on the data's scale: the validation tail's when there is one.
  const errors = validationErrors.length
    ? validationErrors.map((e) => e * scale)
    : residuals.filter((r) => !Number.isNaN(r));
  const sigma2 = errors.reduce((a, e) => a + e * e, 0) / errors.length;
  const stack = s.layers > 1 ? `${s.layers}×${s.units}` : `${s.units}`;
  return {
    kind: 'recurrent',
    method: `${cellNames[s.cell]}(${stack} units; window ${s.window}; ${differenceNames[s.difference]})`,
    period: s.period,
    n: y.length,
    params: {
      window: s.window,
      units: s.units,
      layers: s.layers,
      parameters: net.parameterCount,
      epochs: run.history.length,
      bestEpoch: run.bestEpoch,
      learningRate: s.learningRate,
      batch: s.batch,
    },
    fitted,
    residuals,
    sigma2,
    cell: s.cell,
    window: s.window,
    units: s.units,
    layers: s.layers,
    difference: s.difference,
    lag: s.lag,
    center,
    scale,
    values: y,
    weights: net.weights,
    parameterCount: net.parameterCount,
    trainingMs: net.trainingMs,
    ...run,
    trainWindows: train,
    validationWindows: count - train,
    validationErrors,
    paths: s.paths,
    seed: s.seed,
  };
}

/**
 * Forecasts `h` steps from a {@link fitRecurrent} fit: the recursive point forecast, and intervals from
 * `fit.paths` simulated futures (see the module comment). Asynchronous: the network is rebuilt in
 * TensorFlow.js from the fit's weights.
 */
export async function forecastRecurrent(
  fit: RecurrentFit,
  h: number,
  { level }: ForecastOptions = {},
): Promise<Forecast> {
  checkHorizon(h);
  const levels = checkLevels(level);
  const errors = fit.validationErrors;
  const paths = levels.length && errors.length ? fit.paths : 0;
  const rows = 1 + paths;
  const w = fit.window;
  const z = differenced(fit.values, fit.lag).map((v) => (v - fit.center) / fit.scale);
  const windows = new Float32Array(rows * w);
  for (let r = 0; r < rows; r++) for (let j = 0; j < w; j++) windows[r * w + j] = z[z.length - w + j];
  const steps: number[][] = Array.from({ length: rows }, () => []);
  const rng = new SeededRandom(fit.seed);

  const tf = await loadTf();
  const network = buildNetwork(tf, fit);
  try {
    writeWeights(tf, network, fit.weights);
    for (let k = 0; k < h; k++) {
      const next = predictWindows(tf, network, windows, rows, w);
      for (let r = 0; r < rows; r++) {
        const v = next[r] + (r > 0 ? errors[Math.floor(rng.uniform() * errors.length)] : 0);
        steps[r].push(v);
        windows.copyWithin(r * w, r * w + 1, (r + 1) * w);
        windows[(r + 1) * w - 1] = v;
      }
    }
  } finally {
    network.dispose();
  }
  const futures = steps.map((path) => undifference(fit.values, path, fit));
  const intervals = paths
    ? levels.map((l) => {
        const bySteps = Array.from({ length: h }, (_, k) =>
          futures
            .slice(1)
            .map((f) => f[k])
            .sort((a, b) => a - b),
        );
        return {
          level: l,
          lower: bySteps.map((v) => quantile7(v, 0.5 - l / 200)),
          upper: bySteps.map((v) => quantile7(v, 0.5 + l / 200)),
        };
      })
    : [];
  return { method: fit.method, mean: futures[0], intervals };
}
