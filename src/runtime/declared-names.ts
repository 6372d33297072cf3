import type { ModuleDeclaration, Pattern, Statement } from 'acorn';

/**
 * Every name a binding pattern declares: `a` in `a`, and `a`, `b`, `c`, `d` in
 * `{ a, b: [b, c = 1], ...d }`. Default values and computed keys are expressions, not names, and a
 * member expression (allowed only as an assignment target) declares nothing.
 */
export function patternNames(pattern: Pattern, into: string[] = []): string[] {
  switch (pattern.type) {
    case 'Identifier':
      into.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        patternNames(property.type === 'RestElement' ? property.argument : property.value, into);
      }
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) patternNames(element, into);
      break;
    case 'RestElement':
      patternNames(pattern.argument, into);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, into);
      break;
    case 'MemberExpression':
      break;
  }
  return into;
}

/**
 * Names a statement declares in the block that directly contains it: `let`, `const` and `using`
 * declarations, functions and classes (block-scoped, since cells are strict code), and import
 * bindings. `var` is not here: it belongs to the enclosing function, see {@link varNames}.
 */
export function lexicalNames(statement: Statement | ModuleDeclaration): string[] {
  switch (statement.type) {
    case 'VariableDeclaration':
      if (statement.kind === 'var') return [];
      return statement.declarations.flatMap((declarator) => patternNames(declarator.id));
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      return [statement.id.name];
    case 'ImportDeclaration':
      return statement.specifiers.map((specifier) => specifier.local.name);
    default:
      return [];
  }
}

/**
 * Names `var` declares anywhere in a statement, which hoist to the enclosing function (or to the
 * cell). The search follows nested statements but stops at functions, which have their own `var`
 * scope; expressions cannot contain a `var` except inside a function, so they are skipped.
 */
export function varNames(statement: Statement | ModuleDeclaration, into: string[] = []): string[] {
  switch (statement.type) {
    case 'VariableDeclaration':
      if (statement.kind === 'var') for (const d of statement.declarations) patternNames(d.id, into);
      break;
    case 'BlockStatement':
      for (const inner of statement.body) varNames(inner, into);
      break;
    case 'IfStatement':
      varNames(statement.consequent, into);
      if (statement.alternate) varNames(statement.alternate, into);
      break;
    case 'ForStatement':
      if (statement.init?.type === 'VariableDeclaration') varNames(statement.init, into);
      varNames(statement.body, into);
      break;
    case 'ForInStatement':
    case 'ForOfStatement':
      if (statement.left.type === 'VariableDeclaration') varNames(statement.left, into);
      varNames(statement.body, into);
      break;
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      varNames(statement.body, into);
      break;
    case 'TryStatement':
      varNames(statement.block, into);
      if (statement.handler) varNames(statement.handler.body, into);
      if (statement.finalizer) varNames(statement.finalizer, into);
      break;
    case 'SwitchStatement':
      for (const switchCase of statement.cases)
        for (const inner of switchCase.consequent) varNames(inner, into);
      break;
    default:
      break;
  }
  return into;
}

/** Every name declared directly in a list of statements: its lexical names and its hoisted `var`s. */
export function declaredNames(statements: readonly (Statement | ModuleDeclaration)[]): string[] {
  const names: string[] = [];
  for (const statement of statements) names.push(...lexicalNames(statement), ...varNames(statement));
  return names;
}
