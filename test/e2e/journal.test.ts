/**
 * The experiment journal in a real browser: a slider moved across values records one run per
 * settled value, the panel lists them, compares two, pins one and plots a sensitivity curve; and a
 * journal of 1,000 runs renders quickly. Runs against the production build (see global-setup.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launchBrowser, newPage, openNotebookFile } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const NOTEBOOK = [
  '---',
  'title: Journal check',
  '---',
  '',
  '# A slider and a score',
  '',
  '```ts',
  "const k = view(Inputs.range([1, 10], {value: 2, step: 1, label: 'k'}))",
  '```',
  '',
  '```ts',
  'report({ score: k * k })',
  '```',
  '',
].join('\n');

/** Waits until the score cell shows `score` and the kernel is idle (the run has settled). */
async function settled(page: Page, score: number) {
  await page.waitForFunction((s) => {
    const cells = [...document.querySelectorAll('dp-cell')];
    const shown = cells[1]?.querySelector('.dp-report')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const idle = document.querySelector('.dp-kernel')?.textContent?.trim() === 'Idle';
    return idle && cells.every((c) => (c as HTMLElement).dataset.status === 'ok') && shown.endsWith(` ${s}`);
  }, score);
}

/** The journal's rows: each run's name and its metric cells' text. */
function rows(page: Page): Promise<string[][]> {
  return page.$$eval('dp-journal .dp-journal-scroll tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td.dp-num')].map((c) => c.textContent?.trim() ?? '')),
  );
}

describe('the experiment journal', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser));
    await page.goto(baseUrl);
    await page.waitForSelector('dp-cell');
    await openNotebookFile(page, 'journal.md', NOTEBOOK);
    await settled(page, 4);
  });

  afterAll(async () => {
    await page.close();
  });

  it('records one run per settled slider value, newest first, named by the slider', async () => {
    const slider = page.getByLabel('k', { exact: true });
    for (const k of [5, 7, 9]) {
      await slider.fill(String(k));
      await settled(page, k * k);
    }
    await page.getByRole('button', { name: 'Journal' }).click();
    await page.locator('dp-journal table').first().waitFor();
    expect(await rows(page)).toEqual([
      ['k = 9', '81'],
      ['k = 7', '49'],
      ['k = 5', '25'],
      ['k = 2', '4'],
    ]);
    await expect(page.locator('dp-journal caption').first().textContent()).resolves.toMatch(
      /Runs, newest first/,
    );
    // Run all with the same value settles on the same run: nothing new.
    await page.getByRole('button', { name: 'Run all' }).click();
    await settled(page, 81);
    expect(await rows(page)).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it('plots a metric against a numeric control', async () => {
    const journal = page.locator('dp-journal');
    await journal.getByLabel('Metric').selectOption('score');
    await journal.getByLabel('Parameter').selectOption('k');
    await journal.getByRole('button', { name: 'Plot' }).click();
    const svg = journal.locator('.dp-journal-chart svg');
    await svg.waitFor();
    await expect(svg.getAttribute('aria-label')).resolves.toBe('score against k');
    await expect(svg.locator('circle').count()).resolves.toBe(4);
    // The curve follows new runs.
    await page.getByLabel('k', { exact: true }).fill('3');
    await settled(page, 9);
    await page.waitForFunction(
      () => document.querySelectorAll('dp-journal .dp-journal-chart circle').length === 5,
    );
    expect(errors).toEqual([]);
  });

  it('compares two ticked runs side by side, and pins a run', async () => {
    const journal = page.locator('dp-journal');
    await journal.getByLabel('Compare k = 2').check();
    await journal.getByLabel('Compare k = 9').check();
    const compare = journal.locator('.dp-journal-compare');
    await compare.waitFor();
    const text = (await compare.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toMatch(/k = 2.*k = 9/);
    expect(text).toMatch(/k \(differs\) 2 9/);
    expect(text).toMatch(/score \(differs\) 4 81/);
    const pin = journal.getByRole('button', { name: 'Pin k = 7' });
    await pin.focus();
    await page.keyboard.press('Enter');
    await expect(
      journal.getByRole('button', { name: 'Unpin k = 7' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    expect(errors).toEqual([]);
  });

  it('shows the newest 200 of 1,000 runs, and all of them when asked', async () => {
    // How fast this renders is measured in `npm run bench`, not here.
    const shown = await page.evaluate(async () => {
      type Run = {
        id: string;
        time: string;
        cellId: string;
        params: object;
        metrics: object;
        codeHash: string;
      };
      const app = document.querySelector('dp-app') as unknown as {
        controller: { journal: { runs: Run[]; changed(): void } };
      };
      const journal = document.querySelector('dp-journal') as unknown as HTMLElement & {
        updateComplete: Promise<boolean>;
        showAll: boolean;
      };
      const store = app.controller.journal;
      store.runs = Array.from({ length: 1000 }, (_, i) => ({
        id: `bulk-${i}`,
        time: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
        cellId: 'cell-2',
        params: { k: i % 10, model: ['ets', 'theta'][i % 2], alpha: i / 1000 },
        metrics: { mase: 1 + i / 1000, smape: 10 + (i % 7), rmse: i / 3 },
        codeHash: 'abcd1234',
      }));
      store.changed(); // private in TypeScript; tells the panel
      await journal.updateComplete;
      const limited = journal.querySelectorAll('.dp-journal-table tbody tr').length;
      const newest = journal.querySelector('.dp-journal-table tbody tr th')?.textContent?.trim();
      journal.showAll = true;
      await journal.updateComplete;
      return { limited, newest, all: journal.querySelectorAll('.dp-journal-table tbody tr').length };
    });
    expect(shown).toEqual({ limited: 200, newest: expect.stringContaining('alpha = 0.999'), all: 1000 });
    expect(errors).toEqual([]);
  });

  it('shows the runs of one reporting cell at a time when several report', async () => {
    const journal = page.locator('dp-journal');
    await page.evaluate(async () => {
      const app = document.querySelector('dp-app') as unknown as {
        controller: { journal: { runs: object[]; changed(): void } };
      };
      const run = (i: number, label: string, metrics: object) => ({
        id: `two-${label}-${i}`,
        time: new Date(Date.UTC(2025, 1, 1, 0, 0, i)).toISOString(),
        cellId: 'cell-2',
        label,
        params: { k: i },
        metrics,
        codeHash: 'abcd1234',
      });
      const store = app.controller.journal;
      store.runs = [run(1, 'fit', { mae: 1 }), run(2, 'fit', { mae: 2 }), run(3, 'test', { rmse: 3 })];
      store.changed();
      await (document.querySelector('dp-journal') as unknown as { updateComplete: Promise<boolean> })
        .updateComplete;
    });
    const choice = journal.getByLabel('Runs of');
    // The newest run's source first: one run of `test`, with only its own metric as a column.
    await expect(choice.locator('option:checked').textContent()).resolves.toMatch(/test \(1 run\)/);
    expect(await rows(page)).toEqual([['run 1', '3']]); // nothing varies within one run
    await choice.selectOption({ label: 'fit (2 runs)' });
    await expect
      .poll(() => rows(page))
      .toEqual([
        ['k = 2', '2'],
        ['k = 1', '1'],
      ]);
    expect(errors).toEqual([]);
  });
});
