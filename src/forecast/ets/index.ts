/**
 * Exponential smoothing: the ETS state space family with automatic selection (`forecast::ets`), the
 * classical methods under their R names (`ses`, `holt`, `hw`) and `stats::HoltWinters`.
 */
export { fitEts } from './fit-ets.ts';
export { forecastEts, etsForecastDefaults, type EtsForecastOptions } from './forecast-ets.ts';
export { fitSes, sesDefaults, type SesOptions } from './fit-ses.ts';
export { fitHolt, holtDefaults, type HoltOptions } from './fit-holt.ts';
export { fitHoltWinters, holtWintersDefaults, type HoltWintersOptions } from './fit-holt-winters.ts';
export {
  fitHoltWintersClassic,
  holtWintersClassicDefaults,
  type HoltWintersClassicFit,
  type HoltWintersClassicOptions,
} from './holt-winters-classic.ts';
export { forecastHoltWintersClassic } from './forecast-holt-winters-classic.ts';
export {
  etsDefaults,
  type EtsCandidate,
  type EtsComponents,
  type EtsFit,
  type EtsInitialStates,
  type EtsModelCode,
  type EtsOptCrit,
  type EtsOptions,
  type ErrorType,
  type SeasonType,
  type TrendType,
} from './types.ts';
