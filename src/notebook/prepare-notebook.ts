/**
 * A notebook made ready to show: the parsed document plus the HTML of its prose and of its cells'
 * code. The build does this for the bundled notebooks (so the page shows them without loading a
 * Markdown parser, KaTeX or a highlighter); the page does it lazily for a notebook a student opens.
 * The HTML is not sanitised here: the page sanitises everything it inserts.
 */
import { highlightCode } from './highlight-code.ts';
import type { Notebook } from './notebook.ts';
import { parseNotebook } from './parse-notebook.ts';
import { renderMarkdown } from './render-markdown.ts';

/** A parsed notebook with its prose and code rendered to (unsanitised) HTML. */
export interface PreparedNotebook {
  notebook: Notebook;
  /** HTML of each Markdown block, by block id. */
  markdown: Record<string, string>;
  /** Highlighted HTML of each code cell's source, by cell id. */
  code: Record<string, string>;
}

/** Parses a notebook's text and renders its prose and code. Never throws. */
export function prepareNotebook(text: string): PreparedNotebook {
  const notebook = parseNotebook(text);
  const markdown: Record<string, string> = {};
  const code: Record<string, string> = {};
  for (const block of notebook.blocks) {
    if (block.kind === 'markdown') markdown[block.id] = renderMarkdown(block.source);
    else code[block.id] = highlightCode(block.source, block.lang);
  }
  return { notebook, markdown, code };
}
