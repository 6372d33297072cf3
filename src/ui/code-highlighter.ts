/**
 * Highlighting for code the student edited. Shipped code comes highlighted by the build; the
 * highlighter itself is loaded the first time a student changes a cell.
 */
type Highlight = (code: string, lang: string) => string;

let highlight: Highlight | undefined;
let loading: Promise<Highlight> | undefined;

/**
 * Highlighted (escaped) HTML of the code, or undefined while the highlighter loads; `onReady` is
 * called once it has loaded, to render again.
 */
export function highlightEdited(code: string, lang: string, onReady: () => void): string | undefined {
  if (highlight) return highlight(code, lang);
  loading ??= import('../notebook/highlight-code.ts').then((m) => (highlight = m.highlightCode));
  void loading.then(onReady);
  return undefined;
}
