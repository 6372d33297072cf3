// The registry's `arima` entry: its documented options (what `dplab forecast --param arima.<option>`
// sets), how a value is read, and that a run with options fits the orders asked for.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readSeries } from '../read-fixture.ts';
import { forecastMethod, parseMethodOption } from '../../../src/forecast/registry.ts';
import { runSeries } from '../../../src/cli/forecast/run-series.ts';
import type { ArimaFit } from '../../../src/forecast/arima-types.ts';

const arima = forecastMethod('arima');
const air = readSeries('AirPassengers');

describe('registry entry "arima"', () => {
  it('lists its options with the library defaults', () => {
    expect(arima.baseline).toBe(false);
    expect(arima.defaults).toEqual({
      order: [0, 1, 1],
      seasonal: [0, 1, 1],
      includeMean: true,
      includeDrift: false,
      method: 'CSS-ML',
    });
    expect(arima.choices?.method).toEqual(['CSS-ML', 'ML', 'CSS']);
  });

  it('reads tuple, boolean and word options, and names what it expected', () => {
    expect(parseMethodOption(arima, 'order', '2,1,0')).toEqual([2, 1, 0]);
    expect(parseMethodOption(arima, 'seasonal', ' 0, 1, 1 ')).toEqual([0, 1, 1]);
    expect(parseMethodOption(arima, 'includeDrift', 'true')).toBe(true);
    expect(parseMethodOption(arima, 'method', 'ML')).toBe('ML');
    expect(() => parseMethodOption(arima, 'order', '2,1')).toThrow(
      'arima.order must be 3 comma-separated whole numbers ≥ 0, e.g. 0,1,1 (default 0,1,1), got "2,1"',
    );
    expect(() => parseMethodOption(arima, 'order', '1,-1,0')).toThrow(/whole numbers ≥ 0/);
    expect(() => parseMethodOption(arima, 'method', 'MLE')).toThrow(/one of CSS-ML, ML, CSS/);
    expect(() => parseMethodOption(arima, 'includeMean', 'yes')).toThrow(/true or false/);
    expect(() => parseMethodOption(arima, 'p', '1')).toThrow(
      /arima has no option "p"; its options are order \(default 0,1,1\)/,
    );
    expect(() => parseMethodOption(forecastMethod('naive'), 'x', '1')).toThrow('naive has no options');
  });

  it('runs the airline model by default and the orders given (R: Arima(y, c(2,1,0), include.drift = TRUE))', () => {
    const input = { values: air.slice(0, 120), period: 12, h: 24, level: [80, 95] };
    const airline = arima.run(input);
    expect(airline.fit.method).toBe('ARIMA(0,1,1)(0,1,1)[12]');
    const drift = arima.run(input, { order: [2, 1, 0], seasonal: [0, 0, 0], includeDrift: true });
    expect(drift.fit.method).toBe('ARIMA(2,1,0) with drift');
    // test/fixtures/ref-arima: AirPassengers-210-drift, drift 2.01006694495367
    expect((drift.fit as ArimaFit).coef.drift).toBeCloseTo(2.01006694495367, 6);
    expect(drift.forecast.intervals.map((i) => i.level)).toEqual([80, 95]);
  });

  it('without a season the seasonal order defaults to (0,0,0)', () => {
    const nile = readSeries('Nile');
    expect(arima.run({ values: nile, period: 1, h: 5, level: [95] }).fit.method).toBe('ARIMA(0,1,1)');
  });

  it('dplab forecast passes --param values through to the run (runSeries)', () => {
    const result = runSeries({
      id: 'air',
      values: air,
      period: 12,
      horizon: 24,
      holdout: 24,
      methods: ['arima'],
      level: [80, 95],
      params: { arima: { order: [1, 1, 0], seasonal: [0, 1, 0] } },
    });
    const [r] = result.results;
    expect(r.error).toBeUndefined();
    // R: auto.arima's ARIMA(1,1,0)(0,1,0)[12] forecast, first step 341.958928566894 (ref-AirPassengers.json)
    expect(r.mean?.[0]).toBeCloseTo(341.958928566894, 5);
  });

  it('dplab forecast --param arima.order=2,1,0 --param arima.seasonal=0,1,1; a bad value stops with the options', async () => {
    const run = promisify(execFile);
    const cli = new URL('../../../src/cli/dplab.mjs', import.meta.url).pathname;
    const data = new URL('../../../datasets/AirPassengers.csv', import.meta.url).pathname;
    const ok = await run('node', [
      cli,
      'forecast',
      data,
      '--models',
      'arima',
      '--holdout',
      '24',
      '--param',
      'arima.order=2,1,0',
      '--param',
      'arima.seasonal=0,1,1',
      '--quiet',
    ]);
    expect(ok.stdout).toMatch(/1 series × 1 methods/);
    expect(ok.stdout).toMatch(/arima +1 +0 /);
    /** The exit code and standard error of a run that must fail. */
    const failure = (args: string[]) =>
      run('node', [cli, ...args]).then(
        () => expect.fail(`dplab ${args.join(' ')} should fail`),
        (e: { code: number; stderr: string }) => e,
      );
    const bad = await failure(['forecast', data, '--models', 'arima', '--param', 'arima.order=2,1']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /--param arima.order=2,1: arima.order must be 3 comma-separated whole numbers/,
    );
    const unknown = await failure(['forecast', data, '--models', 'arima', '--param', 'arima.p=1']);
    expect(unknown.stderr).toMatch(
      /arima has no option "p"; its options are order \(default 0,1,1\), seasonal/,
    );
    const list = await run('node', [cli, 'forecast', data, '--list-params']);
    expect(list.stdout).toMatch(/arima:\n {2}order {2}default 0,1,1/);
  }, 60_000);
});
