/**
 * The hidden files that tell TypeScript about a notebook's cells (see `notebook-types.ts`): a
 * copy of each cell that exports the names it defines, and one declaration file that makes each
 * of those names a global typed from its cell. Pure text, no Monaco, so the same files can be
 * checked in Node (`test/unit/editor/`) as the editor builds them.
 */

/** A cell as the types need it: its code and the top-level names it defines. */
export interface TypedCell {
  readonly id: string;
  readonly source: string;
  readonly defines: readonly string[];
}

/** One hidden file, by its name inside the notebook's hidden folder. */
export interface CellDeclarationFile {
  readonly file: string;
  readonly text: string;
}

/** The name of the declaration file inside the hidden folder. */
export const NAMES_FILE = 'names.d.ts';

/**
 * Types a cell declares at its top level (`type Row = …`, `interface Fit {…}`, and the instance
 * types of its classes and enums), found by their keyword at the start of a line, as code is
 * written in cells. The runtime never sees types (sucrase strips them), so the kernel's names do
 * not include them. Generic types are left out: their parameters would need copying too.
 */
export function declaredTypes(source: string): { aliases: string[]; classes: string[] } {
  const aliases: string[] = [];
  const classes: string[] = [];
  const pattern =
    /^(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(type|interface|class|enum)\s+([A-Za-z_$][\w$]*)(\s*<)?/gm;
  for (const [, keyword, name, generic] of source.matchAll(pattern)) {
    if (generic || !name) continue;
    if (keyword === 'type' || keyword === 'interface') aliases.push(name);
    else classes.push(name);
  }
  return { aliases, classes };
}

/**
 * The hidden files for `cells`: `<id>.ts` for each cell and {@link NAMES_FILE}. A name two cells
 * define is declared once, from the first (the runtime reports the duplicate itself).
 */
export function cellDeclarations(cells: readonly TypedCell[]): CellDeclarationFile[] {
  const declared = new Map<string, string>();
  const types = new Map<string, string>();
  const files: CellDeclarationFile[] = [];
  for (const cell of cells) {
    const exported = cell.defines.filter((name) => !declared.has(name));
    for (const name of exported) declared.set(name, cell.id);
    const { aliases, classes } = declaredTypes(cell.source);
    const typeOnly = aliases.filter((name) => !types.has(name) && !cell.defines.includes(name));
    for (const name of [...typeOnly, ...classes.filter((c) => exported.includes(c))]) {
      if (!types.has(name)) types.set(name, cell.id);
    }
    // The export list goes on a line of its own after the code, so a cell ending in a comment or
    // without a final semicolon still parses.
    const exportTypes = typeOnly.length > 0 ? `export type { ${typeOnly.join(', ')} };\n` : '';
    files.push({
      file: `${cell.id}.ts`,
      text: `${cell.source}\n;export { ${exported.join(', ')} };\n${exportTypes}`,
    });
  }
  const lines = [
    ...[...declared].map(([name, id]) => `  const ${name}: typeof import('./${id}.ts').${name};`),
    // A class's (or enum's) instance type, and type aliases and interfaces, under the same name.
    ...[...types].map(([name, id]) => `  type ${name} = import('./${id}.ts').${name};`),
  ];
  files.push({ file: NAMES_FILE, text: `export {};\ndeclare global {\n${lines.join('\n')}\n}\n` });
  return files;
}
