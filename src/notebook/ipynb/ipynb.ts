/**
 * Exporting a notebook as a Jupyter notebook (`.ipynb`, nbformat 4.5) that JupyterLab opens, and
 * (in `from-ipynb.ts`) importing one.
 *
 * The file is written as Jupyter writes it: keys in alphabetical order, sources as lists of lines
 * each ending in `\n` but the last, a stable `id` on every cell (required since nbformat 4.5). What
 * has no place in nbformat is kept in `metadata.dplab`: the front matter as raw YAML on the
 * notebook, and a cell's info string (`ts hidden`) on the cell, so an import gives it back.
 */
import type { CellError, Output } from '../../protocol.ts';
import { ipynbOutputs, type IpynbOutput } from './ipynb-outputs.ts';
import type { Block, CodeCell, Notebook } from '../notebook.ts';

export { fromIpynb } from './from-ipynb.ts';
export { ipynbOutputs, type IpynbOutput } from './ipynb-outputs.ts';

/** A cell of an nbformat 4.5 notebook, as this module writes it. */
export type IpynbCell =
  | { cell_type: 'markdown'; id: string; metadata: Record<string, unknown>; source: string[] }
  | {
      cell_type: 'code';
      /** The run's number, `null` for a cell that has not run (as Jupyter writes it). */
      execution_count: number | null;
      id: string;
      metadata: Record<string, unknown>;
      outputs: IpynbOutput[];
      source: string[];
    };

/** An nbformat 4.5 notebook, as this module writes it. */
export interface IpynbNotebook {
  cells: IpynbCell[];
  metadata: {
    dplab?: { frontMatter: string };
    kernelspec: { display_name: string; language: string; name: string };
    language_info: { file_extension: string; mimetype: string; name: string };
    title?: string;
  };
  nbformat: 4;
  nbformat_minor: 5;
}

/** What else to put in the export: the outputs and errors shown under the cells, by cell id. */
export interface IpynbExtras {
  errors?: ReadonlyMap<string, CellError>;
}

/**
 * The notebook as an nbformat 4.5 object (`JSON.stringify` it, or use {@link ipynbText}).
 * Markdown blocks become markdown cells (without the blank lines that end them); code cells become
 * code cells with the given outputs (and errors), numbered in order like a top-to-bottom run.
 */
export function toIpynb(
  nb: Notebook,
  outputs?: ReadonlyMap<string, readonly Output[]>,
  extras: IpynbExtras = {},
): IpynbNotebook {
  const ids = new Set<string>();
  let runs = 0;
  const cells = nb.blocks.map((block): IpynbCell => {
    const id = cellId(block, ids);
    if (block.kind === 'markdown') {
      return {
        cell_type: 'markdown',
        id,
        metadata: {},
        source: sourceLines(block.source.replace(/\n\s*$/, '')),
      };
    }
    const shown = outputs?.get(block.id);
    const error = extras.errors?.get(block.id);
    const ran = shown !== undefined || error !== undefined;
    const count = ran ? ++runs : null;
    return {
      cell_type: 'code',
      execution_count: count,
      id,
      metadata: cellMetadata(block),
      outputs: ran ? ipynbOutputs(shown ?? [], count, error) : [],
      source: sourceLines(block.source),
    };
  });
  return {
    cells,
    metadata: {
      ...(nb.frontMatter === undefined ? {} : { dplab: { frontMatter: nb.frontMatter } }),
      kernelspec: { display_name: 'TypeScript (Data Products Lab)', language: 'typescript', name: 'dplab' },
      language_info: { file_extension: '.ts', mimetype: 'text/typescript', name: 'typescript' },
      ...(typeof nb.meta.title === 'string' ? { title: nb.meta.title } : {}),
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** The `.ipynb` file's text, formatted as Jupyter writes it (one-space indent, final newline). */
export function ipynbText(
  nb: Notebook,
  outputs?: ReadonlyMap<string, readonly Output[]>,
  extras?: IpynbExtras,
): string {
  return JSON.stringify(toIpynb(nb, outputs, extras), null, 1) + '\n';
}

/**
 * Text as nbformat's list of lines: each line keeps its `\n`, so joining the list gives the text
 * back; `''` is the empty list.
 */
export function sourceLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split(/(?<=\n)/);
}

/** The info string after the fence as written (`ts`, `ts hidden id=a`). */
export function infoString(cell: CodeCell): string {
  return /^ *(?:`{3,}|~{3,})(.*)$/.exec(cell.raw.open.replace(/\r?\n|\r/, ''))?.[1]?.trim() || cell.lang;
}

function cellMetadata(cell: CodeCell): Record<string, unknown> {
  const info = infoString(cell);
  return {
    ...(info === 'ts' ? {} : { dplab: { info } }),
    // JupyterLab collapses the code of a cell marked `hidden` and shows its outputs.
    ...(cell.options.hidden === true ? { jupyter: { source_hidden: true } } : {}),
  };
}

/** The block's id when nbformat allows it (`[a-zA-Z0-9-_]{1,64}`, unique), else a cleaned-up one. */
function cellId(block: Block, taken: Set<string>): string {
  const base = block.id.replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, 56) || block.kind;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
