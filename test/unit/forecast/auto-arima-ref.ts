/**
 * The shape of test/fixtures/ref-arima/auto-arima-reference.json (make-auto-reference.R beside it: R 4.2.2,
 * forecast 8.20, `auto.arima(y, trace = TRUE, …)` on the series of test/fixtures/ref/unit-root-ref.json),
 * and running one case with the same options.
 */
import { readFileSync } from 'node:fs';
import { autoArima } from '../../../src/forecast/auto-arima.ts';
import type { AutoArimaFit, AutoArimaOptions } from '../../../src/forecast/auto-arima-types.ts';

export interface AutoArimaRef {
  id: string;
  series: string;
  n: number;
  frequency: number;
  h: number;
  /** The R call. */
  r: string;
  /** auto.arima's arguments besides y and trace, by R's names. */
  args: Record<string, string | number | boolean>;
  nsdiffs: number;
  ndiffs: number;
  order: [number, number, number];
  seasonal: [number, number, number];
  spec: string;
  coef: Record<string, number>;
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  sigma2: number;
  forecast: number[];
  lower95: number[];
  upper95: number[];
  /** The printed trace: stage, model, criterion as printed (`Inf` for rejected models). */
  trace: { stage: 'search' | 'refit'; spec: string; ic: string }[];
  seconds: number;
}

const url = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url);

export const autoArimaRefs = (
  JSON.parse(readFileSync(url('ref-arima/auto-arima-reference.json'), 'utf8')) as { cases: AutoArimaRef[] }
).cases;

const datasets = (
  JSON.parse(readFileSync(url('ref/unit-root-ref.json'), 'utf8')) as {
    datasets: Record<
      string,
      { frequency: number; values: number[]; diagnostics_json: Record<string, number> }
    >;
  }
).datasets;

/** The series R saw (the first `n` values). */
export function refValues(c: AutoArimaRef): number[] {
  return datasets[c.series].values.slice(0, c.n);
}

/** diagnostics.json's counts for the full series (ndiffs_kpss, nsdiffs_seas, …). */
export function diagnostics(series: string): Record<string, number> {
  return datasets[series].diagnostics_json;
}

/** R's argument names → ours. */
const names: Record<string, keyof AutoArimaOptions> = {
  stepwise: 'stepwise',
  ic: 'ic',
  'seasonal.test': 'seasonalTest',
  approximation: 'approximation',
  'start.p': 'startp',
  'start.q': 'startq',
  'max.p': 'maxp',
  'max.q': 'maxq',
  'max.P': 'maxP',
  'max.Q': 'maxQ',
};

/** autoArima with the case's period and options. */
export function runRef(c: AutoArimaRef): AutoArimaFit {
  const options: Record<string, unknown> = { period: c.frequency };
  for (const [k, v] of Object.entries(c.args)) {
    if (!names[k]) throw new Error(`no autoArima option for R's ${k}`);
    options[names[k]] = v;
  }
  return autoArima(refValues(c), options as AutoArimaOptions);
}

/** R's printed criterion as a number (`Inf` → Infinity). */
export const printed = (ic: string): number =>
  ic === 'Inf' ? Infinity : ic === '-Inf' ? -Infinity : Number(ic);

export const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
