/**
 * The chart output made in the worker: the tips of pointer marks (Plot's own rendering for each
 * point, where the pointer selects it), the plotted data as tables, and the text alternative.
 */
import * as Plot from '@observablehq/plot';
import { beforeAll, describe, expect, it } from 'vitest';
import { installPlotDocument, plotTipsReady } from '../../../src/kernel/display/dom.ts';
import { chartOutput } from '../../../src/kernel/display/chart-output.ts';
import type { Renderable } from '../../../src/kernel/display/dom.ts';

const months = Array.from({ length: 24 }, (_, i) => ({
  date: new Date(Date.UTC(2020, i, 1)),
  value: Math.round(100 + 20 * Math.sin(i / 2) + i * 3),
}));

beforeAll(async () => {
  installPlotDocument();
  await plotTipsReady();
});

const output = (chart: unknown) => chartOutput(chart as Renderable);

describe('chartOutput', () => {
  it('gives a line with tip: true one tip per point, at the points, and an empty placeholder', () => {
    const out = output(Plot.lineY(months, { x: 'date', y: 'value', tip: true }).plot({ height: 200 }));
    const [layer] = out.chart!.pointers;
    expect(out.chart!.pointers).toHaveLength(1);
    // Plot points a line's tip along x (pointerX).
    expect(layer.mode).toBe('x');
    expect(layer.x).toHaveLength(24);
    expect(layer.x[1]).toBeGreaterThan(layer.x[0]);
    expect(layer.lines[0]).toEqual(['date 2020-01-01', `value ${months[0].value}`]);
    expect(layer.marks[3]).toContain('data-dp-pointer="0"');
    expect(layer.marks[3]).toContain('<path');
    // The chart itself shows no tip, only the placeholder where the tip goes.
    expect(out.html).toMatch(/<g[^>]*data-dp-pointer="0"[^>]*><\/g>|<g[^>]*data-dp-pointer="0"[^>]*\/>/);
    expect(out.html).not.toContain('2020-01-01</tspan>');
  });

  it('reads pointerX and pointerY as Plot selects with them', () => {
    const x = output(
      Plot.plot({
        marks: [
          Plot.line(months, { x: 'date', y: 'value' }),
          Plot.ruleX(months, Plot.pointerX({ x: 'date' })),
        ],
      }),
    );
    expect(x.chart!.pointers.map((p) => p.mode)).toEqual(['x']);
    expect(x.chart!.pointers[0].marks[0]).toContain('<line');
    const y = output(Plot.plot({ marks: [Plot.tip(months, Plot.pointerY({ x: 'date', y: 'value' }))] }));
    expect(y.chart!.pointers.map((p) => p.mode)).toEqual(['y']);
    const xy = output(Plot.dot(months, { x: 'date', y: 'value', tip: true }).plot());
    expect(xy.chart!.pointers.map((p) => p.mode)).toEqual(['xy']);
  });

  it('makes one layer per mark of a crosshair', () => {
    const out = output(
      Plot.plot({
        marks: [
          Plot.dot(months, { x: 'date', y: 'value' }),
          Plot.crosshair(months, { x: 'date', y: 'value' }),
        ],
      }),
    );
    expect(out.chart!.pointers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(out.chart!.pointers.map((p) => p.x.length))).toEqual(new Set([24]));
  });

  it('tables the data of each mark by its channels, and describes the chart', () => {
    const out = output(Plot.lineY(months, { x: 'date', y: 'value', tip: true }).plot({ height: 200 }));
    expect(out.chart!.data).toEqual([
      {
        mark: 'line',
        columns: ['date', 'value'],
        rows: months.map((m) => [m.date.toISOString().slice(0, 10), String(m.value)]),
        total: 24,
      },
    ]);
    expect(out.html).toContain('aria-label="Line chart of value by date, 24 points"');
    expect(out.html).toMatch(
      /aria-description="Marks: line \(date, value; 24 rows\)\. x from 2020-01-01 to 2021-12-01; y from \d+ to \d+\."/,
    );
  });

  it('keeps a static chart static, with its title as the label, and caps table rows', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ a: i, b: i * i }));
    const out = output(Plot.plot({ title: 'Squares', marks: [Plot.dot(many, { x: 'a', y: 'b' })] }));
    expect(out.chart!.pointers).toEqual([]);
    expect(out.html).not.toContain('data-dp-pointer');
    expect(out.chart!.data[0].rows).toHaveLength(100);
    expect(out.chart!.data[0].total).toBe(250);
    expect(out.html).toContain('aria-label="Squares"');
  });

  it('tables marks whose class inherits its render (bars), once per row', () => {
    const out = output(Plot.barY(months.slice(0, 5), { x: 'date', y: 'value' }).plot());
    expect(out.chart!.data.map((t) => [t.mark, t.total, t.rows.length])).toEqual([['bar', 5, 5]]);
    expect(out.html).toContain('aria-label="Bar chart of value by date, 5 points"');
  });

  it('leaves the label a cell gave, and markup not drawn by Plot alone', () => {
    const out = output(Plot.dot(months, { x: 'date', y: 'value' }).plot({ ariaLabel: 'Mine' }));
    expect(out.html).toContain('aria-label="Mine"');
    const document = installPlotDocument();
    const div = document.createElement('div');
    div.textContent = 'hello';
    expect(output(div)).toEqual({ kind: 'html', html: '<div>hello</div>' });
  });
});
