/**
 * What the TypeScript language service knows about a notebook's cells, so that a name one cell
 * defines completes, hovers and type-checks in the others.
 *
 * Cells are not modules that import each other: the runtime hands each cell the values of the
 * names it reads. The editor mirrors that with hidden models in a folder of their own
 * (`cell-declarations.ts` writes them): a copy of every cell followed by `export { …the names it
 * defines… }` (the kernel reports the names; see the `names` event), and one declaration file that
 * makes each of those names a global constant typed from its cell. A cell's own editor model
 * shadows the global with its local declaration, as the runtime's scope does.
 *
 * Hidden models are never shown, and the TypeScript defaults ask for diagnostics of shown models
 * only, so the copies cost no squiggle work.
 */
import { getTypeScriptWorker, monaco } from './monaco.ts';
import { cellDeclarations, NAMES_FILE, type TypedCell } from './cell-declarations.ts';

let folders = 0;

/** The hidden models of one open notebook; {@link dispose} them when the notebook closes. */
export class NotebookTypes {
  /** A folder of its own, so that two notebooks' cells (both `cell-3`) never share a model. */
  private readonly folder = `notebook-${++folders}`;
  private readonly models = new Map<string, monaco.editor.ITextModel>();

  /** The URI of the model a cell's editor shows. */
  cellUri(cellId: string): monaco.Uri {
    return monaco.Uri.parse(`file:///${this.folder}/${cellId}.ts`);
  }

  /** Brings the hidden models up to date with the notebook's cells. */
  sync(cells: readonly TypedCell[]): void {
    const files = cellDeclarations(cells);
    const keep = new Set(files.map((f) => f.file));
    for (const [file, model] of this.models) {
      if (!keep.has(file)) {
        model.dispose();
        this.models.delete(file);
      }
    }
    for (const { file, text } of files) {
      const model = this.models.get(file);
      if (!model) {
        const uri = monaco.Uri.parse(`file:///${this.folder}/.types/${file}`);
        this.models.set(file, monaco.editor.createModel(text, 'typescript', uri));
      } else if (model.getValue() !== text) model.setValue(text);
    }
  }

  /**
   * Starts TypeScript's worker and has it check the notebook's names, which reads the library
   * declarations and the cells: done while the student reads, so the first completion in a cell
   * does not wait for all of that.
   */
  async warm(): Promise<void> {
    const names = this.models.get(NAMES_FILE);
    if (!names) return;
    // Monaco sets TypeScript up when the first TypeScript model appears, asynchronously; asked
    // before that, it answers "TypeScript not registered!". Ask again shortly.
    let forModels: Awaited<ReturnType<typeof getTypeScriptWorker>> | undefined;
    for (let attempt = 0; forModels === undefined; attempt++) {
      try {
        forModels = await getTypeScriptWorker();
      } catch (error) {
        if (attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const worker = await forModels(names.uri);
    await worker.getSemanticDiagnostics(names.uri.toString());
  }

  dispose(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
  }
}
