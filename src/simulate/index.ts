/**
 * `dplab/simulate`: simulations around data products — A/B tests on simulated traffic (and their
 * analysis on real counts), cold-start curves, and recommender feedback loops.
 */
export * from './ab-test.ts';
export * from './cold-start.ts';
export * from './cold-start-items.ts';
export * from './feedback-loop.ts';
