import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../../src/kernel/kernel.ts';
import type { CellStatus, KernelEvent, Output } from '../../../src/protocol.ts';

/** A kernel with a listener that records events, and helpers to read the latest state of each cell. */
async function kernelWith(sources: string[], datasets: string[] = [], roles: Record<string, 'check'> = {}) {
  const events: KernelEvent[] = [];
  const kernel = new Kernel({
    fetchFile: async (url) => {
      const name = decodeURIComponent(url.split('/datasets/')[1]);
      return new Response(readFileSync(new URL(`../../../datasets/${name}`, import.meta.url)));
    },
  });
  await kernel.connect((e) => events.push(e), { baseUrl: 'http://localhost/app/', datasets });
  const cells = sources.map((source, i) => {
    const id = `c${i + 1}`;
    return roles[id] ? { id, source, role: roles[id] } : { id, source };
  });
  await kernel.setCells(cells);
  const status = (id: string): CellStatus | undefined =>
    events
      .filter((e) => e.type === 'status' && e.cellId === id)
      .map((e) => (e as { status: CellStatus }).status)
      .at(-1);
  const outputs = (id: string): Output[] =>
    (
      events.filter((e) => e.type === 'outputs' && e.cellId === id).at(-1) as
        { outputs: Output[] } | undefined
    )?.outputs ?? [];
  const runs = (id: string) =>
    events.filter((e) => e.type === 'status' && e.cellId === id && e.status === 'running').length;
  const error = (id: string) =>
    (
      events.filter((e) => e.type === 'status' && e.cellId === id).at(-1) as {
        error?: { message: string; position?: { line: number } };
      }
    )?.error;
  const text = (id: string) =>
    outputs(id)
      .map((o) =>
        o.kind === 'inspect' && o.node.type === 'primitive'
          ? o.node.text
          : o.kind === 'log'
            ? o.text
            : o.kind,
      )
      .join('\n');
  return {
    kernel,
    events,
    cells,
    status,
    outputs,
    runs,
    error,
    text,
    runAll: () => kernel.run(cells.map((c) => c.id)),
  };
}

describe('Kernel', () => {
  it('runs cells in dataflow order and shows the last expression', async () => {
    const k = await kernelWith(['a + b', 'const a = 1;', 'const b = a * 2;']);
    await k.runAll();
    expect(k.status('c1')).toBe('ok');
    expect(k.text('c1')).toBe('3');
  });

  it('tells the page the names each cell defines, imports included, whenever the cells change', async () => {
    const k = await kernelWith([
      'import * as aq from "arquero";\nconst t = 1;',
      'function f() {}\nclass C {}',
      'f(',
    ]);
    const names = () => k.events.filter((e) => e.type === 'names').at(-1);
    expect(names()).toEqual({
      type: 'names',
      defines: { c1: ['aq', 't'], c2: ['f', 'C'], c3: [] },
      edges: [],
    });
    await k.kernel.setCells([{ id: 'c1', source: 'let u = 2;' }]);
    expect(names()).toEqual({ type: 'names', defines: { c1: ['u'] }, edges: [] });
  });

  it('re-runs only the cells downstream of a changed cell', async () => {
    const k = await kernelWith(['const a = 1;', 'const b = a + 1;', 'const c = 10;', 'b + c']);
    await k.runAll();
    await k.kernel.run(['c1']);
    expect([k.runs('c1'), k.runs('c2'), k.runs('c3'), k.runs('c4')]).toEqual([2, 2, 1, 2]);
  });

  it('marks only the dependents of a failing cell as not run, with the line of the error', async () => {
    const k = await kernelWith(['const a = 1;\nconst b = null;\nconst x = b.field;', 'x + 1', 'a + 1']);
    await k.runAll();
    expect(k.status('c1')).toBe('error');
    expect(k.error('c1')?.message).toMatch(/null/);
    expect(k.error('c1')?.position?.line).toBe(3);
    expect(k.status('c2')).toBe('stale');
    expect(k.status('c3')).toBe('stale');
  });

  it('keeps independent cells running when one fails', async () => {
    const k = await kernelWith(['throw new Error("boom")', 'const y = 2;', 'y * 3']);
    await k.runAll();
    expect(k.status('c1')).toBe('error');
    expect(k.error('c1')?.message).toBe('boom');
    expect(k.text('c3')).toBe('6');
  });

  it('reports syntax errors at their line in the cell', async () => {
    const k = await kernelWith(['const a = 1;\nconst = 2;']);
    await k.runAll();
    expect(k.status('c1')).toBe('error');
    expect(k.error('c1')?.position?.line).toBe(2);
  });

  it('names both cells when two define the same name, and the cells in a cycle', async () => {
    const k = await kernelWith([
      'const x = 1;',
      'const x = 2;',
      'const p = q;',
      'const q = p;',
      'const ok = 1;',
    ]);
    await k.runAll();
    for (const id of ['c1', 'c2', 'c3', 'c4']) expect(k.status(id)).toBe('error');
    expect(k.error('c1')?.message).toMatch(/x/);
    expect(k.status('c5')).toBe('ok');
  });

  it('captures console.log and caps a runaway loop of output', async () => {
    const k = await kernelWith([
      'console.log("hello", 42, [1, 2]);',
      'for (let i = 0; i < 100000; i++) console.log(i);',
    ]);
    await k.runAll();
    expect(k.text('c1')).toMatch(/^hello 42 /);
    const out = k.outputs('c2');
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out.at(-1)?.kind).toBe('truncated');
  });

  it('imports bundled modules and the dplab library, and explains an unknown import', async () => {
    const k = await kernelWith([
      "import * as aq from 'arquero';\naq.table({ a: [1, 2, 3] })",
      "import { movingAverage } from 'dplab/stats';\nmovingAverage([1, 2, 3], { window: 3 })[2]",
      "import _ from 'lodash';",
    ]);
    await k.runAll();
    expect(k.outputs('c1')[0]).toMatchObject({ kind: 'table', page: { numRows: 3, columns: ['a'] } });
    expect(k.text('c2')).toBe('2');
    expect(k.error('c3')?.message).toMatch(/Cannot import "lodash": cells can import .*"arquero"/);
  });

  it('renders Plot charts to SVG markup in the worker', async () => {
    const k = await kernelWith(["import * as Plot from '@observablehq/plot';\nPlot.lineY([1, 3, 2]).plot()"]);
    await k.runAll();
    const out = k.outputs('c1')[0];
    expect(out.kind).toBe('html');
    expect(out.kind === 'html' && out.html).toMatch(/^<svg[^>]*class="plot/);
  });

  it('draws categories in the colour-blind-safe palette unless the cell chose colours', async () => {
    const k = await kernelWith([
      "import * as Plot from '@observablehq/plot';",
      "const rows = ['a', 'b', 'c'].flatMap((g, i) => [0, 1].map((x) => ({ g, x, y: x + i })));",
      "Plot.lineY(rows, { x: 'x', y: 'y', stroke: 'g' }).plot()",
      "Plot.plot({ color: { legend: true }, marks: [Plot.dot(rows, { x: 'x', y: 'y', fill: 'g' })] })",
      "Plot.plot({ color: { scheme: 'tableau10' }, marks: [Plot.dot(rows, { x: 'x', y: 'y', fill: 'g' })] })",
      "Plot.dot(rows, { x: 'x', y: 'y', fill: 'y' }).plot()",
    ]);
    await k.runAll();
    const html = (id: string) => {
      const out = k.outputs(id)[0];
      return out?.kind === 'html' ? out.html : '';
    };
    // Okabe–Ito's first three (src/kernel/display/plot-palette.ts), in the order the categories come.
    for (const id of ['c3', 'c4']) {
      expect(html(id), id).toMatch(/#0072B2[\s\S]*#D55E00[\s\S]*#009E73/);
      expect(html(id), id).not.toMatch(/#4269d0/i); // observable10's first colour
    }
    expect(html('c5')).toMatch(/#4e79a7/i); // tableau10, as asked
    expect(html('c5')).not.toMatch(/#0072B2/);
    expect(html('c6')).toMatch(/<circle/);
    expect(html('c6')).not.toMatch(/#0072B2/); // a continuous scale keeps its ramp
  });

  it('reads datasets listed in the front matter, and names the file when it is not listed', async () => {
    const k = await kernelWith(
      [
        "const rows = await FileAttachment('AirPassengers.csv').csv({ typed: true });\nrows.length",
        "await FileAttachment('secret.csv').text()",
      ],
      ['AirPassengers.csv'],
    );
    await k.runAll();
    expect(k.text('c1')).toBe('144');
    expect(k.error('c2')?.message).toMatch(
      /no such file\. Datasets this notebook lists: "AirPassengers\.csv"/,
    );
  });

  it('view() shows a control; a new value re-runs the cell and its dependents, latest wins', async () => {
    const k = await kernelWith([
      "const n = view(Inputs.range([0, 100], { value: 10, step: 1, label: 'n' }));",
      'n * 2',
      'const other = 1;',
    ]);
    await k.runAll();
    expect(k.text('c2')).toBe('20');
    const input = k.outputs('c1')[0];
    expect(input).toMatchObject({ kind: 'input', spec: { kind: 'range', value: 10, label: 'n' } });
    const key = input.kind === 'input' ? input.key : '';
    await Promise.all([5, 6, 7, 8, 9, 42].map((v) => k.kernel.setInput(key, v)));
    expect(k.text('c2')).toBe('84');
    // Six changes arrived together; the dependent did not run six more times.
    expect(k.runs('c2')).toBeLessThan(7);
    expect(k.runs('c3')).toBe(1);
  });

  it('moving a control bound by `const k = view(…)` re-runs only the cells that read k', async () => {
    const k = await kernelWith([
      // The defining cell also does slow work and counts its runs: it must not run again.
      'globalThis.runsOfC1 = (globalThis.runsOfC1 ?? 0) + 1;\nconst heavy = 7;\nconst k = view(Inputs.range([1, 10], { value: 3, step: 1 }));',
      'k * 10',
      'heavy + 1',
      'globalThis.runsOfC1',
    ]);
    await k.runAll();
    expect(k.text('c2')).toBe('30');
    const input = k.outputs('c1').find((o) => o.kind === 'input');
    const key = input?.kind === 'input' ? input.key : '';
    for (const value of [4, 5, 6]) await k.kernel.setInput(key, value);
    expect(k.text('c2')).toBe('60');
    expect([k.runs('c1'), k.runs('c2'), k.runs('c3'), k.runs('c4')]).toEqual([1, 4, 1, 1]);
    expect((globalThis as { runsOfC1?: number }).runsOfC1).toBe(1);
    // The control shows the new value, and the reader says why it ran.
    const control = k.events.filter((e) => e.type === 'control').at(-1);
    expect(control).toMatchObject({ cellId: 'c1', key, spec: { kind: 'range', value: 6 } });
    const ran = k.events.filter((e) => e.type === 'ran' && e.cellId === 'c2').at(-1);
    expect(ran).toMatchObject({ cause: '`k` changed' });
    // A run of the defining cell (asked for) reads the stored value.
    await k.kernel.run(['c1']);
    expect(k.text('c2')).toBe('60');
    expect(k.runs('c1')).toBe(2);
  });

  it('re-runs the defining cell when it uses the control value itself', async () => {
    const k = await kernelWith([
      'const k = view(Inputs.range([1, 10], { value: 3, step: 1 }));\nconst k2 = k * 2;',
      'k2 + 1',
      'let j = view(Inputs.range([1, 10], { value: 1, step: 1 }));',
      'j',
    ]);
    await k.runAll();
    const [first] = k.outputs('c1').filter((o) => o.kind === 'input');
    await k.kernel.setInput(first.kind === 'input' ? first.key : '', 5);
    expect(k.text('c2')).toBe('11');
    expect([k.runs('c1'), k.runs('c2')]).toEqual([2, 2]);
    // `let` bindings are not bound to the control: the cell re-runs.
    const [third] = k.outputs('c3').filter((o) => o.kind === 'input');
    await k.kernel.setInput(third.kind === 'input' ? third.key : '', 4);
    expect(k.text('c4')).toBe('4');
    expect(k.runs('c3')).toBe(2);
  });

  it('maps an error in a bound `view` call to its place in the cell', async () => {
    const k = await kernelWith(['const a = 1;\n  const k = view(42);']);
    await k.runAll();
    expect(k.error('c1')?.message).toMatch(/view\(\) expects a control/);
    expect(k.error('c1')?.position).toEqual({ line: 2, column: 13 });
  });

  it('check cells report each check as an output and re-run when the answer changes', async () => {
    const k = await kernelWith(
      [
        'const answer = NaN;',
        [
          "check('answer is a number', Number.isFinite(answer), 'Assign a number.');",
          "check.close('answer is 42', answer, 42, { rel: 1e-6 }, 'Think of the question.', { weight: 2 });",
          "check.equal('list', [1, 2, answer], [1, 2, 42]);",
        ].join('\n'),
        "check('misplaced', true)",
      ],
      [],
      { c2: 'check' },
    );
    await k.runAll();
    const checks = () => k.outputs('c2').filter((o) => o.kind === 'check');
    expect(checks()).toEqual([
      { kind: 'check', label: 'answer is a number', passed: false, weight: 1, message: 'Assign a number.' },
      {
        kind: 'check',
        label: 'answer is 42',
        passed: false,
        weight: 2,
        message: 'Think of the question.',
        detail: 'got NaN: the value is not computed yet (or a calculation went wrong)',
      },
      { kind: 'check', label: 'list', passed: false, weight: 1, detail: 'got NaN at [2]' },
    ]);
    // `check` outside a check cell says where it belongs.
    expect(k.error('c3')?.message).toMatch(/only in the check cell of an exercise/);
    await k.kernel.setCells([{ id: 'c1', source: 'const answer = 41.99999;' }, k.cells[1], k.cells[2]]);
    await k.kernel.run(['c1']);
    expect(checks().map((c) => c.passed)).toEqual([true, true, false]);
    expect(checks()[2]).toMatchObject({ detail: 'got 41.99999 at [2]' });
  });

  it("a check cell's names are its own", async () => {
    const k = await kernelWith(
      ['const a = 1;', "const secret = 42;\ncheck('a', a === 1);", 'secret + 1'],
      [],
      {
        c2: 'check',
      },
    );
    await k.runAll();
    expect(k.status('c2')).toBe('ok');
    expect(k.status('c3')).toBe('error');
    expect(k.error('c3')?.message).toMatch(/reads `secret`, which the check cell 2 defines/);
  });

  it('report() shows metrics for the journal and rejects what is not a number', async () => {
    const k = await kernelWith([
      "report({ mase: 0.9, smape: 12 }, { label: 'hold-out' })",
      "report({ mase: '1' })",
    ]);
    await k.runAll();
    expect(k.outputs('c1').filter((o) => o.kind === 'report')).toEqual([
      { kind: 'report', metrics: { mase: 0.9, smape: 12 }, label: 'hold-out' },
    ]);
    expect(k.error('c2')?.message).toMatch(/metric `mase` must be a number, got string/);
  });

  it('shows a value once when the last statement is display(…) or report(…)', async () => {
    const k = await kernelWith([
      'display(5)',
      'report({ mae: 2 })',
      'display(1);\n2',
      'const x = 3;\ndisplay(x);\nx',
    ]);
    await k.runAll();
    expect(k.text('c1')).toBe('5');
    expect(k.outputs('c2').map((o) => o.kind)).toEqual(['report']);
    expect(k.text('c3')).toBe('1\n2');
    // `display(x); x` shows x once too: the value right after display() is the same thing.
    expect(k.text('c4')).toBe('3');
  });

  it('sends the graph edges with the names', async () => {
    const k = await kernelWith(['const a = 1;\nconst b = 2;', 'a + b', 'const c = a;']);
    const names = k.events.filter((e) => e.type === 'names').at(-1);
    expect(names).toMatchObject({
      edges: [
        { from: 'c1', to: 'c2', names: ['a', 'b'] },
        { from: 'c1', to: 'c3', names: ['a'] },
      ],
    });
  });

  it('shows a forecast leaderboard as a table, a chart and a report for the journal', async () => {
    const k = await kernelWith([
      [
        "import { compareForecasts } from 'dplab/forecast';",
        'const y = Array.from({ length: 48 }, (_, t) => 100 + t + 10 * Math.sin((2 * Math.PI * t) / 12));',
        "compareForecasts({ train: y.slice(0, 36), test: y.slice(36), period: 12, models: ['ses'] })",
      ].join('\n'),
    ]);
    await k.runAll();
    const outputs = k.outputs('c1');
    expect(outputs.map((o) => o.kind)).toEqual(['html', 'html', 'report']);
    const table = outputs[0].kind === 'html' ? outputs[0].html : '';
    // Benchmarks first, then the model; a verdict in words.
    expect([...table.matchAll(/<th scope="row">([^<]+)/g)].map((m) => m[1].trim())).toHaveLength(4);
    expect(table).toMatch(/dp-lb-verdict/);
    expect(outputs[1].kind === 'html' && outputs[1].html).toMatch(/^<(svg|figure)/);
    const report = outputs[2];
    expect(report.kind === 'report' && Object.keys(report.metrics)).toEqual([
      'MASE naive',
      'MASE snaive',
      'MASE naive2',
      'MASE ses',
    ]);
  });

  it('says why each cell ran', async () => {
    const k = await kernelWith(['const a = 1;', 'const b = a + 1;', 'b * 2']);
    await k.kernel.run(['c1']);
    const causes = () =>
      k.events.flatMap((e) => (e.type === 'ran' ? [`${e.cellId}: ${e.cause}`] : [])).slice(-3);
    expect(causes()).toEqual([
      'c1: run requested',
      'c2: first run with this code',
      'c3: first run with this code',
    ]);
    await k.kernel.run(['c1']);
    expect(causes()).toEqual(['c1: run requested', 'c2: `a` changed', 'c3: `b` changed']);
  });

  it('rejects a cell that assigns to a name another cell defines', async () => {
    const k = await kernelWith(['let total = 0;', 'total = 5;']);
    await k.runAll();
    expect(k.status('c2')).toBe('error');
    expect(k.error('c2')?.message).toMatch(/assigns to `total`, which another cell defines/);
  });

  it('does not re-run the users of an import when the importing cell re-runs', async () => {
    const k = await kernelWith([
      // The cell reads `n` itself, so moving the control re-runs it (see the next tests).
      "import * as aq from 'arquero';\nconst n = view(Inputs.range([1, 5], { value: 2, step: 1 }));\nconst twice = n * 2;",
      'aq.table({ a: [1, 2, 3] }).numRows()',
      'n * 10',
    ]);
    await k.runAll();
    expect(k.text('c2')).toBe('3');
    const input = k.outputs('c1')[0];
    await k.kernel.setInput(input.kind === 'input' ? input.key : '', 4);
    expect(k.text('c3')).toBe('40');
    expect([k.runs('c1'), k.runs('c2'), k.runs('c3')]).toEqual([2, 1, 2]);
  });

  it('still reports two different imports under one name as a duplicate definition', async () => {
    const k = await kernelWith([
      "import * as x from 'arquero';",
      "import { plot as x } from '@observablehq/plot';",
    ]);
    await k.runAll();
    expect(k.status('c1')).toBe('error');
    expect(k.error('c2')?.message).toMatch(/x is defined by more than one cell/);
  });

  it('lets several cells import the same module under the same name', async () => {
    const k = await kernelWith([
      "import * as aq from 'arquero';\nconst t = aq.table({ a: [1] });",
      "import * as aq from 'arquero';\naq.table({ b: [2] }).numCols()",
      't.numRows() + aq.table({ c: [1, 2] }).numRows()',
    ]);
    await k.runAll();
    expect(k.status('c1')).toBe('ok');
    expect(k.text('c2')).toBe('1');
    expect(k.text('c3')).toBe('3');
  });
});

describe("the student's own files", () => {
  it('reads a file the student added, and names the line of a bad CSV row', async () => {
    const k = await kernelWith([
      "(await FileAttachment('mine.csv').csv({ typed: true })).map((d) => d.x * 2)",
      "await FileAttachment('bad.csv').csv()",
    ]);
    await k.kernel.addFile('mine.csv', new TextEncoder().encode('x\n1\n2\n').buffer);
    await k.kernel.addFile('bad.csv', new TextEncoder().encode('a,b\n1,2\n3\n').buffer);
    await k.runAll();
    const out = k.outputs('c1')[0];
    expect(out.kind === 'inspect' && out.node.type === 'object' ? out.node.summary : '').toBe(
      'Array(2) [2, 4]',
    );
    expect(k.error('c2')?.message).toMatch(/line 3 has 1 fields but the header has 2/);
  });
});

describe('Kernel.reportUncaught', () => {
  it('shows an error thrown after the run under the cell that threw it, with its line', async () => {
    const k = await kernelWith(['const later = () => {\n  throw new RangeError("too late");\n};']);
    await k.runAll();
    const later = (k.kernel as unknown as { cells: Map<string, { defs?: { later: () => void } }> }).cells.get(
      'c1',
    )?.defs?.later;
    let thrown: unknown;
    try {
      later?.();
    } catch (error) {
      thrown = error;
    }
    expect(k.kernel.reportUncaught(thrown)).toBe(true);
    const appended = k.events.filter((e) => e.type === 'append').at(-1);
    expect(appended).toMatchObject({
      cellId: 'c1',
      outputs: [{ kind: 'log', level: 'error', text: 'Uncaught RangeError (line 2): too late' }],
    });
    expect(k.kernel.reportUncaught(new Error('from elsewhere'))).toBe(false);
  });
});
