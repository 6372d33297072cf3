/**
 * `<dp-app>`: the shell. A top bar (Open notebook, Run all, Interrupt), a sidebar listing the
 * bundled notebooks, and the open notebook. Each notebook has a URL, `#/notebooks/<file>`.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import notebookIndex from 'virtual:notebook-index';
import { NotebookController } from './notebook-controller.ts';
import { loadBundledNotebook, prepareNotebookText } from './notebook-loader.ts';
import type { PreparedNotebook } from '../notebook/prepare-notebook.ts';
import type { OutsideNotebook } from './notebook-trust.ts';
import { setThemeChoice, themeChoice, type ThemeChoice } from './theme.ts';
import { cellNumbers } from './dp-notebook.ts';
import './dp-progress.ts';
import './dp-trust-bar.ts';

/** What the main area shows besides a notebook. */
type Notice = { kind: 'loading'; text: string } | { kind: 'error'; text: string };

const ROUTE = /^#\/notebooks\/([^/]+\.md)$/;

@customElement('dp-app')
export class DpApp extends LitElement {
  /** The open notebook and its run state. */
  readonly controller = new NotebookController(this);
  @state() private notice?: Notice;
  @state() private dragging = false;
  /** The keyboard-shortcut sheet is open. */
  @state() private shortcuts = false;
  /** A short message that does not replace the notebook (a data file was added). */
  @state() private message?: string;
  /** The course's progress page is shown instead of a notebook (`#/progress`). */
  @state() private showProgress = false;
  /** The side panel that is open: the dependency view or the experiment journal (loaded on first use). */
  @state() private panel?: 'graph' | 'journal';
  @state() private panelReady = new Set<string>();
  /** On a narrow screen the lesson list is a menu ("Lessons"); it is open. */
  @state() private lessonsOpen = false;
  @state() private theme: ThemeChoice = themeChoice();
  /** Hash the app set itself for a local file, so the hashchange it causes is not a navigation. */
  private localHash?: string;
  /** What the polite live region says: a run finished, a cell failed, an exercise passed. */
  @state() private announcement = '';
  /** What the last announcement was made from: whether the kernel was busy, the exercises passed. */
  private announced = { busy: false, passed: new Set<string>(), notebook: undefined as unknown };

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.route);
    document.addEventListener('dragover', this.onDragOver);
    document.addEventListener('dragleave', this.onDragLeave);
    document.addEventListener('drop', this.onDrop);
    document.addEventListener('keydown', this.onKeyDown);
    document.addEventListener('focusin', this.onFocusIn);
    // Save typing that is still waiting for its debounce when the page is hidden or closed.
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.onHide);
    void this.route();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.route);
    document.removeEventListener('dragover', this.onDragOver);
    document.removeEventListener('dragleave', this.onDragLeave);
    document.removeEventListener('drop', this.onDrop);
    document.removeEventListener('keydown', this.onKeyDown);
    document.removeEventListener('focusin', this.onFocusIn);
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.onHide);
  }

  protected override willUpdate(): void {
    this.announce();
  }

  /**
   * Puts into the live region what changed since the last update: a run began or ended (and which
   * cells failed), an exercise passed. A newly opened notebook resets it.
   */
  private announce() {
    const { notebook, busy, states, exercises } = this.controller;
    const last = this.announced;
    const passed = new Set(
      exercises.filter((e) => this.controller.exerciseState(e).status === 'passed').map((e) => e.id),
    );
    if (notebook !== last.notebook) {
      this.announced = { busy, passed, notebook };
      this.announcement = '';
      return;
    }
    if (!notebook) return;
    const said: string[] = [];
    const numbers = cellNumbers(this.controller, notebook);
    if (busy && !last.busy) {
      // The kernel's status says "Running…"; this says what runs.
      const running = [...numbers].filter(([id]) => /^(queued|running)$/.test(states.get(id)?.status ?? ''));
      const first = running[0];
      if (running.length === 1 && first) said.push(`Running cell ${first[1]}.`);
      else if (running.length > 1) said.push(`Running ${running.length} cells.`);
    }
    if (!busy && last.busy) {
      const failed = [...numbers].filter(([id]) => states.get(id)?.status === 'error');
      if (failed.length === 0) said.push('Run finished.');
      for (const [id, n] of failed.slice(0, 3)) {
        said.push(`Cell ${n} failed: ${states.get(id)?.error?.message ?? 'error'}.`);
      }
      if (failed.length > 3) said.push(`${failed.length} cells failed in all.`);
    }
    for (const exercise of exercises) {
      if (passed.has(exercise.id) && !last.passed.has(exercise.id)) {
        said.push(`Exercise “${exercise.title}” passed.`);
      }
    }
    this.announced = { busy, passed, notebook };
    if (said.length > 0) this.announcement = said.join(' ');
  }

  /** Whether the keyboard is in a cell's code (edit mode), and in which cell. */
  private editing?: Element;

  /**
   * Says when the keyboard enters or leaves a cell's code, as Jupyter's edit and command modes: in
   * the code, keys type; on the cell, Enter edits and Shift+Enter runs. Moving between cells that
   * are not being edited says nothing more than each cell's own name.
   */
  private onFocusIn = (event: FocusEvent) => {
    const target = event.target instanceof Element ? event.target : undefined;
    const cell = target?.closest('dp-cell');
    if (!target || !cell) {
      this.editing = undefined;
      return;
    }
    const n = (cell as Element & { number?: number }).number;
    const name = n === undefined ? 'this cell' : `cell ${n}`;
    if (target.closest('.monaco-editor, textarea.dp-code-edit')) {
      if (this.editing === cell) return;
      this.editing = cell;
      this.announcement = `Editing ${name}. Escape stops editing; Shift+Enter runs it.`;
    } else if (this.editing === cell) {
      this.editing = undefined;
      this.announcement = `Stopped editing ${name}. Enter edits it again; Shift+Enter runs it.`;
    } else {
      this.editing = undefined;
    }
  };

  /** The skip link: focus the lesson, without the hash change a link would make (hashes are routes). */
  private skipToLesson = (event: Event) => {
    event.preventDefault();
    const main = this.querySelector<HTMLElement>('.dp-main');
    main?.focus();
    main?.scrollIntoView({ block: 'start' });
  };

  private onHide = () => {
    if (document.visibilityState === 'hidden') void this.controller.flush();
  };

  /** Opens the notebook the URL names (the first notebook when it names none). */
  private route = async () => {
    const hash = location.hash;
    this.lessonsOpen = false;
    if (hash === this.localHash) return;
    if (hash === '#/progress') {
      this.notice = undefined;
      this.showProgress = true;
      return;
    }
    this.showProgress = false;
    if (hash.startsWith('#/share/')) {
      await this.openShared(hash);
      return;
    }
    if (hash.startsWith('#/local/')) {
      this.notice = {
        kind: 'error',
        text: 'This notebook was opened from a file on your computer, which is not kept across reloads. Open it again with “Open notebook”.',
      };
      return;
    }
    const file = ROUTE.exec(hash)?.[1];
    if (!file) {
      const first = notebookIndex[0];
      if (first) location.replace(`#/notebooks/${first.file}`);
      else this.notice = { kind: 'error', text: 'No notebooks are bundled with this app.' };
      return;
    }
    const name = decodeURIComponent(file);
    if (!notebookIndex.some((entry) => entry.file === name)) {
      this.notice = { kind: 'error', text: `There is no notebook called “${name}”. Pick one from the list.` };
      return;
    }
    this.notice = { kind: 'loading', text: `Opening ${name}…` };
    try {
      await this.show(await loadBundledNotebook(name), name);
    } catch (error) {
      this.notice = {
        kind: 'error',
        text: `Could not open the notebook “${name}” (${(error as Error).message}). Pick one from the list.`,
      };
    }
  };

  /** Shows a notebook; one from `outside` the app waits for the student's consent to run. */
  private async show(prepared: PreparedNotebook, name: string, outside?: OutsideNotebook) {
    this.notice = undefined;
    await this.controller.open(prepared, { name, origin: outside ? 'local' : 'bundled', outside });
  }

  /** A notebook carried in the link itself (`#/share/…`, made by "Share link"). */
  private async openShared(hash: string) {
    this.notice = { kind: 'loading', text: 'Opening the shared notebook…' };
    try {
      const { decodeShareHash } = await import('../notebook/share-link.ts');
      const text = await decodeShareHash(hash);
      await this.show(await prepareNotebookText(text), 'shared.md', { via: 'share-link', text });
    } catch (error) {
      this.notice = { kind: 'error', text: `This share link cannot be opened: ${(error as Error).message}` };
    }
  }

  private async openFile(file: File) {
    if (/\.(csv|tsv|json|txt)$/i.test(file.name)) {
      await this.controller.addFile(file);
      this.message = `Added your file ${file.name}: cells can read it with FileAttachment("${file.name}") — run the cell that reads it.`;
      return;
    }
    const ipynb = /\.ipynb$/i.test(file.name);
    if (!ipynb && !/\.(md|markdown)$/i.test(file.name)) {
      this.notice = {
        kind: 'error',
        text: `“${file.name}” is not a notebook: open a Markdown file (.md) with \`\`\`ts cells, or a Jupyter notebook (.ipynb).`,
      };
      return;
    }
    this.localHash = `#/local/${encodeURIComponent(file.name)}`;
    location.hash = this.localHash;
    this.notice = { kind: 'loading', text: `Opening ${file.name}…` };
    try {
      let text = await file.text();
      if (ipynb) text = (await import('../notebook/ipynb/ipynb.ts')).fromIpynb(text);
      await this.show(await prepareNotebookText(text), file.name, { via: 'file', text });
    } catch (error) {
      this.notice = { kind: 'error', text: `Could not open “${file.name}”: ${(error as Error).message}` };
    }
  }

  private onFileInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.openFile(file);
    input.value = '';
  };

  private onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  };

  private onDragLeave = (event: DragEvent) => {
    if (event.relatedTarget === null) this.dragging = false;
  };

  private onDrop = (event: DragEvent) => {
    const file = event.dataTransfer?.files[0];
    this.dragging = false;
    if (!file) return;
    event.preventDefault();
    void this.openFile(file);
  };

  private onKeyDown = (event: KeyboardEvent) => {
    // Keys typed into a field or the code editor (Monaco types through an EditContext element, not a
    // text area) are text, not shortcuts.
    const typing =
      event.target instanceof HTMLElement &&
      event.target.closest('input, textarea, select, [contenteditable], .monaco-editor');
    if (event.key === '?' && !typing) {
      event.preventDefault();
      this.shortcuts = !this.shortcuts;
      return;
    }
    if (event.key === 'Escape' && this.shortcuts) {
      this.shortcuts = false;
      return;
    }
    if (event.key === 'Escape' && this.lessonsOpen) {
      this.closeLessons();
      return;
    }
    // A keyboard way to Interrupt that editors do not claim.
    if (event.key === 'i' && event.ctrlKey && event.shiftKey) {
      event.preventDefault();
      void this.controller.interrupt();
    }
    // Jupyter's habit: Ctrl/Cmd+S saves. Work is saved as it is typed; write it now, and say where
    // it is kept, instead of the browser's "Save page as…".
    if (
      event.key.toLowerCase() === 's' &&
      (event.ctrlKey || event.metaKey) &&
      !event.shiftKey &&
      !event.altKey
    ) {
      event.preventDefault();
      void this.controller.flush().then(() => {
        this.message =
          'Saved in this browser (your changes are saved as you type). Download .md keeps a copy as a file.';
      });
    }
  };

  private renderShortcuts() {
    const keys: [string, string][] = [
      ['Shift+Enter', 'run the cell and move to the next one'],
      ['Ctrl/Cmd+Enter', 'run the cell and stay'],
      ['Alt+Enter', 'run the cell and insert a new one below'],
      ['Enter or click', 'edit the focused cell (double-click or Enter for text)'],
      ['Escape', 'stop editing (Enter goes back in)'],
      ['Ctrl+Space', 'in the code: show completions (they also appear as you type)'],
      ['Ctrl+Shift+Space', 'in the code: show the parameters of the function you are calling'],
      ['F8', 'in the code: jump to the next problem (squiggly line)'],
      ['Ctrl/Cmd+/', 'in the code: comment or uncomment the lines'],
      ['Ctrl+M', 'in the code: let Tab move the focus instead of indenting'],
      ['Ctrl+Shift+I', 'interrupt the running cell'],
      ['Ctrl/Cmd+S', 'save now (changes are also saved as you type, in this browser)'],
      ['?', 'show or hide this list'],
    ];
    return html`<div class="dp-shortcuts" role="dialog" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <dl>
        ${keys.map(
          ([key, what]) =>
            html`<dt><kbd>${key}</kbd></dt>
              <dd>${what}</dd>`,
        )}
      </dl>
      <button class="dp-link-button" @click=${() => (this.shortcuts = false)}>Close</button>
    </div>`;
  }

  /** Closes the lesson menu and gives the focus back to its button. */
  private closeLessons() {
    this.lessonsOpen = false;
    this.querySelector<HTMLElement>('.dp-lessons-button')?.focus();
  }

  private async toggleLessons() {
    this.lessonsOpen = !this.lessonsOpen;
    if (!this.lessonsOpen) return;
    await this.updateComplete;
    this.querySelector<HTMLElement>('.dp-sidebar a')?.focus();
  }

  private onThemeChange = (event: Event) => {
    this.theme = (event.target as HTMLSelectElement).value as ThemeChoice;
    setThemeChoice(this.theme);
  };

  /** Opens or closes a side panel; its component is loaded the first time. */
  private async togglePanel(panel: 'graph' | 'journal') {
    if (this.panel === panel) {
      this.panel = undefined;
      return;
    }
    this.panel = panel;
    if (this.panelReady.has(panel)) return;
    // Two separate imports: one `import()` of a conditional makes the build preload only one CSS file.
    if (panel === 'graph') await import('./dp-graph.ts');
    else await import('./dp-journal.ts');
    this.panelReady = new Set([...this.panelReady, panel]);
  }

  private renderPanel() {
    const panel = this.panel;
    if (!panel || !this.controller.notebook || this.showProgress) return nothing;
    const title = panel === 'graph' ? 'Dependencies' : 'Experiment journal';
    return html`<aside class="dp-side-panel" aria-label=${title}>
      <div class="dp-side-panel-head">
        <h2>${title}</h2>
        <button class="dp-link-button" aria-label="Close ${title}" @click=${() => (this.panel = undefined)}>
          ✕
        </button>
      </div>
      ${
        !this.panelReady.has(panel)
          ? html`<p class="dp-exercise-reason">Loading…</p>`
          : panel === 'graph'
            ? html`<dp-graph
                .controller=${this.controller}
                .states=${this.controller.states}
                .defines=${this.controller.defines}
                .edges=${this.controller.edges}
              ></dp-graph>`
            : html`<dp-journal .controller=${this.controller} .states=${this.controller.states}></dp-journal>`
      }
    </aside>`;
  }

  override render() {
    const { notebook, source, busy } = this.controller;
    const current = source?.origin === 'bundled' ? source.name : undefined;
    return html`
      <a class="dp-skip-link" href="#dp-main" @click=${this.skipToLesson}>Skip to the lesson</a>
      <header class="dp-topbar">
        <button
          class="dp-button dp-lessons-button"
          aria-expanded=${this.lessonsOpen ? 'true' : 'false'}
          aria-controls="dp-sidebar"
          @click=${() => this.toggleLessons()}
        >
          Lessons
        </button>
        <a class="dp-brand" href="#/">Data Products Lab</a>
        <div class="dp-actions">
          <label class="dp-button dp-open">
            Open notebook
            <input
              type="file"
              accept=".md,.markdown,.ipynb,.csv,.tsv,.json,.txt,text/markdown"
              @change=${this.onFileInput}
            />
          </label>
          <button class="dp-button" @click=${() => this.controller.runAll()} ?disabled=${!notebook}>
            Run all
          </button>
          <button
            class="dp-button dp-interrupt"
            title="Stop the running cell (Ctrl+Shift+I)"
            @click=${() => this.controller.interrupt()}
            ?disabled=${!busy}
          >
            Interrupt
          </button>
          <button
            class="dp-button"
            aria-pressed=${this.panel === 'graph' ? 'true' : 'false'}
            title="Show how the cells depend on each other"
            @click=${() => this.togglePanel('graph')}
            ?disabled=${!notebook}
          >
            Dependencies
          </button>
          <button
            class="dp-button"
            aria-pressed=${this.panel === 'journal' ? 'true' : 'false'}
            title="Show the runs this notebook reported, with their settings"
            @click=${() => this.togglePanel('journal')}
            ?disabled=${!notebook}
          >
            Journal
          </button>
          <span class="dp-kernel" role="status">${busy ? 'Running…' : notebook ? 'Idle' : ''}</span>
          <select class="dp-theme" aria-label="Theme" .value=${this.theme} @change=${this.onThemeChange}>
            <option value="system">System theme</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </header>
      <div class="dp-layout">
        <nav
          id="dp-sidebar"
          class="dp-sidebar ${this.lessonsOpen ? 'dp-sidebar-open' : ''}"
          aria-label="Notebooks"
          @click=${(event: Event) => {
            if ((event.target as Element).closest('a')) this.lessonsOpen = false;
          }}
        >
          <a class="dp-progress-link" href="#/progress" aria-current=${this.showProgress ? 'page' : 'false'}
            >Your progress</a
          >
          <ol>
            ${notebookIndex.map((entry) => {
              const done = this.controller.progress.summaries.get(`bundled:${entry.file}`)?.passed ?? 0;
              const all = entry.exercises.length;
              return html`<li>
                <a href="#/notebooks/${entry.file}" aria-current=${entry.file === current ? 'page' : 'false'}
                  >${entry.title}</a
                >
                ${
                  all > 0
                    ? html`<span
                        class="dp-sidebar-progress ${done === all ? 'dp-sidebar-done' : ''}"
                        aria-label="${done} of ${all} exercises passed"
                        >${done}/${all}</span
                      >`
                    : nothing
                }
                ${entry.summary ? html`<p>${entry.summary}</p>` : nothing}
              </li>`;
            })}
          </ol>
        </nav>
        <main class="dp-main" id="dp-main" tabindex="-1">
          <p class="dp-visually-hidden dp-announce" role="status" aria-live="polite">${this.announcement}</p>
          ${
            this.message
              ? html`<p class="dp-message" role="status">
                  ${this.message}
                  <button
                    class="dp-link-button"
                    aria-label="Dismiss"
                    @click=${() => (this.message = undefined)}
                  >
                    ✕
                  </button>
                </p>`
              : nothing
          }
          ${
            this.showProgress
              ? html`<dp-progress .lessons=${notebookIndex} .store=${this.controller.progress}></dp-progress>`
              : this.notice
                ? html`<p
                    class="dp-notice dp-notice-${this.notice.kind}"
                    role=${this.notice.kind === 'error' ? 'alert' : 'status'}
                  >
                    ${this.notice.text}
                  </p>`
                : notebook
                  ? html`<dp-trust-bar
                        .trust=${this.controller.trust}
                        .refused=${this.controller.runsRefused}
                        @dp-run-outside=${() => this.controller.agreeToRun()}
                      ></dp-trust-bar>
                      <dp-notebook
                        .controller=${this.controller}
                        .notebook=${notebook}
                        .states=${this.controller.states}
                      ></dp-notebook>`
                  : nothing
          }
        </main>
        ${this.renderPanel()}
      </div>
      ${this.shortcuts ? this.renderShortcuts() : nothing}
      ${this.dragging ? html`<div class="dp-dropzone">Drop a notebook (.md) to open it</div>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dp-app': DpApp;
  }
}
