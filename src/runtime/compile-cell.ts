import type { AnalyzedCell } from './analyze-cell.ts';
import { applyCellRewrites } from './cell-rewrites.ts';

/** What {@link compileCell} needs besides the analysis. */
export interface CompileOptions {
  /** Names the cell takes from other cells; read from the function's `__refs` argument. */
  refs: readonly string[];
  /** Names the cell takes from the runtime (`display`, `view`, …); read from `__builtins`. */
  builtins: readonly string[];
  /** The cell's id, which names the code in stack traces: see {@link cellSourceUrl}. */
  id: string;
}

/**
 * What the function made by evaluating {@link compileCell}'s output resolves to: the values of the
 * cell's top-level names, and the value of its last expression (`undefined` when it has none).
 */
export interface CellResult {
  defs: Record<string, unknown>;
  value: unknown;
}

/**
 * The signature of the function {@link compileCell}'s output evaluates to. `__import` loads a
 * module by specifier (and, for import attributes, an options object), like `import()`.
 */
export type CompiledCellFunction = (
  refs: Record<string, unknown>,
  builtins: Record<string, unknown>,
  load: (specifier: string, options?: unknown) => Promise<unknown>,
) => Promise<CellResult>;

/** Ends the header; the cell's code starts right after it, on the same line. */
export const BODY_START = 'let __value; { ';

/** Starts the footer, on its own line after the cell's code. */
export const BODY_END = '\n;return { defs: ';

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** The file name stack traces give a cell's code: `dplab-cell-<id>.js`, the id made URL-safe. */
export function cellSourceUrl(id: string): string {
  return `dplab-cell-${id.replace(/[^\w-]/g, '_')}.js`;
}

function destructure(names: readonly string[], from: string): string {
  for (const name of names) {
    if (!IDENTIFIER.test(name)) throw new Error(`not a JavaScript name: ${JSON.stringify(name)}`);
  }
  return names.length ? `const { ${names.join(', ')} } = ${from}; ` : '';
}

/**
 * Compiles an analysed cell into the source text of an async function expression, for the kernel
 * to evaluate with indirect eval (`(0, eval)(code)`) and call as a {@link CompiledCellFunction}:
 *
 * ```js
 * (async function (__refs, __builtins, __import) { "use strict"; const { a } = __refs; const { display } = __builtins; let __value; { <cell code>
 * ;return { defs: { x, f }, value: __value };
 * } })
 * //# sourceURL=dplab-cell-<id>.js
 * ```
 *
 * - Line N of the output is line N of the cell: the header shares line 1 with the cell's first
 *   line, so a stack trace's line numbers are the cell's, and only columns on line 1 are shifted
 *   (by the header's length; {@link mapStackPosition} undoes that and the rewrites below).
 * - The cell's code sits in an inner block, so its own top-level `const display = …` shadows the
 *   builtin of that name instead of clashing with it.
 * - Static imports become `const … = await __import("…")` on the same lines; `import(…)` becomes
 *   `__import(…)`; the last expression statement becomes `__value = (…)`. Unlike in a module,
 *   imports are not hoisted: they load where they stand, so use an import's names after it.
 * - The footer starts on a new line, so a `// comment` on the cell's last line cannot swallow it.
 * - A name in both `refs` and `builtins` is taken from `refs`.
 *
 * Throws if a name in `refs` or `builtins` is not a JavaScript identifier.
 */
export function compileCell(analysis: AnalyzedCell, options: CompileOptions): string {
  const refs = [...new Set(options.refs)];
  const builtins = [...new Set(options.builtins)].filter((name) => !refs.includes(name));
  const header =
    '(async function (__refs, __builtins, __import) { "use strict"; ' +
    destructure(refs, '__refs') +
    destructure(builtins, '__builtins') +
    BODY_START;
  const body = applyCellRewrites(analysis.code, analysis.rewrites);
  const defs = analysis.defines.length ? `{ ${analysis.defines.join(', ')} }` : '{}';
  return `${header}${body}${BODY_END}${defs}, value: __value };\n} })\n//# sourceURL=${cellSourceUrl(options.id)}`;
}
