import type { Program } from 'acorn';
import { full } from 'acorn-walk';

/**
 * A top-level `const name = view(…)` whose name the cell uses nowhere else: the control's value
 * can change without the cell running again, as Observable's `viewof` and Pluto's bonds do. Only
 * the cells that read `name` need to re-run when the control moves.
 */
export interface ViewBinding {
  /** The name bound to the control's value. */
  name: string;
  /** Where the call's last argument ends, so the compiler can pass `view` the name after it. */
  argumentsEnd: number;
}

/**
 * Finds the {@link ViewBinding}s of a cell, given its free names. A binding qualifies when it is
 * a `const` declaration of one plain name at the top level, initialised by a direct call of the
 * runtime's `view` (free in the cell, not one it declares), and the name appears nowhere else in
 * the cell (not even as a property name or in an inner scope: being cautious costs only a re-run).
 * Anything else (`let`, destructuring, `view` inside an expression, a name the cell reads again)
 * keeps the plain behaviour: the cell re-runs when its control moves.
 */
export function findViewBindings(program: Program, freeNames: readonly string[]): ViewBinding[] {
  if (!freeNames.includes('view')) return [];
  const candidates: ViewBinding[] = [];
  for (const statement of program.body) {
    if (statement.type !== 'VariableDeclaration' || statement.kind !== 'const') continue;
    if (statement.declarations.length !== 1) continue;
    const [declarator] = statement.declarations;
    const init = declarator.init;
    if (declarator.id.type !== 'Identifier' || init?.type !== 'CallExpression') continue;
    if (init.callee.type !== 'Identifier' || init.callee.name !== 'view' || init.optional) continue;
    const last = init.arguments.at(-1);
    if (!last || last.type === 'SpreadElement') continue;
    candidates.push({ name: declarator.id.name, argumentsEnd: last.end });
  }
  if (candidates.length === 0) return [];
  const uses = new Map<string, number>();
  full(program, (node) => {
    if (node.type === 'Identifier') uses.set(node.name, (uses.get(node.name) ?? 0) + 1);
  });
  // The declaration itself is the one use allowed.
  return candidates.filter((c) => uses.get(c.name) === 1);
}
