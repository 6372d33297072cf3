/**
 * The future-event list of a discrete-event simulation: a binary min-heap of (time, payload) pairs
 * (Williams, "Algorithm 232: Heapsort", *CACM* 7(6), 1964; Law, *Simulation Modeling and Analysis*,
 * 5th ed., 2015, §2.8 on event lists). Events at equal times leave in the order they were pushed (a
 * sequence number breaks ties), so a run does not depend on the heap's internal layout.
 *
 * The payload is one integer (the simulation packs an event kind and a record index into it), kept in
 * parallel arrays so that pushing and popping allocate nothing.
 */
export class EventHeap {
  private times: number[] = [];
  private seqs: number[] = [];
  private payloads: number[] = [];
  private counter = 0;

  /** Number of pending events. */
  get size(): number {
    return this.times.length;
  }

  /** The time of the earliest pending event (Infinity when empty). */
  peekTime(): number {
    return this.times.length > 0 ? this.times[0] : Infinity;
  }

  /** The payload of the earliest pending event (undefined behaviour when empty: check `size`). */
  peekPayload(): number {
    return this.payloads[0];
  }

  push(time: number, payload: number): void {
    if (Number.isNaN(time)) throw new RangeError('EventHeap.push: time is NaN');
    const { times, seqs, payloads } = this;
    const seq = this.counter++;
    let i = times.length;
    times.push(time);
    seqs.push(seq);
    payloads.push(payload);
    // Sift up: move parents down until the new key's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  /** Removes the earliest event and returns its payload; read its time with {@link peekTime} first. */
  pop(): number {
    const { times, seqs, payloads } = this;
    const n = times.length;
    if (n === 0) throw new RangeError('EventHeap.pop: the heap is empty');
    const top = payloads[0];
    const lastTime = times[n - 1];
    const lastSeq = seqs[n - 1];
    const lastPayload = payloads[n - 1];
    times.pop();
    seqs.pop();
    payloads.pop();
    const m = n - 1;
    if (m === 0) return top;
    // Sift down the former last element from the root.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= m) break;
      const right = child + 1;
      if (
        right < m &&
        (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))
      ) {
        child = right;
      }
      const ct = times[child];
      if (ct > lastTime || (ct === lastTime && seqs[child] > lastSeq)) break;
      times[i] = ct;
      seqs[i] = seqs[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = lastTime;
    seqs[i] = lastSeq;
    payloads[i] = lastPayload;
    return top;
  }
}
