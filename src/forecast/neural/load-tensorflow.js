// Loads TensorFlow.js on first use. A JavaScript file (typed by load-tensorflow.d.ts) so that the
// package name appears in no TypeScript source of dplab/forecast: the editor ships those sources to
// cells as declarations, without TensorFlow.js's own (see src/build/editor-types.ts).
let loading;

/** The `@tensorflow/tfjs` module, imported once. */
export function loadTensorFlow() {
  loading ??= import('@tensorflow/tfjs');
  return loading;
}
