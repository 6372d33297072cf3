import { describe, expect, it } from 'vitest';
import { SeededRandom } from 'dplab/stats';
import { EventHeap } from '../../../src/simulate/event-heap.ts';

describe('EventHeap', () => {
  it('pops in time order, equal times in push order', () => {
    const heap = new EventHeap();
    const rng = new SeededRandom(7);
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t = Math.floor(rng.uniform() * 100); // many ties
      times.push(t);
      heap.push(t, i);
    }
    const expected = times.map((t, i) => [t, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const got: number[][] = [];
    while (heap.size > 0) {
      const t = heap.peekTime();
      got.push([t, heap.pop()]);
    }
    expect(got).toEqual(expected);
    expect(heap.peekTime()).toBe(Infinity);
    expect(() => heap.pop()).toThrow(/empty/);
    expect(() => heap.push(NaN, 0)).toThrow(/NaN/);
  });
});
