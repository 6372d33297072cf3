import { describe, expect, it } from 'vitest';
import { analyzeCell, type AnalyzedCell, type CellAnalysisFailure } from '../../../src/runtime/index.ts';

function ok(source: string): AnalyzedCell {
  const analysis = analyzeCell(source);
  if (!analysis.ok) throw new Error(`expected ${JSON.stringify(source)} to parse: ${analysis.error.message}`);
  return analysis;
}

function failed(source: string): CellAnalysisFailure {
  const analysis = analyzeCell(source);
  if (analysis.ok) throw new Error(`expected ${JSON.stringify(source)} to fail`);
  return analysis;
}

const refs = (source: string): string[] => [...ok(source).references].sort();
const defs = (source: string): string[] => [...ok(source).defines].sort();

describe('analyzeCell: definitions', () => {
  it('finds const, let, var, function and class names', () => {
    expect(defs('const a = 1; let b; var c = 2; function f() {} class C {}')).toEqual([
      'C',
      'a',
      'b',
      'c',
      'f',
    ]);
  });

  it('finds every name in nested destructuring with defaults and rest', () => {
    const source =
      'const { a, b: [c, , d = 1, ...e], f: { g = h } = {}, ...i } = obj; const [j, [k], ...l] = arr;';
    expect(defs(source)).toEqual(['a', 'c', 'd', 'e', 'g', 'i', 'j', 'k', 'l']);
    expect(refs(source)).toEqual(['arr', 'h', 'obj']);
  });

  it('finds import bindings of every form', () => {
    const analysis = ok(
      [
        "import * as aq from 'arquero';",
        "import Plot, { dot as d, line } from '@observablehq/plot';",
        "import def, * as ns from 'x';",
        "import { 'a-b' as ab } from 'y';",
        "import 'side-effect';",
      ].join('\n'),
    );
    expect([...analysis.defines].sort()).toEqual(['Plot', 'ab', 'aq', 'd', 'def', 'line', 'ns']);
    expect(analysis.imports).toEqual(['arquero', '@observablehq/plot', 'x', 'y', 'side-effect']);
    expect(analysis.references).toEqual([]);
  });

  it('keeps imports the cell does not use itself (other cells use them)', () => {
    expect(ok("import { unused } from 'm';").defines).toEqual(['unused']);
  });

  it('counts a var in a nested block and a for-loop var as top-level', () => {
    expect(defs('{ var x = 1; } for (var i = 0; i < 3; i++) {}')).toEqual(['i', 'x']);
  });

  it('does not count block-scoped names in nested blocks', () => {
    expect(defs('{ const x = 1; function g() {} } if (true) { let y; }')).toEqual([]);
  });

  it('lists dynamic imports with a string literal', () => {
    const analysis = ok("const m = await import('d3-dsv'); const n = import(name);");
    expect(analysis.imports).toEqual(['d3-dsv']);
    expect(analysis.references).toEqual(['name']);
  });
});

describe('analyzeCell: references', () => {
  it('excludes the names the cell defines, wherever they are used', () => {
    expect(refs('const y = x + 1; const z = y * 2; f(z); function f(v) { return v + w }')).toEqual([
      'w',
      'x',
    ]);
  });

  it('handles shadowing in nested functions and blocks', () => {
    const source = `
      function f(a) { const b = a + c; return b; }
      { const c = 1; d(c); }
      const g = (x, { y = x, z: [w] }, ...rest) => x + y + w + rest.length + v;
      const h = function self(n) { return n ? self(n - 1) : u; };`;
    expect(refs(source)).toEqual(['c', 'd', 'u', 'v']);
  });

  it('resolves names used before their hoisted declaration', () => {
    expect(refs('f(); function f() { return g(); function g() { return x; } }')).toEqual(['x']);
    expect(refs('function f() { return y; } var y = 1;')).toEqual([]);
  });

  it('knows `arguments` inside functions but not inside arrows at top level', () => {
    expect(refs('function f() { return arguments.length; }')).toEqual([]);
    expect(refs('const g = () => arguments;')).toEqual(['arguments']);
  });

  it('handles catch clauses', () => {
    expect(refs('try { risky(); } catch (error) { report(error); } catch2;')).toEqual([
      'catch2',
      'report',
      'risky',
    ]);
    expect(refs('try {} catch ({ message, code = fallback }) { log(message, code); }')).toEqual([
      'fallback',
      'log',
    ]);
    expect(refs('try {} catch { error; }')).toEqual(['error']);
  });

  it('handles for-loop declarations', () => {
    expect(refs('for (const row of rows) total(row); for (let i = 0; i < n; i++) use(i);')).toEqual([
      'n',
      'rows',
      'total',
      'use',
    ]);
    expect(refs('for (const [k, v] of Object.entries(o)) k + v; for (const key in o) key;')).toEqual([
      'Object',
      'o',
    ]);
    expect(refs('for await (const chunk of stream) chunk;')).toEqual(['stream']);
  });

  it('handles classes: own name inside, methods, fields, static blocks, private names', () => {
    const source = `
      class A extends Base {
        #secret = seed;
        static count = 0;
        static { let local = 1; init(local); }
        [computed]() { return A.count + this.#secret; }
        method(p) { return p + other; }
      }
      const B = class Named { clone() { return new Named(); } };`;
    expect(refs(source)).toEqual(['Base', 'computed', 'init', 'other', 'seed']);
  });

  it('ignores labels', () => {
    expect(
      refs('outer: for (const a of list) { for (const b of a) { if (b) continue outer; break outer; } }'),
    ).toEqual(['list']);
  });

  it('separates property keys from shorthand properties', () => {
    expect(
      refs('const o = { b: 1, [k]: 2, c, d() { return e; }, get f() { return 1; } }; o.g; o[h]; o?.i;'),
    ).toEqual(['c', 'e', 'h', 'k']);
  });

  it('counts typeof', () => {
    expect(refs("typeof window === 'undefined'")).toEqual(['window']);
  });

  it('counts names in template literals and tagged templates', () => {
    expect(refs('html`<b>${name}</b>`; `${a + b}`')).toEqual(['a', 'b', 'html', 'name']);
  });

  it('does not count new.target or this', () => {
    expect(refs('function F() { return new.target ?? this; }')).toEqual([]);
  });
});

describe('analyzeCell: assignments to free names', () => {
  it('finds assignment, update, destructuring and for-of targets', () => {
    const analysis = ok('x = 1; y++; --z; [a, { b }] = pair; ({ c = 1 } = o); for (d of list); e += 2;');
    expect([...analysis.assignsToFree].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'x', 'y', 'z']);
    expect(analysis.references).toContain('x');
  });

  it('allows assigning to the cell’s own names and to properties', () => {
    expect(ok('let n = 0; n++; n = 2; obj.value = 3; arr[0] = 1;').assignsToFree).toEqual([]);
  });

  it('allows assigning to local names inside functions', () => {
    expect(ok('function f() { let t = 0; t += 1; return t; }').assignsToFree).toEqual([]);
  });
});

describe('analyzeCell: the last expression', () => {
  it('has a value when the last statement is an expression', () => {
    expect(ok('const a = 1;\na + 1').hasValue).toBe(true);
    expect(ok('({ a: 1 })').hasValue).toBe(true);
    expect(ok('1, 2 // trailing comment').hasValue).toBe(true);
  });

  it('has no value after a declaration, a block or nothing', () => {
    expect(ok('const a = 1;').hasValue).toBe(false);
    expect(ok('{ a: 1 }').hasValue).toBe(false);
    expect(ok('').hasValue).toBe(false);
    expect(ok('function f() {}').hasValue).toBe(false);
  });
});

describe('analyzeCell: TypeScript', () => {
  it('strips types, interfaces, generics, as, non-null and satisfies', () => {
    const source = [
      'interface Point { x: number; y: number }',
      'type Pair<T> = [T, T];',
      'const p: Point = { x: 1, y: 2 } as Point;',
      'function first<T>(pair: Pair<T>): T { return pair[0]; }',
      'const q = p!.x satisfies number;',
      'let maybe: Point | undefined;',
      'const sized = <T extends { length: number }>(t: T): number => t.length;',
      'first([q, q] as Pair<number>) + sized(label)',
    ].join('\n');
    const analysis = ok(source);
    expect([...analysis.defines].sort()).toEqual(['first', 'maybe', 'p', 'q', 'sized']);
    expect(analysis.references).toEqual(['label']);
    expect(analysis.hasValue).toBe(true);
  });

  it('defines enums', () => {
    const analysis = ok('enum Color { Red, Green = 5 }\nColor.Green');
    expect(analysis.defines).toEqual(['Color']);
    expect(analysis.references).toEqual([]);
  });

  it('drops type-only imports and declarations', () => {
    const analysis = ok(
      "import type { Table } from 'arquero';\nimport { type Op, op } from 'arquero';\ndeclare const g: number;",
    );
    expect(analysis.defines).toEqual(['op']);
  });

  it('keeps line N of the cell on line N of the JavaScript', () => {
    const source = [
      'interface A {',
      '  a: number;',
      '}',
      'type B =',
      '  | 1',
      '  | 2;',
      'enum E {',
      '  X,',
      '}',
      'const marker = 1;',
      'class K { constructor(private readonly z: number) {} }',
      'const second = 2;',
    ].join('\n');
    const lines = ok(source).code.split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[9]).toContain('const marker = 1;');
    expect(lines[11]).toContain('const second = 2;');
  });

  it('normalises CRLF line breaks', () => {
    expect(ok('const a = 1;\r\nconst b = 2;\r\na + b').code.split('\n')).toHaveLength(3);
  });
});

describe('analyzeCell: errors', () => {
  it('reports sucrase syntax errors with the line and column in the cell', () => {
    const { error } = failed('const a = 1;\nconst b = ;\n');
    expect(error).toEqual({
      name: 'SyntaxError',
      message: 'Unexpected token',
      position: { line: 2, column: 11 },
    });
  });

  it('reports acorn errors with the column in the TypeScript, not the JavaScript', () => {
    // Sucrase accepts the redeclaration; acorn rejects it. The type annotation before it is
    // stripped, so the JavaScript column differs from the cell's.
    const { error } = failed('const a: number = 1;\nconst s: string = "", a = 2;');
    expect(error.name).toBe('SyntaxError');
    expect(error.message).toBe("Identifier 'a' has already been declared");
    expect(error.position).toEqual({ line: 2, column: 23 });
  });

  it('rejects export with a clear message', () => {
    const { error } = failed('const a = 1;\nexport const b = 2;');
    expect(error.message).toMatch(/`export` is not supported/);
    expect(error.position).toEqual({ line: 2, column: 1 });
    expect(failed('export default 1').error.message).toMatch(/export/);
  });

  it('rejects import.meta and reserved names', () => {
    expect(failed('import.meta.url').error.message).toMatch(/import\.meta/);
    expect(failed('const __value = 1;').error.message).toMatch(/`__value` is reserved/);
    expect(failed('function f(__import) {}').error.message).toMatch(/`__import` is reserved/);
    expect(failed('const a = 1;\n  __refs').error.position).toEqual({ line: 2, column: 3 });
    expect(ok('const o = { __value: 1 }; o.__value').ok).toBe(true);
  });

  it('reports return outside a function', () => {
    expect(failed('return 1').error.name).toBe('SyntaxError');
  });
});

describe('analyzeCell: names bound to controls', () => {
  const views = (source: string) => ok(source).viewNames;

  it('binds a top-level `const name = view(…)` the cell uses nowhere else', () => {
    expect(views('const k = view(Inputs.range([1, 9]));\nconst other = 2;')).toEqual(['k']);
    expect(views('const a = view(Inputs.toggle());\nconst b = view(Inputs.text());')).toEqual(['a', 'b']);
  });

  it('leaves the cell re-running when it reads the name, or binds it another way', () => {
    expect(views('const k = view(Inputs.range([1, 9]));\nconst twice = k * 2;')).toEqual([]);
    expect(views('let k = view(Inputs.range([1, 9]));')).toEqual([]);
    expect(views('const { a } = view(Inputs.range([1, 9]));')).toEqual([]);
    expect(views('const k = 1 + view(Inputs.range([1, 9]));')).toEqual([]);
    expect(views('const a = view(Inputs.text()), b = 2;')).toEqual([]);
    // A `view` of the cell's own is not the runtime's.
    expect(views('function view(x) { return x; }\nconst k = view(3);')).toEqual([]);
  });

  it('passes the name after the last argument, leaving the callee where it was', () => {
    const cell = ok('const k = view(Inputs.range([1, 9]));');
    const rewrite = cell.rewrites.find((r) => r.text.includes('view.as'));
    expect(rewrite).toEqual({ start: 35, end: 35, text: ', view.as?.("k")' });
    expect(views('const k = view();')).toEqual([]);
  });
});
