/**
 * Loads the editor chunk (Monaco and the type declarations, ~1 MB gzipped) only when it is needed:
 * when the page is idle after the notebook ran, or when the student first focuses a cell. The
 * entry imports this file only; the `import()` below is the chunk boundary.
 */
type EditorKit = typeof import('./editor/index.ts');

let kit: Promise<EditorKit> | undefined;
let loaded: EditorKit | undefined;

/** The editor chunk, loading it on first call. A failed load is retried on the next call. */
export function loadEditorKit(): Promise<EditorKit> {
  kit ??= import('./editor/index.ts').then(
    (k) => (loaded = k),
    (error: unknown) => {
      kit = undefined;
      throw error;
    },
  );
  return kit;
}

/** The editor chunk if it has already loaded, so a focused cell can swap in Monaco at once. */
export function loadedEditorKit(): EditorKit | undefined {
  return loaded;
}

/** How long the student must leave the page alone before the editor loads in the background. */
const QUIET_MS = 1500;
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'scroll'] as const;

/**
 * Starts loading the editor chunk once the student has left the page alone for a moment and the
 * browser is idle, then calls `then`. Parsing Monaco takes the main thread for a few hundred
 * milliseconds and starting TypeScript takes a core: done while the student drags a slider, it
 * would make the notebook feel slow. A first click into code loads it at once anyway.
 */
export function preloadEditorKit(then: () => void = () => undefined): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    for (const type of ACTIVITY) window.removeEventListener(type, restart, true);
  };
  const start = () => {
    stop();
    // A failure here is not reported: a later focus tries again and says what went wrong.
    void loadEditorKit().then(then, () => undefined);
  };
  const idle = () => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(start);
    else start();
  };
  function restart() {
    clearTimeout(timer);
    timer = setTimeout(idle, QUIET_MS);
  }
  if (loaded) {
    then();
    return;
  }
  for (const type of ACTIVITY) window.addEventListener(type, restart, { capture: true, passive: true });
  restart();
}
