/**
 * The models a retraining simulation (`simulateRetraining`) deploys: each learns from a training
 * window and then forecasts one step ahead with what it learnt, frozen until it is refitted — the
 * way a deployed model keeps its parameters between training runs. Two simple ones are built in; a
 * lesson can pass its own `{ name, fit, predict }`.
 */
import { ols } from '../stats/ols.ts';

/** A deployable model: learns a state from a window, then forecasts index t from that state. */
export interface RetrainModel<S = unknown> {
  name: string;
  /** Learns from `window` (values in time order), whose first value is index `start` of the series. */
  fit(window: readonly number[], start: number): S;
  /** The forecast of index t, made with the state and the values observed before t (`history`). */
  predict(state: S, history: readonly number[], t: number): number;
}

const mod = (t: number, m: number) => ((t % m) + m) % m;

/**
 * The window's mean plus each season position's mean deviation from it: no trend, so it drifts
 * away from a trending series until it is refitted, and it cannot follow a level shift at all.
 */
export function seasonalMeanModel(period: number): RetrainModel<{ level: number; profile: number[] }> {
  return {
    name: `seasonal mean (period ${period})`,
    fit(window, start) {
      const level = window.reduce((s, y) => s + y, 0) / window.length;
      const sums = new Array<number>(period).fill(0);
      const counts = new Array<number>(period).fill(0);
      window.forEach((y, i) => {
        const p = mod(start + i, period);
        sums[p]! += y - level;
        counts[p]!++;
      });
      return { level, profile: sums.map((s, p) => (counts[p] ? s / counts[p]! : 0)) };
    },
    predict: (state, _history, t) => state.level + state.profile[mod(t, period)]!,
  };
}

/**
 * A linear trend plus seasonal dummies, fitted by least squares on the window and extrapolated:
 * right while the trend holds, increasingly wrong after a change of level or slope.
 */
export function trendSeasonalModel(period: number): RetrainModel<{ coefficients: number[]; start: number }> {
  return {
    name: `linear trend + season (period ${period})`,
    fit(window, start) {
      const n = window.length;
      const columns: number[][] = [new Array<number>(n).fill(1), window.map((_, i) => i)];
      for (let p = 1; p < period; p++)
        columns.push(window.map((_, i) => (mod(start + i, period) === p ? 1 : 0)));
      return { coefficients: ols(columns, window).coefficients, start };
    },
    predict({ coefficients, start }, _history, t) {
      const p = mod(t, period);
      return coefficients[0]! + coefficients[1]! * (t - start) + (p > 0 ? coefficients[1 + p]! : 0);
    },
  };
}
