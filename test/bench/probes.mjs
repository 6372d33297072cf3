/**
 * Functions that run inside the page (Playwright serialises them, so each is self-contained).
 * Times are `performance.now()` of the page: milliseconds since its navigation started.
 */
/* global window, document, performance, requestAnimationFrame, MutationObserver, Event, setTimeout, clearTimeout, PointerEvent, MouseEvent, DOMPoint */

/**
 * An init script (runs before the app): records when the first notebook's prose is in the DOM
 * (`<dp-notebook>` with an `h1` inside `.dp-markdown`) and when every cell is `data-status="ok"`.
 */
export function navigationProbe() {
  const probe = { visibleAt: undefined, allOkAt: undefined, cells: 0 };
  window.__dpBench = probe;
  const check = () => {
    const now = performance.now();
    if (probe.visibleAt === undefined && document.querySelector('dp-notebook .dp-markdown h1')) {
      probe.visibleAt = now;
    }
    if (probe.allOkAt === undefined) {
      const cells = document.querySelectorAll('dp-cell');
      if (cells.length > 0 && [...cells].every((c) => c.getAttribute('data-status') === 'ok')) {
        probe.allOkAt = now;
        probe.cells = cells.length;
      }
    }
    if (probe.visibleAt !== undefined && probe.allOkAt !== undefined) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-status'],
  });
}

/** The page's resource timing entries and time origin. */
export function pageResources() {
  return {
    timeOrigin: performance.timeOrigin,
    entries: performance.getEntriesByType('resource').map((e) => ({
      name: e.name,
      initiatorType: e.initiatorType,
      startTime: e.startTime,
      responseEnd: e.responseEnd,
    })),
  };
}

/**
 * Moves the slider labelled `label` through `values`, one change at a time, and returns how long
 * each change took until the next cell's output shows `moving average, k = <value>`.
 */
export async function sliderProbe({ label, values, timeoutMs }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const busy = () =>
    [...document.querySelectorAll('dp-cell')].some((c) =>
      ['queued', 'running'].includes(c.getAttribute('data-status')),
    );
  const findInput = () => {
    const labels = [...document.querySelectorAll('label')].filter((l) => l.textContent.trim() === label);
    const input = labels.length === 1 ? document.getElementById(labels[0].htmlFor) : null;
    if (!input || input.type !== 'range') throw new Error(`no single range input labelled "${label}"`);
    return input;
  };
  const nextCell = (input) => {
    const cells = [...document.querySelectorAll('dp-cell')];
    const cell = cells[cells.indexOf(input.closest('dp-cell')) + 1];
    if (!cell) throw new Error(`no cell follows the cell of "${label}"`);
    return cell;
  };
  const samples = [];
  for (const value of values) {
    const settleStart = performance.now();
    while (busy()) {
      if (performance.now() - settleStart > timeoutMs) {
        throw new Error(`the notebook stayed busy for ${timeoutMs} ms before setting k = ${value}`);
      }
      await frame();
    }
    await frame();
    const input = findInput();
    const target = nextCell(input);
    const expected = new RegExp(`moving average, k = ${value}(?!\\d)`);
    const shown = () => expected.test((target.querySelector('dp-outputs') ?? target).textContent);
    const updated = new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        const at = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(at);
      });
      observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the chart did not show "moving average, k = ${value}" within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    const start = performance.now();
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    samples.push((await updated) - start);
  }
  return samples;
}

/**
 * Starts logging every cell's `data-status` changes and the time of the next click on the
 * Interrupt button (in the capture phase, before the app's handler).
 */
export function installStatusLog() {
  const cells = [...document.querySelectorAll('dp-cell')];
  const log = { clickAt: undefined, changes: [] };
  window.__dpStatusLog?.stop();
  const observer = new MutationObserver((records) => {
    const at = performance.now();
    for (const r of records) {
      const status = r.target.getAttribute('data-status');
      if (status !== r.oldValue) log.changes.push({ cell: cells.indexOf(r.target), status, at });
    }
  });
  for (const cell of cells) {
    observer.observe(cell, { attributes: true, attributeFilter: ['data-status'], attributeOldValue: true });
  }
  const onClick = (event) => {
    const button = event.target instanceof window.Element ? event.target.closest('button') : null;
    if (log.clickAt === undefined && button?.textContent.trim() === 'Interrupt')
      log.clickAt = performance.now();
  };
  window.addEventListener('click', onClick, { capture: true });
  log.stop = () => {
    observer.disconnect();
    window.removeEventListener('click', onClick, { capture: true });
  };
  window.__dpStatusLog = log;
}

/**
 * Once the stuck cell is `interrupted` and the last cell, re-run after the click (queued or
 * running, then ok), is `ok` again: those times relative to the click. Otherwise `false`.
 */
export function interruptOutcome({ stuck, last }) {
  const log = window.__dpStatusLog;
  if (!log || log.clickAt === undefined) return false;
  const after = log.changes.filter((c) => c.at >= log.clickAt);
  const interrupted = after.find((c) => c.cell === stuck && c.status === 'interrupted');
  const rerun = after.findIndex((c) => c.cell === last && (c.status === 'queued' || c.status === 'running'));
  if (!interrupted || rerun < 0) return false;
  const ok = after.slice(rerun).find((c) => c.cell === last && c.status === 'ok');
  if (!ok) return false;
  // For information: when every cell but the stuck one was ok again.
  const cells = [...document.querySelectorAll('dp-cell')];
  const othersOk = cells.every((c, i) => i === stuck || c.getAttribute('data-status') === 'ok');
  return {
    ms: Math.max(interrupted.at, ok.at) - log.clickAt,
    interruptedMs: interrupted.at - log.clickAt,
    lastOkMs: ok.at - log.clickAt,
    othersOk,
    trail: after.map((c) => `${c.cell + 1}:${c.status}@${Math.round(c.at - log.clickAt)}`),
  };
}

/**
 * In the page: clicks cell `cellIndex`'s code view and times, from the pointer event, until the
 * editor has replaced it and holds the keyboard focus, then types `typed` at the end of the code
 * and asks for completions (as Ctrl+Space does), timing until Monaco's suggestion list shows rows:
 * the TypeScript worker has started, read the declarations and answered.
 */
export async function editorProbe({ cellIndex, typed, timeoutMs }) {
  const cell = document.querySelectorAll('dp-cell')[cellIndex];
  const view = cell?.querySelector('.dp-code-view');
  if (!view) throw new Error(`cell ${cellIndex + 1} has no code view to click`);
  const until = (check) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const poll = () => {
        const at = performance.now();
        if (check()) resolve(at);
        else if (at - start > timeoutMs) reject(new Error(`not within ${timeoutMs} ms`));
        else requestAnimationFrame(poll);
      };
      poll();
    });
  const box = view.getBoundingClientRect();
  const down = { bubbles: true, clientX: box.left + 20, clientY: box.top + 14 };
  const t0 = performance.now();
  view.dispatchEvent(new PointerEvent('pointerdown', down));
  view.dispatchEvent(new MouseEvent('mousedown', down));
  view.dispatchEvent(new MouseEvent('mouseup', down));
  view.dispatchEvent(new MouseEvent('click', down));
  const usable = await until(() => {
    const host = cell.querySelector('.dp-code-monaco');
    return (
      host !== null &&
      !host.classList.contains('dp-code-monaco-pending') &&
      host.contains(document.activeElement) &&
      cell.editor !== undefined
    );
  });
  // Typing: the same edit a key press makes, at the end of the code.
  const editor = cell.editor;
  const model = editor.getModel();
  const line = model.getLineCount();
  editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
  const t1 = performance.now();
  editor.trigger('keyboard', 'type', { text: typed });
  // A typed `.` opens the list by itself on a real keyboard; an edit made through the API does not.
  editor.trigger('keyboard', 'editor.action.triggerSuggest', {});
  const suggested = await until(
    () => document.querySelectorAll('.suggest-widget.visible .monaco-list-row').length > 0,
  );
  return { usableMs: usable - t0, completionsMs: suggested - t1 };
}

/**
 * In the page: alternates a right and a wrong answer in an exercise's cell (through the notebook
 * controller, as typing and Shift+Enter do) and times, for each, from the moment the exercise cell
 * reports `data-status="ok"` to the moment its `<dp-exercise>` shows the new state. That interval is
 * the learning loop's own cost: the check cell's run and the page working out and drawing the state.
 */
export async function exerciseProbe({ id, answers, timeoutMs }) {
  const app = document.querySelector('dp-app');
  const controller = app.controller;
  const exercise = controller.exercises.find((e) => e.id === id);
  if (!exercise) throw new Error(`no exercise "${id}" in the open notebook`);
  const cells = [...document.querySelectorAll('dp-cell')];
  const cell = cells.find((c) => c.cell?.id === exercise.cellId);
  if (!cell) throw new Error(`the cell of exercise "${id}" is not on the page`);
  const samples = [];
  for (const { code, state } of answers) {
    const done = new Promise((resolve, reject) => {
      let okAt;
      const timer = setTimeout(
        () => reject(new Error(`"${id}" did not become ${state} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const observer = new MutationObserver(() => {
        if (okAt === undefined && cell.getAttribute('data-status') === 'ok') okAt = performance.now();
        const box = cell.querySelector('dp-exercise');
        if (okAt !== undefined && box?.getAttribute('data-state') === state) {
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - okAt);
        }
      });
      observer.observe(cell, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-status', 'data-state'],
      });
    });
    controller.draft(exercise.cellId, code);
    void controller.runCell(exercise.cellId);
    samples.push(await done);
  }
  return samples;
}

/**
 * Pointer move → tip shown, on the first chart with pointer marks (`<dp-chart>`): for each sample a
 * `pointermove` at another point of the chart (in screen coordinates, through the SVG's transform),
 * timed until that point's tip is in the chart and the next frame has begun (so it is drawn).
 */
export async function tipProbe({ samples: count, timeoutMs }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const chart = document.querySelector('dp-chart');
  const svg = chart?.querySelector('svg[tabindex]');
  const layer = chart?.chart?.pointers?.[0];
  if (!svg || !layer) throw new Error('no chart with pointer marks on the page');
  const n = layer.x.length;
  const samples = [];
  for (let k = 0; k < count; k++) {
    const j = (k * 7 + 3) % n;
    const expected = layer.lines[j].join('\n');
    const shownText = () =>
      [...svg.querySelectorAll('[data-dp-pointer] text > tspan')]
        .map((t) => (t.textContent ?? '').replace(/\u200b/g, '').trim())
        .join('\n');
    await frame();
    const point = new DOMPoint(layer.x[j], layer.y[j]).matrixTransform(svg.getScreenCTM());
    const start = performance.now();
    svg.dispatchEvent(
      new PointerEvent('pointermove', {
        clientX: point.x,
        clientY: point.y,
        bubbles: true,
        pointerType: 'mouse',
      }),
    );
    while (shownText() !== expected) {
      if (performance.now() - start > timeoutMs) throw new Error(`the tip of point ${j} was not shown`);
      await frame();
    }
    await frame();
    samples.push(performance.now() - start);
  }
  return samples;
}
