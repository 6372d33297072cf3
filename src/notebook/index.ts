/**
 * `dplab/notebook`: the notebook document model (parse, edit, serialise) and Markdown rendering.
 * Nothing here touches the DOM, so it runs in Node, in a Web Worker and in the page.
 */
export type { Block, CellText, CodeCell, MarkdownBlock, MarkdownText, Notebook } from './notebook.ts';
export type { NotebookMeta } from './notebook-meta.ts';
export type { NotebookProblem } from './notebook-problem.ts';
export { parseNotebook } from './parse-notebook.ts';
export { serializeNotebook, layoutNotebook, type BlockLayout } from './serialize-notebook.ts';
export { withCellSource, withMarkdownSource, insertCell, removeCell, type NewCell } from './edit-notebook.ts';
export { parseInfoString, isRunnableLang, type InfoString } from './info-string.ts';
export { renderMarkdown } from './render-markdown.ts';
export { highlightCode } from './highlight-code.ts';
export { prepareNotebook, type PreparedNotebook } from './prepare-notebook.ts';
export {
  emptyLayer,
  hasEdits,
  recordEdit,
  resetBlock,
  recordInsert,
  recordRemove,
  applyLayer,
  lineDiff,
  readEditLayer,
  type EditLayer,
  type EditedBlock,
  type InsertedBlock,
  type BlockRef,
  type BlockKind,
  type NewBlock,
  type AppliedLayer,
  type BlockState,
  type DiffLine,
} from './layer/edit-layer.ts';
export {
  toIpynb,
  ipynbText,
  fromIpynb,
  type IpynbNotebook,
  type IpynbCell,
  type IpynbOutput,
  type IpynbExtras,
} from './ipynb/ipynb.ts';
export { encodeShareHash, decodeShareHash, SHARE_LIMIT, SHARE_PREFIX, ShareLinkError } from './share-link.ts';
