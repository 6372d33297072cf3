/**
 * Finding the fenced code blocks at the top level of a Markdown text.
 *
 * markdown-it's block parser decides what is a fence, so the notebook agrees with how the prose
 * is rendered: fences inside list items or block quotes, inside raw HTML blocks, or indented by
 * four spaces (indented code) are not top-level fences and stay part of the Markdown. Only the
 * block parser runs (no inline parsing, no rendering). `html: true` matches the renderer, since
 * it changes where HTML blocks end.
 */
import MarkdownIt from 'markdown-it';
import type { Line } from './split-lines.ts';

/** A top-level fenced block, by line index into the lines it was found in. */
export interface Fence {
  /** Index of the opening fence line. */
  start: number;
  /** Index one past the block's last line (the closing fence, or the end of the text). */
  end: number;
  /** The fence characters, e.g. "```" or "~~~~". */
  markup: string;
  /** Whether a closing fence was found; when not, the block runs to the end of the text. */
  closed: boolean;
}

const parser = new MarkdownIt({ html: true });
// Fences are block-level; skipping the inline pass (emphasis, links, …) makes parsing several times faster.
// (`true`: a rule missing from a future markdown-it version is not an error.)
parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

/**
 * Finds top-level fences in `lines`. Line indexes agree with `lines` because markdown-it splits
 * lines at `\r\n`, `\n` and `\r`, as {@link splitLines} does.
 */
export function findFences(lines: readonly Line[]): Fence[] {
  let text = '';
  for (const line of lines) text += line.text + line.eol;
  const fences: Fence[] = [];
  for (const token of parser.parse(text, {})) {
    if (token.type !== 'fence' || token.level !== 0 || token.map === null) continue;
    const [start, end] = token.map;
    const last = lines[end - 1];
    const closed = end - start >= 2 && last !== undefined && isClosingFence(last.text, token.markup);
    fences.push({ start, end, markup: token.markup, closed });
  }
  return fences;
}

/**
 * CommonMark's closing fence: up to three spaces, then at least as many of the same fence
 * character as the opening fence, then only spaces or tabs. (A tab before the fence indents it
 * to column 4, which makes it content, so only spaces are allowed in front.)
 */
export function isClosingFence(text: string, markup: string): boolean {
  const char = markup[0] === '~' ? '~' : '`';
  const match = /^ {0,3}([`~]+)[ \t]*$/.exec(text);
  const run = match?.[1];
  return (
    run !== undefined &&
    run[0] === char &&
    run.length >= markup.length &&
    !run.includes(char === '`' ? '~' : '`')
  );
}
