import type { ImportDeclaration, Program } from 'acorn';
import { simple } from 'acorn-walk';
import type { ViewBinding } from './view-bindings.ts';

/**
 * One edit of a cell's JavaScript: replace `code.slice(start, end)` with `text` (an insertion when
 * `start === end`). Edits never add or remove a line break, so line N stays line N.
 */
export interface CellRewrite {
  start: number;
  end: number;
  text: string;
}

/** Reads the module specifier of a static import as a JavaScript string literal. */
function quote(value: unknown): string {
  return JSON.stringify(String(value));
}

/**
 * The replacement for an import declaration, which cannot appear inside a function:
 *
 * - `import * as aq from 'arquero'` → `const aq = await __import("arquero");`
 * - `import a, { b as c, d } from 'x'` → `const { default: a, b: c, d } = await __import("x");`
 * - `import a, * as ns from 'x'` → `const ns = await __import("x"), { default: a } = ns;`
 * - `import 'x'` → `await __import("x");`
 *
 * Import attributes (`with { type: 'json' }`) are passed on as `__import`'s second argument. The
 * declaration may span several lines; the same number of line breaks follows the replacement.
 */
function rewriteImport(node: ImportDeclaration, code: string): string {
  const attributes = node.attributes.length
    ? `, { with: { ${node.attributes.map((a) => `${quote(a.key.type === 'Identifier' ? a.key.name : a.key.value)}: ${quote(a.value.value)}`).join(', ')} } }`
    : '';
  const load = `await __import(${quote(node.source.value)}${attributes})`;
  const namespace = node.specifiers.find((s) => s.type === 'ImportNamespaceSpecifier');
  const named = node.specifiers.flatMap((s) => {
    if (s.type === 'ImportDefaultSpecifier') return [`default: ${s.local.name}`];
    if (s.type !== 'ImportSpecifier') return [];
    const imported = s.imported.type === 'Identifier' ? s.imported.name : quote(s.imported.value);
    return [imported === s.local.name ? imported : `${imported}: ${s.local.name}`];
  });
  const pattern = named.length ? `{ ${named.join(', ')} }` : '';
  let statement: string;
  if (namespace && pattern)
    statement = `const ${namespace.local.name} = ${load}, ${pattern} = ${namespace.local.name};`;
  else if (namespace) statement = `const ${namespace.local.name} = ${load};`;
  else if (pattern) statement = `const ${pattern} = ${load};`;
  else statement = `${load};`;
  const lineBreaks = code.slice(node.start, node.end).split('\n').length - 1;
  return statement + '\n'.repeat(lineBreaks);
}

/**
 * Plans the edits that turn a cell's top-level JavaScript into the body of an async function:
 * static imports become `await __import(…)`, `import(…)` becomes `__import(…)`, and a final
 * expression statement becomes `__value = (…)` so its value can be returned, and the `view` of
 * each view binding passes `view` the name it binds (`view(control, view.as?.("k"))`, see the
 * kernel's cell scope), so the kernel can change that name's value when the control moves. The
 * name goes after the arguments, not around the callee, so an error in the call is still reported
 * at `view` (a `view` another cell defined has no `as`, and gets `undefined`). The edits are sorted by
 * position, an insertion before a replacement that starts at the same place.
 */
export function planCellRewrites(
  program: Program,
  code: string,
  views: readonly ViewBinding[] = [],
): CellRewrite[] {
  const rewrites: CellRewrite[] = [];
  for (const view of views) {
    const text = `, view.as?.(${quote(view.name)})`;
    rewrites.push({ start: view.argumentsEnd, end: view.argumentsEnd, text });
  }
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      rewrites.push({ start: statement.start, end: statement.end, text: rewriteImport(statement, code) });
    }
  }
  simple(program, {
    ImportExpression(node) {
      rewrites.push({ start: node.start, end: node.start + 'import'.length, text: '__import' });
    },
  });
  // Wrapping the expression itself (not the statement) keeps its semicolon, or the lack of one,
  // and any comment after it where they were. The parentheses keep `a, b` or `x = 1` whole.
  const last = program.body.at(-1);
  if (last?.type === 'ExpressionStatement') {
    rewrites.push({ start: last.expression.start, end: last.expression.start, text: '__value = (' });
    rewrites.push({ start: last.expression.end, end: last.expression.end, text: ')' });
  }
  return rewrites.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Applies sorted, non-overlapping edits to `code`. */
export function applyCellRewrites(code: string, rewrites: readonly CellRewrite[]): string {
  let result = '';
  let at = 0;
  for (const rewrite of rewrites) {
    result += code.slice(at, rewrite.start) + rewrite.text;
    at = rewrite.end;
  }
  return result + code.slice(at);
}

/**
 * Maps an offset in the rewritten code back to the offset it came from. An offset inside inserted
 * text maps into the text it replaced (or to the insertion point), as near as their lengths allow.
 */
export function unrewriteOffset(rewrites: readonly CellRewrite[], offset: number): number {
  // `shift` is how much longer the rewritten code is than the original up to this point.
  let shift = 0;
  for (const rewrite of rewrites) {
    const start = rewrite.start + shift;
    if (offset < start) break;
    if (offset < start + rewrite.text.length) {
      return rewrite.start + Math.min(offset - start, Math.max(rewrite.end - rewrite.start - 1, 0));
    }
    shift += rewrite.text.length - (rewrite.end - rewrite.start);
  }
  return offset - shift;
}
