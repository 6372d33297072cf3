/** The shape of test/fixtures/ref/diagnostics.json (values from R 4.2.2; `null` is R's NA). */
import { readRef } from '../read-fixture.ts';

export interface PortmanteauRef {
  lag: number;
  statistic: number;
  df?: number;
  p_value: number;
}

export interface StlRef {
  s_window: number | 'periodic';
  robust: boolean;
  windows: { s: number; t: number; l: number };
  degrees: { s: number; t: number; l: number };
  jumps: { s: number; t: number; l: number };
  inner: number;
  outer: number;
  seasonal: number[];
  trend: number[];
  weights: number[];
}

export interface DecomposeRef {
  trend: (number | null)[];
  random: (number | null)[];
  figure: number[];
}

export interface DatasetRef {
  frequency: number;
  n: number;
  lag_max: number;
  acf: number[];
  pacf: number[];
  ljung_box?: PortmanteauRef[];
  box_pierce?: PortmanteauRef[];
  decompose_additive?: DecomposeRef;
  decompose_multiplicative?: DecomposeRef;
  stl?: Record<string, StlRef>;
}

export const diagnostics = readRef<{ datasets: Record<string, DatasetRef> }>('diagnostics.json').datasets;

/** The reference for one series; throws if the fixture lacks it (so a typo fails loudly). */
export function refFor(name: string): DatasetRef {
  const d = diagnostics[name];
  if (!d) throw new Error(`no reference for ${name} in diagnostics.json`);
  return d;
}
