/** `dplab/stats`: numeric basics shared by the models and the lessons. */
export { movingAverage, type MovingAverageOptions } from './moving-average.ts';
export { acf, defaultMaxLag } from './acf.ts';
export { pacf } from './pacf.ts';
export { ljungBox, boxPierce, type PortmanteauOptions, type PortmanteauTest } from './ljung-box.ts';
export {
  classicalDecomposition,
  type ClassicalDecomposition,
  type DecompositionOptions,
} from './decompose.ts';
export { stl, type StlDecomposition, type StlOptions, type StlParameters } from './stl.ts';
export { isSeasonal } from './seasonality-test.ts';
export { normalQuantile } from './normal-quantile.ts';
export { studentTCdf, studentTQuantile } from './student-t.ts';
export { chiSquaredUpperTail, regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.ts';
export { regularizedBeta } from './incomplete-beta.ts';
export { logGamma } from './log-gamma.ts';
export { logBeta } from './log-beta.ts';
export {
  nelderMead,
  nelderMeadDefaults,
  type NelderMeadOptions,
  type NelderMeadResult,
} from './nelder-mead.ts';
export { lbfgsb, lbfgsbDefaults, type LbfgsbOptions, type LbfgsbResult } from './optim-lbfgsb.ts';
export { brentMinimize, brentDefaults, type BrentOptions, type BrentResult } from './optim-brent.ts';
export { SeededRandom } from './random.ts';
