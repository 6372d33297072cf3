/**
 * The editor's declarations work with TypeScript's language service as Monaco's worker runs it:
 * the same compiler options, files only at `file:///` paths (the collected libs and the cell), no
 * directory listing, standard `lib.*.d.ts` files looked up by bare name.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cellGlobalsPath,
  collectEditorTypes,
  editorCompilerOptions,
  editorCompilerOptionsJson,
  type EditorLib,
} from '../../../src/build/editor-types.ts';
import { editorTypes } from '../../../src/build/editor-types-plugin.ts';
import { BUILTIN_NAMES } from '../../../src/kernel/builtins/cell-scope.ts';
import { Inputs } from '../../../src/kernel/builtins/inputs.ts';
import { createEditor, messages, type Editor } from './language-service.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CELL = 'file:///cells/cell-2.ts';

/** A cell as a student would write it, using every library and global. */
const realisticCell = `import * as aq from 'arquero';
import * as Plot from '@observablehq/plot';
import { acf, movingAverage } from 'dplab/stats';
import { fitNaive, forecastNaive, mae, trainTestSplit } from 'dplab/forecast';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

const rows = await FileAttachment('AirPassengers.csv').csv({ typed: true });
const raw = await FileAttachment('AirPassengers.csv').csv();
const rawIsText: Equal<(typeof raw)[number]['x'], string> = true;
const columns: string[] = rows.columns;
const values: number[] = rows.map((d) => d.value);

const k = view(Inputs.range([1, 10], { step: 1 }));
const kIsNumber: Equal<typeof k, number> = true;
const smooth = movingAverage(values, { window: k });
const r1 = acf(values, 12)[1];

const { train, test } = trainTestSplit(values, { test: 12 });
const fc = forecastNaive(fitNaive(train), test.length, { level: [80, 95] });
const error: number = mae(test, fc.mean);

const t = aq.table({ t: values.map((_, i) => i), v: values, s: smooth });
const from = aq.from(rows).derive({ avg: (d) => aq.op.mean(d.value) });
const summary = t.rollup({ mean: aq.op.mean('v') }).objects();

const chart = Plot.plot({ marks: [Plot.lineY(t.objects(), { x: 't', y: 'v' }), Plot.ruleY([0])] });
display(chart);
display(from);

const model = view(Inputs.select(['naive', 'drift'], { label: 'model' }));
const modelIsOption: Equal<typeof model, 'naive' | 'drift'> = true;
const key = view(Inputs.select(Object.keys({ a: 1, b: 2 })));
const keyIsString: Equal<typeof key, string> = true;
const many = view(Inputs.select(new Map([['one', 1], ['two', 2]]), { multiple: true }));
const manyIsNumbers: Equal<typeof many, number[]> = true;
const pick = view(Inputs.radio([{ id: 1 }, { id: 2 }], { valueof: (d) => d.id }));
const pickIsNumberOrNull: Equal<typeof pick, number | null> = true;
const mode = view(Inputs.radio(['additive', 'multiplicative'], { value: 'additive' }));
const modeIsOption: Equal<typeof mode, 'additive' | 'multiplicative'> = true;
const boxes = view(Inputs.checkbox(['a', 'b'], { value: ['a'] }));
const boxesAreOptions: Equal<typeof boxes, ('a' | 'b')[]> = true;
const on = view(Inputs.toggle({ label: 'log scale' }));
const onIsBoolean: Equal<typeof on, boolean> = true;
const side = view(Inputs.toggle({ values: ['left', 'right'] as const }));
const sideIsLiteral: Equal<typeof side, 'left' | 'right'> = true;
const n = view(Inputs.number([0, null], { placeholder: 'h' }));
const nIsOptional: Equal<typeof n, number | undefined> = true;
const name: string = view(Inputs.text({ value: 'x' }));
console.log(rawIsText, columns, r1, error, summary, kIsNumber, modelIsOption, keyIsString, manyIsNumbers);
console.log(pickIsNumberOrNull, modeIsOption, boxesAreOptions, onIsBoolean, sideIsLiteral, nIsOptional, name);
`;

/** The editor with the cell at {@link CELL}, the one model the tests below use. */
interface CellEditor extends Editor {
  setCell(text: string): void;
}

function createCellEditor(libs: readonly EditorLib[], options: ts.CompilerOptions): CellEditor {
  const editor = createEditor(libs, options);
  return { ...editor, setCell: (text) => editor.setFile(CELL, text) };
}

/** Completion names at the end of `prefix`, which ends with a member access like `aq.`. */
function completionsAfter(editor: CellEditor, header: string, prefix: string): string[] {
  const text = `${header}\n${prefix}`;
  editor.setCell(text);
  const info = editor.service.getCompletionsAtPosition(CELL, text.length, {});
  return (info?.entries ?? []).map((e) => e.name);
}

let libs: EditorLib[];
let editor: CellEditor;

beforeAll(async () => {
  const started = performance.now();
  libs = await collectEditorTypes(root);
  const collected = performance.now();
  editor = createCellEditor(libs, editorCompilerOptions as ts.CompilerOptions);
  editor.setCell(realisticCell);
  editor.service.getSemanticDiagnostics(CELL);
  const checked = performance.now();
  const raw = libs.reduce((sum, lib) => sum + Buffer.byteLength(lib.text), 0);
  const module = `export default ${JSON.stringify(libs)};`;
  console.log(
    `editor types: ${libs.length} files, ${raw} bytes of text; module ${Buffer.byteLength(module)} bytes, ` +
      `${gzipSync(module).length} gzipped; collected in ${(collected - started).toFixed(0)} ms, ` +
      `first diagnostics in ${(checked - collected).toFixed(0)} ms`,
  );
}, 60_000);

describe('collectEditorTypes', () => {
  it('gives file:/// paths, each once', () => {
    const paths = libs.map((lib) => lib.path);
    expect(paths.every((p) => p.startsWith('file:///'))).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('file:///node_modules/dplab/src/stats/index.ts');
    expect(paths).toContain('file:///node_modules/arquero/package.json');
    expect(paths.some((p) => p.endsWith('.test.ts'))).toBe(false);
  });

  it('gives the compiler options in both forms, the same', () => {
    const json = ts.convertCompilerOptionsFromJson(editorCompilerOptionsJson, '');
    expect(json.errors).toEqual([]);
    expect(json.options).toEqual(editorCompilerOptions);
    expect(editorCompilerOptions).toMatchObject({
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      moduleDetection: ts.ModuleDetectionKind.Force,
    });
  });

  it('resolves every import of every collected file', () => {
    const files = new Map(libs.map((lib) => [lib.path, lib.text]));
    const host: ts.ModuleResolutionHost = {
      fileExists: (name) => files.has(name),
      readFile: (name) => files.get(name),
    };
    const options = editorCompilerOptions as ts.CompilerOptions;
    // Modules declared in a global script (the "d3" stub) need no file.
    const ambient = new Set(
      editor.service
        .getProgram()!
        .getTypeChecker()
        .getAmbientModules()
        .map((m) => m.name.replace(/^"|"$/g, '')),
    );
    expect(ambient).toContain('d3');
    const unresolved: string[] = [];
    for (const lib of libs.filter((l) => /\.(d\.)?ts$/.test(l.path))) {
      for (const { fileName } of ts.preProcessFile(lib.text, true, true).importedFiles) {
        const resolved = ts.resolveModuleName(fileName, lib.path, options, host).resolvedModule;
        if (!resolved && !ambient.has(fileName)) unresolved.push(`${lib.path}: ${fileName}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('makes a program without global errors', () => {
    expect(messages(editor.service.getCompilerOptionsDiagnostics())).toEqual([]);
  });

  it('has declarations that check without new errors even without skipLibCheck', () => {
    const strict = createCellEditor(libs, {
      ...(editorCompilerOptions as ts.CompilerOptions),
      skipLibCheck: false,
    });
    strict.setCell('export {};');
    const errors = libs
      .filter((lib) => /\.(d\.)?ts$/.test(lib.path))
      .flatMap((lib) => messages(strict.service.getSemanticDiagnostics(lib.path)));
    // Mistakes in the packages' own declarations (arquero 8.0.3, flechette 2.6.0) that
    // skipLibCheck hides; anything else, such as a name or module that does not resolve, is ours.
    const upstream = [
      'file:///node_modules/arquero/dist/types/table/ColumnTable.d.ts:353:86 TS2370: A rest parameter must be of an array type.',
      'file:///node_modules/arquero/dist/types/table/ColumnTable.d.ts:353:95 TS1047: A rest parameter cannot be optional.',
      "file:///node_modules/@uwdata/flechette/dist/types/table.d.ts:39:5 TS7008: Member 'getFactory' implicitly has an 'any' type.",
    ];
    expect(errors.filter((e) => !upstream.includes(e))).toEqual([]);
  }, 30_000); // checks all 400 files in full: seconds, not milliseconds
});

describe('the editor-types plugin', () => {
  it('serves the options and the libs as virtual:editor-types', async () => {
    const plugin = editorTypes(root);
    const call = <A extends unknown[]>(hook: unknown, ...args: A): unknown =>
      (typeof hook === 'function' ? hook : (hook as { handler: (...a: A) => unknown }).handler).call(
        {},
        ...args,
      );
    const id = call(plugin.resolveId, 'virtual:editor-types', undefined, {}) as string;
    expect(id).toBe('\0virtual:editor-types');
    expect(call(plugin.resolveId, 'arquero', undefined, {})).toBeUndefined();
    const code = (await call(plugin.load, id)) as string;
    const served = JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as unknown;
    expect(served).toEqual({ compilerOptions: editorCompilerOptions, libs });
  });
});

describe('a cell in the editor', () => {
  it('checks a realistic cell without errors', () => {
    editor.setCell(realisticCell);
    expect(messages(editor.service.getSyntacticDiagnostics(CELL))).toEqual([]);
    expect(messages(editor.service.getSemanticDiagnostics(CELL))).toEqual([]);
  });

  it('shows a control value as a number on hover', () => {
    editor.setCell(realisticCell);
    const at = realisticCell.indexOf('const k =') + 'const '.length;
    const info = editor.service.getQuickInfoAtPosition(CELL, at);
    expect(ts.displayPartsToString(info?.displayParts)).toBe('const k: number');
  });

  it('reports a type error', () => {
    editor.setCell(`const n: number = 'text';\nconsole.log(n);\n`);
    const errors = editor.service.getSemanticDiagnostics(CELL);
    expect(errors.map((d) => d.code)).toEqual([2322]);
  });

  it('reports a misused control and an unknown module', () => {
    editor.setCell(`import { nope } from 'dplab/stats';\nconst s: string = view(Inputs.range([0, 1]));\n`);
    const codes = editor.service.getSemanticDiagnostics(CELL).map((d) => d.code);
    expect(codes).toEqual([2305, 2322]);
  });

  it('completes arquero, Inputs and Plot members', () => {
    const imports = `import * as aq from 'arquero';\nimport * as Plot from '@observablehq/plot';`;
    expect(completionsAfter(editor, imports, 'aq.')).toEqual(expect.arrayContaining(['table', 'from', 'op']));
    expect(completionsAfter(editor, imports, 'Inputs.')).toEqual(
      expect.arrayContaining(['range', 'select', 'text']),
    );
    expect(completionsAfter(editor, imports, 'Plot.')).toEqual(expect.arrayContaining(['lineY', 'plot']));
  });

  it('does not offer the Input brand as a member of Inputs', () => {
    const names = completionsAfter(editor, '', 'Inputs.');
    expect(names.sort()).toEqual(Object.keys(Inputs).sort());
  });
});

describe('cell-globals.d.ts', () => {
  /** The global values the cell sees, with the file that declares each. */
  function globals(): Map<string, string[]> {
    editor.setCell('export {};');
    const program = editor.service.getProgram()!;
    const checker = program.getTypeChecker();
    const cell = program.getSourceFile(CELL)!;
    const symbols = checker.getSymbolsInScope(cell, ts.SymbolFlags.Value);
    return new Map(
      symbols.map((s) => [s.name, (s.declarations ?? []).map((d) => d.getSourceFile().fileName)]),
    );
  }

  it("declares every builtin name but console (the worker's lib declares that)", () => {
    const scope = globals();
    for (const name of BUILTIN_NAMES) {
      const files = scope.get(name) ?? [];
      if (name === 'console') expect(files).not.toContain(cellGlobalsPath);
      else expect(files, name).toContain(cellGlobalsPath);
    }
  });

  it('declares exactly the functions of the runtime Inputs object', () => {
    editor.setCell('export {};');
    const program = editor.service.getProgram()!;
    const checker = program.getTypeChecker();
    const inputs = checker
      .getSymbolsInScope(program.getSourceFile(CELL)!, ts.SymbolFlags.Value)
      .find((s) => s.name === 'Inputs')!;
    const declared = checker
      .getExportsOfModule(inputs)
      .filter((s) => s.flags & ts.SymbolFlags.Function)
      .map((s) => s.name);
    const runtime = Object.entries(Inputs)
      .filter(([, f]) => typeof f === 'function')
      .map(([name]) => name);
    expect(declared.sort()).toEqual(runtime.sort());
  });
});
