/**
 * The k largest scores with their indices, best first, by a size-k min-heap (O(n log k)). Ties are
 * broken by the smaller index, so results do not depend on the engine's sort. Scores that are not
 * finite (−∞ marks "not a candidate", NaN "unknown") are never selected.
 */

/** An index with its score. */
export interface IndexScore {
  index: number;
  score: number;
}

/** The best k entries of `scores` (fewer when fewer are finite), best first. */
export function topK(scores: ArrayLike<number>, k: number): IndexScore[] {
  const heap = new TopKHeap(k);
  for (let i = 0; i < scores.length; i++) heap.push(i, scores[i]);
  return heap.sorted();
}

/** A bounded heap keeping the k best (index, score) pairs seen; `push` is O(log k). */
export class TopKHeap {
  private readonly idx: Int32Array;
  private readonly val: Float64Array;
  private n = 0;

  constructor(readonly k: number) {
    this.idx = new Int32Array(Math.max(0, k));
    this.val = new Float64Array(Math.max(0, k));
  }

  get size(): number {
    return this.n;
  }

  /** Empties the heap for reuse. */
  clear(): void {
    this.n = 0;
  }

  push(index: number, score: number): void {
    if (!Number.isFinite(score) || this.k === 0) return;
    if (this.n < this.k) {
      this.idx[this.n] = index;
      this.val[this.n] = score;
      this.up(this.n++);
    } else if (worse(this.val[0], this.idx[0], score, index)) {
      this.idx[0] = index;
      this.val[0] = score;
      this.down(0);
    }
  }

  /** The entries, best first (the heap is left intact). */
  sorted(): IndexScore[] {
    const out: IndexScore[] = [];
    for (let i = 0; i < this.n; i++) out.push({ index: this.idx[i], score: this.val[i] });
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(this.val[i], this.idx[i], this.val[p], this.idx[p])) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.n && worse(this.val[l], this.idx[l], this.val[m], this.idx[m])) m = l;
      if (r < this.n && worse(this.val[r], this.idx[r], this.val[m], this.idx[m])) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const ti = this.idx[a];
    this.idx[a] = this.idx[b];
    this.idx[b] = ti;
    const tv = this.val[a];
    this.val[a] = this.val[b];
    this.val[b] = tv;
  }
}

/** Whether (s1, i1) ranks below (s2, i2): a lower score, or an equal score and a larger index. */
function worse(s1: number, i1: number, s2: number, i2: number): boolean {
  return s1 < s2 || (s1 === s2 && i1 > i2);
}
