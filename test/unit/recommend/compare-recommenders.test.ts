import { describe, expect, it } from 'vitest';
import { syntheticShop } from 'dplab/data';
import {
  buildInteractions,
  compareRecommenders,
  evaluate,
  fitBpr,
  fitContentBased,
  fitImplicitAls,
  fitItemKnn,
  fitPopularity,
  fitRandom,
  fitUserKnn,
  ndcgAtK,
  recommend,
  recommendAll,
  temporalSplit,
  type Interaction,
  type Interactions,
  type ItemContent,
  type RecommenderLeaderboard,
  type RecommenderLeaderboardRow,
  type RecommenderModel,
} from 'dplab/recommend';
import { fromDense } from './reference.ts';

const scoreKeys = [
  'precision',
  'recall',
  'hitRate',
  'ndcg',
  'map',
  'mrr',
  'coverage',
  'diversity',
  'novelty',
  'popularity',
  'exposureGini',
] as const;

const row = (board: RecommenderLeaderboard, name: string): RecommenderLeaderboardRow => {
  const r = board.rows.find((x) => x.name === name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
};

const scoresOf = (r: object) =>
  Object.fromEntries(scoreKeys.map((key) => [key, (r as Record<string, number>)[key]]));

/** The pairs of `x` as rows (time only where known). */
function rowsOf(x: Interactions): Interaction[] {
  const rows: Interaction[] = [];
  for (let u = 0; u < x.userIds.length; u++) {
    for (let p = x.userPtr[u]; p < x.userPtr[u + 1]; p++) {
      const t = x.userTimes[p];
      rows.push({
        user: x.userIds[u],
        item: x.itemIds[x.userItems[p]],
        value: x.userValues[p],
        ...(Number.isNaN(t) ? {} : { time: t }),
      });
    }
  }
  return rows;
}

/** `x` with only the pairs of the users `keep` accepts, built from rows here (not with the library's own filter). */
const onlyUsers = (x: Interactions, keep: (user: string) => boolean) =>
  buildInteractions(
    rowsOf(x).filter((r) => keep(r.user)),
    { users: x.userIds, items: x.itemIds },
  );

const hasHistory = (train: Interactions, user: string) => {
  const u = train.userIds.indexOf(user);
  return u >= 0 && train.userPtr[u + 1] > train.userPtr[u];
};

const testUsers = (test: Interactions) =>
  test.userIds.filter((_, u) => test.userPtr[u + 1] > test.userPtr[u]);

// The lesson shop (300 customers × 200 items), split at a date: the last two months are the future.
const shop = syntheticShop({ size: 'lesson', seed: 1 });
const shopX = buildInteractions(shop.purchases);
const shopSplit = temporalSplit(shopX, { cut: '2011-10-01' });
const warmUsers = testUsers(shopSplit.test).filter((u) => hasHistory(shopSplit.train, u));
const warmTest = onlyUsers(shopSplit.test, (u) => hasHistory(shopSplit.train, u));

describe('compareRecommenders: every score is evaluate() on that model, run by hand', () => {
  const { train, test } = shopSplit;
  const userKnn = fitUserKnn(train, { neighbours: 20 });
  const popular = fitPopularity(train);
  const mine = {
    name: 'popular-twice',
    // The popularity list, each user's items left out, taking the two most popular first: a custom recommender.
    recommend: (user: string, k: number, x: Interactions) =>
      recommend(popular, x, user, { k }).map((s) => s.item),
  };
  const board = compareRecommenders(train, test, [
    'item-knn',
    { method: 'implicit-als', options: { factors: 8, iterations: 3 }, name: 'als-8' },
    userKnn,
    mine,
  ]);
  const byHand = (model: RecommenderModel) =>
    evaluate(recommendAll(model, train, warmUsers, { k: 10 }), warmTest, train, { k: 10 });

  it('scores the warm test users (a history in train and a pair in test), in test order', () => {
    expect(board.users).toEqual(warmUsers);
    expect(board.users.length).toBeGreaterThan(30);
    expect(board).toMatchObject({ kind: 'recommender-leaderboard', k: 10, metric: 'ndcg', relevance: null });
  });

  it('baselines: popularity and random (seed 1) equal evaluate of fitPopularity and fitRandom', () => {
    expect(scoresOf(row(board, 'popularity'))).toEqual(scoresOf(byHand(fitPopularity(train))));
    expect(scoresOf(row(board, 'random'))).toEqual(scoresOf(byHand(fitRandom(train, { seed: 1 }))));
  });

  it('a registry name, a method with options and a fitted model equal evaluate of the same fit', () => {
    expect(scoresOf(row(board, 'item-knn'))).toEqual(scoresOf(byHand(fitItemKnn(train))));
    expect(scoresOf(row(board, 'als-8'))).toEqual(
      scoresOf(byHand(fitImplicitAls(train, { factors: 8, iterations: 3, seed: 1 }))),
    );
    expect(scoresOf(row(board, 'user-knn'))).toEqual(scoresOf(byHand(userKnn)));
  });

  it("a custom recommender's lists are scored as given", () => {
    const lists = warmUsers.map((user) => ({
      user,
      items: mine.recommend(user, 10, train).map((item) => ({ item })),
    }));
    expect(scoresOf(row(board, 'popular-twice'))).toEqual(
      scoresOf(evaluate(lists, warmTest, train, { k: 10 })),
    );
  });

  it('labels say what each row is; fit time is measured for what it fits, NaN for what came fitted', () => {
    expect(board.rows.map((r) => [r.name, r.label, r.baseline])).toEqual([
      ['popularity', 'most popular items (by users)', true],
      ['random', 'uniformly random items', true],
      ['item-knn', 'item-kNN, cosine, 50 neighbours', false],
      ['als-8', 'implicit-als: factors 8, iterations 3', false],
      ['user-knn', 'user-kNN, cosine, 50 neighbours', false],
      ['popular-twice', 'popular-twice', false],
    ]);
    for (const name of ['popularity', 'random', 'item-knn', 'als-8'])
      expect(row(board, name).fitMs).toBeGreaterThanOrEqual(0);
    expect(row(board, 'user-knn').fitMs).toBeNaN();
    expect(row(board, 'popular-twice').fitMs).toBeNaN();
    for (const r of board.rows) expect(r.recommendMs).toBeGreaterThanOrEqual(0);
  });

  it('k, relevance and users: all reach evaluate', () => {
    const ratings = buildInteractions(shop.ratings, { users: shopX.userIds, items: shopX.itemIds });
    const split = temporalSplit(ratings, { cut: '2011-09-01' });
    const r = compareRecommenders(split.train, split.test, ['item-knn'], {
      k: 5,
      relevance: 4,
      users: 'all',
    });
    // Every test user with a rating ≥ 4, cold ones included (they get the popularity fallback).
    const users = split.test.userIds.filter((_, u) => {
      for (let p = split.test.userPtr[u]; p < split.test.userPtr[u + 1]; p++)
        if (split.test.userValues[p] >= 4) return true;
      return false;
    });
    expect(r.users).toEqual(users);
    expect(r.users.some((u) => !hasHistory(split.train, u))).toBe(true);
    const e = evaluate(
      recommendAll(fitItemKnn(split.train), split.train, users, { k: 5 }),
      split.test,
      split.train,
      {
        k: 5,
        relevance: 4,
      },
    );
    expect(scoresOf(row(r, 'item-knn'))).toEqual(scoresOf(e));
    expect(r.relevance).toBe(4);
    expect(r.k).toBe(5);
  });

  it('content: given in any order, matched to the items by id', () => {
    const content: ItemContent[] = shop.items.map((i) => ({
      id: i.id,
      text: i.description,
      attributes: { category: i.category },
    }));
    const r = compareRecommenders(train, test, ['content-based'], { content: [...content].reverse() });
    const ordered = train.itemIds.map((id) => content.find((c) => c.id === id)!);
    expect(scoresOf(row(r, 'content-based'))).toEqual(scoresOf(byHand(fitContentBased(train, ordered))));
  });
});

describe('compareRecommenders: baselines, ranks, verdict', () => {
  const { train, test } = shopSplit;

  it('adds popularity and random once, first, flagged baseline; not again when asked for', () => {
    const names = (models: Parameters<typeof compareRecommenders>[2]) =>
      compareRecommenders(train, test, models).rows.map((r) => [r.name, r.baseline]);
    expect(names([])).toEqual([
      ['popularity', true],
      ['random', true],
    ]);
    expect(names(['item-knn', 'random', 'pop'])).toEqual([
      ['popularity', true],
      ['random', true],
      ['item-knn', false],
    ]);
    // The student's own popularity baseline takes the place of the default one.
    expect(
      names([
        { method: 'popularity', options: { count: 'value' }, name: 'pop-value' },
        fitRandom(train, { seed: 7 }),
      ]),
    ).toEqual([
      ['pop-value', true],
      ['random', true],
    ]);
  });

  it('seed: the random baseline and every model with a seed option use it unless set', () => {
    const r = compareRecommenders(train, test, [{ method: 'bpr', options: { factors: 4, epochs: 2 } }], {
      seed: 5,
    });
    const byHand = (model: RecommenderModel) =>
      scoresOf(evaluate(recommendAll(model, train, warmUsers, { k: 10 }), warmTest, train, { k: 10 }));
    expect(scoresOf(row(r, 'random'))).toEqual(byHand(fitRandom(train, { seed: 5 })));
    expect(scoresOf(row(r, 'bpr'))).toEqual(byHand(fitBpr(train, { factors: 4, epochs: 2, seed: 5 })));
    const other = compareRecommenders(train, test, [], { seed: 6 });
    expect(row(other, 'random').ndcg).not.toBe(row(r, 'random').ndcg);
  });

  it('ranks by the main metric, higher first; ties share a rank; the best is the first of equals', () => {
    const popular = fitPopularity(train);
    const copy = {
      name: 'copy',
      recommend: (u: string, k: number) => recommend(popular, train, u, { k }).map((s) => s.item),
    };
    const r = compareRecommenders(train, test, ['item-knn', 'user-knn', copy]);
    for (const x of r.rows) expect(x.rank).toBe(1 + r.rows.filter((y) => y.ndcg > x.ndcg).length);
    expect(row(r, 'copy').ndcg).toBe(row(r, 'popularity').ndcg);
    expect(row(r, 'copy').rank).toBe(row(r, 'popularity').rank);
    const top = Math.max(...r.rows.map((x) => x.ndcg));
    expect(r.best).toBe(r.rows.find((x) => x.ndcg === top)!.name);
    const byPrecision = compareRecommenders(train, test, ['item-knn', 'user-knn'], { metric: 'precision' });
    for (const x of byPrecision.rows)
      expect(x.rank).toBe(1 + byPrecision.rows.filter((y) => y.precision > x.precision).length);
    expect(byPrecision.verdict).toMatch(/precision@10/);
  });

  it('the verdict names the winner, the margin over the best baseline and its standard error', () => {
    const r = compareRecommenders(train, test, ['item-knn', 'user-knn']);
    const pop = row(r, 'popularity');
    const knn = row(r, 'user-knn');
    expect(knn.ndcg).toBeGreaterThan(pop.ndcg);
    expect(r.beatsBaselines).toBe(true);
    // The paired standard error, per-user NDCG from the metric itself.
    const lists = (m: RecommenderModel) =>
      recommendAll(m, train, warmUsers, { k: 10 }).map((l) => l.items.map((s) => s.item));
    const relevant = warmUsers.map((user) => {
      const u = test.userIds.indexOf(user);
      return new Set(
        Array.from(test.userItems.subarray(test.userPtr[u], test.userPtr[u + 1]), (i) => test.itemIds[i]),
      );
    });
    const a = lists(fitUserKnn(train));
    const b = lists(fitPopularity(train));
    const d = relevant.map((rel, n) => ndcgAtK(a[n], rel, 10) - ndcgAtK(b[n], rel, 10));
    const mean = d.reduce((s, x) => s + x, 0) / d.length;
    const se = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1) / d.length);
    expect(r.comparison).toMatchObject({
      model: 'user-knn',
      baseline: 'popularity',
      users: warmUsers.length,
    });
    expect(r.comparison!.difference).toBeCloseTo(knn.ndcg - pop.ndcg, 15);
    expect(r.comparison!.relative).toBeCloseTo((knn.ndcg - pop.ndcg) / pop.ndcg, 15);
    expect(r.comparison!.standardError).toBeCloseTo(se, 14);
    const f = (x: number) => String(Number(x.toPrecision(3)));
    expect(r.verdict).toBe(
      `user-knn beats every baseline on NDCG@10: ${f(knn.ndcg)} against ${f(pop.ndcg)} for popularity (+${f(knn.ndcg - pop.ndcg)}, ${Number((100 * ((knn.ndcg - pop.ndcg) / pop.ndcg)).toPrecision(2))} % better); the gap is ${f((knn.ndcg - pop.ndcg) / se)} standard errors over ${warmUsers.length} users.`,
    );
  });

  it('says so plainly when nothing beats popularity', () => {
    const r = compareRecommenders(train, test, ['item-knn']);
    expect(row(r, 'item-knn').ndcg).toBeLessThan(row(r, 'popularity').ndcg);
    expect(r.beatsBaselines).toBe(false);
    expect(r.best).toBe('popularity');
    expect(r.verdict).toMatch(/^No model beats popularity on NDCG@10: the best model, item-knn, reaches /);
    expect(r.verdict).toMatch(
      /Simple baselines are often hard to beat \(Cremonesi et al\. 2010; Dacrema et al\. 2019\)/,
    );
  });

  it('calls a gap under two standard errors chance, and a tie a tie', () => {
    // Better than popularity for one user only: the gap is tiny next to its spread.
    const popular = fitPopularity(train);
    const top10 = (user: string) => recommend(popular, train, user, { k: 10 }).map((s) => s.item);
    const testItems = (user: string) => {
      const u = test.userIds.indexOf(user);
      return Array.from(
        test.userItems.subarray(test.userPtr[u], test.userPtr[u + 1]),
        (i) => test.itemIds[i],
      );
    };
    const lucky = warmUsers.find((user) => testItems(user).some((i) => !top10(user).includes(i)))!;
    const hit = testItems(lucky).find((i) => !top10(lucky).includes(i))!;
    const nudged = {
      name: 'nudged',
      recommend: (user: string, k: number) => {
        const list = recommend(popular, train, user, { k }).map((s) => s.item);
        return user === lucky ? [hit, ...list.slice(0, k - 1)] : list;
      },
    };
    const r = compareRecommenders(train, test, [nudged]);
    expect(row(r, 'nudged').ndcg).toBeGreaterThan(row(r, 'popularity').ndcg);
    expect(r.verdict).toMatch(
      /^nudged beats every baseline on NDCG@10: .*, but the gap is less than two standard errors \([^)]+\) over \d+ users: it may be chance\./,
    );
    const copy = {
      name: 'copy',
      recommend: (user: string, k: number) => recommend(popular, train, user, { k }).map((s) => s.item),
    };
    const tie = compareRecommenders(train, test, [copy]);
    expect(tie.beatsBaselines).toBe(false);
    expect(tie.verdict).toMatch(/^No model beats the baselines on NDCG@10: copy only ties with popularity/);
    expect(compareRecommenders(train, test).verdict).toMatch(
      /^Only the baselines ran; the best is popularity/,
    );
  });
});

describe('compareRecommenders: a failing model gets an error row, the others are scored', () => {
  const { train, test } = shopSplit;
  const r = compareRecommenders(train, test, [
    'item-knn',
    {
      name: 'throws',
      recommend: () => {
        throw new Error('out of memory');
      },
    },
    { name: 'nothing', recommend: (() => undefined) as never },
    { name: 'unknown-item', recommend: () => ['no-such-item'] },
    { name: 'repeats', recommend: () => [train.itemIds[0], train.itemIds[0]] },
    { name: 'numbers', recommend: (() => [1, 2]) as never },
    { method: 'item-knn', options: { neighbours: 0 }, name: 'bad-option' },
  ]);

  it('each failure says what went wrong', () => {
    const first = warmUsers[0];
    expect(row(r, 'throws').error).toBe('out of memory');
    expect(row(r, 'nothing').error).toBe(
      `nothing returned undefined for user '${first}'; recommend(user, k, train) must return an array of item ids (or { item } objects)`,
    );
    expect(row(r, 'unknown-item').error).toBe("recommended item 'no-such-item' is not in the catalogue");
    expect(row(r, 'repeats').error).toMatch(/^the list repeats '.+' \(rank 2\); recommend each item once$/);
    expect(row(r, 'numbers').error).toBe(
      `numbers returned 1 at rank 1 for user '${first}'; recommend(user, k, train) must return item ids or { item } objects`,
    );
    expect(row(r, 'bad-option').error).toMatch(/neighbours/);
    expect(row(r, 'bad-option').fitMs).toBeGreaterThanOrEqual(0);
  });

  it('failed rows have NaN scores and ranks; the rest rank 1, 2, 3 as if the failures were not there', () => {
    for (const name of ['throws', 'nothing', 'unknown-item', 'repeats', 'numbers', 'bad-option']) {
      const x = row(r, name);
      expect(Object.values(scoresOf(x))).toEqual(Array(scoreKeys.length).fill(NaN));
      expect(x.rank).toBeNaN();
    }
    const ok = r.rows.filter((x) => !x.error);
    expect(ok.map((x) => x.name)).toEqual(['popularity', 'random', 'item-knn']);
    expect(ok.map((x) => x.rank).sort()).toEqual([1, 2, 3]);
    expect(scoresOf(row(r, 'item-knn'))).toEqual(
      scoresOf(compareRecommenders(train, test, ['item-knn']).rows[2]),
    );
  });

  it('the result survives structuredClone and JSON (plain data, error rows included)', () => {
    expect(structuredClone(r)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r)).kind).toBe('recommender-leaderboard');
  });

  it('every model failing: the verdict says so', () => {
    const bad = { name: 'bad', recommend: () => ['no-such-item'] };
    expect(compareRecommenders(train, test, [bad]).verdict).toMatch(
      /^Every model failed; the best baseline is popularity/,
    );
  });
});

// A small world with times: 6 users × 6 items over days 1–10.
const day = 86_400_000;
const pair = (user: string, item: string, d: number, value = 1): Interaction => ({
  user,
  item,
  value,
  time: d * day,
});
const users = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
const items = ['a', 'b', 'c', 'd', 'e', 'f'];
const build = (rows: Interaction[]) => buildInteractions(rows, { users, items });
// Train: days 1–5; every user but u5 has history, every item but f is known.
const trainRows = [
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
];
// Test: days 6–10, only new pairs of known users and items.
const testRows = [
  pair('u0', 'c', 6),
  pair('u1', 'b', 7),
  pair('u2', 'a', 8, 3),
  pair('u3', 'b', 9),
  pair('u4', 'a', 10),
];
const clean = { train: build(trainRows), test: build(testRows) };
const codes = (b: RecommenderLeaderboard) => b.warnings.map((w) => w.code);

describe('compareRecommenders: guardrails', () => {
  it('none on a clean split by time (new pairs of known users and items, all after train)', () => {
    expect(compareRecommenders(clean.train, clean.test).warnings).toEqual([]);
    expect(compareRecommenders(shopSplit.train, warmTest).warnings.map((w) => w.code)).toEqual([
      'unknown-items',
    ]);
  });

  it('test pairs also in train: counted, with their share and why it distorts the scores', () => {
    const leaky = build([...testRows, pair('u0', 'a', 6), pair('u3', 'e', 9)]);
    const r = compareRecommenders(clean.train, leaky);
    expect(codes(r)).toEqual(['train-test-overlap']);
    expect(r.warnings[0]).toMatchObject({ count: 2, share: 2 / 7 });
    expect(r.warnings[0].message).toMatch(/^2 of the 7 test pairs \(29 %\) are also in train/);
    expect(r.warnings[0].message).toMatch(/no model can hit those pairs/);
    const same = compareRecommenders(clean.train, clean.train);
    expect(same.warnings).toEqual([
      expect.objectContaining({ code: 'train-test-overlap', count: 10, share: 1 }),
    ]);
    expect(same.warnings[0].message).toMatch(
      /^Every test pair \(10\) is also in train: is the test set the training data\?/,
    );
  });

  it('new users: counted; left out by default, scored with users: all', () => {
    const withNew = build([...testRows, pair('u5', 'a', 7), pair('u5', 'c', 8)]);
    const warm = compareRecommenders(clean.train, withNew);
    expect(codes(warm)).toEqual(['cold-start-users']);
    expect(warm.warnings[0]).toMatchObject({ count: 1, share: 1 / 6 });
    expect(warm.warnings[0].message).toMatch(
      /^1 of the 6 test users \(17 %\) has no history in train \(cold start\): they are left out/,
    );
    expect(warm.users).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    const all = compareRecommenders(clean.train, withNew, [], { users: 'all' });
    expect(all.users).toEqual(users);
    expect(all.warnings[0].message).toMatch(
      /and are scored: recommenders that need a history give them the most popular items/,
    );
    const listed = compareRecommenders(clean.train, withNew, [], { users: ['u5', 'u0'] });
    expect(listed.users).toEqual(['u0', 'u5']);
    expect(listed.warnings[0]).toMatchObject({ code: 'cold-start-users', count: 1, share: 1 / 2 });
    expect(compareRecommenders(clean.train, withNew, [], { users: ['u0'] }).warnings).toEqual([]);
  });

  it('items nobody has in train: counted, as the item cold-start problem', () => {
    const r = compareRecommenders(clean.train, build([...testRows, pair('u1', 'f', 8)]));
    expect(codes(r)).toEqual(['unknown-items']);
    expect(r.warnings[0]).toMatchObject({ count: 1, share: 1 / 6 });
    expect(r.warnings[0].message).toMatch(
      /^1 of the 6 test pairs \(17 %\) is of 1 item nobody has in train \(new items, such as 'f'\)/,
    );
  });

  it('an empty test set, nothing relevant, or only new users: nothing is scored, and it says why', () => {
    const empty = compareRecommenders(clean.train, build([]), ['item-knn']);
    expect(codes(empty)).toEqual(['empty-test']);
    expect(empty.warnings[0].message).toMatch(/^The test set has no interactions/);
    expect(empty.users).toEqual([]);
    expect(
      empty.rows.every((x) => Number.isNaN(x.ndcg) && Number.isNaN(x.rank) && x.error === undefined),
    ).toBe(true);
    expect(empty.best).toBeNull();
    expect(empty.comparison).toBeNull();
    expect(empty.verdict).toBe('Nothing was scored: no test user to evaluate (see the warnings).');
    const high = compareRecommenders(clean.train, clean.test, [], { relevance: 5 });
    expect(high.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^No test interaction has a value ≥ 5/),
    ]);
    const onlyNew = compareRecommenders(clean.train, build([pair('u5', 'a', 7)]));
    expect(codes(onlyNew)).toEqual(['cold-start-users', 'empty-test']);
    expect(onlyNew.warnings[0].message).toMatch(/^The one test user has no history in train/);
    expect(onlyNew.warnings[1].message).toMatch(
      /^The one test user is new \(no history in train\) and users: 'warm' leaves them out/,
    );
  });

  it('relevance: the guardrails count only the pairs that are scored', () => {
    // u2's test pair has value 3; with relevance 2 the two leaked pairs (value 1) are not scored.
    const leaky = build([...testRows, pair('u0', 'a', 6), pair('u3', 'e', 9)]);
    expect(compareRecommenders(clean.train, leaky, [], { relevance: 2 }).warnings).toEqual([]);
  });

  it('a random split by time: test pairs older than their own user’s training data', () => {
    // u0's day-1 pair is held out, its day-2 pair trains.
    const shuffled = {
      train: build(trainRows.filter((_, n) => n !== 0)),
      test: build([pair('u0', 'a', 1), ...testRows]),
    };
    const r = compareRecommenders(shuffled.train, shuffled.test);
    expect(codes(r)).toEqual(['random-split']);
    expect(r.warnings[0]).toMatchObject({ count: 1, share: 1 / 6 });
    expect(r.warnings[0].message).toMatch(
      /^1 of the 6 test pairs \(17 %\) happened before their user's last training interaction/,
    );
  });

  it('a per-user split (leave-last-out): later than each user’s own data, not than everyone’s', () => {
    // u0's test pair (day 3) is after u0's training (days 1, 2) but before u3's (day 5).
    const r = compareRecommenders(clean.train, build([pair('u0', 'c', 3), ...testRows.slice(1)]));
    expect(codes(r)).toEqual(['time-leak']);
    expect(r.warnings[0]).toMatchObject({ count: 1, share: 1 / 5 });
    expect(r.warnings[0].message).toMatch(
      /but 1 of the 5 test pairs \(20 %\) happened before the last training interaction of someone else/,
    );
  });

  it('no time check without times', () => {
    const train = fromDense([
      [1, 1, 0, 0],
      [1, 0, 1, 0],
    ]);
    const test = fromDense([
      [0, 0, 1, 0],
      [0, 1, 0, 0],
    ]);
    expect(compareRecommenders(train, test).warnings).toEqual([]);
  });
});

describe('compareRecommenders: bad input throws precise errors before any model runs', () => {
  const { train, test } = clean;
  const cases: [string, () => unknown, string | RegExp][] = [
    [
      'k 0',
      () => compareRecommenders(train, test, [], { k: 0 }),
      'invalid k: 0 (must be an integer ≥ 1, e.g. 10)',
    ],
    ['k 2.5', () => compareRecommenders(train, test, [], { k: 2.5 }), 'invalid k: 2.5'],
    [
      'unknown metric',
      () => compareRecommenders(train, test, [], { metric: 'auc' as never }),
      `invalid metric: "auc" (must be one of 'ndcg', 'precision', 'recall', 'map', 'hitRate', 'mrr')`,
    ],
    [
      'seed NaN',
      () => compareRecommenders(train, test, [], { seed: NaN }),
      'invalid seed: NaN (must be a finite number)',
    ],
    [
      'relevance a string',
      () => compareRecommenders(train, test, [], { relevance: '4' as never }),
      'invalid relevance: 4 (a number',
    ],
    [
      'users a word',
      () => compareRecommenders(train, test, [], { users: 'cold' as never }),
      `invalid users: "cold" (must be 'warm', 'all' or an array of test user ids)`,
    ],
    [
      'users empty',
      () => compareRecommenders(train, test, [], { users: [] }),
      'users is empty: list at least one test user id',
    ],
    [
      'users not in test',
      () => compareRecommenders(train, test, [], { users: ['u0', 'nobody'] }),
      'users[1] is "nobody", not a user of the test set',
    ],
    [
      'users twice',
      () => compareRecommenders(train, test, [], { users: ['u0', 'u0'] }),
      "users[1]: 'u0' is listed twice",
    ],
    [
      'a misspelt option',
      () => compareRecommenders(train, test, [], { K: 5 } as never),
      'unknown option K: compareRecommenders takes k, metric, seed, users, relevance, content',
    ],
    [
      'options not an object',
      () => compareRecommenders(train, test, [], 10 as never),
      'options must be an object',
    ],
    [
      'content not an array',
      () => compareRecommenders(train, test, [], { content: {} as never }),
      'content must be an array',
    ],
    [
      'train not interactions',
      () => compareRecommenders([] as never, test),
      'train must be Interactions (from buildInteractions(rows) or a split such as randomSplit(x))',
    ],
    [
      'different item lists',
      () => compareRecommenders(train, fromDense([[1, 0]])),
      'test and train have different item lists (2 and 6 items)',
    ],
    [
      'models not an array',
      () => compareRecommenders(train, test, 'item-knn' as never),
      'models must be an array',
    ],
    [
      'unknown recommender',
      () => compareRecommenders(train, test, ['svd++']),
      /^models\[0\]: unknown recommender "svd\+\+": choose from popularity, random, item-knn, /,
    ],
    [
      'malformed model',
      () => compareRecommenders(train, test, [{ name: 'x' } as never]),
      "models[0] must be a recommender name ('item-knn', …)",
    ],
    [
      'custom without a name',
      () => compareRecommenders(train, test, [{ recommend: () => [] } as never]),
      'models[0] has a recommend function but no name',
    ],
    [
      'custom named like a baseline',
      () => compareRecommenders(train, test, [{ name: 'popularity', recommend: () => [] }]),
      'models[0] is named "popularity", the name of a built-in baseline',
    ],
    [
      'a model named like a baseline',
      () => compareRecommenders(train, test, [{ method: 'item-knn', name: 'random' }]),
      'models[0] (item-knn) is named "random", the name of a built-in baseline',
    ],
    [
      'a name twice',
      () => compareRecommenders(train, test, ['item-knn', fitItemKnn(train)]),
      'models[1]: the name "item-knn" is used twice; names must be unique',
    ],
    [
      'a model fitted on other interactions',
      () => compareRecommenders(train, test, [fitItemKnn(fromDense([[1, 1]]))]),
      'models[0]: the item-knn model was fitted on 2 items, these interactions have 6',
    ],
    [
      'options not an object',
      () => compareRecommenders(train, test, [{ method: 'item-knn', options: 20 as never }]),
      'models[0]: options must be an object such as { neighbours: 20 }, got 20',
    ],
    [
      'content-based without content',
      () => compareRecommenders(train, test, ['content']),
      "models[0]: content-based reads the items' content: pass { content: [{ id, text, attributes }, …] }",
    ],
  ];
  for (const [what, call, message] of cases) it(what, () => expect(call).toThrow(message));

  it('a custom recommender is not called when the options are bad', () => {
    let calls = 0;
    const spy = {
      name: 'spy',
      recommend: () => {
        calls++;
        return [];
      },
    };
    expect(() => compareRecommenders(train, test, [spy], { k: 0 })).toThrow();
    expect(calls).toBe(0);
    compareRecommenders(train, test, [spy], { k: 3 });
    expect(calls).toBe(5);
  });
});

describe('compareRecommenders: precision@k of a hand-made case', () => {
  it('popularity on the clean split, worked out by hand', () => {
    // Train users per item: a 3, b 2, c 2, d 1, e 2, f 0. With k = 1 each user gets the most popular
    // item they do not have (ties: the lower index): u0 c, u1 b, u2 a, u3 b, u4 a — each one a hit.
    const r = compareRecommenders(clean.train, clean.test, [], { k: 1 });
    expect(row(r, 'popularity').precision).toBe(1);
    expect(row(r, 'popularity').recall).toBe(1);
  });
});
