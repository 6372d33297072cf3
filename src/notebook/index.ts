/**
 * `dplab/notebook`: the notebook document model (parse, edit, serialise) and Markdown rendering.
 * Nothing here touches the DOM, so it runs in Node, in a Web Worker and in the page.
 */
export type {
  Block,
  CellText,
  CodeCell,
  MarkdownBlock,
  MarkdownText,
  Notebook,
  NotebookMeta,
  NotebookProblem,
} from './notebook.ts';
export { parseNotebook } from './parse-notebook.ts';
export { serializeNotebook, layoutNotebook, type BlockLayout } from './serialize-notebook.ts';
export { withCellSource, withMarkdownSource, insertCell, removeCell, type NewCell } from './edit-notebook.ts';
export { parseInfoString, isRunnableLang, type InfoString } from './info-string.ts';
export { renderMarkdown } from './render-markdown.ts';
export { highlightCode } from './highlight-code.ts';
export { prepareNotebook, type PreparedNotebook } from './prepare-notebook.ts';
