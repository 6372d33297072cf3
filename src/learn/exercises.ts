/**
 * The exercises of a notebook, read from its blocks. The format is a contract that lessons written
 * outside the project rely on:
 *
 * ````md
 * ```ts exercise id=mae title="Mean absolute error of seasonal naïve"
 * const mae = NaN;            // starter code the student completes
 * ```
 * ```ts check for=mae
 * check('mae is a number', Number.isFinite(mae), 'Assign a number to `mae`.');
 * ```
 * ```hint for=mae
 * Markdown, revealed one hint at a time.
 * ```
 * ```ts solution for=mae
 * const mae = …;
 * ```
 * ````
 *
 * Exercise and check cells are cells of the dataflow graph; a solution cell is not (it defines
 * nothing until the student applies it). Hints are fenced blocks inside the prose; the prose
 * renderer leaves them out, and the exercise shows them on request.
 */
import type { CodeCell, Notebook } from '../notebook/notebook.ts';
import type { NotebookProblem } from '../notebook/notebook-problem.ts';
import { parseInfoString } from '../notebook/info-string.ts';
import { splitLines } from '../notebook/split-lines.ts';

/** One exercise: its cell, its checks, hints and solution. */
export interface Exercise {
  /** The `id=` of the exercise cell: the key of the student's progress, stable across edits. */
  id: string;
  /** The `title=`, or the id when there is none. */
  title: string;
  /** The block id of the exercise cell. */
  cellId: string;
  /** Block ids of the check cells (`check for=<id>`), in notebook order. */
  checkIds: string[];
  /** The Markdown of each hint (`hint for=<id>`), in notebook order. */
  hints: string[];
  /** The solution cell (`solution for=<id>`), if the lesson gives one. */
  solution?: { cellId: string; source: string };
}

/** What a code cell is for, from its options. */
export type CellRole = 'exercise' | 'check' | 'solution' | 'plain';

/** The role of a code cell: `exercise`, `check`, `solution` (by its bare option word), or `plain`. */
export function cellRole(cell: CodeCell): CellRole {
  const { options } = cell;
  if (options.solution === true) return 'solution';
  if (options.check === true) return 'check';
  if (options.exercise === true) return 'exercise';
  return 'plain';
}

/** Whether a cell's code is folded behind "Show code" (`hidden` cells and check cells). */
export function codeHidden(cell: CodeCell): boolean {
  return cell.options.hidden === true || cellRole(cell) === 'check';
}

/** A hint fence found in a prose block. */
interface FoundHint {
  for: string;
  text: string;
  line: number;
}

/** A fenced block in prose: its line range (the closing fence included) and info string. */
interface ProseFence {
  start: number;
  end: number;
  info: string;
  closed: boolean;
}

const OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The top-level fences of a prose block, found line by line. (The notebook parser uses markdown-it
 * for this; the page must not load it for every lesson, and hints do not sit in lists or quotes.)
 */
function proseFences(lines: readonly { text: string }[]): ProseFence[] {
  const fences: ProseFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = OPEN.exec(lines[i].text);
    if (!match || (match[1][0] === '`' && match[2].includes('`'))) continue;
    const [, markup, info] = match;
    const closing = new RegExp(`^ {0,3}${markup[0] === '`' ? '`' : '~'}{${markup.length},}[ \t]*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end].text)) end++;
    const closed = end < lines.length;
    fences.push({ start: i, end: closed ? end + 1 : end, info: info.trim(), closed });
    i = closed ? end : end - 1;
  }
  return fences;
}

/** The `hint for=…` fences of a prose block, with their text and line in the file. */
export function hintsIn(source: string, firstLine = 1): FoundHint[] {
  const lines = splitLines(source);
  const found: FoundHint[] = [];
  for (const fence of proseFences(lines)) {
    const { lang, options } = parseInfoString(fence.info);
    if (lang !== 'hint') continue;
    const body = lines.slice(fence.start + 1, fence.closed ? fence.end - 1 : fence.end);
    found.push({
      for: typeof options.for === 'string' ? options.for : '',
      text: body.map((l) => l.text).join('\n'),
      line: firstLine + fence.start,
    });
  }
  return found;
}

/** Whether a prose block holds nothing but hints (then it shows nothing of its own). */
export function onlyHints(source: string): boolean {
  const lines = splitLines(source);
  const covered = new Set<number>();
  for (const fence of proseFences(lines)) {
    if (parseInfoString(fence.info).lang !== 'hint') continue;
    for (let i = fence.start; i < fence.end; i++) covered.add(i);
  }
  return covered.size > 0 && lines.every((line, i) => covered.has(i) || line.text.trim() === '');
}

/**
 * The notebook's exercises in notebook order, and what is wrong with the way they are written (a
 * check, hint or solution for an exercise that does not exist, an exercise without an id or
 * without checks, an id used twice). Never throws.
 */
export function findExercises(notebook: Notebook): { exercises: Exercise[]; problems: NotebookProblem[] } {
  const problems: NotebookProblem[] = [];
  const problem = (line: number, message: string) =>
    problems.push({ line, message: `line ${line}: ${message}` });
  const byId = new Map<string, Exercise>();
  const exercises: Exercise[] = [];
  const attach: {
    role: 'check' | 'solution' | 'hint';
    for: string;
    line: number;
    apply: (e: Exercise) => void;
  }[] = [];

  for (const block of notebook.blocks) {
    if (block.kind === 'markdown') {
      for (const hint of hintsIn(block.source, block.line)) {
        attach.push({ role: 'hint', for: hint.for, line: hint.line, apply: (e) => e.hints.push(hint.text) });
      }
      continue;
    }
    const role = cellRole(block);
    const target = block.options.for;
    if (role === 'exercise') {
      const id = block.options.id;
      if (typeof id !== 'string' || id === '') {
        problem(
          block.line,
          'an exercise needs an id, e.g. ```ts exercise id=mae title="…"; it is shown as a plain cell.',
        );
        continue;
      }
      if (byId.has(id)) {
        problem(block.line, `the exercise id "${id}" is used twice; give each exercise its own id.`);
        continue;
      }
      const title = typeof block.options.title === 'string' ? block.options.title : id;
      const exercise: Exercise = { id, title, cellId: block.id, checkIds: [], hints: [] };
      byId.set(id, exercise);
      exercises.push(exercise);
    } else if (role === 'check') {
      attach.push({
        role,
        for: typeof target === 'string' ? target : '',
        line: block.line,
        apply: (e) => e.checkIds.push(block.id),
      });
    } else if (role === 'solution') {
      attach.push({
        role,
        for: typeof target === 'string' ? target : '',
        line: block.line,
        apply: (e) => (e.solution = { cellId: block.id, source: block.source }),
      });
    }
  }

  // Checks, hints and solutions may come before or after their exercise.
  for (const item of attach) {
    const exercise = byId.get(item.for);
    if (!exercise) {
      const named =
        item.for === ''
          ? `a ${item.role} needs for=<exercise id>`
          : `this ${item.role} is for "${item.for}", but no exercise has that id`;
      problem(item.line, `${named}; it is ignored.`);
      continue;
    }
    item.apply(exercise);
  }
  for (const exercise of exercises) {
    if (exercise.checkIds.length === 0) {
      const line = notebook.blocks.find((b) => b.id === exercise.cellId)?.line ?? 1;
      problem(
        line,
        `the exercise "${exercise.id}" has no check cell (\`\`\`ts check for=${exercise.id}), so it cannot answer back.`,
      );
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { exercises, problems };
}
