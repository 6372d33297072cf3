/**
 * The editor chunk: Monaco with TypeScript that knows the notebook's environment. Loaded lazily by
 * `../editor-loader.ts`, never by the entry.
 *
 * Loading it configures the TypeScript language service once for the whole page: the compiler
 * options cells are written against, the libraries' declarations (arquero, Plot, the dplab
 * library, the cell globals; built by `src/build/editor-types.ts` into their own chunk), and
 * diagnostics for shown models only.
 */
import { monaco, typescriptDefaults, getTypeScriptWorker, type TypeScriptWorker } from './monaco.ts';
import editorTypes from 'virtual:editor-types';

typescriptDefaults.setCompilerOptions(editorTypes.compilerOptions);
// Cells read each other's names through hidden models (see notebook-types.ts), so every model must
// reach the worker, not only the one being edited; squiggles are only computed for shown ones.
typescriptDefaults.setEagerModelSync(true);
typescriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
  onlyVisible: true,
  // "Declared but never read" (and its variants for imports, destructuring and types): a cell's
  // top-level names are there for the other cells, which this cell's model cannot see, so the
  // hint would fade names that are in fact used.
  diagnosticCodesToIgnore: [6133, 6138, 6192, 6196, 6198, 6199, 6205],
});
typescriptDefaults.setExtraLibs(
  editorTypes.libs.map(({ path, text }) => ({ filePath: path, content: text })),
);

/** The language service for a model, as Monaco's TypeScript worker API offers it. */
export async function typeScriptFor(
  uri: monaco.Uri,
): Promise<{ worker: TypeScriptWorker; fileName: string }> {
  const forModels = await getTypeScriptWorker();
  return { worker: await forModels(uri), fileName: uri.toString() };
}

export { createCellEditor, type CellEditor, type CellEditorOptions } from './cell-editor.ts';
export { NotebookTypes } from './notebook-types.ts';
export type { TypedCell } from './cell-declarations.ts';
