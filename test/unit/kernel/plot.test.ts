/**
 * Observable Plot in the worker's DOM. Like Plot's own tests, each chart is a named function; its
 * markup is compared with a snapshot (numbers rounded, image data shortened) and its structure
 * and canvas pixels are checked directly.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  installPlotDocument,
  isRenderable,
  plotTipsReady,
  renderToHtml,
} from '../../../src/kernel/display/dom.ts';
import { decodePng } from './decode-png.ts';

type Chart = ReturnType<typeof Plot.plot> | ReturnType<typeof Plot.legend>;

const months = Array.from({ length: 24 }, (_, i) => ({
  date: new Date(Date.UTC(2020, i, 1)),
  value: Math.round(100 + 20 * Math.sin(i / 2) + i * 3),
}));
const fruit = [
  { name: 'apple', count: 12, shop: 'north', season: 'summer' },
  { name: 'pear', count: 7, shop: 'north', season: 'winter' },
  { name: 'fig', count: 3, shop: 'south', season: 'summer' },
  { name: 'apple', count: 9, shop: 'south', season: 'winter' },
];

function lineDateAxis() {
  return Plot.lineY(months, { x: 'date', y: 'value' }).plot({ height: 200 });
}
function barChart() {
  return Plot.plot({
    marks: [Plot.barY(fruit, { x: 'name', y: 'count', fill: 'steelblue' }), Plot.ruleY([0])],
  });
}
function facets() {
  return Plot.plot({
    marks: [Plot.dot(fruit, { x: 'count', y: 'name', fx: 'shop', fy: 'season' })],
    height: 300,
  });
}
function swatchesLegend() {
  return Plot.legend({ color: { domain: ['apple', 'pear', 'fig'] } });
}
function rampLegend() {
  return Plot.legend({ color: { type: 'linear', domain: [0, 100] }, label: 'Temperature' });
}
function raster() {
  return Plot.raster({
    x1: 0,
    y1: 0,
    x2: 4,
    y2: 3,
    width: 4,
    height: 3,
    fill: (x: number, y: number) => x * y,
  }).plot({
    width: 200,
    height: 150,
    color: { scheme: 'greys' },
  });
}
function dotsWithoutDocument() {
  return Plot.dot([
    [1, 2],
    [3, 4],
    [5, 1],
  ]).plot();
}
function staticTip() {
  return Plot.plot({
    marks: [
      Plot.dot(fruit, { x: 'count', y: 'name' }),
      Plot.tip([fruit[0]], { x: 'count', y: 'name', title: 'shop' }),
    ],
  });
}
function titledFigure() {
  return Plot.barX(fruit, { x: 'count', y: 'name' }).plot({ title: 'Fruit', caption: 'Counted by hand' });
}

const charts = {
  lineDateAxis,
  barChart,
  facets,
  swatchesLegend,
  rampLegend,
  raster,
  dotsWithoutDocument,
  staticTip,
  titledFigure,
};

/** Markup that stays stable across tiny floating-point changes, with image data shortened. */
function stable(html: string): string {
  return html
    .replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, 'data:image/png;base64,…');
}

/** Elements of the chart matching a selector, parsed back from its markup. */
function query(chart: Chart, selector: string): Element[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${renderToHtml(chart)}</body></html>`);
  return [...document.querySelectorAll(selector)];
}

/** The decoded PNG of the first `<image>` of a chart. */
function image(chart: Chart) {
  const href = query(chart, 'image')[0]?.getAttribute('href');
  if (!href) throw new Error('no image in chart');
  return decodePng(href);
}

beforeAll(async () => {
  installPlotDocument();
  await plotTipsReady();
});

describe('Plot in the worker DOM', () => {
  for (const [name, chart] of Object.entries(charts)) {
    it(`renders ${name} like its snapshot`, async () => {
      const element = chart();
      expect(isRenderable(element)).toBe(true);
      // HTML snapshots end in .snap so that `prettier --check .` leaves them as Plot wrote them.
      const extension = element.localName === 'svg' ? 'svg' : 'html.snap';
      await expect(stable(renderToHtml(element))).toMatchFileSnapshot(
        `__snapshots__/plot-${name}.${extension}`,
      );
    });
  }

  it('draws a line with a UTC date axis', () => {
    const chart = lineDateAxis();
    expect(chart.localName).toBe('svg');
    expect(query(chart, 'path[d]').some((p) => p.getAttribute('d')!.split('L').length === 24)).toBe(true);
    // January ticks read "Jan" over the year, in two tspans.
    const labels = query(chart, '[aria-label="x-axis tick label"] text').map((t) => t.textContent);
    expect(labels).toEqual(['Jan2020', 'Apr', 'Jul', 'Oct', 'Jan2021', 'Apr', 'Jul', 'Oct']);
  });

  it('draws one bar per row, stacked by name', () => {
    expect(query(barChart(), '[aria-label="bar"] rect')).toHaveLength(4);
  });

  it('draws one panel per facet', () => {
    const chart = facets();
    // Each facet is a group of the mark, translated to its panel.
    expect(query(chart, '[aria-label="dot"] > g')).toHaveLength(4);
    expect(query(chart, '[aria-label="fy-axis tick label"] text').map((t) => t.textContent)).toEqual([
      'summer',
      'winter',
    ]);
    expect(query(chart, '[aria-label="fx-axis tick label"] text').map((t) => t.textContent)).toEqual([
      'north',
      'south',
    ]);
  });

  it('draws a swatches legend as HTML', () => {
    const legend = swatchesLegend();
    expect(legend.localName).toBe('div');
    expect(query(legend, 'svg')).toHaveLength(3);
    expect(renderToHtml(legend)).toContain('apple');
  });

  it('paints a ramp legend on a 256×1 canvas', () => {
    const legend = rampLegend();
    const href = query(legend, 'image')[0].getAttribute('href')!;
    expect(href.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(href.slice('data:image/png;base64,'.length), 'base64');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(256);
    expect(png.readUInt32BE(20)).toBe(1);
    const { rgba } = decodePng(href);
    // The first and last pixels are the ends of the scale's colour ramp.
    const scale = Plot.scale({ color: { type: 'linear', domain: [0, 100] } });
    expect(rgb(rgba, 0)).toEqual(rgbOf(String(scale.apply(0))));
    expect(rgb(rgba, 255)).toEqual(rgbOf(String(scale.apply(100))));
  });

  it('paints a raster from a function of x and y', () => {
    const { width, height, rgba } = image(raster());
    expect([width, height]).toEqual([4, 3]);
    // Greys: 0 (x·y small) is light, the far corner is darkest; every pixel is opaque.
    expect(rgba.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
    const luminance = (i: number) => rgba[i * 4];
    expect(luminance(0)).toBeGreaterThan(luminance(width * height - 1));
  });

  it('plots a mark without a document option', () => {
    expect(query(dotsWithoutDocument(), 'circle')).toHaveLength(3);
  });

  it('draws static tips, laid out and visible', () => {
    const chart = staticTip();
    const [tip] = query(chart, '[aria-label="tip"]');
    expect(tip.hasAttribute('visibility')).toBe(false);
    expect(tip.querySelector('path')?.getAttribute('d')).toMatch(/^M0,0l/);
    expect(tip.textContent).toContain('north');
  });

  it('lays out multi-line tips and keeps the real requestAnimationFrame', () => {
    const frame = (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
    const chart = Plot.tip(['line one\nline two is longer'], { frameAnchor: 'middle' }).plot();
    const [tip] = query(chart, '[aria-label="tip"]');
    expect(tip.querySelector('path')?.getAttribute('d')).toBeTruthy();
    expect(tip.querySelectorAll('text > tspan')).toHaveLength(2);
    expect((globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame).toBe(frame);
  });

  it('wraps a titled chart in a figure', () => {
    const chart = titledFigure();
    expect(chart.localName).toBe('figure');
    expect(query(chart, 'h2')[0].textContent).toBe('Fruit');
    expect(query(chart, 'figcaption')[0].textContent).toBe('Counted by hand');
  });
});

describe('isRenderable', () => {
  it('accepts elements and nothing else', () => {
    expect(isRenderable(dotsWithoutDocument())).toBe(true);
    expect(isRenderable({ outerHTML: '<b>' })).toBe(false);
    expect(isRenderable('<svg>')).toBe(false);
    expect(isRenderable(null)).toBe(false);
  });
});

function rgb(rgba: Uint8Array, i: number): number[] {
  return [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
}

function rgbOf(css: string): number[] {
  const match = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(css);
  if (!match) throw new Error(`unexpected colour ${css}`);
  return match.slice(1).map(Number);
}
