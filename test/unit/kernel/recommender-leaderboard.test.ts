// How a recommender leaderboard displays: the table, the verdict, the warnings, the chart and the
// journal's report; and that a cell's `display` (and so its last value) shows it that way.
import { describe, expect, it } from 'vitest';
import { buildInteractions, compareRecommenders, type Interaction } from 'dplab/recommend';
import { compareForecasts } from 'dplab/forecast';
import {
  isRecommenderLeaderboard,
  recommenderLeaderboardOutputs,
} from '../../../src/kernel/display/recommender-leaderboard.ts';
import { CellScope } from '../../../src/kernel/builtins/cell-scope.ts';
import { OutputCollector } from '../../../src/kernel/display/output-collector.ts';
import { TableRegistry } from '../../../src/kernel/display/table-registry.ts';
import { Kernel } from '../../../src/kernel/kernel.ts';
import type { KernelEvent, Output } from '../../../src/protocol.ts';

const day = 86_400_000;
const users = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
const items = ['a', 'b', 'c', 'd', 'e', 'f'];
const pair = (user: string, item: string, d: number): Interaction => ({ user, item, time: d * day });
const build = (rows: Interaction[]) => buildInteractions(rows, { users, items });
const train = build([
  pair('u0', 'a', 1),
  pair('u0', 'b', 2),
  pair('u1', 'a', 1),
  pair('u1', 'c', 3),
  pair('u2', 'b', 2),
  pair('u2', 'd', 4),
  pair('u3', 'a', 5),
  pair('u3', 'e', 5),
  pair('u4', 'c', 2),
  pair('u4', 'e', 3),
]);
// One leaked training pair (u0, a) and one new user (u5): two warnings.
const test = build([
  pair('u0', 'c', 6),
  pair('u0', 'a', 6),
  pair('u1', 'b', 7),
  pair('u2', 'a', 8),
  pair('u3', 'b', 9),
  pair('u4', 'a', 10),
  pair('u5', 'a', 8),
]);
const board = compareRecommenders(train, test, [
  'item-knn',
  {
    name: 'broken <b>',
    recommend: () => {
      throw new Error('needs <more> data');
    },
  },
]);

const html = (o: Output | undefined) => (o?.kind === 'html' ? o.html : '');

describe('recommender leaderboard display', () => {
  const outputs = recommenderLeaderboardOutputs(board);
  const table = html(outputs[0]);

  it('is recognised by its kind, also after a trip through JSON; nothing else is', () => {
    expect(isRecommenderLeaderboard(board)).toBe(true);
    expect(isRecommenderLeaderboard(JSON.parse(JSON.stringify(board)))).toBe(true);
    const forecast = compareForecasts({ train: [1, 2, 3, 4, 5, 6], test: [7, 8], period: 1 });
    expect(isRecommenderLeaderboard(forecast)).toBe(false);
    expect(isRecommenderLeaderboard(null)).toBe(false);
    expect(isRecommenderLeaderboard({ kind: 'recommender-leaderboard' })).toBe(false);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(isRecommenderLeaderboard(hostile)).toBe(false);
  });

  it('shows a table with the verdict and warnings, a chart, and a report', () => {
    expect(outputs.map((o) => o.kind)).toEqual(['html', 'html', 'report']);
  });

  it('the table: baselines first and tagged, the best marked, the failure escaped', () => {
    const rowNames = [...table.matchAll(/<th scope="row">(.*?)<\/th>/g)].map((m) => m[1]);
    expect(rowNames).toEqual([
      'most popular items (by users) <span class="dp-lb-tag">baseline</span>',
      'uniformly random items <span class="dp-lb-tag">baseline</span>',
      'item-kNN, cosine, 50 neighbours',
      'broken &#60;b&#62;',
    ]);
    expect(table.match(/<tr class="dp-lb-baseline[^"]*">/g)).toHaveLength(2);
    const bestRow = board.rows.findIndex((r) => r.name === board.best);
    const rows = [...table.matchAll(/<tr class="([^"]*)">/g)].map((m) => m[1]);
    expect(rows[bestRow]).toContain('dp-lb-best'); // the header row has no class
    expect(rows.filter((c) => c.includes('dp-lb-best'))).toHaveLength(1);
    expect(table).toContain('<td colspan="9" class="dp-lb-error">failed: needs &#60;more&#62; data</td>');
    expect(table).toContain(
      '<caption>5 test users, top-10 lists; baselines first, ranked by NDCG@10 (higher is better)</caption>',
    );
    const heads = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual([
      'Rank',
      'Recommender',
      'P@10',
      'R@10',
      'HR@10',
      'NDCG@10',
      'MAP@10',
      'coverage',
      'novelty (bits)',
      'fit ms',
      'recommend ms',
    ]);
  });

  it('the numbers are the rows’, to three significant digits', () => {
    const pop = board.rows[0];
    const cells = table
      .split('<tr')
      .find((r) => r.includes('most popular'))!
      .match(/<td class="dp-num">([^<]*)<\/td>/g)!
      .map((c) => c.replace(/<[^>]+>/g, ''));
    const three = (x: number) => String(Number(x.toPrecision(3)));
    expect(cells.slice(0, 8)).toEqual([
      String(pop.rank),
      ...[pop.precision, pop.recall, pop.hitRate, pop.ndcg, pop.map, pop.coverage, pop.novelty].map(three),
    ]);
  });

  it('the verdict and every warning, escaped', () => {
    expect(table).toContain(`<p class="dp-lb-verdict">${board.verdict.replace(/'/g, '&#39;')}</p>`);
    expect(board.warnings.map((w) => w.code)).toEqual(['train-test-overlap', 'cold-start-users']);
    const notes = [...table.matchAll(/<p class="dp-lb-warning" role="note">(.*?)<\/p>/g)];
    expect(notes).toHaveLength(2);
    expect(notes[0][1]).toMatch(
      /^<strong>Check your evaluation:<\/strong> 1 of the 7 test pairs \(14 %\) is also in train/,
    );
  });

  it('the chart: one bar per row that worked, baselines told apart', () => {
    const chart = html(outputs[1]);
    expect(chart).toMatch(/^<(svg|figure)/);
    const bars = chart.match(/<g aria-label="bar"[^>]*>(.*?)<\/g>/s)?.[1] ?? '';
    expect(bars.match(/<rect/g)).toHaveLength(3);
    expect(chart).toContain('baseline');
    expect(chart).toContain('NDCG@10 →');
  });

  it('the report holds every row’s main metric for the journal', () => {
    const report = outputs[2];
    expect(report).toEqual({
      kind: 'report',
      label: 'leaderboard',
      metrics: {
        'NDCG@10 popularity': board.rows[0].ndcg,
        'NDCG@10 random': board.rows[1].ndcg,
        'NDCG@10 item-knn': board.rows[2].ndcg,
        'NDCG@10 broken <b>': NaN,
      },
    });
  });

  it('ranked by another metric: that metric in the caption, the chart and the report; MRR gets a column', () => {
    const mrr = recommenderLeaderboardOutputs(compareRecommenders(train, test, [], { metric: 'mrr', k: 3 }));
    expect(html(mrr[0])).toContain('ranked by MRR@3');
    expect(html(mrr[0])).toContain('<th scope="col">MRR@3</th>');
    expect(html(mrr[1])).toContain('MRR@3 →');
    expect(Object.keys(mrr[2].kind === 'report' ? mrr[2].metrics : {})).toEqual([
      'MRR@3 popularity',
      'MRR@3 random',
    ]);
  });

  it('nothing scored: the table says why, and there is no chart', () => {
    const empty = recommenderLeaderboardOutputs(compareRecommenders(train, build([])));
    expect(empty.map((o) => o.kind)).toEqual(['html', 'report']);
    expect(html(empty[0])).toContain('Nothing was scored');
    expect(html(empty[0])).toContain('The test set has no interactions');
  });
});

describe('a cell shows a recommender leaderboard', () => {
  it('display(board) pushes the leaderboard outputs', () => {
    const collector = new OutputCollector();
    const scope = new CellScope({
      cellId: 'c1',
      collector,
      inputs: new Map(),
      tables: new TableRegistry(),
      fileAttachment: () => {
        throw new Error('no files');
      },
      late: () => {},
    });
    expect(scope.display(board)).toBe(board);
    const shown = collector.result();
    expect(shown.map((o) => o.kind)).toEqual(['html', 'html', 'report']);
    expect(html(shown[0])).toBe(html(recommenderLeaderboardOutputs(board)[0]));
  });

  it("a cell's last value: table, chart and report", async () => {
    const events: KernelEvent[] = [];
    const kernel = new Kernel({ fetchFile: async () => new Response('') });
    await kernel.connect((e) => events.push(e), { baseUrl: 'http://localhost/app/', datasets: [] });
    const source = [
      "import { buildInteractions, compareRecommenders } from 'dplab/recommend';",
      "const rows = ['u0:a', 'u0:b', 'u1:a', 'u1:c', 'u2:b', 'u2:d'].map((s) => ({ user: s.split(':')[0], item: s.split(':')[1] }));",
      "const lists = { users: ['u0', 'u1', 'u2'], items: ['a', 'b', 'c', 'd'] };",
      "const test = buildInteractions([{ user: 'u0', item: 'c' }, { user: 'u1', item: 'b' }, { user: 'u2', item: 'a' }], lists);",
      "compareRecommenders(buildInteractions(rows, lists), test, ['item-knn'])",
    ].join('\n');
    await kernel.setCells([{ id: 'c1', source }]);
    await kernel.run(['c1']);
    const last = events.filter((e) => e.type === 'outputs' && e.cellId === 'c1').at(-1) as
      { outputs: Output[] } | undefined;
    const outputs = last?.outputs ?? [];
    expect(outputs.map((o) => o.kind)).toEqual(['html', 'html', 'report']);
    const report = outputs[2];
    expect(report.kind === 'report' && Object.keys(report.metrics)).toEqual([
      'NDCG@10 popularity',
      'NDCG@10 random',
      'NDCG@10 item-knn',
    ]);
  });
});
