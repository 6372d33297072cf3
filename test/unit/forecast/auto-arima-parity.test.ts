// autoArima against R 4.2.2 + forecast 8.20's auto.arima with its defaults: the four lesson hold-out
// splits (the shared ref-<series>.json's `auto_arima`, here re-made with the trace) and the 11 series of
// the shared diagnostics.json in full (whose nsdiffs/ndiffs counts the fits must reproduce). Reference: test/fixtures/ref-arima/auto-arima-reference.json
// (make-auto-reference.R beside it); each case's R call is in its `r` field and in the test's name.
//
// Tolerances: the orders, d and D and the spec must be R's exactly; AICc within 1e-6 relative; each
// coefficient within 1e-3; forecasts within 2 % (the brief's). Measured: AICc ≤ 3e-8 relative (≤ 3e-12 except
// co2 and nottem), coefficients ≤ 4e-5, forecasts ≤ 4e-7 relative (co2-444's seven-coefficient model and
// nottem-216's six are the loosest: their likelihoods are nearly flat).
import { describe, expect, it } from 'vitest';
import { forecastArima } from '../../../src/forecast/arima-forecast.ts';
import { autoArimaRefs, diagnostics, relative, runRef } from './auto-arima-ref.ts';

const defaults = autoArimaRefs.filter((c) => Object.keys(c.args).length === 0);

describe("autoArima picks R auto.arima's model", () => {
  for (const c of defaults) {
    it(`${c.r} → ${c.spec}`, { timeout: 120_000 }, () => {
      const fit = runRef(c);
      expect(fit.spec).toBe(c.spec);
      expect([fit.order.p, fit.order.d, fit.order.q]).toEqual(c.order);
      expect([fit.order.P, fit.order.D, fit.order.Q]).toEqual(c.seasonal);
      // d and D as auto.arima chooses them: nsdiffs(y) (test "seas"), then ndiffs on the seasonal differences.
      expect(fit.search.D).toBe(c.nsdiffs);
      expect(fit.search.d).toBe(c.ndiffs);
      expect(relative(fit.aicc, c.aicc)).toBeLessThanOrEqual(1e-6);
      expect(Object.keys(fit.coef).sort()).toEqual(Object.keys(c.coef).sort());
      for (const [k, v] of Object.entries(c.coef))
        expect(Math.abs(fit.coef[k] - v), k).toBeLessThanOrEqual(1e-3);
      const mean = forecastArima(fit, c.h).mean;
      mean.forEach((f, i) => expect(relative(f, c.forecast[i]), `step ${i + 1}`).toBeLessThanOrEqual(0.02));
      // The search fitted as many models as R printed.
      expect(fit.search.models.length).toBe(c.trace.length);
      if (!/-\d+$/.test(c.id)) {
        // The full series: nsdiffs and ndiffs as the shared diagnostics.json has them (R: nsdiffs(x),
        // ndiffs(x) — the latter on the undifferenced series, so comparable only where D = 0).
        const r = diagnostics(c.series);
        if (c.frequency > 1) expect(fit.search.nsdiffs?.differences).toBe(r.nsdiffs_seas);
        else expect(fit.search.nsdiffs).toBeNull();
        if (fit.search.D === 0) expect(fit.search.ndiffs?.differences).toBe(r.ndiffs_kpss);
      }
    });
  }
});
