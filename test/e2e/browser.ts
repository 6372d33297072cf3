/** Debian's Chromium driven by Playwright, for the browser tests. */
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** A new page that fails the test on any uncaught page error. */
export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/**
 * Waits until the app has opened the notebook called `name` (its cells replaced the last one's).
 * A notebook from outside the app (a file, a share link) waits for the student's consent before it
 * runs; this gives it ("Run this notebook"), as a student who trusts the file would, unless
 * `agree` is false.
 */
export async function waitForNotebook(page: Page, name: string, { agree = true } = {}): Promise<void> {
  await page.waitForFunction(
    (n) =>
      (document.querySelector('dp-app') as unknown as { controller?: { source?: { name: string } } } | null)
        ?.controller?.source?.name === n,
    name,
  );
  if (!agree || (await trustState(page)) !== 'asking') return;
  await agreeToRun(page);
  // Return once the run has begun (a cell has left "not run"), as it would have for a lesson.
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('dp-cell')];
    return cells.length === 0 || cells.some((c) => c.getAttribute('data-status') !== 'stale');
  });
}

/**
 * Opens a notebook from `text` through "Open notebook", as a student's file `name`, and waits until
 * the app has it (agreeing to run it, see {@link waitForNotebook}).
 */
export async function openNotebookFile(
  page: Page,
  name: string,
  text: string,
  options?: { agree?: boolean },
) {
  await page
    .getByLabel('Open notebook')
    .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  await waitForNotebook(page, name, options);
}

/** The open notebook's trust: `bundled`, `asking` (from outside, not run yet) or `agreed`. */
export function trustState(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      (document.querySelector('dp-app') as unknown as { controller?: { trust?: { state: string } } } | null)
        ?.controller?.trust?.state,
  );
}

/** Presses "Run this notebook" on the trust bar of a notebook from outside the app. */
export async function agreeToRun(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run this notebook' }).click();
}

/** The `n`th cell (from 1) of the open notebook. */
export const cellAt = (page: Page, n: number): Locator => page.locator('dp-cell').nth(n - 1);

/**
 * Opens a cell's code in the editor (Monaco, swapped in on first click) and waits until the editor
 * has the keyboard focus.
 */
export async function openEditor(cell: Locator): Promise<void> {
  const monaco = cell.locator('.dp-code-monaco:not(.dp-code-monaco-pending)');
  if ((await monaco.count()) === 0) await cell.locator('.dp-code-view').click();
  else await monaco.click();
  await cell.locator('.dp-code-monaco:not(.dp-code-monaco-pending) .monaco-editor.focused').waitFor();
}

/**
 * Replaces a cell's code as a paste does: one edit of the whole text in the open editor, so that
 * Monaco's auto-closing of brackets and quotes (which applies to typing) does not add to it. It
 * goes through the editor's model, so the change reaches the page exactly as typing does.
 */
export async function replaceCode(_page: Page, cell: Locator, code: string): Promise<void> {
  await openEditor(cell);
  await cell.evaluate((element, text) => {
    type Range = { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
    const editor = (
      element as unknown as {
        editor: {
          getModel(): {
            getFullModelRange(): Range;
            getLineCount(): number;
            getLineMaxColumn(line: number): number;
          };
          executeEdits(source: string, edits: { range: Range; text: string }[]): boolean;
          pushUndoStop(): boolean;
          setPosition(position: { lineNumber: number; column: number }): void;
        };
      }
    ).editor;
    const model = editor.getModel();
    editor.pushUndoStop();
    editor.executeEdits('paste', [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
    const last = model.getLineCount();
    editor.setPosition({ lineNumber: last, column: model.getLineMaxColumn(last) });
  }, code);
}

/** The code a cell shows: its editor's text once opened, else the highlighted view's. */
export function codeOf(cell: Locator): Promise<string> {
  return cell.evaluate((element) => {
    const editor = (element as unknown as { editor?: { getValue(): string } }).editor;
    return editor ? editor.getValue() : (element.querySelector('.dp-code-view')?.textContent ?? '');
  });
}
