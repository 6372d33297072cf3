/**
 * `dplab/classify`: scoring yes/no cases and judging the scores — logistic regression as
 * scikit-learn's, ROC and precision–recall curves, average precision, precision at k, and the
 * threshold that minimises what mistakes cost, and an anomaly score from robust z-scores.
 */
export * from './logistic-regression.ts';
export * from './curves.ts';
export * from './cost-threshold.ts';
export * from './robust-z.ts';
