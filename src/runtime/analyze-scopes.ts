import type {
  AnonymousFunctionDeclaration,
  AnyNode,
  ArrowFunctionExpression,
  Class,
  FunctionDeclaration,
  FunctionExpression,
  Identifier,
  ModuleDeclaration,
  Pattern,
  Program,
  Statement,
} from 'acorn';
import { declaredNames, lexicalNames, patternNames } from './declared-names.ts';

/** What a cell's scopes say about its names; see {@link analyzeScopes}. */
export interface ScopeAnalysis {
  /** Names declared at the cell's top level, in source order. */
  defines: string[];
  /** Free names: read or written somewhere but declared in no scope of the cell, in order of first use. */
  references: string[];
  /** The free names the cell assigns to (`x = 1`, `x++`, `[x] = a`, `for (x of a)`). */
  assignsToFree: string[];
}

type AnyFunction =
  FunctionDeclaration | AnonymousFunctionDeclaration | FunctionExpression | ArrowFunctionExpression;

/** Whether a value is an ESTree node, for walking the children of nodes with no scoping rules. */
function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

/**
 * Finds a cell's top-level definitions and its free variables.
 *
 * The walk keeps a stack of scopes, each the set of names declared in it. When it enters a scope it
 * first declares everything the scope hoists (`var`s and functions, and `let`/`const`/`class`, which
 * are visible, in their temporal dead zone, from the start of their block), so that a use before the
 * declaration still resolves. Every identifier in a reference position is then looked up from the
 * innermost scope outwards; one found nowhere is free. Identifiers that are not references are
 * skipped by construction: property names after `.`, non-computed keys, labels, and the names being
 * declared (but default values and computed keys inside patterns are expressions and are walked).
 */
export function analyzeScopes(program: Program): ScopeAnalysis {
  const walker = new ScopeWalker();
  const defines = declaredNames(program.body);
  walker.walkScope(defines, () => walker.statements(program.body));
  return {
    defines: [...new Set(defines)],
    references: [...walker.references],
    assignsToFree: [...walker.assigned],
  };
}

class ScopeWalker {
  /** The scope stack, outermost first. */
  private readonly scopes: Set<string>[] = [];
  readonly references = new Set<string>();
  readonly assigned = new Set<string>();

  /** Runs `walk` inside a new scope that declares `names`. */
  walkScope(names: Iterable<string>, walk: () => void): void {
    this.scopes.push(new Set(names));
    try {
      walk();
    } finally {
      this.scopes.pop();
    }
  }

  statements(statements: readonly (Statement | ModuleDeclaration)[]): void {
    for (const statement of statements) this.visit(statement);
  }

  private isDeclared(name: string): boolean {
    return this.scopes.some((scope) => scope.has(name));
  }

  private read(identifier: Identifier): void {
    if (!this.isDeclared(identifier.name)) this.references.add(identifier.name);
  }

  private write(identifier: Identifier): void {
    if (this.isDeclared(identifier.name)) return;
    this.references.add(identifier.name);
    this.assigned.add(identifier.name);
  }

  /** Walks any node that is not a pattern. */
  visit(node: AnyNode): void {
    switch (node.type) {
      case 'Identifier':
        return this.read(node);
      case 'VariableDeclaration':
        // The names were declared when the enclosing scope was entered; only initialisers and
        // default values remain to walk.
        for (const declarator of node.declarations) {
          this.pattern(declarator.id, 'declare');
          if (declarator.init) this.visit(declarator.init);
        }
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return this.function(node);
      case 'ClassDeclaration':
      case 'ClassExpression':
        return this.class(node);
      case 'BlockStatement':
        return this.walkScope(node.body.flatMap(lexicalNames), () => this.statements(node.body));
      case 'StaticBlock':
        // A class static block is like a function body: it has its own `var` scope.
        return this.walkScope(declaredNames(node.body), () => this.statements(node.body));
      case 'ForStatement':
        return this.walkScope(
          node.init?.type === 'VariableDeclaration' ? lexicalNames(node.init) : [],
          () => {
            if (node.init) this.visit(node.init);
            if (node.test) this.visit(node.test);
            if (node.update) this.visit(node.update);
            this.visit(node.body);
          },
        );
      case 'ForInStatement':
      case 'ForOfStatement': {
        const { left } = node;
        return this.walkScope(left.type === 'VariableDeclaration' ? lexicalNames(left) : [], () => {
          if (left.type === 'VariableDeclaration') this.visit(left);
          else this.pattern(left, 'assign');
          this.visit(node.right);
          this.visit(node.body);
        });
      }
      case 'CatchClause': {
        const { param } = node;
        return this.walkScope(param ? patternNames(param) : [], () => {
          if (param) this.pattern(param, 'declare');
          this.visit(node.body);
        });
      }
      case 'SwitchStatement':
        this.visit(node.discriminant);
        // All cases share one block, so a `let` in one case is visible in the others.
        return this.walkScope(
          node.cases.flatMap((switchCase) => switchCase.consequent.flatMap(lexicalNames)),
          () => node.cases.forEach((switchCase) => this.visit(switchCase)),
        );
      case 'MemberExpression':
        this.visit(node.object);
        if (node.computed) this.visit(node.property);
        return;
      case 'Property':
      case 'MethodDefinition':
      case 'PropertyDefinition':
        // `{ b: 1 }`, `m() {}`, `x = 1` in a class: the key is a name only when computed. A shorthand
        // `{ b }` has its own `value` identifier, which is a reference.
        if (node.computed) this.visit(node.key);
        if (node.value) this.visit(node.value);
        return;
      case 'AssignmentExpression':
        this.pattern(node.left, 'assign');
        return this.visit(node.right);
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') return this.write(node.argument);
        return this.visit(node.argument);
      case 'LabeledStatement':
        return this.visit(node.body);
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
      case 'ImportDeclaration':
      case 'PrivateIdentifier':
        // Labels, `new.target`, and import bindings (declared at the top level) hold no references.
        return;
      default:
        // No scoping rules of its own: walk every child node.
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) {
            for (const item of value) if (isNode(item)) this.visit(item);
          } else if (isNode(value)) {
            this.visit(value);
          }
        }
    }
  }

  /**
   * Walks a binding or assignment pattern. Declared names need no action (they were declared when
   * their scope was entered); assigned names are references that are also written.
   */
  private pattern(pattern: Pattern, mode: 'declare' | 'assign'): void {
    switch (pattern.type) {
      case 'Identifier':
        if (mode === 'assign') this.write(pattern);
        return;
      case 'MemberExpression':
        return this.visit(pattern);
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') {
            this.pattern(property.argument, mode);
          } else {
            if (property.computed) this.visit(property.key);
            this.pattern(property.value, mode);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.pattern(element, mode);
        return;
      case 'RestElement':
        return this.pattern(pattern.argument, mode);
      case 'AssignmentPattern':
        this.pattern(pattern.left, mode);
        return this.visit(pattern.right);
    }
  }

  /**
   * A function's scope holds its parameters, `arguments` (except for arrows), and everything its
   * body declares. A named function expression also sees its own name, in a scope of its own
   * between the function and the outside (a function declaration's name was declared outside).
   */
  private function(node: AnyFunction): void {
    const ownName = node.type === 'FunctionExpression' && node.id ? [node.id.name] : [];
    this.walkScope(ownName, () => {
      const names = node.params.flatMap((param) => patternNames(param));
      if (node.type !== 'ArrowFunctionExpression') names.push('arguments');
      const { body } = node;
      if (body.type === 'BlockStatement') names.push(...declaredNames(body.body));
      this.walkScope(names, () => {
        for (const param of node.params) this.pattern(param, 'declare');
        if (body.type === 'BlockStatement') this.statements(body.body);
        else this.visit(body);
      });
    });
  }

  /** A class sees its own name inside its body, whether it is a declaration or an expression. */
  private class(node: Class): void {
    this.walkScope(node.id ? [node.id.name] : [], () => {
      if (node.superClass) this.visit(node.superClass);
      for (const member of node.body.body) this.visit(member);
    });
  }
}
