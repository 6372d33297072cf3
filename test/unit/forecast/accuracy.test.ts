import { describe, expect, it } from 'vitest';
import { accuracy, fitNaive, forecastNaive } from 'dplab/forecast';
import { expectClose, readSeries } from '../read-fixture.ts';
import { accuracyExtra, baselines, type Method } from './baselines-ref.ts';

// Reference: baselines.json (MAE, RMSE, MAPE, sMAPE, MASE of R forecast 8.20's forecasts) and
// accuracy-extra.json (ME, MPE, ACF1, Theil's U: forecast 8.20 testaccuracy()'s formulas in numpy),
// all to 1e-9 relative (reached: ≤ 3e-13).
const methods: Method[] = ['naive', 'snaive', 'drift', 'mean', 'naive2'];

describe('accuracy', () => {
  for (const [name, ref] of Object.entries(baselines)) {
    it(`accuracy(f, tail(${name}, ${ref.h})) test-set row for the five baselines`, () => {
      const train = readSeries(name).slice(0, ref.n_train);
      for (const m of methods) {
        const a = accuracy(ref.methods[m].forecast, ref.actual, train, ref.frequency);
        const r = ref.methods[m].accuracy;
        const x = accuracyExtra[name][m];
        expectClose(
          [a.me, a.rmse, a.mae, a.mpe, a.mape, a.mase, a.acf1, a.theilsU, a.smape],
          [x.ME, r.RMSE, r.MAE, x.MPE, r.MAPE, r.MASE, x.ACF1, x.TheilsU, r.sMAPE],
          { rel: 1e-9 },
          m,
        );
      }
    });
  }

  it('takes a Forecast object and uses its mean', () => {
    const y = readSeries('AirPassengers');
    const fc = forecastNaive(fitNaive(y.slice(0, 120)), 24);
    expect(accuracy(fc, y.slice(120), y.slice(0, 120), 12)).toEqual(
      accuracy(fc.mean, y.slice(120), y.slice(0, 120), 12),
    );
  });

  it("one test point: ACF1 and Theil's U are NaN (R: NA); the rest are defined", () => {
    const a = accuracy([10], [12], [1, 2, 4], 1);
    expect(a.acf1).toBeNaN();
    expect(a.theilsU).toBeNaN();
    expect(a.me).toBe(2);
    expect(a.mase).toBeCloseTo(2 / 1.5, 15);
  });

  it('rejects empty or mismatched input', () => {
    expect(() => accuracy([], [], [1, 2])).toThrow('no observations');
    expect(() => accuracy([1, 2], [1], [1, 2])).toThrow('differ in length (1 and 2)');
  });
});
