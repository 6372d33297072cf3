/**
 * The code editor in a real browser: Monaco swapped in for the highlighted code on first click
 * without moving the page, and TypeScript that knows the notebook — library completions, names from
 * other cells, type errors as markers that do not stop a run. The language service is queried
 * through Monaco's TypeScript worker API (`getTypeScriptWorker()` → `getCompletionsAtPosition`).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright';
import { cellAt, codeOf, launchBrowser, newPage, openEditor, replaceCode } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, errors } = await newPage(browser));
  await page.goto(baseUrl);
  await allOk();
});

afterAll(async () => {
  await browser?.close();
});

async function allOk() {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('dp-cell')];
    return cells.length > 0 && cells.every((c) => c.getAttribute('data-status') === 'ok');
  });
}

/** Completion names at the end of the cell's code, from Monaco's TypeScript worker. */
function completionsAtEnd(cell: Locator): Promise<string[]> {
  return cell.evaluate(async (element) => {
    const c = element as unknown as {
      editor: { getValue(): string };
      typeScript(): Promise<{
        worker: {
          getCompletionsAtPosition(
            file: string,
            offset: number,
          ): Promise<{ entries: { name: string }[] } | undefined>;
        };
        fileName: string;
      }>;
    };
    const { worker, fileName } = await c.typeScript();
    const info = await worker.getCompletionsAtPosition(fileName, c.editor.getValue().length);
    return (info?.entries ?? []).map((e) => e.name);
  });
}

/** The type the language service gives the identifier ending at `offset` (quick info). */
function typeAt(cell: Locator, offset: number): Promise<string> {
  return cell.evaluate(async (element, at) => {
    const c = element as unknown as {
      typeScript(): Promise<{
        worker: {
          getQuickInfoAtPosition(
            file: string,
            offset: number,
          ): Promise<{ displayParts?: { text: string }[] } | undefined>;
        };
        fileName: string;
      }>;
    };
    const { worker, fileName } = await c.typeScript();
    const info = await worker.getQuickInfoAtPosition(fileName, at);
    return (info?.displayParts ?? []).map((p) => p.text).join('');
  }, offset);
}

describe('the code editor', () => {
  it('replaces the highlighted code in place, with the cursor where the student clicked', async () => {
    const cell = cellAt(page, 3);
    const view = cell.locator('.dp-code-view');
    await view.scrollIntoViewIfNeeded();
    const before = await view.boundingBox();
    const scroll = await page.evaluate(() => document.querySelector('.dp-main')?.scrollTop ?? 0);
    // Click on the second line of the code.
    const line = await view.evaluate((pre) => Number.parseFloat(getComputedStyle(pre).lineHeight));
    await view.click({ position: { x: 40, y: 12 + line * 1.5 } });
    await cell.locator('.dp-code-monaco:not(.dp-code-monaco-pending) .monaco-editor.focused').waitFor();
    const after = await cell.locator('.dp-code-monaco').boundingBox();
    expect(before && after).toBeTruthy();
    expect(Math.abs(after!.y - before!.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(2);
    expect(await page.evaluate(() => document.querySelector('.dp-main')?.scrollTop ?? 0)).toBe(scroll);
    const position = await cell.evaluate(
      (e) =>
        (e as unknown as { editor: { getPosition(): { lineNumber: number } } }).editor.getPosition()
          .lineNumber,
    );
    expect(position).toBe(2);
    // What the student types lands in the cell and is kept as their edit.
    await page.keyboard.press('End');
    await page.keyboard.type(' // mine');
    expect((await codeOf(cell)).split('\n')[1]).toMatch(/\/\/ mine$/);
    await expect(cell.locator('.dp-cell-mine').count()).resolves.toBe(1);
  });

  it('completes arquero after `aq.` through the TypeScript worker, and in the suggestion list', async () => {
    const cell = cellAt(page, 3);
    await replaceCode(page, cell, "import * as aq from 'arquero';\naq");
    await page.keyboard.type('.');
    const names = await completionsAtEnd(cell);
    expect(names).toEqual(expect.arrayContaining(['table', 'from', 'op', 'loadCSV']));
    // The student sees the same in Monaco's suggestion list, which opened at the `.`; typing filters it.
    await page.locator('.suggest-widget.visible').waitFor();
    await page.keyboard.type('fro');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'fromCSV' }).first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('knows the names earlier cells define, with their types', async () => {
    const cell = cellAt(page, 2);
    await replaceCode(page, cell, 'monthsPer');
    expect(await completionsAtEnd(cell)).toContain('monthsPerYear');
    await replaceCode(page, cell, 'monthsPerYear');
    expect(await typeAt(cell, 5)).toBe('const monthsPerYear: 12');
    // The dplab library and the cell globals are typed too.
    await replaceCode(
      page,
      cell,
      "import { movingAverage } from 'dplab/stats';\nconst k = view(Inputs.range([1, 12]));\nk",
    );
    const code = await codeOf(cell);
    expect(await typeAt(cell, code.length - 1)).toBe('const k: number');
    // Signature help inside a call names the parameters of the library function.
    await replaceCode(page, cell, "import { movingAverage } from 'dplab/stats';\nmovingAverage(");
    const signature = await cell.evaluate(async (element) => {
      const c = element as unknown as {
        editor: { getValue(): string };
        typeScript(): Promise<{
          worker: {
            getSignatureHelpItems(
              file: string,
              offset: number,
              options: object,
            ): Promise<{ items: { parameters: { name: string }[] }[] } | undefined>;
          };
          fileName: string;
        }>;
      };
      const { worker, fileName } = await c.typeScript();
      const help = await worker.getSignatureHelpItems(fileName, c.editor.getValue().length, {});
      return help?.items[0]?.parameters.map((p) => p.name) ?? [];
    });
    expect(signature).toEqual(['values', 'options']);
  });

  it('shows a type error as a marker without stopping the cell from running', async () => {
    const cell = cellAt(page, 2);
    await replaceCode(page, cell, "const forOtherCells = 1;\nconst count: number = 'twelve';\ncount");
    await page.waitForFunction(() =>
      (document.querySelectorAll('dp-cell')[1] as unknown as { markers(): { message: string }[] })
        .markers()
        .some((m) => /not assignable to type 'number'/.test(m.message)),
    );
    await page.locator('.squiggly-error').first().waitFor({ state: 'attached' });
    // A top-level name is there for other cells: it is not flagged (or faded) as never read.
    const messages = await cell.evaluate((e) =>
      (e as unknown as { markers(): { message: string }[] }).markers().map((m) => m.message),
    );
    expect(messages.filter((m) => /never read|never used/.test(m))).toEqual([]);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('dp-cell')[1].getAttribute('data-status') === 'ok' &&
        document.querySelectorAll('dp-cell')[1].querySelector('dp-outputs')?.textContent?.includes('twelve'),
    );
  });

  it('keys typed in code are text: `?` types a question mark; Ctrl+S saves; Ctrl+Shift+I interrupts', async () => {
    const cell = cellAt(page, 2);
    await replaceCode(page, cell, 'const answer = years > 10 ');
    await page.keyboard.type('? "long" : "short";');
    expect(await codeOf(cell)).toBe('const answer = years > 10 ? "long" : "short";');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).resolves.toBe(0);
    await page.keyboard.press('Control+s');
    await page.locator('.dp-message', { hasText: 'Saved in this browser' }).waitFor();
    // An endless loop, run from the editor and interrupted from it.
    await replaceCode(page, cell, 'while (true) {}');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[1].getAttribute('data-status') === 'running',
    );
    await page.keyboard.press('Control+Shift+I');
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[1].getAttribute('data-status') === 'interrupted',
    );
    await replaceCode(page, cell, '`${years} years`');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[1].getAttribute('data-status') === 'ok',
    );
  });

  it('Escape leaves the editor and Enter goes back in', async () => {
    const cell = cellAt(page, 2);
    await openEditor(cell);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('dp-code-monaco'));
    await page.keyboard.press('Enter');
    await cell.locator('.monaco-editor.focused').waitFor();
    expect(errors).toEqual([]);
  });

  it('falls back to a plain text box, saying why, when the editor cannot be loaded; edits still run', async () => {
    const { page: offline, errors: offlineErrors } = await newPage(browser);
    // The editor's chunks fail to load (a flaky network, a blocked CDN): nothing else does.
    await offline.route('**/assets/editor*.js', (route) => route.abort());
    await offline.goto(baseUrl);
    await offline.waitForFunction(() => {
      const cells = [...document.querySelectorAll('dp-cell')];
      return cells.length > 0 && cells.every((c) => c.getAttribute('data-status') === 'ok');
    });
    const cell = cellAt(offline, 1);
    await cell.locator('.dp-code-view').click();
    const box = cell.locator('textarea.dp-code-edit');
    await box.waitFor();
    await expect(cell.locator('.dp-cell-reason').textContent()).resolves.toMatch(
      /code editor could not be loaded .* plain text/,
    );
    await box.fill('const monthsPerYear = 4;\nconst years = 12;\nmonthsPerYear * years');
    await box.press('Shift+Enter');
    await offline.waitForFunction(() =>
      document.querySelectorAll('dp-cell')[1].textContent?.includes('has 48 observations'),
    );
    expect(offlineErrors).toEqual([]);
    await offline.close();
  });
});
