/** The `@tensorflow/tfjs` module, imported once (typed as `Tf` in `recurrent-network.ts`). */
export function loadTensorFlow(): Promise<unknown>;
