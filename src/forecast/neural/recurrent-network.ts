/**
 * The network of the recurrent forecasters, in TensorFlow.js: `layers` stacked LSTM or GRU layers of
 * `units` units reading a window of one-dimensional steps, then one dense unit predicting the next
 * value. TensorFlow.js is loaded on first use (`loadTf`), so importing `dplab/forecast` does not load
 * its ~1 MB; it runs on its pure-JavaScript CPU backend, in Node and in the Web Worker alike.
 *
 * Reproducibility: every initializer is seeded (Glorot-uniform input kernels and dense kernel,
 * orthogonal recurrent kernels, zero biases — Keras's defaults for these layers, with seeds) and each
 * weight gets a seed of its own, derived from `seed`, so two layers do not start from the same draws.
 */
import { loadTensorFlow } from './load-tensorflow.js';
import type { RecurrentCell, RecurrentWeight } from './recurrent-types.ts';

/**
 * The part of the `@tensorflow/tfjs` module used here, written out rather than imported so that the
 * editor (which has dplab's sources but not TensorFlow.js's declarations) can read this file; the
 * tests check that the real module satisfies it.
 */
export interface Tf {
  sequential(): TfModel;
  layers: {
    lstm(config: object): TfLayer;
    gru(config: object): TfLayer;
    dense(config: object): TfLayer;
  };
  initializers: {
    glorotUniform(args: { seed?: number }): TfInitializer;
    orthogonal(args: { seed?: number; gain?: number }): TfInitializer;
    zeros(): TfInitializer;
  };
  train: { adam(learningRate: number): TfOptimizer };
  tensor(values: number[], shape: number[], dtype: 'float32'): TfTensor;
  tensor2d(values: Float32Array, shape: [number, number]): TfTensor;
  tensor3d(values: Float32Array, shape: [number, number, number]): TfTensor;
  memory(): { numTensors: number };
  env(): { set(flag: string, value: boolean): void };
  getBackend(): string;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
}

/** A tensor, as far as this module uses one. */
export interface TfTensor {
  readonly shape: number[];
  dataSync(): ArrayLike<number>;
  dispose(): void;
}

/** A layer, an initializer and an optimizer are only handed back to TensorFlow.js. */
export interface TfLayer {
  readonly name: string;
}
export interface TfInitializer {
  getClassName(): string;
}
export interface TfOptimizer {
  dispose(): void;
}

/** A sequential model, as far as this module uses one. */
export interface TfModel {
  add(layer: TfLayer): void;
  compile(args: { optimizer: TfOptimizer | string; loss: unknown }): void;
  countParams(): number;
  trainOnBatch(x: unknown, y: unknown): Promise<number | number[]>;
  predict(x: unknown): TfTensor | TfTensor[];
  getWeights(): TfTensor[];
  setWeights(weights: TfTensor[]): void;
  dispose(): unknown;
}

let loading: Promise<Tf> | undefined;

/**
 * Loads TensorFlow.js once and selects its CPU backend. The CPU backend is chosen explicitly: in a
 * browser `@tensorflow/tfjs` would otherwise prefer WebGL, whose float arithmetic differs by GPU, so
 * the same seed would not give the same forecast everywhere.
 */
export function loadTf(): Promise<Tf> {
  loading ??= loadTensorFlow().then(async (module) => {
    const tf = module as Tf;
    // Production mode: no console banner in Node suggesting tfjs-node (this project runs on the CPU
    // backend on purpose), and none of the debug checks that slow every operation.
    tf.env().set('PROD', true);
    if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  });
  return loading;
}

/** What fixes the network's architecture. */
export interface RecurrentArchitecture {
  cell: RecurrentCell;
  window: number;
  units: number;
  layers: number;
  seed: number;
}

/** A fresh network with seeded initial weights (not compiled). */
export function buildNetwork(tf: Tf, a: RecurrentArchitecture): TfModel {
  const model = tf.sequential();
  for (let l = 0; l < a.layers; l++) {
    const config = {
      units: a.units,
      // Every layer but the last hands its whole sequence to the next one.
      returnSequences: l < a.layers - 1,
      kernelInitializer: tf.initializers.glorotUniform({ seed: a.seed * 7919 + 3 * l }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: a.seed * 7919 + 3 * l + 1, gain: 1 }),
      biasInitializer: tf.initializers.zeros(),
      ...(l === 0 ? { inputShape: [a.window, 1] } : {}),
    };
    model.add(a.cell === 'lstm' ? tf.layers.lstm(config) : tf.layers.gru(config));
  }
  model.add(
    tf.layers.dense({
      units: 1,
      kernelInitializer: tf.initializers.glorotUniform({ seed: a.seed * 7919 + 3 * a.layers + 2 }),
      biasInitializer: tf.initializers.zeros(),
    }),
  );
  return model;
}

/** The network's weights as plain arrays (copies), in the order of `model.getWeights()`. */
export function readWeights(model: TfModel): RecurrentWeight[] {
  return model.getWeights().map((w) => ({ shape: [...w.shape], values: Array.from(w.dataSync()) }));
}

/** Sets the network's weights from plain arrays (as {@link readWeights} gives them). */
export function writeWeights(tf: Tf, model: TfModel, weights: readonly RecurrentWeight[]): void {
  const tensors = weights.map((w) => tf.tensor(w.values, w.shape, 'float32'));
  try {
    model.setWeights(tensors);
  } finally {
    // setWeights assigns the values to the model's variables; these inputs are no longer needed.
    for (const t of tensors) t.dispose();
  }
}

/** One-step predictions for `rows` windows given flat (window after window). */
export function predictWindows(
  tf: Tf,
  model: TfModel,
  inputs: Float32Array,
  rows: number,
  window: number,
): Float32Array {
  if (rows === 0) return new Float32Array(0);
  const x = tf.tensor3d(inputs, [rows, window, 1]);
  // `predict` keeps its intermediate tensors to itself; the input and the output are disposed here.
  const y = model.predict(x) as TfTensor;
  try {
    // A copy: the tensor's memory goes back to the backend when it is disposed.
    return Float32Array.from(y.dataSync());
  } finally {
    x.dispose();
    y.dispose();
  }
}
