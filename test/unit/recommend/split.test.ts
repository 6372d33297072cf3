import { describe, expect, it } from 'vitest';
import {
  buildInteractions,
  coldStartSplit,
  leaveLastOut,
  numInteractions,
  randomSplit,
  temporalSplit,
  valueAt,
  type Interaction,
  type Interactions,
} from 'dplab/recommend';

const day = 86_400_000;
const t0 = Date.parse('2011-10-01');
const rows: Interaction[] = [];
for (let u = 0; u < 20; u++) {
  for (let i = 0; i < 15; i++) {
    if ((u * 7 + i * 3) % 4 === 0)
      rows.push({
        user: `u${u}`,
        item: `i${i}`,
        value: 1 + ((u + i) % 3),
        time: t0 + ((u + 2 * i) % 60) * day,
      });
  }
}
const x = buildInteractions(rows);

/** The (user, item) → value entries of a matrix, as strings. */
function entries(m: Interactions): string[] {
  const out: string[] = [];
  for (let u = 0; u < m.userIds.length; u++) {
    for (let p = m.userPtr[u]; p < m.userPtr[u + 1]; p++)
      out.push(`${m.userIds[u]}/${m.itemIds[m.userItems[p]]}=${m.userValues[p]}@${m.userTimes[p]}`);
  }
  return out;
}

/** Checks that train and test partition x and share its ids. */
function expectPartition(train: Interactions, test: Interactions): void {
  expect(train.userIds).toEqual(x.userIds);
  expect(test.itemIds).toEqual(x.itemIds);
  expect([...entries(train), ...entries(test)].sort()).toEqual(entries(x).sort());
}

describe('splits', () => {
  it('randomSplit holds out ⌈share · n⌉ interactions, the same for the same seed', () => {
    const { train, test } = randomSplit(x, { test: 0.25, seed: 7 });
    expectPartition(train, test);
    expect(numInteractions(test)).toBe(Math.ceil(0.25 * numInteractions(x)));
    expect(entries(randomSplit(x, { test: 0.25, seed: 7 }).test)).toEqual(entries(test));
    expect(entries(randomSplit(x, { test: 0.25, seed: 8 }).test)).not.toEqual(entries(test));
  });

  it('temporalSplit puts interactions before the cut in train, the rest in test', () => {
    const cut = t0 + 40 * day;
    const { train, test } = temporalSplit(x, { cut });
    expectPartition(train, test);
    expect(Array.from(train.userTimes).every((t) => t < cut)).toBe(true);
    expect(Array.from(test.userTimes).every((t) => t >= cut)).toBe(true);
    expect(entries(temporalSplit(x, { cut: new Date(cut).toISOString() }).test)).toEqual(entries(test));
  });

  it('temporalSplit of rows merges each side and by default drops repeat pairs from test', () => {
    const log: Interaction[] = [
      { user: 'a', item: 'mug', time: 1 },
      { user: 'a', item: 'mug', time: 5 },
      { user: 'a', item: 'tea', time: 6 },
      { user: 'b', item: 'tea', time: 2 },
      { user: 'b', item: 'tea', time: 3 },
      { user: 'c', item: 'pot', time: 7 },
    ];
    const { train, test } = temporalSplit(log, { cut: 4 });
    expect(train.userIds).toEqual(['a', 'b', 'c']);
    expect(test.itemIds).toEqual(['mug', 'tea', 'pot']);
    expect(entries(train)).toEqual(['a/mug=1@1', 'b/tea=2@2']);
    expect(entries(test)).toEqual(['a/tea=1@6', 'c/pot=1@7']);
    expect(entries(temporalSplit(log, { cut: 4, newPairsOnly: false }).test)).toEqual([
      'a/mug=1@5',
      'a/tea=1@6',
      'c/pot=1@7',
    ]);
  });

  it('leaveLastOut holds out each user’s latest n, keeping users with ≤ n in train', () => {
    const y = buildInteractions([
      { user: 'a', item: 'p', time: 3 },
      { user: 'a', item: 'q', time: 9 },
      { user: 'a', item: 'r', time: 9 },
      { user: 'a', item: 's', time: 1 },
      { user: 'b', item: 'p', time: 4 },
    ]);
    const one = leaveLastOut(y);
    expect(entries(one.test)).toEqual(['a/r=1@9']);
    expect(entries(one.train)).toEqual(['a/p=1@3', 'a/q=1@9', 'a/s=1@1', 'b/p=1@4']);
    expect(entries(leaveLastOut(y, { n: 2 }).test)).toEqual(['a/q=1@9', 'a/r=1@9']);
    const big = leaveLastOut(x, { n: 2 });
    expectPartition(big.train, big.test);
  });

  it('coldStartSplit holds out all interactions of a share of the users or items', () => {
    const { train, test } = coldStartSplit(x, { test: 0.3, seed: 3 });
    expectPartition(train, test);
    const held = x.userIds.filter((_, u) => test.userPtr[u + 1] > test.userPtr[u]);
    const active = x.userIds.filter((_, u) => x.userPtr[u + 1] > x.userPtr[u]).length;
    expect(held.length).toBe(Math.ceil(0.3 * active));
    for (let u = 0; u < x.userIds.length; u++) {
      const inTest = test.userPtr[u + 1] > test.userPtr[u];
      if (inTest) expect(train.userPtr[u + 1] - train.userPtr[u]).toBe(0);
    }
    const items = coldStartSplit(x, { by: 'item', test: 0.2, seed: 3 });
    expectPartition(items.train, items.test);
    for (let i = 0; i < x.itemIds.length; i++) {
      if (items.test.itemPtr[i + 1] > items.test.itemPtr[i])
        expect(items.train.itemPtr[i + 1]).toBe(items.train.itemPtr[i]);
    }
    expect(valueAt(items.train, 0, 0) + valueAt(items.test, 0, 0)).toBe(valueAt(x, 0, 0));
  });

  it('rejects bad options and missing times', () => {
    expect(() => randomSplit(x, { test: 1 })).toThrow('invalid test: 1 (a share between 0 and 1');
    expect(() => coldStartSplit(x, { by: JSON.parse('"session"') })).toThrow(
      "invalid by: session (must be 'user' or 'item')",
    );
    expect(() => temporalSplit(x, JSON.parse('{}'))).toThrow(
      "temporalSplit needs a cut, e.g. { cut: '2011-11-01' }",
    );
    expect(() => temporalSplit(x, { cut: 'soon' })).toThrow('invalid cut: soon');
    const untimed = buildInteractions([
      { user: 'a', item: 'b' },
      { user: 'a', item: 'c' },
    ]);
    expect(() => leaveLastOut(untimed)).toThrow("user 'a', item 'b' has no time; leaveLastOut needs times");
    expect(() => temporalSplit(untimed, { cut: 0 })).toThrow('temporalSplit needs times');
    expect(() => temporalSplit([{ user: 'a', item: 'b' }], { cut: 0 })).toThrow('row 1 has no time');
    expect(() => leaveLastOut(x, { n: 0 })).toThrow('invalid n: 0');
  });
});
