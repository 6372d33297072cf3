/**
 * Parsing a notebook file into blocks, keeping every byte so it can be written back unchanged.
 *
 * The file is cut at line boundaries: front matter and leading blank lines form the notebook's
 * `head`; each top-level ```ts fence (with the blank lines after it) is a code cell; everything
 * between cells is a Markdown block. Concatenating the pieces gives back the input exactly.
 */
import { findFences, type Fence } from './find-fences.ts';
import { findFrontMatter } from './front-matter.ts';
import { isRunnableLang, parseInfoString } from './info-string.ts';
import type { Block, CodeCell, MarkdownBlock, Notebook } from './notebook.ts';
import { readNotebookMeta, type NotebookMeta } from './notebook-meta.ts';
import type { NotebookProblem } from './notebook-problem.ts';
import { isBlank, joinLines, normaliseLineEndings, splitLines, type Line } from './split-lines.ts';

const BOM = '\uFEFF';

/**
 * Parses a notebook file. Never throws: whatever is wrong with the file is reported in
 * `problems` (each naming its line), and `serializeNotebook` gives back the same text.
 */
export function parseNotebook(text: string): Notebook {
  try {
    return parse(text);
  } catch (e) {
    // Nothing above is expected to throw; if it ever does, the file still opens, as one block of
    // prose, and still round-trips.
    const reason = e instanceof Error ? e.message : String(e);
    const markdown: MarkdownBlock = {
      kind: 'markdown',
      id: 'md-1',
      source: normaliseLineEndings(text),
      line: 1,
      raw: { text, source: normaliseLineEndings(text) },
    };
    return {
      meta: {},
      blocks: text === '' ? [] : [markdown],
      problems: [
        { line: 1, message: `line 1: the notebook could not be read (${reason}); it is shown as text.` },
      ],
      head: '',
      frontMatter: undefined,
      eol: '\n',
    };
  }
}

function parse(text: string): Notebook {
  const bom = text.startsWith(BOM) ? BOM : '';
  const lines = splitLines(text.slice(bom.length));
  const eol = lines.find((line) => line.eol !== '')?.eol ?? '\n';

  const frontMatter = findFrontMatter(lines);
  const problems: NotebookProblem[] = [...frontMatter.problems];
  let meta: NotebookMeta = {};
  if (frontMatter.yaml !== undefined) {
    // The YAML starts on line 2, after the opening `---`.
    const reading = readNotebookMeta(frontMatter.yaml, 2);
    meta = reading.meta;
    problems.push(...reading.problems);
  }

  const bodyStart = frontMatter.lineCount;
  const fences = findFences(lines.slice(bodyStart)).map((fence) => ({
    ...fence,
    start: fence.start + bodyStart,
    end: fence.end + bodyStart,
  }));

  let next = skipBlankLines(lines, bodyStart);
  const head = bom + joinLines(lines.slice(0, next));
  const blocks: Block[] = [];
  let cellCount = 0;
  let markdownCount = 0;
  const addMarkdown = (from: number, to: number): void => {
    if (to <= from) return;
    const raw = joinLines(lines.slice(from, to));
    const source = normaliseLineEndings(raw);
    blocks.push({
      kind: 'markdown',
      id: `md-${++markdownCount}`,
      source,
      line: from + 1,
      raw: { text: raw, source },
    });
  };

  for (const fence of fences) {
    const open = lines[fence.start];
    if (open === undefined) continue;
    const indent = /^ */.exec(open.text)?.[0].length ?? 0;
    const info = parseInfoString(open.text.slice(indent + fence.markup.length));
    if (!fence.closed) problems.push(unclosedProblem(fence, info.lang));
    if (!isRunnableLang(info.lang)) continue;

    addMarkdown(next, fence.start);
    next = skipBlankLines(lines, fence.end);
    blocks.push(makeCell(lines, fence, `cell-${++cellCount}`, indent, info.lang, info.options, next));
  }
  addMarkdown(next, lines.length);

  problems.sort((a, b) => a.line - b.line);
  return { meta, blocks, problems, head, frontMatter: frontMatter.yaml, eol };
}

function makeCell(
  lines: readonly Line[],
  fence: Fence,
  id: string,
  indent: number,
  lang: string,
  options: Record<string, string | true>,
  afterEnd: number,
): CodeCell {
  const bodyEnd = fence.closed ? fence.end - 1 : fence.end;
  const bodyLines = lines.slice(fence.start + 1, bodyEnd);
  // CommonMark removes up to the opening fence's indentation from each content line.
  const source = bodyLines.map((line) => line.text.replace(new RegExp(`^ {0,${indent}}`), '')).join('\n');
  return {
    kind: 'code',
    id,
    lang,
    options,
    source,
    line: fence.start + 1,
    unclosed: !fence.closed,
    raw: {
      open: joinLines(lines.slice(fence.start, fence.start + 1)),
      body: joinLines(bodyLines),
      close: fence.closed ? joinLines(lines.slice(fence.end - 1, fence.end)) : '',
      after: joinLines(lines.slice(fence.end, afterEnd)),
      indent,
      source,
    },
  };
}

function unclosedProblem(fence: Fence, lang: string): NotebookProblem {
  const line = fence.start + 1;
  const opening = fence.markup + lang;
  const message = isRunnableLang(lang)
    ? `this ${opening} block is never closed; add a line with ${fence.markup} after the cell's code.`
    : `this ${opening} block is never closed, so the rest of the file is part of it; ` +
      `add a line with ${fence.markup} after its last line.`;
  return { line, message: `line ${line}: ${message}` };
}

function skipBlankLines(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i]?.text ?? '')) i++;
  return i;
}
