/**
 * The data of a recurrent forecaster, without the network: difference the series, cut it into
 * windows (the `window` values before t → the value at t), split them in time order into training
 * windows and a validation tail, and scale by the training windows' mean and standard deviation (so
 * the validation tail and the future tell the scaling nothing).
 */

/** The windows of a series, ready for the network. */
export interface RecurrentWindows {
  /** The modelled series z (the values, or their differences at `lag`), scaled: (z − center) / scale. */
  scaled: number[];
  center: number;
  scale: number;
  /** Window count: windows are z[i … i+window−1] → z[i+window] for i = 0 … count−1. */
  count: number;
  /** The first `train` windows train the network; the rest are the validation tail. */
  train: number;
}

/** The differences z_t = y_t − y_{t−lag} (the values themselves for lag 0). */
export function differenced(values: readonly number[], lag: number): number[] {
  if (lag === 0) return [...values];
  return values.slice(lag).map((v, i) => v - values[i]);
}

/**
 * Windows of `values` differenced at `lag`, with the latest `validation` fraction of them held out
 * (at least one when the fraction is > 0). Throws when the series is too short for one training window.
 */
export function recurrentWindows(
  values: readonly number[],
  { window, lag, validation }: { window: number; lag: number; validation: number },
): RecurrentWindows {
  const z = differenced(values, lag);
  const count = z.length - window;
  const held = validation > 0 ? Math.max(1, Math.round(count * validation)) : 0;
  const train = count - held;
  if (train < 2) {
    throw new RangeError(
      `${values.length} values give ${Math.max(count, 0)} window${count === 1 ? '' : 's'} of ${window}${lag ? ` after differencing at lag ${lag}` : ''}${held ? ` (${held} held out for validation)` : ''}; at least 2 must remain to train: use a smaller window or validation, or a longer series`,
    );
  }
  // The training windows cover z[0 … train + window − 1]: their values set the scaling.
  const seen = z.slice(0, train + window);
  const center = seen.reduce((s, v) => s + v, 0) / seen.length;
  const variance = seen.reduce((s, v) => s + (v - center) ** 2, 0) / seen.length;
  // A constant stretch has no spread: scale by 1 so the network sees zeros rather than NaN.
  const scale = variance > 0 ? Math.sqrt(variance) : 1;
  return { scaled: z.map((v) => (v - center) / scale), center, scale, count, train };
}

/** The inputs of windows `from … to−1` as one flat array (window after window), and their targets. */
export function windowArrays(
  scaled: readonly number[],
  window: number,
  from: number,
  to: number,
): { inputs: Float32Array; targets: Float32Array } {
  const rows = to - from;
  const inputs = new Float32Array(rows * window);
  const targets = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < window; j++) inputs[r * window + j] = scaled[from + r + j];
    targets[r] = scaled[from + r + window];
  }
  return { inputs, targets };
}

/**
 * Undoes scaling and differencing of one future path: `steps[k]` is the scaled modelled value at n + k
 * (n = values.length); returns y_{n+k} = z_{n+k} + y_{n+k−lag}, earlier forecasts standing in for the
 * values they follow.
 */
export function undifference(
  values: readonly number[],
  steps: readonly number[],
  { lag, center, scale }: { lag: number; center: number; scale: number },
): number[] {
  const n = values.length;
  const out: number[] = [];
  for (let k = 0; k < steps.length; k++) {
    const z = steps[k] * scale + center;
    if (lag === 0) out.push(z);
    else out.push(z + (k - lag >= 0 ? out[k - lag] : values[n + k - lag]));
  }
  return out;
}
