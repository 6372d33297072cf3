/**
 * `dplab/classify`: scoring yes/no cases and judging the scores — logistic regression as
 * scikit-learn's, ROC and precision–recall curves, average precision, precision at k, and the
 * threshold that minimises what mistakes cost.
 */
export * from './logistic-regression.ts';
export * from './curves.ts';
export * from './cost-threshold.ts';
