/**
 * The app in a real browser (Debian's Chromium): opening notebooks, outputs, inputs, errors,
 * Interrupt and sanitising. Runs against the production build (see global-setup.ts).
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import {
  agreeToRun,
  launchBrowser,
  newPage,
  replaceCode,
  openNotebookFile,
  waitForNotebook,
} from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The `data-status` of every cell, in order. */
function statuses(page: Page): Promise<string[]> {
  return page.$$eval('dp-cell', (cells) => cells.map((c) => (c as HTMLElement).dataset.status ?? ''));
}

/** Waits until every cell has run without error. */
async function allOk(page: Page) {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('dp-cell')];
    return cells.length > 0 && cells.every((c) => (c as HTMLElement).dataset.status === 'ok');
  });
}

const openFile = openNotebookFile;

const cell = (page: Page, n: number) => page.locator('dp-cell').nth(n - 1);

describe('the welcome notebook', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser));
    await page.goto(baseUrl);
    await allOk(page);
  });

  afterAll(async () => {
    await page.close();
  });

  it('opens at its own URL from the sidebar and runs top to bottom without an error', async () => {
    expect(page.url()).toMatch(/#\/notebooks\/00-welcome\.md$/);
    await expect(
      page
        .getByRole('navigation', { name: 'Notebooks' })
        .locator('ol')
        .getByRole('link')
        .first()
        .textContent(),
    ).resolves.toBe('Welcome to Data Products Lab');
    expect(await statuses(page)).not.toContain('error');
    expect(errors).toEqual([]);
  });

  it('shows a value, a table and a chart', async () => {
    await expect(cell(page, 1).locator('dp-outputs').textContent()).resolves.toContain('144');
    const table = cell(page, 3).locator('table');
    await expect(table.locator('caption').textContent()).resolves.toMatch(/144 rows × 2 columns/);
    await expect(table.locator('tbody tr').count()).resolves.toBe(10);
    await cell(page, 3).getByRole('button', { name: 'Next page' }).click();
    await page.waitForFunction(() =>
      document.querySelectorAll('dp-cell')[2].textContent?.includes('1949-11-01'),
    );
    const svg = cell(page, 5).locator('.dp-html svg');
    await expect(svg.count()).resolves.toBe(1);
    await expect(svg.locator('path').count()).resolves.toBeGreaterThan(0);
  });

  it('shows values in an inspector that expands', async () => {
    const inspector = cell(page, 4).locator('dp-inspector');
    await expect(inspector.textContent()).resolves.toMatch(/Array\(3\)/);
    await inspector.locator('summary').first().click();
    await inspector.getByText(/year: 1949, passengers: 1520/).waitFor();
  });

  it('opens links to other sites in a new tab', async () => {
    await expect(page.getByRole('link', { name: 'Arquero' }).getAttribute('target')).resolves.toBe('_blank');
  });

  it('renders math with KaTeX', async () => {
    await expect(page.locator('.dp-markdown .katex-display').count()).resolves.toBeGreaterThan(0);
  });

  it('a slider re-runs only the cells that depend on it', async () => {
    const runsBefore = await page.evaluate(() => document.querySelectorAll('dp-cell')[2].textContent);
    const slider = page.getByLabel('Window k (months)');
    await slider.fill('12');
    await page.waitForFunction(() =>
      document
        .querySelectorAll('dp-cell')[6]
        .querySelector('.dp-html')
        ?.textContent?.includes('moving average, k = 12'),
    );
    // The table cell upstream of the slider was not re-run: its output is the same element and text.
    expect(await page.evaluate(() => document.querySelectorAll('dp-cell')[2].textContent)).toBe(runsBefore);
    await allOk(page);
  });

  it('a failing cell shows its message and line, marks only its dependents not run', async () => {
    await page.getByLabel('Make the next cell fail').check();
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[8].getAttribute('data-status') === 'error',
    );
    const error = await cell(page, 9).locator('.dp-cell-error').textContent();
    expect(error).toMatch(/line 2/);
    expect(error).toMatch(/ReferenceError.*valuse is not defined/);
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[9].getAttribute('data-status') === 'stale',
    );
    await expect(cell(page, 10).locator('.dp-cell-reason').textContent()).resolves.toMatch(/peak/);
    const all = await statuses(page);
    expect(all.filter((s) => s !== 'ok')).toEqual(['error', 'stale']);
    await page.getByLabel('Make the next cell fail').uncheck();
    await allOk(page);
  });

  it('Interrupt stops an endless loop and marks it interrupted; every other cell keeps its output', async () => {
    await page.getByLabel('Start an endless loop').check();
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[11].getAttribute('data-status') === 'running',
    );
    // The page stays responsive while the worker is stuck.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.getByRole('button', { name: 'Interrupt' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[11].getAttribute('data-status') === 'interrupted',
    );
    const all = await statuses(page);
    expect(all.filter((s) => s !== 'ok')).toEqual(['interrupted']);
    await expect(cell(page, 13).locator('dp-outputs').textContent()).resolves.toContain('144 months of data');
    // The switch is still on, as the student left it; turning it off lets the cell finish.
    await expect(page.getByLabel('Start an endless loop').isChecked()).resolves.toBe(true);
    await page.getByLabel('Start an endless loop').uncheck();
    await allOk(page);
    await expect(cell(page, 12).locator('dp-outputs').textContent()).resolves.toContain('0');
    // The new worker recomputes what a change needs: the slider's chart still updates.
    await page.getByLabel('Window k (months)').fill('3');
    await page.waitForFunction(() =>
      document
        .querySelectorAll('dp-cell')[6]
        .querySelector('.dp-html')
        ?.textContent?.includes('moving average, k = 3'),
    );
    await allOk(page);
  });

  it('Shift+Enter runs the focused cell; an edit re-runs the cells that read its names', async () => {
    await replaceCode(
      page,
      cell(page, 1),
      'const monthsPerYear = 4;\nconst years = 12;\nmonthsPerYear * years',
    );
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() =>
      document.querySelectorAll('dp-cell')[1].textContent?.includes('has 48 observations'),
    );
    await expect(cell(page, 1).locator('dp-outputs').textContent()).resolves.toContain('48');
    await allOk(page);
  });
});

describe('every bundled notebook', () => {
  const files = readdirSync(new URL('../../notebooks/', import.meta.url)).filter((f) => f.endsWith('.md'));
  it.each(files)(
    '%s opens from the sidebar and runs with every cell ok',
    async (file) => {
      const { page, errors } = await newPage(browser);
      await page.goto(baseUrl);
      await allOk(page);
      await page.locator(`.dp-sidebar a[href="#/notebooks/${file}"]`).click();
      // The sidebar marks the notebook current once it has opened (and its cells replaced the last one's).
      await page.waitForFunction(
        (f) =>
          document.querySelector('.dp-sidebar a[aria-current="page"]')?.getAttribute('href') ===
          `#/notebooks/${f}`,
        file,
      );
      await page.waitForFunction(
        () => {
          const cells = [...document.querySelectorAll('dp-cell')];
          const states = cells.map((c) => c.getAttribute('data-status'));
          // Done when every cell is ok, or as soon as one fails.
          return cells.length > 0 && (states.every((s) => s === 'ok') || states.includes('error'));
        },
        null,
        { timeout: 60_000 },
      );
      const all = await statuses(page);
      expect(all.map((s, i) => `${i + 1}:${s}`).filter((s) => !s.endsWith(':ok'))).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );
});

describe('opening notebook files', () => {
  it('opens a notebook chosen with "Open notebook" and shows a value, a table and a chart', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await openFile(
      page,
      'mine.md',
      [
        '# My notebook',
        '',
        '```ts',
        "import * as aq from 'arquero';",
        "import * as Plot from '@observablehq/plot';",
        'const t = aq.table({ x: [1, 2, 3], y: [2, 4, 8] });',
        'console.log("rows", t.numRows());',
        't',
        '```',
        '',
        '```ts',
        "t.array('y').reduce((a, b) => a + b)",
        '```',
        '',
        '```ts',
        "Plot.plot({ marks: [Plot.barY(t.objects(), { x: 'x', y: 'y', fill: 'x' })], color: { legend: true } })",
        '```',
        '',
      ].join('\n'),
    );
    await page.waitForFunction(
      () => document.querySelector('.dp-markdown h1')?.textContent === 'My notebook',
    );
    await allOk(page);
    await expect(cell(page, 1).locator('table caption').textContent()).resolves.toMatch(/3 rows × 2 columns/);
    await expect(cell(page, 1).locator('.dp-log').textContent()).resolves.toBe('rows 3');
    await expect(cell(page, 2).locator('dp-outputs').textContent()).resolves.toContain('14');
    await expect(cell(page, 3).locator('.dp-html svg rect').count()).resolves.toBeGreaterThanOrEqual(3);
    expect(page.url()).toMatch(/#\/local\/mine\.md$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a malformed notebook opens with a message naming the line, and the app keeps working', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await openFile(
      page,
      'broken.md',
      '---\ntitle: [unclosed\n---\n# Broken\n\n```ts\n1 + 1\n```\n\n```ts\nconst lost = 1;\n',
    );
    const problems = page.locator('.dp-problems');
    await problems.waitFor();
    const text = await problems.textContent();
    expect(text).toMatch(/line 2/);
    expect(text).toMatch(/never closed/);
    await allOkExceptUnclosed(page);
    await expect(cell(page, 1).locator('dp-outputs').textContent()).resolves.toContain('2');
    // The app still navigates.
    await page.getByRole('link', { name: 'Welcome to Data Products Lab' }).click();
    await allOk(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Interrupt lets the cells queued behind a stuck cell run, with the upstream values they need', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await openFile(
      page,
      'loop.md',
      '```ts\nconst base = 40;\n```\n\n```ts\nwhile (true) {}\n```\n\n```ts\nbase + 2\n```\n\n```ts\n"independent"\n```\n',
    );
    await page.waitForFunction(
      () => document.querySelectorAll('dp-cell')[1]?.getAttribute('data-status') === 'running',
    );
    expect(await statuses(page)).toEqual(['ok', 'running', 'queued', 'queued']);
    await page.getByRole('button', { name: 'Interrupt' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('dp-cell')].every(
        (c, i) => c.getAttribute('data-status') === (i === 1 ? 'interrupted' : 'ok'),
      ),
    );
    await expect(cell(page, 3).locator('dp-outputs').textContent()).resolves.toContain('42');
    await expect(cell(page, 4).locator('dp-outputs').textContent()).resolves.toContain('independent');
    await expect(cell(page, 2).locator('.dp-cell-reason').textContent()).resolves.toMatch(/Interrupted/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('dropping a notebook file on the page opens it', async () => {
    const { page } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(
        new File(['# Dropped\n\n```ts\n2 ** 10\n```\n'], 'dropped.md', { type: 'text/markdown' }),
      );
      document.body.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    });
    await page.waitForFunction(() => document.querySelector('.dp-markdown h1')?.textContent === 'Dropped');
    await agreeToRun(page);
    await allOk(page);
    await expect(cell(page, 1).locator('dp-outputs').textContent()).resolves.toContain('1024');
    await page.close();
  });

  it('a URL naming no notebook says so and keeps the sidebar', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${baseUrl}#/notebooks/nope.md`);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /There is no notebook called “nope\.md”/,
    );
    await page.getByRole('link', { name: 'Welcome to Data Products Lab' }).click();
    await allOk(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a notebook with autorun: false waits for Run all', async () => {
    const { page } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    // Opened once and agreed to ("Run this notebook" runs it), then opened again as it was: the
    // student's consent stands, and the notebook's own autorun: false holds.
    const text = '---\nautorun: false\n---\n\n```ts\n6 * 7\n```\n';
    await openFile(page, 'manual.md', text);
    await allOk(page);
    await page.getByRole('link', { name: 'Welcome to Data Products Lab' }).click();
    await waitForNotebook(page, '00-welcome.md');
    await allOk(page);
    await openFile(page, 'manual.md', text);
    await page.locator('dp-cell').first().waitFor();
    await page.waitForTimeout(300);
    expect(await statuses(page)).toEqual(['stale']);
    await page.getByRole('button', { name: 'Run all' }).click();
    await allOk(page);
    await expect(cell(page, 1).locator('dp-outputs').textContent()).resolves.toContain('42');
    await page.close();
  });
});

/** Every cell ok, except cells whose fence is never closed (shown as errors, not run). */
async function allOkExceptUnclosed(page: Page) {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('dp-cell')];
    return cells.length > 1 && cells.slice(0, -1).every((c) => (c as HTMLElement).dataset.status === 'ok');
  });
}

describe('inputs', () => {
  it('every kind of control shows, and a change re-runs the cell that reads it', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await openFile(
      page,
      'inputs.md',
      [
        '```ts',
        "const r = view(Inputs.range([0, 10], { value: 3, step: 1, label: 'Range' }));",
        "const n = view(Inputs.number([0, 100], { value: 5, label: 'Number' }));",
        "const t = view(Inputs.text({ label: 'Text', value: 'hi' }));",
        "const g = view(Inputs.toggle({ label: 'Toggle' }));",
        "const s = view(Inputs.select(['a', 'b', 'c'], { label: 'Select', value: 'b' }));",
        "const o = view(Inputs.radio(new Map([['one', 1], ['two', 2]]), { label: 'Radio', value: 1 }));",
        "const c = view(Inputs.checkbox(['x', 'y', 'z'], { label: 'Checkbox', value: ['x'] }));",
        '```',
        '',
        '```ts',
        "[r, n, t, g, s, o, c].join(' | ')",
        '```',
        '',
      ].join('\n'),
    );
    await allOk(page);
    const out = () => cell(page, 2).locator('dp-outputs').textContent();
    await expect(out()).resolves.toContain('3 | 5 | hi | false | b | 1 | x');
    await page.getByLabel('Range').fill('7');
    await page.getByLabel('Number').fill('42');
    await page.getByLabel('Number').press('Enter');
    await page.getByLabel('Text').fill('hello');
    await page.getByLabel('Text').press('Enter');
    await page.getByLabel('Toggle').check();
    await page.getByLabel('Select').selectOption('c');
    await page.getByLabel('two').check();
    await page.getByLabel('z').check();
    await page.waitForFunction(() =>
      document.querySelectorAll('dp-cell')[1].textContent?.includes('7 | 42 | hello | true | c | 2 | x,z'),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a control bound to a name', () => {
  it('moving it re-runs only the cells that read the name, not the cell that made it', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(baseUrl);
    await allOk(page);
    await openFile(
      page,
      'bound.md',
      [
        '```ts',
        '// Counts its own runs: the slider below must not make this cell run again.',
        'globalThis.made = (globalThis.made ?? 0) + 1;',
        "const k = view(Inputs.range([1, 20], { value: 2, step: 1, label: 'Bound k' }));",
        '```',
        '',
        '```ts',
        '`k = ${k}, made ${globalThis.made} time(s)`',
        '```',
        '',
      ].join('\n'),
    );
    await allOk(page);
    const out = () => cell(page, 2).locator('dp-outputs').textContent();
    await expect(out()).resolves.toContain('k = 2, made 1 time(s)');
    for (const value of ['5', '9', '14']) {
      await page.getByLabel('Bound k').fill(value);
      await page.waitForFunction(
        (v) => document.querySelectorAll('dp-cell')[1].textContent?.includes(`k = ${v},`),
        value,
      );
    }
    await expect(out()).resolves.toContain('k = 14, made 1 time(s)');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('untrusted notebooks', () => {
  it('run no script from Markdown or from cell output', async () => {
    const { page, errors } = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(baseUrl);
    await allOk(page);
    await openFile(
      page,
      'evil.md',
      [
        '# Evil',
        '',
        '<img src="x" onerror="window.pwned = 1; alert(1)">',
        '<script>window.pwned = 2</script>',
        '[click](javascript:window.pwned=3) <a href="javascript:alert(3)">x</a>',
        '<iframe srcdoc="<script>parent.pwned = 4</script>"></iframe>',
        '<svg><script>window.pwned = 5</script><animate onbegin="window.pwned = 6" /></svg>',
        '',
        '```ts',
        "import * as Plot from '@observablehq/plot';",
        'const fig = Plot.plot({ marks: [Plot.dotX([1, 2])] });',
        "fig.setAttribute('onload', 'window.pwned = 7');",
        "const img = fig.ownerDocument.createElement('img');",
        "img.setAttribute('src', 'x');",
        "img.setAttribute('onerror', 'window.pwned = 8');",
        'fig.appendChild(img);',
        'fig',
        '```',
        '',
      ].join('\n'),
    );
    await page.waitForFunction(() => document.querySelector('.dp-markdown h1')?.textContent === 'Evil');
    await allOk(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('dp-app :is([onerror], [onload], [onbegin], script, iframe)').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    // The chart itself survived sanitising.
    await expect(cell(page, 1).locator('.dp-html svg circle').count()).resolves.toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an app served without its kernel files', () => {
  it('says on every cell that the kernel could not start, and what to do', { timeout: 60_000 }, async () => {
    const { page, errors } = await newPage(browser);
    await page.route('**/kernel-sandbox.html', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(baseUrl);
    const first = page.locator('dp-cell').first().locator('.dp-cell-error');
    await expect
      .poll(() => first.textContent(), { timeout: 30_000 })
      .toMatch(
        /The kernel could not start \(the server answered 404 for kernel-sandbox\.html.*npm run build/,
      );
    const cells = await page.locator('dp-cell').count();
    await expect.poll(() => page.locator('dp-cell[data-status="error"]').count()).toBe(cells);
    expect(errors).toEqual([]);
    await page.close();
  });
});
