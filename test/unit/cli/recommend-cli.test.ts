import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticShop } from '../../../src/data/index.ts';
import { readInteractions, readItems } from '../../../src/cli/recommend/read-interactions.ts';
import { runAlgorithm } from '../../../src/cli/recommend/run-algorithm.ts';
import { splitRows } from '../../../src/cli/recommend/split.ts';

const run = promisify(execFile);
const cli = new URL('../../../src/cli/dplab.mjs', import.meta.url).pathname;

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
let dir = '';
let csv = '';
let items = '';
let rowsText = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dplab-recommend-'));
  const shop = syntheticShop({ size: 'lesson', seed: 1 });
  rowsText =
    'user,item,rating,date\n' +
    shop.purchases.map((p) => `${p.user},${p.item},${p.value ?? 1},${day(p.time!)}`).join('\n');
  csv = join(dir, 'in.csv');
  writeFileSync(csv, rowsText);
  items = join(dir, 'items.csv');
  writeFileSync(
    items,
    'item,description,category,price\n' +
      shop.items.map((i) => `${i.id},"${i.description}",${i.category},${i.price}`).join('\n'),
  );
});

describe('readInteractions and readItems', () => {
  it('detects the Online Retail column names and reads ISO dates', () => {
    const { rows, columns } = readInteractions(
      'customer_id,stock_code,n_invoices,quantity,first_date\n12431,21622,1,8,2010-12-01\n',
    );
    expect(columns).toEqual({
      user: 'customer_id',
      item: 'stock_code',
      value: 'n_invoices',
      date: 'first_date',
    });
    expect(rows).toEqual([
      { user: '12431', item: '21622', value: 1, time: Date.parse('2010-12-01T00:00:00Z') },
    ]);
    const named = readInteractions('a,b,c\nu,i,3\n', 'x.csv', { user: 'a', item: 'b', value: 'c' });
    expect(named.rows).toEqual([{ user: 'u', item: 'i', value: 3 }]);
  });

  it('names missing columns and the line of a bad row', () => {
    expect(() => readInteractions('who,what\na,b\n', 'x.csv')).toThrow(
      /x.csv, line 1: no user column .*customer_id.*--user-col/,
    );
    expect(() => readInteractions('user,thing\na,b\n', 'x.csv')).toThrow(/no item column/);
    expect(() => readInteractions('user,item\na,b\n', 'x.csv', { date: 'when' })).toThrow(
      'no column "when" (--date-col)',
    );
    expect(() => readInteractions('user,item,rating\na,b,1\na,c,x\n', 'x.csv')).toThrow(
      'x.csv, line 3: rating "x" is not a number',
    );
    expect(() => readInteractions('user,item,date\na,b,2011-01-01\na,c,01/02/2011\n', 'x.csv')).toThrow(
      'x.csv, line 3: date "01/02/2011" is not an ISO date',
    );
    expect(() => readInteractions('user,item\na,b\na\n', 'x.csv')).toThrow('line 3: 1 fields');
  });

  it('reads item descriptions and typed attributes', () => {
    const content = readItems('stock_code,description,median_unit_price,colour\n1,RED MUG,2.5,red\n2,,,\n');
    expect(content).toEqual([
      { id: '1', text: 'RED MUG', attributes: { median_unit_price: 2.5, colour: 'red' } },
      { id: '2', text: '', attributes: {} },
    ]);
  });
});

describe('runAlgorithm', () => {
  it('ranks for the asked users without their own items, and reports a failure instead of throwing', () => {
    const { rows } = readInteractions(rowsText);
    const { train } = splitRows(rows, { split: 'none' });
    const users = [0, 1, 2];
    for (const algo of ['pop', 'itemknn', 'bpr']) {
      const r = runAlgorithm({ algo, train, users, k: 5, seed: 1 });
      expect(r.error).toBeUndefined();
      expect(r.items).toHaveLength(3);
      r.items.forEach((list, n) => {
        expect(list).toHaveLength(5);
        const own = new Set(train.userItems.subarray(train.userPtr[users[n]], train.userPtr[users[n] + 1]));
        for (const i of list) expect(own.has(i)).toBe(false);
      });
    }
    const failed = runAlgorithm({ algo: 'content', train, users, k: 5, seed: 1 });
    expect(failed.error).toMatch(/pass --items/);
  });
});

describe('npx dplab recommend', () => {
  it('prints a leaderboard with baselines first (temporal split) and writes the lists', async () => {
    const out = join(dir, 'recs.csv');
    const { stdout } = await run('node', [
      cli,
      'recommend',
      csv,
      '--split',
      'temporal',
      '--cut',
      '2011-10-01',
      '--items',
      items,
      '--out',
      out,
      '--quiet',
    ]);
    expect(stdout).toMatch(
      /8 algorithms, top 10 for \d+ warm users; temporal split at 2011-10-01, new user–item pairs only; \d+ users evaluated/,
    );
    const lines = stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('algorithm'));
    expect(lines[header]).toMatch(
      /P@10 +R@10 +HR@10 +NDCG@10 +MAP@10 +coverage +novelty +fit s +recommend s/,
    );
    expect(lines[header + 1]).toMatch(/^pop \(baseline\) +0\.\d{4}/);
    expect(lines[header + 2]).toMatch(/^random \(baseline\)/);
    for (const algo of ['itemknn', 'userknn', 'als', 'bpr', 'content', 'hybrid'])
      expect(stdout).toMatch(new RegExp(`\\n${algo} +0\\.\\d{4}`));

    const recs = csvParse(readFileSync(out, 'utf8'));
    expect(recs.columns).toEqual(['user', 'algo', 'rank', 'item', 'score']);
    expect(new Set(recs.map((r) => r.algo))).toEqual(
      new Set(['pop', 'random', 'itemknn', 'userknn', 'als', 'bpr', 'content', 'hybrid']),
    );
    // Nothing recommended that the user bought before the cut.
    const had = new Set(
      csvParse(rowsText)
        .filter((r) => r.date! < '2011-10-01')
        .map((r) => `${r.user} ${r.item}`),
    );
    expect(recs.some((r) => had.has(`${r.user} ${r.item}`))).toBe(false);
    expect(recs.filter((r) => r.algo === 'itemknn' && r.user === recs[0].user).map((r) => r.rank)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1)),
    );
  }, 30_000);

  it('runs a random split from a .csv.gz on worker threads and --split none without metrics', async () => {
    const gz = join(dir, 'in.csv.gz');
    writeFileSync(gz, gzipSync(rowsText));
    const random = await run('node', [
      cli,
      'recommend',
      gz,
      '--split',
      'random',
      '--test',
      '0.25',
      '--seed',
      '2',
      '--algos',
      'itemknn,pop,als',
      '--k',
      '5',
      '--jobs',
      '2',
    ]);
    expect(random.stdout).toMatch(/random split, 25 % of pairs held out \(seed 2\)/);
    expect(random.stdout).toMatch(/P@5 +R@5/);
    expect(random.stdout.indexOf('pop (baseline)')).toBeLessThan(random.stdout.indexOf('itemknn'));
    expect(random.stderr).toMatch(/als: fit/);

    const out = join(dir, 'all.csv');
    const none = await run('node', [
      cli,
      'recommend',
      csv,
      '--split',
      'none',
      '--algos',
      'userknn',
      '--out',
      out,
    ]);
    expect(none.stdout).toMatch(/no split/);
    expect(none.stdout).toMatch(/userknn +— +—/);
    const recs = csvParse(readFileSync(out, 'utf8'));
    const had = new Set(csvParse(rowsText).map((r) => `${r.user} ${r.item}`));
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.some((r) => had.has(`${r.user} ${r.item}`))).toBe(false);
  }, 30_000);

  it('explains bad options and files', async () => {
    const fail = (args: string[]) => run('node', [cli, 'recommend', ...args]).catch((e) => e);
    const [unknown, noItems, noCol, badRow, noCut] = await Promise.all([
      fail([csv, '--algos', 'pop,magic']),
      fail([csv, '--algos', 'pop,hybrid']),
      fail([csv, '--user-col', 'shopper']),
      (async () => {
        const bad = join(dir, 'bad.csv');
        writeFileSync(bad, 'user,item,rating\na,b,1\na,c,lots\n');
        return fail([bad]);
      })(),
      fail([csv, '--split', 'temporal']),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /unknown algorithm "magic": choose from pop, random, itemknn, userknn, als, bpr, content, hybrid/,
    );
    expect(noItems.stderr).toMatch(/hybrid needs item descriptions: pass --items items.csv/);
    expect(noCol.stderr).toMatch(/no column "shopper" \(--user-col\)/);
    expect(badRow.stderr).toMatch(/bad.csv, line 3: rating "lots" is not a number/);
    expect(noCut.stderr).toMatch(/--split temporal needs --cut DATE/);
  }, 30_000);
});
