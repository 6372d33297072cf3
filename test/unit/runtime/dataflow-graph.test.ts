import { describe, expect, it } from 'vitest';
import {
  ancestors,
  buildGraph,
  descendants,
  findCycles,
  type GraphCell,
} from '../../../src/runtime/index.ts';

/** `cell('b', 'y', 'x')`: cell b defines y and references x. Names are space-separated. */
function cell(id: string, defines = '', references = ''): GraphCell {
  const split = (names: string) => names.split(' ').filter(Boolean);
  return { id, defines: split(defines), references: split(references) };
}

describe('buildGraph', () => {
  it('links cells by the names they define and reference', () => {
    const graph = buildGraph([cell('a', 'x'), cell('b', 'y', 'x'), cell('c', 'z', 'x y Math')]);
    expect(graph.definer).toEqual(
      new Map([
        ['x', 'a'],
        ['y', 'b'],
        ['z', 'c'],
      ]),
    );
    expect(graph.upstream('c')).toEqual(['a', 'b']);
    expect(graph.downstream('a')).toEqual(['b', 'c']);
    expect(graph.names('a', 'c')).toEqual(['x']);
    expect(graph.errors.size).toBe(0);
    expect(graph.position('c')).toBe(3);
  });

  it('orders upstream before downstream, whatever the notebook order', () => {
    const graph = buildGraph([
      cell('use', 'total', 'data rate'),
      cell('load', 'data'),
      cell('param', 'rate'),
    ]);
    expect(graph.order).toEqual(['load', 'param', 'use']);
  });

  it('breaks ties by notebook order', () => {
    const graph = buildGraph([
      cell('1', 'a'),
      cell('2', 'b', 'd'),
      cell('3', 'c'),
      cell('4', 'd', 'a'),
      cell('5', 'e'),
    ]);
    // 2 waits for 4; everything else runs top to bottom.
    expect(graph.order).toEqual(['1', '3', '4', '2', '5']);
  });

  it('reports a name defined by several cells on each of them', () => {
    const graph = buildGraph([cell('a', 'x'), cell('b', 'y'), cell('c', 'x'), cell('d', 'z', 'x')]);
    const message = 'x is defined by more than one cell (cells 1 and 3); rename one of them';
    expect(graph.errors.get('a')).toEqual({ name: 'DataflowError', message });
    expect(graph.errors.get('c')).toEqual({ name: 'DataflowError', message });
    expect(graph.duplicates.get('x')).toEqual(['a', 'c']);
    expect(graph.definer.has('x')).toBe(false);
    // The user of x depends on both definers, and runs (to go stale) after neither.
    expect(graph.upstream('d')).toEqual(['a', 'c']);
    expect(graph.order).toEqual(['b', 'd']);
  });

  it('lists three or more duplicate definers', () => {
    const graph = buildGraph([cell('a', 'x'), cell('b', 'x'), cell('c', 'x')]);
    expect(graph.errors.get('b')?.message).toBe(
      'x is defined by more than one cell (cells 1, 2 and 3); rename one of them',
    );
  });

  it('reports a cycle on each cell in it, starting from that cell', () => {
    const graph = buildGraph([
      cell('1', 'p'),
      cell('2', 'q', 'p'),
      cell('3', 'a', 'b'),
      cell('4', 'b', 'a'),
      cell('5', 'r', 'a'),
    ]);
    expect(graph.errors.get('3')).toEqual({
      name: 'DataflowError',
      message: 'circular definition: cell 3 (a) → cell 4 (b) → cell 3',
    });
    expect(graph.errors.get('4')?.message).toBe('circular definition: cell 4 (b) → cell 3 (a) → cell 4');
    expect(graph.cycles.get('3')).toEqual(['3', '4']);
    expect(graph.errors.has('5')).toBe(false);
    expect(graph.order).toEqual(['1', '2', '5']);
  });

  it('finds longer cycles', () => {
    const graph = buildGraph([cell('a', 'x', 'z'), cell('b', 'y', 'x'), cell('c', 'z', 'y')]);
    expect(graph.errors.get('b')?.message).toBe(
      'circular definition: cell 2 (y) → cell 3 (z) → cell 1 (x) → cell 2',
    );
    expect(graph.order).toEqual([]);
  });

  it('joins a duplicate and a cycle error on the same cell', () => {
    const graph = buildGraph([cell('a', 'x', 'y'), cell('b', 'y', 'x'), cell('c', 'x')]);
    expect(graph.errors.get('a')?.message.split('\n')).toHaveLength(2);
  });

  it('ignores a cell referencing its own names', () => {
    const graph = buildGraph([cell('a', 'x', 'x')]);
    expect(graph.errors.size).toBe(0);
    expect(graph.order).toEqual(['a']);
  });
});

describe('descendants and ancestors', () => {
  const graph = buildGraph([
    cell('a', 'x'),
    cell('b', 'y', 'x'),
    cell('c', 'z', 'y'),
    cell('d', 'w'),
    cell('e', 'v', 'x w'),
  ]);

  it('follow edges transitively, without the start cells', () => {
    expect(descendants(graph, ['a'])).toEqual(new Set(['b', 'c', 'e']));
    expect(descendants(graph, ['b', 'd'])).toEqual(new Set(['c', 'e']));
    expect(ancestors(graph, ['c'])).toEqual(new Set(['b', 'a']));
    expect(ancestors(graph, ['e'])).toEqual(new Set(['a', 'd']));
    expect(descendants(graph, ['c'])).toEqual(new Set());
  });

  it('include cells with errors', () => {
    const cyclic = buildGraph([cell('a', 'x'), cell('b', 'y', 'x z'), cell('c', 'z', 'y')]);
    expect(descendants(cyclic, ['a'])).toEqual(new Set(['b', 'c']));
  });
});

describe('findCycles', () => {
  it('finds self-loops and shortest cycles', () => {
    const edges: Record<string, string[]> = { a: ['a'], b: ['c'], c: ['b', 'd'], d: ['b'], e: [] };
    const cycles = findCycles(Object.keys(edges), (id) => edges[id]);
    expect(cycles.get('a')).toEqual(['a']);
    expect(cycles.get('b')).toEqual(['b', 'c']);
    expect(cycles.get('d')).toEqual(['d', 'b', 'c']);
    expect(cycles.has('e')).toBe(false);
  });
});
