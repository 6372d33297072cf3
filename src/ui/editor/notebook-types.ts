/**
 * What the TypeScript language service knows about a notebook's cells, so that a name one cell
 * defines completes, hovers and type-checks in the others.
 *
 * Cells are not modules that import each other: the runtime hands each cell the values of the
 * names it reads. The editor mirrors that with two kinds of hidden models in a folder of their own:
 * a copy of every cell followed by `export { …the names it defines… }` (the kernel reports the names;
 * see the `names` event), and one declaration file that makes each of those names a global constant
 * typed from its cell: `const a: typeof import('./cell-3.ts').a`. A cell's own editor model shadows
 * the global with its local declaration, as the runtime's scope does.
 *
 * Hidden models are never shown, and the TypeScript defaults ask for diagnostics of shown models
 * only, so the copies cost no squiggle work.
 */
import { monaco } from './monaco.ts';

/** A cell as the types need it: its code and the top-level names it defines. */
export interface TypedCell {
  readonly id: string;
  readonly source: string;
  readonly defines: readonly string[];
}

let folders = 0;

/** The hidden models of one open notebook; {@link dispose} them when the notebook closes. */
export class NotebookTypes {
  /** A folder of its own, so that two notebooks' cells (both `cell-3`) never share a model. */
  private readonly folder = `notebook-${++folders}`;
  private readonly copies = new Map<string, monaco.editor.ITextModel>();
  private readonly names: monaco.editor.ITextModel;

  constructor() {
    this.names = monaco.editor.createModel('export {};\n', 'typescript', this.hidden('names.d.ts'));
  }

  /** The URI of the model a cell's editor shows. */
  cellUri(cellId: string): monaco.Uri {
    return monaco.Uri.parse(`file:///${this.folder}/${cellId}.ts`);
  }

  /** Brings the hidden models up to date with the notebook's cells. */
  sync(cells: readonly TypedCell[]): void {
    const keep = new Set(cells.map((c) => c.id));
    for (const [id, model] of this.copies) {
      if (!keep.has(id)) {
        model.dispose();
        this.copies.delete(id);
      }
    }
    const declared = new Map<string, string>();
    for (const cell of cells) {
      const exported = cell.defines.filter((name) => !declared.has(name));
      for (const name of exported) declared.set(name, cell.id);
      // The export list goes on a line of its own after the code, so a cell ending in a comment or
      // without a final semicolon still parses.
      const text = `${cell.source}\n;export { ${exported.join(', ')} };\n`;
      const model = this.copies.get(cell.id);
      if (!model) {
        this.copies.set(cell.id, monaco.editor.createModel(text, 'typescript', this.hidden(`${cell.id}.ts`)));
      } else if (model.getValue() !== text) model.setValue(text);
    }
    // A name two cells define is declared once (the runtime reports the duplicate itself).
    const lines = [...declared].map(([name, id]) => `  const ${name}: typeof import('./${id}.ts').${name};`);
    const text = `export {};\ndeclare global {\n${lines.join('\n')}\n}\n`;
    if (this.names.getValue() !== text) this.names.setValue(text);
  }

  dispose(): void {
    for (const model of this.copies.values()) model.dispose();
    this.copies.clear();
    this.names.dispose();
  }

  private hidden(file: string): monaco.Uri {
    return monaco.Uri.parse(`file:///${this.folder}/.types/${file}`);
  }
}
