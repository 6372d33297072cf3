/** `dplab/stats`: numeric basics shared by the models and the lessons. */
export { movingAverage, type MovingAverageOptions } from './moving-average.ts';
