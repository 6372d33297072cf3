import { describe, expect, it } from 'vitest';
import { ols, olsInformationCriterion } from 'dplab/stats';
import { relativeError } from './unit-root-ref.ts';

// Reference: R 4.2.2, x <- c(1, 2, 3, 4, 5, 6); z <- c(0.5, -1, 2, 0, 1, -0.5);
// y <- c(1.2, 1.9, 3.2, 3.8, 5.1, 6.3); f <- lm(y ~ x + z): summary(f)$coefficients, logLik(f), AIC(f),
// BIC(f), sum(resid(f)^2), printed to 17 digits. To 1e-12 relative.
describe('ols', () => {
  const x = [1, 2, 3, 4, 5, 6];
  const z = [0.5, -1, 2, 0, 1, -0.5];
  const y = [1.2, 1.9, 3.2, 3.8, 5.1, 6.3];
  const fit = ols([x.map(() => 1), x, z], y);

  it('lm(y ~ x + z): coefficients, standard errors, t values, RSS, logLik, AIC and BIC as R', () => {
    const R = {
      coefficients: [-0.015957446808509919, 1.021931260229132388, 0.067594108019639956],
      standardErrors: [0.215334671321189025, 0.054357935146920271, 0.094150705468999882],
      tValues: [-0.074105329674050036, 18.800038255077673455, 0.717935226113584846],
    };
    for (const key of ['coefficients', 'standardErrors', 'tValues'] as const) {
      fit[key].forEach((v, j) =>
        expect(relativeError(v, R[key][j]), `${key}[${j}]`).toBeLessThanOrEqual(1e-12),
      );
    }
    expect(relativeError(fit.rss, 0.15474631751227524)).toBeLessThanOrEqual(1e-12);
    expect(fit.dfResidual).toBe(3);
    expect(relativeError(fit.logLik, 2.4595517006575101)).toBeLessThanOrEqual(1e-12);
    expect(relativeError(olsInformationCriterion(fit), 3.0808965986849799)).toBeLessThanOrEqual(1e-12);
    expect(relativeError(olsInformationCriterion(fit, Math.log(6)), 2.2479344755971997)).toBeLessThanOrEqual(
      1e-12,
    );
    fit.residuals.forEach((e, i) =>
      expect(e).toBeCloseTo(
        y[i] - fit.coefficients[0] - fit.coefficients[1] * x[i] - fit.coefficients[2] * z[i],
        14,
      ),
    );
  });

  it('rejects collinear designs, too few observations and ragged columns', () => {
    expect(() => ols([x, x.map((v) => 2 * v)], y)).toThrow(
      'ols: column 2 is collinear with the others (or zero)',
    );
    expect(() => ols([x, x.map(() => 0)], y)).toThrow('ols: column 2 is collinear');
    expect(() => ols([x.slice(0, 2), z.slice(0, 2)], y.slice(0, 2))).toThrow(
      'ols: 2 observations for 2 coefficients (needs more observations)',
    );
    expect(() => ols([x.slice(1)], y)).toThrow('ols: a column has 5 values, y has 6');
  });
});
