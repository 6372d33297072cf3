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

/**
 * Starts loading the editor chunk when the browser is idle (within `timeout` ms at the latest),
 * then calls `then`.
 */
export function preloadEditorKit(then: () => void = () => undefined, timeout = 2000): void {
  // A failure here is not reported: a later focus tries again and says what went wrong.
  const start = () => void loadEditorKit().then(then, () => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout });
  else setTimeout(start, timeout);
}
