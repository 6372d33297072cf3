/**
 * Importing a Jupyter notebook (nbformat 4) as a notebook's Markdown text.
 *
 * - front matter: `metadata.dplab.frontMatter` when present (a notebook exported from here), else
 *   a `title:` from `metadata.title`, else none;
 * - markdown cells → prose; images attached to a cell (`attachment:name`) become `data:` URLs, so
 *   they still show;
 * - code cells → ```` ```ts ```` cells (the info string from `metadata.dplab.info` when present),
 *   with a longer fence when the code holds a line of backticks. A notebook whose kernel language
 *   is not TypeScript or JavaScript (a Python notebook) gets fences in its own language instead,
 *   shown as code but not run, since running Python as TypeScript would only give errors;
 * - raw cells → prose, as written;
 * - outputs are left out: the notebook computes them again when it runs.
 *
 * Blocks are separated by one blank line. Anything that is not an nbformat 4 notebook is refused
 * with an `Error` saying what is wrong and where.
 */
import { isRunnableLang, parseInfoString } from '../info-string.ts';

type Json = Record<string, unknown>;

/**
 * The Markdown text of a Jupyter notebook, given as the file's text or as parsed JSON. Throws an
 * `Error` naming the problem when it is not an nbformat 4 notebook (not JSON, another nbformat
 * version, a cell without `cell_type`, …).
 */
export function fromIpynb(json: unknown): string {
  const nb = object(typeof json === 'string' ? parseJson(json) : json, 'the notebook');
  if (nb.nbformat !== 4) {
    const version = typeof nb.nbformat === 'number' ? `nbformat ${nb.nbformat}` : 'no "nbformat" number';
    throw new Error(
      `this notebook has ${version}; only nbformat 4 can be imported` +
        (nb.nbformat === 3 ? ' (open it in Jupyter and save it to convert it to nbformat 4)' : ''),
    );
  }
  if (!Array.isArray(nb.cells)) throw new Error('this notebook has no "cells" list');
  const metadata = nb.metadata === undefined ? {} : object(nb.metadata, 'the notebook\'s "metadata"');
  const lang = codeLanguage(metadata);
  const chunks = nb.cells.map((value, i) => {
    const cell = object(value, `cell ${i + 1}`);
    const where = `cell ${i + 1}${typeof cell.id === 'string' ? ` (id ${cell.id})` : ''}`;
    const source = text(cell.source ?? '', `${where}: "source"`).replace(/\r\n?/g, '\n');
    switch (cell.cell_type) {
      case 'markdown':
        return withAttachments(source, cell.attachments, where);
      case 'raw':
        return source;
      case 'code':
        return fenced(source, lang === 'ts' ? cellInfo(cell.metadata) : lang);
      case undefined:
        throw new Error(`${where} has no "cell_type"`);
      default:
        throw new Error(
          `${where} has "cell_type" ${JSON.stringify(cell.cell_type)}; expected code, markdown or raw`,
        );
    }
  });
  // Leading blank lines and the final line ending go; the blank line between blocks is added back.
  const blocks = chunks
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => chunk.replace(/^(?:[ \t]*\n)+/, '').replace(/\n\s*$/, ''));
  const head = frontMatter(metadata);
  return head + (head && blocks.length ? '\n' : '') + blocks.map((block) => block + '\n').join('\n');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(`this file is not JSON, so not a Jupyter notebook (${reason})`, { cause: e });
  }
}

function frontMatter(metadata: Json): string {
  const dplab = metadata.dplab;
  const yaml =
    typeof dplab === 'object' &&
    dplab !== null &&
    'frontMatter' in dplab &&
    typeof dplab.frontMatter === 'string'
      ? dplab.frontMatter.replace(/\r\n?/g, '\n')
      : // JSON strings are YAML double-quoted strings.
        typeof metadata.title === 'string'
        ? `title: ${JSON.stringify(metadata.title)}\n`
        : undefined;
  if (yaml === undefined) return '';
  return `---\n${yaml}${yaml === '' || yaml.endsWith('\n') ? '' : '\n'}---\n`;
}

/** `ts` for TypeScript or JavaScript kernels (and when the notebook does not say), else the language. */
function codeLanguage(metadata: Json): string {
  const info = metadata.language_info;
  const spec = metadata.kernelspec;
  const name =
    (typeof info === 'object' && info !== null && 'name' in info && info.name) ||
    (typeof spec === 'object' && spec !== null && 'language' in spec && spec.language);
  if (typeof name !== 'string' || /^(typescript|javascript|ts|js)$/i.test(name.trim())) return 'ts';
  // An info string is one word here; anything odd in the name must not break the fence.
  return name.trim().replace(/[^\w+#.-]/g, '') || 'ts';
}

/** The cell's own info string when it was exported from here and still names a runnable cell. */
function cellInfo(metadata: unknown): string {
  if (typeof metadata !== 'object' || metadata === null || !('dplab' in metadata)) return 'ts';
  const dplab = metadata.dplab;
  const info = typeof dplab === 'object' && dplab !== null && 'info' in dplab ? dplab.info : undefined;
  if (typeof info !== 'string' || /[\r\n`]/.test(info)) return 'ts';
  return isRunnableLang(parseInfoString(info).lang) ? info : 'ts';
}

/** A fenced block whose fence is longer than any run of backticks that starts a line of the code. */
function fenced(code: string, info: string): string {
  let longest = 2;
  for (const match of code.matchAll(/^ {0,3}(`{3,})/gm)) longest = Math.max(longest, match[1]?.length ?? 0);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${code}${code === '' || code.endsWith('\n') ? '' : '\n'}${fence}`;
}

/** Markdown with each `attachment:name` it links to replaced by the attachment as a `data:` URL. */
function withAttachments(markdown: string, attachments: unknown, where: string): string {
  if (attachments === undefined) return markdown;
  let out = markdown;
  for (const [name, bundle] of Object.entries(object(attachments, `${where}: "attachments"`))) {
    const [mime, data] =
      Object.entries(object(bundle, `${where}: attachment ${JSON.stringify(name)}`))[0] ?? [];
    if (mime === undefined) continue;
    const base64 = text(data, `${where}: attachment ${JSON.stringify(name)}`).replace(/\s/g, '');
    out = out.split(`(attachment:${name})`).join(`(data:${mime};base64,${base64})`);
  }
  return out;
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what} is not a JSON object`);
  }
  return value as Json;
}

/** nbformat's multi-line string: a string, or a list of strings to join. */
function text(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) return value.join('');
  throw new Error(`${what} is not text (a string or a list of strings)`);
}
