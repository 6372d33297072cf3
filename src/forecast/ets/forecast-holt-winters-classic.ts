/**
 * Forecasts of `stats::HoltWinters` as `forecast::forecast.HoltWinters` (through
 * `predict.HoltWinters(prediction.interval = TRUE)`): ŷ_h = a + h·b (+ or ×) s_h, with R's
 * approximate variance var(residuals)·(1 + Σⱼ₌₁ʰ⁻¹ ψⱼ²), ψⱼ = α(1 + jβ) + [j mod m = 0]·γ(1 − α)
 * (Yar & Chatfield, "Prediction intervals for the Holt–Winters forecasting procedure", *IJF* 6(1),
 * 1990; Chatfield & Yar, *IJF* 7(1), 1991 for the multiplicative case).
 *
 * The multiplicative variance is R's formula as written, including its indexing of the coefficient
 * vector (a, b, s₁, …, s_m), which takes b where s_m would be expected.
 */
import { checkHorizon, checkLevels, type Forecast, type ForecastOptions } from '../model.ts';
import type { HoltWintersClassicFit } from './holt-winters-classic.ts';
import { normalQuantile } from '../../stats/normal-quantile.ts';

export function forecastHoltWintersClassic(
  fit: HoltWintersClassicFit,
  h: number,
  options: ForecastOptions = {},
): Forecast {
  checkHorizon(h);
  const levels = checkLevels(options.level);
  const { a, b = 0, s = [] } = fit.coefficients;
  const f = fit.period;
  const alpha = fit.params.alpha;
  const beta = fit.params.beta ?? 0;
  const gamma = fit.params.gamma ?? 0;
  const mean = Array.from({ length: h }, (_, i) => {
    const level = a + (fit.trend ? (i + 1) * b : 0);
    if (fit.seasonal === 'none') return level;
    return fit.seasonal === 'additive' ? level + s[i % f] : level * s[i % f];
  });
  // R's coefficient vector c(a, b?, s…), indexed 1-based as predict.HoltWinters does.
  const coefficients = [a, ...(fit.trend ? [b] : []), ...s];
  const psi = (j: number): number => alpha * (1 + j * beta) + (j % f === 0 ? gamma * (1 - alpha) : 0);
  const variance = mean.map((_, i) => {
    const steps = i + 1;
    if (fit.seasonal !== 'multiplicative') {
      let sum = 1;
      for (let j = 1; j < steps; j++) sum += psi(j) ** 2;
      return fit.sigma2 * sum;
    }
    const rel = 1 + ((steps - 1) % f);
    let sum = 0;
    for (let j = 0; j < steps; j++) {
      const ratio = coefficients[1 + rel] / coefficients[1 + ((((rel - j) % f) + f) % f)];
      sum += (psi(j) * ratio) ** 2;
    }
    return fit.sigma2 * sum;
  });
  const intervals = levels.map((level) => {
    const z = normalQuantile(0.5 * (1 + level / 100));
    return {
      level,
      lower: mean.map((m, i) => m - z * Math.sqrt(variance[i])),
      upper: mean.map((m, i) => m + z * Math.sqrt(variance[i])),
    };
  });
  return { method: fit.method, mean, intervals };
}
