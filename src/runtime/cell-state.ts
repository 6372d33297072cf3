import type { CellError, CellStatus, KernelEvent, Output } from '../protocol.ts';

/**
 * What the page knows about one cell, built from the kernel's events by {@link transitionCell}.
 *
 * `protocol.ts` has no "idle" or "never run" status: a cell that has not run since it was created
 * or edited is `stale`, which is also what {@link initialCellState} holds.
 */
export interface CellState {
  status: CellStatus;
  /** The outputs shown, in order; when some were dropped, the last is one `truncated` output. */
  outputs: readonly Output[];
  /** The error of an `error` status. */
  error?: CellError;
  /** Why the cell is `stale` or was queued again, when the kernel said. */
  reason?: string;
  /** Outputs dropped by the caps since the outputs were last replaced. */
  dropped: number;
  /** Characters of output kept, counted against {@link OutputCaps.maxChars}. */
  chars: number;
  /** The last finished run: why the cell ran (e.g. "`k` changed") and how long it took, in ms. */
  lastRun?: { cause: string; ms: number };
}

/** The kernel events about a single cell. */
export type CellEvent = Exclude<KernelEvent, { type: 'idle' } | { type: 'names' }>;

/** How much output one cell keeps. Beyond this, outputs are dropped and counted. */
export interface OutputCaps {
  /** Most output items kept, not counting the `truncated` notice. */
  maxItems: number;
  /** Most characters kept: text of logs and markup, JSON size of inspected values and tables. */
  maxChars: number;
}

/** 1000 items or about 2 MB of text per cell. */
export const DEFAULT_OUTPUT_CAPS: OutputCaps = { maxItems: 1000, maxChars: 2_000_000 };

/** A cell that has not run: `stale`, with no outputs. */
export function initialCellState(): CellState {
  return { status: 'stale', outputs: [], dropped: 0, chars: 0 };
}

/** The characters an output counts for: its text if it is text, or the size of its JSON. */
export function outputSize(output: Output): number {
  switch (output.kind) {
    case 'log':
    case 'truncated':
      return output.text.length;
    case 'html':
      return output.html.length + (output.chart ? JSON.stringify(output.chart).length : 0);
    default:
      return JSON.stringify(output).length;
  }
}

function truncatedNotice(dropped: number, caps: OutputCaps): Output {
  const what = dropped === 1 ? '1 more output was' : `${dropped} more outputs were`;
  const limit = `${caps.maxItems} outputs or ${(caps.maxChars / 1_000_000).toLocaleString('en')} MB of text`;
  return { kind: 'truncated', text: `${what} not shown: a cell shows at most ${limit}` };
}

/**
 * Adds outputs to a state's, within the caps. Once one output is dropped, every later one is too,
 * so what is shown is always a prefix of what the cell produced, followed by a single notice.
 */
function addOutputs(state: CellState, added: readonly Output[], caps: OutputCaps): CellState {
  // The notice, if any, is last; take it off while adding and put a fresh one back.
  const outputs = state.dropped > 0 ? state.outputs.slice(0, -1) : [...state.outputs];
  let { dropped, chars } = state;
  for (const output of added) {
    const size = outputSize(output);
    if (dropped === 0 && outputs.length < caps.maxItems && chars + size <= caps.maxChars) {
      outputs.push(output);
      chars += size;
    } else {
      dropped++;
    }
  }
  if (dropped > 0) outputs.push(truncatedNotice(dropped, caps));
  return { ...state, outputs, dropped, chars };
}

/**
 * The cell's state after an event, without changing the given state.
 *
 * - `status`: takes the status and reason; keeps the outputs (a running cell still shows its last
 *   ones until new ones arrive); keeps the error only for `error`.
 * - `outputs`: replaces the outputs (a run finished), within the caps.
 * - `append`: adds outputs that arrived after the run, within the caps.
 * - `control`: the control with that key shows the new spec (its cell did not re-run).
 * - `ran`: records why the cell ran and how long it took.
 */
export function transitionCell(
  state: CellState,
  event: CellEvent,
  caps: OutputCaps = DEFAULT_OUTPUT_CAPS,
): CellState {
  switch (event.type) {
    case 'status': {
      const next: CellState = { ...state, status: event.status };
      delete next.error;
      delete next.reason;
      if (event.status === 'error' && event.error) next.error = event.error;
      if (event.reason !== undefined) next.reason = event.reason;
      return next;
    }
    case 'outputs':
      return addOutputs({ ...state, outputs: [], dropped: 0, chars: 0 }, event.outputs, caps);
    case 'append':
      return addOutputs(state, event.outputs, caps);
    case 'control':
      return {
        ...state,
        outputs: state.outputs.map((output) =>
          output.kind === 'input' && output.key === event.key ? { ...output, spec: event.spec } : output,
        ),
      };
    case 'ran':
      return { ...state, lastRun: { cause: event.cause, ms: event.ms } };
    default: {
      const unexpected: never = event;
      throw new Error(`unknown cell event ${JSON.stringify(unexpected)}`);
    }
  }
}
