/**
 * Finding the YAML front matter at the start of a notebook file.
 *
 * Front matter is a first line `---`, YAML, then a line `---` (or `...`, YAML's own end marker).
 * Only lines that are exactly the marker (trailing spaces allowed) count, so `---` inside a YAML
 * string or an indented block scalar does not end it.
 */
import type { NotebookProblem } from './notebook-problem.ts';
import type { Line } from './split-lines.ts';

/** Where the front matter is, as found by {@link findFrontMatter}. */
export interface FrontMatter {
  /** How many lines it takes, both `---` lines included; 0 when there is none. */
  lineCount: number;
  /** The YAML between the markers (raw, line endings kept), or `undefined` when there is none. */
  yaml: string | undefined;
  /** A problem when the front matter is opened but never closed. */
  problems: NotebookProblem[];
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Finds front matter at the start of a file's lines (after any byte order mark).
 *
 * When the opening `---` is never closed, the file is read as if it had no front matter (the
 * rest still parses, and a leading `---` is then a Markdown rule) and a problem names line 1.
 */
export function findFrontMatter(lines: readonly Line[]): FrontMatter {
  const first = lines[0];
  if (first === undefined || !OPEN.test(first.text)) return { lineCount: 0, yaml: undefined, problems: [] };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && CLOSE.test(line.text)) {
      let yaml = '';
      for (let j = 1; j < i; j++) {
        const l = lines[j];
        if (l !== undefined) yaml += l.text + l.eol;
      }
      return { lineCount: i + 1, yaml, problems: [] };
    }
  }
  return {
    lineCount: 0,
    yaml: undefined,
    problems: [
      {
        line: 1,
        message:
          'line 1: the front matter that starts with --- is never closed; add a line with --- after the YAML ' +
          '(or remove the first line if it is not front matter).',
      },
    ],
  };
}
