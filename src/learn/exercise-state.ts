/**
 * An exercise's state, worked out from the run state of its cells: one pure function, so the page,
 * the progress file and the tests agree on what `passed` means.
 *
 * The states (shown on the page as `data-state`):
 * - `not-attempted`: the exercise cell still holds the starter code;
 * - `waiting`: a cell the exercise reads (not the exercise itself) is queued, running, failed or
 *   not run, so the checks cannot say anything yet; or the answer is being checked right now;
 * - `failed`: no check passed, the exercise cell threw, or a check cell could not run;
 * - `partial`: some checks passed (score m of n, by weight);
 * - `passed`: every check passed.
 */
import type { CellState } from '../runtime/cell-state.ts';
import type { Output } from '../protocol.ts';
import type { Exercise } from './exercises.ts';

export type ExerciseStatus = 'not-attempted' | 'waiting' | 'failed' | 'partial' | 'passed';

/** One check as the student sees it. */
export type CheckResult = Omit<Extract<Output, { kind: 'check' }>, 'kind'>;

/** What the page shows beside an exercise. */
export interface ExerciseState {
  status: ExerciseStatus;
  /** Weight of the checks passed, and of all checks reported (0 of 0 before any ran). */
  score: number;
  total: number;
  /** Every check the check cells reported, in order. */
  checks: CheckResult[];
  /** Why the state is `waiting` or `failed` when the checks alone do not say (an error, a cell not run). */
  reason?: string;
}

/** What {@link exerciseState} needs besides the exercise. */
export interface ExerciseContext {
  /** Whether the student changed the exercise cell from its starter code (or applied the solution). */
  attempted: boolean;
  /** Run state of each cell, by id. */
  cells: ReadonlyMap<string, CellState>;
  /** Every cell the exercise cell reads from, directly or not. */
  upstream: readonly string[];
  /** A cell's number as the page shows it (`[3]`), for messages. */
  position(id: string): number;
}

const BUSY = new Set(['queued', 'running']);

/** Why a cell the exercise reads keeps it waiting, or `undefined` when it has its value. */
function blocking(state: CellState | undefined): string | undefined {
  switch (state?.status) {
    case undefined:
    case 'stale':
      return 'has not run';
    case 'queued':
      return 'is queued';
    case 'running':
      return 'is running';
    case 'error':
      return 'failed';
    case 'interrupted':
      return 'was interrupted';
    default:
      return undefined;
  }
}

/** The exercise's state from its cells' states; see the module comment. */
export function exerciseState(exercise: Exercise, context: ExerciseContext): ExerciseState {
  const { cells } = context;
  const checks = exercise.checkIds.flatMap((id) =>
    (cells.get(id)?.outputs ?? []).flatMap((o): CheckResult[] => {
      if (o.kind !== 'check') return [];
      const { kind: _kind, ...result } = o;
      return [result];
    }),
  );
  const total = checks.reduce((sum, c) => sum + c.weight, 0);
  const score = checks.reduce((sum, c) => sum + (c.passed ? c.weight : 0), 0);
  const state = (status: ExerciseStatus, reason?: string): ExerciseState =>
    reason === undefined ? { status, score, total, checks } : { status, score, total, checks, reason };

  if (!context.attempted) return { status: 'not-attempted', score: 0, total, checks: [] };

  for (const id of context.upstream) {
    const why = blocking(cells.get(id));
    if (why) return state('waiting', `Waiting for cell ${context.position(id)}, which ${why}.`);
  }

  const own = cells.get(exercise.cellId);
  if (own?.status === 'error') {
    const error = own.error;
    return state('failed', error ? `Your code threw ${error.name}: ${error.message}` : 'Your code failed.');
  }
  if (own?.status === 'interrupted') return state('failed', 'Your code was interrupted before it finished.');
  if (own === undefined || own.status === 'stale') return state('waiting', 'Run your code to check it.');
  const checkStates = exercise.checkIds.map((id) => cells.get(id));
  if (BUSY.has(own.status) || checkStates.some((s) => s !== undefined && BUSY.has(s.status))) {
    return state('waiting', 'Checking your answer…');
  }
  for (const [i, s] of checkStates.entries()) {
    if (s?.status === 'error') {
      const error = s.error;
      return state(
        'failed',
        `A check could not run (${error ? `${error.name}: ${error.message}` : 'it failed'}). Keep the names the exercise asks for.`,
      );
    }
    if (s === undefined || s.status !== 'ok') {
      return state(
        'waiting',
        `The checks in cell ${context.position(exercise.checkIds[i])} have not run yet.`,
      );
    }
  }
  if (checks.length === 0) return state('failed', 'The checks reported nothing.');
  if (score === total) return state('passed');
  return state(score > 0 ? 'partial' : 'failed');
}
