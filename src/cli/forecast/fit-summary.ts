/**
 * What `--fits` records of a fitted model: the model in R's wording — `ARIMA(0,1,1)(0,1,1)[12]`,
 * `ARIMA(2,1,0) with drift`, `ETS(M,Ad,M)` (also for `ses`, `holt` and `hw`, which R fits as ETS
 * models) — its AICc where the model has one, and its parameters by name.
 */
import type { FittedModel } from '../../forecast/model.ts';

/** One fitted model, as `--fits` writes it. */
export interface FitSummary {
  spec: string;
  /** `null` where the model defines none (baselines, Theta). */
  aicc: number | null;
  params: Record<string, number>;
}

/** The summary of a fit; ETS fits are named by their components, others by their `method`. */
export function fitSummary(fit: FittedModel): FitSummary {
  const ets = fit as {
    kind?: string;
    components?: { error: string; trend: string; season: string; damped: boolean };
  };
  // Only ETS fits are named by their components: prophet's fit has `components` of another kind.
  const own = (fit as { spec?: unknown }).spec;
  const spec =
    ets.kind === 'ets' && ets.components
      ? `ETS(${ets.components.error},${ets.components.trend}${ets.components.damped ? 'd' : ''},${ets.components.season})`
      : typeof own === 'string'
        ? own
        : fit.method;
  const aicc = typeof fit.aicc === 'number' && Number.isFinite(fit.aicc) ? fit.aicc : null;
  return { spec, aicc, params: { ...fit.params } };
}
