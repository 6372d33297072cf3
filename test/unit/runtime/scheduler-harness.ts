import type { CellStatus } from '../../../src/protocol.ts';
import {
  Scheduler,
  buildGraph,
  type ExecuteResult,
  type GraphCell,
  type RunToken,
  type StatusDetail,
} from '../../../src/runtime/index.ts';

/** Test helpers for the scheduler tests: a fake kernel that records what ran. */

export function cell(id: string, defines = '', references = ''): GraphCell {
  const split = (names: string) => names.split(' ').filter(Boolean);
  return { id, defines: split(defines), references: split(references) };
}

/**
 * A scheduler with a fake kernel. Cells run at once and succeed, unless listed in `failing`, or
 * `held` (they then wait for `release(id)`). A cell has a value once it has run successfully.
 */
export function setup(cells: GraphCell[]) {
  const runs: string[] = [];
  const tokens: RunToken[] = [];
  const events: { id: string; status: CellStatus; detail?: StatusDetail }[] = [];
  const values = new Set<string>();
  const failing = new Map<string, ExecuteResult>();
  const held = new Set<string>();
  const waiting = new Map<string, () => void>();
  let idles = 0;

  const scheduler = new Scheduler({
    graph: buildGraph(cells),
    execute: async (id, token) => {
      runs.push(id);
      tokens.push(token);
      if (held.has(id)) await new Promise<void>((resolve) => waiting.set(id, resolve));
      const result = failing.get(id) ?? 'ok';
      if (result === 'ok' && !token.superseded()) values.add(id);
      return result;
    },
    onStatus: (id, status, detail) => events.push(detail ? { id, status, detail } : { id, status }),
    hasValue: (id) => values.has(id),
    onIdle: () => idles++,
  });

  /** Lets a held cell finish, then lets the loop move on. */
  const release = async (id: string): Promise<void> => {
    held.delete(id);
    const resume = waiting.get(id);
    waiting.delete(id);
    resume?.();
    await flush();
  };
  const statuses = (id: string) => events.filter((e) => e.id === id).map((e) => e.status);
  const last = (id: string) => events.filter((e) => e.id === id).at(-1);
  return {
    scheduler,
    runs,
    tokens,
    events,
    values,
    failing,
    held,
    release,
    statuses,
    last,
    idles: () => idles,
  };
}

/** Lets pending promise callbacks run (no timers involved). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
