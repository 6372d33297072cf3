/**
 * Dresses an estimated model as the plain `EtsFit` object the rest of dplab uses: named parameters and
 * initial states, state paths, fitted values, residuals and R's σ² = Σεₜ² / (n − number of parameters).
 */
import type { ModelRun } from './fit-model.ts';
import { etsMethodName } from './model-code.ts';
import type { EtsCandidate, EtsFit } from './types.ts';

export function toEtsFit(
  y: readonly number[],
  run: ModelRun,
  candidates: EtsCandidate[] | undefined,
): EtsFit {
  const n = y.length;
  const { components, m, x0 } = run;
  const hasTrend = components.trend !== 'N';
  const hasSeason = components.season !== 'N';
  const p = x0.length;
  const sOffset = hasTrend ? 2 : 1;
  const initialStates: Record<string, number> = { l0: x0[0] };
  if (hasTrend) initialStates.b0 = x0[1];
  if (hasSeason) for (let k = 0; k < m; k++) initialStates[`s${k}`] = x0[sOffset + k];
  const column = (c: number): number[] => Array.from({ length: n + 1 }, (_, t) => run.states[t * p + c]);
  const states: EtsFit['states'] = { level: column(0) };
  if (hasTrend) states.slope = column(1);
  if (hasSeason) states.season = column(sOffset);
  const params: Record<string, number> = {};
  for (const key of ['alpha', 'beta', 'gamma', 'phi'] as const) {
    const v = run.params[key];
    if (v !== undefined) params[key] = v;
  }
  const fitted = Array.from(run.fitted);
  let sse = 0;
  for (const e of run.innovations) sse += e * e;
  return {
    kind: 'ets',
    method: etsMethodName(components),
    period: hasSeason ? m : 1,
    n,
    params,
    fitted,
    residuals: y.map((v, i) => v - fitted[i]),
    sigma2: n > run.nparTotal ? sse / (n - run.nparTotal) : NaN,
    loglik: run.loglik,
    aic: run.aic,
    aicc: run.aicc,
    bic: run.bic,
    components,
    initialStates,
    finalState: Array.from(run.states.subarray(n * p, (n + 1) * p)),
    states,
    innovations: Array.from(run.innovations),
    mse: run.mse,
    amse: run.amse,
    nparams: run.npar,
    ...(candidates === undefined ? {} : { candidates }),
  };
}
