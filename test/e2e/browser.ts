/** Debian's Chromium driven by Playwright, for the browser tests. */
import { chromium, type Browser, type Page } from 'playwright';
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

/** Waits until the app has opened the notebook called `name` (its cells replaced the last one's). */
export async function waitForNotebook(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (n) =>
      (document.querySelector('dp-app') as unknown as { controller?: { source?: { name: string } } } | null)
        ?.controller?.source?.name === n,
    name,
  );
}
