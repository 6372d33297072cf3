// autoArima with non-default options against R 4.2.2 + forecast 8.20's auto.arima with the same
// arguments (stepwise = FALSE, ic = "bic" / "aic", seasonal.test = "ocsb", approximation = TRUE / FALSE,
// start.p/q, max.p/q/P/Q). Reference: test/fixtures/ref-arima/auto-arima-reference.json
// (make-auto-reference.R beside it); the R call is in each test's name.
//
// Tolerances as auto-arima-parity.test.ts: orders exact, AICc 1e-6 relative, forecasts 2 %. Measured:
// AICc ≤ 6e-14 relative, forecasts ≤ 7e-8 relative.
import { describe, expect, it } from 'vitest';
import { forecastArima } from '../../../src/forecast/arima-forecast.ts';
import { autoArimaRefs, relative, runRef } from './auto-arima-ref.ts';

const withOptions = autoArimaRefs.filter((c) => Object.keys(c.args).length > 0);

describe("autoArima with options picks R auto.arima's model", () => {
  for (const c of withOptions) {
    it(`${c.r} → ${c.spec}`, { timeout: 180_000 }, () => {
      const fit = runRef(c);
      expect(fit.spec).toBe(c.spec);
      expect(fit.search.D).toBe(c.nsdiffs);
      expect(fit.search.d).toBe(c.ndiffs);
      expect(relative(fit.aicc, c.aicc)).toBeLessThanOrEqual(1e-6);
      const mean = forecastArima(fit, c.h).mean;
      mean.forEach((f, i) => expect(relative(f, c.forecast[i]), `step ${i + 1}`).toBeLessThanOrEqual(0.02));
      if (c.args.stepwise === false) {
        expect(fit.search.stepwise).toBe(false);
        // R prints every model of the full search; its exact refit of an approximate search is not printed.
        expect(fit.search.models.filter((m) => m.stage === 'search').length).toBe(c.trace.length);
      }
      if (c.args.approximation !== undefined) expect(fit.search.approximation).toBe(c.args.approximation);
    });
  }
});
