/**
 * A TypeScript language service in Node that sees files as Monaco's TypeScript worker does: the
 * editor's extra libs and models only at `file:///` paths, no directory listing, and the standard
 * `lib.*.d.ts` files looked up by bare name. Shared by the editor tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { EditorLib } from '../../../src/build/editor-types.ts';

const tsLib = fileURLToPath(new URL('../../../node_modules/typescript/lib/', import.meta.url));

/** The standard lib files read so far, by bare name; they never change during a run. */
const standardLibs = new Map<string, string | undefined>();

/** A standard lib file by its bare name (`lib.es2022.d.ts`), as Monaco's worker has them. */
function standardLib(name: string): string | undefined {
  if (!/^lib\.[\w.]+\.d\.ts$/.test(name)) return undefined;
  if (!standardLibs.has(name)) {
    try {
      standardLibs.set(name, readFileSync(tsLib + name, 'utf8'));
    } catch {
      standardLibs.set(name, undefined);
    }
  }
  return standardLibs.get(name);
}

/**
 * Parsed files shared by every language service made here: services with the same compiler
 * options parse each unchanged lib once, not once per service.
 */
const registry = ts.createDocumentRegistry();

/**
 * The registry knows a file by path and version, so versions are unique across services: two
 * notebooks' `file:///notebook-1/cell-1.ts` must not be taken for the same text.
 */
let versions = 0;

/** A language service and the files it checks besides the libs (the editor's models). */
export interface Editor {
  readonly service: ts.LanguageService;
  /** Adds the file at `path` (a `file:///` URI), or replaces its text. */
  setFile(path: string, text: string): void;
  /** Removes a file given with {@link setFile}. */
  deleteFile(path: string): void;
}

/** A language service over exactly `libs`, the files given to `setFile`, and the standard libs. */
export function createEditor(libs: readonly EditorLib[], options: ts.CompilerOptions): Editor {
  const libFiles = new Map(libs.map((lib) => [lib.path, lib.text]));
  const models = new Map<string, { text: string; version: number }>();
  const read = (name: string): string | undefined =>
    models.get(name)?.text ?? libFiles.get(name) ?? standardLib(name);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    // As in Monaco's worker: every model and every extra lib is a root file.
    getScriptFileNames: () => [...models.keys(), ...libFiles.keys()],
    getScriptVersion: (name) => String(models.get(name)?.version ?? 0),
    getScriptSnapshot: (name) => {
      const text = read(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    // Monaco's worker goes by extension and takes anything not .js/.jsx/.tsx, the package.json
    // stubs included, as TypeScript (`allowJs` is off).
    getScriptKind: () => ts.ScriptKind.TS,
    getCurrentDirectory: () => '',
    getDefaultLibFileName: () => 'lib.es2022.full.d.ts',
    readFile: read,
    fileExists: (name) => read(name) !== undefined,
  };
  return {
    service: ts.createLanguageService(host, registry),
    setFile(path, text) {
      if (models.get(path)?.text !== text) models.set(path, { text, version: ++versions });
    },
    deleteFile(path) {
      models.delete(path);
    },
  };
}

/** Diagnostics as `file:line:column TS1234: message` lines, for readable test failures. */
export function messages(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const at = where ? `${d.file!.fileName}:${where.line + 1}:${where.character + 1} ` : '';
    return `${at}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
