/**
 * A student's progress through the course: per notebook, the state of each exercise (keyed by its
 * id, so progress survives lesson updates and reordering) and the code they last had in it. Plain
 * data, stored in IndexedDB by the page and written out by "Download progress".
 */
import type { ExerciseStatus } from './exercise-state.ts';

/** One exercise as last seen. */
export interface ExerciseProgress {
  id: string;
  title: string;
  status: ExerciseStatus;
  score: number;
  total: number;
  /** The student's code in the exercise cell. */
  code: string;
  /** When the state last changed (ISO time). */
  updated: string;
}

/** One notebook's progress. */
export interface NotebookProgress {
  /** The student-work key: where the notebook came from and its file name (`bundled:02-….md`). */
  key: string;
  title: string;
  /** When the notebook was first and last opened (ISO times). */
  firstOpened: string;
  lastOpened: string;
  /** By exercise id. */
  exercises: Record<string, ExerciseProgress>;
}

/** Exercises passed and in all, for a header or the sidebar. */
export function passedCount(progress: NotebookProgress | undefined): { passed: number; total: number } {
  const all = Object.values(progress?.exercises ?? {});
  return { passed: all.filter((e) => e.status === 'passed').length, total: all.length };
}

/** Reads what was stored, dropping what is malformed instead of failing. */
export function readNotebookProgress(value: unknown): NotebookProgress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<NotebookProgress>;
  if (typeof v.key !== 'string' || typeof v.exercises !== 'object' || v.exercises === null) return undefined;
  const exercises: Record<string, ExerciseProgress> = {};
  for (const [id, e] of Object.entries(v.exercises)) {
    if (typeof e !== 'object' || e === null || typeof e.status !== 'string') continue;
    exercises[id] = {
      id,
      title: typeof e.title === 'string' ? e.title : id,
      status: e.status,
      score: Number(e.score) || 0,
      total: Number(e.total) || 0,
      code: typeof e.code === 'string' ? e.code : '',
      updated: typeof e.updated === 'string' ? e.updated : '',
    };
  }
  return {
    key: v.key,
    title: typeof v.title === 'string' ? v.title : v.key,
    firstOpened: typeof v.firstOpened === 'string' ? v.firstOpened : '',
    lastOpened: typeof v.lastOpened === 'string' ? v.lastOpened : '',
    exercises,
  };
}

const STATUS_TEXT: Record<ExerciseStatus, string> = {
  'not-attempted': 'not attempted',
  waiting: 'waiting',
  failed: 'not yet',
  partial: 'partly done',
  passed: 'passed',
};

/** The words a student reads for a state. */
export function statusText(status: ExerciseStatus): string {
  return STATUS_TEXT[status];
}

/** A readable summary to hand in: each notebook, each exercise's state and score, and the code. */
export function progressMarkdown(notebooks: readonly NotebookProgress[], when: Date): string {
  const lines = [`# Data Products Lab — progress`, '', `Written ${when.toISOString()}.`, ''];
  for (const nb of notebooks) {
    const { passed, total } = passedCount(nb);
    lines.push(
      `## ${nb.title}`,
      '',
      `${passed} of ${total} exercises passed. Last opened ${nb.lastOpened}.`,
      '',
    );
    for (const e of Object.values(nb.exercises)) {
      const score = e.total > 0 ? ` (${e.score} of ${e.total})` : '';
      lines.push(`### ${e.title} — ${statusText(e.status)}${score}`, '', '```ts', e.code, '```', '');
    }
  }
  return lines.join('\n');
}
