/**
 * A Vite plugin that serves `virtual:editor-types`: the declarations the editor's TypeScript
 * worker needs and its compiler options (see editor-types.ts) as the module's default export, an
 * `EditorTypes`. Built here, not imported by the page, because collecting reads files. Only the
 * lazily loaded editor imports it (statically, or with `await import('virtual:editor-types')` for a
 * chunk of its own), so the declarations (about 1.2 MB, 275 kB gzipped) never weigh on the entry.
 */
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import {
  collectEditorTypes,
  editorCompilerOptions,
  editorTypeSources,
  type EditorTypes,
} from './editor-types.ts';

const VIRTUAL_ID = 'virtual:editor-types';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** The plugin; `root` is the project folder holding `src/` and `node_modules/`. */
export function editorTypes(root: string): Plugin {
  const sources = editorTypeSources(root);
  return {
    name: 'dplab-editor-types',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const types: EditorTypes = {
        compilerOptions: editorCompilerOptions,
        libs: await collectEditorTypes(root),
      };
      // JSON is valid JavaScript; the module is data only.
      return `export default ${JSON.stringify(types)};`;
    },
    configureServer(server) {
      // The dev server must not keep serving the library's old declarations after an edit.
      server.watcher.on('change', (path) => {
        if (!sources.some((source) => !relative(source, path).startsWith('..'))) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
      });
    },
  };
}
