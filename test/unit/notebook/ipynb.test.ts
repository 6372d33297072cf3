import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook, type Notebook } from 'dplab/notebook';
import { fromIpynb, ipynbText, toIpynb, type IpynbCell } from '../../../src/notebook/ipynb/ipynb.ts';
import type { Output } from '../../../src/protocol.ts';

const ID = /^[a-zA-Z0-9_-]{1,64}$/;

/** What a round trip must keep: each block's kind and source, a cell's language and options, the metadata. */
function essence(nb: Notebook): unknown {
  return {
    meta: nb.meta,
    frontMatter: nb.frontMatter?.replace(/\r\n?/g, '\n'),
    blocks: nb.blocks.map((b) =>
      b.kind === 'code' ? [b.kind, b.source, b.lang, b.options] : [b.kind, b.source],
    ),
  };
}

const small = parseNotebook(
  [
    '---',
    'title: Small',
    'datasets: [AirPassengers.csv]',
    '---',
    '',
    '# Heading',
    '',
    '```ts',
    'const a = 1;',
    'a',
    '```',
    '',
    'Prose.',
    '',
    '````ts hidden id=two',
    'const s = `',
    '```',
    '`;',
    '````',
    '',
    '```ts',
    '```',
    '',
  ].join('\n'),
);

describe('toIpynb', () => {
  const ipynb = toIpynb(small);

  it('writes an nbformat 4.5 notebook with the TypeScript kernel and the front matter', () => {
    expect(Object.keys(ipynb)).toEqual(['cells', 'metadata', 'nbformat', 'nbformat_minor']);
    expect(ipynb.nbformat).toBe(4);
    expect(ipynb.nbformat_minor).toBe(5);
    expect(ipynb.metadata).toEqual({
      dplab: { frontMatter: 'title: Small\ndatasets: [AirPassengers.csv]\n' },
      kernelspec: { display_name: 'TypeScript (Data Products Lab)', language: 'typescript', name: 'dplab' },
      language_info: { file_extension: '.ts', mimetype: 'text/typescript', name: 'typescript' },
      title: 'Small',
    });
  });

  it('writes cells as Jupyter does: stable ids, sorted keys, sources as lines', () => {
    const [md, code, , hidden, empty] = ipynb.cells as [
      IpynbCell,
      IpynbCell,
      IpynbCell,
      IpynbCell,
      IpynbCell,
    ];
    expect(ipynb.cells.map((c) => c.id)).toEqual(['md-1', 'cell-1', 'md-2', 'cell-2', 'cell-3']);
    expect(ipynb.cells.every((c) => ID.test(c.id))).toBe(true);
    expect(md).toEqual({ cell_type: 'markdown', id: 'md-1', metadata: {}, source: ['# Heading'] });
    expect(Object.keys(code)).toEqual([
      'cell_type',
      'execution_count',
      'id',
      'metadata',
      'outputs',
      'source',
    ]);
    expect(code).toMatchObject({ execution_count: null, outputs: [], source: ['const a = 1;\n', 'a'] });
    expect(hidden.metadata).toEqual({
      dplab: { info: 'ts hidden id=two' },
      jupyter: { source_hidden: true },
    });
    expect(hidden.source).toEqual(['const s = `\n', '```\n', '`;']);
    expect(empty.source).toEqual([]);
    expect(toIpynb(small)).toEqual(ipynb);
  });

  it('formats the file as Jupyter does', () => {
    const text = ipynbText(small);
    expect(text.startsWith('{\n "cells": [\n  {\n   "cell_type": "markdown",')).toBe(true);
    expect(text.endsWith('\n "nbformat": 4,\n "nbformat_minor": 5\n}\n')).toBe(true);
  });

  it('maps outputs: logs to streams, values to results, charts to SVG, tables to HTML, errors', () => {
    const outputs: Output[] = [
      { kind: 'log', level: 'log', text: 'one' },
      { kind: 'log', level: 'info', text: 'two' },
      { kind: 'log', level: 'warn', text: 'careful' },
      { kind: 'inspect', node: { type: 'primitive', kind: 'string', text: '"shown"' } },
      { kind: 'html', html: '<svg viewBox="0 0 10 10"><rect width="5" height="5"></rect></svg>' },
      { kind: 'html', html: '<figure><h2>T</h2><svg></svg></figure>' },
      {
        kind: 'table',
        tableId: 't1',
        page: {
          columns: ['x', 'name'],
          rows: [['1', '<a>']],
          numeric: [true, false],
          numRows: 30,
          numCols: 2,
          offset: 0,
        },
      },
      {
        kind: 'input',
        key: 'cell-1:0',
        spec: { kind: 'range', label: 'Window', min: 1, max: 24, value: 12 },
      },
      {
        kind: 'inspect',
        node: { type: 'object', kind: 'Array', summary: 'Array(2) [1, 2]', entries: [], more: 0 },
      },
    ];
    const errors = new Map([['cell-2', { name: 'TypeError', message: 'x is not a function' }]]);
    const nb = toIpynb(small, new Map([['cell-1', outputs]]), { errors });
    const [, code, , failed] = nb.cells;
    expect(code?.cell_type === 'code' && code.execution_count).toBe(1);
    expect(failed?.cell_type === 'code' && failed.execution_count).toBe(2);
    const out = code?.cell_type === 'code' ? code.outputs : [];
    expect(out.map((o) => o.output_type)).toEqual([
      'stream',
      'stream',
      'display_data',
      'display_data',
      'display_data',
      'display_data',
      'display_data',
      'execute_result',
    ]);
    expect(out[0]).toEqual({ name: 'stdout', output_type: 'stream', text: ['one\n', 'two\n'] });
    expect(out[1]).toEqual({ name: 'stderr', output_type: 'stream', text: ['careful\n'] });
    expect(out[2]).toEqual({
      data: { 'text/plain': ['"shown"'] },
      metadata: {},
      output_type: 'display_data',
    });
    const data = (k: number): Record<string, string[]> => {
      const o = out[k];
      return o && 'data' in o ? o.data : {};
    };
    expect(data(3)['image/svg+xml']?.join('')).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"></rect></svg>',
    );
    expect(Object.keys(data(4))).toEqual(['text/html', 'text/plain']);
    expect(data(5)['text/html']?.join('')).toContain('<td>&lt;a&gt;</td>');
    expect(data(5)['text/plain']?.join('')).toBe('x  name\n1  <a>\n30 rows × 2 columns (rows 1–1 shown)');
    expect(data(6)['text/plain']).toEqual(['Window: 12']);
    expect(out[7]).toEqual({
      data: { 'text/plain': ['Array(2) [1, 2]'] },
      execution_count: 1,
      metadata: {},
      output_type: 'execute_result',
    });
    expect(failed?.cell_type === 'code' && failed.outputs).toEqual([
      {
        ename: 'TypeError',
        evalue: 'x is not a function',
        output_type: 'error',
        traceback: ['TypeError: x is not a function'],
      },
    ]);
  });
});

describe('fromIpynb', () => {
  it('imports what JupyterLab 4 writes', () => {
    const text = fromIpynb(
      readFileSync(new URL('../../fixtures/ipynb/jupyterlab.ipynb', import.meta.url), 'utf8'),
    );
    const nb = parseNotebook(text);
    expect(nb.problems).toEqual([]);
    expect(nb.frontMatter).toBeUndefined();
    expect(nb.blocks.map((b) => b.kind)).toEqual(['markdown', 'code', 'markdown', 'code', 'markdown']);
    expect(nb.blocks[0]?.source).toContain('![dot](data:image/png;base64,iVBORw0KGgo');
    expect(nb.blocks[1]?.source).toBe(
      [
        'const passengers = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118];',
        'console.log(`${passengers.length} months`);',
        'console.log(`first: ${passengers[0]}`);',
        'passengers.reduce((a, b) => a + b, 0)',
      ].join('\n'),
    );
    // The code holds a ``` line, so the fence is longer and the cell stays one cell.
    expect(text).toContain('````ts\n/*\n```ts\n1 + 1\n```\n*/\nconst example = 2;\n````\n');
    expect(nb.blocks[3]?.source).toBe('/*\n```ts\n1 + 1\n```\n*/\nconst example = 2;');
    expect(nb.blocks[4]?.source).toBe('Raw text, kept as prose.\n');
  });

  it('keeps every block, cell option and the front matter of every bundled notebook (round trip)', () => {
    const folder = new URL('../../../notebooks/', import.meta.url);
    const names = readdirSync(folder).filter((n) => n.endsWith('.md'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const nb = parseNotebook(readFileSync(new URL(name, folder), 'utf8'));
      expect(essence(parseNotebook(fromIpynb(toIpynb(nb)))), name).toEqual(essence(nb));
      expect(essence(parseNotebook(fromIpynb(ipynbText(nb)))), name).toEqual(essence(nb));
    }
  });

  it('round-trips cell options, fences in code, empty cells and CRLF files', () => {
    expect(essence(parseNotebook(fromIpynb(toIpynb(small))))).toEqual(essence(small));
    const crlf = parseNotebook('---\r\ntitle: T\r\n---\r\n\r\nText\r\n\r\n```ts\r\nx\r\n```\r\n');
    expect(essence(parseNotebook(fromIpynb(toIpynb(crlf))))).toEqual(essence(crlf));
    const bare = parseNotebook('```ts\nx\n```\n');
    expect(fromIpynb(toIpynb(bare))).toBe('```ts\nx\n```\n');
  });

  it('makes a title front matter from metadata.title, and keeps other languages as code that does not run', () => {
    const python = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { title: 'A "quoted" title', language_info: { name: 'python' } },
      cells: [{ cell_type: 'code', source: 'print(1)', metadata: {}, outputs: [], execution_count: null }],
    };
    expect(fromIpynb(python)).toBe('---\ntitle: "A \\"quoted\\" title"\n---\n\n```python\nprint(1)\n```\n');
    expect(parseNotebook(fromIpynb(python)).blocks.map((b) => b.kind)).toEqual(['markdown']);
  });

  it('says what is wrong with a file that is not an nbformat 4 notebook', () => {
    const cells = (...list: unknown[]): unknown => ({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: list,
    });
    expect(() => fromIpynb('{"cells": [')).toThrow(/^this file is not JSON/);
    expect(() => fromIpynb('[]')).toThrow('the notebook is not a JSON object');
    expect(() => fromIpynb({ nbformat: 3, worksheets: [] })).toThrow(
      'nbformat 3; only nbformat 4 can be imported (open it',
    );
    expect(() => fromIpynb({ cells: [] })).toThrow('no "nbformat" number');
    expect(() => fromIpynb({ nbformat: 4 })).toThrow('no "cells" list');
    expect(() => fromIpynb(cells('x'))).toThrow('cell 1 is not a JSON object');
    expect(() => fromIpynb(cells({ cell_type: 'raw', source: '' }, { id: 'abc', source: 'x' }))).toThrow(
      'cell 2 (id abc) has no "cell_type"',
    );
    expect(() => fromIpynb(cells({ cell_type: 'heading', source: '' }))).toThrow(
      '"cell_type" "heading"; expected code',
    );
    expect(() => fromIpynb(cells({ cell_type: 'code', source: [1] }))).toThrow(
      'cell 1: "source" is not text',
    );
  });
});
