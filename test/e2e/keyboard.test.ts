/**
 * The app from the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape): the skip link, the lesson
 * list, a cell's Run button, inserting, moving and deleting blocks, an input, a failing cell and the
 * link to it, Interrupt, the journal and the editor, asserting where the focus lands at each step.
 * Runs against the production build (see global-setup.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Whether the focused element matches `selector`. */
function focusIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** A short description of the focused element, for failure messages. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e) return 'nothing';
    const label = e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 40) ?? '';
    return `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} “${label}”`;
  });
}

/** Presses `key` (Tab or Shift+Tab) until the focus is on `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, key = 'Tab', max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await focusIs(page, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${selector}; the focus is on ${await focused(page)}`);
}

/** Waits until every cell of the open notebook has run and the kernel is idle. */
async function settled(page: Page) {
  await page.waitForFunction(
    () => {
      const cells = [...document.querySelectorAll('dp-cell')];
      const idle = document.querySelector('.dp-kernel')?.textContent?.trim() === 'Idle';
      return idle && cells.length > 0 && cells.every((c) => c.getAttribute('data-status') !== 'running');
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** The id of the switch labelled `label`. */
const toggleId = (page: Page, label: string) =>
  page.locator('dp-input', { hasText: label }).locator('input[type="checkbox"]').getAttribute('id');

const cellCount = (page: Page) => page.locator('dp-cell').count();

describe('the app from the keyboard', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser));
    await page.goto(`${baseUrl}#/progress`);
    await page.locator('dp-progress').waitFor();
  });

  it('the first Tab reaches the skip link, shown while focused; Enter moves the focus to the lesson', async () => {
    await page.keyboard.press('Tab');
    expect(await focusIs(page, '.dp-skip-link'), await focused(page)).toBe(true);
    const box = await page.locator('.dp-skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusIs(page, 'main.dp-main')).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#/progress');
  });

  it('Tab reaches a lesson in the list; Enter opens it', async () => {
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, '.dp-sidebar a[href="#/notebooks/00-welcome.md"]', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/notebooks/00-welcome.md');
    await settled(page);
  });

  it("reaches a cell's Run button and runs the cell with Enter", async () => {
    await tabTo(page, '#dp-cell-2 .dp-run');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await focusIs(page, '#dp-cell-2 .dp-run')).toBe(true);
  });

  it('inserts a cell from the insert menu, moves it and deletes it', async () => {
    const before = await cellCount(page);
    await tabTo(page, '#dp-cell-2 summary[aria-label="Insert a block next to cell 2"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusIs(page, '#dp-cell-2 [role="menuitem"]'), await focused(page)).toBe(true);
    await tabTo(page, '#dp-cell-2 [role="menuitem"]:nth-child(2)');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('dp-cell').length === n + 1, before);
    // The new cell (3) opens for writing; Escape leaves its editor.
    await page.waitForFunction(() => document.activeElement?.closest('dp-cell')?.id === 'dp-cell-3');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.activeElement?.closest('.monaco-editor'));
    const second = await page.locator('#dp-cell-2 .dp-code-view').textContent();

    await tabTo(page, '#dp-cell-3 button[aria-label="Move cell 3 up"]', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (text) => document.querySelector('#dp-cell-3 .dp-code-view')?.textContent === text,
      second,
    );

    await tabTo(page, '#dp-cell-2 button[aria-label="Delete cell 2"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('dp-cell').length === n, before);
    await settled(page);
  });

  it('an input works from the keyboard; a failing cell is announced and its link reaches it', async () => {
    const toggle = await toggleId(page, 'Make the next cell fail');
    await tabTo(page, `[id="${toggle}"]`);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('dp-cell[data-status="error"]') !== null);
    await settled(page);
    await expect
      .poll(() => page.locator('.dp-announce').textContent(), { timeout: 10_000 })
      .toMatch(/Cell \d+ failed: /);
    const failed = await page.locator('dp-cell[data-status="error"]').first().getAttribute('id');

    await tabTo(page, '.dp-failed-link', 'Shift+Tab');
    expect(await page.locator('.dp-failed-link').textContent()).toMatch(/1 cell failed: go to cell \d+/);
    await page.keyboard.press('Enter');
    expect(await focusIs(page, `#${failed} .dp-run`), await focused(page)).toBe(true);

    await tabTo(page, `[id="${toggle}"]`, 'Shift+Tab');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('dp-cell[data-status="error"]') === null);
    await settled(page);
  });

  it('Interrupt stops an endless loop from the keyboard', async () => {
    const toggle = await toggleId(page, 'Start an endless loop');
    await tabTo(page, `[id="${toggle}"]`);
    await page.keyboard.press('Space');
    await page.locator('.dp-interrupt:not([disabled])').waitFor();
    await tabTo(page, '.dp-interrupt', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.dp-kernel')?.textContent?.trim() === 'Idle');
    // Back to the switch, and off again.
    await tabTo(page, `[id="${toggle}"]`);
    await page.keyboard.press('Space');
    await settled(page);
  });

  it('opens the journal from the keyboard, reaches inside it and closes it', async () => {
    await tabTo(page, '.dp-topbar button[title^="Show the runs"]', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('aside.dp-side-panel dp-journal').waitFor();
    await tabTo(page, 'aside.dp-side-panel button[aria-label="Close Experiment journal"]');
    await page.keyboard.press('Enter');
    await page.locator('aside.dp-side-panel').waitFor({ state: 'detached' });
  });

  it('Enter goes into the editor and Escape comes out of it, and both are announced', async () => {
    const announced = () => page.locator('.dp-announce').textContent();
    await tabTo(page, '#dp-cell-1 .dp-code-view', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('#dp-cell-1 .monaco-editor.focused').waitFor();
    await expect.poll(announced).toBe('Editing cell 1. Escape stops editing; Shift+Enter runs it.');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('dp-code-monaco'));
    await expect.poll(announced).toBe('Stopped editing cell 1. Enter edits it again; Shift+Enter runs it.');
    expect(await page.evaluate(() => document.activeElement?.closest('dp-cell')?.id)).toBe('dp-cell-1');
    // Tab moves on from the cell, not into the editor's text.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(false);
    expect(errors).toEqual([]);
  });
});
