/** Which top-level types of a cell the editor shares with the other cells. */
import { describe, expect, it } from 'vitest';
import { cellDeclarations, declaredTypes } from '../../../src/ui/editor/cell-declarations.ts';

describe('declaredTypes', () => {
  it('finds top-level type aliases, interfaces, classes and enums, and leaves generics and nested ones out', () => {
    const source = [
      'type Row = { date: Date; value: number };',
      'export interface Fit { alpha: number }',
      'abstract class Model {}',
      'enum Season { Winter, Summer }',
      'type Box<T> = { value: T };',
      'function f() {',
      '  type Inner = number;',
      '  return 1;',
      '}',
      'const typeName = "type Fake = 1";',
    ].join('\n');
    expect(declaredTypes(source)).toEqual({ aliases: ['Row', 'Fit'], classes: ['Model', 'Season'] });
  });
});

describe('cellDeclarations', () => {
  it('exports each name once, from the first cell that defines it, and declares it globally', () => {
    const files = cellDeclarations([
      { id: 'cell-1', source: 'const a = 1;\ntype T = string;', defines: ['a'] },
      { id: 'cell-2', source: 'const a = 2;\nconst b = a; // last line is a comment', defines: ['a', 'b'] },
    ]);
    expect(files.map((f) => f.file)).toEqual(['cell-1.ts', 'cell-2.ts', 'names.d.ts']);
    expect(files[0]!.text).toBe('const a = 1;\ntype T = string;\n;export { a };\nexport type { T };\n');
    expect(files[1]!.text).toBe('const a = 2;\nconst b = a; // last line is a comment\n;export { b };\n');
    expect(files[2]!.text).toBe(
      [
        'export {};',
        'declare global {',
        "  const a: typeof import('./cell-1.ts').a;",
        "  const b: typeof import('./cell-2.ts').b;",
        "  type T = import('./cell-1.ts').T;",
        '}',
        '',
      ].join('\n'),
    );
  });
});
