/**
 * The type declarations the editor's TypeScript worker needs to check and complete notebook cells,
 * collected at build time (Node) and shipped to the page as one lazily loaded module (see
 * editor-types-plugin.ts).
 *
 * The worker has no file system: every file is an extra lib at a `file:///` path, and module
 * resolution walks up from the cell (`file:///cells/cell-2.ts`) to `file:///node_modules/<name>`,
 * where a stub package.json points at the declarations. So the paths below mirror a node_modules
 * folder, and each package gets a small package.json of its own rather than its real one (whose
 * `exports` may point at JavaScript the worker does not have).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** One file for Monaco's `typescriptDefaults.addExtraLib(text, path)`. */
export interface EditorLib {
  /** A `file:///…` URI. */
  path: string;
  text: string;
}

/** What `virtual:editor-types` exports: everything the page gives Monaco's TypeScript defaults. */
export interface EditorTypes {
  /** For `typescriptDefaults.setCompilerOptions`. */
  compilerOptions: typeof editorCompilerOptions;
  /** For `typescriptDefaults.setExtraLibs`. */
  libs: EditorLib[];
}

/** The library folders cells may import as `dplab/<folder>` (as in src/kernel/modules.ts). */
export const dplabModules = [
  'stats',
  'classify',
  'forecast',
  'recommend',
  'simulate',
  'data',
  'decide',
  'responsible',
] as const;

/** Where the cell globals go: any path works, as the file is a global script, not a module. */
export const cellGlobalsPath = 'file:///dplab/cell-globals.d.ts';

/**
 * Compiler options for the editor, in TypeScript's own `CompilerOptions` form (enum values as
 * numbers, `lib` as file names): what Monaco's `typescriptDefaults.setCompilerOptions` passes
 * unchanged to the worker, and what `ts.createLanguageService` takes. Not the tsconfig form:
 * Monaco would misread a string `target`. {@link editorCompilerOptionsJson} is the same in tsconfig
 * form, for `ts.convertCompilerOptionsFromJson`; a test keeps the two equal.
 */
export const editorCompilerOptions = {
  target: 9, // ScriptTarget.ES2022
  module: 99, // ModuleKind.ESNext
  moduleResolution: 100, // ModuleResolutionKind.Bundler: package.json `types`/`exports`, `.ts` imports
  // Every .ts file is a module even without import/export: top-level `await` is allowed and one
  // cell's declarations never collide with another's. Global .d.ts files stay global.
  moduleDetection: 3, // ModuleDetectionKind.Force
  // Cells run in a Web Worker: the worker's globals, not the page's. (With lib.dom, a cell naming
  // a value `top`, `name`, `status` or `history` would see the window's property of that name in
  // the other cells instead of its own; and `document` would seem to exist.)
  lib: [
    'lib.es2022.d.ts',
    'lib.webworker.d.ts',
    'lib.webworker.iterable.d.ts',
    'lib.webworker.asynciterable.d.ts',
  ],
  // No automatic `@types` packages: the worker cannot list folders, and all types are given here.
  types: [] as string[],
  // Look up `lib` files by name only, not as `@typescript/lib-*` packages.
  libReplacement: false,
  strict: true,
  noEmit: true,
  // The dplab sources import each other as `./x.ts`.
  allowImportingTsExtensions: true,
  // The packages' declarations are trusted; checking them would slow every keystroke.
  skipLibCheck: true,
};

/** {@link editorCompilerOptions} as a tsconfig's `compilerOptions`. */
export const editorCompilerOptionsJson = {
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  moduleDetection: 'force',
  lib: ['es2022', 'webworker', 'webworker.iterable', 'webworker.asynciterable'],
  types: [] as string[],
  libReplacement: false,
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
};

/**
 * The few names Plot's declarations import from "d3". @types/d3 is large and not a dependency;
 * these loose stand-ins keep Plot's types resolving, at the cost of `any` in the few options
 * (custom curves, projections, symbols, geometries) that take d3 objects.
 */
const d3Stub = `/** Stand-ins for the d3 types that @observablehq/plot's declarations name. */
declare module 'd3' {
  export type CurveFactory = (context: any) => any;
  export type GeoPermissibleObjects = any;
  export type GeoStreamWrapper = { stream(output: any): any };
  export type GeoPath = (object?: any) => string | null;
  export type SymbolType = { draw(context: any, size: number): void };
}
`;

/** Every file under `dir`, recursively, as paths relative to `dir` with `/` separators. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path).split(sep).join('/')];
  });
}

function packageJson(path: string, fields: Record<string, unknown>): EditorLib {
  return { path, text: JSON.stringify(fields, null, 2) };
}

/**
 * A package's declarations: every `.d.ts` file in the folder of its package.json's `types`, at
 * `file:///node_modules/<name>/…`, and a package.json with only `name` and `types`.
 */
function packageTypes(root: string, name: string): EditorLib[] {
  const dir = join(root, 'node_modules', name);
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    types?: string;
    typings?: string;
  };
  const types = posix.normalize(meta.types ?? meta.typings ?? 'index.d.ts');
  const typesDir = posix.dirname(types);
  const libs = listFiles(join(dir, typesDir))
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => ({
      path: `file:///node_modules/${name}/${posix.join(typesDir, file)}`,
      text: readFileSync(join(dir, typesDir, file), 'utf8'),
    }));
  if (!libs.some((lib) => lib.path === `file:///node_modules/${name}/${types}`)) {
    throw new Error(`editor types: ${name}'s types entry ${types} is not a .d.ts file in ${dir}`);
  }
  return [...libs, packageJson(`file:///node_modules/${name}/package.json`, { name, types: `./${types}` })];
}

/**
 * The project's library as the package `dplab`: its TypeScript sources (the checker reads them like
 * declarations), and a package.json whose `exports` map `dplab/<folder>` to `src/<folder>/index.ts`
 * as the project's own package.json does. `typesVersions` does the same for resolutions that do not
 * read `exports`.
 */
function dplabTypes(root: string): EditorLib[] {
  const libs = dplabModules.flatMap((folder) =>
    listFiles(join(root, 'src', folder))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => ({
        path: `file:///node_modules/dplab/src/${folder}/${file}`,
        text: readFileSync(join(root, 'src', folder, file), 'utf8'),
      })),
  );
  const exports = Object.fromEntries(dplabModules.map((m) => [`./${m}`, `./src/${m}/index.ts`]));
  const typesVersions = { '*': Object.fromEntries(dplabModules.map((m) => [m, [`src/${m}/index.ts`]])) };
  return [
    ...libs,
    packageJson('file:///node_modules/dplab/package.json', { name: 'dplab', exports, typesVersions }),
  ];
}

/**
 * Everything the editor needs, for the project at `root`: arquero (with @uwdata/flechette, which
 * its declarations import), Plot (with a stub for "d3"), the dplab library, and the cell globals.
 */
export async function collectEditorTypes(root: string): Promise<EditorLib[]> {
  const cellGlobals = join(root, 'src', 'kernel', 'builtins', 'cell-globals.d.ts');
  return [
    ...packageTypes(root, 'arquero'),
    ...packageTypes(root, '@uwdata/flechette'),
    ...packageTypes(root, '@observablehq/plot'),
    { path: 'file:///dplab/d3-stub.d.ts', text: d3Stub },
    ...dplabTypes(root),
    { path: cellGlobalsPath, text: readFileSync(cellGlobals, 'utf8') },
  ];
}

/** The files {@link collectEditorTypes} reads that are not in node_modules, for watching. */
export function editorTypeSources(root: string): string[] {
  return [
    ...dplabModules.map((m) => join(root, 'src', m)),
    join(root, 'src', 'kernel', 'builtins', 'cell-globals.d.ts'),
  ];
}
