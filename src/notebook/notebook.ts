/**
 * The notebook document model: what a `.md` notebook file is made of once parsed.
 *
 * Everything is plain data (structured-clone safe) so a notebook can cross the worker boundary.
 * Treat every object as immutable: edit with the `with…` functions, which return new objects.
 *
 * Each block keeps the exact text it was parsed from (`raw`), so serialising an unedited notebook
 * gives back the same bytes. The serialiser regenerates a block's text only when its `source`
 * differs from the source it was parsed with, so `{ ...cell, source }` is an edit too.
 */
import type { NotebookMeta } from './notebook-meta.ts';
import type { NotebookProblem } from './notebook-problem.ts';

/** The exact text of a Markdown block as found in the file. */
export interface MarkdownText {
  /** The block's bytes in the file, line endings included. */
  readonly text: string;
  /** The `source` this text was parsed into; when the block's `source` differs, the text is regenerated. */
  readonly source: string;
}

/** Markdown prose between code cells (including fenced code in languages that are not runnable). */
export interface MarkdownBlock {
  readonly kind: 'markdown';
  /** `md-1`, `md-2`, … in file order. */
  readonly id: string;
  /**
   * The Markdown, with line endings normalised to `\n`. It starts at a non-blank line and keeps
   * the blank lines that follow it up to the next cell.
   */
  readonly source: string;
  /** 1-based line in the file where the block starts. */
  readonly line: number;
  readonly raw: MarkdownText;
}

/** The exact text of a code cell as found in the file, in the pieces needed to regenerate it. */
export interface CellText {
  /** The opening fence line with its line ending, e.g. "```ts hidden\n". */
  readonly open: string;
  /** The lines between the fences, exactly as in the file. */
  readonly body: string;
  /** The closing fence line with its line ending; `''` when the fence is never closed. */
  readonly close: string;
  /** Blank lines after the closing fence, up to the next block (kept so they round-trip). */
  readonly after: string;
  /** Spaces before the opening fence (0–3); CommonMark removes that much indentation from each body line. */
  readonly indent: number;
  /** The `source` the body was parsed into; when the cell's `source` differs, the body is regenerated. */
  readonly source: string;
}

/** A runnable TypeScript cell: a top-level fenced block whose info string starts with `ts` or `typescript`. */
export interface CodeCell {
  readonly kind: 'code';
  /** `cell-1`, `cell-2`, … in file order. */
  readonly id: string;
  /** The first word of the info string as written (`ts` or `typescript`, any letter case). */
  readonly lang: string;
  /**
   * Options after the language, in the order written: a bare word `hidden` gives `{ hidden: true }`,
   * `id=ma-1` gives `{ id: 'ma-1' }` (quotes around a value are removed). Unknown options are kept.
   */
  readonly options: Record<string, string | true>;
  /** The cell's code without the fences, lines joined with `\n`, no final line ending. */
  readonly source: string;
  /** 1-based line in the file of the opening fence. */
  readonly line: number;
  /**
   * True when the closing fence is missing, so the cell runs to the end of the file and probably
   * swallowed what follows; the app should not run it automatically.
   */
  readonly unclosed: boolean;
  readonly raw: CellText;
}

/** A block of the notebook, in file order. */
export type Block = MarkdownBlock | CodeCell;

/** A parsed notebook. Make one with `parseNotebook`, turn it back into text with `serializeNotebook`. */
export interface Notebook {
  /** Validated front matter; `{}` when there is none or it is unreadable. */
  readonly meta: NotebookMeta;
  readonly blocks: Block[];
  /** Everything wrong with the file, in line order. Empty for a well-formed notebook. */
  readonly problems: NotebookProblem[];
  /**
   * The exact text before the first block: a byte order mark, the front matter with its `---`
   * lines, and blank lines. Kept raw so the front matter round-trips with its comments and layout.
   */
  readonly head: string;
  /** The YAML between the front matter's `---` lines, or `undefined` when the file has no front matter. */
  readonly frontMatter: string | undefined;
  /** Line ending used for regenerated text: the file's first line ending, `\n` when it has none. */
  readonly eol: string;
}
