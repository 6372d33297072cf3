/**
 * Gathers one run's outputs and enforces the caps, so that a runaway loop of `console.log` or
 * `display` cannot flood the page (or the structured clone that carries outputs to it).
 */
import type { Output } from '../../protocol.ts';
import { DEFAULT_OUTPUT_CAPS, outputSize, type OutputCaps } from '../../runtime/index.ts';

/** Collects outputs in order; beyond the caps it counts what it drops and says so once. */
export class OutputCollector {
  readonly outputs: Output[] = [];
  private chars = 0;
  private dropped = 0;
  private readonly caps: OutputCaps;

  /** The page applies the same caps (see the runtime's cell state), so nothing kept here is cut there. */
  constructor(caps: OutputCaps = DEFAULT_OUTPUT_CAPS) {
    this.caps = caps;
  }

  /** Adds an output, or counts it as dropped when a cap is reached. Returns whether it was kept. */
  push(output: Output): boolean {
    const size = outputSize(output);
    if (this.outputs.length >= this.caps.maxItems - 1 || this.chars + size > this.caps.maxChars) {
      this.dropped++;
      return false;
    }
    this.chars += size;
    this.outputs.push(output);
    return true;
  }

  /** Everything collected, with a final note when something was dropped. */
  result(): Output[] {
    this.drained = this.outputs.length;
    this.reported = this.dropped;
    return this.dropped === 0 ? [...this.outputs] : [...this.outputs, this.note()];
  }

  /**
   * Outputs added since the last `result` or `drain` (output that arrives after a run ended, from a
   * timer say), with a note when more were dropped since then.
   */
  drain(): Output[] {
    const fresh = this.outputs.slice(this.drained);
    this.drained = this.outputs.length;
    if (this.dropped > this.reported) {
      this.reported = this.dropped;
      fresh.push(this.note());
    }
    return fresh;
  }

  private note(): Output {
    const n = this.dropped;
    return {
      kind: 'truncated',
      text: `Output truncated: ${n} more item${n === 1 ? '' : 's'} not shown (a cell shows at most ${this.caps.maxItems} items and ${this.caps.maxChars / 1e6} MB of text). Print less, or summarise before printing.`,
    };
  }

  private drained = 0;
  private reported = 0;
}
