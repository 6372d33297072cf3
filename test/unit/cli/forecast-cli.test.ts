import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { periodFromDates, readSeries } from '../../../src/cli/forecast/read-series.ts';
import { leaderboard } from '../../../src/cli/forecast/leaderboard.ts';
import { runSeries } from '../../../src/cli/forecast/run-series.ts';
import { forecastRecords } from '../../../src/cli/forecast/write-forecasts.ts';

const run = promisify(execFile);
const cli = new URL('../../../src/cli/dplab.mjs', import.meta.url).pathname;
const air = readFileSync(new URL('../../../datasets/AirPassengers.csv', import.meta.url), 'utf8');

describe('readSeries', () => {
  it('reads a long CSV into series ordered by time', () => {
    const series = readSeries('id,t,value\nb,2,20\na,1,1\nb,1,10\na,2,2\n');
    expect(series).toEqual([
      { id: 'b', values: [10, 20] },
      { id: 'a', values: [1, 2] },
    ]);
  });

  it('reads a single date,value series and infers its period', () => {
    const [s] = readSeries(air);
    expect(s.values.length).toBe(144);
    expect(periodFromDates(s.dates)).toBe(12);
    expect(periodFromDates(['2000-01-01', '2000-04-01', '2000-07-01', '2000-10-01'])).toBe(4);
    expect(periodFromDates(['2000', '2001', '2002'])).toBe(1);
  });

  it('names the line of a bad row', () => {
    expect(() => readSeries('id,t,value\na,1,1\na,2,oops\n', 'x.csv')).toThrow(
      'x.csv, line 3: value "oops" is not a number',
    );
    expect(() => readSeries('id,t,value\na,1\n', 'x.csv')).toThrow(
      'x.csv, line 2: 2 fields, but the header has 3',
    );
    expect(() => readSeries('id,date,value\na,01/02/2000,1\n', 'x.csv')).toThrow('line 2: date "01/02/2000"');
    expect(() => readSeries('id,t,v\n', 'x.csv')).toThrow('x.csv, line 1: no "value" column');
    expect(() => readSeries('id,t,value\na,1,1\na,1,2\n', 'x.csv')).toThrow(
      'series "a" has two rows for t 1',
    );
  });
});

describe('runSeries and the leaderboard', () => {
  it('evaluates on the hold-out as R accuracy() does (AirPassengers, last 24 months)', () => {
    const [s] = readSeries(air);
    const result = runSeries({
      id: 'air',
      values: s.values,
      period: 12,
      horizon: 24,
      holdout: 24,
      methods: ['naive2', 'snaive', 'naive'],
      level: [80, 95],
    });
    // ../shared/datasets-candidates/ref/ref-AirPassengers-accuracy.csv (R forecast 8.20):
    // snaive(train, h = 24) sMAPE 17.013, MASE 2.494; naive 27.751 / 4.033; Naïve2 18.757 / 2.792.
    const by = (m: string) => result.results.find((r) => r.method === m)!;
    expect(by('snaive').smape).toBeCloseTo(17.013, 2);
    expect(by('snaive').mase).toBeCloseTo(2.494, 2);
    expect(by('naive').smape).toBeCloseTo(27.751, 2);
    expect(by('naive2').smape).toBeCloseTo(18.757, 2);
    const board = leaderboard([result], ['naive', 'snaive', 'naive2']);
    expect(board.map((r) => r.method)).toEqual(['naive', 'snaive', 'naive2']);
    expect(board.find((r) => r.method === 'snaive')!.smapeVsNaive2).toBeCloseTo(17.013 / 18.757, 3);
  });

  it('reports a method that fails on a series and goes on with the others', () => {
    const result = runSeries({
      id: 's',
      values: [1, 2, 3],
      period: 12,
      horizon: 2,
      holdout: 0,
      methods: ['snaive', 'naive'],
      level: [80],
    });
    expect(result.results[0].error).toMatch(/snaive|season|observations/i);
    expect(result.results[1].mean).toEqual([3, 3]);
    const { columns, records } = forecastRecords([result], [80]);
    expect(columns).toEqual(['id', 'model', 'step', 'mean', 'lo80', 'hi80']);
    expect(records.map((r) => r.model)).toEqual(['naive', 'naive']);
  });
});

describe('npx dplab forecast', () => {
  it('forecasts many series on worker threads, writes CSV and JSON, prints a leaderboard', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dplab-cli-'));
    const rows = ['id,date,value'];
    for (const id of ['a', 'b', 'c']) {
      for (let i = 0; i < 48; i++) {
        const date = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
        rows.push(`${id},${date},${100 + i + 10 * Math.sin((2 * Math.PI * i) / 12) + (id === 'b' ? 5 : 0)}`);
      }
    }
    rows.push('short,2000-01-01,1', 'short,2000-02-01,2');
    writeFileSync(join(dir, 'in.csv'), rows.join('\n'));
    const out = join(dir, 'f.csv');
    const failed = await run('node', [
      cli,
      'forecast',
      join(dir, 'in.csv'),
      '--holdout',
      '12',
      '--models',
      'naive,snaive,naive2',
      '--jobs',
      '2',
      '--out',
      out,
    ]).catch((e) => e);
    // One series is too short for the seasonal methods: exit code 3, the rest reported.
    expect(failed.code).toBe(3);
    expect(failed.stderr).toMatch(/short \/ snaive/);
    expect(failed.stdout).toMatch(/4 series × 3 methods .* on 2 threads/);
    expect(failed.stdout).toMatch(/naive2 \(baseline\)/);
    const csv = readFileSync(out, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('id,model,step,mean,lo80,hi80,lo95,hi95');
    expect(csv.filter((l) => l.startsWith('a,snaive,'))).toHaveLength(12);
    const json = join(dir, 'f.json');
    await run('node', [
      cli,
      'forecast',
      join(dir, 'in.csv'),
      '--horizon',
      '3',
      '--models',
      'naive',
      '--out',
      json,
    ]);
    const records = JSON.parse(readFileSync(json, 'utf8'));
    expect(records[0]).toMatchObject({ id: 'a', model: 'naive', step: 1 });
    expect(records).toHaveLength(12);
  }, 60_000);

  it('explains a bad option and a bad file', async () => {
    const bad = await run('node', [cli, 'forecast', 'nope.csv', '--models', 'magic']).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown method "magic": choose from naive2, naive/);
    const missing = await run('node', [cli, 'forecast']).catch((e) => e);
    expect(missing.stderr).toMatch(/expected one input file/);
  }, 30_000);
});
