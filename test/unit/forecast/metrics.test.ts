import { describe, expect, it } from 'vitest';
import { coverage, mae, mape, mase, maseScale, me, mpe, rmse, smape } from 'dplab/forecast';
import { expectClose, readSeries } from '../read-fixture.ts';
import { accuracyExtra, baselines, type Method } from './baselines-ref.ts';

// Reference: baselines.json, accuracy of R forecast 8.20's hold-out forecasts as computed by tools/ref
// (MAE, RMSE, MAPE = 100·mean|e/y|, sMAPE on 0–200, MASE with the seasonal-naive scale) to 1e-9
// relative (reached: ≤ 3e-13). ME and MPE: accuracy-extra.json (testaccuracy()'s formulas in numpy).
const methods: Method[] = ['naive', 'snaive', 'drift', 'mean', 'naive2'];

describe('metrics on R forecast 8.20 hold-out forecasts', () => {
  for (const [name, ref] of Object.entries(baselines)) {
    it(`accuracy(<naive|snaive|rwf drift|meanf|Naive2>(head(${name}, ${ref.n_train})), tail(${name}, ${ref.h})) to 1e-9`, () => {
      const train = readSeries(name).slice(0, ref.n_train);
      expectClose(
        [maseScale(train, ref.frequency)],
        [ref.methods.naive.accuracy.mase_scale],
        { rel: 1e-9 },
        'scale',
      );
      for (const m of methods) {
        const f = ref.methods[m].forecast;
        const a = ref.methods[m].accuracy;
        const y = ref.actual;
        expectClose(
          [mae(y, f), rmse(y, f), mape(y, f), smape(y, f), mase(y, f, train, ref.frequency)],
          [a.MAE, a.RMSE, a.MAPE, a.sMAPE, a.MASE],
          { rel: 1e-9 },
          `${m} MAE RMSE MAPE sMAPE MASE`,
        );
        const extra = accuracyExtra[name][m];
        expectClose([me(y, f), mpe(y, f)], [extra.ME, extra.MPE], { rel: 1e-9 }, `${m} ME MPE`);
      }
    });
  }

  it('by hand: y = (2, 4, 5), ŷ = (1, 5, 5)', () => {
    const y = [2, 4, 5];
    const f = [1, 5, 5];
    expect(me(y, f)).toBe(0);
    expect(mae(y, f)).toBeCloseTo(2 / 3, 15);
    expect(rmse(y, f)).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(mpe(y, f)).toBeCloseTo((100 * (1 / 2 - 1 / 4)) / 3, 13);
    expect(mape(y, f)).toBeCloseTo((100 * (1 / 2 + 1 / 4)) / 3, 13);
    expect(smape(y, f)).toBeCloseTo((200 * (1 / 3 + 1 / 9)) / 3, 13);
    // Seasonal-naive scale with period 2 on (1, 3, 2, 6): mean(|2 − 1|, |6 − 3|) = 2.
    expect(maseScale([1, 3, 2, 6], 2)).toBe(2);
    expect(mase(y, f, [1, 3, 2, 6], 2)).toBeCloseTo(1 / 3, 15);
    // Period 1 is the naive scale: mean(2, 1, 4) = 7/3.
    expect(maseScale([1, 3, 2, 6])).toBeCloseTo(7 / 3, 15);
  });

  it('coverage counts actuals inside [lower, upper], bounds included', () => {
    expect(coverage([1, 2, 3, 4], [0, 2, 4, 0], [1, 3, 5, 3])).toBe(0.5);
    expect(coverage([5], [5], [5])).toBe(1);
  });

  it("keeps R's infinities and skips 0/0 terms as R's na.rm = TRUE", () => {
    expect(mape([0, 1], [1, 1])).toBe(Infinity);
    expect(mase([1, 2], [2, 2], [3, 3, 3])).toBe(Infinity);
    // 0/0 terms are skipped as R's na.rm = TRUE does; sMAPE keeps them, as the M4 code.
    expect(mape([0, 2], [0, 1])).toBe(50);
    expect(mpe([0, 2], [0, 1])).toBe(50);
    expect(mase([2, 2], [2, 2], [3, 3, 3])).toBeNaN();
    expect(smape([0], [0])).toBeNaN();
    expect(rmse([1e200, -1e200], [-1e200, 1e200])).toBe(Infinity);
    expect(mae([1e200, -1e200], [-1e200, 1e200])).toBe(2e200);
  });

  it('rejects empty input, unequal lengths, NaN and too-short training data', () => {
    expect(() => mae([], [])).toThrow('no observations: accuracy needs at least one actual value');
    expect(() => rmse([1, 2], [1])).toThrow('actual and forecast differ in length (2 and 1)');
    expect(() => me([1, NaN], [1, 2])).toThrow('actual value 2 is NaN');
    expect(() => smape([1, 2], [1, NaN])).toThrow('forecast 2 is NaN');
    expect(() => mase([1], [1], [1, 2, 3], 4)).toThrow(
      'MASE needs more than 4 training observations for period 4, got 3',
    );
    expect(() => mase([1], [1], [1, NaN, 3], 1)).toThrow('training value 2 is NaN');
    expect(() => maseScale([1, 2, 3], 0)).toThrow('invalid period: 0');
    expect(() => coverage([1, 2], [0, 0], [3])).toThrow('differ in length (2 and 1)');
  });
});
