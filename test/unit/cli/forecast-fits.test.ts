// `dplab forecast --fits` (the models fitted, per series and method) and `--horizon` with `--holdout`.
// Expected models from R 4.2.2 + forecast 8.20 on AirPassengers less its last 24 months (the shared
// ref-AirPassengers.json): auto.arima → ARIMA(1,1,0)(0,1,0)[12], AICc 803.3969, ar1 −0.2397;
// Arima(y, c(0,1,1), c(0,1,1)) → AICc 805.6417; ets(y) → ETS(M,Ad,M), AICc 1117.22.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeries } from '../../../src/cli/forecast/read-series.ts';
import { runSeries, type SeriesResult } from '../../../src/cli/forecast/run-series.ts';
import { fitRecords, formatFits } from '../../../src/cli/forecast/write-fits.ts';

const run = promisify(execFile);
const cli = new URL('../../../src/cli/dplab.mjs', import.meta.url).pathname;
const airFile = new URL('../../../datasets/AirPassengers.csv', import.meta.url).pathname;
const [air] = readSeries(readFileSync(airFile, 'utf8'));

describe('the fits of a run', () => {
  let result: SeriesResult;
  beforeAll(() => {
    result = runSeries({
      id: 'air',
      values: air.values,
      period: 12,
      horizon: 24,
      holdout: 24,
      methods: ['arima', 'auto-arima', 'ets', 'ses', 'naive'],
      level: [80, 95],
    });
  }, 120_000);

  it("name each model in R's wording with its AICc and parameters", () => {
    const records = fitRecords([result]);
    expect(records.map((r) => [r.model, r.spec])).toEqual([
      ['arima', 'ARIMA(0,1,1)(0,1,1)[12]'],
      ['auto-arima', 'ARIMA(1,1,0)(0,1,0)[12]'],
      ['ets', 'ETS(M,Ad,M)'],
      ['ses', 'ETS(A,N,N)'],
      ['naive', 'Naive method'],
    ]);
    const [arima, auto, ets, , naive] = records;
    expect(auto.aicc).toBeCloseTo(803.3969, 3);
    expect(auto.params.ar1).toBeCloseTo(-0.2397, 4);
    expect(arima.aicc).toBeCloseTo(805.6417, 3);
    expect(ets.aicc).toBeCloseTo(1117.22, 1);
    expect(naive.aicc).toBeNull();
  });

  it('are written as CSV with params as JSON, or as JSON records', () => {
    const rows = csvParse(formatFits([result], 'fits.csv'));
    expect(rows.columns).toEqual(['id', 'model', 'spec', 'aicc', 'params']);
    expect(rows[1]).toMatchObject({ id: 'air', model: 'auto-arima', spec: 'ARIMA(1,1,0)(0,1,0)[12]' });
    expect(Object.keys(JSON.parse(rows[1].params!))).toEqual(['ar1']);
    expect(rows[4].aicc).toBe('');
    const json = JSON.parse(formatFits([result], 'fits.json'));
    expect(json[0]).toMatchObject({ id: 'air', model: 'arima', params: { ma1: expect.any(Number) } });
  });

  it('a failed method has an empty spec and its error', () => {
    const failed = runSeries({
      id: 's',
      values: [1, 2, 3],
      period: 12,
      horizon: 3,
      holdout: 0,
      methods: ['hw-add'],
      level: [80],
    });
    expect(fitRecords([failed])[0]).toMatchObject({
      spec: '',
      aicc: null,
      params: {},
      error: expect.any(String),
    });
  });
});

describe('--horizon with --holdout', { timeout: 60_000 }, () => {
  it('forecasts the horizon from the end of the training part and scores the hold-out', () => {
    const task = { id: 'air', values: air.values, period: 12, holdout: 24, methods: ['snaive'], level: [80] };
    const longer = runSeries({ ...task, horizon: 30 }).results[0];
    const same = runSeries({ ...task, horizon: 24 }).results[0];
    expect(longer.mean).toHaveLength(30);
    expect(longer.mean!.slice(0, 24)).toEqual(same.mean);
    // R: accuracy(snaive(head(AirPassengers, 120), h = 24), AirPassengers) sMAPE 17.013
    expect(longer.smape).toBeCloseTo(17.013, 3);
    expect(longer.smape).toBe(same.smape);
  });

  it('a horizon shorter than the hold-out is an error, not silently replaced', () => {
    const r = runSeries({
      id: 'air',
      values: air.values,
      period: 12,
      horizon: 6,
      holdout: 24,
      methods: ['naive'],
      level: [80],
    });
    expect(r.results[0].error).toMatch(/horizon 6 is shorter than the hold-out 24/);
  });
});

describe('npx dplab forecast --models arima,auto-arima --fits', { timeout: 120_000 }, () => {
  it('writes the fitted models and the forecasts for the horizon asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dplab-fits-'));
    const fits = join(dir, 'fits.csv');
    const out = join(dir, 'f.json');
    const { stdout } = await run('node', [
      cli,
      'forecast',
      airFile,
      '--models',
      'arima,auto-arima',
      '--holdout',
      '24',
      '--horizon',
      '30',
      '--fits',
      fits,
      '--out',
      out,
      '--quiet',
    ]);
    expect(stdout).toMatch(/auto-arima\s+1\s+0\s+16\.30/);
    expect(stdout).toMatch(/Fitted models written to/);
    const rows = csvParse(readFileSync(fits, 'utf8'));
    expect(rows.map((r) => r.spec)).toEqual(['ARIMA(0,1,1)(0,1,1)[12]', 'ARIMA(1,1,0)(0,1,0)[12]']);
    const forecasts = JSON.parse(readFileSync(out, 'utf8'));
    expect(forecasts.filter((r: { model: string }) => r.model === 'auto-arima')).toHaveLength(30);
  }, 60_000);

  it('stops with a message for a horizon below the hold-out and a bad --fits file', async () => {
    const short = await run('node', [cli, 'forecast', airFile, '--holdout', '24', '--horizon', '12']).catch(
      (e) => e,
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/--horizon 12 is shorter than --holdout 24/);
    const bad = await run('node', [cli, 'forecast', airFile, '--fits', 'fits.txt']).catch((e) => e);
    expect(bad.stderr).toMatch(/--fits must end in .csv or .json, got "fits.txt"/);
  }, 30_000);
});
