/**
 * Every cell of every bundled notebook opens in the editor without a red squiggle: TypeScript, as
 * Monaco's worker runs it, finds no syntactic or semantic error in it, with the editor's libs and
 * the hidden files that tell it about the notebook's other cells (`cellDeclarations`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  collectEditorTypes,
  editorCompilerOptions,
  type EditorLib,
} from '../../../src/build/editor-types.ts';
import { parseNotebook } from '../../../src/notebook/parse-notebook.ts';
import { analyzeCell } from '../../../src/runtime/analyze-cell.ts';
import { cellDeclarations } from '../../../src/ui/editor/cell-declarations.ts';
import { runnableCells } from '../../../src/learn/notebook-cells.ts';
import { findExercises } from '../../../src/learn/exercises.ts';
import { createEditor, type Editor } from './language-service.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = new URL('../../../notebooks/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

/** Where the editor puts a notebook's models (see notebook-types.ts). */
const FOLDER = 'file:///notebook-1';
const cellPath = (id: string): string => `${FOLDER}/${id}.ts`;

interface Cell {
  readonly id: string;
  readonly source: string;
}

/**
 * The editor for a notebook of `cells`, as the page sets it up: each cell's own model, and the
 * hidden files made from what each cell defines.
 */
function openNotebook(libs: readonly EditorLib[], cells: readonly Cell[]): Editor {
  const editor = createEditor(libs, editorCompilerOptions as ts.CompilerOptions);
  const typed = cells.map((cell) => {
    const analysis = analyzeCell(cell.source);
    return { ...cell, defines: analysis.ok ? analysis.defines : [] };
  });
  for (const { file, text } of cellDeclarations(typed)) editor.setFile(`${FOLDER}/.types/${file}`, text);
  for (const cell of cells) editor.setFile(cellPath(cell.id), cell.source);
  return editor;
}

/** Every diagnostic of the cells' own models, as `cell N, line L: TSxxxx message`. */
function squiggles(editor: Editor, cells: readonly Cell[]): string[] {
  return cells.flatMap((cell, i) => {
    const path = cellPath(cell.id);
    const diagnostics = [
      ...editor.service.getSyntacticDiagnostics(path),
      ...editor.service.getSemanticDiagnostics(path),
    ];
    return diagnostics.map((d) => {
      const line =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : '?';
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n  ');
      return `cell ${i + 1} (${cell.id}), line ${line}: TS${d.code} ${message}`;
    });
  });
}

/**
 * Diagnostics a lesson shows on purpose, by notebook. The welcome lesson's typo teaches what an
 * error looks like (the cell runs only when the student turns the switch on); the editor
 * underlining it too is part of the lesson, not a mistake in it.
 */
const intended: Record<string, string[]> = {
  '00-welcome.md': ["cell 9 (cell-9), line 2: TS2552 Cannot find name 'valuse'. Did you mean 'values'?"],
};

let libs: EditorLib[];

beforeAll(async () => {
  libs = await collectEditorTypes(root);
});

describe('the check itself', () => {
  it('reports a wrong cell and types a name from another cell', () => {
    const cells = [
      {
        id: 'cell-1',
        source: `const rows = await FileAttachment('a.csv').csv({ typed: true });\nconst n = rows.length;`,
      },
      { id: 'cell-2', source: `const label: string = n;` },
      { id: 'cell-3', source: `import * as aq from 'arquero';\naq.table({ n: [n] });` },
      { id: 'cell-4', source: `aq.nope();\nconst k = view(Inputs.range([0, 1]));` },
      { id: 'cell-5', source: `const doubled = k * 2 + n;` },
    ];
    const editor = openNotebook(libs, cells);
    expect(squiggles(editor, cells)).toEqual([
      "cell 2 (cell-2), line 1: TS2322 Type 'number' is not assignable to type 'string'.",
      "cell 4 (cell-4), line 1: TS2339 Property 'nope' does not exist on type 'typeof import(\"file:///node_modules/arquero/dist/types/index\")'.",
    ]);
    const source = cells[4]!.source;
    const hover = (name: string): string =>
      ts.displayPartsToString(
        editor.service.getQuickInfoAtPosition(cellPath('cell-5'), source.indexOf(name))?.displayParts,
      );
    expect(hover('k ')).toBe('const k: number');
    expect(hover('n;')).toBe('const n: number');
  });

  it('shares the types a cell declares (aliases, interfaces, classes) with the other cells', () => {
    const cells = [
      {
        id: 'cell-1',
        source:
          'interface Point {\n  x: number;\n}\ntype Pair = [number, number];\nclass Counter {\n  n = 0;\n}\nconst origin: Point = { x: 0 };',
      },
      {
        id: 'cell-2',
        source:
          'const p: Point = { x: 1 };\nconst q: Pair = [1, 2];\nconst c: Counter = new Counter();\nconst bad: Point = { x: 1, y: 2 };',
      },
    ];
    const editor = openNotebook(libs, cells);
    const found = squiggles(editor, cells);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^cell 2 \(cell-2\), line 4: TS2353 .*'y' does not exist in type 'Point'/);
  });

  it("gives cells the worker's globals: names a window has are free for cells, and there is no document", () => {
    // With the page's lib, `top`, `name` and `status` would be the window's (`WindowProxy`, `void`,
    // `string`) in every other cell, whatever a cell defined.
    const cells = [
      {
        id: 'cell-1',
        source: `const top = [3, 1, 2];
const status = 200;
const history = [1, 2];`,
      },
      {
        id: 'cell-2',
        source: `const best = top.map((x) => x * 2);
const ok = status + 1;
history.length`,
      },
      { id: 'cell-3', source: `document.title` },
    ];
    const editor = openNotebook(libs, cells);
    expect(squiggles(editor, cells)).toEqual([
      "cell 3 (cell-3), line 1: TS2584 Cannot find name 'document'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'.",
    ]);
  });
});

describe.each(files)('notebooks/%s', (file) => {
  it('has no diagnostic in any cell', () => {
    const notebook = parseNotebook(readFileSync(new URL(file, dir), 'utf8'));
    const cells = runnableCells(notebook).map((b) => ({ id: b.id, source: b.source }));
    expect(cells.length).toBeGreaterThan(0);
    const editor = openNotebook(libs, cells);
    expect(squiggles(editor, cells)).toEqual(intended[file] ?? []);
    // Each exercise's solution, in place of its starter code, type-checks too.
    const solutions = new Map(
      findExercises(notebook).exercises.flatMap((e) => (e.solution ? [[e.cellId, e.solution.source]] : [])),
    );
    if (solutions.size === 0) return;
    const solved = cells.map((c) => ({ id: c.id, source: solutions.get(c.id) ?? c.source }));
    const solvedEditor = openNotebook(libs, solved);
    expect(
      squiggles(solvedEditor, solved).filter(
        (d) => /\((cell-\d+)\)/.test(d) && solutions.has(/\((cell-\d+)\)/.exec(d)![1]),
      ),
    ).toEqual([]);
  }, 30_000);
});
