/**
 * The regime-change series and the retraining simulation: the truth is what the options say, the
 * policies refit when they should, the model never sees the value it forecasts, and on a level
 * shift retraining on an alarm recovers where never retraining does not.
 */
import { describe, expect, it } from 'vitest';
import { regimeSeries } from '../../../src/simulate/regime-series.ts';
import { simulateRetraining } from '../../../src/simulate/retraining.ts';
import {
  seasonalMeanModel,
  trendSeasonalModel,
  type RetrainModel,
} from '../../../src/simulate/retraining-models.ts';

describe('regimeSeries', () => {
  it('is the same for the same seed, and its truth changes as the options say at the change point', () => {
    const a = regimeSeries({ seed: 4 });
    expect(regimeSeries({ seed: 4 })).toEqual(a);
    expect(regimeSeries({ seed: 5 }).values).not.toEqual(a.values);
    // Default: level 100, slope 0.2, amplitude 10, period 12, a level shift of +25 at 160.
    expect(a.truth[0]).toBeCloseTo(100, 12);
    expect(a.truth[3]).toBeCloseTo(100 + 0.6 + 10, 12);
    expect(a.truth[160]! - a.truth[159]!).toBeCloseTo(
      25 + 0.2 + 10 * (Math.sin((2 * Math.PI * 160) / 12) - Math.sin((2 * Math.PI * 159) / 12)),
      10,
    );
    const slope = regimeSeries({ change: { kind: 'slope', at: 100, size: 1 }, amplitude: 0, noise: 0 });
    expect(slope.values[110]! - slope.values[109]!).toBeCloseTo(1.2, 12);
    expect(slope.values[90]! - slope.values[89]!).toBeCloseTo(0.2, 12);
    const season = regimeSeries({ change: { kind: 'amplitude', at: 120, size: 5 }, slope: 0, noise: 0 });
    expect(season.values[123]).toBeCloseTo(115, 12);
    expect(season.values[3]).toBeCloseTo(110, 12);
    expect(a.values.map((v, t) => v - a.truth[t]!).every((e) => Math.abs(e) < 15)).toBe(true);
  });

  it('says which option is wrong', () => {
    expect(() => regimeSeries({ change: { kind: 'level', at: 0, size: 1 } })).toThrow(
      /change.at must be a whole number in 1…239/,
    );
    expect(() => regimeSeries({ noise: -1 })).toThrow(/noise must be ≥ 0/);
    expect(() => regimeSeries({ change: { kind: 'mood' as 'level', at: 5, size: 1 } })).toThrow(
      /'level', 'slope' or 'amplitude'/,
    );
  });
});

describe('simulateRetraining', () => {
  const series = regimeSeries({ seed: 2 });
  const run = (policy: Parameters<typeof simulateRetraining>[0]['policy'], extra = {}) =>
    simulateRetraining({
      values: series.values,
      period: 12,
      policy,
      changePoint: series.changePoint,
      ...extra,
    });

  it('forecasts every value after the warm-up, from values before it only', () => {
    const seen: number[] = [];
    const spy: RetrainModel<number> = {
      name: 'last value',
      fit: (window) => window.at(-1)!,
      predict: (_s, history, t) => {
        seen.push(history.length - t);
        return history.at(-1)!;
      },
    };
    const r = simulateRetraining({
      values: series.values,
      policy: { kind: 'never' },
      model: spy,
      warmup: 48,
    });
    expect(r.steps).toHaveLength(240 - 48);
    expect(r.steps[0]!.t).toBe(48);
    expect(new Set(seen)).toEqual(new Set([0]));
    expect(r.steps[0]!.error).toBeCloseTo(Math.abs(series.values[48]! - series.values[47]!), 12);
  });

  it('refits every k steps, and on alarms only when the detector raises them, each at its cost', () => {
    const every = run({ kind: 'every', k: 24 }, { refitCost: 10 });
    expect(every.refits).toEqual([71, 95, 119, 143, 167, 191, 215]);
    expect(every.cost).toBe(70);
    const never = run({ kind: 'never' }, { errorCost: 2 });
    expect(never.refits).toEqual([]);
    expect(never.cost).toBeCloseTo(2 * never.steps.reduce((s, x) => s + x.error, 0), 9);
    const alarm = run({ kind: 'alarm', detector: 'page-hinkley' });
    expect(alarm.refits).toEqual(alarm.alarms.filter((t) => t < 239));
    expect(alarm.steps.filter((s) => s.alarm).map((s) => s.t)).toEqual(alarm.alarms);
  });

  it('on a level shift, retraining on an alarm recovers where never retraining does not', () => {
    const never = run({ kind: 'never' });
    const onAlarm = run({ kind: 'alarm', detector: 'page-hinkley' });
    // Never retrained, the seasonal mean lags the trend and then misses the +25 shift entirely.
    expect(never.maeAfter).toBeGreaterThan(25);
    // Page–Hinkley needs 30 values after each refit before it may alarm (minInstances), so an alarm
    // soon after a refit is impossible: here it comes 18 steps after the shift.
    expect(onAlarm.alarms.some((t) => t >= 160 && t < 190)).toBe(true);
    expect(onAlarm.maeAfter).toBeLessThan(never.maeAfter / 2);
    // A trend model learns the slope, so before the change it beats the seasonal mean never retrained.
    const trend = run({ kind: 'never' }, { model: trendSeasonalModel(12) });
    expect(trend.maeBefore).toBeLessThan(never.maeBefore);
    expect(seasonalMeanModel(12).name).toMatch(/seasonal mean/);
  });

  it('says which option is wrong', () => {
    expect(() => run({ kind: 'every', k: 0 })).toThrow(/policy.k must be a whole number ≥ 1, got 0/);
    expect(() => run({ kind: 'sometimes' } as never)).toThrow(/'never', 'every' or 'alarm'/);
    expect(() => run({ kind: 'alarm', detector: 'adwin' } as never)).toThrow(
      /'page-hinkley' or 'cusum', got "adwin"/,
    );
    expect(() => run({ kind: 'never' }, { warmup: 240 })).toThrow(
      /warmup must be a whole number from 2 to 239/,
    );
    expect(() => simulateRetraining({ values: [1, NaN, 3], policy: { kind: 'never' }, warmup: 2 })).toThrow(
      /finite numbers/,
    );
  });
});
