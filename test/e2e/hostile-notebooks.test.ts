/**
 * Notebooks from outside the app, written to do harm (test/fixtures/hostile/), opened by share link
 * and by file in a real browser, in the same browser profile as a student's saved work: an edit of a
 * lesson, an exercise passed, a journal run. Each opens with its code shown and nothing run until
 * "Run this notebook"; after that every attempt on the student's data, the page or the network
 * fails, the student's work is as it was, and a server on another port receives no request at all.
 * Also: consent is remembered for the same text and asked again for a changed one, and a notebook's
 * `network:` hosts, once agreed to, are the only ones it reaches.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright';
import { encodeShareHash } from '../../src/notebook/share-link.ts';
import {
  agreeToRun,
  codeOf,
  launchBrowser,
  newPage,
  replaceCode,
  trustState,
  waitForNotebook,
} from './browser.ts';

const baseUrl = inject('baseUrl');
const LESSON = '00-welcome.md';
const LESSON_KEY = `bundled:${LESSON}`;
const EXERCISE = 'welcome-average-1960';

/** A server on another port that records every request it gets (and answers with CORS allowed). */
interface Listener {
  origin: string;
  requests: string[];
  server: Server;
}

async function listen(): Promise<Listener> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.end('hello from the declared host');
  });
  server.on('upgrade', (request, socket) => {
    requests.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, server };
}

let browser: Browser;
let other: Listener;

beforeAll(async () => {
  browser = await launchBrowser();
  other = await listen();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => other?.server.close(resolve));
});

/** A hostile notebook's text, pointed at the other server and at the app. */
function hostile(file: string): string {
  return readFileSync(new URL(`../fixtures/hostile/${file}`, import.meta.url), 'utf8')
    .replaceAll('__OTHER__', other.origin)
    .replaceAll('__APP__', baseUrl);
}

const cell = (page: Page, n: number) => page.locator('dp-cell').nth(n - 1);

/** An element's text with its white space collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

function statuses(page: Page): Promise<string[]> {
  return page.$$eval('dp-cell', (cells) => cells.map((c) => (c as HTMLElement).dataset.status ?? ''));
}

/** Waits until every cell has run (none is still to run, queued or running) and the kernel is idle. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('dp-cell')];
    return (
      cells.length > 0 &&
      document.querySelector('.dp-kernel')?.textContent?.trim() === 'Idle' &&
      cells.every((c) => !['stale', 'queued', 'running'].includes((c as HTMLElement).dataset.status ?? ''))
    );
  });
}

/**
 * Page errors, less one that Chromium itself makes: in a worker of an opaque origin,
 * `indexedDB.databases()` rejects (the notebook catches that) and also leaves a rejection of
 * `undefined` that nothing can catch, which Playwright reports as a page error "undefined".
 */
const realErrors = (errors: string[]) => errors.filter((e) => e !== 'undefined');

/** Every console line the open notebook's cells show. */
function logLines(page: Page): Promise<string[]> {
  return page.$$eval('dp-cell .dp-log', (lines) => lines.map((l) => l.textContent ?? ''));
}

/**
 * Everything the app keeps in this browser: each IndexedDB record as `database/store/key`, and
 * localStorage. Read in the page, which (unlike the notebooks) may.
 */
async function storedData(page: Page) {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const records: Record<string, unknown> = {};
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    for (const name of databases) {
      const db = await request(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const objects = db.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([request(objects.getAllKeys()), request(objects.getAll())]);
        keys.forEach((key, i) => (records[`${name}/${store}/${String(key)}`] = values[i]));
      }
      db.close();
    }
    return { databases, records, local: { ...localStorage } as Record<string, string> };
  });
}

type Stored = Awaited<ReturnType<typeof storedData>>;

/**
 * The student's work on the lesson, as stored: the edit layer, the exercises' progress and the
 * journal's runs (opening the lesson again changes only when it was last opened, and may add runs).
 */
function lessonWork({ records }: Stored) {
  const progress = records[`dplab-progress/progress/${LESSON_KEY}`] as
    { exercises: Record<string, { status: string }> } | undefined;
  const journal = records[`dplab-journal/journal/${LESSON_KEY}`] as { runs: unknown[] } | undefined;
  return {
    edits: records[`dplab/work/${LESSON_KEY}`],
    exercises: progress?.exercises,
    runs: journal?.runs ?? [],
  };
}

describe('notebooks from outside', () => {
  let page: Page;
  let errors: string[];
  let before: Stored;

  /** The student's work as it was before any hostile notebook opened. */
  async function expectWorkIntact() {
    const now = await storedData(page);
    expect(now.databases).toEqual(before.databases);
    const [was, is] = [lessonWork(before), lessonWork(now)];
    expect(is.edits).toEqual(was.edits);
    expect(is.exercises).toEqual(was.exercises);
    expect(is.runs).toEqual(expect.arrayContaining(was.runs));
    for (const [key, value] of Object.entries(before.local)) expect(now.local[key], key).toBe(value);
    expect(other.requests).toEqual([]);
  }

  /** Opens a notebook's text by share link (a new navigation) and waits for it. */
  async function openLink(text: string) {
    await page.goto(`${baseUrl}${await encodeShareHash(text)}`);
    await waitForNotebook(page, 'shared.md', { agree: false });
    await page.locator('dp-cell').first().waitFor();
  }

  /** Opens a notebook's text as a file chosen with "Open notebook". */
  async function openAsFile(name: string, text: string) {
    await page
      .getByLabel('Open notebook')
      .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
    await waitForNotebook(page, name, { agree: false });
    await page.locator('dp-cell').first().waitFor();
  }

  /** The notebook shows its code and the trust bar, and nothing of it has run. */
  async function expectNotRun(from: RegExp) {
    const bar = page.getByRole('region', { name: 'Notebook from outside this app' });
    await expect(textOf(bar)).resolves.toMatch(from);
    await expect(textOf(bar)).resolves.toContain('Its code has not run.');
    await page.waitForTimeout(500);
    expect(new Set(await statuses(page))).toEqual(new Set(['stale']));
    await expect(page.locator('dp-cell dp-outputs > *').count()).resolves.toBe(0);
    // Every cell's code is shown, the ones the author folded too.
    await expect(page.locator('dp-cell .dp-code').count()).resolves.toBe(
      await page.locator('dp-cell').count(),
    );
    // Run all and a cell's Run button do nothing before the student agrees.
    await page.getByRole('button', { name: 'Run all' }).click();
    await cell(page, 1).getByRole('button', { name: 'Run cell 1' }).click();
    await page.waitForTimeout(300);
    expect(new Set(await statuses(page))).toEqual(new Set(['stale']));
    await expect(bar.getByRole('status').textContent()).resolves.toContain('Run this notebook');
    expect(other.requests).toEqual([]);
  }

  /** Each of these attempts logged that it was blocked, and no other attempt got through. */
  async function expectAllBlocked(expected: string[], harmless: string[] = []) {
    const lines = await logLines(page);
    for (const what of expected) {
      expect(lines.find((l) => l.startsWith(`${what}:`)) ?? `${what}: (no line)`, what).toMatch(
        /: blocked \(/,
      );
    }
    const through = lines.filter(
      (l) => l.includes('SUCCEEDED') && !harmless.some((h) => l.startsWith(`${h}:`)),
    );
    expect(through).toEqual([]);
  }

  beforeAll(async () => {
    ({ page, errors } = await newPage(browser));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${baseUrl}#/notebooks/${LESSON}`);
    await settled(page);
    // The student's work: an edited cell, an exercise passed, and a run in the journal (the
    // lesson's reporting cell records one when the notebook settles).
    const second = cell(page, 2);
    await replaceCode(page, second, `${await codeOf(second)}\n// my own note`);
    await page.keyboard.press('Control+Enter');
    const box = page.locator(`[data-exercise="${EXERCISE}"]`);
    await box.getByRole('button', { name: 'Show solution' }).click();
    await box.getByRole('button', { name: 'Use this solution' }).click();
    await page.waitForFunction(
      (id) => document.querySelector(`[data-exercise="${id}"]`)?.getAttribute('data-state') === 'passed',
      EXERCISE,
    );
    await settled(page);
    await page.keyboard.press('Control+s');
    const saved = (stored: Stored) => {
      const { edits, exercises, runs } = lessonWork(stored);
      return edits !== undefined && exercises?.[EXERCISE]?.status === 'passed' && runs.length > 0;
    };
    for (let tries = 0; !saved((before = await storedData(page))); tries++) {
      if (tries > 50) throw new Error(`the student's work was not saved: ${JSON.stringify(before)}`);
      await page.waitForTimeout(100);
    }
  });

  afterAll(async () => {
    await page?.close();
  });

  const STEAL = [
    'list IndexedDB databases',
    'read saved work',
    'read progress',
    'read journal',
    'delete saved work',
    'delete progress',
    'overwrite saved work',
    'create a database',
    'open Cache Storage',
    'list Cache Storage',
    'localStorage',
    'sessionStorage',
    'cookies',
    'origin private file system',
    'the page',
    'fetch another origin',
    'fetch another origin (no-cors)',
    'fetch the app',
    'WebSocket',
    'EventSource',
    'sendBeacon',
    'import a script',
    'load a font',
  ];

  it('by share link: reading, deleting and overwriting IndexedDB, Cache Storage and fetching another origin all fail', async () => {
    await openLink(hostile('steal.md'));
    await expectNotRun(/came from a share link/);
    await agreeToRun(page);
    await settled(page);
    expect(await statuses(page)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    await expectAllBlocked(STEAL);
    await expect(textOf(page.locator('.dp-trust-agreed'))).resolves.toContain('it cannot reach the internet');
    await expectWorkIntact();
    expect(realErrors(errors)).toEqual([]);
  });

  it('as a file: the same notebook, the same result', async () => {
    // Not quite the same text (consent to the link would cover it): a copy saved with a note.
    await openAsFile('tips.md', `${hostile('steal.md')}\n<!-- saved from the link -->\n`);
    await expectNotRun(/came from the file tips\.md/);
    await agreeToRun(page);
    await settled(page);
    await expectAllBlocked(STEAL);
    await expectWorkIntact();
    expect(realErrors(errors)).toEqual([]);
  });

  it('workers from blob URLs, importScripts and import() get no further', async () => {
    await openAsFile('parallel.md', hostile('escape.md'));
    await expectNotRun(/parallel\.md/);
    await agreeToRun(page);
    await settled(page);
    // The nested worker starts (it is as walled off as the kernel), and everything it tries fails.
    expect(await logLines(page)).toContain(
      'start a worker from a blob: URL: SUCCEEDED "started; it reported 3 attempts"',
    );
    await expectAllBlocked(
      [
        'nested worker: IndexedDB',
        'nested worker: importScripts',
        'nested worker: fetch',
        'start a worker from the app',
        'importScripts another origin',
        'importScripts a blob',
        'import a blob',
      ],
      ['start a worker from a blob: URL'],
    );
    await expectWorkIntact();
    expect(realErrors(errors)).toEqual([]);
  });

  it('forged protocol messages are ignored, or stay sanitised inside the notebook', async () => {
    await openLink(hostile('forge.md'));
    await expectNotRun(/share link/);
    await agreeToRun(page);
    await settled(page);
    expect(await statuses(page)).toEqual(['ok', 'ok', 'ok', 'ok']);
    // The kernel has no parent, top or opener to post to.
    expect((await logLines(page)).sort()).toEqual([
      'opener: not reachable',
      'parent: not reachable',
      'top: not reachable',
    ]);
    // Files the notebook does not list are not served.
    const answers = await cell(page, 4).locator('dp-outputs').textContent();
    expect(answers).toMatch(/fetch 0: refused \(the notebook does not list this file/);
    expect(answers).toMatch(/fetch 1: refused/);
    expect(answers).not.toContain('SERVED');
    // The one well-formed event, about the notebook's own cell, shows sanitised; nothing ran on the page.
    await expect(cell(page, 2).locator('.dp-forged').textContent()).resolves.toBe('forged output');
    expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
    await expect(page.locator('dp-cell[data-status="pwned"]').count()).resolves.toBe(0);
    await expect(page.locator('dp-outputs').filter({ hasText: 'ghost' }).count()).resolves.toBe(0);
    await expectWorkIntact();
    expect(realErrors(errors)).toEqual([]);
  });

  it('huge outputs are capped, and a kernel that floods the page is replaced', async () => {
    await openAsFile('big.md', hostile('flood.md'));
    await expectNotRun(/big\.md/);
    await agreeToRun(page);
    await settled(page);
    await expect(cell(page, 1).locator('.dp-truncated').textContent()).resolves.toMatch(/not shown/);
    await expect(cell(page, 1).locator('.dp-log').count()).resolves.toBeLessThanOrEqual(1000);
    await expect(cell(page, 2).locator('dp-outputs').textContent()).resolves.toMatch(/30,000,000 characters/);
    expect((await statuses(page))[3]).toBe('error');
    await expect(cell(page, 4).locator('.dp-cell-error').textContent()).resolves.toMatch(
      /messages in a second/,
    );
    // The page is still the student's: a lesson opens and runs.
    await page.getByRole('link', { name: 'Welcome to Data Products Lab' }).click();
    await waitForNotebook(page, LESSON);
    await settled(page);
    expect(new Set(await statuses(page))).toEqual(new Set(['ok']));
    expect(await trustState(page)).toBe('bundled');
    await expect(page.locator('dp-trust-bar').textContent()).resolves.toBe('');
    await expectWorkIntact();
    expect(realErrors(errors)).toEqual([]);
  });

  it('consent is remembered for the same text, and asked for again when the text changes', async () => {
    const text = '# Counting\n\n```ts\n6 * 7\n```\n';
    await openLink(text);
    expect(await trustState(page)).toBe('asking');
    await agreeToRun(page);
    await settled(page);
    await expect(cell(page, 1).locator('dp-outputs').textContent()).resolves.toContain('42');
    // The student edits the notebook: it runs as edited, and nothing asks again.
    await replaceCode(page, cell(page, 1), '6 * 8');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() =>
      document.querySelector('dp-cell dp-outputs')?.textContent?.includes('48'),
    );
    expect(await trustState(page)).toBe('agreed');
    // The same link later (a fresh load) runs at once.
    await page.goto(`${baseUrl}#/notebooks/${LESSON}`);
    await settled(page);
    await openLink(text);
    expect(await trustState(page)).toBe('agreed');
    await settled(page);
    expect(await statuses(page)).toEqual(['ok']);
    // One character more is another notebook: asked again, not run.
    await openLink(text.replace('6 * 7', '6 * 7 '));
    expect(await trustState(page)).toBe('asking');
    await page.waitForTimeout(300);
    expect(await statuses(page)).toEqual(['stale']);
    await expectWorkIntact();
    expect(realErrors(errors)).toEqual([]);
  });
});

describe('a notebook that declares network: hosts', () => {
  let declared: Listener;
  let undeclared: Listener;

  beforeAll(async () => {
    declared = await listen();
    undeclared = await listen();
  });

  afterAll(async () => {
    await new Promise((resolve) => declared?.server.close(resolve));
    await new Promise((resolve) => undeclared?.server.close(resolve));
  });

  it('lists them on the trust bar; once agreed to, they are the only ones its cells reach', async () => {
    const { page, errors } = await newPage(browser);
    const text = [
      '---',
      `network: [${declared.origin}]`,
      '---',
      '',
      '```ts',
      `const answer = await (await fetch('${declared.origin}/data')).text();`,
      'answer',
      '```',
      '',
      '```ts',
      `await fetch('${undeclared.origin}/data', { mode: 'no-cors' }).then(() => 'SUCCEEDED', (e) => 'blocked: ' + e.name)`,
      '```',
      '',
    ].join('\n');
    await page.goto(`${baseUrl}${await encodeShareHash(text)}`);
    await waitForNotebook(page, 'shared.md', { agree: false });
    const bar = page.getByRole('region', { name: 'Notebook from outside this app' });
    await expect(textOf(bar)).resolves.toContain(`it can connect only to ${declared.origin}.`);
    await page.waitForTimeout(300);
    expect(declared.requests).toEqual([]);
    await agreeToRun(page);
    await settled(page);
    await expect(cell(page, 1).locator('dp-outputs').textContent()).resolves.toContain(
      'hello from the declared host',
    );
    await expect(cell(page, 2).locator('dp-outputs').textContent()).resolves.toContain('blocked: TypeError');
    expect(declared.requests).toEqual(['GET /data']);
    expect(undeclared.requests).toEqual([]);
    expect(realErrors(errors)).toEqual([]);
    await page.close();
  });
});
