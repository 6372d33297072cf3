/**
 * `dplab/decide`: inventory decisions from demand forecasts. Exact single-echelon models (Snyder & Shen,
 * *Fundamentals of Supply Chain Theory*, 2nd ed., ch. 3–5): the newsvendor, base-stock levels, EOQ,
 * (r, Q) and (s, S) policies, with their loss functions; and a seeded multi-product inventory
 * simulation comparing a forecast-driven policy with a naïve one. Pricing: elasticity estimation,
 * profit-maximising prices, guardrails and price experiments as bandits.
 */
export type { Demand, EmpiricalDemand, NormalDemand, PoissonDemand } from './demand.ts';
export {
  normalCdf,
  normalLoss,
  normalPdf,
  normalSecondLoss,
  poissonCdf,
  poissonLoss,
  poissonPmf,
  poissonSecondLoss,
  standardNormalLoss,
  standardNormalSecondLoss,
} from './loss-functions.ts';
export {
  demandMean,
  demandQuantile,
  newsvendor,
  stockOutcome,
  type NewsvendorOptions,
  type NewsvendorResult,
  type StockOutcome,
} from './newsvendor.ts';
export { baseStock, type BaseStockOptions, type BaseStockResult } from './base-stock.ts';
export { eoq, type EoqOptions, type EoqResult } from './eoq.ts';
export { reorderPoint, type ReorderPointOptions, type ReorderPointResult } from './reorder-point.ts';
export { sSPolicy, type SSPolicyOptions, type SSPolicyResult } from './s-s-policy.ts';
export { randomGamma, randomNegativeBinomial, randomPoisson } from './sampling.ts';
export {
  retailDemand,
  retailDemandDefaults,
  type RetailDemandOptions,
  type RetailProductDemand,
} from './retail-demand.ts';
export {
  forecasterFromMethod,
  forecastSd,
  type DemandForecast,
  type Forecaster,
  type MethodForecasterOptions,
} from './forecaster.ts';
export {
  inventorySimulationDefaults,
  simulateInventory,
  type InventoryMetrics,
  type InventorySimulation,
  type InventorySimulationOptions,
  type PolicyRun,
  type ProductRun,
} from './inventory-simulation.ts';
export {
  defaultSegments,
  estimateElasticity,
  expectedProfit,
  expectedUnits,
  guardrailCost,
  optimalPrice,
  simulatePriceData,
  type ElasticityEstimate,
  type GuardrailOptions,
  type GuardrailResult,
  type OptimalPriceOptions,
  type OptimalPriceResult,
  type PriceDataOptions,
  type PriceObservation,
  type PriceSegment,
} from './pricing.ts';
export {
  banditPolicies,
  priceExperiment,
  type BanditPolicy,
  type PriceExperimentOptions,
  type PriceExperimentResult,
} from './bandit.ts';
