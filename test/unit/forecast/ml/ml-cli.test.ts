// `dplab forecast --models linear,forest,boost` with --param, --seed and --fits, run as the CLI is
// (a child process). linear's hold-out sMAPE is scikit-learn's (LinearRegression on 12 lags, shared
// ml-AirPassengers.json: 5.0048), which the printed leaderboard rounds to 5.00.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fitForest, forecastForest } from '../../../../src/forecast/ml/random-forest.ts';

const run = promisify(execFile);
const cli = new URL('../../../../src/cli/dplab.mjs', import.meta.url).pathname;
const airFile = new URL('../../../../datasets/AirPassengers.csv', import.meta.url).pathname;

async function fits(extra: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'dplab-ml-'));
  const file = join(dir, 'fits.json');
  const { stdout } = await run('node', [
    cli,
    'forecast',
    airFile,
    '--models',
    'linear,forest,boost',
    '--holdout',
    '24',
    '--quiet',
    '--fits',
    file,
    '--param',
    'forest.trees=30',
    '--param',
    'boost.trees=50',
    ...extra,
  ]);
  return {
    stdout,
    records: JSON.parse(readFileSync(file, 'utf8')) as {
      model: string;
      spec: string;
      params: Record<string, number>;
    }[],
  };
}

describe('dplab forecast with the lag forecasters', () => {
  it('lists features and importances in --fits, and --seed sets the forest and boost seeds', async () => {
    const a = await fits(['--seed', '5']);
    expect(a.stdout).toMatch(/linear\s+1\s+0\s+5\.00/);
    const [linear, forest, boost] = a.records;
    expect(linear.spec).toBe('linear(least squares; lags 1-12)');
    expect(Object.keys(linear.params)).toContain('coef.lag12');
    expect(forest.spec).toBe('forest(30 trees; lags 1-12)');
    expect(forest.params.trees).toBe(30);
    expect(Object.keys(forest.params).filter((k) => k.startsWith('importance.'))).toHaveLength(12);
    expect(boost.params.rounds).toBe(50);
    const same = await fits(['--seed', '5']);
    const other = await fits(['--seed', '6', '--param', 'boost.seed=5']);
    expect(same.records).toEqual(a.records);
    expect(other.records[1].params).not.toEqual(forest.params);
    expect(other.records[2].params).toEqual(boost.params); // --param boost.seed overrides --seed
  }, 60_000);

  it('a seed gives the same forest forecast in worker threads as in this process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dplab-ml-'));
    const lines = readFileSync(airFile, 'utf8').trim().split('\n').slice(1);
    const input = join(dir, 'two.csv');
    writeFileSync(
      input,
      ['id,date,value', ...['a', 'b'].flatMap((id) => lines.map((l) => `${id},${l}`))].join('\n'),
    );
    const out = join(dir, 'out.json');
    await run('node', [
      cli,
      'forecast',
      input,
      '--models',
      'forest',
      '--horizon',
      '12',
      '--jobs',
      '2',
      '--quiet',
      '--seed',
      '9',
      '--param',
      'forest.trees=25',
      '--out',
      out,
    ]);
    const rows = JSON.parse(readFileSync(out, 'utf8')) as { id: string; mean: number; lo95: number }[];
    const values = lines.map((l) => Number(l.split(',')[1]));
    const here = forecastForest(fitForest(values, { period: 12, trees: 25, seed: 9 }), 12);
    for (const id of ['a', 'b']) {
      const mine = rows.filter((r) => r.id === id);
      expect(mine.map((r) => r.mean)).toEqual(here.mean);
      expect(mine.map((r) => r.lo95)).toEqual(here.intervals[1].lower);
    }
  }, 60_000);

  it('rejects a bad seed with what to give', async () => {
    await expect(fits(['--seed', 'x'])).rejects.toThrow(/--seed must be a whole number/);
  }, 30_000);
});
