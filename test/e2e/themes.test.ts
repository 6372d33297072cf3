/**
 * Themes and small screens: the page follows `prefers-color-scheme` until the student picks a theme in
 * the top bar, which is remembered across reloads; at 390 px and 768 px wide the page does not
 * scroll sideways, the header stays one row and the lesson list is a menu ("Lessons") that opens and
 * closes from the keyboard. Screenshots go to test/.output/ (themes-*.png) for a look by eye.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright';
import { cellAt, launchBrowser, openEditor } from './browser.ts';

const baseUrl = inject('baseUrl');
const LESSON = '01-time-series-basics.md';
const OUT = new URL('../.output/', import.meta.url).pathname;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

async function bodyColours(page: Page) {
  const { background, color } = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, color: style.color };
  });
  return { background: luminance(background), color: luminance(color) };
}

/** Opens a lesson and waits until its cells have run. */
async function openLesson(page: Page, file = LESSON) {
  await page.goto(`${baseUrl}#/notebooks/${file}`);
  await page.locator('dp-cell').first().waitFor();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('dp-cell')].every(
        (c) => !['running', 'queued'].includes(c.getAttribute('data-status') ?? ''),
      ),
    undefined,
    { timeout: 30_000 },
  );
}

/** A screenshot of the page scrolled to its first chart (Plot's SVG). */
async function shootChart(page: Page, path: string) {
  const chart = page.locator('.dp-html svg').first();
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path });
  await page.evaluate(() => scrollTo(0, 0));
}

describe('themes', () => {
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('follows a dark system theme: dark background, light text', async () => {
    await openLesson(page);
    const { background, color } = await bodyColours(page);
    expect(background).toBeLessThan(0.05);
    expect(color).toBeGreaterThan(0.7);
    expect(await page.getByLabel('Theme').inputValue()).toBe('system');
    await page.screenshot({ path: `${OUT}themes-dark.png` });
    await shootChart(page, `${OUT}themes-dark-chart.png`);
    expect(errors).toEqual([]);
  });

  it('switches to Light from the top bar and keeps it after a reload', async () => {
    await page.getByLabel('Theme').selectOption('light');
    let colours = await bodyColours(page);
    expect(colours.background).toBeGreaterThan(0.9);
    expect(colours.color).toBeLessThan(0.05);
    expect(await page.evaluate(() => localStorage.getItem('dplab-theme'))).toBe('light');

    await page.reload();
    await openLesson(page);
    colours = await bodyColours(page);
    expect(colours.background).toBeGreaterThan(0.9);
    expect(await page.getByLabel('Theme').inputValue()).toBe('light');
    await page.screenshot({ path: `${OUT}themes-light.png` });
    await shootChart(page, `${OUT}themes-light-chart.png`);

    // Back to the system's (dark) theme; the choice is forgotten.
    await page.getByLabel('Theme').selectOption('system');
    colours = await bodyColours(page);
    expect(colours.background).toBeLessThan(0.05);
    expect(await page.evaluate(() => localStorage.getItem('dplab-theme'))).toBeNull();
    expect(errors).toEqual([]);
  });

  it('switches the code editor (Monaco) with the page', async () => {
    await openEditor(cellAt(page, 1));
    const editor = cellAt(page, 1).locator('.monaco-editor');
    await expect.poll(() => editor.getAttribute('class')).toContain('vs-dark');
    await page.getByLabel('Theme').selectOption('light');
    await expect.poll(() => editor.getAttribute('class')).not.toContain('vs-dark');
    await page.getByLabel('Theme').selectOption('system');
    await expect.poll(() => editor.getAttribute('class')).toContain('vs-dark');
    expect(errors).toEqual([]);
  });
});

for (const [width, height] of [
  [390, 844],
  [768, 1024],
] as const) {
  describe(`at ${width} px wide`, () => {
    let context: BrowserContext;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width, height }, colorScheme: 'light' });
      page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await openLesson(page);
    });
    afterAll(async () => {
      await context?.close();
    });

    it('does not scroll sideways and keeps the header to one row', async () => {
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const header = await page.locator('.dp-topbar').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(64);
      await expect.poll(() => page.locator('.dp-sidebar').isVisible()).toBe(false);
      if (width === 390) {
        await page.screenshot({ path: `${OUT}themes-390.png` });
        await shootChart(page, `${OUT}themes-390-chart.png`);
      }
      expect(errors).toEqual([]);
    });

    it('opens and closes the lesson menu from the keyboard', async () => {
      const button = page.getByRole('button', { name: 'Lessons' });
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
      const menu = page.getByRole('navigation', { name: 'Notebooks' });
      await expect.poll(() => menu.isVisible()).toBe(true);
      // The focus moves into the menu; Escape closes it and gives the focus back to the button.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('.dp-sidebar') !== null))
        .toBe(true);
      // Below the header, from top to bottom.
      const header = await page.locator('.dp-topbar').boundingBox();
      const box = await menu.boundingBox();
      expect(box?.y).toBeGreaterThanOrEqual((header?.height ?? 0) - 1);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(height + 1);
      if (width === 390) await page.screenshot({ path: `${OUT}themes-390-menu.png` });
      await page.keyboard.press('Escape');
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => menu.isVisible()).toBe(false);
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

      // Choosing a lesson closes the menu and opens the lesson.
      await page.keyboard.press('Enter');
      await expect.poll(() => menu.isVisible()).toBe(true);
      await menu.getByRole('link', { name: /baselines and honest/i }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => menu.isVisible()).toBe(false);
      await expect.poll(() => page.evaluate(() => location.hash)).toContain('02-baselines');
      expect(errors).toEqual([]);
    });

    it('shows a side panel over the whole width', async () => {
      await page.locator('dp-cell').first().waitFor();
      await page.getByRole('button', { name: 'Journal' }).click();
      const panel = page.getByRole('complementary', { name: 'Experiment journal' });
      await panel.waitFor();
      const box = await panel.boundingBox();
      expect(box?.x).toBe(0);
      expect(box?.width).toBeCloseTo(width, 0);
      if (width === 390) await page.screenshot({ path: `${OUT}themes-390-journal.png` });
      await page.getByRole('button', { name: 'Close Experiment journal' }).click();
      await expect.poll(() => panel.count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
}
