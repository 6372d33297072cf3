/**
 * Monaco, as the cell editor uses it: the core editor, the TypeScript language (tokens and the
 * language service in its own worker), and only the editor features a notebook cell needs.
 *
 * This module and everything it imports form the lazily loaded editor chunk: nothing in the entry
 * imports it (see `../editor-loader.ts`). Monaco 0.57's import paths are `monaco-editor/editor`,
 * `monaco-editor/features/<feature>/register` and `monaco-editor/languages/...`; the TypeScript
 * defaults live in the feature module, not in `monaco.languages`.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/typescript/register';
import {
  getTypeScriptWorker,
  typescriptDefaults,
  type TypeScriptWorker,
} from 'monaco-editor/languages/features/typescript/register';
// Every editor feature (completions, hovers, signature help, find, quick fixes, …). Monaco's
// TypeScript support imports this same set when it starts; importing it before the first editor is
// created matters, because features loaded later find their services missing.
import 'monaco-editor/features/register.all';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorkerScript from 'monaco-editor/language/typescript/ts.worker?worker';

// Monaco asks for its workers through this hook; Vite bundles each `?worker` import as its own
// module worker, so both load from the app's own origin and folder.
(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'typescript' || label === 'javascript' ? new TypeScriptWorkerScript() : new EditorWorker(),
};

export { monaco, typescriptDefaults, getTypeScriptWorker, type TypeScriptWorker };
