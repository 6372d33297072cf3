/**
 * Charts that answer, in a real browser: a line drawn with `tip: true` in the worker shows Plot's
 * tip for the point nearest the pointer, steps through points from the keyboard and hides on
 * Escape; a static chart stays static; every chart has a text alternative and a "Show data" table.
 * Runs against the production build (see global-setup.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { cellAt, launchBrowser, newPage, openNotebookFile } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const NOTEBOOK = [
  '# Charts',
  '',
  '```ts',
  "import * as Plot from '@observablehq/plot';",
  'const months = Array.from({ length: 24 }, (_, i) => ({ date: new Date(Date.UTC(2020, i, 1)), value: 100 + i * 5 }));',
  '```',
  '',
  '```ts',
  "Plot.lineY(months, { x: 'date', y: 'value', tip: true }).plot({ height: 240 })",
  '```',
  '',
  '```ts',
  "Plot.barY(months.slice(0, 5), { x: 'date', y: 'value' }).plot({ title: 'Five months', height: 200 })",
  '```',
  '',
].join('\n');

async function settled(page: Page) {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('dp-cell')];
    return (
      cells.length > 0 &&
      cells.every((c) => !['queued', 'running'].includes(c.getAttribute('data-status') ?? ''))
    );
  });
}

/** The tip's text lines shown in the chart of cell `n`, or [] when none is shown. */
function tipLines(page: Page, n: number): Promise<string[]> {
  return cellAt(page, n).evaluate((cell) =>
    [...cell.querySelectorAll('svg [data-dp-pointer] text > tspan')].map((t) =>
      (t.textContent ?? '').replace(/\u200b/g, '').trim(),
    ),
  );
}

describe('charts', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser));
    await page.goto(baseUrl);
    await page.locator('dp-cell').first().waitFor();
    await openNotebookFile(page, 'charts.md', NOTEBOOK);
    await settled(page);
    await cellAt(page, 2).locator('dp-chart svg[tabindex]').waitFor();
  });

  afterAll(async () => {
    await page.close();
  });

  it('shows the tip of the point nearest the pointer, with that point’s values', async () => {
    const svg = cellAt(page, 2).locator('dp-chart svg').first();
    // The chart's own coordinates of the 4th point (April 2020), through the page's transform.
    const target = await svg.evaluate((element) => {
      const chart = (
        element.closest('dp-chart') as unknown as { chart: { pointers: { x: number[]; y: number[] }[] } }
      ).chart;
      const layer = chart.pointers[0];
      const m = (element as SVGSVGElement).getScreenCTM()!;
      const p = new DOMPoint(layer.x[3], layer.y[3] - 12).matrixTransform(m);
      return { x: p.x, y: p.y };
    });
    expect(await tipLines(page, 2)).toEqual([]);
    await page.mouse.move(target.x, target.y);
    await expect.poll(() => tipLines(page, 2)).toEqual(['date 2020-04-01', 'value 115']);
    await page.mouse.move(5, 5);
    await expect.poll(() => tipLines(page, 2)).toEqual([]);
  });

  it('is focusable: arrow keys move the tip, Escape hides it, and the tip is announced', async () => {
    const svg = cellAt(page, 2).locator('dp-chart svg').first();
    await svg.focus();
    await expect.poll(() => tipLines(page, 2)).toEqual(['date 2020-01-01', 'value 100']);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tipLines(page, 2)).toEqual(['date 2020-02-01', 'value 105']);
    expect(await cellAt(page, 2).locator('.dp-chart-live').textContent()).toBe('date 2020-02-01, value 105');
    await page.keyboard.press('Escape');
    await expect.poll(() => tipLines(page, 2)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Show data');
  });

  it('leaves a static chart static', async () => {
    const chart = cellAt(page, 3).locator('dp-chart');
    await expect.poll(() => chart.locator('svg').count()).toBeGreaterThan(0);
    expect(await chart.locator('svg[tabindex]').count()).toBe(0);
    expect(await chart.locator('[data-dp-pointer]').count()).toBe(0);
  });

  it('gives every chart a text alternative', async () => {
    const line = cellAt(page, 2).locator('dp-chart svg').first();
    expect(await line.getAttribute('aria-label')).toBe('Line chart of value by date, 24 points');
    expect(await line.getAttribute('aria-description')).toMatch(
      /^Marks: line \(date, value; 24 rows\)\. x from 2020-01-01 to 2021-12-01; y from 100 to 215\.$/,
    );
    const bars = cellAt(page, 3).locator('dp-chart svg').first();
    expect(await bars.getAttribute('aria-label')).toBe('Five months');
  });

  it('shows the plotted data as a table with "Show data"', async () => {
    const chart = cellAt(page, 2).locator('dp-chart');
    const toggle = chart.getByRole('button', { name: 'Show data' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await chart.locator('table').count()).toBe(0);
    await toggle.click();
    const hide = chart.getByRole('button', { name: 'Hide data' });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    const table = chart.locator('table');
    expect(await table.locator('tbody tr').count()).toBe(24);
    expect(await table.locator('thead th').allTextContents()).toEqual(['date', 'value']);
    expect(await table.locator('caption').textContent()).toContain('24 rows');
    expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual([
      '2020-01-01',
      '100',
    ]);
    await hide.click();
    expect(await chart.locator('table').count()).toBe(0);
    const bars = cellAt(page, 3).locator('dp-chart');
    await bars.getByRole('button', { name: 'Show data' }).click();
    expect(await bars.locator('tbody tr').count()).toBe(5);
    expect(errors).toEqual([]);
  });
});
