import { parse, type Node, type Program } from 'acorn';
import { full, simple } from 'acorn-walk';
import { transform } from 'sucrase';
import type { CellError } from '../protocol.ts';
import { analyzeScopes } from './analyze-scopes.ts';
import { planCellRewrites, type CellRewrite } from './cell-rewrites.ts';
import { decodeColumnMap, sourcePositionAt, type ColumnMap } from './column-map.ts';
import { LineIndex } from './line-index.ts';
import { findViewBindings } from './view-bindings.ts';

/** A cell that parsed: what it defines and uses, and what {@link compileCell} needs to run it. */
export interface AnalyzedCell {
  ok: true;
  /** The cell's TypeScript, with `\r\n` and `\r` line breaks turned into `\n`. */
  source: string;
  /** The JavaScript sucrase made of it: types stripped, every line where it was in `source`. */
  code: string;
  /** Top-level names: variables (every name in destructuring), functions, classes, enums, imports. */
  defines: string[];
  /** Free names the cell uses and does not define; other cells or the runtime must provide them. */
  references: string[];
  /** Module specifiers of static imports and of `import("…")` with a string literal, deduplicated. */
  imports: string[];
  /**
   * The names static imports bind: `import * as aq from 'arquero'` binds `aq` to `arquero`'s `*`.
   * Two cells that bind a name the same way are not a conflict (see the kernel's graph).
   */
  importBindings: ImportBinding[];
  /** Free names the cell assigns to. A cell cannot change another cell's variable. */
  assignsToFree: string[];
  /** Whether the last top-level statement is an expression, whose value the cell displays. */
  hasValue: boolean;
  /**
   * Names bound by `const name = view(…)` that the cell uses nowhere else: moving such a control
   * re-runs only the cells that read the name (see `view-bindings.ts`).
   */
  viewNames: string[];
  /** Edits of `code` that {@link compileCell} applies (imports, the last expression, view names). */
  rewrites: CellRewrite[];
  /** Maps columns of `code` back to columns of `source`. */
  columns: ColumnMap;
}

/** A name bound by a static import: `local` is `imported` (`*`, `default` or a name) of `source`. */
export interface ImportBinding {
  local: string;
  source: string;
  imported: string;
}

/** A cell that could not be analysed: a syntax error or a construct cells do not support. */
export interface CellAnalysisFailure {
  ok: false;
  error: CellError;
}

/** The result of {@link analyzeCell}. Plain data, so it can cross a worker boundary. */
export type CellAnalysis = AnalyzedCell | CellAnalysisFailure;

/** Names the compiled wrapper uses; a cell that used them would break it. */
const RESERVED = new Set(['__refs', '__builtins', '__import', '__value']);

/** The character offset a sucrase or acorn syntax error carries, if any. */
function errorOffset(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'pos' in error && typeof error.pos === 'number') {
    return error.pos;
  }
  return undefined;
}

/**
 * A syntax error's message without the `(line:column)` suffix both parsers add, nor the
 * `Error transforming cell.ts:` prefix sucrase adds when given a file path.
 */
function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)$/, '');
}

function failure(message: string, position?: CellError['position']): CellAnalysisFailure {
  return { ok: false, error: { name: 'SyntaxError', message, ...(position ? { position } : {}) } };
}

/**
 * Finds what cells cannot do: `export` (every top-level name is shared already), `import.meta`
 * (a cell is not a module), and the names the compiled wrapper reserves. Returns the first
 * offending node and a message.
 */
function findUnsupported(program: Program): { node: Node; message: string } | undefined {
  for (const statement of program.body) {
    if (statement.type.startsWith('Export')) {
      return {
        node: statement,
        message:
          '`export` is not supported in a notebook cell: its top-level names are already visible to the other cells, so remove `export`',
      };
    }
  }
  let found: { node: Node; message: string } | undefined;
  simple(program, {
    MetaProperty(node) {
      if (node.meta.name === 'import') {
        found ??= { node, message: '`import.meta` is not available in a notebook cell' };
      }
    },
  });
  full(program, (node) => {
    if (node.type === 'Identifier' && RESERVED.has(node.name)) {
      found ??= { node, message: `\`${node.name}\` is reserved by the notebook runtime; use another name` };
    }
  });
  return found;
}

/**
 * Analyses a cell's TypeScript source.
 *
 * 1. Sucrase strips the types. It keeps every line where it was, so positions in its output have
 *    the same line as in the cell, and its source map gives the original column.
 * 2. Acorn parses the result as a module, so top-level `await` and `import` are allowed and the
 *    code is strict, as it will be when it runs.
 * 3. A scope walk finds the top-level definitions and the free references.
 * 4. The edits that {@link compileCell} needs are planned while the syntax tree is at hand.
 *
 * Syntax errors from either step come back as `{ ok: false, error }` with a 1-based line and column
 * in the cell's own source.
 */
export function analyzeCell(source: string): CellAnalysis {
  const text = source.replace(/\r\n?/g, '\n');

  let code: string;
  let columns: ColumnMap;
  try {
    const result = transform(text, {
      transforms: ['typescript'],
      disableESTransforms: true,
      // Without this, sucrase drops imports whose bindings this cell does not use itself; but a cell
      // that only imports a module is how a notebook shares it with the other cells.
      keepUnusedImports: true,
      filePath: 'cell.ts',
      sourceMapOptions: { compiledFilename: 'cell.js' },
    });
    code = result.code;
    columns = result.sourceMap ? decodeColumnMap(result.sourceMap.mappings) : [];
  } catch (error) {
    const offset = errorOffset(error);
    return failure(
      errorMessage(error),
      offset === undefined ? undefined : new LineIndex(text).positionOf(offset),
    );
  }

  let program: Program;
  try {
    program = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      locations: true,
    });
  } catch (error) {
    const offset = errorOffset(error);
    return failure(
      errorMessage(error),
      offset === undefined ? undefined : sourcePositionAt(code, columns, offset),
    );
  }

  const unsupported = findUnsupported(program);
  if (unsupported)
    return failure(unsupported.message, sourcePositionAt(code, columns, unsupported.node.start));

  const imports = new Set<string>();
  const importBindings: ImportBinding[] = [];
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const source = String(statement.source.value);
    imports.add(source);
    for (const s of statement.specifiers) {
      const imported =
        s.type === 'ImportNamespaceSpecifier'
          ? '*'
          : s.type === 'ImportDefaultSpecifier'
            ? 'default'
            : s.imported.type === 'Identifier'
              ? s.imported.name
              : String(s.imported.value);
      importBindings.push({ local: s.local.name, source, imported });
    }
  }
  simple(program, {
    ImportExpression(node) {
      if (node.source.type === 'Literal' && typeof node.source.value === 'string')
        imports.add(node.source.value);
    },
  });

  const scopes = analyzeScopes(program);
  const views = findViewBindings(program, scopes.references);
  return {
    ok: true,
    source: text,
    code,
    defines: scopes.defines,
    references: scopes.references,
    imports: [...imports],
    importBindings,
    assignsToFree: scopes.assignsToFree,
    hasValue: program.body.at(-1)?.type === 'ExpressionStatement',
    viewNames: views.map((v) => v.name),
    rewrites: planCellRewrites(program, code, views),
    columns,
  };
}
