import { describe, expect, it } from 'vitest';
import type { InspectNode } from '../../../src/protocol.ts';
import { inspect } from '../../../src/kernel/display/inspect.ts';

/** The node of an object, or a failed expectation. */
function object(node: InspectNode): Extract<InspectNode, { type: 'object' }> {
  if (node.type !== 'object') throw new Error(`expected an object node, got ${JSON.stringify(node)}`);
  return node;
}

describe('inspect: primitives', () => {
  it.each([
    [1.5, 'number', '1.5'],
    [-0, 'number', '-0'],
    [NaN, 'number', 'NaN'],
    [Infinity, 'number', 'Infinity'],
    [-Infinity, 'number', '-Infinity'],
    ['he said "hi"\n', 'string', '"he said \\"hi\\"\\n"'],
    [true, 'boolean', 'true'],
    [12n, 'bigint', '12n'],
    [Symbol('tag'), 'symbol', 'Symbol(tag)'],
    [undefined, 'undefined', 'undefined'],
    [null, 'null', 'null'],
  ])('%s', (value, kind, text) => {
    expect(inspect(value)).toEqual({ type: 'primitive', kind, text });
  });

  it('cuts long strings and says how long they were', () => {
    const node = inspect('x'.repeat(5000), { stringLength: 10 });
    expect(node).toEqual({ type: 'primitive', kind: 'string', text: '"xxxxxxxxxx"… (5,000 characters)' });
  });
});

describe('inspect: dates, functions, errors, regexps', () => {
  it('shows dates as ISO text, and invalid dates as such', () => {
    expect(inspect(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toEqual({
      type: 'date',
      text: '2024-01-02T03:04:05.000Z',
    });
    expect(inspect(new Date(NaN))).toEqual({ type: 'date', text: 'Invalid Date' });
  });

  it('shows functions with their parameters', () => {
    function add(a: number, b = [1, 2]) {
      return a + b.length;
    }
    async function load(url: string) {
      return url;
    }
    function* walk(tree: unknown) {
      yield tree;
    }
    expect(inspect(add)).toEqual({ type: 'function', text: 'ƒ add(a, b = [1, 2])' });
    expect(inspect(load)).toEqual({ type: 'function', text: 'async ƒ load(url)' });
    expect(inspect(walk)).toEqual({ type: 'function', text: 'ƒ* walk(tree)' });
    expect(inspect((x: number) => x)).toEqual({ type: 'function', text: 'ƒ(x)' });
    expect(inspect(class Point {})).toEqual({ type: 'function', text: 'class Point' });
    expect(inspect(Math.max)).toEqual({ type: 'function', text: 'ƒ max()' });
  });

  it('shows errors as name and message', () => {
    expect(inspect(new RangeError('too far'))).toEqual({ type: 'error', text: 'RangeError: too far' });
  });

  it('shows regular expressions as their source', () => {
    expect(object(inspect(/ab+c/gi))).toMatchObject({ kind: 'RegExp', summary: '/ab+c/gi', entries: [] });
  });
});

describe('inspect: collections', () => {
  it('summarises arrays and caps their entries', () => {
    const node = object(inspect(Array.from({ length: 144 }, (_, i) => 112 + i * 6)));
    expect(node.kind).toBe('Array');
    expect(node.summary).toMatch(/^Array\(144\) \[112, 118, 124, .*, …\]$/);
    expect(node.entries).toHaveLength(100);
    expect(node.entries[1]).toEqual({ key: '1', value: { type: 'primitive', kind: 'number', text: '118' } });
    expect(node.more).toBe(44);
  });

  it('summarises typed arrays without visiting every element', () => {
    const node = object(inspect(new Float64Array(10_000_000), { entries: 3 }));
    expect(node).toMatchObject({ kind: 'Float64Array', more: 9_999_997 });
    expect(node.summary.startsWith('Float64Array(10000000) [0, 0, 0')).toBe(true);
  });

  it('shows plain objects and class instances', () => {
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
    }
    expect(object(inspect({ a: 1, 'b c': 'x', nested: { d: [1] } })).summary).toBe(
      'Object {a: 1, "b c": "x", nested: Object}',
    );
    const point = object(inspect(new Point(1, 2)));
    expect(point).toMatchObject({ kind: 'Point', summary: 'Point {x: 1, y: 2}', more: 0 });
    expect(point.entries.map((e) => e.key)).toEqual(['x', 'y']);
    expect(object(inspect(Object.create(null))).summary).toBe('Object {}');
  });

  it('inspects Map keys as nodes', () => {
    const node = object(
      inspect(
        new Map<unknown, unknown>([
          ['a', 1],
          ['b', { c: 2 }],
          [3, 'c'],
        ]),
      ),
    );
    expect(node.summary).toBe('Map(3) {"a" => 1, "b" => Object, 3 => "c"}');
    expect(node.entries[0]).toEqual({
      key: { type: 'primitive', kind: 'string', text: '"a"' },
      value: { type: 'primitive', kind: 'number', text: '1' },
    });
  });

  it('shows Sets and Promises', () => {
    expect(object(inspect(new Set([1, 'two', [3]]))).summary).toBe('Set(3) {1, "two", Array(1)}');
    expect(object(inspect(Promise.resolve(1)))).toMatchObject({ kind: 'Promise', summary: 'Promise {…}' });
  });
});

describe('inspect: hostile values', () => {
  it('cuts cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    a.list = [a];
    const node = object(inspect(a));
    expect(node.entries.find((e) => e.key === 'self')?.value).toEqual({
      type: 'truncated',
      summary: '[circular]',
    });
    const list = object(node.entries.find((e) => e.key === 'list')!.value);
    expect(list.entries[0].value).toEqual({ type: 'truncated', summary: '[circular]' });
  });

  it('repeats an object that is shared but not circular', () => {
    const shared = { n: 1 };
    const node = object(inspect([shared, shared]));
    expect(node.entries.map((e) => e.value.type)).toEqual(['object', 'object']);
  });

  it('shows what a throwing getter threw, and does not call getters for summaries', () => {
    let calls = 0;
    const value = {
      get bad(): number {
        throw new Error('nope');
      },
      get counted(): number {
        return ++calls;
      },
    };
    const node = object(inspect(value));
    expect(node.summary).toBe('Object {bad: (…), counted: (…)}');
    expect(node.entries[0].value).toEqual({ type: 'error', text: '[getter threw Error: nope]' });
    expect(calls).toBe(1);
  });

  it('survives proxies that throw', () => {
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(inspect(proxy)).toEqual({ type: 'error', text: '[cannot inspect: Error: trap]' });
  });
});

describe('inspect: caps', () => {
  it('sends objects beyond the depth cap as truncated summaries', () => {
    let node: InspectNode = inspect([[[[[1]]]]]);
    for (let depth = 0; depth <= 3; depth++) node = object(node).entries[0].value;
    expect(node).toEqual({ type: 'truncated', summary: 'Array(1) [1]' });
  });

  it('stops at the total node budget', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ i, values: [i, i + 1, i + 2] }));
    const count = (n: InspectNode): number =>
      n.type === 'object' ? 1 + n.entries.reduce((s, e) => s + count(e.value), 0) : 1;
    const node = object(inspect(rows, { nodes: 100 }));
    expect(count(node)).toBeLessThanOrEqual(100);
    expect(node.more).toBeGreaterThan(0);
    expect(node.entries.length + node.more).toBe(50);
  });
});
