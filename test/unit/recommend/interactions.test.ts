import { describe, expect, it } from 'vitest';
import {
  buildInteractions,
  byItem,
  byUser,
  findInRow,
  indexOfId,
  itemColumn,
  numInteractions,
  numItems,
  numUsers,
  userRow,
  valueAt,
  type Interaction,
} from 'dplab/recommend';

const rows: Interaction[] = [
  { user: 'ann', item: 'mug', value: 2, time: 50 },
  { user: 'bob', item: 'tea' },
  { user: 'ann', item: 'tea', time: 30 },
  { user: 'ann', item: 'mug', value: 5, time: 20 },
  { user: 'cat', item: 'mug', value: 1, time: 10 },
  { user: 'ann', item: 'mug', value: 3, time: 40 },
];

describe('buildInteractions', () => {
  it('indexes ids in first-seen order and stores both orientations sorted', () => {
    const x = buildInteractions(rows);
    expect(x.userIds).toEqual(['ann', 'bob', 'cat']);
    expect(x.itemIds).toEqual(['mug', 'tea']);
    expect(Array.from(x.userPtr)).toEqual([0, 2, 3, 4]);
    expect(Array.from(x.userItems)).toEqual([0, 1, 1, 0]);
    expect(Array.from(x.itemPtr)).toEqual([0, 2, 4]);
    expect(Array.from(x.itemUsers)).toEqual([0, 2, 0, 1]);
    expect([numUsers(x), numItems(x), numInteractions(x)]).toEqual([3, 2, 4]);
  });

  it("merges duplicates: 'sum' adds values and keeps the earliest time", () => {
    const x = buildInteractions(rows);
    expect(Array.from(x.userValues)).toEqual([10, 1, 1, 1]);
    expect(Array.from(x.userTimes)).toEqual([20, 30, NaN, 10]);
    expect(Array.from(x.itemValues)).toEqual([10, 1, 1, 1]);
  });

  it("'last' keeps the last row in input order, 'max' the largest value with its time", () => {
    const last = buildInteractions(rows, { duplicate: 'last' });
    expect([last.userValues[0], last.userTimes[0]]).toEqual([3, 40]);
    const max = buildInteractions(rows, { duplicate: 'max' });
    expect([max.userValues[0], max.userTimes[0]]).toEqual([5, 20]);
    expect(max.itemValues[0]).toBe(5);
  });

  it('uses given id lists as the index, keeping users and items without rows', () => {
    const x = buildInteractions(rows, { users: ['cat', 'bob', 'ann', 'dan'], items: ['tea', 'mug', 'pot'] });
    expect(x.userIds).toEqual(['cat', 'bob', 'ann', 'dan']);
    expect(Array.from(x.userPtr)).toEqual([0, 1, 2, 4, 4]);
    expect(Array.from(userRow(x, 2).items)).toEqual([0, 1]);
    expect(Array.from(itemColumn(x, 2).users)).toEqual([]);
    expect(valueAt(x, 2, 1)).toBe(10);
    expect(valueAt(x, 3, 1)).toBe(0);
  });

  it('gives views of rows and columns and finds entries', () => {
    const x = buildInteractions(rows);
    const row = userRow(x, 0);
    expect(Array.from(row.items)).toEqual([0, 1]);
    expect(Array.from(row.values)).toEqual([10, 1]);
    expect(Array.from(itemColumn(x, 1).users)).toEqual([0, 1]);
    expect(findInRow(x, 0, 1)).toBe(1);
    expect(findInRow(x, 1, 0)).toBe(-1);
    expect(indexOfId(x.itemIds, 'tea')).toBe(1);
    expect(indexOfId(x.itemIds, 'pot')).toBe(-1);
    expect(byUser(x).ptr).toBe(x.userPtr);
    expect(byItem(x).index).toBe(x.itemUsers);
    expect(() => userRow(x, 3)).toThrow('invalid user index: 3 (must be an integer in 0…2');
    expect(() => itemColumn(x, -1)).toThrow('invalid item index');
  });

  it('handles no rows', () => {
    const x = buildInteractions([]);
    expect(x.userIds).toEqual([]);
    expect(Array.from(x.userPtr)).toEqual([0]);
    expect(numInteractions(x)).toBe(0);
    const y = buildInteractions([], { users: ['a'], items: ['b'] });
    expect(Array.from(y.userPtr)).toEqual([0, 0]);
    expect(Array.from(y.itemPtr)).toEqual([0, 0]);
  });

  it('is plain data: a structured clone is equal', () => {
    const x = buildInteractions(rows);
    expect(structuredClone(x)).toEqual(x);
  });

  it('has a consistent CSC copy on a larger random matrix', () => {
    const many: Interaction[] = [];
    for (let k = 0; k < 500; k++)
      many.push({ user: `u${(k * 7919) % 53}`, item: `i${(k * 104729) % 41}`, value: k % 5 });
    const x = buildInteractions(many);
    const dense = (get: (u: number, i: number) => number) =>
      x.userIds.map((_, u) => x.itemIds.map((_, i) => get(u, i)));
    const fromCsc = (u: number, i: number) => {
      const c = itemColumn(x, i);
      const p = Array.from(c.users).indexOf(u);
      return p < 0 ? 0 : c.values[p];
    };
    expect(dense(fromCsc)).toEqual(dense((u, i) => valueAt(x, u, i)));
    for (let u = 0; u < x.userIds.length; u++) {
      const items = Array.from(userRow(x, u).items);
      expect(items).toEqual([...items].sort((a, b) => a - b));
    }
  });

  it('names the row of a bad value, time or id', () => {
    expect(() =>
      buildInteractions([
        { user: 'a', item: 'b' },
        { user: 'a', item: 'c', value: NaN },
      ]),
    ).toThrow("row 2 (user 'a', item 'c'): value is NaN; values must be finite numbers");
    expect(() => buildInteractions([{ user: 'a', item: 'b', time: Infinity }])).toThrow(
      "row 1 (user 'a', item 'b'): time is Infinity",
    );
    expect(() => buildInteractions([{ user: '', item: 'b' }])).toThrow(
      'row 1: user is ""; ids must be non-empty strings',
    );
    expect(() => buildInteractions(JSON.parse('[{"user":"a","item":7}]'))).toThrow(
      'row 1: item is 7; ids must be non-empty strings (convert numbers with String(…)',
    );
    expect(() => buildInteractions([{ user: 'x', item: 'b' }], { users: ['a'] })).toThrow(
      "row 1: user 'x' is not in options.users; add it there or drop the row",
    );
    expect(() => buildInteractions([], { items: ['a', 'a'] })).toThrow("options.items lists 'a' twice");
    expect(() => buildInteractions([], { duplicate: JSON.parse('"mean"') })).toThrow(
      "invalid duplicate: mean (must be 'sum', 'last' or 'max')",
    );
  });
});
