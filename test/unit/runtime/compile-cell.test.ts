import { describe, expect, it } from 'vitest';
import {
  analyzeCell,
  cellSourceUrl,
  compileCell,
  mapStackPosition,
  type AnalyzedCell,
  type CellResult,
  type CompiledCellFunction,
} from '../../../src/runtime/index.ts';

interface Setup {
  refs?: Record<string, unknown>;
  builtins?: Record<string, unknown>;
  modules?: Record<string, unknown>;
  id?: string;
}

function analyze(source: string): AnalyzedCell {
  const analysis = analyzeCell(source);
  if (!analysis.ok) throw new Error(analysis.error.message);
  return analysis;
}

/** Compiles a cell and evaluates it the way the kernel does, with indirect eval. */
function compile(source: string, setup: Setup = {}) {
  const { refs = {}, builtins = {}, modules = {}, id = 'cell-1' } = setup;
  const analysis = analyze(source);
  const code = compileCell(analysis, { refs: Object.keys(refs), builtins: Object.keys(builtins), id });
  const fn: CompiledCellFunction = (0, eval)(code);
  const imported: { specifier: string; options?: unknown }[] = [];
  const load = async (specifier: string, options?: unknown): Promise<unknown> => {
    imported.push(options === undefined ? { specifier } : { specifier, options });
    if (!(specifier in modules)) throw new Error(`no module ${specifier}`);
    return modules[specifier];
  };
  return { analysis, code, imported, run: (): Promise<CellResult> => fn(refs, builtins, load) };
}

/** Runs a cell that must throw, and maps the error's stack back into the cell. */
async function errorPosition(source: string, setup: Setup = {}) {
  const { analysis, code, run } = compile(source, setup);
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Error) || !error.stack) throw new Error('expected the cell to throw');
  return mapStackPosition(error.stack, setup.id ?? 'cell-1', analysis, code);
}

/** 1-based line and column of the first `needle` in `source`. */
function positionOf(source: string, needle: string) {
  const before = source.slice(0, source.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('compileCell', () => {
  it('returns definitions and the value of the last expression', async () => {
    const { run } = compile('const x = a + 1;\nfunction f() { return x; }\nclass C {}\nx * 2', {
      refs: { a: 1 },
    });
    const result = await run();
    expect(result.value).toBe(4);
    expect(Object.keys(result.defs).sort()).toEqual(['C', 'f', 'x']);
    expect(result.defs.x).toBe(2);
    expect(typeof result.defs.f).toBe('function');
  });

  it('returns every destructured name', async () => {
    const { run } = compile('const { a, b: [c, ...d] } = { a: 1, b: [2, 3, 4] };');
    expect((await run()).defs).toEqual({ a: 1, c: 2, d: [3, 4] });
  });

  it('returns an undefined value when the cell ends with a declaration, and handles empty cells', async () => {
    expect((await compile('const a = 1;').run()).value).toBeUndefined();
    expect(await compile('').run()).toEqual({ defs: {}, value: undefined });
  });

  it('puts line N of the cell on line N of the compiled code', () => {
    const source = 'interface P { x: number }\nconst p: P = { x: 1 };\nimport {\n  a,\n} from "m";\np.x';
    const { code } = compile(source, { modules: { m: { a: 1 } } });
    const lines = code.split('\n');
    expect(lines[0]).toMatch(/^\(async function \(__refs, __builtins, __import\) \{ "use strict";.*\{ $/);
    expect(lines[1]).toBe('const p = { x: 1 };');
    expect(lines[5]).toBe('__value = (p.x)');
    expect(lines.at(-1)).toBe(`//# sourceURL=${cellSourceUrl('cell-1')}`);
  });

  it('takes the last expression in all its forms', async () => {
    expect((await compile('({ a: 1 })').run()).value).toEqual({ a: 1 });
    expect((await compile('1, 2').run()).value).toBe(2);
    expect((await compile('const a = 1\n;[a, 2]').run()).value).toEqual([1, 2]);
    expect((await compile('const a = 3\na // the answer').run()).value).toBe(3);
    expect((await compile('const a = 3\na\n// trailing\n/* block */').run()).value).toBe(3);
    expect((await compile('[1, 2]\n  .map((x) => x * 2)\n  .length').run()).value).toBe(2);
    expect((await compile('let n = 0;\nn = 5').run()).value).toBe(5);
    expect((await compile('"just a string"').run()).value).toBe('just a string');
    expect((await compile('(function named() { return 1; })').run()).value).toBeTypeOf('function');
  });

  it('supports top-level await and for await', async () => {
    const source = [
      'const v = await Promise.resolve(5);',
      'async function* gen() { yield 1; yield 2; }',
      'let total = 0;',
      'for await (const x of gen()) total += x;',
      'v + total',
    ].join('\n');
    expect((await compile(source).run()).value).toBe(8);
  });

  it('rewrites imports of every form through __import', async () => {
    const modules = {
      arquero: { table: 'table' },
      plot: { default: 'Plot', dot: 'dot', line: 'line' },
      x: { default: 'def', other: 1 },
      side: {},
      'data.json': { default: [1] },
    };
    const source = [
      "import * as aq from 'arquero';",
      "import Plot, { dot as d, line } from 'plot';",
      "import def, * as ns from 'x';",
      "import 'side';",
      'import {',
      '  line as l2,',
      "} from 'plot';",
      "import data from 'data.json' with { type: 'json' };",
      "const dyn = await import('x');",
      '[aq.table, Plot, d, line, def, ns.other, l2, data, dyn.other]',
    ].join('\n');
    const { run, imported, analysis } = compile(source, { modules });
    const result = await run();
    expect(result.value).toEqual(['table', 'Plot', 'dot', 'line', 'def', 1, 'line', [1], 1]);
    expect(Object.keys(result.defs).sort()).toEqual([
      'Plot',
      'aq',
      'd',
      'data',
      'def',
      'dyn',
      'l2',
      'line',
      'ns',
    ]);
    expect(imported).toEqual([
      { specifier: 'arquero' },
      { specifier: 'plot' },
      { specifier: 'x' },
      { specifier: 'side' },
      { specifier: 'plot' },
      { specifier: 'data.json', options: { with: { type: 'json' } } },
      { specifier: 'x' },
    ]);
    expect(analysis.imports).toEqual(['arquero', 'plot', 'x', 'side', 'data.json']);
  });

  it('reads references and builtins, and lets the cell shadow a builtin', async () => {
    const shown: unknown[] = [];
    const display = (value: unknown) => shown.push(value);
    await compile('display(a * 2)', { refs: { a: 21 }, builtins: { display } }).run();
    expect(shown).toEqual([42]);

    const shadowed = compile('const display = (v: number) => v + 1;\ndisplay(1)', { builtins: { display } });
    expect((await shadowed.run()).value).toBe(2);
    expect((await shadowed.run()).defs.display).toBeTypeOf('function');
  });

  it('takes a name given both as a ref and a builtin from the refs', async () => {
    const analysis = analyze('view');
    const code = compileCell(analysis, { refs: ['view'], builtins: ['view'], id: 'v' });
    const fn: CompiledCellFunction = (0, eval)(code);
    expect((await fn({ view: 'ref' }, { view: 'builtin' }, async () => ({}))).value).toBe('ref');
  });

  it('runs in strict mode', async () => {
    await expect(compile('const o = Object.freeze({ a: 1 });\no.a = 2;').run()).rejects.toThrow(TypeError);
  });

  it('rejects names that are not identifiers', () => {
    expect(() => compileCell(analyze('1'), { refs: ['a; evil()'], builtins: [], id: 'x' })).toThrow(
      /not a JavaScript name/,
    );
  });

  it('makes ids safe in the source URL', () => {
    expect(cellSourceUrl('a b/c')).toBe('dplab-cell-a_b_c.js');
  });
});

describe('mapStackPosition', () => {
  it('maps an error on line 1, past the header and stripped types', async () => {
    const source = 'const v: number = nothing.prop;';
    expect(await errorPosition(source, { refs: { nothing: undefined } })).toEqual(positionOf(source, 'prop'));
  });

  it('maps an error on a later line', async () => {
    const source = 'const a: string = "x";\nconst o: { p: number } | null = null;\nconst r: number = o!.p;';
    expect(await errorPosition(source)).toEqual(positionOf(source, 'p;'));
  });

  it('maps an error thrown inside a function the cell calls', async () => {
    const source =
      'function f(o: { p: number } | null): number {\n  throw new RangeError("bad");\n}\nf(null)';
    expect(await errorPosition(source)).toEqual(positionOf(source, 'new RangeError'));
  });

  it('maps an error after an import on the same line', async () => {
    const source = "import * as m from 'm'; throw new Error('boom');";
    expect(await errorPosition(source, { modules: { m: {} } })).toEqual(positionOf(source, 'new Error'));
  });

  it('maps an error inside the last expression', async () => {
    const source = 'const n: number = 1;\nn + missing.x';
    expect(await errorPosition(source, { refs: { missing: null } })).toEqual(positionOf(source, 'x'));
  });

  it('uses the frame in this cell, not in another cell', async () => {
    const other = compile('function boom(): never { throw new Error("in other"); }', { id: 'other' });
    const { boom } = (await other.run()).defs;
    const source = 'const a = 1;\nboom();';
    expect(await errorPosition(source, { refs: { boom }, id: 'caller' })).toEqual({ line: 2, column: 1 });
  });

  it('returns undefined when no frame is in the cell', () => {
    const analysis = analyze('1');
    const code = compileCell(analysis, { refs: [], builtins: [], id: 'a' });
    expect(mapStackPosition('Error: x\n    at somewhere (file.js:1:1)', 'a', analysis, code)).toBeUndefined();
  });
});
