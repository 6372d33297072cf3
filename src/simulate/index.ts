/**
 * `dplab/simulate`: simulations around data products — A/B tests on simulated traffic (and their
 * analysis on real counts), cold-start curves, recommender feedback loops, and drift: detectors on a
 * stream of errors (Page–Hinkley, CUSUM) and a retraining simulation on a series with a regime change;
 * serving: M/M/c queueing formulas (`mmc`, Erlang C) and a discrete-event simulation of a data product
 * behind an API (`simulateService`).
 */
export * from './ab-test.ts';
export * from './cold-start.ts';
export * from './cold-start-items.ts';
export * from './feedback-loop.ts';
export * from './drift-detector.ts';
export * from './page-hinkley.ts';
export * from './cusum.ts';
export * from './score-detections.ts';
export * from './regime-series.ts';
export * from './retraining-models.ts';
export * from './retraining.ts';
export * from './mmc.ts';
export * from './arrivals.ts';
export * from './service-time.ts';
export * from './service-simulation.ts';
