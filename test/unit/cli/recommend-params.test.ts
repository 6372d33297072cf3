import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticShop } from '../../../src/data/index.ts';
import {
  bprDefaults,
  implicitAlsDefaults,
  lightFmDefaults,
  neighbourDefaults,
  tfidfDefaults,
} from '../../../src/recommend/index.ts';
import {
  algorithmParamSpecs,
  fitOptions,
  formatNonDefault,
  parseParams,
} from '../../../src/cli/recommend/params.ts';

const run = promisify(execFile);
const cli = new URL('../../../src/cli/dplab.mjs', import.meta.url).pathname;
/** Runs the CLI; a non-zero exit resolves too, with its `code`, `stdout` and `stderr`. */
const dplab = (args: string[]): Promise<{ code?: number; stdout: string; stderr: string }> =>
  run('node', [cli, 'recommend', ...args]).catch((e) => e);

const names = ['pop', 'random', 'itemknn', 'userknn', 'als', 'bpr', 'content', 'hybrid'];
let dir = '';
let csv = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dplab-recommend-params-'));
  const shop = syntheticShop({ size: 'lesson', seed: 1 });
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  csv = join(dir, 'in.csv');
  writeFileSync(
    csv,
    'user,item,rating,date\n' +
      shop.purchases.map((p) => `${p.user},${p.item},${p.value ?? 1},${day(p.time!)}`).join('\n'),
  );
});

describe('parseParams', () => {
  it('parses each value as the type of its default and gathers the TF-IDF options', () => {
    const params = parseParams(
      [
        'als.factors=8',
        'als.alpha=40',
        'als.solver=cholesky',
        'hybrid.normalize=false',
        'itemknn.neighbors=5',
        'content.tfidf.minDf=2',
      ],
      names,
      names,
    );
    expect(params).toEqual({
      als: { factors: 8, alpha: 40, solver: 'cholesky' },
      hybrid: { normalize: false },
      itemknn: { neighbours: 5 },
      content: { 'tfidf.minDf': 2 },
    });
    expect(fitOptions('als', params.als, 7)).toEqual({ seed: 7, factors: 8, alpha: 40, solver: 'cholesky' });
    expect(fitOptions('als', { seed: 3 }, 7)).toEqual({ seed: 3 });
    expect(fitOptions('itemknn', params.itemknn, 7)).toEqual({ neighbours: 5 });
    expect(fitOptions('content', params.content, 7)).toEqual({ tfidf: { minDf: 2 } });
  });

  it('takes every default from the library', () => {
    const defaults = (algo: string) =>
      Object.fromEntries(algorithmParamSpecs[algo].map((s) => [s.name, s.defaultValue]));
    expect(defaults('als')).toEqual(implicitAlsDefaults);
    expect(defaults('bpr')).toEqual(bprDefaults);
    expect(defaults('hybrid')).toEqual(lightFmDefaults);
    expect(defaults('itemknn')).toEqual(neighbourDefaults);
    const { stopWords: _, ...tfidf } = tfidfDefaults;
    for (const [name, value] of Object.entries(tfidf))
      expect(defaults('content')[`tfidf.${name}`]).toBe(value);
  });

  it('names the flag, the option and what is allowed', () => {
    const parse =
      (flag: string, run = names) =>
      () =>
        parseParams([flag], names, run);
    expect(parse('magic.x=1')).toThrow(/unknown algorithm "magic"/);
    expect(parse('magic.x=1')).toThrow(
      '--param magic.x=1: unknown algorithm "magic": choose from pop, random, itemknn, userknn, als, bpr, content, hybrid',
    );
    expect(parse('als.factor=1')).toThrow(
      `--param als.factor=1: als has no option "factor"; its options are factors (default ${implicitAlsDefaults.factors}), iterations (default ${implicitAlsDefaults.iterations}),`,
    );
    expect(parse('als.factors=many')).toThrow(
      `--param als.factors=many: factors must be a number (default ${implicitAlsDefaults.factors}), got "many"`,
    );
    expect(parse('hybrid.normalize=yes')).toThrow(
      '--param hybrid.normalize=yes: normalize must be true or false (default true), got "yes"',
    );
    expect(parse('itemknn.similarity=jaccard')).toThrow(
      'similarity must be one of cosine, pearson, adjusted-cosine (default cosine), got "jaccard"',
    );
    expect(parse('als')).toThrow('--param als: expected <algo>.<option>=<value>');
    expect(parse('bpr.factors=8', ['pop', 'als'])).toThrow(
      '--param bpr.factors=8: bpr is not run (the algorithms are pop, als); see --algos',
    );
    expect(() => parseParams(['als.factors=8', 'als.factors=9'], names, names)).toThrow(
      '--param als.factors=9: als.factors is given twice',
    );
  });

  it('lists only the options that differ from the defaults', () => {
    const params = {
      als: { factors: implicitAlsDefaults.factors, alpha: 40, seed: 2 },
      pop: { count: 'users' },
    };
    expect(formatNonDefault(['pop', 'als'], params, 2)).toBe('Non-default parameters:\n  als  alpha=40');
    expect(formatNonDefault(['pop'], { pop: { count: 'users' } }, 1)).toBe('');
  });
});

describe('npx dplab recommend --param, --list-params and --out .json', () => {
  it('passes a parameter to the fit, changing the lists, and shows it under the leaderboard', async () => {
    const base = [csv, '--algos', 'pop,itemknn', '--quiet'];
    const defaultOut = join(dir, 'default.csv');
    const oneOut = join(dir, 'one.csv');
    const [byDefault, one] = await Promise.all([
      dplab([...base, '--out', defaultOut]),
      dplab([...base, '--param', 'itemknn.neighbors=1', '--out', oneOut]),
    ]);
    expect(byDefault.code).toBeUndefined();
    expect(one.code).toBeUndefined();
    expect(byDefault.stdout).not.toMatch(/Non-default parameters/);
    expect(one.stdout).toMatch(/\nNon-default parameters:\n {2}itemknn {2}neighbours=1\n/);
    const lists = (file: string, algo: string) =>
      csvParse(readFileSync(file, 'utf8'))
        .filter((r) => r.algo === algo)
        .map((r) => `${r.user} ${r.rank} ${r.item}`);
    expect(lists(oneOut, 'itemknn').length).toBeGreaterThan(0);
    expect(lists(oneOut, 'itemknn')).not.toEqual(lists(defaultOut, 'itemknn'));
    // The parameter is itemknn's alone.
    expect(lists(oneOut, 'pop')).toEqual(lists(defaultOut, 'pop'));
  }, 30_000);

  it('exits 1 with a precise message for a bad --param, and shows the library’s own range errors', async () => {
    const [algo, option, value, range, ext] = await Promise.all([
      dplab([csv, '--param', 'svd.factors=8']),
      dplab([csv, '--param', 'itemknn.k=8']),
      dplab([csv, '--param', 'als.alpha=forty']),
      dplab([csv, '--algos', 'pop,als', '--param', 'als.factors=0', '--quiet']),
      dplab([csv, '--out', join(dir, 'recs.txt')]),
    ]);
    expect(algo.code).toBe(1);
    expect(algo.stderr).toMatch(
      /^dplab recommend: --param svd\.factors=8: unknown algorithm "svd": choose from pop, random, itemknn/,
    );
    expect(option.code).toBe(1);
    expect(option.stderr).toContain(
      `--param itemknn.k=8: itemknn has no option "k"; its options are similarity (default ${neighbourDefaults.similarity}; cosine | pearson | adjusted-cosine), neighbours (default ${neighbourDefaults.neighbours}), shrinkage (default ${neighbourDefaults.shrinkage})`,
    );
    expect(value.code).toBe(1);
    expect(value.stderr).toContain(
      `--param als.alpha=forty: alpha must be a number (default ${implicitAlsDefaults.alpha}), got "forty"`,
    );
    // In range is the library's to say; the other algorithms still run.
    expect(range.code).toBe(3);
    expect(range.stderr).toContain('als: invalid factors: 0 (must be an integer ≥ 1');
    expect(range.stdout).toMatch(/pop \(baseline\) +0\.\d{4}/);
    expect(ext.code).toBe(1);
    expect(ext.stderr).toMatch(/--out must end in \.csv or \.json, got ".*recs\.txt"/);
  }, 30_000);

  it('--list-params prints every algorithm’s options with the library’s defaults', async () => {
    const { stdout, code } = await dplab(['--list-params']);
    expect(code).toBeUndefined();
    for (const algo of names) expect(stdout).toMatch(new RegExp(`^${algo}:$`, 'm'));
    const section = (algo: string) => stdout.split(`\n${algo}:\n`)[1].split('\n\n')[0];
    for (const [name, value] of Object.entries(implicitAlsDefaults)) {
      const shown = name === 'seed' ? '--seed' : String(value);
      expect(section('als')).toMatch(new RegExp(`^ {2}${name} +default ${shown}\\b`, 'm'));
    }
    expect(section('bpr')).toMatch(new RegExp(`^ {2}factors +default ${bprDefaults.factors}$`, 'm'));
    expect(section('itemknn')).toMatch(
      /^ {2}similarity +default cosine +\(cosine \| pearson \| adjusted-cosine\)$/m,
    );
    expect(section('content')).toMatch(/^ {2}tfidf\.minDf +default 1$/m);

    const help = await run('node', [cli, 'recommend', '--help']);
    expect(help.stdout).toMatch(/--param A\.O=V/);
    expect(help.stdout).toMatch(/--list-params/);
    expect(help.stdout).toMatch(/\.json \(an array of/);
  }, 30_000);

  it('writes the same recommendations to .json as to .csv', async () => {
    const args = [csv, '--algos', 'pop,itemknn,als', '--param', 'als.factors=8', '--k', '5', '--quiet'];
    const jsonOut = join(dir, 'recs.json');
    const csvOut = join(dir, 'recs.csv');
    const [j, c] = await Promise.all([dplab([...args, '--out', jsonOut]), dplab([...args, '--out', csvOut])]);
    expect(j.code).toBeUndefined();
    expect(c.code).toBeUndefined();
    expect(j.stdout).toContain(`Recommendations written to ${jsonOut}`);
    const fromJson: unknown = JSON.parse(readFileSync(jsonOut, 'utf8'));
    const fromCsv = csvParse(readFileSync(csvOut, 'utf8')).map((r) => ({
      user: r.user,
      algo: r.algo,
      rank: Number(r.rank),
      item: r.item,
      score: Number(r.score),
    }));
    expect(fromCsv.length).toBeGreaterThan(0);
    expect(new Set(fromCsv.map((r) => r.algo))).toEqual(new Set(['pop', 'itemknn', 'als']));
    expect(fromJson).toEqual(fromCsv);
    expect(Object.keys((fromJson as object[])[0])).toEqual(['user', 'algo', 'rank', 'item', 'score']);
  }, 30_000);
});
