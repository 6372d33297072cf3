/**
 * Rendered, sanitised HTML for Markdown the student wrote. The lessons' own prose comes rendered
 * by the build; the renderer (markdown-it, KaTeX) is loaded the first time a student edits prose.
 */
import { sanitizeMarkdown } from './sanitize.ts';

let render: ((source: string) => string) | undefined;
let loading: Promise<unknown> | undefined;
const cache = new Map<string, string>();

/** The HTML of `source`, or undefined while the renderer loads (`onReady` is then called). */
export function markdownHtml(source: string, onReady: () => void): string | undefined {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  if (!render) {
    loading ??= import('../notebook/render-markdown.ts').then((m) => (render = m.renderMarkdown));
    void loading.then(onReady);
    return undefined;
  }
  const html = sanitizeMarkdown(render(source));
  cache.set(source, html);
  return html;
}
