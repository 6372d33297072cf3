/** Typed access to test/fixtures/ref/baselines.json, baseline-intervals.json and accuracy-extra.json. */
import { readRef } from '../read-fixture.ts';

export type Method = 'naive' | 'snaive' | 'drift' | 'mean' | 'naive2';

export interface MethodRef {
  call: string;
  forecast: number[];
  info: {
    sigma2?: number;
    drift?: number;
    drift_se?: number;
    mu?: number;
    seasonal?: boolean;
    seasonal_indices?: number[];
  };
  accuracy: { MAE: number; RMSE: number; MAPE: number; sMAPE: number; MASE: number; mase_scale: number };
}

export interface SeriesRef {
  frequency: number;
  n_train: number;
  h: number;
  actual: number[];
  methods: Record<Method, MethodRef>;
}

export const baselines = readRef<{ series: Record<string, SeriesRef> }>('baselines.json').series;

export type IntervalsRef = Record<'80' | '95', { lower: number[]; upper: number[] }>;

export const baselineIntervals = readRef<{
  series: Record<
    string,
    { n_train: number; h: number; period: number; intervals: Record<Exclude<Method, 'naive2'>, IntervalsRef> }
  >;
}>('baseline-intervals.json').series;

export const accuracyExtra = readRef<{
  series: Record<string, Record<Method, { ME: number; MPE: number; ACF1: number; TheilsU: number }>>;
}>('accuracy-extra.json').series;
