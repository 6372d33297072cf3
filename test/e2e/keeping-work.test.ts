/**
 * Keeping a student's work, in a real browser: edits saved to IndexedDB as they type and layered
 * over the lesson (which may be updated), reset, download and reopen, Jupyter export and import,
 * share links.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { prepareNotebook } from '../../src/notebook/prepare-notebook.ts';
import { encodeShareHash } from '../../src/notebook/share-link.ts';
import {
  agreeToRun,
  codeOf as shownCode,
  launchBrowser,
  newPage,
  openEditor,
  replaceCode,
  waitForNotebook,
} from './browser.ts';

const baseUrl = inject('baseUrl');
const welcome = readFileSync(new URL('../../notebooks/00-welcome.md', import.meta.url), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const cell = (page: Page, n: number) => page.locator('dp-cell').nth(n - 1);

async function allOk(page: Page) {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('dp-cell')];
    return cells.length > 0 && cells.every((c) => c.getAttribute('data-status') === 'ok');
  });
}

/** Types new code into a cell (as a student would) without running it. */
async function type(page: Page, n: number, code: string) {
  await replaceCode(page, cell(page, n), code);
}

function codeOf(page: Page, n: number): Promise<string> {
  return shownCode(cell(page, n));
}

describe('edits are saved and layered over the lesson', () => {
  it('an edit survives a reload; a lesson update reaches untouched cells and marks edited ones', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    const mine = 'const monthsPerYear = 4;\nconst years = 3;\nmonthsPerYear * years';
    await type(page, 1, mine);
    await page.locator('h1').click(); // leave the editor
    await page.waitForTimeout(600); // the save is debounced by 300 ms
    await page.reload();
    await allOk(page);
    expect(await codeOf(page, 1)).toBe(mine);
    await expect(cell(page, 1).locator('dp-outputs').textContent()).resolves.toContain('12');
    await expect(cell(page, 1).getByText('your version')).toBeTruthy();

    // The lesson is updated: cell 1 (edited) and cell 2 (untouched) change.
    const v2 = welcome
      .replace('const years = 12;', 'const years = 10;')
      .replace('`A ${years}-year monthly series', '`Lesson v2: a ${years}-year monthly series');
    await page.route('**/notebooks/00-welcome.md.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(prepareNotebook(v2)) }),
    );
    await page.reload();
    await allOk(page);
    expect(await codeOf(page, 1)).toBe(mine);
    await expect(cell(page, 1).locator('.dp-cell-lesson-changed').textContent()).resolves.toBe(
      'lesson changed',
    );
    expect(await codeOf(page, 2)).toContain('Lesson v2');
    await expect(cell(page, 2).locator('.dp-cell-mine').count()).resolves.toBe(0);

    // Show original, then reset the cell to the (new) lesson.
    await cell(page, 1).getByRole('button', { name: 'Show original' }).click();
    await expect(cell(page, 1).locator('.dp-diff').textContent()).resolves.toMatch(
      /- const years = 10;[\s\S]*\+ const years = 3;/,
    );
    await cell(page, 1)
      .getByRole('button', { name: /Reset cell 1/ })
      .click();
    await page.waitForFunction(() =>
      document.querySelectorAll('dp-cell')[0].textContent?.includes('const years = 10;'),
    );
    await allOk(page);
    await expect(cell(page, 1).locator('.dp-cell-mine').count()).resolves.toBe(0);
    await expect(cell(page, 2).locator('dp-outputs').textContent()).resolves.toContain(
      'Lesson v2: a 10-year',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Reset notebook (after confirming) brings every cell back to the lesson', async () => {
    const { page } = await newPage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(baseUrl);
    await allOk(page);
    await type(page, 2, '"mine"');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelectorAll('dp-cell')[1].textContent?.includes('"mine"'));
    await page.getByRole('button', { name: 'Reset notebook' }).click();
    await page.waitForFunction(
      () => !document.querySelectorAll('dp-cell')[1].textContent?.includes('"mine"'),
    );
    await allOk(page);
    await page.waitForTimeout(600);
    await page.reload();
    await allOk(page);
    expect(await codeOf(page, 2)).not.toContain('"mine"');
    await page.close();
  });
});

describe('notebook habits', () => {
  it('Alt+Enter runs and inserts a cell below; Shift+Enter runs and moves on; delete and undo', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    const count = await page.locator('dp-cell').count();
    await openEditor(cell(page, 1));
    await page.keyboard.press('Alt+Enter');
    await page.waitForFunction((n) => document.querySelectorAll('dp-cell').length === n + 1, count);
    // The new cell, second, has the focus in its editor.
    await cell(page, 2).locator('.monaco-editor.focused').waitFor();
    await page.keyboard.type('monthsPerYear * 100');
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() =>
      document.querySelectorAll('dp-cell')[1].querySelector('dp-outputs')?.textContent?.includes('1200'),
    );
    // Shift+Enter moved the focus to the next cell.
    await page.waitForFunction(
      () => document.activeElement === document.querySelectorAll('dp-cell')[2].querySelector('.dp-code-view'),
    );
    // Saved like any edit: still there after a reload.
    await page.waitForTimeout(600);
    await page.reload();
    await allOk(page);
    expect(await codeOf(page, 2)).toBe('monthsPerYear * 100');
    await cell(page, 2).getByRole('button', { name: 'Delete cell 2' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('dp-cell').length === n, count);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.waitForFunction((n) => document.querySelectorAll('dp-cell').length === n + 1, count);
    await allOk(page);
    await expect(cell(page, 2).locator('dp-outputs').textContent()).resolves.toContain('1200');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('prose and shortcuts', () => {
  it('double-clicking prose edits it; leaving renders it (math too) and the edit is kept', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await page.locator('.dp-markdown').nth(1).dblclick();
    const editor = page.getByLabel('Edit this text (Markdown)');
    await editor.fill('## My notes\n\nThe mean is $\\bar y = \\frac1n \\sum y_t$.');
    await editor.press('Escape');
    await page.locator('.dp-markdown h2', { hasText: 'My notes' }).waitFor();
    await expect(page.locator('.dp-markdown').nth(1).locator('.katex').count()).resolves.toBeGreaterThan(0);
    await page.waitForTimeout(600);
    await page.reload();
    await allOk(page);
    await page.locator('.dp-markdown h2', { hasText: 'My notes' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves cells and prose up and down, inserts Markdown and TypeScript above or below; Undo takes a move back', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    const firstLines = () =>
      page
        .locator('dp-cell')
        .evaluateAll((cells) =>
          cells.map((c) => c.querySelector('.dp-code-view, .view-lines')?.textContent?.split('\n')[0] ?? ''),
        );
    const before = await firstLines();
    const firstCellHas = (text: string) =>
      page.waitForFunction((t) => document.querySelectorAll('dp-cell')[0].textContent?.includes(t), text);
    // Cell 2's neighbour above is prose: the first move swaps it with the prose, the second with cell 1.
    await cell(page, 2).getByRole('button', { name: 'Move cell 2 up' }).click();
    await page.waitForFunction(() =>
      document
        .querySelectorAll('dp-cell')[1]
        .nextElementSibling?.textContent?.includes('Cells share the names'),
    );
    expect(await firstLines()).toEqual(before);
    await cell(page, 2).getByRole('button', { name: 'Move cell 2 up' }).click();
    await firstCellHas(before[1]);
    const moved = await firstLines();
    expect(moved.slice(0, 2)).toEqual([before[1], before[0]]);
    expect(moved.slice(2)).toEqual(before.slice(2));
    // Order does not change what cells compute: each still reads the names it uses.
    await allOk(page);
    // Saved like an edit.
    await page.waitForTimeout(600);
    await page.reload();
    await allOk(page);
    expect((await firstLines()).slice(0, 2)).toEqual([before[1], before[0]]);
    // Undo is for this visit: after a reload there is nothing to undo.
    await expect(page.getByRole('button', { name: 'Undo', exact: true }).count()).resolves.toBe(0);
    await cell(page, 1).getByRole('button', { name: 'Move cell 1 down' }).click();
    await firstCellHas(before[0]);
    expect((await firstLines()).slice(0, 2)).toEqual(before.slice(0, 2));
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await firstCellHas(before[1]);

    // Prose moves too: it swaps places with the block above it.
    const proseBlock = page.locator('.dp-prose-block', { hasText: 'Cells share the names' });
    const place = () => proseBlock.evaluate((e) => [...e.parentElement!.children].indexOf(e));
    const was = await place();
    await proseBlock.hover();
    await proseBlock.getByRole('button', { name: 'Move this text up' }).click();
    await expect.poll(place).toBe(was - 1);

    // Insert Markdown below cell 3: it opens for writing; leaving renders it.
    await cell(page, 3).getByLabel('Insert a block next to cell 3').click();
    await cell(page, 3).getByRole('menuitem', { name: 'Markdown text below' }).click();
    const prose = page.getByLabel('Edit this text (Markdown)');
    await prose.fill('**A note of mine** about $x^2$');
    await prose.press('Escape');
    await page.locator('.dp-markdown strong', { hasText: 'A note of mine' }).waitFor();
    // Insert a TypeScript cell above cell 1: it takes the focus in the editor.
    const count = await page.locator('dp-cell').count();
    await cell(page, 1).getByLabel('Insert a block next to cell 1').click();
    await cell(page, 1).getByRole('menuitem', { name: 'TypeScript cell above' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('dp-cell').length === n + 1, count);
    await cell(page, 1).locator('.monaco-editor.focused').waitFor();
    await page.keyboard.type('years * 2');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() =>
      document.querySelectorAll('dp-cell')[0].querySelector('dp-outputs')?.textContent?.includes('24'),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a deleted lesson cell can be brought back after a reload, when Undo is gone', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    const count = await page.locator('dp-cell').count();
    const second = await codeOf(page, 2);
    await cell(page, 2).getByRole('button', { name: 'Delete cell 2' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('dp-cell').length === n - 1, count);
    await page.waitForTimeout(600);
    await page.reload();
    await allOk(page);
    await expect(page.getByRole('button', { name: 'Undo', exact: true }).count()).resolves.toBe(0);
    await page.getByText('Deleted (1)').click();
    await page.getByRole('button', { name: 'Bring back' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('dp-cell').length === n, count);
    expect(await codeOf(page, 2)).toBe(second);
    await allOk(page);
    await expect(page.getByText(/Deleted \(/).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('? shows the keyboard shortcuts', async () => {
    const { page } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await page.locator('h1').click();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet.textContent()).resolves.toMatch(/Alt\+Enter[\s\S]*insert a new one below/);
    await page.keyboard.press('Escape');
    await expect(sheet.count()).resolves.toBe(0);
    await page.close();
  });
});

describe('files and links', () => {
  it('Download .md gives the notebook with the edits; opening it gives the same notebook', async () => {
    const { page } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await type(page, 2, '`edited: ${years}`');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .md' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('00-welcome.md');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toBe(
      welcome.replace(
        '`A ${years}-year monthly series has ${monthsPerYear * years} observations.`',
        '`edited: ${years}`',
      ),
    );
    await page
      .getByLabel('Open notebook')
      .setInputFiles({ name: 'copy.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
    await waitForNotebook(page, 'copy.md');
    await page.waitForFunction(() =>
      document.querySelectorAll('dp-cell')[1]?.textContent?.includes('edited: ${years}'),
    );
    await allOk(page);
    await expect(cell(page, 2).locator('dp-outputs').textContent()).resolves.toContain('edited: 12');
    await page.close();
  });

  it('Export .ipynb then import it through Open notebook gives the same cells', async () => {
    const { page } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export .ipynb' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('00-welcome.ipynb');
    const ipynb = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(ipynb).toMatchObject({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { language: 'typescript' } },
    });
    const codeCells = ipynb.cells.filter((c: { cell_type: string }) => c.cell_type === 'code');
    // Every code fence of the lesson is a code cell, solutions too (kept as cell metadata).
    const fences = readFileSync('notebooks/00-welcome.md', 'utf8').match(/^```(ts|typescript)\b.*$/gm) ?? [];
    expect(codeCells.length).toBe(fences.length);
    // Outputs of the run come along: the first cell's value, the chart as SVG.
    expect(JSON.stringify(codeCells[0].outputs)).toContain('144');
    expect(JSON.stringify(codeCells[4].outputs)).toContain('image/svg+xml');
    const before = await page.$$eval('dp-cell .dp-code-view', (els) => els.map((e) => e.textContent));
    await page.getByLabel('Open notebook').setInputFiles({
      name: 'welcome.ipynb',
      mimeType: 'application/json',
      buffer: readFileSync(await download.path()),
    });
    await waitForNotebook(page, 'welcome.ipynb');
    await allOk(page);
    expect(await page.$$eval('dp-cell .dp-code-view', (els) => els.map((e) => e.textContent))).toEqual(
      before,
    );
    await page.close();
  });

  it("a CSV the student drops becomes FileAttachment('name.csv'); a bad row is named by its line", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await page.getByLabel('Open notebook').setInputFiles({
      name: 'sales.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('month,units\n2024-01,10\n2024-02,oops,3\n'),
    });
    await page.locator('.dp-message').getByText('Added your file sales.csv').waitFor();
    await type(page, 2, "await FileAttachment('sales.csv').csv({ typed: true })");
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[1].getAttribute('data-status') === 'error',
    );
    await expect(cell(page, 2).locator('.dp-cell-error').textContent()).resolves.toMatch(
      /line 3 has 3 fields/,
    );
    await page.getByLabel('Open notebook').setInputFiles({
      name: 'sales.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('month,units\n2024-01,10\n2024-02,12\n'),
    });
    // Still in the editor: Ctrl+Enter runs in place.
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[1].getAttribute('data-status') === 'ok',
    );
    await expect(cell(page, 2).locator('dp-outputs').textContent()).resolves.toMatch(/Array\(2\)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a notebook written by JupyterLab imports and runs', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await page.getByLabel('Open notebook').setInputFiles({
      name: 'jupyterlab.ipynb',
      mimeType: 'application/json',
      buffer: readFileSync(new URL('../fixtures/ipynb/jupyterlab.ipynb', import.meta.url)),
    });
    await page.waitForFunction(
      () => document.querySelector('.dp-markdown h1')?.textContent === 'Airline passengers',
    );
    await agreeToRun(page);
    await allOk(page);
    await expect(page.locator('dp-cell').count()).resolves.toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps one share link's edits apart from another's", async () => {
    const { page, errors } = await newPage(browser);
    const link = async (title: string) =>
      new URL(await encodeShareHash(`# ${title}\n\n\`\`\`ts\nconst n = 1;\nn\n\`\`\`\n`), baseUrl).href;
    const [first, second] = [await link('First link'), await link('Second link')];
    await page.goto(first);
    await agreeToRun(page);
    await allOk(page);
    await type(page, 1, 'const n = 42;\nn');
    await page.locator('h1').click(); // leave the editor
    await page.waitForTimeout(600); // the save is debounced by 300 ms
    await page.goto(second);
    await agreeToRun(page);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Second link');
    await allOk(page);
    expect(await codeOf(page, 1)).toBe('const n = 1;\nn');
    await page.goto(first);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'First link');
    await allOk(page);
    expect(await codeOf(page, 1)).toBe('const n = 42;\nn');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Share link opens the same notebook in another tab; a notebook too large says so', async () => {
    const { page } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await page.getByRole('button', { name: 'Share link' }).click();
    const url = await page.getByLabel('Link to this notebook').inputValue();
    expect(url).toMatch(/#\/share\/[\w-]+$/);
    const other = await newPage(browser);
    await other.page.goto(url);
    // A link from someone else: the notebook waits for the student's consent before it runs.
    await agreeToRun(other.page);
    await allOk(other.page);
    expect(await other.page.$$eval('dp-cell .dp-code-view', (els) => els.map((e) => e.textContent))).toEqual(
      await page.$$eval('dp-cell .dp-code-view', (els) => els.map((e) => e.textContent)),
    );
    await other.page.close();
    await page.locator('.dp-sidebar a[href="#/notebooks/02-baselines-and-evaluation.md"]').click();
    await allOk(page);
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Download the \.md instead/);
    await page.close();
  });
});
