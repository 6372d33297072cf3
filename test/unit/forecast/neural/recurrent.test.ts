import type * as TfModule from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { accuracy } from '../../../../src/forecast/accuracy.ts';
import { fitMean, forecastMean } from '../../../../src/forecast/mean.ts';
import { fitRecurrent, forecastRecurrent } from '../../../../src/forecast/neural/recurrent.ts';
import { runGruMethod, runLstmMethod } from '../../../../src/forecast/neural/neural-method.ts';
import { loadTf, type Tf } from '../../../../src/forecast/neural/recurrent-network.ts';
import type { RecurrentEpoch, RecurrentOptions } from '../../../../src/forecast/neural/recurrent-types.ts';
import { SeededRandom } from '../../../../src/stats/random.ts';

/** A seasonal sine (period 12) with a little seeded noise. */
function sine(n: number, noise = 0.1, seed = 4): number[] {
  const random = new SeededRandom(seed);
  return Array.from(
    { length: n },
    (_, t) => 10 + 3 * Math.sin((2 * Math.PI * t) / 12) + noise * random.normal(),
  );
}

const series = sine(48);
/** Small and quick: a tiny network, few epochs (training on this machine costs ~10–40 ms an epoch). */
const quick: RecurrentOptions = { window: 6, units: 4, epochs: 4, batch: 32, patience: 0, paths: 20 };

describe('fitRecurrent and forecastRecurrent', () => {
  it('runs on the real TensorFlow.js module, which has every member `Tf` lists, on the CPU backend', async () => {
    const real: typeof TfModule = await import('@tensorflow/tfjs');
    // A type error here (tsc) means `Tf` no longer describes the installed module.
    const used: Tf = real;
    const loaded = await loadTf();
    expect(loaded.sequential).toBe(used.sequential);
    expect(loaded.getBackend()).toBe('cpu');
  });

  it('give a fit as plain data and forecasts of the asked shape', async () => {
    const fit = await fitRecurrent(series, { ...quick, period: 12 });
    // period 12: `auto` differencing is seasonal.
    expect(fit.method).toBe('LSTM(4 units; window 6; seasonal differences)');
    expect([fit.difference, fit.lag]).toEqual(['seasonal', 12]);
    // Keras's count for LSTM(4) on 1 feature: 4·(4·(4 + 1) + 4) = 96, plus Dense(1): 4 + 1.
    expect(fit.parameterCount).toBe(101);
    expect(fit.params.parameters).toBe(101);
    expect(fit.history.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    // 36 seasonal differences, 30 windows of 6: round(30 · 0.2) = 6 held out.
    expect([fit.trainWindows, fit.validationWindows, fit.validationErrors.length]).toEqual([24, 6, 6]);
    expect(fit.fitted.slice(0, 18).every(Number.isNaN)).toBe(true);
    expect(fit.fitted.slice(18).every(Number.isFinite)).toBe(true);
    expect(fit.trainingMs).toBeGreaterThan(0);
    expect(structuredClone(fit)).toEqual(fit);
    const f = await forecastRecurrent(fit, 5, { level: [50, 90] });
    expect(f.mean).toHaveLength(5);
    expect(f.intervals.map((i) => i.level)).toEqual([50, 90]);
    for (let k = 0; k < 5; k++) {
      expect(f.intervals[1].lower[k]).toBeLessThanOrEqual(f.intervals[0].lower[k]);
      expect(f.intervals[0].upper[k]).toBeLessThanOrEqual(f.intervals[1].upper[k]);
    }
    // A forecast from a cloned fit (as from the worker) is the same.
    expect(await forecastRecurrent(structuredClone(fit), 5, { level: [50, 90] })).toEqual(f);
  });

  it('counts a stacked GRU as Keras GRU(reset_after=False) does', async () => {
    const fit = await fitRecurrent(series, { ...quick, cell: 'gru', layers: 2, epochs: 1 });
    // GRU(4) on 1 feature: 3·(4·(4 + 1) + 4) = 72; GRU(4) on 4: 3·(4·(4 + 4) + 4) = 108; Dense: 5.
    expect(fit.parameterCount).toBe(185);
    // No period: `auto` differencing is first differences.
    expect(fit.method).toBe('GRU(2×4 units; window 6; first differences)');
    expect((await forecastRecurrent(fit, 3)).mean.every(Number.isFinite)).toBe(true);
  });

  it('gives no intervals without a validation tail', async () => {
    const fit = await fitRecurrent(series, { ...quick, validation: 0, epochs: 2 });
    expect(fit.validationWindows).toBe(0);
    expect(fit.history.every((e) => Number.isNaN(e.valLoss))).toBe(true);
    expect((await forecastRecurrent(fit, 3)).intervals).toEqual([]);
  });

  it('the same seed gives the same forecast; another seed another', async () => {
    const run = async (seed: number) =>
      forecastRecurrent(await fitRecurrent(series, { ...quick, epochs: 2, seed }), 6);
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect((await run(4)).mean).not.toEqual(a.mean);
  });

  it('stops early and keeps the weights of the epoch with the lowest validation loss', async () => {
    // A large step size makes the validation loss wander, so it stops improving within the epochs.
    const fit = await fitRecurrent(sine(48, 0.5), { ...quick, epochs: 40, patience: 3, learningRate: 0.1 });
    const losses = fit.history.map((e) => e.valLoss);
    const lowest = Math.min(...losses);
    expect(fit.stoppedEarly).toBe(true);
    expect(fit.history.length).toBeLessThan(40);
    expect(fit.bestEpoch).toBe(losses.indexOf(lowest) + 1);
    expect(fit.history.length - fit.bestEpoch).toBe(3);
    // The kept network's validation loss, recomputed from its errors, is the lowest of the history.
    const kept = fit.validationErrors.reduce((s, e) => s + e * e, 0) / fit.validationErrors.length;
    expect(kept).toBeCloseTo(lowest, 6);
  });

  it('calls onEpoch once per epoch, awaiting it, with increasing epochs and times', async () => {
    const seen: RecurrentEpoch[] = [];
    let pending = 0;
    const fit = await fitRecurrent(series, {
      ...quick,
      epochs: 3,
      onEpoch: async (e) => {
        expect(pending).toBe(0);
        pending++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        pending--;
        seen.push(e);
      },
    });
    expect(seen).toEqual(fit.history);
    expect(seen.map((e) => [e.epoch, e.epochs])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(seen[1].ms).toBeGreaterThan(seen[0].ms);
    expect(seen[2].ms).toBeGreaterThan(seen[1].ms);
  });

  it('an abort stops training within the epoch and keeps the best finished epoch', async () => {
    const controller = new AbortController();
    const fit = await fitRecurrent(series, {
      ...quick,
      epochs: 50,
      signal: controller.signal,
      onEpoch: (e) => {
        if (e.epoch === 3) controller.abort();
      },
    });
    expect(fit.interrupted).toBe(true);
    expect(fit.history).toHaveLength(3);
    const lowest = Math.min(...fit.history.map((e) => e.valLoss));
    const kept = fit.validationErrors.reduce((s, e) => s + e * e, 0) / fit.validationErrors.length;
    expect(kept).toBeCloseTo(lowest, 6);
  });

  it('an abort from outside (a timer, as a message would) ends the epoch under way', async () => {
    const controller = new AbortController();
    let doneAtAbort = -1;
    let done = 0;
    setTimeout(() => {
      doneAtAbort = done;
      controller.abort();
    }, 150);
    const fit = await fitRecurrent(series, {
      ...quick,
      epochs: 500,
      signal: controller.signal,
      onEpoch: (e) => {
        done = e.epoch;
      },
    });
    expect(fit.interrupted).toBe(true);
    expect(doneAtAbort).toBeGreaterThanOrEqual(0);
    expect(fit.history.length).toBeLessThanOrEqual(doneAtAbort + 1);
    expect(fit.history.length).toBeLessThan(500);
  });

  it('leaves no tensors behind', async () => {
    const tf = await loadTf();
    const before = tf.memory().numTensors;
    const fit = await fitRecurrent(series, { ...quick, epochs: 2, layers: 2 });
    await forecastRecurrent(fit, 4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('beats the mean forecast clearly on a seasonal sine', async () => {
    const y = sine(108, 0.2);
    const train = y.slice(0, 96);
    const test = y.slice(96);
    const fit = await fitRecurrent(train, {
      period: 12,
      window: 12,
      units: 8,
      epochs: 30,
      batch: 32,
      patience: 0,
      difference: 'none',
      paths: 0,
    });
    const nn = accuracy(await forecastRecurrent(fit, 12), test, train, 12);
    const mean = accuracy(forecastMean(fitMean(train), 12), test, train, 12);
    // The mean forecast misses the whole ±3 swing (MASE ≈ 6 here); a network that learnt the cycle does not.
    expect(nn.mase).toBeLessThan(mean.mase / 3);
  });
});

describe('bad options', () => {
  const cases: [RecurrentOptions, string][] = [
    [{ cell: 'rnn' as 'lstm' }, 'invalid cell: "rnn" (must be one of lstm, gru)'],
    [{ window: 0 }, 'invalid window: 0 (must be a whole number ≥ 1)'],
    [{ units: 2.5 }, 'invalid units: 2.5 (must be a whole number ≥ 1)'],
    [{ layers: 0 }, 'invalid layers: 0 (must be a whole number ≥ 1)'],
    [{ epochs: 0 }, 'invalid epochs: 0 (must be a whole number ≥ 1)'],
    [{ batch: -1 }, 'invalid batch: -1 (must be a whole number ≥ 1)'],
    [{ learningRate: 0 }, 'invalid learningRate: 0 (must be a number > 0, e.g. 0.01)'],
    [{ validation: 1 }, 'invalid validation: 1 (must be a fraction in [0, 1), e.g. 0.2)'],
    [{ patience: -1 }, 'invalid patience: -1 (must be a whole number ≥ 0)'],
    [
      { difference: 'log' as 'none' },
      'invalid difference: "log" (must be one of auto, none, first, seasonal)',
    ],
    [
      { difference: 'seasonal' },
      "invalid difference: 'seasonal' needs a seasonal period > 1; give period (e.g. 12 for monthly data) or use 'first'",
    ],
    [{ period: 0 }, 'invalid period: 0 (must be an integer ≥ 1; 12 for monthly data, 4 for quarterly)'],
    [{ seed: NaN }, 'invalid seed: NaN (must be a finite number)'],
    [{ paths: 1.5 }, 'invalid paths: 1.5 (must be a whole number ≥ 0)'],
  ];
  it.each(cases)('%j is refused with a RangeError saying what to give', async (options, message) => {
    const error = await fitRecurrent(series, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(message);
  });

  it('refuses short or non-finite series and bad horizons or levels', async () => {
    await expect(fitRecurrent([1, 2, 3], { window: 3 })).rejects.toThrow(
      'LSTM needs at least 6 observations, got 3; use a longer series or a simpler model',
    );
    await expect(fitRecurrent([...series.slice(0, 20), NaN], { window: 3 })).rejects.toThrow(
      'observation 21 is NaN: LSTM needs finite numbers; fill or drop missing values first',
    );
    const fit = await fitRecurrent(series, { ...quick, epochs: 1 });
    await expect(forecastRecurrent(fit, 0)).rejects.toThrow('invalid horizon h: 0 (must be an integer ≥ 1)');
    await expect(forecastRecurrent(fit, 2, { level: [100] })).rejects.toThrow(
      'invalid level: 100 (must be a percentage between 0 and 100)',
    );
  });
});

describe('the registry-shaped adapters', () => {
  const input = { values: series, period: 12, h: 3, level: [80] };
  it('pass the flat options through (window 0: the default) and forecast h steps', async () => {
    const { fit, forecast } = await runGruMethod(input, {
      window: 0,
      units: 4,
      epochs: 1,
      batch: 32,
      paths: 10,
    });
    expect([fit.cell, fit.window, fit.units, fit.difference]).toEqual(['gru', 12, 4, 'seasonal']);
    expect(forecast.mean).toHaveLength(3);
    expect(forecast.intervals.map((i) => i.level)).toEqual([80]);
  });

  it('name the method and option in their errors', async () => {
    await expect(runLstmMethod(input, { difference: 'log' })).rejects.toThrow(
      'lstm.difference must be one of auto, none, first, seasonal, got "log"',
    );
    await expect(runLstmMethod(input, { units: 'many' })).rejects.toThrow(
      'lstm.units must be a number, got "many"',
    );
  });
});
