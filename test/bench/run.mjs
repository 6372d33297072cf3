/**
 * `npm run bench`: the runtime's benchmark, measured in Debian's Chromium on the production build.
 *
 * Builds the app with Vite into test/.output/bench-dist, serves it with `vite preview`, drives
 * /usr/bin/chromium (or CHROMIUM_PATH) with Playwright, prints a table and writes it into README.md
 * between `<!-- bench:runtime:start -->` and `<!-- bench:runtime:end -->`.
 *
 * `npm run bench -- --no-readme` measures and prints without touching README.md.
 *
 * It reports; it does not judge: the exit code is 0 when a target is missed, and non-zero only
 * when the measurement itself breaks (a build error, a selector that never appears, …).
 */
/* global window, document, performance */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { build, preview } from 'vite';
import { chromium, errors as playwrightErrors } from 'playwright';
import { readBuildOutput } from './build-output.mjs';
import {
  installStatusLog,
  interruptOutcome,
  navigationProbe,
  pageResources,
  sliderProbe,
  editorProbe,
  exerciseProbe,
  tipProbe,
} from './probes.mjs';
import { chromiumArgs as CHROMIUM_ARGS, chromiumPath as CHROMIUM } from '../chromium.mjs';
import { kB, markdownTable, max, median, min, ms, percentile, writeReadmeSection } from './report.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT_DIR = 'test/.output/bench-dist';
const NOTEBOOK = '00-welcome.md';
const VIEWPORT = { width: 1280, height: 900 };
const RUNS = { load: 5, slider: 50, interrupt: 5, editor: 5, exercise: 20, journal: 10, tip: 50 };
const TIMEOUT = 30_000;
/** How long an interrupted notebook may take to come back before the run counts as failed. */
const INTERRUPT_LIMIT = 5_000;
const SLIDER_LABEL = 'Window k (months)';
const TARGETS = {
  mainJs: 80_000,
  navigation: 1500,
  slider: 50,
  interrupt: 300,
  exercise: 100,
  journal: 100,
  tip: 50,
};
/** The cell the editor is measured on (0-based): the welcome notebook's table cell, which imports arquero. */
const EDITOR_CELL = 2;
/** A student reading the first screen of prose before clicking into code. */
const READING_MS = 8000;

/** Runs `fn`; a failure says which step broke. */
async function step(name, fn) {
  try {
    return await fn();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : error}`, { cause: error });
  }
}

/** 50 slider values in 1..24, each different from the one before (and from the initial 6). */
function sliderValues(count) {
  const values = [];
  let v = 6;
  for (let i = 0; i < count; i++) {
    v = ((v - 1 + 7 + (i % 3)) % 24) + 1;
    values.push(v);
  }
  return values;
}

/** Maps a resource URL to its file in the build output, or undefined when it is not one. */
function buildFileOf(url, base, files) {
  const u = new URL(url);
  if (u.origin !== base.origin || !u.pathname.startsWith(base.pathname)) return undefined;
  const key = decodeURIComponent(u.pathname.slice(base.pathname.length));
  return files.has(key) ? key : undefined;
}

/** A fresh context (empty cache) and page, with page errors collected. */
async function freshPage(browser, errors) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page };
}

/**
 * One cold load of the notebook: when its prose is visible and when every cell is ok, the JS the
 * main thread had loaded by then, and when the first kernel worker had its JS.
 */
async function coldLoad(browser, base, output, errors) {
  const { context, page } = await freshPage(browser, errors);
  try {
    await context.addInitScript(navigationProbe);
    const workers = [];
    page.on('worker', (worker) => workers.push(worker));
    // The worker's own script: its entry in the page's resource timing is unreliable in Chromium
    // (a startTime after its responseEnd), so it is timed from the DevTools protocol instead.
    let workerRequest;
    page.on('requestfinished', (request) => {
      if (!workerRequest && buildFileOf(request.url(), base, output.files) === output.worker.entry) {
        workerRequest = request;
      }
    });
    await page.goto(new URL(`#/notebooks/${NOTEBOOK}`, base).href);
    await step(`waiting for every cell of ${NOTEBOOK} to be ok`, () =>
      page.waitForFunction(() => window.__dpBench?.allOkAt !== undefined, null, { timeout: TIMEOUT }),
    );
    const probe = await page.evaluate(() => window.__dpBench);
    if (probe.visibleAt === undefined)
      throw new Error('the notebook prose (dp-notebook .dp-markdown h1) never appeared');
    const { timeOrigin, entries } = await page.evaluate(pageResources);

    // Main thread: JS files in the build (the worker's graph aside) that arrived before the prose.
    const mainJs = [];
    for (const e of entries) {
      const file = buildFileOf(e.name, base, output.files);
      if (!file && /\.m?js(\?|$)/.test(new URL(e.name).pathname)) {
        throw new Error(`a script the page loaded is not in the build output: ${e.name}`);
      }
      if (file && !output.worker.files.includes(file) && e.responseEnd <= probe.visibleAt) mainJs.push(file);
    }

    // Worker: its script from the protocol's timing (wall clock, as timeOrigin), chunks from its timeline.
    if (!workerRequest) throw new Error(`the kernel worker's script (${output.worker.entry}) was not loaded`);
    const workerTiming = workerRequest.timing();
    const workerRequestedAt = workerTiming.startTime - timeOrigin;
    const workerLoads = [{ file: output.worker.entry, at: workerRequestedAt + workerTiming.responseEnd }];
    // The kernel worker runs in its sandbox from a blob: URL of that script (src/kernel/sandbox/).
    const first = workers.find((w) => w.url().startsWith('blob:'));
    if (!first) throw new Error(`no kernel worker (${output.worker.entry}, from a blob: URL) was started`);
    const inWorker = await step('reading the kernel worker’s resource timing', () =>
      first.evaluate(pageResources),
    );
    for (const e of inWorker.entries) {
      const file = buildFileOf(e.name, base, output.files);
      if (file && output.worker.files.includes(file)) {
        workerLoads.push({ file, at: inWorker.timeOrigin + e.responseEnd - timeOrigin });
      }
    }
    const timing = (pattern, field) => entries.find((e) => pattern.test(new URL(e.name).pathname))?.[field];
    return {
      notebookJsonAt: timing(new RegExp(`/notebooks/${NOTEBOOK.replace('.', '\\.')}\\.json$`), 'responseEnd'),
      workerRequestedAt,
      visibleAt: probe.visibleAt,
      allOkAt: probe.allOkAt,
      cells: probe.cells,
      mainJs: [...new Set(mainJs)],
      workerLoads,
    };
  } finally {
    await context.close();
  }
}

/** Presses "Run this notebook" on the trust bar of a notebook opened from a file. */
function agreeToRun(page) {
  return page.getByRole('button', { name: 'Run this notebook' }).click({ timeout: TIMEOUT });
}

/** Waits until every cell of the page is ok. */
function allCellsOk(page, what) {
  return step(what, () =>
    page.waitForFunction(
      () => {
        const cells = [...document.querySelectorAll('dp-cell')];
        return cells.length > 0 && cells.every((c) => c.getAttribute('data-status') === 'ok');
      },
      null,
      { timeout: TIMEOUT },
    ),
  );
}

async function openNotebook(browser, base, errors) {
  const opened = await freshPage(browser, errors);
  await opened.page.goto(new URL(`#/notebooks/${NOTEBOOK}`, base).href);
  await allCellsOk(opened.page, `opening ${NOTEBOOK}`);
  return opened;
}

async function measureSlider(browser, base, errors) {
  const { context, page } = await openNotebook(browser, base, errors);
  try {
    await step(`finding the slider "${SLIDER_LABEL}"`, () =>
      page.getByLabel(SLIDER_LABEL).waitFor({ timeout: TIMEOUT }),
    );
    return await step('moving the slider', () =>
      page.evaluate(sliderProbe, {
        label: SLIDER_LABEL,
        values: sliderValues(RUNS.slider),
        timeoutMs: 10_000,
      }),
    );
  } finally {
    await context.close();
  }
}

/** The exercise notebook the learning loop is timed on (a copy of a lesson's exercise, kept small). */
const EXERCISE_NOTEBOOK = 'test/fixtures/notebooks/exercise.md';

/**
 * Exercise cell finished → its state shown: alternating right and wrong answers in the fixture's
 * exercise, opened as a student's file.
 */
async function measureExercise(browser, base, errors) {
  const { context, page } = await openNotebook(browser, base, errors);
  try {
    const text = readFileSync(EXERCISE_NOTEBOOK, 'utf8');
    await page
      .getByLabel('Open notebook')
      .setInputFiles({ name: 'exercise.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
    await step('agreeing to run the exercise notebook', () => agreeToRun(page));
    await step('opening the exercise notebook', () =>
      page.waitForSelector('[data-exercise="mae"][data-state="not-attempted"]', { timeout: TIMEOUT }),
    );
    const right = {
      code: 'const mae = mean(test.map((y, i) => Math.abs(y - forecast[i])));',
      state: 'passed',
    };
    const wrong = { code: 'const mae = 1.5;', state: 'partial' };
    const answers = Array.from({ length: RUNS.exercise }, (_, i) => (i % 2 === 0 ? right : wrong));
    return await step('answering the exercise', () =>
      page.evaluate(exerciseProbe, { id: 'mae', answers, timeoutMs: 10_000 }),
    );
  } finally {
    await context.close();
  }
}

/** A line of 144 monthly points with `tip: true`, as a student's file. */
const TIP_NOTEBOOK = [
  '# A chart that answers',
  '',
  '```ts',
  "import * as Plot from '@observablehq/plot';",
  'const months = Array.from({ length: 144 }, (_, i) => ({ date: new Date(Date.UTC(2000, i, 1)), value: 100 + 20 * Math.sin(i / 3) + i }));',
  "Plot.lineY(months, { x: 'date', y: 'value', tip: true }).plot()",
  '```',
  '',
].join('\n');

/** Pointer move → tip shown, on a line chart with `tip: true` (the kernel drew it; the page shows its tips). */
async function measureTip(browser, base, errors) {
  const { context, page } = await openNotebook(browser, base, errors);
  try {
    await page
      .getByLabel('Open notebook')
      .setInputFiles({ name: 'tip.md', mimeType: 'text/markdown', buffer: Buffer.from(TIP_NOTEBOOK) });
    await step('agreeing to run the chart notebook', () => agreeToRun(page));
    await step('drawing the chart', () =>
      page.waitForSelector('dp-chart svg[tabindex]', { timeout: TIMEOUT }),
    );
    return await step('moving the pointer over the chart', () =>
      page.evaluate(tipProbe, { samples: RUNS.tip, timeoutMs: 5_000 }),
    );
  } finally {
    await context.close();
  }
}

/**
 * Journal panel with 1,000 runs → rendered: the welcome notebook's journal opened, then 1,000 runs
 * (three params, three metrics) handed to its store as a reload of a long journal does; timed from
 * the change to the panel's finished update, with the newest 200 rows shown and again with all.
 */
async function measureJournal(browser, base, errors) {
  const { context, page } = await openNotebook(browser, base, errors);
  try {
    await page.getByRole('button', { name: 'Journal' }).click();
    await step('opening the journal', () => page.waitForSelector('dp-journal', { timeout: TIMEOUT }));
    const samples = [];
    for (let run = 0; run < RUNS.journal; run++) {
      samples.push(
        await page.evaluate(async (round) => {
          const store = document.querySelector('dp-app').controller.journal;
          const journal = document.querySelector('dp-journal');
          store.runs = [];
          journal.showAll = false;
          store.changed();
          await journal.updateComplete;
          const runs = Array.from({ length: 1000 }, (_, i) => ({
            id: `bench-${round}-${i}`,
            time: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
            cellId: 'cell-2',
            params: { k: i % 10, model: ['ets', 'theta'][i % 2], alpha: i / 1000 },
            metrics: { mase: 1 + i / 1000, smape: 10 + (i % 7), rmse: i / 3 },
            codeHash: 'abcd1234',
          }));
          const t0 = performance.now();
          store.runs = runs;
          store.changed();
          await journal.updateComplete;
          const limited = performance.now() - t0;
          const t1 = performance.now();
          journal.showAll = true;
          await journal.updateComplete;
          return { limited, all: performance.now() - t1 };
        }, run),
      );
    }
    return samples;
  } finally {
    await context.close();
  }
}

/**
 * First focus → a usable Monaco editor, in two situations: the student clicks into a cell as soon
 * as the notebook has run (nothing of the editor is loaded yet), or after reading for READING_MS
 * without touching the page (the editor and TypeScript load once the page has been left alone). Each run on a fresh context (empty cache). Also
 * the first completion list after typing `aq.`, which waits for the TypeScript worker and the
 * library declarations, and the JS the editor fetched.
 */
async function measureEditor(browser, base, output, errors, idleMs) {
  const samples = [];
  for (let run = 1; run <= RUNS.editor; run++) {
    const { context, page } = await openNotebook(browser, base, errors);
    try {
      const js = new Set();
      page.on('request', (request) => {
        const file = buildFileOf(request.url(), base, output.files);
        if (file) js.add(file);
      });
      if (idleMs > 0) await sleep(idleMs);
      const result = await step(`opening the editor (run ${run}, idle ${idleMs} ms)`, () =>
        page.evaluate(editorProbe, { cellIndex: EDITOR_CELL, typed: '\naq.', timeoutMs: TIMEOUT }),
      );
      samples.push({ ...result, js: [...js] });
    } finally {
      await context.close();
    }
  }
  return samples;
}

/**
 * A notebook with an endless loop in its second cell: opened (it runs at once), the loop gets
 * stuck and the two cells after it wait. Interrupt must stop the loop and show the waiting cells,
 * which need the first cell's value, replayed in the fresh worker.
 */
const LOOP_NOTEBOOK = [
  '---',
  'datasets: [AirPassengers.csv]',
  '---',
  '',
  '```ts',
  "import * as aq from 'arquero';",
  "const air = aq.from(await FileAttachment('AirPassengers.csv').csv({ typed: true }));",
  '```',
  '',
  '```ts',
  'while (true) {}',
  '```',
  '',
  '```ts',
  "import * as Plot from '@observablehq/plot';",
  "Plot.lineY(air.objects(), { x: 'date', y: 'value' }).plot()",
  '```',
  '',
  '```ts',
  'air.numRows()',
  '```',
  '',
].join('\n');

/**
 * Each run: on a fresh page, open the loop notebook through "Open notebook", wait until the loop
 * cell is stuck, click Interrupt, and time until the stuck cell is interrupted and the last cell has
 * run. A run where the notebook does not come back within INTERRUPT_LIMIT is a missed target, not a
 * broken measurement: it is recorded with what the cells did.
 */
async function measureInterrupt(browser, base, errors) {
  const samples = [];
  const stuck = 1;
  const last = 3;
  for (let run = 1; run <= RUNS.interrupt; run++) {
    const { context, page } = await openNotebook(browser, base, errors);
    try {
      await step(`interrupt run ${run}: opening the loop notebook`, () =>
        page
          .getByLabel('Open notebook')
          .setInputFiles({ name: 'loop.md', mimeType: 'text/markdown', buffer: Buffer.from(LOOP_NOTEBOOK) }),
      );
      // A file from outside the app runs once the student agrees (each run has a fresh context).
      await step(`interrupt run ${run}: agreeing to run it`, () => agreeToRun(page));
      await step(`interrupt run ${run}: waiting for the loop cell to run`, () =>
        page.waitForFunction(
          (i) => {
            const cells = document.querySelectorAll('dp-cell');
            return cells.length === 4 && cells[i]?.getAttribute('data-status') === 'running';
          },
          stuck,
          { timeout: TIMEOUT },
        ),
      );
      await sleep(100);
      await page.evaluate(installStatusLog);
      await step(`interrupt run ${run}: clicking Interrupt`, () =>
        page.getByRole('button', { name: 'Interrupt', exact: true }).click({ timeout: TIMEOUT }),
      );
      try {
        const handle = await page.waitForFunction(
          interruptOutcome,
          { stuck, last },
          { timeout: INTERRUPT_LIMIT },
        );
        samples.push(await handle.jsonValue());
      } catch (error) {
        if (!(error instanceof playwrightErrors.TimeoutError)) throw error;
        samples.push(
          await page.evaluate(
            ({ stuck, last }) => {
              const log = window.__dpStatusLog;
              const after = log.changes.filter((c) => c.at >= log.clickAt);
              const interrupted = after.findIndex((c) => c.cell === stuck && c.status === 'interrupted');
              return {
                failed: true,
                interrupted: interrupted >= 0,
                restarted:
                  interrupted >= 0 &&
                  after.slice(interrupted).some((c) => c.cell === stuck && c.status === 'running'),
                statuses: [...document.querySelectorAll('dp-cell')].map((c) => c.getAttribute('data-status')),
                last: last + 1,
                trail: after.map((c) => `${c.cell + 1}:${c.status}@${Math.round(c.at - log.clickAt)}`),
              };
            },
            { stuck, last },
          ),
        );
      }
    } finally {
      await context.close();
    }
  }
  return samples;
}

/** The Interrupt row: median and max of the runs that came back, and what went wrong in the others. */
function interruptRow(samples) {
  const good = samples.filter((o) => !o.failed).map((o) => o.ms);
  const failed = samples.filter((o) => o.failed);
  const parts = [];
  if (good.length > 0) parts.push(`median ${ms(median(good))}, max ${ms(max(good))}`);
  if (failed.length > 0) {
    const why = failed.some((o) => !o.interrupted)
      ? 'the stuck cell was not marked interrupted'
      : failed.some((o) => o.restarted)
        ? 'the interrupted loop cell was run again by the replay'
        : `cell ${failed[0].last} did not run again`;
    parts.push(
      `${failed.length} of ${samples.length} runs did not come back within ${ms(INTERRUPT_LIMIT)} (${why})`,
    );
  }
  return {
    metric: 'Interrupt → later cells shown again',
    value: `${parts.join('; ')} (n = ${samples.length})`,
    target: `median ≤ ${ms(TARGETS.interrupt)}`,
    pass: failed.length === 0 && median(good) <= TARGETS.interrupt,
  };
}

function editorRows(atOnce, idle, gz, mainFiles, kernelFiles) {
  const usable = (samples) => samples.map((s) => s.usableMs);
  const completions = (samples) => samples.map((s) => s.completionsMs);
  const summary = (values) => `median ${ms(median(values))} (max ${ms(max(values))})`;
  // The JS fetched after the notebook ran: Monaco, its workers and the declarations.
  // (The kernel's spare worker starts then too; its files are counted in the kernel's row.)
  const files = [...new Set(idle.flatMap((s) => s.js))].filter((f) => !kernelFiles.includes(f));
  const bytes = files.reduce((sum, f) => sum + gz(f), 0);
  const early = files.filter((f) => mainFiles.includes(f));
  return [
    {
      metric: `First focus → usable Monaco editor (after ${READING_MS / 1000} s of reading: preloaded)`,
      value: `${summary(usable(idle))} (n = ${idle.length})`,
      target: '—',
    },
    {
      metric: 'First focus → usable Monaco editor (clicked as soon as the notebook ran)',
      value: `${summary(usable(atOnce))} (n = ${atOnce.length})`,
      target: '—',
    },
    {
      metric: 'Typing `aq.` → first completion list',
      value:
        `${summary(completions(idle))} after ${READING_MS / 1000} s of reading (TypeScript warmed up meanwhile); ` +
        `${summary(completions(atOnce))} when clicked as soon as the notebook ran`,
      target: '—',
    },
    {
      metric: 'Editor JS loaded after the notebook ran (gzip)',
      value:
        `${kB(bytes)} (${files.length} files; ` +
        (early.length === 0
          ? 'none of them loaded before the notebook was visible)'
          : `${early.join(', ')} also loaded before the notebook was visible)`),
      target: '—',
    },
  ];
}

function machine(browserVersion) {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model?.trim() ?? 'unknown CPU',
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: browserVersion,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

async function main() {
  process.chdir(ROOT);
  const loadBefore = os.loadavg()[0];
  const errors = [];
  let server;
  let browser;
  try {
    console.log(`Building the app into ${OUT_DIR} …`);
    await step('vite build', () =>
      build({ build: { outDir: OUT_DIR, emptyOutDir: true }, logLevel: 'warn' }),
    );
    const output = readBuildOutput(OUT_DIR);
    server = await step('vite preview', () =>
      preview({ build: { outDir: OUT_DIR }, preview: { port: 0 }, logLevel: 'warn' }),
    );
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report its local URL');
    const base = new URL(url);
    console.log(`Serving ${OUT_DIR} at ${base.href}`);

    browser = await step(`launching ${CHROMIUM}`, () =>
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true }),
    );

    // One load first, not counted: it warms the browser binary and the OS file cache, not the page's.
    await step('warm-up load', () => coldLoad(browser, base, output, errors));
    const loads = [];
    for (let run = 1; run <= RUNS.load; run++) {
      loads.push(await step(`cold load ${run}`, () => coldLoad(browser, base, output, errors)));
    }
    const slider = await measureSlider(browser, base, errors);
    const interrupts = await measureInterrupt(browser, base, errors);
    const editorAtOnce = await measureEditor(browser, base, output, errors, 0);
    const editorIdle = await measureEditor(browser, base, output, errors, READING_MS);
    const exercise = await measureExercise(browser, base, errors);
    const journal = await measureJournal(browser, base, errors);
    const tip = await measureTip(browser, base, errors);
    const journalLimited = journal.map((j) => j.limited);
    const journalAll = journal.map((j) => j.all);

    // Every ```ts cell is a cell on the page, except exercise solutions (shown only on request).
    const fences = readFileSync(`notebooks/${NOTEBOOK}`, 'utf8').match(/^```(ts|typescript)\b.*$/gm) ?? [];
    const expectedCells = fences.filter((f) => !/\bsolution\b/.test(f)).length;
    if (loads.some((l) => l.cells !== expectedCells)) {
      throw new Error(`expected ${expectedCells} cells, saw ${loads.map((l) => l.cells).join(', ')}`);
    }

    // Sizes.
    const gz = (file) => output.files.get(file).gzip;
    const mainBytes = loads.map((l) => l.mainJs.reduce((sum, f) => sum + gz(f), 0));
    const mainFiles = [...new Set(loads.flatMap((l) => l.mainJs))];
    const workerBytes = output.worker.files.reduce((sum, f) => sum + gz(f), 0);
    const workerDone = loads.map((l) => Math.max(...l.workerLoads.map((w) => w.at)));
    const workerBeforeVisible = loads.filter((l, i) => workerDone[i] <= l.visibleAt).length;
    const visible = loads.map((l) => l.visibleAt);
    const navigation = loads.map((l) => l.allOkAt);
    const n = (count) => `n = ${count}`;

    const rows = [
      {
        metric: 'JS before first notebook visible, main thread (gzip)',
        value: `${kB(median(mainBytes))} (${mainFiles.length} file${mainFiles.length === 1 ? '' : 's'}; ${n(loads.length)})`,
        target: `≤ ${TARGETS.mainJs / 1000} kB`,
        pass: median(mainBytes) <= TARGETS.mainJs,
      },
      {
        metric: 'Kernel worker JS (gzip, loads in parallel)',
        value:
          `${kB(workerBytes)} (${output.worker.files.length} files); all loaded at ${ms(median(workerDone))}, ` +
          `${workerBeforeVisible === loads.length ? 'before' : workerBeforeVisible === 0 ? 'after' : `before in ${workerBeforeVisible}/${loads.length} loads,`} ` +
          `the notebook was visible (${ms(median(visible))})`,
        target: '—',
      },
      {
        metric: `Navigation → ${NOTEBOOK} fully executed (cold)`,
        value: `median ${ms(median(navigation))} (min ${ms(min(navigation))}, max ${ms(max(navigation))}; ${n(navigation.length)})`,
        target: `median ≤ ${(TARGETS.navigation / 1000).toFixed(1)} s`,
        pass: median(navigation) <= TARGETS.navigation,
      },
      {
        metric: 'Slider change → dependent output updated',
        value: `median ${ms(median(slider))}, p95 ${ms(percentile(slider, 95))} (${n(slider.length)})`,
        target: `median ≤ ${ms(TARGETS.slider)}`,
        pass: median(slider) <= TARGETS.slider,
      },
      interruptRow(interrupts),
      {
        metric: 'Exercise cell finished → its state shown (check cell run, state drawn)',
        value: `median ${ms(median(exercise))}, p95 ${ms(percentile(exercise, 95))} (${n(exercise.length)})`,
        target: `median ≤ ${ms(TARGETS.exercise)}`,
        pass: median(exercise) <= TARGETS.exercise,
      },
      {
        metric: 'Journal panel with 1,000 runs → rendered (newest 200 rows; all 1,000 rows)',
        value: `median ${ms(median(journalLimited))}; all rows ${ms(median(journalAll))} (${n(journal.length)})`,
        target: `median ≤ ${ms(TARGETS.journal)}`,
        pass: median(journalLimited) <= TARGETS.journal,
      },
      {
        metric: 'Pointer move → chart tip shown (line of 144 points, `tip: true`; until the next frame)',
        value: `median ${ms(median(tip))}, p95 ${ms(percentile(tip, 95))} (${n(tip.length)})`,
        target: `median ≤ ${ms(TARGETS.tip)}`,
        pass: median(tip) <= TARGETS.tip,
      },
      ...editorRows(editorAtOnce, editorIdle, gz, mainFiles, output.worker.files),
    ];

    const m = machine(browser.version());
    const load = `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after`;
    const table = markdownTable(rows);
    const about =
      `Measured ${m.date} by \`npm run bench\` on the production build in headless Chromium ${m.chromium}, ` +
      `${m.cpus} × ${m.model}, ${m.os}, Node ${m.node} (${load}). Times are from navigation start or from the ` +
      'input event, taken in the page; cold loads use a fresh browser context after one uncounted warm-up ' +
      'load. Sizes are gzip level 9 of the built files.';

    console.log(`\n${table}\n\n${about}\n`);
    console.log('Details');
    console.log(`  main-thread JS before the prose: ${mainFiles.map((f) => `${f} ${kB(gz(f))}`).join(', ')}`);
    console.log(`  worker JS: ${output.worker.files.map((f) => `${f} ${kB(gz(f))}`).join(', ')}`);
    for (const [i, l] of loads.entries()) {
      const worker = l.workerLoads
        .map((w) => `${w.file.replace(/^assets\//, '')}@${Math.round(w.at)}`)
        .join(' ');
      console.log(
        `  load ${i + 1}: notebook JSON ${ms(l.notebookJsonAt)}, prose ${ms(l.visibleAt)}, worker requested ` +
          `${ms(l.workerRequestedAt)}, all ok ${ms(l.allOkAt)}, main JS ${kB(mainBytes[i])}; worker JS loaded: ${worker}`,
      );
    }
    console.log(`  slider (ms): ${slider.map((s) => Math.round(s)).join(' ')}`);
    for (const [i, o] of interrupts.entries()) {
      const summary = o.failed
        ? `did not come back within ${ms(INTERRUPT_LIMIT)}; statuses then: ${o.statuses.join(',')}`
        : `${ms(o.ms)} (stuck cell interrupted at ${ms(o.interruptedMs)}, last cell ok at ${ms(o.lastOkMs)})`;
      console.log(`  interrupt ${i + 1}: ${summary}; status changes after the click: ${o.trail.join(' ')}`);
    }
    if (errors.length > 0) console.log(`  page errors: ${[...new Set(errors)].join(' | ')}`);

    if (process.argv.includes('--no-readme')) {
      console.log('\nREADME.md left as it is (--no-readme).');
    } else {
      writeReadmeSection('README.md', `${table}\n\n${about}`);
      console.log('\nWrote the table into README.md.');
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  }
}

main().catch((error) => {
  console.error(`\nbench: the measurement failed — ${error instanceof Error ? error.message : error}`);
  if (process.env.BENCH_DEBUG && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
});
