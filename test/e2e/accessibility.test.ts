/**
 * An axe-core audit (WCAG 2.x A and AA rules) of every bundled notebook after it has run, and of the
 * shell with the editor open, the progress page and the side panels: no serious or critical
 * violations. Runs against the production build (see global-setup.ts).
 *
 * The app ships a Content-Security-Policy (`script-src 'self'`), which would refuse the injected
 * axe script; these pages alone bypass it.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launchBrowser, openEditor } from './browser.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
const errors: string[] = [];

const NOTEBOOKS = readdirSync(new URL('../../notebooks/', import.meta.url))
  .filter((file) => file.endsWith('.md') && file !== 'README.md')
  .sort();

/** One violation as the test reports it: rule, impact, how many nodes, and up to five distinct ones. */
type Finding = { id: string; impact: string; nodes: number; examples: string[] };

/** Runs axe on the page as it is now; returns its serious and critical violations. */
async function audit(): Promise<Finding[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = {
      violations: {
        id: string;
        impact: string | null;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        nodes: v.nodes.length,
        examples: [
          ...new Map(
            v.nodes.map((n) => {
              const why = (n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim();
              return [why.replace(/[\d.]+px/g, ''), `${n.target.join(' ')}: ${why}`] as const;
            }),
          ).values(),
        ].slice(0, 5),
      }));
  });
}

/** Waits until every cell of the open notebook `file` has run without error. */
async function ranAll(file: string) {
  await page.waitForFunction(
    (name) => {
      const app = document.querySelector('dp-app') as unknown as {
        controller?: { source?: { name: string } };
      };
      if (app?.controller?.source?.name !== name) return false;
      const cells = [...document.querySelectorAll('dp-cell')];
      return cells.length > 0 && cells.every((c) => c.getAttribute('data-status') === 'ok');
    },
    file,
    { timeout: 60_000 },
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// Both themes: the dark one has its own colours for text, code, tables and charts, so its contrast
// is audited as the light one's is. With no theme chosen, the app follows `prefers-color-scheme`.
describe.each(['light', 'dark'] as const)(
  'the accessibility audit (axe-core, WCAG 2.2 AA), %s theme',
  (scheme) => {
    beforeAll(async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
        colorScheme: scheme,
      });
      page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
    });

    afterAll(async () => {
      await page.context().close();
    });

    it('follows the colour scheme it was given', async () => {
      await page.goto(baseUrl);
      await page.waitForSelector('dp-cell');
      // The page's background: near black in the dark theme, near white in the light one.
      const rgb = await page.evaluate(() =>
        (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).map(Number),
      );
      const sum = rgb.reduce((a, b) => a + b, 0);
      expect(rgb).toHaveLength(3);
      expect(scheme === 'dark' ? sum < 150 : sum > 600, `background rgb(${rgb.join(', ')})`).toBe(true);
    });

    it.each(NOTEBOOKS)(
      '%s, after it has run, has no serious or critical violations',
      async (file) => {
        await page.goto(`${baseUrl}#/notebooks/${file}`);
        await ranAll(file);
        expect(await audit()).toEqual([]);
      },
      90_000,
    );

    it('the shell with a cell open in the editor', { timeout: 90_000 }, async () => {
      await page.goto(`${baseUrl}#/notebooks/${NOTEBOOKS[0]}`);
      await ranAll(NOTEBOOKS[0]!);
      // The first cell whose code is shown (found once: the locator would move on once the editor replaces it).
      const id = await page
        .locator('dp-cell')
        .filter({ has: page.locator('.dp-code-view:visible') })
        .first()
        .getAttribute('id');
      await openEditor(page.locator(`[id="${id}"]`));
      expect(await audit()).toEqual([]);
    });

    it('the dependency panel and the journal', async () => {
      await page.getByRole('button', { name: 'Dependencies' }).click();
      await page.locator('dp-graph svg').first().waitFor();
      expect(await audit()).toEqual([]);
      await page.getByRole('button', { name: 'Journal' }).click();
      await page.locator('dp-journal').waitFor();
      expect(await audit()).toEqual([]);
    });

    it('a notebook from outside, with the bar that asks before it runs', async () => {
      const text = [
        '---',
        'title: From outside',
        '---',
        '',
        '# Outside',
        '',
        '```ts',
        '1 + 1',
        '```',
        '',
      ].join('\n');
      await page
        .locator('.dp-open input')
        .setInputFiles({ name: 'outside.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
      await page.locator('dp-trust-bar .dp-trust-run').waitFor();
      expect(await audit()).toEqual([]);
    });

    it('the progress page', async () => {
      await page.goto(`${baseUrl}#/progress`);
      await page.locator('dp-progress').waitFor();
      expect(await audit()).toEqual([]);
      expect(errors).toEqual([]);
    });
  },
);
