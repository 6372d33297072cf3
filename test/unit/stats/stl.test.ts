import { describe, expect, it } from 'vitest';
import { stl } from 'dplab/stats';
import { expectClose, readSeries } from '../read-fixture.ts';
import { diagnostics } from './diagnostics-ref.ts';

// Reference: test/fixtures/ref/diagnostics.json, R 4.2.2 `stl(x, s.window = "periodic" | 13,
// robust = FALSE | TRUE)` with all other arguments at R's defaults. Tolerance 1e-9 × max|x| absolute
// for the seasonal, trend and remainder, 1e-9 for the robustness weights. Reached on these series:
// ≤ 2e-11 absolute (≤ 3e-14 of the series' scale), weights ≤ 3e-13; on all eight seasonal series of
// the shared reference ≤ 7e-10 (austres, values ~1.5e4). R's robust weights need R's
// own `psort` (see src/stats/partial-sort.ts): with a true median they differ by up to 0.9.
describe('stl', () => {
  for (const [name, ref] of Object.entries(diagnostics)) {
    for (const [variant, s] of Object.entries(ref.stl ?? {})) {
      it(`stl(${name}, s.window = ${JSON.stringify(s.s_window)}, robust = ${s.robust}) matches R (${variant})`, () => {
        const y = readSeries(name);
        const scale = Math.max(...y.map(Math.abs));
        const r = stl(y, ref.frequency, { seasonalWindow: s.s_window, robust: s.robust });
        expect(r.parameters.windows).toEqual({
          seasonal: s.windows.s,
          trend: s.windows.t,
          lowpass: s.windows.l,
        });
        expect(r.parameters.degrees).toEqual({
          seasonal: s.degrees.s,
          trend: s.degrees.t,
          lowpass: s.degrees.l,
        });
        expect(r.parameters.jumps).toEqual({ seasonal: s.jumps.s, trend: s.jumps.t, lowpass: s.jumps.l });
        expect([r.parameters.inner, r.parameters.outer]).toEqual([s.inner, s.outer]);
        expectClose(r.seasonal, s.seasonal, { abs: 1e-9 * scale }, 'seasonal');
        expectClose(r.trend, s.trend, { abs: 1e-9 * scale }, 'trend');
        expectClose(
          r.remainder,
          y.map((v, i) => v - s.seasonal[i] - s.trend[i]),
          { abs: 1e-9 * scale },
          'remainder',
        );
        expectClose(r.weights, s.weights, { abs: 1e-9 }, 'weights');
      });
    }
  }

  it('periodic: the seasonal repeats exactly every period and components add up to the data', () => {
    const y = readSeries('AirPassengers');
    const r = stl(y, 12, { seasonalWindow: 'periodic' });
    for (let t = 12; t < y.length; t++) expect(r.seasonal[t]).toBe(r.seasonal[t - 12]);
    y.forEach((v, t) => expect(r.seasonal[t] + r.trend[t] + r.remainder[t]).toBeCloseTo(v, 9));
  });

  it('honours explicit windows, degrees and jumps (jump 1 = loess at every point)', () => {
    const y = readSeries('USAccDeaths');
    const r = stl(y, 12, {
      seasonalWindow: 7,
      seasonalDegree: 1,
      trendWindow: 15,
      seasonalJump: 1,
      trendJump: 1,
      lowpassJump: 1,
    });
    expect(r.parameters.windows).toEqual({ seasonal: 7, trend: 15, lowpass: 13 });
    expect(r.parameters.jumps).toEqual({ seasonal: 1, trend: 1, lowpass: 1 });
    expect(r.weights.every((w) => w === 1)).toBe(true);
    y.forEach((v, t) => expect(r.seasonal[t] + r.trend[t] + r.remainder[t]).toBeCloseTo(v, 9));
  });

  it('robust weights lie in [0, 1] and down-weight an outlier', () => {
    const y = readSeries('USAccDeaths');
    y[30] *= 3;
    const r = stl(y, 12, { seasonalWindow: 13, robust: true });
    expect(r.weights.every((w) => w >= 0 && w <= 1)).toBe(true);
    expect(r.weights[30]).toBe(0);
  });

  it('rejects series of two periods or less, bad periods and windows, and NaN (as R)', () => {
    const y = readSeries('USAccDeaths');
    expect(() => stl(y.slice(0, 24), 12, { seasonalWindow: 'periodic' })).toThrow(
      'stl needs more than two full periods (over 24 observations for period 12), got 24',
    );
    expect(() => stl([], 4, { seasonalWindow: 7 })).toThrow('stl needs at least 1 observation, got 0');
    expect(() => stl(y, 1, { seasonalWindow: 7 })).toThrow('invalid period: 1 (must be an integer ≥ 2');
    expect(() => stl(y, 12, { seasonalWindow: 2 })).toThrow(
      'invalid seasonalWindow: 2 (must be an integer ≥ 3)',
    );
    expect(() => stl(y, 12, { seasonalWindow: 'weekly' as 'periodic' })).toThrow(
      'invalid seasonalWindow: weekly',
    );
    expect(() => stl(y, 12, { seasonalWindow: 7, trendDegree: 2 as 1 })).toThrow(
      'invalid trendDegree: 2 (must be 0 or 1)',
    );
    expect(() => stl([...y.slice(0, 40), NaN], 12, { seasonalWindow: 7 })).toThrow('observation 41 is NaN');
  });
});
