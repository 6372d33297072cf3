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
export { kpss, kpssDefaults, type KpssOptions, type KpssTest } from './kpss.ts';
export { adf, adfDefaults, type AdfOptions, type AdfTest } from './adf.ts';
export { pp, ppDefaults, type PpOptions, type PpTest } from './pp.ts';
export { ocsb, ocsbCriticalValue, ocsbDefaults, type OcsbOptions, type OcsbTest } from './ocsb.ts';
export { seasonalStrength, seasonalStrengthWindow } from './seasonal-strength.ts';
export {
  ndiffs,
  ndiffsDefaults,
  type DifferencingResult,
  type DifferencingStep,
  type NdiffsOptions,
} from './ndiffs.ts';
export { nsdiffs, nsdiffsDefaults, seasonalStrengthThreshold, type NsdiffsOptions } from './nsdiffs.ts';
export {
  dickeyFullerCriticalValues,
  kpssCriticalValues,
  phillipsPerronCriticalValues,
  tabulatedPValue,
  type CriticalValue,
  type TabulatedPValue,
} from './unit-root-tables.ts';
export { isConstant } from './is-constant.ts';
export { ols, olsInformationCriterion, type OlsFit } from './ols.ts';
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
export {
  lbfgs,
  lbfgsDefaults,
  type LbfgsOptions,
  type LbfgsProgress,
  type LbfgsResult,
  type ValueAndGradient,
} from './lbfgs.ts';
export { brentMinimize, brentDefaults, type BrentOptions, type BrentResult } from './optim-brent.ts';
export { SeededRandom } from './random.ts';
export { randomGamma } from './random-gamma.ts';
