// The scikit-learn 1.2.1 numbers the ML tests compare with: test/fixtures/ref-ml/ml-reference.json,
// made by test/fixtures/ref-ml/make-reference.py (its docstring says what each part is).
import { readFileSync } from 'node:fs';

export interface MlReference {
  sklearn: string;
  train: number;
  h: number;
  shared: Record<
    string,
    { sMAPE: number; rows: number; forecast?: number[]; intercept?: number; coef?: number[] }
  >;
  seeds: Record<string, number[]>;
  ridge: Record<'raw' | 'diff', { alpha: number; intercept: number; coef: number[]; forecast: number[] }>;
  tree: Record<
    string,
    { params: { max_depth: number; min_samples_leaf: number }; nodes: number; fitted: number[] }
  >;
  synthetic: {
    x: number[][];
    y: number[];
    query: number[][];
    models: Record<string, { call: string; predict: number[] }>;
  };
}

export const ref: MlReference = JSON.parse(
  readFileSync(new URL('../../../fixtures/ref-ml/ml-reference.json', import.meta.url), 'utf8'),
);

/** AirPassengers (datasets/AirPassengers.csv): the first `ref.train` values and the rest. */
export const air = readFileSync(new URL('../../../../datasets/AirPassengers.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[1]));
export const train = air.slice(0, ref.train);
export const test = air.slice(ref.train);
