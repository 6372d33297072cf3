/**
 * One cell's Monaco editor, made to look like the highlighted code view it replaces (same font,
 * size, line height, padding, background), so swapping one for the other does not move the page.
 * It grows with its content instead of scrolling, lets the page scroll under the mouse wheel, and
 * keeps the notebook's keys: Shift+Enter runs and moves on, Ctrl/Cmd+Enter runs in place,
 * Alt+Enter runs and inserts a cell below, Escape leaves the editor, Ctrl/Cmd+Shift+I interrupts.
 */
import { monaco } from './monaco.ts';
import { THEME_EVENT, currentTheme } from '../theme.ts';

/** What a cell's editor needs from the cell. */
export interface CellEditorOptions {
  /** The element the editor fills; it should carry the code view's font and colours. */
  container: HTMLElement;
  /** The model's URI (see `NotebookTypes.cellUri`). */
  uri: monaco.Uri;
  value: string;
  ariaLabel: string;
  /** Where to put the cursor, 1-based; the end of the code when absent. */
  position?: { lineNumber: number; column: number };
  onChange(text: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Shift+Enter. */
  onRunAndAdvance(): void;
  /** Alt+Enter. */
  onRunAndInsert(): void;
  /** Escape (when no widget is open). */
  onLeave(): void;
  /** Ctrl/Cmd+Shift+I, the app's Interrupt (Monaco would format the code). */
  onInterrupt(): void;
}

/** A cell's editor: what the cell calls on it. */
export interface CellEditor {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  /** Replaces the text (a reset, an undo of the lesson), keeping the editor's undo history. */
  setValue(text: string): void;
  focus(position?: { lineNumber: number; column: number }): void;
  /** Marks the line a run failed on (1-based), or clears the mark. */
  showErrorLine(line: number | undefined): void;
  /** Type errors and syntax errors the language service found, as Monaco markers. */
  markers(): monaco.editor.IMarker[];
  dispose(): void;
}

const THEME = { light: 'dplab', dark: 'dplab-dark' } as const;
let themed = false;

/**
 * Colours of the page's code view (GitHub's light and dark palettes, as `--dp-code-*` in theme.css),
 * on the panel background; Monaco's theme is global, switched when the page's theme changes.
 */
function defineTheme() {
  if (themed) return;
  themed = true;
  monaco.editor.defineTheme(THEME.light, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: 'cf222e' },
      { token: 'string', foreground: '0a3069' },
      { token: 'number', foreground: '0550ae' },
      { token: 'comment', foreground: '59636e' },
      { token: 'type', foreground: '953800' },
      { token: 'regexp', foreground: '116329' },
    ],
    colors: {
      'editor.background': '#f6f8fa',
      'editor.lineHighlightBackground': '#eef1f4',
      'editorWidget.background': '#ffffff',
    },
  });
  monaco.editor.defineTheme(THEME.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: 'ff7b72' },
      { token: 'string', foreground: 'a5d6ff' },
      { token: 'number', foreground: '79c0ff' },
      { token: 'comment', foreground: '9198a1' },
      { token: 'type', foreground: 'ffa657' },
      { token: 'regexp', foreground: '7ee787' },
    ],
    colors: {
      'editor.background': '#151b23',
      'editor.foreground': '#e6edf3',
      'editor.lineHighlightBackground': '#1f2630',
      'editorWidget.background': '#0d1117',
    },
  });
  document.addEventListener(THEME_EVENT, () => monaco.editor.setTheme(THEME[currentTheme()]));
}

/** Monaco wants pixels; the page sets the code view's metrics in CSS. */
function metrics(container: HTMLElement) {
  const style = getComputedStyle(container);
  const px = (value: string, fallback: number) => {
    const n = Number.parseFloat(value);
    return Number.isFinite(n) ? n : fallback;
  };
  const fontSize = px(style.fontSize, 13.6);
  return {
    fontFamily: style.fontFamily,
    fontSize,
    lineHeight: Math.round(px(style.lineHeight, fontSize * 1.45)),
    paddingY: px(style.getPropertyValue('--dp-code-pad-y'), 12),
    paddingX: px(style.getPropertyValue('--dp-code-pad-x'), 16),
  };
}

/** Creates the editor inside `options.container`; see the module comment. */
export function createCellEditor(options: CellEditorOptions): CellEditor {
  defineTheme();
  const { container } = options;
  const m = metrics(container);
  const model =
    monaco.editor.getModel(options.uri) ??
    monaco.editor.createModel(options.value, 'typescript', options.uri);
  if (model.getValue() !== options.value) model.setValue(options.value);
  const editor = monaco.editor.create(container, {
    model,
    theme: THEME[currentTheme()],
    ariaLabel: options.ariaLabel,
    fontFamily: m.fontFamily,
    fontSize: m.fontSize,
    lineHeight: m.lineHeight,
    padding: { top: m.paddingY, bottom: m.paddingY },
    // No gutter: the code starts where the plain view's text starts.
    lineNumbers: 'off',
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: m.paddingX,
    lineNumbersMinChars: 0,
    minimap: { enabled: false },
    overviewRulerLanes: 0,
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    renderLineHighlight: 'none',
    scrollBeyondLastLine: false,
    // The cell grows with its code; the wheel scrolls the page, not the cell.
    scrollbar: { vertical: 'hidden', alwaysConsumeMouseWheel: false, horizontalScrollbarSize: 8 },
    // Suggestions and hovers reach outside the cell's box (its container does not clip them);
    // Monaco's "fixed" overflow widgets misplace the details pane when the page scrolls.
    fixedOverflowWidgets: false,
    automaticLayout: true,
    tabSize: 2,
    stickyScroll: { enabled: false },
    fontLigatures: false,
    contextmenu: true,
  });

  // The container's border is inside its height (border-box).
  const border = container.offsetHeight - container.clientHeight;
  const fit = () => {
    container.style.height = `${editor.getContentHeight() + border}px`;
  };
  fit();
  const subscriptions = [
    editor.onDidContentSizeChange(fit),
    model.onDidChangeContent(() => options.onChange(model.getValue())),
  ];
  // Actions, not commands: an action's keybinding belongs to this editor only.
  const noWidget = '!suggestWidgetVisible && !parameterHintsVisible && !findWidgetVisible';
  const action = (id: string, label: string, keybinding: number, run: () => void, precondition?: string) =>
    editor.addAction({ id: `dplab.${id}`, label, keybindings: [keybinding], run, precondition });
  const { KeyMod, KeyCode } = monaco;
  subscriptions.push(
    action(
      'runAndAdvance',
      'Run cell and go to the next',
      KeyMod.Shift | KeyCode.Enter,
      options.onRunAndAdvance,
    ),
    action('run', 'Run cell', KeyMod.CtrlCmd | KeyCode.Enter, options.onRun),
    action(
      'runAndInsert',
      'Run cell and insert one below',
      KeyMod.Alt | KeyCode.Enter,
      options.onRunAndInsert,
    ),
    action('leave', 'Leave the editor', KeyCode.Escape, options.onLeave, noWidget),
    action(
      'interrupt',
      'Interrupt the running cell',
      KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyI,
      options.onInterrupt,
    ),
  );

  const focus = (position?: { lineNumber: number; column: number }) => {
    const at = position ?? {
      lineNumber: model.getLineCount(),
      column: model.getLineMaxColumn(model.getLineCount()),
    };
    editor.setPosition(at);
    editor.revealPositionInCenterIfOutsideViewport(at);
    editor.focus();
  };
  if (options.position) editor.setPosition(options.position);
  const errorLine = editor.createDecorationsCollection();

  return {
    editor,
    setValue(text) {
      if (text === model.getValue()) return;
      editor.pushUndoStop();
      editor.executeEdits('dplab', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
    focus,
    showErrorLine(line) {
      errorLine.set(
        line === undefined || line > model.getLineCount()
          ? []
          : [
              {
                range: new monaco.Range(line, 1, line, 1),
                options: { isWholeLine: true, className: 'dp-monaco-error-line' },
              },
            ],
      );
    },
    markers: () => monaco.editor.getModelMarkers({ resource: model.uri }),
    dispose() {
      for (const s of subscriptions) s.dispose();
      editor.dispose();
      model.dispose();
    },
  };
}
