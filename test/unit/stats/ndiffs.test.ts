import { describe, expect, it } from 'vitest';
import { isConstant, ndiffs, nsdiffs } from 'dplab/stats';
import { relativeError, seasonalRefs, unitRootEdge as edge, unitRootRefs } from './unit-root-ref.ts';

// Reference: `diagnostics_json` in test/unit/stats/unit-root-ref.json holds the integers of
// ../shared/datasets-candidates/ref/diagnostics.json (R 4.2.2, forecast 8.20: `ndiffs(x)` with
// test = "kpss", alpha = 0.05; `ndiffs(x, test = "adf")`; `nsdiffs(x)` (test "seas"); `nsdiffs(x,
// test = "ocsb")`); the other variants and the KPSS statistics of each step come from
// unit-root-ref.R with the same R. Differences must agree exactly; statistics to 1e-9 relative.
const variants = {
  kpss_level: {},
  kpss_trend: { type: 'trend' },
  'kpss_alpha_0.01': { alpha: 0.01 },
  'kpss_alpha_0.1': { alpha: 0.1 },
  adf_level: { test: 'adf' },
  adf_trend: { test: 'adf', type: 'trend' },
  pp_level: { test: 'pp' },
  pp_trend: { test: 'pp', type: 'trend' },
} as const;

const range = (n: number, f: (t: number) => number): number[] =>
  Array.from({ length: n }, (_, i) => f(i + 1));

describe('ndiffs', () => {
  for (const [name, r] of Object.entries(unitRootRefs)) {
    it(`forecast::ndiffs(${name}) = ${r.diagnostics_json.ndiffs_kpss}, ndiffs(${name}, test = "adf") = ${r.diagnostics_json.ndiffs_adf} (diagnostics.json)`, () => {
      expect(ndiffs(r.values).differences).toBe(r.diagnostics_json.ndiffs_kpss);
      expect(ndiffs(r.values, { test: 'adf' }).differences).toBe(r.diagnostics_json.ndiffs_adf);
    });

    it(`forecast::ndiffs(${name}, alpha, test = "kpss" | "adf" | "pp", type = "level" | "trend") matches R`, () => {
      for (const [key, options] of Object.entries(variants)) {
        expect(ndiffs(r.values, options).differences, key).toBe(r.ndiffs[key]);
      }
    });

    it(`the KPSS tests ndiffs(${name}) runs: ur.kpss(diff(x, differences = d), "mu", use.lag = trunc(3·sqrt(n)/13))`, () => {
      const result = ndiffs(r.values);
      expect(result.steps.length).toBe(result.differences + (result.stoppedBy === 'test' ? 1 : 0));
      result.steps.forEach((step, d) => {
        const R = r.ndiffs_kpss_steps[d];
        expect(step.differences).toBe(d);
        expect(relativeError(step.statistic, R.statistic)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(step.pValue! - R.p_value)).toBeLessThanOrEqual(1e-12);
        expect(step.threshold).toBe(0.05);
        expect(step.difference).toBe(R.p_value < 0.05);
      });
    });
  }

  it('AirPassengers: one difference, then KPSS no longer rejects (forecast::ndiffs(AirPassengers) = 1)', () => {
    const result = ndiffs(unitRootRefs.AirPassengers.values);
    expect(result).toMatchObject({ differences: 1, test: 'kpss', stoppedBy: 'test', error: null });
    expect(result.steps.map((s) => s.difference)).toEqual([true, false]);
    expect(ndiffs(unitRootRefs.AirPassengers.values, { maxD: 0 })).toMatchObject({
      differences: 0,
      stoppedBy: 'max-differences',
    });
  });

  it('constant and nearly constant series need no differences (R: ndiffs(rep(3, 20)) = 0, is.constant)', () => {
    expect(ndiffs(Array(20).fill(3))).toMatchObject({
      differences: edge.ndiffs_constant,
      stoppedBy: 'constant',
      steps: [],
    });
    expect(isConstant([1, 1 + 1e-9, 1])).toBe(true);
    expect(isConstant([1, 1 + 1e-7, 1])).toBe(false);
    expect(isConstant([0, 1e-9, 0])).toBe(true);
    expect(isConstant([5])).toBe(true);
  });

  it('R on lines and parabolas: ndiffs(1:20) = 1, ndiffs((1:30)^2) = 2, with "adf" 1 and 2, type = "trend" 0 and 1', () => {
    const line = range(20, (t) => t);
    const parabola = range(30, (t) => t * t);
    expect(ndiffs(line)).toMatchObject({ differences: edge.ndiffs_linear, stoppedBy: 'constant' });
    expect(ndiffs(parabola).differences).toBe(edge.ndiffs_quadratic);
    expect(ndiffs(line, { test: 'adf' }).differences).toBe(edge.ndiffs_adf_linear);
    expect(ndiffs(parabola, { test: 'adf' }).differences).toBe(edge.ndiffs_adf_quadratic);
    expect(ndiffs(line, { type: 'trend' })).toMatchObject({
      differences: edge.ndiffs_kpss_trend_linear,
      stoppedBy: 'straight-line',
    });
    expect(ndiffs(parabola, { type: 'trend' }).differences).toBe(edge.ndiffs_kpss_trend_quadratic);
  });

  it('differs from R on an exact line with "pp": ours 1, R 0 (R fits the line exactly and reads rounding noise)', () => {
    // ndiffs(1:20, test = "pp") is 0 in R: ur.pp's regression of x_t on x_{t−1} fits 1:20 without error,
    // and its Z_τ is then made of rounding errors. Ours treats a straight line as needing one difference
    // under type = "level" (the difference is constant), as R's ADF answer for the same series does.
    expect(edge.ndiffs_pp_linear).toBe(0);
    expect(
      ndiffs(
        range(20, (t) => t),
        { test: 'pp' },
      ).differences,
    ).toBe(1);
  });

  it('short series: ndiffs(c(1, 5, 2)) = 0; ndiffs(c(1, 2, 4, 3, 5), test = "adf") = 0 (R warns the test failed)', () => {
    expect(ndiffs([1, 5, 2]).differences).toBe(edge.ndiffs_short_3);
    const adfShort = ndiffs([1, 2, 4, 3, 5], { test: 'adf' });
    expect(adfShort.differences).toBe(edge.ndiffs_adf_short_5);
    expect(adfShort.stoppedBy).toBe('test-failed');
    expect(adfShort.error).toContain('adf needs more observations');
  });

  it('rejects bad options and non-finite or empty series', () => {
    const x = unitRootRefs.Nile.values;
    expect(() => ndiffs(x, { alpha: 0.001 })).toThrow(
      'invalid alpha: 0.001 (must be from 0.01 to 0.1, the range the critical values cover)',
    );
    expect(() => ndiffs(x, { alpha: NaN })).toThrow('invalid alpha: NaN');
    // @ts-expect-error: a wrong name from JavaScript
    expect(() => ndiffs(x, { test: 'hegy' })).toThrow("invalid test: hegy (must be 'kpss', 'adf' or 'pp')");
    // @ts-expect-error: a wrong name from JavaScript
    expect(() => ndiffs(x, { type: 'tau' })).toThrow("invalid type: tau (must be 'level' or 'trend')");
    expect(() => ndiffs(x, { maxD: 1.5 })).toThrow('invalid maxD: 1.5 (must be an integer ≥ 0)');
    expect(() => ndiffs([])).toThrow('ndiffs needs at least 1 observation, got 0');
    expect(() => ndiffs([1, 2, NaN])).toThrow('observation 3 is NaN: ndiffs needs finite numbers');
  });
});

describe('nsdiffs', () => {
  for (const [name, r] of seasonalRefs) {
    it(`forecast::nsdiffs(${name}) = ${r.diagnostics_json.nsdiffs_seas}, nsdiffs(${name}, test = "ocsb") = ${r.diagnostics_json.nsdiffs_ocsb} (diagnostics.json)`, () => {
      const seas = nsdiffs(r.values, r.frequency);
      expect(seas.differences).toBe(r.diagnostics_json.nsdiffs_seas);
      expect(seas.differences).toBe(r.nsdiffs!.seas);
      // The one test run: seas.heuristic(x) against 0.64.
      expect(relativeError(seas.steps[0].statistic, r.seas_heuristic!)).toBeLessThanOrEqual(1e-9);
      expect(seas.steps[0].threshold).toBe(0.64);
      const o = nsdiffs(r.values, r.frequency, { test: 'ocsb' });
      expect(o.differences).toBe(r.diagnostics_json.nsdiffs_ocsb);
      expect(o.differences).toBe(r.nsdiffs!.ocsb);
      // ocsb.test(x, maxlag = 3, lag.method = "AIC"): its statistic against its critical value.
      expect(relativeError(o.steps[0].statistic, r.ocsb!.aic_3.statistic)).toBeLessThanOrEqual(1e-9);
      expect(relativeError(o.steps[0].threshold, r.ocsb!.aic_3.critical)).toBeLessThanOrEqual(1e-12);
    });
  }

  it('R on edge cases: constant 0, period ≥ n 0, two periods or fewer 0 (stl fails), a fixed pattern 1', () => {
    expect(nsdiffs(Array(20).fill(3), 4)).toMatchObject({
      differences: edge.nsdiffs_constant,
      stoppedBy: 'constant',
    });
    expect(nsdiffs([1, 2, 3, 4, 5], 12)).toMatchObject({
      differences: edge.nsdiffs_period_over_n,
      stoppedBy: 'too-short',
    });
    const tooShort = nsdiffs([1, 5, 2, 8, 3], 4);
    expect(tooShort).toMatchObject({ differences: edge.nsdiffs_short, stoppedBy: 'test-failed' });
    expect(tooShort.error).toContain('stl needs more than two full periods');
    const short9 = [1, 5, 2, 8, 3, 6, 2, 9, 4];
    expect(nsdiffs(short9, 4).differences).toBe(edge.nsdiffs_short_9_seas);
    expect(nsdiffs(short9, 4, { test: 'ocsb' })).toMatchObject({
      differences: edge.nsdiffs_short_9_ocsb,
      stoppedBy: 'test-failed',
    });
    const pattern = range(20, (t) => [1, 5, 2, 8][(t - 1) % 4] + t / 10);
    expect(nsdiffs(pattern, 4).differences).toBe(edge.nsdiffs_deterministic_seas);
    // Its seasonal difference is the constant 0.4: the search stops there.
    expect(nsdiffs(pattern, 4, { test: 'ocsb' })).toMatchObject({
      differences: edge.nsdiffs_deterministic_ocsb,
      stoppedBy: 'constant',
    });
  });

  it('rejects non-seasonal periods, bad options and non-finite values', () => {
    const x = unitRootRefs.UKgas.values;
    expect(() => nsdiffs(x, 1)).toThrow(
      'invalid period: 1 (must be an integer ≥ 2: nsdiffs is for seasonal data',
    );
    expect(() => nsdiffs(x, 4.5)).toThrow('invalid period: 4.5');
    // @ts-expect-error: a wrong name from JavaScript
    expect(() => nsdiffs(x, 4, { test: 'ch' })).toThrow("invalid test: ch (must be 'seas' or 'ocsb')");
    expect(() => nsdiffs(x, 4, { maxD: -1 })).toThrow('invalid maxD: -1');
    expect(() => nsdiffs([1, Infinity, 3], 2)).toThrow('observation 2 is Infinity');
  });
});
