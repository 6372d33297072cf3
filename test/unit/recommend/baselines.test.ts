import { describe, expect, it } from 'vitest';
import {
  buildInteractions,
  explain,
  fitPopularity,
  fitRandom,
  predictRating,
  recommend,
  recommendAll,
} from 'dplab/recommend';

const day = 86_400_000;
const x = buildInteractions([
  { user: 'a', item: 'mug', value: 5, time: 1 * day },
  { user: 'b', item: 'mug', value: 1, time: 2 * day },
  { user: 'c', item: 'mug', value: 1, time: 3 * day },
  { user: 'a', item: 'tea', value: 1, time: 8 * day },
  { user: 'b', item: 'tea', value: 1, time: 9 * day },
  { user: 'c', item: 'pot', value: 9, time: 9 * day },
  { user: 'd', item: 'cup', value: 1, time: 10 * day },
]);

describe('popularity', () => {
  it('ranks by number of users, leaving out what the user has', () => {
    const m = fitPopularity(x);
    expect(Array.from(m.scores)).toEqual([3, 2, 1, 1]);
    expect(recommend(m, x, 'd', { k: 2 })).toEqual([
      { item: 'mug', score: 3 },
      { item: 'tea', score: 2 },
    ]);
    expect(recommend(m, x, 'a')).toEqual([
      { item: 'pot', score: 1 },
      { item: 'cup', score: 1 },
    ]);
    // New users need no history.
    expect(recommendAll(m, x, ['new'], { k: 1 })).toEqual([
      { user: 'new', items: [{ item: 'mug', score: 3 }], coldStart: false },
    ]);
  });

  it('sums values, or counts only a window before a cut', () => {
    expect(Array.from(fitPopularity(x, { count: 'value' }).scores)).toEqual([7, 2, 9, 1]);
    // Window of 3 days before day 10: days 7, 8, 9 count.
    const recent = fitPopularity(x, { before: 10 * day, window: 3 });
    expect(Array.from(recent.scores)).toEqual([0, 2, 1, 0]);
    expect(Array.from(fitPopularity(x, { before: new Date(3 * day).toISOString() }).scores)).toEqual([
      2, 0, 0, 0,
    ]);
  });

  it('rejects bad options, and explains and predicts nothing', () => {
    expect(() => fitPopularity(x, { window: 3 })).toThrow('window needs a cut date: pass before as well');
    expect(() => fitPopularity(x, { before: 0, window: -1 })).toThrow('invalid window: -1');
    expect(() => fitPopularity(x, { count: JSON.parse('"sum"') })).toThrow(
      "invalid count: sum (must be 'users' or 'value')",
    );
    const untimed = buildInteractions([{ user: 'a', item: 'b' }]);
    expect(() => fitPopularity(untimed, { before: 1 })).toThrow("user 'a', item 'b' has no time");
    const m = fitPopularity(x);
    expect(() => explain(m, x, 'a', 'pot')).toThrow('popularity recommendations do not depend on the user');
    expect(() => predictRating(m, x, 'a', 'pot')).toThrow(
      'popularity models rank items but predict no ratings',
    );
  });
});

describe('random', () => {
  it('is deterministic for a seed and user, and differs between users and seeds', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ user: 'z', item: `i${i}` }));
    const y = buildInteractions([...items, { user: 'a', item: 'i0' }, { user: 'b', item: 'i1' }]);
    const m = fitRandom(y, { seed: 42 });
    const a = recommend(m, y, 'a', { k: 5 });
    expect(recommend(fitRandom(y, { seed: 42 }), y, 'a', { k: 5 })).toEqual(a);
    expect(recommend(m, y, 'b', { k: 5 })).not.toEqual(a);
    expect(recommend(fitRandom(y, { seed: 43 }), y, 'a', { k: 5 })).not.toEqual(a);
    expect(a.every((s) => s.item !== 'i0' && s.score >= 0 && s.score < 1)).toBe(true);
    expect(recommend(m, y, 'never seen', { k: 50 })).toHaveLength(50);
    expect(() => fitRandom(y, { seed: NaN })).toThrow('invalid seed: NaN');
  });
});
