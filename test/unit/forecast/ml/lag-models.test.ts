import { describe, expect, it } from 'vitest';
import { fitBoost, forecastBoost } from '../../../../src/forecast/ml/gradient-boosting.ts';
import { permutationImportance } from '../../../../src/forecast/ml/permutation-importance.ts';
import { fitForest, forecastForest } from '../../../../src/forecast/ml/random-forest.ts';
import { forecastMethod, parseMethodOption } from '../../../../src/forecast/registry.ts';
import { SeededRandom } from '../../../../src/stats/random.ts';
import { train } from './ml-reference.ts';

describe('seeds', () => {
  it('the same seed gives the same forest and forecast; another seed another', () => {
    const a = forecastForest(fitForest(train, { period: 12, seed: 7 }), 12).mean;
    const b = forecastForest(fitForest(train, { period: 12, seed: 7 }), 12).mean;
    const c = forecastForest(fitForest(train, { period: 12, seed: 8 }), 12).mean;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('a fit survives structured cloning (the worker boundary) and forecasts the same', () => {
    const fit = fitBoost(train, { period: 12, subsample: 0.7, seed: 3 });
    expect(forecastBoost(structuredClone(fit), 12)).toEqual(forecastBoost(fit, 12));
  });
});

describe('permutation importance', () => {
  it('is zero for a feature the model ignores and 2·Var·β² on average for one it uses', () => {
    const random = new SeededRandom(5);
    const rows = Array.from({ length: 400 }, () => [random.normal(), random.normal()]);
    const target = rows.map((r) => 3 * r[0]);
    const imp = permutationImportance((r) => 3 * r[0], rows, target, ['x', 'noise'], {
      repeats: 10,
      seed: 2,
    });
    expect(imp[1]).toEqual({ feature: 'noise', increase: 0, sd: 0 });
    // E[(3x − 3x')²] = 2·9·Var(x) = 18 for independent x, x' (a shuffle).
    expect(imp[0].increase).toBeGreaterThan(15);
    expect(imp[0].increase).toBeLessThan(21);
  });

  it('trees report importances on the validation tail, most important first; lag 12 leads on AirPassengers', () => {
    const fit = fitForest(train, { period: 12 });
    expect(fit.validationRows).toBe(Math.round(0.2 * 108));
    expect(fit.importance).toHaveLength(12);
    expect(fit.importance[0].increase).toBeGreaterThanOrEqual(fit.importance[1].increase);
    expect(['lag12', 'lag1']).toContain(fit.importance[0].feature);
    expect(fit.params[`importance.${fit.importance[0].feature}`]).toBe(fit.importance[0].increase);
    expect(fitForest(train, { period: 12, validation: 0 }).importance).toEqual([]);
  });
});

describe('boost', () => {
  it('early stopping on the time-ordered tail keeps the best number of rounds and refits with it', () => {
    const fit = fitBoost(train, { period: 12, trees: 300, earlyStopping: 10, learningRate: 0.3 });
    expect(fit.params.rounds).toBeGreaterThan(0);
    expect(fit.params.rounds).toBeLessThan(300);
    expect(() => fitBoost(train, { earlyStopping: 5, validation: 0 })).toThrow(/needs a validation tail/);
  });

  it('gives simulated intervals around the forecast, wider further ahead', () => {
    const f = forecastBoost(fitBoost(train, { period: 12 }), 24, { level: [80, 95] });
    const [i80, i95] = f.intervals;
    for (let h = 0; h < 24; h++) {
      expect(i95.lower[h]).toBeLessThanOrEqual(i80.lower[h]);
      expect(i80.upper[h]).toBeLessThanOrEqual(i95.upper[h]);
    }
    const width = (h: number) => i95.upper[h] - i95.lower[h];
    expect(width(23)).toBeGreaterThan(width(0));
  });

  it('says which option is wrong', () => {
    expect(() => fitBoost(train, { learningRate: 0 })).toThrow(/boost.learningRate: 0/);
    expect(() => fitBoost(train, { subsample: 1.5 })).toThrow(/boost.subsample: 1.5/);
    expect(() => fitForest(train, { trees: 0 })).toThrow(/forest.trees: 0/);
    expect(() => fitForest(train, { maxFeatures: 0 })).toThrow(/forest.maxFeatures/);
    expect(() => fitForest(train, { strategy: 'sideways' as 'direct' })).toThrow(/invalid strategy/);
  });
});

describe('registry methods', () => {
  it('forest and boost run with --param options and report features and importances', () => {
    const input = { values: train, period: 12, h: 12, level: [95] };
    const forest = forecastMethod('forest');
    const trees = parseMethodOption(forest, 'trees', '20');
    expect(trees).toBe(20);
    const { fit, forecast } = forest.run(input, { trees, seed: 2 });
    expect(forecast.mean).toHaveLength(12);
    expect((fit as { spec?: string }).spec).toBe('forest(20 trees; lags 1-12)');
    expect(Object.keys(fit.params).filter((k) => k.startsWith('importance.'))).toHaveLength(12);
    const boost = forecastMethod('boost').run(input, { strategy: 'direct', calendar: 'season', trees: 20 });
    expect(boost.forecast.mean).toHaveLength(12);
    expect(parseMethodOption(forecastMethod('boost'), 'strategy', 'direct')).toBe('direct');
    expect(() => parseMethodOption(forecastMethod('boost'), 'calendar', 'lunar')).toThrow(/none, season/);
    expect(() => forecastMethod('linear').run(input, { calendar: 'lunar' })).toThrow(/linear.calendar/);
  });
});
