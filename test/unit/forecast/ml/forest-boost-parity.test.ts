// `forest` and `boost` against scikit-learn 1.2.1 on AirPassengers[1:120] with the reference's
// settings — RandomForestRegressor(n_estimators=100), GradientBoostingRegressor() (100 trees, depth 3,
// learning rate 0.1) on 12 lags (± one-hot season), raw and differenced, recursive 24-month forecasts —
// compared by hold-out sMAPE (test/fixtures/ref-ml/ml-reference.json).
//
// Different random streams are expected: sklearn's bootstrap and feature order come from NumPy's
// Mersenne Twister, ours from SeededRandom. One seed's sMAPE is not a fair target: sklearn's own moves
// by up to ±15 % between random_state 0..9 (GBT too — its feature order breaks ties between lags that
// split a small node the same way). So the test compares the mean over 10 seeds (ours 1..10, sklearn's
// 0..9, from make-reference.py) within 5 %, and that each of our seeds lies within the range of
// sklearn's 10 seeds widened by 10 %. (sklearn's seed-0 values of the shared reference are among its
// 10: e.g. GBT raw 14.24 is its largest, its mean 12.56.)
import { describe, expect, it } from 'vitest';
import { fitBoost, forecastBoost } from '../../../../src/forecast/ml/gradient-boosting.ts';
import { fitForest, forecastForest } from '../../../../src/forecast/ml/random-forest.ts';
import { smape } from '../../../../src/forecast/metrics.ts';
import { ref, test, train } from './ml-reference.ts';

const models = { rf: [fitForest, forecastForest], gbt: [fitBoost, forecastBoost] } as const;
const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe('forest and boost: hold-out sMAPE within 5 % of scikit-learn', () => {
  for (const key of ['rf', 'gbt'] as const) {
    for (const difference of [0, 1]) {
      for (const calendar of ['none', 'season'] as const) {
        const name = `${key}_${difference ? 'diff' : 'raw'}${calendar === 'season' ? '_cal' : ''}`;
        it(name, () => {
          const [fit, forecast] = models[key];
          const ours = Array.from({ length: 10 }, (_, s) => {
            const f = fit(train, { period: 12, difference, calendar, seed: s + 1, validation: 0 });
            return smape(test, forecast(f, ref.h).mean);
          });
          const theirs = ref.seeds[name];
          expect(Math.abs(mean(ours) / mean(theirs) - 1)).toBeLessThan(0.05);
          expect(theirs[0]).toBeCloseTo(ref.shared[name].sMAPE, 9);
          expect(Math.min(...ours)).toBeGreaterThan(Math.min(...theirs) * 0.9);
          expect(Math.max(...ours)).toBeLessThan(Math.max(...theirs) * 1.1);
        });
      }
    }
  }
});
