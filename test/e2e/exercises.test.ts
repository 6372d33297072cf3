/**
 * Exercises in a real browser, done by keyboard as a student would: the state beside an exercise
 * follows the answer without a check button, says why an answer fails, offers hints one at a time
 * and the solution on request, waits while a cell it reads has failed, and progress survives a
 * reload.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launchBrowser, newPage, openEditor, openNotebookFile } from './browser.ts';

const baseUrl = inject('baseUrl');
const exerciseMd = readFileSync(new URL('../fixtures/notebooks/exercise.md', import.meta.url), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const cell = (page: Page, n: number) => page.locator('dp-cell').nth(n - 1);
const exercise = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`);

async function allSettled(page: Page) {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('dp-cell')];
    return (
      cells.length > 0 &&
      cells.every((c) => !['queued', 'running'].includes((c as HTMLElement).dataset.status ?? ''))
    );
  });
}

async function stateOf(page: Page, id: string): Promise<string | null> {
  return exercise(page, id).getAttribute('data-state');
}

/** Types `code` over a cell's code by keyboard (select all, type) and runs it with Shift+Enter. */
async function typeAndRun(page: Page, n: number, code: string) {
  await openEditor(cell(page, n));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(code);
  await page.keyboard.press('Shift+Enter');
}

describe('an exercise', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser));
    await page.goto(baseUrl);
    await page.locator('dp-cell').first().waitFor();
    await openNotebookFile(page, 'exercise.md', exerciseMd);
    await allSettled(page);
  });

  afterAll(async () => {
    await page.close();
  });

  it('untouched starter code is not attempted; hints and the solution are not in the page', async () => {
    expect(await stateOf(page, 'mae')).toBe('not-attempted');
    const text = await page.locator('dp-notebook').textContent();
    expect(text).not.toContain('drop the sign');
    expect(text).not.toContain('Math.abs(y - forecast[i])');
    // The check cell's code is folded; its checks are shown with the exercise.
    await expect.poll(() => cell(page, 3).locator('.dp-code').count()).toBe(0);
  });

  it('a wrong answer says which check failed and why; hints come one at a time', async () => {
    await typeAndRun(page, 2, "const mae = 'one' as unknown as number;");
    await page.waitForFunction(
      () => document.querySelector('[data-exercise="mae"]')?.getAttribute('data-state') === 'failed',
    );
    const box = exercise(page, 'mae');
    await expect.poll(() => box.locator('.dp-check[data-passed="false"]').count()).toBe(2);
    await expect.poll(() => box.textContent()).toContain('Assign a number to mae.');
    await expect.poll(() => box.textContent()).toContain('got "one", not a number');

    await typeAndRun(page, 2, 'const mae = 1.5;');
    await page.waitForFunction(
      () => document.querySelector('[data-exercise="mae"]')?.getAttribute('data-state') === 'partial',
    );
    await expect.poll(() => box.textContent()).toContain('1 of 2');
    await expect
      .poll(() => box.textContent())
      .toContain('Average |actual − forecast|, not the squared error.');
    await expect.poll(() => box.textContent()).toContain('too large');

    await box.getByRole('button', { name: /Show a hint/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => box.locator('.dp-hint').count()).toBe(1);
    await expect.poll(() => box.locator('.dp-hint').textContent()).toContain('drop the sign');
    await box.getByRole('button', { name: /Show another hint/ }).press('Enter');
    await expect.poll(() => box.locator('.dp-hint').count()).toBe(2);
    await expect.poll(() => box.getByRole('button', { name: /Show another hint/ }).count()).toBe(0);
  });

  it('a correct answer turns it passed without a check button', async () => {
    await typeAndRun(page, 2, 'const mae = mean(test.map((y, i) => Math.abs(y - forecast[i])));');
    await page.waitForFunction(
      () => document.querySelector('[data-exercise="mae"]')?.getAttribute('data-state') === 'passed',
    );
    await expect.poll(() => exercise(page, 'mae').locator('.dp-check[data-passed="true"]').count()).toBe(2);
    await expect.poll(() => page.locator('.dp-exercise-count').textContent()).toContain('1 of 1 passed');
  });

  it('waits, and says for which cell, when a cell the exercise reads fails', async () => {
    await typeAndRun(
      page,
      1,
      "const test = [3, 5, 4, 6];\nconst forecast = [2, 5, 5, 4];\nconst mean = (xs: number[]) => xs.length;\nthrow new Error('broken');",
    );
    await page.waitForFunction(
      () => document.querySelector('[data-exercise="mae"]')?.getAttribute('data-state') === 'waiting',
    );
    await expect
      .poll(() => exercise(page, 'mae').textContent())
      .toContain('Waiting for cell 1, which failed.');
  });

  it('Show solution, then Use this solution, passes; Reset exercise goes back to the starter', async () => {
    await typeAndRun(
      page,
      1,
      'const test = [3, 5, 4, 6];\nconst forecast = [2, 5, 5, 4];\nconst mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;',
    );
    const box = exercise(page, 'mae');
    await box.getByRole('button', { name: 'Show solution' }).click();
    await expect.poll(() => box.locator('.dp-solution').textContent()).toContain('Math.abs(y - forecast[i])');
    await box.getByRole('button', { name: 'Use this solution' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-exercise="mae"]')?.getAttribute('data-state') === 'passed',
    );
    await box.getByRole('button', { name: 'Reset exercise' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-exercise="mae"]')?.getAttribute('data-state') === 'not-attempted',
    );
    expect(errors).toEqual([]);
  });
});

describe('progress', () => {
  it('survives a reload: the notebook header, the sidebar and the progress page', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${baseUrl}#/notebooks/00-welcome.md`);
    await allSettled(page);
    const first = page.locator('[data-exercise]').first();
    const id = await first.getAttribute('data-exercise');
    expect(id).toBeTruthy();
    await first.getByRole('button', { name: 'Show solution' }).click();
    await first.getByRole('button', { name: 'Use this solution' }).click();
    await page.waitForFunction(
      (i) => document.querySelector(`[data-exercise="${i}"]`)?.getAttribute('data-state') === 'passed',
      id,
    );
    // Give the debounced save of the student's code time to land before the reload.
    await page.waitForTimeout(600);
    await page.reload();
    await allSettled(page);
    await page.waitForFunction(
      (i) => document.querySelector(`[data-exercise="${i}"]`)?.getAttribute('data-state') === 'passed',
      id,
    );
    await expect(page.locator('.dp-exercise-count').textContent()).resolves.toMatch(
      /Exercises: 1 of \d+ passed/,
    );
    await expect(page.locator('.dp-sidebar-progress').first().textContent()).resolves.toMatch(/^1\/\d+$/);
    await page.getByRole('link', { name: 'Your progress' }).click();
    await page.locator('dp-progress table').waitFor();
    await expect.poll(() => page.locator(`dp-progress li[data-state="passed"]`).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
